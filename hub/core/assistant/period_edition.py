"""One edition of a series named by a period relative to the asker's now, and one slot of it.

"Where was last year's conference?", "la conferencia de este verano, ¿qué edición es?",
"la conférence de l'an dernier, c'était la combientième ?", "next month's forum, where?":
the question names a series by its kind (a conference, a seminar, a forum or congress) and
places one edition of it in a period read against now (the reading's ``period``). The one
edition of that kind held in the period is chosen and the slot asked is answered from its
fields: its place, its dates, its organiser, or its ordinal number. The question is handed
off when the edition's record lacks the slot (no place, no number, no organiser stated) or
when no edition of the kind falls in the period.

Left as they were: a question naming no series kind, or two editions of the kind in the
period (told apart elsewhere, or listed); a yes/no question that asks no number ("was last
year's conference in Cascais?"); a record answer already citing that one edition; "the next
/ the last conference" (:mod:`~hub.core.assistant.answers_next_last`); and "which edition is
this year's?" (:mod:`~hub.core.assistant.series_asked`, asked before this).

The words asking an edition's number are the vocabulary's ``edition_ordinal_asked``; a
series is told by the kinds' words (:func:`~hub.core.assistant.series_asked._kinds_said`).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Protocol

from hub.core.assistant.context import Reply
from hub.core.assistant.index import EventView
from hub.core.assistant.series_asked import _kinds_said
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

if TYPE_CHECKING:
    from hub.core.assistant.answers_base import Decision
    from hub.core.assistant.context import Context
    from hub.core.assistant.reading import Reading
    from hub.core.assistant.retrieval import Doc, Retriever

EVENT_SERIES = ("conference", "seminar", "external_event")
"""The kinds of events that come in editions a period can name one of."""
SLOTS = frozenset({"where", "when", "who"})
"""The slots of an edition answered from its fields, besides its number."""
ANSWERED, LACKING = 0.8, 0.3
"""The confidence of an edition's slot answered, and of a handoff for its lack."""


class Slotting(Protocol):
    """What the responder offers this module: its records, the words that narrow, and an
    event's slot answers."""

    retriever: Retriever

    @property
    def _every_kind(self) -> set[str]: ...

    def _weighty(self, options: set[str]) -> bool: ...

    def _event_slot(self, ctx: Context, qtype: str, doc: Doc, event: EventView) -> Reply: ...

    def _when(self, ctx: Context, doc: Doc) -> Reply: ...


@cache
def _ordinal_words() -> dict[str, PhraseMatcher[bool]]:
    """Language -> the vocabulary's ``edition_ordinal_asked`` phrases ("what number was",
    "qué edición", "la combientième", "quina edició", "qual edição")."""
    found: dict[str, PhraseMatcher[bool]] = {}
    section = load_vocabulary().sections.get("edition_ordinal_asked") or {}
    for language, phrases in section.items():
        matcher = found.setdefault(str(language), PhraseMatcher())
        for phrase in phrases or []:
            matcher.add(normalise(str(phrase)), True)
    return found


@cache
def _ordinal_said() -> frozenset[str]:
    """Every word of the ordinal-asking phrases and of the edition words: they ask the slot,
    they name no edition."""
    vocabulary = load_vocabulary()
    section = vocabulary.sections.get("edition_ordinal_asked") or {}
    said = {w for ps in section.values() for p in ps or [] for w in normalise(str(p)).split()}
    return frozenset(said | set(vocabulary.editions))


def ordinal_asked(words: list[str], language: str) -> bool:
    """Whether the question asks which number, which edition, something was."""
    matcher = _ordinal_words().get(language)
    return matcher is not None and bool(matcher.find(words, fuzzy=False))


def _slot_asked(ctx: Context, reading: Reading) -> str | None:
    """``number``, or the slot asked of the edition (where, when, who); None for another."""
    if ordinal_asked(reading.words, ctx.language):
        return "number"
    if reading.polar or reading.qtype not in SLOTS:
        return None
    return reading.qtype


def _in_period(ctx: Context, reading: Reading, kind: str, words: list[str]) -> list[EventView]:
    """The events of the kind held in the period (a year-only date counts only for a year),
    narrowed, if several, to those whose own name says the kind's word asked ("forum")."""
    period = reading.period
    assert period is not None
    held = [
        e
        for e in ctx.index.events
        if e.kind == kind
        and e.span is not None
        and not (e.precision == "year" and period.kind != "year")
        and period.overlaps(*e.span)
    ]
    if len(held) <= 1:
        return held
    said = set(words)
    called = [e for e in held if said & {w for n in e.name.values() for w in normalise(n).split()}]
    return called or held


def _cited_in_period(ctx: Context, reading: Reading, decision: Decision) -> EventView | None:
    """The one event the record path answered with, when it is held in the period: the
    question named it beside its kind ("last year's participatory budgeting conference")."""
    period = reading.period
    sources = decision.reply.sources
    if period is None or decision.reply.handoff or len(sources) != 1:
        return None
    record = ctx.index.record(sources[0])
    if not isinstance(record, EventView) or record.span is None:
        return None
    return record if period.overlaps(*record.span) else None


def _narrowing(ctx: Context, reading: Reading, responder: Slotting) -> list[set[str]]:
    """The words of the question that narrow and that the records know, besides the kind
    and the words asking the slot: a name, a place, a topic."""
    words = [w for w in reading.content if w not in _ordinal_said()]
    idf = responder.retriever.idf
    return [
        o
        for o in responder.retriever.query_terms(words, ctx.language)
        if responder._weighty(o) and not o & responder._every_kind and any(t in idf for t in o)
    ]


def _names_other(ctx: Context, reading: Reading, responder: Slotting, doc: Doc) -> bool:
    """A word that narrows is not held by the edition chosen ("last year's participatory
    budgeting conference" is not the network's own): another event is asked."""
    return any(not any(doc.terms.get(t) for t in o) for o in _narrowing(ctx, reading, responder))


def _no_finer(edition: EventView, reading: Reading) -> bool:
    """The edition is dated no finer than the period the asker already said (a year's
    record asked of "this year", a month's of "next month"): its date answers nothing new."""
    period = reading.period
    precision = edition.precision
    return period is not None and (
        precision == "year" or (precision == "month" and period.kind == "month")
    )


def period_edition(
    ctx: Context, reading: Reading, responder: Slotting, decision: Decision
) -> Decision | None:
    """The slot asked of the one edition of a series held in the period the question names
    relative to now, or a handoff when it lacks the slot or none falls in the period; None
    when the question asks something else (:mod:`period_edition`)."""
    if reading.period is None or reading.relative is not None:
        return None
    if any(c.isdigit() for w in reading.words for c in w):  # "the 2014 forum", "the 13th":
        return None  # the edition is named, not placed relative to now
    slot = _slot_asked(ctx, reading)
    if slot is None:
        return None
    kinds = [k for k in _kinds_said(reading.words) if k in EVENT_SERIES]
    if len(kinds) != 1:  # no series, or two named ("the forum at the conference")
        return None
    from hub.core.assistant.answers_base import Decision

    named = _cited_in_period(ctx, reading, decision)  # "last year's PB conference": that one
    held = [named] if named is not None else _in_period(ctx, reading, kinds[0], reading.words)
    if not held:  # no edition of it in the period: an older or a later one is not it
        if not any(e.kind == kinds[0] for e in ctx.index.events) or _narrowing(
            ctx, reading, responder
        ):  # "the Rabat congress, next month already?": one event named, not a period's
            return None
        return Decision(ctx.handoff(), decision.intent, min(decision.confidence, LACKING))
    if len(held) > 1:
        return None
    edition = held[0]
    cited = decision.reply.sources
    if slot != "number" and not decision.reply.handoff and cited == [edition.id]:
        return None  # the record path answered that edition already
    doc = next((d for d in responder.retriever.docs if d.record_id == edition.id), None)
    if doc is None or _names_other(ctx, reading, responder, doc):
        return None
    if slot == "when" and _no_finer(edition, reading):  # "this year's": 2019 is said already
        return None
    if slot == "number":
        if edition.number is None:  # its record gives no number: not guessed
            return Decision(ctx.handoff(sources=[edition.id]), "what", LACKING)
        dated = responder._when(ctx, doc)  # its name says its number: "13th OIDP Conference"
        return Decision(Reply(dated.text, [edition.id]), "what", ANSWERED)
    reply = (
        responder._when(ctx, doc)
        if slot == "when"
        else responder._event_slot(ctx, slot, doc, edition)
    )
    return Decision(reply, slot, LACKING if reply.handoff else ANSWERED)
