"""An edition of a recurring thing asked in a period the records hold no edition of.

"When is the Informed Cities Forum in 2014?" with the 2013 forum on record, "la conférence
aura-t-elle lieu en Afrique en 2027 ?" with the 2020 conference, "o encontro deste ano volta
a ser em Cascais?" with the 2020 meeting: the records hold another year's edition, not the
one asked. Answering with it ("it took place in June 2013", "Non. ... 2020") gives the
asker a date or a place of another edition; the asked one is the secretariat's to tell, so
the question is handed off.

A record is an edition of a series by its own data: a number (the 20th conference), an
award's edition or year, a year written in its name, or a record of its kind whose name
differs from it only by numbers (seminar 1 and seminar 2). A record that is none of these
is an edition when the question says the thing comes again (the vocabulary's
``edition_again``: "volta a ser", "again", "de nouveau", "this year's"). Kept answered: a
question naming the edition held (its number, or the year in its name or dates), a month
with no year said ("in June?"), a record cited in a year asked, the last one asked, and a
period begun recalled in the past tense (a year misremembered, corrected by the record).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

from hub.core.assistant.index import AwardView, EventView
from hub.core.assistant.tense import tense
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

if TYPE_CHECKING:
    from hub.core.assistant.answers_base import Decision
    from hub.core.assistant.context import Context
    from hub.core.assistant.index import KnowledgeIndex
    from hub.core.assistant.reading import Reading

_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_NOT_YEAR = {"en": frozenset({"any"})}
"""Year nouns of another language that are a word of this one (Catalan "any", English "any")."""
Days = tuple[dt.date, dt.date]


@cache
def _again() -> PhraseMatcher[bool]:
    """The vocabulary's ``edition_again`` phrases."""
    found: PhraseMatcher[bool] = PhraseMatcher()
    for phrases in (load_vocabulary().sections.get("edition_again") or {}).values():
        found.add_all((str(p) for p in phrases), True)
    return found


def says_again(words: list[str]) -> bool:
    """Whether ``words`` say the thing asked comes again ("volta a ser", "this year's")."""
    return bool(_again().find(words, fuzzy=False))


def _stem(name: str) -> str:
    """A name without its numbers (the ordinals written with them too)."""
    return " ".join(w for w in normalise(name).split() if not _NUMBER.search(w))


def _dated(record: EventView | AwardView) -> Days | None:
    """The days a record falls on: an event's span, an award's steps from first to last."""
    if isinstance(record, EventView):
        return record.span
    days = [d for s in record.steps.values() for d in (s.starts_on, s.ends_on) if d]
    return (min(days), max(days)) if days else None


def _is_edition(record: EventView | AwardView, index: KnowledgeIndex) -> bool:
    """Whether the record's own data makes it one edition of a series."""
    if isinstance(record, AwardView):
        return record.edition is not None or record.year is not None
    if record.number is not None or any(_YEAR.search(n) for n in record.name.values()):
        return True
    stems = {_stem(n) for n in record.name.values()}
    return any(
        other.id != record.id
        and other.kind == record.kind
        and stems & {_stem(n) for n in other.name.values()}
        for other in index.events
    )


def _names_edition(record: EventView | AwardView, words: list[str], days: Days) -> bool:
    """Whether the question names the edition held: its number, or a year its name says or
    it falls in ("the 2020 conference in August?" asks the 2020 one's month)."""
    said = {int(m.group()) for w in words for m in [_NUMBER.match(w)] if m}
    number = record.number if isinstance(record, EventView) else record.edition
    years = {int(m.group()) for n in record.name.values() for m in _YEAR.finditer(n)}
    years |= set(range(days[0].year, days[1].year + 1))
    return (number is not None and number in said) or bool(years & said)


def _year_said(words: list[str], language: str) -> bool:
    """Whether the question says a year: its number, or a word for year ("this year", "en
    juin cette année"); a month alone ("in June?") asks the edition held, not another."""
    nouns = load_vocabulary().year_nouns - (_NOT_YEAR.get(language) or frozenset())
    return any(w in nouns or _YEAR.fullmatch(w) for w in words)


def edition_elsewhere(ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
    """A handoff when ``decision`` answers a period's edition with another period's record
    (:mod:`edition_elsewhere`); None when it answers the edition asked, or hands off."""
    period = reading.period
    if decision.reply.handoff or period is None or reading.relative == "last" or reading.still:
        return None
    if not _year_said(reading.words, ctx.language):
        return None
    if period.start <= ctx.today and tense(reading.text, reading.words) < 0:
        return None  # "the Chicago conference, in May 2014, which days was it?": recalled
    asked = set(range(period.start.year, period.end.year + 1))
    index = ctx.index
    cited = [index.record(i) for i in decision.reply.sources]
    records = [r for r in cited if isinstance(r, (EventView, AwardView))]
    if not records or len(records) != len(cited):
        return None
    again = says_again(reading.words)
    for record in records:
        days = _dated(record)
        if days is None or asked & set(range(days[0].year, days[1].year + 1)):
            return None
        if _names_edition(record, reading.words, days):
            return None
        if not (again or _is_edition(record, index)):
            return None
    from hub.core.assistant.answers_base import Decision

    reply = ctx.handoff(sources=[])
    return Decision(reply, decision.intent, min(decision.confidence, 0.3))
