"""An organisation's own statement asked of it, in the five languages: its mission or goal,
its definition of a term, why it says something matters. The record whose name is that
statement of that body answers (OGP's mission, OGP's definition of open government, why
local open government matters; the IOPD's own description for its goal), not a record that
merely mentions the body; a body with no such record is handed off. Near misses keep their
answers: how a body reaches its goals, why it opened an office, the goal of a task or an
event it names. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.body_views import view_asked

NOW = dt.date(2026, 5, 1)
MISSION = "ogp-mission"
DEFINITION = "ogp-open-government"
WHY_LOCAL = "ogp-why-local-open-government"
IOPD = "iopd"


@pytest.mark.parametrize(
    ("question", "language", "record"),
    [
        ("How does OGP define open government?", "en", DEFINITION),
        ("What does OGP mean by open government?", "en", DEFINITION),
        ("Why does OGP say local open government matters today?", "en", WHY_LOCAL),
        ("What is the goal of OGP?", "en", MISSION),
        ("¿Qué entiende la OGP por gobierno abierto?", "es", DEFINITION),
        ("¿Por qué importa el gobierno abierto local según la OGP?", "es", WHY_LOCAL),
        ("¿Cuál es el objetivo del OIDP?", "es", IOPD),
        ("¿Cuál es la meta de la OGP?", "es", MISSION),
        ("Comment l'OGP définit-elle le gouvernement ouvert ?", "fr", DEFINITION),
        ("Qu'est-ce que le gouvernement ouvert pour l'OGP ?", "fr", DEFINITION),
        ("Pourquoi le gouvernement ouvert local est-il important selon l'OGP ?", "fr", WHY_LOCAL),
        ("Quelle est la mission de l'OGP ?", "fr", MISSION),
        ("Per què és rellevant segons l'OGP el govern obert local?", "ca", WHY_LOCAL),
        ("Com defineix l'OGP el govern obert?", "ca", DEFINITION),
        ("Quin és l'objectiu de l'OIDP?", "ca", IOPD),
        ("Qual é a definição de governo aberto para a OGP?", "pt", DEFINITION),
        ("O que entende a OGP por governo aberto?", "pt", DEFINITION),
        ("Porque é que o governo aberto local importa segundo a OGP?", "pt", WHY_LOCAL),
        ("Qual é o objetivo do OIDP?", "pt", IOPD),
    ],
)
def test_the_body_s_own_statement_answers(
    lingua_assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == record, answer.sources
    found = lingua_assistant.index.record(record)
    assert found is not None
    assert found.name[language].split(" (")[0] in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What is UCLG's mission?",
        "How does the IOPD define participatory democracy?",
        "¿Cuál es la misión de CGLU?",
        "Quelle est la mission de CGLU ?",
        "Per què l'OIDP diu que la democràcia participativa és important?",
        "Como é que o OIDP define a democracia participativa?",
    ],
)
def test_a_body_with_no_such_statement_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert MISSION not in answer.sources
    assert DEFINITION not in answer.sources


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("How does OGP achieve its goals?", "ogp-ways-of-working"),
        ("Comment l'OGP atteint-elle ses objectifs ?", "ogp-ways-of-working"),
        ("Pourquoi l'OIDP a-t-il un bureau à Dakar ?", "office-africa-dakar"),
        ("¿Cuál es el objetivo de la tarea 7 del plan de trabajo 2020 del OIDP?", "task-2020-07"),
        ("What is the goal of the IOPD conference in Cascais?", "conference-13-cascais-2013"),
        ("What is OGP Local?", "ogp-local"),
        ("O que é o OIDP?", "faq-what-is-the-iopd"),
    ],
)
def test_near_misses_keep_their_answer(
    lingua_assistant: Assistant, question: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == record, answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "What is the vision of the IOPD for 2020?",
        "What is the aim of OGP Local?",
        "What is the mission of OGP Local circles?",
    ],
)
def test_a_statement_not_holding_what_else_is_asked_is_no_answer(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert IOPD not in answer.sources
    assert MISSION not in answer.sources


@pytest.mark.parametrize(
    ("question", "language", "view"),
    [
        ("why does OGP say local open government matters", "en", "reason"),
        ("why did the IOPD move its secretariat", "en", None),
        ("qué entiende la OGP por gobierno abierto", "es", "definition"),
        ("qu'est-ce que le gouvernement ouvert selon l'OGP", "fr", "definition"),
        ("quina és la missió de l'OGP", "ca", "mission"),
        ("como a OGP alcança os seus objetivos", "pt", None),
    ],
)
def test_the_view_asked_is_read_in_the_question_s_language(
    question: str, language: str, view: str | None
) -> None:
    found = view_asked(question, language, ["ogp", "iopd"])
    assert (found.name if found is not None else None) == view
