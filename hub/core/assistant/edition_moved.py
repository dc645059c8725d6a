"""A recurring event asked "again in <city> this year?" when this year's edition is elsewhere.

"Is the conference in Chicago again this year?", "¿vuelve a ser en Chicago este septiembre?",
"est-elle encore à Chicago en septembre ?" asked when the records hold an earlier edition in
the city named and the edition of the period asked in another city: the right answer is
"No", with the edition of the period asked (its dates and its city), citing it. Answering
with the earlier edition gives the asker another year's place; handing off hides a record
that states it.

Two records are editions of one series when they are events of one kind whose names share
their terms (the shorter name's terms nearly all in the longer one's, in a language both are
named in: "Conference on Participatory Budgeting in the USA and Canada" and "Second
International Conference on ..."). Kept as today: a period with no edition of the series
(handed off or answered by the rest of the responder), an edition of the period held in the
city named (yes), a question naming no city an edition was held in, and two editions of the
period in other cities (which one is asked is not known).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision
from hub.core.assistant.context import Reply
from hub.core.assistant.edition_elsewhere import says_again
from hub.core.assistant.index import EventView
from hub.core.assistant.place_names import city_name
from hub.core.assistant.text import normalise

if TYPE_CHECKING:
    from hub.core.assistant.answers_slots import SlotAnswers
    from hub.core.assistant.context import Context
    from hub.core.assistant.reading import Reading
    from hub.core.assistant.retrieval import Doc

SERIES_SHARE = 0.75
"""How much of the shorter name's terms the longer one holds for two events to be one series."""
TOP_RANKS = 3
"""How high the question must rank one edition of the series for the series to be asked."""
_LANGUAGES = ("en", "es", "fr", "ca", "pt")


def _city_named(city: str, words: set[str]) -> bool:
    """Whether the question's words name ``city`` (in any of the five languages' spelling)."""
    spellings = {normalise(city), *(normalise(city_name(city, lang)) for lang in _LANGUAGES)}
    return any(s and set(s.split()) <= words for s in spellings)


def _one_series(one: Doc, other: Doc) -> bool:
    """Whether two event docs are editions of one series: one kind, names sharing terms."""
    if one.kind != other.kind or one.record_id == other.record_id:
        return False
    for a in one.names:
        for b in other.names:
            a = {t for t in a if not any(c.isdigit() for c in t)}
            b = {t for t in b if not any(c.isdigit() for c in t)}
            if len(a) >= 2 and len(b) >= 2 and len(a & b) >= SERIES_SHARE * min(len(a), len(b)):
                return True
    return False


def edition_moved(
    ctx: Context, reading: Reading, responder: SlotAnswers, decision: Decision
) -> Decision | None:
    """No, with the period's edition, when a yes/no question asks whether a series is held
    in a period in a city its edition of that period is not in (:mod:`edition_moved`);
    None when the question is not such, or the records do not settle it."""
    period = reading.period
    if period is None or reading.relative == "last":
        return None
    if not (reading.polar or (reading.qtype is None and says_again(reading.words))):
        return None  # "¿vuelve a ser en X este septiembre?": yes or no, read without a verb
    events = [d for d in responder.retriever.docs if d.group == "event"]
    words = set(reading.words)
    retriever = responder.retriever
    ranked = retriever.search(retriever.query_terms(reading.words, ctx.language))
    top = {d.record_id for _, d in ranked[:TOP_RANKS]}

    def held(doc: Doc) -> bool:
        span = doc.record.span if isinstance(doc.record, EventView) else None
        return span is not None and span[0] <= period.end and span[1] >= period.start

    def city(doc: Doc) -> str | None:
        return doc.record.city if isinstance(doc.record, EventView) else None

    named = [d for d in events if (c := city(d)) and _city_named(c, words)]
    before = [d for d in named if not held(d)]
    if not before:
        return None
    moved: list[Doc] = []
    for doc in events:
        if not held(doc) or not city(doc):
            continue
        series = [d for d in before if _one_series(d, doc)]
        if not series or not {doc.record_id, *(d.record_id for d in series)} & top:
            continue
        if doc in named:
            return None  # this period's edition is in the city named: yes, as today
        moved.append(doc)
    if len(moved) != 1:
        return None
    reply = responder._slot(ctx, reading, "where", moved[0])
    if reply.handoff:
        return None
    text = ctx.phrase("no", text=reply.text)
    return Decision(
        Reply(text, reply.sources, target=reply.target),
        "yesno",
        max(MIN_CONFIDENCE, min(decision.confidence, 0.6)),
    )
