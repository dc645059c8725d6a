"""The parts of a whole named by its label and year ("the tasks of priority B of the 2020
plan") are listed though the question says words of its own around them ("hey team",
"their numbers", "forment"): words neither the whole nor its parts hold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
IN_2020 = dt.date(2020, 3, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "tasks"),
    [
        (
            "hey team, which tasks are in priority D of the 2020 plan? list their numbers",
            "en",
            range(19, 23),
        ),
        (
            "Quelles tâches forment la priorité B du plan 2020 ? liste des numéros",
            "fr",
            range(11, 15),
        ),
        (
            "Quines tasques formen la prioritat B del pla 2020? llista de números",
            "ca",
            range(11, 15),
        ),
    ],
)
def test_the_tasks_of_a_labelled_priority(
    assistant: Assistant, question: str, language: str, tasks: range
) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert {f"task-2020-{n:02d}" for n in tasks} <= set(answer.sources)


@pytest.mark.parametrize(
    "question",
    [
        "hey team, which tasks are in priority F of the 2020 plan? list their numbers",
        "¿Qué tareas forman la prioridad B del plan 2016? lista de números",
    ],
)
def test_a_whole_that_is_not_there(assistant: Assistant, question: str) -> None:
    """A label or a year no whole has: no parts listed."""
    answer = assistant.answer(question, now=IN_2020)
    assert answer.handoff, answer.answer
