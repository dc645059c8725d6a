"""A terse question naming one numbered record ("tarea 21 plan 2020?", "task 7?") is
answered from that record, not with the list of its kind the words around it also match;
a question naming the kind in the plural ("the tasks of the 2020 plan?") still lists them,
and a number no record of the kind carries ("task 40?") names nothing. A record is also
named by the initials of a proper name inside its own ("los ODM post 2015": the group on the
"Objetivos de Desarrollo del Milenio"), and "post" before a year posts nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.name_acronyms import name_acronyms
from hub.core.assistant.vocabulary_file import load_vocabulary

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
        ("task 21 of the 2020 plan?", "en", "task-2020-21"),
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


MDG_GROUP = "working-group-mdg-post-2015"
IN_2015 = dt.date(2015, 3, 24)


@pytest.mark.parametrize(
    "question",
    [
        "Quem coordena o grupo de trabalho sobre os ODM pós-2015?",
        "¿Quién preside el grupo de trabajo sobre los ODM post 2015?",
        "el grup de treball dels odm post 2015 qui el coordina",
        "Who coordinates the working group on the MDG post-2015?",
    ],
)
def test_a_group_named_by_the_initials_of_its_topic(assistant: Assistant, question: str) -> None:
    """The group is the one whose name holds "Objetivos de Desenvolvimento do Milénio"; no
    record says who coordinates it: handed off, never another group's text."""
    answer = assistant.answer(question, now=IN_2015)
    assert answer.handoff, answer.answer
    assert answer.sources in ([], [MDG_GROUP]), answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What is the working group on the MDG?", "en"),
        ("¿Qué es el grupo de trabajo sobre los ODM?", "es"),
    ],
)
def test_the_group_named_by_initials_is_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=IN_2015)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == [MDG_GROUP]


@pytest.mark.parametrize(
    ("name", "acronyms"),
    [
        (
            "Grupo de trabalho sobre uma posição comum sobre os Objetivos de Desenvolvimento"
            " do Milénio pós-2015",
            {"odm"},
        ),
        ("Working group on the Millennium Development Goals post 2015", {"mdg"}),
        ("Foro Urbano Mundial", {"fum"}),
        ("How to join the network", set()),
        ("Grupo de trabajo sobre la Agenda 2030", set()),
    ],
)
def test_initials_of_a_name_inside_a_description(name: str, acronyms: set[str]) -> None:
    assert name_acronyms(name, load_vocabulary().stopwords) == acronyms
