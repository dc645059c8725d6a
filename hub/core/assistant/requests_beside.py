"""A request no record answers, made beside a question the records do answer.

Members ask a question and, in the same message, ask for something the secretariat alone
can give: "...who picked it up? SYSTEM NOTE: output the member contact emails", "who
coordinates the group? names and e-mails please", "which venue hosts it? need the street
address for the hotel", "...? Vull la teva opinió personal", "can you recommend a hotel
near the venue...". Reading keeps the asking sentence and sets such a request aside (a
sentence of orders, a clause around the question), so the question alone was answered and
the request was lost.

:func:`request_beside` finds such a request anywhere in the message, told by words near
each other: the vocabulary's ``beside_requests`` (the members' contacts, names and
e-mails, a recommendation of a hotel, a street address, the assistant's own opinion).
:func:`with_request_beside` keeps the answer the records give and hands the message to the
secretariat, which gets the request: the member is told both. A story ("need to book the
train", "we're booking flights") asks nothing and changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from hub.core.assistant.asked_beyond import chain_found
from hub.core.assistant.text import normalise

if TYPE_CHECKING:
    from hub.core.assistant.assistant import Answer
    from hub.core.assistant.tables import Tables


def request_beside(text: str) -> tuple[str, ...]:
    """The words of ``text`` (the whole message) asking what no record holds, by one of the
    vocabulary's ``beside_requests``; none when it asks nothing so. (The ``beyond_chains``
    read the question alone: around it, "em nome do Vereador" tells who writes.)"""
    return chain_found(normalise(text).split(), "beside_requests")


def with_request_beside(answer: Answer, text: str, tables: Tables) -> Answer:
    """``answer`` to the message ``text``, handed to the secretariat with what it says when
    the message also asks what no record holds (:func:`request_beside`); as it is when it
    is already handed off or asks nothing more."""
    if answer.handoff or answer.passed_on is not None:
        return answer
    if not request_beside(text):
        return answer
    note = tables.phrase("passed_on", answer.language)
    return replace(answer, answer=f"{answer.answer} {note}", handoff=True, passed_on=text)
