"""Who decided the items a record lists: the records asked name their decider in their data
("defined_by: 2020 General Assembly", "approved_at: members-session-cascais-2013"), and that
body's own record answers, cited with the records naming it, in the asker's language. A
"who" without a verb of deciding, a year no such record is of, or a record of the same kind
named as much that names no decider, is left to the other ways of answering. Sentences
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

GA = "general-assembly-2020"
THEMES = {GA, "thematic-climate-change", "thematic-gender"}
CASCAIS = {"members-session-cascais-2013", "work-plan-2013"}


@pytest.mark.parametrize(
    ("now", "question", "language", "records", "fact"),
    [
        (
            "2020-02-11",
            "Who set the thematic priorities for this year's work?",
            "en",
            THEMES,
            "General Assembly",
        ),
        (
            "2020-04-10",
            "who decided that climate and gender would be our themes in 2020?",
            "en",
            THEMES,
            "General Assembly",
        ),
        (
            "2020-03-01",
            "Who defined the thematic priorities for 2020?",
            "en",
            THEMES,
            "General Assembly",
        ),
        (
            "2020-02-25",
            "¿Quién definió las prioridades temáticas de este año?",
            "es",
            THEMES,
            "Asamblea General",
        ),
        (
            "2020-04-04",
            "quien fijo las prioridades tematicas de clima y genero para 2020",
            "es",
            THEMES,
            "Asamblea General",
        ),
        (
            "2020-03-01",
            "Qui a défini les priorités thématiques de 2020 ?",
            "fr",
            THEMES,
            "Assemblée générale",
        ),
        (
            "2020-03-01",
            "Qui va fixar les prioritats temàtiques d'aquest any?",
            "ca",
            THEMES,
            "Assemblea General",
        ),
        (
            "2020-03-01",
            "Quem definiu as prioridades temáticas do secretariado para 2020?",
            "pt",
            THEMES,
            "Assembleia Geral",
        ),
        (
            "2020-03-01",
            "quem escolheu as prioridades temáticas deste ano?",
            "pt",
            THEMES,
            "Assembleia Geral",
        ),
        ("2014-01-01", "on i qui va validar el pla de treball del 2013?", "ca", CASCAIS, "Cascais"),
        ("2014-01-01", "Who approved the 2013 work plan?", "en", CASCAIS, "Cascais"),
        ("2014-01-01", "¿Quién aprobó el plan de trabajo 2013?", "es", CASCAIS, "Cascais"),
        ("2014-01-01", "Qui a approuvé le plan de travail 2013 ?", "fr", CASCAIS, "Cascais"),
        ("2014-01-01", "Quem aprovou o plano de trabalho de 2013?", "pt", CASCAIS, "Cascais"),
    ],
)
def test_the_decider_the_records_name_answers(
    lingua_assistant: Assistant,
    now: str,
    question: str,
    language: str,
    records: set[str],
    fact: str,
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert records <= set(answer.sources), answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2020-03-01", "Who organises the 2020 General Assembly?"),
        ("2020-03-01", "¿Quién organiza la Asamblea General de 2020?"),
        ("2020-03-01", "Qui organise l'Assemblée générale 2020 ?"),
    ],
)
def test_who_organises_the_decider_is_still_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff


@pytest.mark.parametrize(
    ("now", "question", "wrong"),
    [
        (
            "2014-06-01",
            "Who approved the 2014-2015 work plan?",
            "members-session-porto-alegre-2012",
        ),
        (
            "2014-06-01",
            "Qui a approuvé le plan de travail 2014-2015 ?",
            "members-session-cascais-2013",
        ),
        ("2020-03-01", "who defined the thematic priorities for 2014?", GA),
        ("2020-03-01", "who approved the work plan?", "members-session-cascais-2013"),
    ],
)
def test_a_record_naming_no_decider_gets_none_of_another(
    lingua_assistant: Assistant, now: str, question: str, wrong: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff or wrong not in answer.sources[:1]


def test_a_topic_no_priority_names_is_still_handed_off(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "is housing one of the priority topics this year?", now=dt.date(2020, 5, 5)
    )
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("name the 4 big strategic priorities in the 2020 plan", "en", "Communication"),
        ("¿cuáles son las grandes prioridades estratégicas del plan 2020?", "es", "comunicación"),
        ("quines són les principals prioritats estratègiques del pla 2020?", "ca", "comunicació"),
        ("quais são as principais prioridades estratégicas do plano 2020?", "pt", "comunicação"),
        ("quels sont les grands axes du plan 2020 ?", "fr", "communication"),
    ],
)
def test_a_word_of_rank_narrows_no_list(
    lingua_assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 6, 1))
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert {"priority-a-communication", "priority-d-learning"} <= set(answer.sources)
    assert fact in answer.answer
