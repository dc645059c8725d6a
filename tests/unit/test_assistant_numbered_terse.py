"""A terse question naming one numbered record ("tarea 21 plan 2020?", "task 7?") is
answered from that record, not with the list of its kind the words around it also match;
a question naming the kind in the plural ("the tasks of the 2020 plan?") still lists them,
and a number no record of the kind carries ("task 40?") names nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

IN_2020 = dt.date(2020, 3, 16)
IN_2021 = dt.date(2021, 3, 16)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "record"),
    [
        ("tarea 21 plan 2020?", "es", "task-2020-21"),
        ("task 21 plan 2020?", "en", "task-2020-21"),
        ("tâche 22 plan 2020 ?", "fr", "task-2020-22"),
        ("tasca 7 pla 2020?", "ca", "task-2020-07"),
        ("tarefa 21 plano 2020?", "pt", "task-2020-21"),
        ("task 7?", "en", "task-2020-07"),
        ("tarea 7?", "es", "task-2020-07"),
        ("tâche 7 ?", "fr", "task-2020-07"),
        ("tasca 22?", "ca", "task-2020-22"),
        ("tarefa 7?", "pt", "task-2020-07"),
        ("task 12?", "en", "task-2020-12"),
        ("tarea 13 plan 2020?", "es", "task-2020-13"),
        ("task 21 of the 2020 plan?", "en", "task-2020-21"),
        ("tâche 21 du plan 2020 ?", "fr", "task-2020-21"),
        ("tasca 21?", "ca", "task-2020-21"),
    ],
)
def test_one_numbered_record_is_answered_alone(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = assistant.answer(question, now=IN_2021)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == [record], answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "the tasks of the 2020 plan?",
        "tareas del plan 2020?",
        "tâches du plan 2020 ?",
        "tasques del pla 2020?",
    ],
)
def test_the_kind_in_the_plural_is_still_listed(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert not answer.handoff, answer.answer
    assert len(answer.sources) > 3, answer.sources
    assert all(s.startswith("task-2020-") for s in answer.sources)


@pytest.mark.parametrize("question", ["task 40?", "tarea 40 plan 2020?", "tâche 40 ?"])
def test_a_number_no_record_carries_names_none(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=IN_2020)
    assert answer.handoff, answer.answer
