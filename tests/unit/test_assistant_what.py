"""What-questions about one document or one term, in the five languages.

- "What does the 2019 work plan say about gender?": the knowledge holds no plan of 2019, so
  the question is handed off, never answered with another record of that year (the 2019
  conference, whose text says "gener", January, the Catalan stem of "gènere"); a plan of a
  year on record (2013, 2014-2015, 2020) is answered from its part about the topic.
- "What does task 7 say about crowdfunding?": the record named never names the topic, so
  the question is handed off; "what does task 7 say about the annual report?" is answered.
- "What is open government, according to OGP?": the OGP deck's definition answers, not the
  OGP Local programme, whose name says open government too.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.plan_years import named_plan_years

NOW = "2026-12-04"


@pytest.mark.parametrize(
    "question",
    [
        "What does the 2019 work plan say about gender?",
        "Què diu el pla de treball del 2019 sobre gènere?",
        "¿Qué dice el plan de trabajo del 2019 sobre género?",
        "Que dit le plan de travail 2018 sur les jeunes ?",
        "O que diz o plano de trabalho de 2017 sobre comunicação?",
    ],
)
def test_a_plan_of_a_year_not_on_record_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(NOW))
    assert answer.handoff, answer.answer
    assert not answer.sources


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("Què diu el pla de treball del 2020 sobre gènere?", "thematic-gender"),
        (
            "What does the 2014 plan say about social networks?",
            "work-plan-2014-priority-5-social-networks",
        ),
        (
            "o que diz o plano 2014-2015 sobre as redes sociais?",
            "work-plan-2014-priority-5-social-networks",
        ),
        (
            "Què diu el pla del 2013 sobre la presència a webs externes?",
            "action-2013-external-webs",
        ),
        (
            "¿Qué dice el plan de 2020 sobre la tarea 4, el repositorio de experiencias?",
            "task-2020-04",
        ),
    ],
)
def test_a_plan_of_a_year_on_record_is_still_answered(
    lingua_assistant: Assistant, question: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(NOW))
    assert not answer.handoff, answer.answer
    assert record in answer.sources, answer.sources


@pytest.mark.parametrize(
    ("words", "years"),
    [
        ("the 2019 work plan", {2019}),
        ("plan for the year 2019", {2019}),
        ("plan de accion 2023", set()),
        ("the 2023 action plan", set()),
        ("the plan says about the conference of 2019", set()),
    ],
)
def test_the_year_a_plan_is_named_by(words: str, years: set[int]) -> None:
    assert named_plan_years(words.split()) == years


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("What is open government according to OGP?", "ogp-open-government"),
        ("¿Qué es el gobierno abierto según OGP?", "ogp-open-government"),
        ("Qu'est-ce que le gouvernement ouvert selon l'OGP ?", "ogp-open-government"),
        ("què és el govern obert segons OGP?", "ogp-open-government"),
        ("o que é governo aberto segundo a OGP?", "ogp-open-government"),
        ("¿Qué es OGP Local?", "ogp-local"),
    ],
)
def test_a_term_is_answered_by_the_record_defining_it(
    lingua_assistant: Assistant, question: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(NOW))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "What does task 7 say about crowdfunding?",
        "¿Qué dice la tarea 4 sobre el clima?",
        "Que dit la tâche 18 sur les jeunes ?",
        "Què diu la tasca 15 sobre el gènere?",
        "O que diz a tarefa 1 sobre o sorteio?",
    ],
)
def test_a_record_asked_about_a_topic_it_never_names_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(NOW))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("O que diz a tarefa 7 sobre o relatório anual?", "task-2020-07"),
        ("Que dit la tâche 13 sur les critères du prix ?", "task-2020-13"),
        ("What does task 22 say about the platform?", "task-2020-22"),
        (
            "What does priority 6 of the 2014-2015 plan say about crowdfunding?",
            "work-plan-2014-priority-6-funding",
        ),
    ],
)
def test_a_record_asked_about_a_topic_it_names_is_answered(
    lingua_assistant: Assistant, question: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(NOW))
    assert not answer.handoff, answer.answer
    assert record in answer.sources, answer.sources
