"""A chat interjection before a question ("yo when's the...") names no record: the question
is answered as without it. Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 3, 1)


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant.from_knowledge(KNOWLEDGE, use_lingua=False)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("yo when does the cascais conference kick off?", "conference-13-cascais-2013"),
        ("yo when's the rabat congress", "uclg-congress-rabat-2013"),
    ],
)
def test_yo_before_a_question_changes_nothing(
    assistant: Assistant, question: str, source: str
) -> None:
    plain = assistant.answer(question.removeprefix("yo "), now=NOW, lang="en")
    answer = assistant.answer(question, now=NOW, lang="en")
    assert not answer.handoff
    assert answer.sources == [source] == plain.sources
