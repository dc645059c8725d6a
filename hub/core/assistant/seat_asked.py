"""Whose seat a question asks: the seat of the body it names, not of another body whose
record mentions it.

"Where is the seat of the IOPD presidency?" finds the Technical Secretariat's record (it says
the 2020 plan is carried out by the presidency, and "con sede en Barcelona"), whose place is
the secretariat's own. Asked where a body is based, the record answering must be the body
the question names: when the question names another body (a word the record's text holds
but its own name does not, and which names another record), the place the record gives is
not that body's, and the question is handed off.
"""

from __future__ import annotations

from collections.abc import Iterable

from hub.core.assistant.retrieval import Doc


def seat_of_another(
    asked: list[set[str]], seat: Doc, home: set[str], places: set[str], others: Iterable[Doc]
) -> bool:
    """Whether ``asked`` (the question's terms, each a set of a word's forms) names another
    body than the network's ``seat`` record answering: a word its text holds but its own
    name does not, which names another record (``others``: "presidency", named by the call
    electing the presidency's seat); not the network's name (``home``), nor a place."""
    own = set().union(*seat.names) if seat.names else set()
    named = [
        o
        for o in asked
        if not o & home and not o & places and not o & own and any(seat.terms.get(t) for t in o)
    ]
    if not named:
        return False
    other_names = set().union(*(n for d in others if d is not seat for n in d.names))
    return any(o & other_names for o in named)
