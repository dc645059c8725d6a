"""Lists, two classes. A list cut short says how many items there are in all, in the
asker's language ("…and 10 more (22 in all)."): a member asking for the 2020 plan's tasks,
or a year's events, learns the count without asking again; a list shown whole has no such
line. And the awards asked for as a kind ("which awards are there?", "quins premis hi
ha?") are the award's editions listed, each with its year, while a question about one
edition's steps stays about that edition. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant


@pytest.mark.parametrize(
    ("question", "now", "last_line"),
    [
        ("what tasks are in the 2020 work plan?", "2020-03-03", "…and 10 more (22 in all)."),
        ("¿Qué tareas tiene el plan de trabajo 2020?", "2020-03-17", "…y 10 más (22 en total)."),
        (
            "quelles tâches contient le plan de travail 2020 ?",
            "2020-02-12",
            "…et 10 de plus (22 en tout).",
        ),
        ("Quines tasques té el pla de treball 2020?", "2020-03-17", "…i 10 més (22 en total)."),
        ("Que tarefas tem o plano de trabalho 2020?", "2020-03-24", "…e mais 10 (22 no total)."),
        ("what events are there in 2013?", "2013-01-03", "…and 2 more (10 in all)."),
        ("¿qué eventos hay en 2020?", "2020-01-02", "…y 3 más (11 en total)."),
    ],
)
def test_a_list_cut_short_says_how_many_in_all(
    lingua_assistant: Assistant, question: str, now: str, last_line: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert answer.intent == "list"
    assert answer.answer.splitlines()[-1] == last_line


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("what are the thematic priorities?", "2020-05-05"),
        ("quels sont les projets du plan 2020 ?", "2020-01-02"),
    ],
)
def test_a_list_shown_whole_has_no_count_line(
    lingua_assistant: Assistant, question: str, now: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert answer.answer.splitlines()[-1].startswith("• ")


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("which awards are there?", "en"),
        ("¿Qué premios hay?", "es"),
        ("Quels prix y a-t-il ?", "fr"),
        ("quins premis hi ha?", "ca"),
    ],
)
def test_the_awards_editions_are_listed_when_the_awards_are_asked_for(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2026, 10, 6))
    assert not answer.handoff
    assert answer.language == language
    assert answer.intent == "list"
    editions = {"iopd-distinction-7-2013", "iopd-distinction-9", "iopd-award-2020"}
    assert editions <= set(answer.sources)
    assert "2013" in answer.answer and "2020" in answer.answer


def test_a_step_list_of_one_award_is_no_list_of_the_awards(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "what are the steps of the 2020 award?", now=dt.date(2026, 1, 6)
    )
    assert answer.sources == ["iopd-award-2020"]
