"""A yes or no is only given from a record about the subject the question names: a year or
an organisation the records cited do not hold hands the question off; yes/no questions whose
record names the year and subject are still answered. Sentences written for this test, in
the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.subject_grounded import subject_of

NOW = dt.date(2021, 3, 1)


@pytest.mark.parametrize(
    "question",
    [
        "Did the assembly sign off the 2018 work plan?",
        "¿Los miembros dieron el visto bueno al plan de trabajo de 2016?",
        "Les membres ont-ils validé le plan de travail 2017 ?",
        "Els membres ja han aprovat el pla de treball del 2019?",
        "Os membros já aprovaram o plano de trabalho de 2018?",
    ],
)
def test_a_plan_of_a_year_no_record_holds_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is the IOPD just another name for the Kenyan Civic Observatory?",
        "¿El OIDP es en realidad el observatorio de la Unión Europea?",
        "L'OIDP, c'est l'observatoire de l'OCDE ?",
        "L'OIDP és el mateix que l'observatori de la Diputació de Girona?",
        "O OIDP é o mesmo que o observatório da Fundação Gulbenkian?",
    ],
)
def test_another_organisation_named_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Did the 13th conference of 2013 take place in Cascais?", "conference-13-cascais-2013"),
        ("¿La conferencia de 2013 fue en Cascais?", "conference-13-cascais-2013"),
        ("La conférence 2013 s'est-elle tenue à Cascais ?", "conference-13-cascais-2013"),
        ("El pla del 2013 incloïa una acció de crowdfunding?", "action-2013-crowdfunding"),
        ("O plano de 2013 inclui uma ação de crowdfunding?", "action-2013-crowdfunding"),
        ("Does the IOPD work together with UCLG?", "iopd-uclg-relation"),
    ],
)
def test_a_record_holding_the_year_and_name_still_answers(
    lingua_assistant: Assistant, question: str, source: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert source in answer.sources


def test_the_period_asked_is_no_subject_year() -> None:
    subject = subject_of("Was it still running in 2009?", {2009}, str.split, set())
    assert subject.years == []


def test_a_span_of_years_is_one_subject_and_only_an_acronym_a_name() -> None:
    subject = subject_of(
        "Did the 2014-2015 plan send Porto to the CLGF?", set(), lambda w: [w.lower()], set()
    )
    assert subject.years == [{"y2014", "y2015"}]
    assert subject.names == [{"clgf"}]


def test_two_years_claimed_as_a_span_are_the_records_own_claim() -> None:
    subject = subject_of("Did it run from 2005 to 2008?", set(), str.split, set())
    assert subject.years == []
