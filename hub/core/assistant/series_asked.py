"""A recurring thing asked as such, or which of its editions is the current one.

Two kinds of question about a thing that comes in editions (the award, the IOPD
conferences, a numbered forum):

- **The thing itself** ("what is the award?", "¿para qué sirve la distinción?", "o que é o
  prémio do OIDP?"): asked naming no edition, no year and no step, it is answered with the
  standing record relating its editions (an FAQ entry whose data names them), not with a
  past or a later edition's text (an edition running at now is still the thing asked).
  :func:`general_asked` says whether a question asks so;
  :meth:`~hub.core.assistant.answers_records.RecordAnswers._general_of` finds the record.
- **Which edition is the current one** ("which edition of the award is this year's?",
  "quelle est l'édition actuelle du prix ?", "quina edició es convoca aquest any?"): asked
  at a date, the edition whose year is the asker's is named (its number, in the answer's
  language) and said to be this year's; when no edition on record is of that year, the
  question is handed off rather than offering an older or a later one
  (:func:`current_edition`).

Unchanged: a question naming an edition (its number) or another year (answered with that
edition), a yes/no question ("is this year's the 7th edition?"), and "when is the next X"
(:mod:`~hub.core.assistant.answers_next_last`).

The edition words are the vocabulary's ``editions``; the words saying "now" of an edition
("current", "en curso", "actuelle") its ``edition_now``; a series is told by its kind's
words (``kinds``: "award", "premio", "conférence"...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from hub.core.assistant.index import AwardView, EventView, text_in
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

if TYPE_CHECKING:
    from hub.core.assistant.answers_base import Decision
    from hub.core.assistant.context import Context
    from hub.core.assistant.index import KnowledgeIndex
    from hub.core.assistant.reading import Reading

_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")
SERIES_KINDS = ("award", "conference", "seminar", "external_event")
"""The kinds whose records come in editions, in the order a question naming two is read
("the call for the award": the award, not the call)."""
WHICH_SLOTS = frozenset({"what", "list"})
"""The slots a "which edition" question is read with (none said is read as "what")."""
_NOT_A_SERIES = frozenset(
    {"entries", "candidacies", "candidaturas", "candidatures", "reward", "rewards"}
)
"""Words of the award's kind that name other things too (a conference's candidacies)."""


@dataclass(frozen=True)
class Edition:
    """One edition of a series: its record, number (if any) and year."""

    record: AwardView | EventView
    number: int | None
    year: int


@cache
def _now_words() -> PhraseMatcher[bool]:
    """The vocabulary's ``edition_now`` phrases ("current", "en curso", "actuelle")."""
    found: PhraseMatcher[bool] = PhraseMatcher()
    for phrases in (load_vocabulary().sections.get("edition_now") or {}).values():
        found.add_all((str(p) for p in phrases), True)
    return found


@cache
def _kind_words() -> dict[str, frozenset[str]]:
    """Each series kind's words, normalised, in every language."""
    kinds = load_vocabulary().kinds
    found: dict[str, frozenset[str]] = {}
    for kind in SERIES_KINDS:
        words = {normalise(str(p)) for ps in (kinds.get(kind) or {}).values() for p in ps}
        found[kind] = frozenset(w for w in words if w and w not in _NOT_A_SERIES)
    return found


def _kinds_said(words: list[str]) -> list[str]:
    """The series kinds the words name, in :data:`SERIES_KINDS` order."""
    padded = f" {' '.join(words)} "
    return [kind for kind, said in _kind_words().items() if any(f" {w} " in padded for w in said)]


def _editions(index: KnowledgeIndex, kind: str) -> list[Edition]:
    """The dated editions of a series kind: the awards, or the events of that kind that are
    numbered or dated (an edition without a year can be no year's)."""
    found: list[Edition] = []
    if kind == "award":
        for award in index.awards:
            year = award.year or (award.first_date.year if award.first_date else None)
            if year is not None:
                found.append(Edition(award, award.edition, year))
        return found
    for event in index.events:
        if event.kind != kind or event.span is None:
            continue
        found.append(Edition(event, event.number, event.span[0].year))
    return found


def _numbers_said(words: list[str]) -> set[int]:
    return {int(m.group()) for w in words for m in [_NUMBER.match(w)] if m}


def _names_edition(reading: Reading) -> bool:
    """Whether the question names an edition by its number, or a year ("the 7th", "2013")."""
    return bool(_numbers_said(reading.words))


def _asks_now(ctx: Context, reading: Reading) -> bool:
    """Whether the question places the edition at the asker's now: a period holding today
    ("this year", "este año") or a word saying now ("current", "en curso")."""
    period = reading.period
    if period is not None:
        return period.start <= ctx.today <= period.end
    return reading.still or bool(_now_words().find(reading.words, fuzzy=False))


def current_edition(ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
    """Asked which edition of a series is the current one, the edition of the asker's year
    named and said to be this year's, or a handoff when none on record is; None when the
    question asks something else (:mod:`series_asked`)."""
    vocabulary = load_vocabulary()
    if reading.polar or (reading.qtype or "what") not in WHICH_SLOTS:
        return None
    if not vocabulary.editions.intersection(reading.words) or reading.relative is not None:
        return None
    if not _asks_now(ctx, reading):
        return None
    numbers = _numbers_said(reading.words)
    if numbers - {ctx.today.year}:  # "is this year's the 7th?", "the 2013 one": named
        return None
    from hub.core.assistant.answers_base import Decision

    year = ctx.today.year
    cited = [ctx.index.record(i) for i in decision.reply.sources]
    series = [r for r in cited if isinstance(r, (AwardView, EventView))]
    kinds = (
        _kinds_said(reading.words)
        or ["award" if isinstance(r, AwardView) else r.kind for r in series][:1]
    )  # the series from the record the answer cites ("this year's edition")
    if not kinds or kinds[0] not in SERIES_KINDS:
        return None
    editions = _editions(ctx.index, kinds[0])
    named = [e for e in editions if e.year == year and e.record in series]
    if not named:  # the edition the answer found is of another year, or none was found
        named = [e for e in editions if e.year == year]
    if len(named) > 1:  # several series of that kind that year (forums): not told apart
        return None
    if not named:  # none of this year on record: an older or a later one is not it
        return Decision(ctx.handoff(sources=[]), decision.intent, min(decision.confidence, 0.3))
    edition = named[0]
    name = text_in(edition.record.name, ctx.language)[0]
    if edition.number is not None:
        said = ctx.phrase("current_edition", number=edition.number, name=name, year=edition.year)
    else:
        said = ctx.phrase("current_edition_unnumbered", name=name, year=edition.year)
    sources = [edition.record.id]
    if not decision.reply.handoff and edition.record.id in decision.reply.sources:
        sources = list(decision.reply.sources)  # what the record path cited stays cited
    from hub.core.assistant.context import Reply

    confidence = max(decision.confidence, 0.6)
    return Decision(Reply(said, sources), decision.intent, confidence)


def general_asked(reading: Reading, language: str) -> bool:
    """Whether a question about a series asks the thing itself: it names no edition (a
    number), no year (its number, a year word, a period) and places nothing at now; then a
    later edition's text is no answer."""
    if _names_edition(reading) or reading.period is not None or reading.relative is not None:
        return False
    if any(_YEAR.fullmatch(w) for w in reading.words):
        return False
    nouns = load_vocabulary().year_nouns
    if language != "ca":  # Catalan "any" is a year; elsewhere English "any" is not
        nouns = nouns - {"any"}
    if any(w in nouns for w in reading.words):
        return False
    return not _asks_now_words(reading)


def _asks_now_words(reading: Reading) -> bool:
    return reading.still or bool(_now_words().find(reading.words, fuzzy=False))
