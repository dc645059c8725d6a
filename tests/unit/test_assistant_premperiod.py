"""A conference named by its kind and a period said relative to now, with a place guessed
beside it: the one conference in the period answers with its own date and place, the guess
set right; places offered as alternatives are a question. No conference in the period, or
no place of its own, and the question is handed off. The record's own place, or a month or
year claimed, is a claim the yes/no answering checks: its "Yes" is unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CASCAIS = "conference-13-cascais-2013"
ABIDJAN = "conference-20-abidjan-2020"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "source", "fact"),
    [
        (
            "is this year's iopd conference in Lisbon or in Cascais?",
            "2013-03-02",
            CASCAIS,
            "Cascais",
        ),
        (
            "la conferencia del OIDP del año que viene, ¿en Oporto o en Cascais?",
            "2012-10-10",
            CASCAIS,
            "Cascais",
        ),
        (
            "cette année la conférence de l'OIDP est à Lisbonne ou à Cascais ?",
            "2013-03-03",
            CASCAIS,
            "Cascais",
        ),
        (
            "aquest any la conferència de l'OIDP és a Lisboa o a Cascais?",
            "2013-03-03",
            CASCAIS,
            "Cascais",
        ),
        (
            "a conferência do oidp desse ano é em Portugal? em que cidade?",
            "2013-01-20",
            CASCAIS,
            "Cascais",
        ),
        (
            "the IOPD conference next month is in Dakar, right? which city exactly",
            "2020-06-20",
            ABIDJAN,
            "Abidjan",
        ),
        (
            "la conférence de l'OIDP le mois prochain, c'est à Dakar ?",
            "2020-06-15",
            ABIDJAN,
            "Abidjan",
        ),
        (
            "la conferència de l'OIDP del mes que ve és a Dakar? quina ciutat?",
            "2020-06-10",
            ABIDJAN,
            "Abidjan",
        ),
        (
            "a conferência do OIDP do próximo mês vai ser em Dakar?",
            "2020-06-01",
            ABIDJAN,
            "Abidjan",
        ),
        ("la conferencia del OIDP de este año, ¿es en Lisboa?", "2013-04-01", CASCAIS, "Cascais"),
        ("the iopd conference this year, Dakar or Abidjan?", "2020-01-10", ABIDJAN, "Abidjan"),
    ],
)
def test_the_periods_one_conference_answers(
    assistant: Assistant, question: str, now: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("the iopd conference this month, is it in Dakar?", "2020-06-20"),
        ("la conferencia del OIDP de este mes, ¿es en Dakar?", "2020-06-20"),
        ("la conférence de l'OIDP ce mois-ci est à Dakar ?", "2020-06-20"),
        ("la conferència de l'OIDP d'aquest mes és a Dakar?", "2020-06-20"),
        ("a conferência do OIDP deste mês é em Dakar?", "2020-06-20"),
        ("the 2019 conference, is it in Lisbon?", "2019-05-05"),
    ],
)
def test_no_conference_in_the_period_hands_off(
    assistant: Assistant, question: str, now: str
) -> None:
    assert assistant.answer(question, now=dt.date.fromisoformat(now)).handoff


@pytest.mark.parametrize(
    ("question", "now", "agreement", "fact"),
    [
        ("Is this year's IOPD conference in Cascais?", "2013-03-02", "Yes.", "Cascais"),
        (
            "¿la conferencia del OIDP del año que viene es en Cascais?",
            "2012-10-10",
            "Sí.",
            "Cascais",
        ),
        (
            "la conférence de l'OIDP cette année, c'est en Afrique ?",
            "2020-01-10",
            "Oui.",
            "Abidjan",
        ),
        ("aquest any la conferència de l'OIDP és a Abidjan?", "2020-01-10", "Sí.", "Abidjan"),
        ("a conferência do OIDP deste ano é em Cascais?", "2013-03-02", "Sim.", "Cascais"),
        ("the IOPD conference this year, is it in July?", "2020-01-10", "Yes.", "July"),
        ("la conferencia del OIDP de este año, ¿es en julio?", "2020-01-10", "Sí.", "julio"),
        (
            "la conférence de l'OIDP cette année, c'est en juillet ?",
            "2020-01-10",
            "Oui.",
            "juillet",
        ),
        ("aquest any la conferència de l'OIDP és al juliol?", "2020-01-10", "Sí.", "juliol"),
        ("a conferência do OIDP deste ano é em julho?", "2020-01-10", "Sim.", "julho"),
        ("the IOPD conference this year, is it in 2020?", "2020-01-10", "Yes.", "2020"),
    ],
)
def test_a_claim_that_holds_or_a_time_claimed_is_a_yes(
    assistant: Assistant, question: str, now: str, agreement: str, fact: str
) -> None:
    """Near misses: the record's own place, or a month or year claimed beside the period,
    is left to the yes/no answering, which agrees, instead of set right as a wrong place."""
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert answer.answer.startswith(agreement)
    assert fact in answer.answer
