"""Details no record states, handed off instead of answered by a near record, in the five
languages: a deadline asked of an event dated by its own days or of a rule with no date
(only an award's steps and a call date what closes), who translated a document, the name
of the person in charge of an office, which cities take part in a project listed without
details. The near misses stay answered: a deadline asked of an award or a call, until when
an event runs, when it ends, a span of time ("a largo plazo"), where an office is, which
cities hosted the conferences. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.deadline_asked import deadline_asked
from hub.core.assistant.text import normalise


@pytest.mark.parametrize(
    ("question", "how"),
    [
        ("What's the deadline to apply?", "noun"),
        ("¿Cuál es la fecha límite?", "noun"),
        ("Quel est le délai pour s'inscrire ?", "noun"),
        ("Qual é o prazo?", "noun"),
        ("Até quando posso me inscrever?", "until"),
        ("¿Cuál es la estrategia a largo plazo?", None),
    ],
)
def test_how_a_deadline_is_asked(question: str, how: str | None) -> None:
    assert deadline_asked(normalise(question).split()) == how


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2013-08-01", "What's the deadline to register for the UCLG congress in Rabat?"),
        ("2013-08-01", "¿Cuál es la fecha límite para inscribirse al congreso de CGLU en Rabat?"),
        ("2013-05-01", "Quelle est la date limite d'inscription à la conférence de Cascais ?"),
        ("2013-05-01", "Qual é o prazo para se inscrever na conferência de Cascais?"),
        ("2020-04-01", "Quin és el termini per inscriure's a la conferència d'Abidjan?"),
        ("2026-05-04", "what is the deadline to join OGP Local?"),
    ],
)
def test_a_deadline_no_record_gives_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2020-01-10", "when is the deadline for the distinction", "February"),
        ("2020-01-10", "quel est le délai pour les candidatures au prix 2020 ?", "février"),
        ("2020-03-01", "When is the deadline to send sessions for the 2020 conference?", "April"),
        ("2020-01-20", "q dia es el foro urbano mundial en abu dhabi y hasta cuando", "13"),
        ("2013-05-01", "when does the conference in Cascais end?", "5"),
    ],
)
def test_a_deadline_an_award_or_a_call_dates_and_an_events_end_stay_answered(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Who translated the 2013 work plan into Catalan?",
        "¿Quién tradujo el plan de trabajo 2013 al catalán?",
        "Qui a traduit le plan de travail 2013 en catalan ?",
        "Qui va traduir el pla de treball 2013 al català?",
        "Quem traduziu o plano de trabalho de 2013 para catalão?",
    ],
)
def test_who_translated_a_document_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2014, 3, 11))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What is the name of the person in charge of the African platform in Dakar?", "Dakar"),
        ("¿Cuál es el nombre del responsable de la plataforma africana en Dakar?", "Dakar"),
        ("Qual é o nome do responsável pela plataforma africana de Dakar?", "Dakar"),
    ],
)
def test_the_name_of_the_person_in_charge_is_handed_off_with_what_is_known(
    lingua_assistant: Assistant, question: str, said: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2026, 4, 2))
    assert answer.handoff, answer.answer
    assert said in answer.answer


def test_where_the_office_is_stays_answered(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("Where is the African platform?", now=dt.date(2026, 4, 2))
    assert not answer.handoff, answer.answer
    assert "Dakar" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Quelles villes sont dans le projet Villes pilotes de Metropolis ?",
        "Quais cidades estão no projeto cidades-piloto Metropolis?",
        "Quines ciutats són al projecte Ciutats pilot de Metropolis?",
    ],
)
def test_the_cities_of_a_project_listed_without_details_are_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 5, 28))
    assert answer.handoff, answer.answer
    assert "Metropolis" in answer.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("which cities hosted IOPD conferences?", "Cascais"),
    ],
)
def test_which_cities_hosted_the_conferences_stays_answered(
    lingua_assistant: Assistant, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 5, 28))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer
