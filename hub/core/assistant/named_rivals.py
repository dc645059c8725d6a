"""Which records stay rivals of the best one when a question names an event by a kind word
and a time ("the PB conference this September", "la conf de septembre").

A kind word said is also the word a record's own name is called by: the network attends
outside events named "Conference on Participatory Budgeting...", a congress, a forum, that
are no conferences of the network's own kind. Asked "the conference", a record so named is
as much a conference as one of that kind, and a record neither of that kind nor so named
is no rival. A period said (a month, a year) is the event's own: an event held wholly
outside it is no rival of one held within it. Both hold only with a period said.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from hub.core.assistant.index import EventView
from hub.core.assistant.retrieval import Doc


class Span(Protocol):
    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


def called(doc: Doc) -> set[str]:
    """The terms of the record's kind and of its own names."""
    return doc.kind_terms.union(*doc.names)


def _within(doc: Doc, period: Span) -> bool | None:
    """Whether the event's days meet the period; None when it is no dated event."""
    if not isinstance(doc.record, EventView) or doc.record.span is None:
        return None
    first, last = doc.record.span
    return first <= period.end and last >= period.start


def rivals_named_in_period(
    best: Doc,
    rivals: list[tuple[float, Doc]],
    named_kinds: set[str],
    period: Span | None,
) -> list[tuple[float, Doc]]:
    """``rivals`` without those the kind word and the period said rule out, when the best is
    an event held in the period (without a period, "the PB conference" is still the one in
    Chicago or the one in San Francisco)."""
    if period is None or not _within(best, period):
        return rivals
    if named_kinds and called(best) & named_kinds:
        rivals = [(s, d) for s, d in rivals if called(d) & named_kinds]
    return [(s, d) for s, d in rivals if _within(d, period) is not False]
