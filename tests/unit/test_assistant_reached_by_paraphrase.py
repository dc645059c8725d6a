"""Records reached by what members commonly call them, not only by their own words: the
Technical Secretariat asked where by "the secretariat" alone, the GIZ as "the German
cooperation"; and a question naming only a city asks the main event there (the congress,
not a workshop held within it). Questions in words of their own, in several languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "question",
    [
        "Where is the secretariat based?",
        "Sede de la secretaría?",
        "Siège du secrétariat ?",
        "On és la seu de la secretaria tècnica?",
        "Onde fica o secretariado?",
    ],
)
def test_the_secretariat_asked_where_by_its_name(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2021, 3, 1))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["iopd-technical-secretariat"]
    assert "Barcelon" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "the study commissioned by the German development agency, what was it about?",
        "¿De qué trataba el estudio para la cooperación alemana?",
        "L'étude pour la coopération allemande, c'était sur quoi ?",
        "Sobre o que era o estudo para a cooperação alemã?",
    ],
)
def test_the_giz_by_its_common_name(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 11, 4))
    assert not answer.handoff, answer.answer
    assert "project-giz-monitoring-study" in answer.sources


@pytest.mark.parametrize(
    "question", ["Rabat, which days?", "Rabat, quins dies?", "Rabat, ¿qué días?"]
)
def test_a_city_alone_asks_its_main_event(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 6, 1))
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "uclg-congress-rabat-2013"


def test_a_workshop_named_is_still_the_workshop(assistant: Assistant) -> None:
    answer = assistant.answer(
        "When is the OIDP workshop on basic services in Rabat?", now=dt.date(2013, 6, 1)
    )
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "basic-services-workshop-rabat-2013"


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuándo se lanzó la web nueva del OIDP?",
        "¿Cuándo se estrenó la nueva web?",
        "Quan es va llançar el web nou de l'OIDP?",
        "Quando foi lançado o novo site do OIDP?",
    ],
)
def test_a_launch_asked_with_its_verb(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2016, 3, 3))
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "website-launch-2012-07"


@pytest.mark.parametrize(
    "question",
    [
        "What are the objectives of this year's work plan?",
        "¿Cuáles son los objetivos del plan de trabajo de este año?",
        "Quins són els objectius del pla de treball d'aquest any?",
    ],
)
def test_asked_of_this_year_a_record_of_another_year_gives_way(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 2, 1))
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "work-plan-2020"


@pytest.mark.parametrize("question", ["Who is UCLG?", "Qui est CGLU ?", "Quem é a CGLU?"])
def test_who_a_body_is_asks_the_record_of_its_name(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2016, 7, 4))
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "iopd-uclg-relation"


def test_the_external_activities_are_the_outside_events(assistant: Assistant) -> None:
    answer = assistant.answer(
        "¿En qué eventos externos piensa participar la secretaría en 2013?",
        now=dt.date(2013, 1, 10),
    )
    assert not answer.handoff, answer.answer
    assert "action-2013-external-activities" in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "Where will the conference be held in July?",
        "¿Dónde se celebrará la conferencia en julio?",
        "Où aura lieu la conférence en juillet ?",
    ],
)
def test_the_one_event_of_a_kind_in_the_month_asked(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 2, 28))
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "conference-20-abidjan-2020"


@pytest.mark.parametrize(
    "question",
    ["Le nouveau site, il a été mis en ligne quand ?", "Quan es va posar en línia el web nou?"],
)
def test_a_site_put_online_is_its_launch(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 1, 1))
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "website-launch-2012-07"
