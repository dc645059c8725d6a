"""Questions about the numbered parts of the network's plans: a task named by its number
is answered with that task's text whatever else the message says around it, and a plan's
strategic priorities asked by the plan's whole name (the network's name in it, a count
said) are that plan's priorities, each listed. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.plan_parts import labelled_parts

DAY = dt.date(2020, 3, 10)

NAMED_TASKS = [
    # a sentence before the question names the task it asks about
    (
        "The 2020 plan has a task 22 about an online platform. What is that platform called?",
        "en",
        "task-2020-22",
        "PARTICIPATE",
    ),
    (
        "Our council reads task 21 of the 2020 plan. What does that task involve?",
        "en",
        "task-2020-21",
        "Agenda for Local Democracy",
    ),
    (
        "Hi, I'm new to the network since 2019. What does task 17 of the 2020 plan involve?",
        "en",
        "task-2020-17",
        "contacts",
    ),
    (
        "Soy socio desde 2012: ¿en qué consiste la tarea 15 del plan 2020?",
        "es",
        "task-2020-15",
        "inactivos",
    ),
    (
        "Hola, sobre la tarea 18 del plan: ¿qué hace la secretaría con los miembros promotores?",
        "es",
        "task-2020-18",
        "promotores",
    ),
    (
        "La tarea 22 habla de una plataforma en línea. ¿Cómo se llama esa plataforma?",
        "es",
        "task-2020-22",
        "PARTICIPATE",
    ),
    ("[Message transféré] Que prévoit la tâche 12 du plan 2020 ?", "fr", "task-2020-12", "rapport"),
    (
        "La tâche 22 du plan de travail parle d'une plateforme. Comment s'appelle-t-elle ?",
        "fr",
        "task-2020-22",
        "PARTICIPATE",
    ),
    (
        "Membre depuis 2015, je voudrais savoir en quoi consiste la tâche 15 du plan 2020.",
        "fr",
        "task-2020-15",
        "inactifs",
    ),
    (
        "Sobre la tasca 17 del pla 2020: com incorpora la secretaria els nous membres?",
        "ca",
        "task-2020-17",
        "contactes",
    ),
    (
        "La tasca 22 del pla de treball parla d'una plataforma. Com es diu?",
        "ca",
        "task-2020-22",
        "PARTICIPATE",
    ),
    (
        "Sou membre des de 2018: en que consisteix la tasca 15 del pla 2020?",
        "ca",
        "task-2020-15",
        "inactius",
    ),
    (
        "Sobre a tarefa 17 do plano 2020: como é que a secretaria integra os novos membros?",
        "pt",
        "task-2020-17",
        "contactos",
    ),
    (
        "A tarefa 22 do plano fala de uma plataforma online. Como se chama essa plataforma?",
        "pt",
        "task-2020-22",
        "PARTICIPATE",
    ),
]


@pytest.mark.parametrize(("question", "language", "task", "fact"), NAMED_TASKS)
def test_a_task_named_by_its_number_is_answered_with_its_text(
    assistant: Assistant, question: str, language: str, task: str, fact: str
) -> None:
    answer = assistant.answer(question, now=DAY, lang=language)
    assert not answer.handoff, answer.answer
    assert task in answer.sources
    assert fact.lower() in answer.answer.lower()


def test_a_task_said_only_around_another_question_leaves_it_alone(
    assistant: Assistant,
) -> None:
    answer = assistant.answer("I am working on task 5. Which regional offices are there?", now=DAY)
    assert "task-2020-05" not in answer.sources
    assert any(s.startswith("office-") for s in answer.sources)


def test_a_count_before_the_kind_names_no_task(assistant: Assistant) -> None:
    retriever = assistant.responder.retriever
    words = ["the", "22", "tasks", "of", "the", "2020", "plan"]
    assert labelled_parts(words, retriever.docs, lambda w, _d: w in {"task", "tasks"}) == []
    named = labelled_parts(["what", "is", "task", "22"], retriever.docs, lambda w, _d: w == "task")
    assert [d.record_id for d in named] == ["task-2020-22"]


PRIORITIES_OF_THE_PLAN = [
    ("What are the four strategic priorities of the IOPD 2020 work plan?", "en"),
    ("¿Cuáles son las cuatro prioridades estratégicas del Plan de trabajo 2020 del OIDP?", "es"),
    ("Quelles sont les quatre priorités stratégiques du plan de travail 2020 de l'OIDP ?", "fr"),
    ("Quines són les quatre prioritats estratègiques del Pla de treball 2020 de l'OIDP?", "ca"),
    ("Quais são as quatro prioridades estratégicas do Plano de trabalho 2020 do OIDP?", "pt"),
]


@pytest.mark.parametrize(("question", "language"), PRIORITIES_OF_THE_PLAN)
def test_the_strategic_priorities_of_a_plan_named_whole_are_all_listed(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=DAY, lang=language)
    assert not answer.handoff
    assert "work-plan-2020" in answer.sources
    for label in ("a-communication", "b-evaluation", "c-growing", "d-learning"):
        assert f"priority-{label}" in answer.sources
    assert not any(s.startswith("task-") for s in answer.sources)
