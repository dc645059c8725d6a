"""What-questions about a record's content, in the five languages: the verb by which the
question asks what a record says (what a plan concluded, what an assembly decided, how a
body works to achieve its aims) is no topic the record must hold, and a Roman numeral a
record writes as part of a name ("GOLD III") is no edition, and the record glossing the
name says what it is. A what-question naming a
year, an edition or a detail no record states is still handed off. Sentences written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

ASSEMBLY = "general-assembly-2020"
FUNDING = "work-plan-2014-priority-6-funding"
WAYS = "ogp-ways-of-working"
UCLG = "iopd-uclg-relation"
NOW = dt.date(2026, 1, 10)


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        ("What did the 2020 General Assembly decide about its themes?", ASSEMBLY, "gender"),
        ("¿Qué decidió la Asamblea General de 2020 sobre los temas?", ASSEMBLY, "género"),
        ("Què va decidir l'Assemblea General del 2020 sobre els temes?", ASSEMBLY, "gènere"),
        ("O que decidiu a Assembleia Geral de 2020 sobre os temas?", ASSEMBLY, "género"),
        (
            "In the 2014-2015 plan, what did the network conclude on crowdfunding?",
            FUNDING,
            "Distinction",
        ),
        ("¿Qué concluyó la red sobre el crowdfunding en el plan 2014-2015?", FUNDING, "Distinción"),
        ("Qu'a conclu le plan 2014-2015 sur le crowdfunding ?", FUNDING, "Distinction"),
        ("Què va concloure el pla 2014-2015 sobre el crowdfunding?", FUNDING, "Distinció"),
        ("O que concluiu o plano 2014-2015 sobre o crowdfunding?", FUNDING, "Distinção"),
        ("Comment l'OGP travaille-t-elle pour atteindre ses objectifs ?", WAYS, "société civile"),
        ("¿Cómo trabaja OGP para lograr sus objetivos?", WAYS, "sociedad civil"),
        ("what's GOLD III?", UCLG, "Global Observatory"),
        ("¿qué es GOLD III?", UCLG, "GOLD III"),
        ("GOLD III, c'est quoi ?", UCLG, "Observatoire mondial"),
        ("què és GOLD III?", UCLG, "GOLD III"),
        ("o que é GOLD III?", UCLG, "GOLD III"),
    ],
)
def test_a_what_question_about_a_records_content_is_answered(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "what is GOLD IV?",
        "what is GOLD II?",
        "what did the 2016 plan conclude about crowdfunding?",
        "¿qué concluyó el plan de 2016 sobre el micromecenazgo?",
        "qu'est-ce que GOLD IV ?",
        "què és GOLD IV?",
        "o que é o GOLD IV?",
    ],
)
def test_a_what_question_no_record_answers_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


def test_a_decision_the_record_does_not_state_is_handed_off_citing_it(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer(
        "what did the 2020 General Assembly decide about the budget?", now=NOW
    )
    assert answer.handoff
    assert answer.sources == [ASSEMBLY]
    assert "budget" in answer.answer
