""" "Just the numbers" says how to answer, not what is asked about.

A member asking a work plan's tasks often adds how they want them ("list the numbers",
"lista de números", "só os números"): the format is set aside like other fillers, so no
record is judged by whether it holds "numbers"; the tasks are listed with their numbers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

DAY = dt.date(2020, 2, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "task"),
    [
        (
            "Which tasks belong to priority A of the 2020 plan? list them with the numbers",
            "task-2020-01",
        ),
        (
            "Quelles tâches relèvent de la priorité D du plan 2020 ? liste des numéros svp",
            "task-2020-19",
        ),
        ("Que tarefas tem a prioridade C do plano 2020? lista dos números", "task-2020-15"),
        ("Quines tasques té la prioritat B del pla 2020? llista de números", "task-2020-11"),
        (
            "¿Qué tareas tiene la prioridad A del plan 2020? lista de números por favor",
            "task-2020-01",
        ),
    ],
)
def test_the_format_asked_is_no_topic(assistant: Assistant, text: str, task: str) -> None:
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert task in answer.sources


def test_numbers_no_record_holds_are_handed_off(assistant: Assistant) -> None:
    text = "What are the members' phone numbers? Just the numbers."
    assert assistant.answer(text, now=DAY).handoff
