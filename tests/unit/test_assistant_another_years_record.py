"""A question about this year answered with a record of another year (an undated task of the
2013 work plan asked in 2020) is handed off; asked in that record's own year it is answered.
Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
QUESTIONS = [
    ("What external activities are in this year's plan?", "en"),
    ("¿Qué actividades externas tiene el plan de este año?", "es"),
]


@pytest.mark.parametrize(("question", "language"), QUESTIONS)
def test_this_years_plan_is_not_answered_with_another_years_task(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 1), lang=language)
    assert answer.handoff
    assert answer.sources == []


@pytest.mark.parametrize(("question", "language"), QUESTIONS)
def test_asked_in_its_own_year_the_task_is_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 3, 1), lang=language)
    assert not answer.handoff
    assert answer.sources and answer.sources[0].startswith("action-2013-")


def test_the_goals_of_this_years_plan_are_no_older_working_group(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "What are the goals of this year's work plan?", now=dt.date(2020, 3, 1), lang="en"
    )
    assert "working-group-mdg-post-2015" not in answer.sources
