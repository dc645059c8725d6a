"""French "où" closing a question ("il a lieu où ?", "c'est où ?") asks where: an event
whose place the records do not state is said to lack it and handed off, not described by
its year. Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.vocabulary_file import load_vocabulary

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 2, 1)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("le festival de cinéma Democracine, il a lieu où ?", "democracine-festival-2-2013"),
        (
            "le troisième forum des autorités locales de périphérie, ça se tient où ?",
            "peripheral-local-authorities-forum-3-2013",
        ),
    ],
)
def test_where_closing_an_event_without_a_place_is_handed_off(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang="fr")
    assert answer.handoff
    assert answer.sources == [source]


def test_where_closing_an_event_with_a_place_says_it(assistant: Assistant) -> None:
    answer = assistant.answer("la conférence de l'OIDP de 2013, c'est où ?", now=NOW, lang="fr")
    assert not answer.handoff
    assert answer.sources == ["conference-13-cascais-2013"]
    assert "Cascais" in answer.answer


def test_a_word_opening_phrases_of_several_slots_says_none() -> None:
    types = load_vocabulary().types
    assert types.opening("ou") == {"where"}
    assert len(types.opening("que")) > 1
