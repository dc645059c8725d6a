"""Asked when and where of a record that states a date and no place among its fields (a work
plan, "since 2 July 2013"), the date answers half; its text says the other ("approved at the
internal session in Cascais"), so both are said. Asked only when, the date answers.
Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 9, 2)
BOTH = [
    ("On which day was the 2013 work plan approved, and where?", "en"),
    ("¿Cuándo y dónde se aprobó el plan de trabajo de 2013?", "es"),
    ("Quan i on es va aprovar el pla de treball del 2013?", "ca"),
    ("Quando e onde foi aprovado o plano de trabalho de 2013?", "pt"),
]
ONLY_WHEN = [
    ("When was the 2013 work plan approved?", "en"),
    ("¿Cuándo se aprobó el plan de trabajo de 2013?", "es"),
]


@pytest.mark.parametrize(("question", "language"), BOTH)
def test_when_and_where_are_both_said_from_the_text(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert "work-plan-2013" in answer.sources
    assert "2013" in answer.answer
    assert "Cascais" in answer.answer  # the place its text states


@pytest.mark.parametrize(("question", "language"), ONLY_WHEN)
def test_only_when_is_still_answered(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert "work-plan-2013" in answer.sources
