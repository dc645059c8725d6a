"""Whether a part of a whole named by its kind and number (task 13 of the 2020 plan) is what
another part of that whole is named (the repository of experiences, task 4): no, with both
names. A number that names no part of that kind ("seminar 1") is no such question."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2020, 9, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "opening", "sources"),
    [
        (
            "La tâche 13 du plan 2020 est-elle le répertoire d'expériences ?",
            "Non.",
            {"task-2020-13", "task-2020-04"},
        ),
        (
            "Is task 4 of the 2020 work plan the PARTICIPATE OIDP platform?",
            "No.",
            {"task-2020-04", "task-2020-22"},
        ),
        (
            "A tarefa 22 do plano de 2020 é o repositório de experiências?",
            "Não.",
            {"task-2020-22", "task-2020-04"},
        ),
    ],
)
def test_another_parts_name_is_a_no_with_both(
    assistant: Assistant, question: str, opening: str, sources: set[str]
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert set(answer.sources) == sources


@pytest.mark.parametrize(
    "question",
    [
        "Is task 4 of the 2020 work plan the repository of experiences?",  # its own name: yes
        "Le séminaire 1 parle-t-il de la plateforme PARTICIPATE ?",  # no task named
    ],
)
def test_its_own_name_or_no_part_named_is_no_such_no(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.answer.startswith(("No.", "Non."))
