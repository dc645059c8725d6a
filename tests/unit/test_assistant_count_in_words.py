"""A count the records write in words answers "how many" (issue 22).

A record saying "Ten areas", "Diez áreas", "Dez áreas" states a count of what is asked;
only counts in figures used to be taken, so "how many areas" was handed off in every
language. The answer gives the figure too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("how many areas does the Open Gov Challenge have?", "en"),
        ("¿cuántas áreas tiene el Open Gov Challenge?", "es"),
        ("quantas áreas tem o Open Gov Challenge?", "pt"),
        ("quantes àrees té l'Open Gov Challenge?", "ca"),
    ],
)
def test_a_count_written_in_words_answers_how_many(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 12, 5), lang=language)
    assert not answer.handoff
    assert "ogp-open-gov-challenge" in answer.sources
    assert "10" in answer.answer


def test_a_count_of_something_else_is_no_answer(assistant: Assistant) -> None:
    answer = assistant.answer(
        "how many countries does the Open Gov Challenge have?", now=dt.date(2026, 12, 5)
    )
    assert answer.handoff
