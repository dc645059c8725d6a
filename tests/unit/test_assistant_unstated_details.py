"""A detail asked that the record does not state (its programme, how to register, its
budget, who coordinates it, who takes part, whether it is streamed, its exact dates) is
handed off saying what is missing, never answered with the record's general text or its
year; asked what the record does state, the same record answers. The seat of a body the
network's seat record only mentions (the presidency) is not that record's place. Questions
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

HORIZON = "project-horizon-2020"
ACADEMY = "citizenship-academy-2020"
HUB = "project-global-pb-hub"
ABIDJAN = "conference-20-abidjan-2020"
RETREAT = "uclg-retreat-campus-barcelona-2020"
METROPOLIS = "project-pilot-cities-metropolis"

UNSTATED = [
    ("What budget does the Horizon 2020 project have?", "en", "2026-12-06", HORIZON, "its budget"),
    (
        "¿Con qué presupuesto cuenta el proyecto Horizonte 2020?",
        "es",
        "2026-12-06",
        HORIZON,
        "su presupuesto",
    ),
    ("Qual é o orçamento do projeto Horizonte 2020?", "pt", "2026-12-06", HORIZON, "orçamento"),
    (
        "What is the programme of the Citizenship Academy?",
        "en",
        "2020-09-10",
        ACADEMY,
        "its programme",
    ),
    (
        "¿Cuál es el programa de la Academia de Ciudadanía?",
        "es",
        "2020-09-10",
        ACADEMY,
        "su programa",
    ),
    (
        "Quines ciutats participen en el projecte de ciutats pilot de Metropolis?",
        "ca",
        "2020-09-01",
        METROPOLIS,
        "qui hi participa",
    ),
    (
        "Which cities take part in the Metropolis pilot-cities project?",
        "en",
        "2020-09-01",
        METROPOLIS,
        "who takes part",
    ),
    ("Qui coordonne le Global PB Hub ?", "fr", "2021-01-10", HUB, "qui le coordonne"),
    ("Quem coordena o Global PB Hub?", "pt", "2021-01-10", HUB, "quem o coordena"),
    (
        "What are the exact dates of the UCLG Retreat and Campus in Barcelona?",
        "en",
        "2020-01-10",
        RETREAT,
        "2020",
    ),
    (
        "Quines són les dates exactes del Retir i Campus de CGLU a Barcelona?",
        "ca",
        "2020-01-10",
        RETREAT,
        "2020",
    ),
]
"""Question, language, the asker's day, the record asked of and what the answer says."""

SEMINAR = "iopd-seminar-1-2020"
TOPIC_UNSTATED = [
    ("What is IOPD Seminar 1 about?", "en", "its topic"),
    ("¿De qué trata el Seminario 1 del OIDP?", "es", "su tema"),
    ("Quel est le thème du séminaire 1 de l'OIDP ?", "fr", "thème"),
    ("Qual é o tema do Seminário 1 do OIDP?", "pt", "tema"),
]
"""Asked what a seminar is about, whose record says its topic is not given."""

STATED = [
    ("What is Horizon 2020?", "en", "2026-12-06", HORIZON, "2020 work plan"),
    ("When is the Abidjan conference?", "en", "2020-06-01", ABIDJAN, "July 2020"),
    ("When is IOPD Seminar 1?", "en", "2020-02-01", SEMINAR, "March 2020"),
    ("¿Dónde se celebra la conferencia de Abiyán?", "es", "2020-06-01", ABIDJAN, "Abidjan"),
    ("Où a lieu la conférence d'Abidjan ?", "fr", "2020-06-01", ABIDJAN, "Abidjan"),
]
"""Asked what the record states, the same record answers."""


@pytest.mark.parametrize(("question", "language", "day", "record", "fact"), UNSTATED)
def test_a_detail_the_record_does_not_state_is_handed_off(
    assistant: Assistant, question: str, language: str, day: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(day))
    assert answer.language == language
    assert answer.handoff
    assert answer.sources == [record]
    assert normalise(fact) in normalise(answer.answer)


@pytest.mark.parametrize(("question", "language", "day", "record", "fact"), STATED)
def test_what_the_record_states_is_answered(
    assistant: Assistant, question: str, language: str, day: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(day))
    assert answer.language == language
    assert not answer.handoff
    assert record in answer.sources
    assert normalise(fact) in normalise(answer.answer)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Will the Abidjan conference next month be livestreamed?", "en"),
        ("La conferència d'Abidjan del mes que ve es farà en streaming?", "ca"),
    ],
)
def test_whether_an_event_is_streamed_is_not_answered_yes(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 6, 20))
    assert answer.language == language
    assert answer.handoff
    assert not answer.answer.startswith(("Yes", "Sí"))
    assert answer.sources in ([], [ABIDJAN])


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which city is the seat of the IOPD presidency in?", "en"),
        ("¿Dónde tiene su sede la presidencia del OIDP?", "es"),
        ("Dans quelle ville se trouve le siège de la présidence de l'OIDP ?", "fr"),
        ("On és la seu de la presidència de l'OIDP?", "ca"),
        ("Onde fica a sede da presidência do OIDP?", "pt"),
    ],
)
def test_the_presidencys_seat_is_not_the_secretariats(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 12, 6))
    assert answer.language == language
    assert answer.handoff
    assert "iopd-technical-secretariat" not in answer.sources
    assert "Barcelona" not in answer.answer


def test_the_networks_own_seat_is_its_secretariats(assistant: Assistant) -> None:
    answer = assistant.answer("¿Dónde tiene su sede el OIDP?", now=dt.date(2026, 12, 6))
    assert answer.language == "es"
    assert not answer.handoff
    assert answer.sources == ["iopd-technical-secretariat"]
    assert "Barcelona" in answer.answer


@pytest.mark.parametrize(("question", "language", "fact"), TOPIC_UNSTATED)
def test_a_topic_the_record_says_is_not_given_is_handed_off(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 2, 1))
    assert answer.language == language
    assert answer.handoff
    assert answer.sources == [SEMINAR]
    assert normalise(fact) in normalise(answer.answer)
