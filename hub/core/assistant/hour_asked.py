"""Which of the events a time of day is asked of: "at what time does the members' session
start tomorrow?" asks the hour of one event, and the day's other events (the conference the
session is part of, its other sessions) are no answer. The period narrows to the day; the
event whose own names hold the most of the question's words is the one asked, when one alone
does (a tie is no choice, and the day's events are listed as before)."""

from __future__ import annotations

from hub.core.assistant.retrieval import Doc


def hour_asked_of(docs: list[Doc], content: list[set[str]]) -> Doc | None:
    """The one event of ``docs`` whose names hold more of the question's words (``content``,
    each word's terms) than any other, or None when none does or two hold as many."""
    if len(docs) < 2:
        return None
    held = {id(doc): sum(1 for word in content if _named(doc, word)) for doc in docs}
    most = max(held.values())
    best = [doc for doc in docs if held[id(doc)] == most]
    return best[0] if most and len(best) == 1 else None


def _named(doc: Doc, word: set[str]) -> bool:
    return any(word & name for name in doc.names)
