"""What a work plan named by its years says about a kind of thing, in the five languages:
the part of THAT plan whose text names the kind (its line, priority or action), the plan
named in the answer when the part's name lacks its year; a handoff when only another
plan's part says it. Near misses keep their answers: the network's own offices, the
records a plan mentions, a plan's parts named by their kind or number, a plan not on
record. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2016, 1, 10)

OFFICES = "work-plan-2014-priority-2-offices"

PLAN_PARTS = [
    ("Which regional offices did the 2014-2015 plan foresee?", "en", OFFICES, "Dakar"),
    ("¿Qué oficinas regionales preveía el plan 2014-2015?", "es", OFFICES, "Dakar"),
    ("Quels bureaux régionaux prévoyait le plan 2014-2015 ?", "fr", OFFICES, "Dakar"),
    ("Quines oficines regionals preveia el pla 2014-2015?", "ca", OFFICES, "Dakar"),
    ("Que escritórios regionais previa o plano 2014-2015?", "pt", OFFICES, "Dakar"),
    (
        "Which conferences does the 2013 plan foresee?",
        "en",
        "action-2013-conference-13",
        "Cascais",
    ),
    (
        "¿Qué conferencias preveía el plan 2013?",
        "es",
        "action-2013-conference-13",
        "Cascais",
    ),
    (
        "Quais conferências previa o plano 2013?",
        "pt",
        "action-2013-conference-13",
        "Cascais",
    ),
    (
        "Quelles activités extérieures prévoit le plan 2013 ?",
        "fr",
        "action-2013-external-activities",
        "Chicago",
    ),
    (
        "Que atividades externas inclui o plano 2013?",
        "pt",
        "action-2013-external-activities",
        "Chicago",
    ),
    (
        "What does the 2013 plan say about the newsletter?",
        "en",
        "action-2013-newsletter",
        "newsletter",
    ),
    (
        "Què diu el pla 2013 sobre la newsletter?",
        "ca",
        "action-2013-newsletter",
        "newsletter",
    ),
    ("O que diz o plano 2013 sobre o boletim?", "pt", "action-2013-newsletter", "boletim"),
]

ANOTHER_PLANS = [
    ("Which regional offices did the 2020 plan foresee?", "en"),
    ("¿Qué oficinas regionales preveía el plan 2020?", "es"),
    ("What does the 2020 plan say about the newsletter?", "en"),
    ("O que diz o plano 2020 sobre o boletim?", "pt"),
]


@pytest.mark.parametrize(("question", "language", "part", "fact"), PLAN_PARTS)
def test_the_named_plans_own_part_answers(
    assistant: Assistant, question: str, language: str, part: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == part
    assert not any(s.startswith(("conference-", "office-")) for s in answer.sources[:1])
    assert fact.lower() in answer.answer.lower()
    year = "2014-2015" if part == OFFICES else "2013"
    assert year in answer.answer.split("\n")[0]  # which plan it is


@pytest.mark.parametrize(("question", "language"), ANOTHER_PLANS)
def test_only_another_plans_part_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert answer.handoff
    assert not any(s.startswith(("work-plan-2014", "action-2013")) for s in answer.sources)


def test_a_plans_conferences_are_not_the_network_conferences(assistant: Assistant) -> None:
    answer = assistant.answer("Quelles conférences prévoit le plan 2013 ?", now=NOW)
    assert answer.language == "fr"
    assert not answer.handoff
    assert answer.sources == ["action-2013-conference-13"]
    assert "conference-2019" not in answer.sources
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which regional offices does the IOPD have?", "en"),
        ("Quines oficines regionals té l'OIDP?", "ca"),
    ],
)
def test_the_networks_offices_are_still_listed(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == "office-latin-america-porto-alegre"
    assert "Porto Alegre" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which projects are in the 2020 work plan?", "en"),
        ("Quins projectes hi ha al pla de treball 2020?", "ca"),
        ("quels sont les projets du plan 2020 ?", "fr"),
    ],
)
def test_the_records_a_plan_names_are_still_listed(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 1))
    assert answer.language == language
    assert not answer.handoff
    assert "project-horizon-2020" in answer.sources
    assert not any(s.startswith("task-2020") for s in answer.sources)
    assert "Horizon 2020" in answer.answer


def test_the_working_groups_a_plan_mentions_follow_its_priority(assistant: Assistant) -> None:
    answer = assistant.answer(
        "¿Qué grupos de trabajo recoge el plan 2014-2015?", now=dt.date(2015, 2, 1)
    )
    assert answer.language == "es"
    assert not answer.handoff
    assert answer.sources[0] == "work-plan-2014-priority-7-working-groups"
    assert "working-group-new-statutes" in answer.sources
    assert "2014-2015" in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "sources"),
    [
        (
            "What is priority 10 of the 2014-2015 plan?",
            "en",
            ["work-plan-2014-priority-10-other-conferences"],
        ),
        ("What does the 2020 plan say about gender?", "en", ["thematic-gender"]),
        ("When was the 2013 plan approved?", "en", ["work-plan-2013"]),
    ],
)
def test_a_plans_part_or_whole_named_keeps_its_answer(
    assistant: Assistant, question: str, language: str, sources: list[str]
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What does the 2019 work plan say about gender?", "en"),
        ("Què diu el pla de treball del 2019 sobre gènere?", "ca"),
    ],
)
def test_a_plan_not_on_record_is_still_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert answer.handoff
    assert answer.sources == []


def test_the_lines_of_a_plan_are_still_all_listed(assistant: Assistant) -> None:
    answer = assistant.answer("Quines són les 4 línies del pla de treball 2013?", now=NOW)
    assert answer.language == "ca"
    assert not answer.handoff
    assert "work-plan-2013-line-visibility" in answer.sources
    assert len(answer.sources) >= 4


@pytest.mark.parametrize(
    "question",
    [
        "What are the three objectives of the IOPD 2020 work plan?",
        "¿Cuáles son los tres objetivos del plan de trabajo 2020?",
    ],
)
def test_a_count_written_as_a_word_is_no_topic_a_part_states(
    lingua_assistant: Assistant, question: str
) -> None:
    """ "Three" is how many, not what a part is about ("three international events")."""
    answer = lingua_assistant.answer(question, now=dt.date(2020, 4, 1))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["work-plan-2020"]


@pytest.mark.parametrize(
    "question",
    [
        "Which events are in the 2020 plan this year?",
        "Quins esdeveniments té el pla 2020 aquest any?",
    ],
)
def test_a_period_asked_is_the_calendar_not_the_plans_tasks(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 2, 1))
    assert not answer.handoff, answer.answer
    assert "world-urban-forum-10-abu-dhabi-2020" in answer.sources
    assert not any(s.startswith("task-2020") for s in answer.sources)
