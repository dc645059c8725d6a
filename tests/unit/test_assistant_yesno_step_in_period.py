"""Yes/no claiming the month of a step of an award ("the award's evaluation is in April this
year?"): the step, named by its own word, of the award named by its name and the edition of
the year asked, answers with its dates, "No" with them when the month is another. A tag
("correct?", "c'est exact ?") only asks for the yes or no. Another edition than the year
asked, or another word the award does not hold, is handed off."""

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
    ("question", "opening", "month"),
    [
        (
            "So the evaluation of the best practice award is in April this year, correct?",
            "Yes.",
            "April",
        ),
        (
            "L'évaluation du prix des bonnes pratiques est-elle prévue en mai cette année ?",
            "Non.",
            "avril",
        ),
        (
            "¿Es en abril este año la evaluación de los premios a las buenas prácticas?",
            "Sí.",
            "abril",
        ),
        ("A avaliação do prémio de boas práticas é em junho deste ano?", "Não.", "abril"),
    ],
)
def test_a_step_claimed_in_a_month_answers_with_its_dates(
    assistant: Assistant, question: str, opening: str, month: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 2, 10))
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert answer.sources[:1] == ["iopd-award-2020"]
    assert month in answer.answer


@pytest.mark.parametrize(
    ("question", "today"),
    [
        ("Is the evaluation of the best practice award in April this year?", dt.date(2021, 2, 1)),
        ("Is the online evaluation of the best practice award in April?", dt.date(2020, 2, 1)),
    ],
)
def test_another_edition_or_word_is_handed_off(
    assistant: Assistant, question: str, today: dt.date
) -> None:
    assert assistant.answer(question, now=today).handoff
