"""The next one asked in a past period: "the next conference after the one of last year".

The one event of that period is over, so it is not the next one; it is said, and the
question is handed off. The same event asked without "next" is still answered. The
questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2014, 3, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When is the next IOPD conference after the Cascais one last year?", "en"),
        (
            "¿Cuándo será la próxima conferencia del OIDP, después de la de Cascais del año"
            " pasado?",
            "es",
        ),
    ],
)
def test_the_next_one_after_a_past_event_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert answer.handoff
    assert answer.sources == ["conference-13-cascais-2013"]
    assert "2013" in answer.answer  # what the past one was is still said


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When was the IOPD conference last year?", "en"),
        ("¿Cuándo fue la conferencia del OIDP del año pasado?", "es"),
    ],
)
def test_the_event_of_a_past_period_is_still_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == ["conference-13-cascais-2013"]
