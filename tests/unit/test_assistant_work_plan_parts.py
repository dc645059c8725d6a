"""Parts of the work plans asked by their place, by their plan or by their topic: a task list
of a lettered priority, a priority by its ordinal (one-letter Roman labels too, "6th"),
plan years written short ("2014-15"), what a named plan says about a topic (its own part,
not a record outside it), and what a part is about ("do que trata"). Questions written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

IN_2013 = dt.date(2013, 9, 10)
IN_2014 = dt.date(2014, 6, 2)
IN_2020 = dt.date(2020, 3, 4)

TASKS_OF_A_PRIORITY = [
    ("Which tasks fall under priority C of the 2020 plan?", "en", "C", range(15, 19)),
    ("¿Qué tareas incluye la prioridad D del plan 2020?", "es", "D", range(19, 23)),
    (
        "Quelles tâches relèvent de la priorité B (évaluation des pratiques) ?",
        "fr",
        "B",
        range(11, 15),
    ),
    ("Quines tasques té la prioritat B, la d'avaluació de pràctiques?", "ca", "B", range(11, 15)),
]


@pytest.mark.parametrize(("question", "language", "letter", "numbers"), TASKS_OF_A_PRIORITY)
def test_the_tasks_of_a_lettered_priority_are_listed(
    assistant: Assistant, question: str, language: str, letter: str, numbers: range
) -> None:
    answer = assistant.answer(question, now=IN_2020, lang=language)
    assert not answer.handoff
    assert {f"task-2020-{n:02d}" for n in numbers} <= set(answer.sources)
    for number in numbers:
        assert str(number) in answer.answer


PRIORITY_BY_PLACE = [
    ("What was the first priority of the 2014-2015 plan?", "en", "1-members"),
    ("What was the fifth priority of the 2014-2015 plan?", "en", "5-social-networks"),
    ("And the tenth priority of the 2014-2015 plan?", "en", "10-other-conferences"),
    ("What's the 6th priority of the 2014-2015 work plan?", "en", "6-funding"),
    ("¿Cuál era la 6.ª prioridad del plan 2014-2015?", "es", "6-funding"),
    ("Quelle était la 6e priorité du plan 2014-2015 ?", "fr", "6-funding"),
    ("What was the third priority of the 2014-15 plan?", "en", "3-website"),
    ("Quina era la primera prioritat del pla 2014-2015?", "ca", "1-members"),
]


@pytest.mark.parametrize(("question", "language", "suffix"), PRIORITY_BY_PLACE)
def test_a_priority_is_found_by_its_place(
    assistant: Assistant, question: str, language: str, suffix: str
) -> None:
    answer = assistant.answer(question, now=IN_2014, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == f"work-plan-2014-priority-{suffix}"


def test_an_edition_by_its_ordinal_is_still_no_priority(assistant: Assistant) -> None:
    answer = assistant.answer("What is the 8th distinction?", now=IN_2014, lang="en")
    assert not any(s.startswith("work-plan-2014-priority") for s in answer.sources)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("the 2014-15 plan", "the 2014 2015 plan"),
        ("season 2019/20", "season 2019 2020"),
        ("approved 2013-07-02", "approved 2013 07 02"),
    ],
)
def test_two_years_written_short_are_read_in_full(text: str, written: str) -> None:
    assert normalise(text) == written


WHAT_THE_PLAN_SAYS = [
    ("What does the 2013 plan say about working groups?", "en", "action-2013-working-groups"),
    ("¿Qué dice el plan 2013 sobre los grupos de trabajo?", "es", "action-2013-working-groups"),
    ("O plano 2013 fala de grupos de trabalho: o que diz?", "pt", "action-2013-working-groups"),
    (
        "What does the 2013 work plan say about social networks?",
        "en",
        "action-2013-social-networks",
    ),
    ("Que dit le plan 2013 sur les réseaux sociaux ?", "fr", "action-2013-social-networks"),
]


@pytest.mark.parametrize(("question", "language", "part"), WHAT_THE_PLAN_SAYS)
def test_what_a_named_plan_says_about_a_topic_is_its_own_part(
    assistant: Assistant, question: str, language: str, part: str
) -> None:
    answer = assistant.answer(question, now=IN_2013, lang=language)
    assert not answer.handoff
    assert answer.sources == [part]


def test_a_record_named_by_its_own_name_is_not_replaced_by_a_part(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "What is the Global PB Hub that the 2020 plan mentions?", now=IN_2020, lang="en"
    )
    assert "project-global-pb-hub" in answer.sources


ABOUT_A_TASK = [
    ("Do que trata a tarefa 17?", "pt"),
    ("De què tracta la tasca 17?", "ca"),
    ("De quoi parle la tâche 17 ?", "fr"),
]


@pytest.mark.parametrize(("question", "language"), ABOUT_A_TASK)
def test_what_a_task_is_about(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=IN_2020, lang=language)
    assert not answer.handoff
    assert answer.sources == ["task-2020-17"]


def test_a_portuguese_plural_in_ens_finds_its_singular(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Há alguma prioridade temática do plano 2020 sobre os jovens?", now=IN_2020, lang="pt"
    )
    assert not answer.handoff
    assert answer.sources[0] == "thematic-youth-pb"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Quines accions tenia la quarta línia del pla 2013?", "ca"),
        ("Which actions did the fourth line of the 2013 plan have?", "en"),
    ],
)
def test_the_actions_of_a_line_asked_by_its_ordinal_are_that_lines(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=IN_2013, lang=language)
    assert not answer.handoff
    assert "action-2013-crowdfunding" in answer.sources
    assert "action-2013-conference-13" not in answer.sources


def test_a_count_of_lines_still_lists_them_all(assistant: Assistant) -> None:
    answer = assistant.answer("Quines són les 4 línies del pla 2013?", now=IN_2013, lang="ca")
    assert {f"work-plan-2013-line-{n}" for n in ("knowledge", "members", "visibility")} <= set(
        answer.sources
    )


@pytest.mark.parametrize(
    ("question", "language", "handoff"),
    [
        ("Le plan 2020 prévoit-il un nettoyage de la liste des membres ?", "fr", False),
        ("Could you send me the list of members?", "en", True),
    ],
)
def test_a_task_named_after_the_members_list_is_no_request_for_the_list(
    assistant: Assistant, question: str, language: str, handoff: bool
) -> None:
    answer = assistant.answer(question, now=IN_2020, lang=language)
    assert answer.handoff is handoff
    assert answer.sources == ([] if handoff else ["task-2020-15"])
