"""A message in two parts whose asked part names a slot its record does not state.

A message split in two (a question and its aside, :func:`~hub.core.assistant.asides.split_aside`;
two slots of one thing, :func:`~hub.core.assistant.slot_pairs.split_slots`) is answered part
by part, and a part the records do not answer is passed on while the rest is answered. That
is right when the unanswered part asks something else; it is an invented answer when the
unanswered part is the member's question itself, about the very record the other part
answers: "where is the forum held? the network supports it, right?" asks a place the
forum's record does not give, and saying only that the network supports it leaves the
question unanswered. Such a message is handed off, with what the record does state.

- :func:`slot_of_part`: the slot a part of a "where and when" question asks. A part asking
  where by its question word ("..., on?", "où ?") asks the place, whatever else the reading
  of a two-word fragment makes of it, so that a year in the other answer is no place.
- :func:`main_unstated`: the message's own question is handed off about the record its
  aside is answered from.
"""

from __future__ import annotations

from collections.abc import Sequence

from hub.core.assistant.place_asked import asks_where


def slot_of_part(asked: str, language: str, read_slot: str | None, intent: str | None) -> str:
    """The slot the unanswered part asks: where when its question word asks it
    (:func:`~hub.core.assistant.place_asked.asks_where`), else the slot it reads as, else
    the slot its answer was decided as, else what."""
    if asks_where(asked, language):
        return "where"
    return read_slot or intent or "what"


def main_unstated(
    main_handoff: bool,
    main_sources: Sequence[str],
    aside_handoff: bool,
    aside_sources: Sequence[str],
) -> bool:
    """The message's question is handed off while its aside is answered, and both cite one
    record: the question asks of that record what it does not state."""
    if not main_handoff or aside_handoff:
        return False
    return bool(set(main_sources) & set(aside_sources))


def missing_said(answer: str, handoff_phrase: str) -> str:
    """What a handed-off answer says of the missing slot ("the documents do not say where
    it is held"), without the closing sentence handing it off."""
    return " ".join(answer.replace(handoff_phrase, " ").split())
