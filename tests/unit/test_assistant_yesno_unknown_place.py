"""Whether an edition named by its number was held in a city no record is in ("the 13th
conference in Lisbon?") is a no with its own place; a capitalised word after "in" that is a
language ("in English") is no place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2019, 12, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "source", "place"),
    [
        ("Was the 13th IOPD conference held in Lisbon?", "conference-13-cascais-2013", "Cascais"),
        ("Is the 20th IOPD conference in Nairobi?", "conference-20-abidjan-2020", "Abidjan"),
    ],
)
def test_an_edition_in_a_city_no_record_is_in_is_a_no(
    assistant: Assistant, question: str, source: str, place: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.answer.startswith("No.")
    assert answer.sources == [source]
    assert place in answer.answer


def test_a_language_is_no_place(assistant: Assistant) -> None:
    answer = assistant.answer("Is the 20th IOPD conference in English?", now=TODAY)
    assert not answer.answer.startswith("No.")
