"""The stages (steps, phases, etapas) of an award asked as a list are its dated steps, not
its description. What the award is, is still its description. Questions written for this
test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2020, 3, 30)


@pytest.mark.parametrize(
    ("question", "language", "month"),
    [
        ("What are the steps of the 2020 best practice award?", "en", "February 2020"),
        ("¿Cuáles son las fases del premio de buenas prácticas 2020?", "es", "febrero de 2020"),
        ("Quelles sont les étapes du prix des bonnes pratiques 2020 ?", "fr", "février 2020"),
    ],
)
def test_the_stages_of_an_award_are_its_dated_steps(
    assistant: Assistant, question: str, language: str, month: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-award-2020"]
    assert month in answer.answer


def test_what_the_award_is_is_still_its_description(assistant: Assistant) -> None:
    answer = assistant.answer("What is the 2020 best practice award?", now=NOW, lang="en")
    assert answer.sources == ["iopd-award-2020"]
    assert "work plan" in answer.answer
