"""Records that tie but give one answer to the slot asked (one thing recorded twice: a
workshop and the congress it is held in, a work-plan task and the one conference it speaks
of, a plan and its source document) are answered, not handed off; records that tie with
different answers still are. Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


def test_a_workshop_tied_with_its_congress_is_answered(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Qual era o tema da oficina do OIDP no congresso de Rabat?",
        now=dt.date(2013, 9, 1),
        lang="pt",
    )
    assert not answer.handoff
    assert answer.sources[0] == "basic-services-workshop-rabat-2013"
    assert "uclg-congress-rabat-2013" in answer.sources  # the congress the question names
    assert "servicos basicos" in normalise(answer.answer)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Cuándo sale el informe anual?", "es"),
        ("Quand sera publié le rapport annuel ?", "fr"),
        ("Quan es publica l'informe anual?", "ca"),
    ],
)
def test_a_task_tied_with_the_conference_it_speaks_of_is_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 1), lang=language)
    assert not answer.handoff
    assert set(answer.sources) == {"conference-20-abidjan-2020", "task-2020-07"}
    assert "Abidjan" in answer.answer


def test_a_plan_tied_with_its_document_is_answered(assistant: Assistant) -> None:
    answer = assistant.answer(
        "How many tasks are in the 2020 work plan?", now=dt.date(2020, 3, 1), lang="en"
    )
    assert not answer.handoff
    assert answer.sources[0] in {"doc-work-plan-2020", "work-plan-2020"}  # both state it
    assert "22 tasks" in answer.answer


def test_entries_saying_the_same_leave_no_runner_up(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Qu'est-ce que le plan 2020 dit du répertoire d'expériences ?",
        now=dt.date(2020, 3, 1),
        lang="fr",
    )
    assert not answer.handoff
    assert {"project-repository-of-experiences", "task-2020-04"} <= set(answer.sources)


def test_a_tie_with_different_answers_is_still_handed_off(assistant: Assistant) -> None:
    # Chicago's and San Francisco's conferences: two cities, no one of them named
    answer = assistant.answer("Where is the PB conference?", now=dt.date(2020, 3, 1), lang="en")
    assert answer.handoff
    assert not answer.sources
