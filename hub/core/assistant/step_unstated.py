"""A named moment of an award edition, a call or an event asked that no record dates.

A member may ask "when" of one moment of a thing: its ceremony or prize-giving, the
announcement of its results, the jury's decision, its opening or closing session, its
registration. The records date an award edition by its steps (preparation, call,
evaluation, results...) and an event by its own days; answering such a question with
another step's date (the call's month for a ceremony) or with the events of a period
makes the moment's date up. The moments are a closed table, ``step_kinds`` of
``vocabulary.yaml``: the nouns members ask them by, in the five languages (``asked``), the
words records name such a step by (``records``: an award step's id, an event's kind, an
event's name in any language), and the moment said missing in each language (``named``).

Asked "when" of a moment, an answer is kept only when a record it cites has a step of
that kind: an award's dated step named by one of its words (the jury's decision is the
evaluation, registration the call), or an event named or kinded by one (a call answers its
registration). Otherwise it is handed off, saying which moment the documents do not date.
Verbs ("when does the call open?", "when does it close?") ask the record's own date and are
no moment here; a deadline is :mod:`~hub.core.assistant.deadline_asked`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.index import AwardView, EventView, text_in
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

Stepped = AwardView | EventView


@dataclass(frozen=True)
class StepKind:
    """One moment of the ``step_kinds`` table."""

    name: str
    records: frozenset[str]
    """Words a record's step, kind or name says when it is a step of this kind."""
    named: dict[str, str]
    """The moment said missing, by language ("the date of a ceremony")."""


@cache
def step_kinds() -> dict[str, StepKind]:
    """The vocabulary's ``step_kinds``, by the moment's name."""
    data = load_vocabulary().sections.get("step_kinds") or {}
    return {
        name: StepKind(
            name,
            frozenset(normalise(str(w)) for w in entry.get("records") or []),
            {str(k): str(v) for k, v in (entry.get("named") or {}).items()},
        )
        for name, entry in data.items()
    }


@cache
def _asked_matcher() -> PhraseMatcher[str]:
    """Every language's nouns of the moments, each meaning its moment's name."""
    found: PhraseMatcher[str] = PhraseMatcher()
    data = load_vocabulary().sections.get("step_kinds") or {}
    for name, entry in data.items():
        for phrases in (entry.get("asked") or {}).values():
            found.add_all((normalise(str(p)) for p in phrases), name)
    return found


def moments_asked(words: list[str]) -> list[str]:
    """The moments ``words`` (a question's normalised words) name, in the order said; the
    longest phrase wins ("opening ceremony" is an opening, not a ceremony)."""
    found = sorted(_asked_matcher().find(words, fuzzy=False), key=lambda f: f.start)
    return list(dict.fromkeys(f.value for f in found))


def _words(text: str) -> set[str]:
    return set(normalise(text.replace("_", " ")).split())


def has_step(record: Stepped, kind: StepKind) -> bool:
    """``record`` has a step of ``kind``: an award, a dated step whose id says one of its
    words; an event, its kind or its name in any language."""
    if isinstance(record, AwardView):
        return any(
            step.starts_on is not None and _words(step.step) & kind.records
            for step in record.steps.values()
        )
    said = _words(record.kind).union(*(_words(n) for n in record.name.values()))
    return bool(said & kind.records)


def unstated_moment(qtype: str, reading: Reading, cited: Sequence[object]) -> StepKind | None:
    """The moment asked "when" of that no award or event cited has a step of; None when
    no moment is asked, the answer cites no award or event, or each moment is stated."""
    if qtype != "when":
        return None
    stepped = [r for r in cited if isinstance(r, AwardView | EventView)]
    if not stepped:
        return None
    kinds = step_kinds()
    for name in moments_asked(reading.words):
        kind = kinds.get(name)
        if kind is not None and not any(has_step(r, kind) for r in stepped):
            return kind
    return None


def moment_unstated(
    ctx: Context, reading: Reading, qtype: str, decision: Decision
) -> Decision | None:
    """The answer handed off when it dates a moment asked (a ceremony, the results, an
    opening session...) that none of its records has a step of; None when it stands.

    One record cited: what it states is kept, then the moment it does not date is said. A
    period's events cited: none of them is the moment, so none is said."""
    reply = decision.reply
    if reply.handoff or not reply.sources:
        return None
    cited = [r for r in map(ctx.index.record, reply.sources) if r is not None]
    asked = "when" if "when" in {qtype, decision.intent} else qtype
    kind = unstated_moment(asked, reading, cited)
    if kind is None:
        return None
    if len(cited) == 1:
        name = text_in(cited[0].name, ctx.language)[0]
        detail = kind.named.get(ctx.language) or kind.named.get("en", kind.name)
        said = ctx.phrase("detail_unknown_of", detail=detail, name=name)
        handed = ctx.handoff(reply.text, said, sources=reply.sources)
    else:
        handed = ctx.handoff(sources=reply.sources)
    return Decision(handed, decision.intent, min(decision.confidence, 0.3))
