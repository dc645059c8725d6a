"""Time phrases counted without a number, and a record named with the period that dates it.

Two failures of one class, questions that say a period:

1. A window relative to the asker's now counted vaguely: "where is the conference in a couple
   of weeks?", "in a few days", "dans quelques semaines", "en un par de semanas", "d'aquí a
   un parell de setmanes", "daqui a umas semanas", "dentro de unos días", "hace unos días",
   "il y a quelques semaines", "in the coming weeks". The reading knew numbered spans ("in
   two weeks", :func:`~hub.core.assistant.time_asked._span`) and numbered times back ("three
   weeks ago", :func:`~hub.core.assistant.number_words.ago_period`), so a count without a
   number left its words ("couple", "weeks") as topic words no record holds, and the
   question was handed off. :func:`vague_span` reads them as a window of days around now:
   the vocabulary's ``period_named.vague_counts`` give each vague count a low and a high
   number of units (a couple: 1 to 3; a few: 1 to 6), a plural unit right after a "within"
   phrase ("in the coming weeks", "dans les prochains jours") counts from now to the
   ``unnumbered`` number of units, and an "ago" word makes the window run back. Its words
   are set aside like a numbered span's.

2. A record named by its own name with the period that dates it: "which stories does the
   May 2021 bulletin gather?". A period sent the question to the calendar
   (:mod:`~hub.core.assistant.answers_period`), which listed the month's events or handed it
   off when the words asked ("news") named no event of the month; but the question asks the
   content of one record, and its period only says which one. :func:`record_of_its_period`
   answers the record's slot (what it holds, for "which"/"what") when the question says its
   own name (two of its name's words, or one that few records hold, beside the period and
   the network's own name, one of them no kind's word) and the record's dates lie within
   the period said. Only list and "what" questions are so taken: asked "when", "where" or
   "who", the calendar already answers the one event's slot.

Left as they were: a period's calendar questions naming no record ("what events are there
in November 2023?"), a plural kind with nothing of one record's name ("which bulletins were
there in 2021?"), a record named with a period its dates do not fall in (the calendar's
answer, a handoff when nothing is in it), two records so named in the period, undated
records and entries dated only by their document's year, and a record whose slot answer
would be a handoff (the calendar's answer stands). Nor is the record answered when the
question also says the kind of another event of the period, which it is not ("the workshop
at the 2013 summit": the workshop may be asked). Asked a word that one part of the record
ranked among the first holds and the record does not (an item of a bulletin), that part is
answered, not the whole; two such parts leave the question as it was.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Protocol

from hub.core.assistant.dates import Period, add_months
from hub.core.assistant.number_words import AGO_AFTER, AGO_BEFORE, time_unit
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

if TYPE_CHECKING:
    from hub.core.assistant.answers_base import Decision
    from hub.core.assistant.context import Context, Reply
    from hub.core.assistant.reading import Reading
    from hub.core.assistant.retrieval import Doc, Retriever
    from hub.core.assistant.vocabulary import Vocabulary

SECTION = "period_named"
"""The vocabulary's section of this module's words."""
ASKED_TYPES = frozenset({"list", "what"})
"""Question types asking what a record holds ("which news", "what does it gather")."""
DISTINCT = 5
"""A word found in at most this many records names one by itself."""
NAMED_WORDS = 2
"""Words of a record's own name that name it together, none of them rare."""
PARTS_RANKED = 5
"""A part of the named record ranked among the first this many may be what is asked."""
ANSWERED = 0.8
"""The confidence of the named record's answer."""


@cache
def _vague_counts() -> PhraseMatcher[tuple[int, int]]:
    """The vague counts of every language ("a couple of", "quelques", "unos"), each the
    low and high number of units it means."""
    matcher: PhraseMatcher[tuple[int, int]] = PhraseMatcher()
    section = load_vocabulary().sections.get(SECTION) or {}
    for phrases in (section.get("vague_counts") or {}).values():
        for phrase, (low, high) in (phrases or {}).items():
            matcher.add(normalise(str(phrase)), (int(low), int(high)))
    return matcher


@cache
def _unnumbered() -> tuple[frozenset[str], int]:
    """The plural unit words a "within" phrase counts without a number ("the coming weeks"),
    and the number of units they stand for."""
    section = load_vocabulary().sections.get(SECTION) or {}
    said = section.get("unnumbered") or {}
    plurals = {normalise(str(w)) for ws in (said.get("words") or {}).values() for w in ws or []}
    return frozenset(plurals), int(said.get("units") or 0)


def _shifted(today: dt.date, unit: str, count: int) -> dt.date:
    """``today`` moved ``count`` units (days, weeks, months or years; back when negative)."""
    if unit in {"month", "year"}:
        months = count * (12 if unit == "year" else 1)
        year, month = add_months(today.year, today.month, months)
        day = today.day
        while True:  # the 31st of a shorter month is its last day
            try:
                return dt.date(year, month, day)
            except ValueError:
                day -= 1
    return today + dt.timedelta(days=count * (7 if unit == "week" else 1))


def _window(today: dt.date, unit: str, low: int, high: int, *, back: bool) -> Period:
    """From ``low`` to ``high`` units after ``today`` (before it, ``back``)."""
    if back:
        return Period(_shifted(today, unit, -high), _shifted(today, unit, -low), "range")
    return Period(_shifted(today, unit, low), _shifted(today, unit, high), "range")


def _ago(words: list[str], start: int, end: int) -> int:
    """How many words before ``start`` or after ``end`` say the window runs back ("hace",
    "il y a", "fa", "há"; "ago"), as a negative count for the words before; 0 if none."""
    for opening in sorted(AGO_BEFORE, key=len, reverse=True):
        if start >= len(opening) and tuple(words[start - len(opening) : start]) == opening:
            return -len(opening)
    return 1 if end < len(words) and words[end] in AGO_AFTER else 0


def vague_span(
    words: list[str], vocabulary: Vocabulary, used: set[int], today: dt.date
) -> Period | None:
    """The window a count without a number says ("in a couple of weeks", "d'ici quelques
    jours", "hace unos días", "nos próximos meses"), its words set aside in ``used``; None
    when the question says none."""
    for found in _vague_counts().find(words, set(used), fuzzy=False):
        unit = time_unit(words[found.end]) if found.end < len(words) else None
        if unit is None:
            continue
        low, high = found.value
        after = found.end + 1
        ago = _ago(words, found.start, after)
        opening = [
            s for s in vocabulary.spans.find(words, set(used), fuzzy=False) if s.end == found.start
        ]
        if not ago and not opening:
            continue  # "a few days of work": no time from now
        begin = found.start + min(ago, 0) if ago else min(s.start for s in opening)
        used.update(range(begin, after + max(ago, 0)))
        if not ago and all(s.value == "within" for s in opening):
            low = 0  # "in the next few days": from now on
        return _window(today, unit, low, high, back=bool(ago))
    plurals, units = _unnumbered()
    for within in vocabulary.spans.find(words, set(used), fuzzy=False):
        end = within.end
        if within.value != "within" or end >= len(words) or words[end] not in plurals:
            continue
        unit = time_unit(words[end])
        if unit is None or not units:
            continue
        used.update(range(within.start, end + 1))
        return _window(today, unit, 0, units, back=False)
    return None


class Naming(Protocol):
    """What the responder offers: its records and their dates, and a record's slot answer."""

    retriever: Retriever

    @property
    def _home_terms(self) -> set[str]: ...

    @property
    def _every_kind(self) -> set[str]: ...

    def _events(self) -> list[Doc]: ...

    def _slot(self, ctx: Context, reading: Reading, qtype: str, doc: Doc) -> Reply: ...


def _year_term(term: str) -> bool:
    """A year's term ("y2023"): it dates the record, it names no record."""
    return term[:1] == "y" and term[1:].isdigit()


def _said_of_name(responder: Naming, doc: Doc, terms: list[set[str]]) -> bool:
    """The question says the record's own name: two words of it, or one few records hold,
    besides the network's own name, and at least one of them no kind's word ("the Open
    Cities bulletin", not "the bulletins")."""
    own = set().union(*doc.names) - responder._home_terms if doc.names else set()
    said = [o for o in terms if o & own and not any(_year_term(t) for t in o)]
    if not said or all(o & responder._every_kind for o in said):
        return False
    postings = responder.retriever.postings
    rare = any(len(postings.get(t, ())) <= DISTINCT for o in said for t in o & own)
    return rare or len(said) >= NAMED_WORDS


def _kind_beside(doc: Doc, held: list[Doc], terms: list[set[str]]) -> bool:
    """The question says the kind of another event of the period, a kind the named record is
    not ("the workshop at the 2013 summit"): that other event may be what is asked."""
    own = set().union(*doc.names) if doc.names else set()
    mine = doc.kind_terms | own
    others = set().union(*(d.kind_terms for d in held if d.key != doc.key)) - mine
    return any(o & others and not o & mine for o in terms)


def _parts_asked(doc: Doc, ranked: list[tuple[float, Doc]], terms: list[set[str]]) -> list[Doc]:
    """The parts of the record (items of a bulletin) ranked among the first that hold a word
    the question says and the record does not ("what did the city launch in it"): what is
    asked is such a part, not the whole."""
    parts = [d for _, d in ranked[:PARTS_RANKED] if doc.key in d.wholes]
    return [
        part
        for part in parts
        if any(
            any(part.terms.get(t) for t in o) and not any(doc.terms.get(t) for t in o)
            for o in terms
        )
    ]


def record_of_its_period(
    responder: Naming,
    ctx: Context,
    reading: Reading,
    ranked: list[tuple[float, Doc]],
    terms: list[set[str]],
) -> Decision | None:
    """The answer of the one event the question names by its own name whose dates lie within
    the period it says ("which stories does the May 2021 bulletin gather"): its
    content, not the period's calendar, or that of the one part of it the question's other
    words point to. None when the question asks another slot, names no such event, or the
    answer would be a handoff."""
    from hub.core.assistant.answers_base import Decision
    from hub.core.assistant.index import EventView

    period = reading.period
    qtype = reading.qtype or "what"
    if period is None or qtype not in ASKED_TYPES or reading.polar:
        return None
    named, held = [], []
    for doc in responder._events():
        record = doc.record
        assert isinstance(record, EventView)
        span = record.span
        if span is None or (record.precision == "year" and period.kind != "year"):
            continue
        held += [doc] if period.overlaps(*span) else []
        within = period.start <= span[0] and span[1] <= period.end
        if within and _said_of_name(responder, doc, terms):
            named.append(doc)
    if len(named) != 1:
        return None
    doc = named[0]
    if _kind_beside(doc, held, terms):
        return None
    parts = _parts_asked(doc, ranked, terms)
    if len(parts) > 1:
        return None
    reply = responder._slot(ctx, reading, "what", parts[0] if parts else doc)
    return None if reply.handoff else Decision(reply, qtype, ANSWERED)
