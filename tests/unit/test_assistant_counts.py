"""How many, two classes (issue 22). A count is answered only where a record writes it, of
the very thing asked: the sentence of the record named that writes "22 tasks", "three
international events" or "Ten areas" answers, in the asker's language, with the figure
when the record spells it in words. Asked how many records of a kind the assistant holds
("do you know of", "tienes registradas"), the records of that kind are listed and counted
as such. A count no record writes (members, attendees, staff), or of something the record
does not count, is handed off. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("The 2020 work plan, how many tasks are in it?", "en"),
        ("En el plan de trabajo del 2020, ¿cuántas tareas hay?", "es"),
        ("Le plan de travail 2020 a combien de tâches au total ?", "fr"),
        ("Quantes tasques inclou el pla de treball del 2020?", "ca"),
        ("O plano de trabalho de 2020 inclui quantas tarefas?", "pt"),
    ],
)
def test_the_count_a_plan_writes_of_its_tasks_answers_how_many(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert "work-plan-2020" in answer.sources
    assert "22" in answer.answer
    assert not any(s.startswith("task-") for s in answer.sources)  # no one task answers


@pytest.mark.parametrize(
    ("question", "language", "spelt"),
    [
        ("how many areas does the Open Gov Challenge cover?", "en", "Ten areas"),
        ("¿Cuántas áreas abarca el Open Gov Challenge?", "es", "Diez áreas"),
        ("quantes àrees cobreix l'Open Gov Challenge?", "ca", "Deu àrees"),
        ("¿cuántos pasos tiene el ciclo del plan de acción de OGP?", "es", "Diez pasos"),
        ("quantos passos tem o ciclo do plano de ação da OGP?", "pt", "Dez passos"),
    ],
)
def test_a_count_spelt_in_words_answers_with_its_figure(
    lingua_assistant: Assistant, question: str, language: str, spelt: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert spelt in answer.answer
    assert "(10)" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "how many international events does task 9 of the 2020 plan cover?",
        "combien d'événements internationaux prévoit la tâche 9 du plan 2020 ?",
    ],
)
def test_a_count_in_a_records_name_answers(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.sources == ["task-2020-09"]
    assert "(3)" in answer.answer


def test_the_count_of_the_plan_asked_not_of_another_plan(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("how many lines of work did the 2013 plan have?", now=NOW)
    assert not answer.handoff
    assert "work-plan-2013" in answer.sources
    assert "Four lines" in answer.answer and "(4)" in answer.answer
    assert "22" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "how many tasks does the 2031 work plan have?",  # no such plan
        "How many tasks does the Tokyo plan have?",  # a plan of another name
        "how many events does the Open Gov Challenge have?",  # it counts areas, not events
        "how many members does the IOPD have?",
        "¿cuántos miembros tiene hoy el OIDP?",
        "combien de personnes ont assisté à la conférence de Cascais ?",
        "quantes persones treballen al secretariat tècnic?",
        "quantas cidades são membros do OIDP?",
        "how many members do you know of?",  # no record lists the members
    ],
)
def test_a_count_no_record_writes_is_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff
    assert "22" not in answer.answer


def test_a_limit_is_no_count_of_what_there_is(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "combien d'engagements un membre d'OGP Local peut-il avoir ?", now=NOW
    )
    assert not answer.handoff
    assert "ogp-local-commitments-limit" in answer.sources
    assert "5" in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "opening", "count", "source"),
    [
        (
            "how many working groups do you know of?",
            "en",
            "I have records of 4.",
            4,
            "working-group-new-statutes",
        ),
        (
            "¿Cuántas oficinas regionales tienes registradas?",
            "es",
            "Tengo constancia de 5.",
            5,
            "office-africa-dakar",
        ),
        (
            "combien de groupes de travail connaissez-vous ?",
            "fr",
            "J'en connais 4.",
            4,
            "working-group-local-observatories",
        ),
        ("quants grups de treball coneixes?", "ca", "Tinc constància de 4.", 4, None),
        (
            "quantos escritórios regionais conheces?",
            "pt",
            "Tenho registo de 5.",
            5,
            "office-latin-america-porto-alegre",
        ),
    ],
)
def test_how_many_records_are_held_is_the_list_counted(
    lingua_assistant: Assistant,
    question: str,
    language: str,
    opening: str,
    count: int,
    source: str | None,
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(opening)
    assert answer.answer.count("•") == count
    assert source is None or source in answer.sources
