"""What a work plan named by its years says about a kind of thing, in the five languages,
when the ordinary answer is the enumeration of the records of that kind or another part of
the plan: the plan's own part holding the question's words answers (the action on the
regional antennas, the priority opening contacts in other regions, the priority named "other
conferences"), in the asker's language, naming its plan. Near misses keep their answers: the
network's offices asked with no plan, the plan as a whole, its parts by their kind, a topic
of one word the records hold as well. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2016, 1, 10)

ANTENNAS = "action-2013-regional-antennas"
MEMBERS = "work-plan-2014-priority-1-members"
OTHER_CONFERENCES = "work-plan-2014-priority-10-other-conferences"

CONSOLIDATED = [
    ("Which offices was the 2013 plan to consolidate?", "en"),
    ("¿Qué oficinas regionales quería consolidar el plan 2013?", "es"),
    ("Quels bureaux régionaux le plan 2013 voulait-il consolider ?", "fr"),
    ("Quines oficines regionals volia consolidar el pla 2013?", "ca"),
    ("Que escritórios regionais queria consolidar o plano 2013?", "pt"),
]

ROLE = [
    ("What role do the regional antennas play in the 2013 plan?", "en"),
    ("¿Qué papel tienen las antenas regionales en el plan 2013?", "es"),
    ("Quel rôle jouent les antennes régionales dans le plan 2013 ?", "fr"),
    ("Quin paper tenen les antenes regionals al pla 2013?", "ca"),
    ("Que papel têm as antenas regionais no plano 2013?", "pt"),
]

REGIONS = [
    ("In which continents did the 2014-2015 plan want to open contacts?", "en", "Asia"),
    ("¿Con qué regiones quería abrir contactos el plan 2014-2015?", "es", "Asia"),
    ("Avec quelles régions le plan 2014-2015 voulait-il ouvrir des contacts ?", "fr", "Asie"),
    ("Amb quins continents volia obrir contactes el pla 2014-2015?", "ca", "Àsia"),
    ("Com que regiões queria o plano 2014-2015 abrir contactos?", "pt", "Ásia"),
]

OTHERS = [
    ("Which other conferences does the 2014-2015 plan foresee?", "en"),
    ("¿Qué otras conferencias prevé el plan 2014-2015?", "es"),
    ("Quelles autres conférences prévoit le plan 2014-2015 ?", "fr"),
    ("Quines altres conferències preveu el pla 2014-2015?", "ca"),
    ("Que outras conferências prevê o plano 2014-2015?", "pt"),
]


@pytest.mark.parametrize(("question", "language"), CONSOLIDATED)
def test_the_plans_action_heads_the_offices_it_would_consolidate(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == ANTENNAS
    first = answer.answer.split("\n")[0]
    assert "2013" in first  # which plan it is
    assert "Dakar" in first and "Porto Alegre" in first


@pytest.mark.parametrize(("question", "language"), ROLE)
def test_the_plans_action_answers_alone_when_it_holds_more(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources == [ANTENNAS]
    assert "2013" in answer.answer and "Dakar" in answer.answer


@pytest.mark.parametrize(("question", "language", "region"), REGIONS)
def test_a_kind_of_place_is_held_by_the_part_naming_regions(
    assistant: Assistant, question: str, language: str, region: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == MEMBERS
    first = answer.answer.split("\n")[0]
    assert "2014-2015" in first
    assert region in first


@pytest.mark.parametrize(("question", "language"), OTHERS)
def test_the_part_named_whole_answers(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == OTHER_CONFERENCES
    assert "work-plan-2014-priority-9-conference" not in answer.sources
    assert "San Francisco" in answer.answer
    assert "2014-2015" in answer.answer.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which regional offices does the IOPD have?", "en"),
        ("Quines oficines regionals té l'OIDP?", "ca"),
        ("¿Qué oficinas regionales tiene el OIDP?", "es"),
        ("Which regions does the IOPD have offices in?", "en"),
    ],
)
def test_offices_asked_with_no_plan_are_still_listed(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == "office-latin-america-porto-alegre"
    assert ANTENNAS not in answer.sources
    assert MEMBERS not in answer.sources
    assert "Porto Alegre" in answer.answer


def test_contacts_asked_with_no_plan_take_no_plans_part(assistant: Assistant) -> None:
    answer = assistant.answer("With which regions did the IOPD open contacts?", now=NOW)
    assert answer.language == "en"
    assert MEMBERS not in answer.sources


@pytest.mark.parametrize(
    ("question", "language", "now", "first"),
    [
        ("What is the 2013 work plan?", "en", NOW, "work-plan-2013"),
        ("Què és el pla de treball 2013?", "ca", NOW, "work-plan-2013"),
        ("What does the 2020 plan say about gender?", "en", NOW, "thematic-gender"),
        (
            "Which projects are in the 2020 work plan?",
            "en",
            dt.date(2020, 3, 1),
            "project-horizon-2020",
        ),
        (
            "¿Qué grupos de trabajo recoge el plan 2014-2015?",
            "es",
            dt.date(2015, 2, 1),
            "work-plan-2014-priority-7-working-groups",
        ),
        (
            "Which regional offices did the 2014-2015 plan foresee?",
            "en",
            NOW,
            "work-plan-2014-priority-2-offices",
        ),
    ],
)
def test_the_plan_whole_a_one_word_topic_or_a_named_part_keeps_its_answer(
    assistant: Assistant, question: str, language: str, now: dt.date, first: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == first
    assert not any(s.startswith("task-2020") for s in answer.sources)


def test_the_priorities_of_a_plan_are_still_all_listed(assistant: Assistant) -> None:
    answer = assistant.answer("What are the priorities of the 2014-2015 plan?", now=NOW)
    assert answer.language == "en"
    assert not answer.handoff
    assert MEMBERS in answer.sources
    assert OTHER_CONFERENCES in answer.sources
    assert len(answer.sources) >= 6


@pytest.mark.parametrize(
    ("question", "language", "region"),
    [
        (
            "Qu'est-ce que le plan 2014-2015 prévoit pour l'Asie côté bureaux régionaux ?",
            "fr",
            "Asie",
        ),
    ],
)
def test_the_part_named_after_the_kind_answers_for_one_region(
    assistant: Assistant, question: str, language: str, region: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert answer.sources[0] == "work-plan-2014-priority-2-offices"
    assert region in answer.answer and "2014-2015" in answer.answer
