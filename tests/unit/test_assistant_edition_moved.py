"""A recurring event asked "again in <city> this year?" when this year's edition is held in
another city is answered no, with this year's edition (its city and dates), citing it; the
edition held in the city named is still a yes, and a year with no edition is still handed
off. Sentences written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

THIS_YEARS = "pb-conference-san-francisco-2014"
LAST_YEARS = "pb-conference-chicago-2013"


@pytest.mark.parametrize(
    ("now", "question", "no"),
    [
        (
            "2014-04-15",
            "Will the participatory budgeting conference be in Chicago again this year?",
            "No.",
        ),
        (
            "2014-04-15",
            "¿La conferencia de presupuesto participativo vuelve a ser en Chicago este año?",
            "No.",
        ),
        (
            "2014-04-15",
            "La conférence du budget participatif aura-t-elle lieu à Chicago cette année ?",
            "Non.",
        ),
        (
            "2014-04-15",
            "La conferència de pressupostos participatius torna a ser a Chicago aquest any?",
            "No.",
        ),
        (
            "2014-04-15",
            "A conferência de orçamento participativo volta a ser em Chicago este ano?",
            "Não.",
        ),
    ],
)
def test_this_years_edition_elsewhere_is_a_no_with_it(
    lingua_assistant: Assistant, now: str, question: str, no: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources == [THIS_YEARS], answer.answer
    assert answer.answer.startswith(no), answer.answer
    assert "2014" in answer.answer and "Francis" in answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2014-04-15", "Is the participatory budgeting conference in San Francisco this year?"),
        (
            "2014-04-15",
            "¿La conferencia de presupuesto participativo es en San Francisco este año?",
        ),
        (
            "2014-04-15",
            "La conférence du budget participatif est-elle à San Francisco cette année ?",
        ),
        (
            "2014-04-15",
            "La conferència de pressupostos participatius és a San Francisco aquest any?",
        ),
        ("2014-04-15", "A conferência de orçamento participativo é em São Francisco este ano?"),
    ],
)
def test_the_edition_in_the_city_named_is_still_a_yes(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources == [THIS_YEARS], answer.answer
    assert not answer.answer.startswith(("No.", "Non.", "Não.")), answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        (
            "2015-04-15",
            "Will the participatory budgeting conference be in Chicago again this year?",
        ),
        (
            "2015-04-15",
            "¿La conferencia de presupuesto participativo vuelve a ser en Chicago este año?",
        ),
        (
            "2015-04-15",
            "La conférence du budget participatif aura-t-elle lieu à Chicago cette année ?",
        ),
        (
            "2015-04-15",
            "La conferència de pressupostos participatius torna a ser a Chicago aquest any?",
        ),
        ("2015-04-15", "A conferência de orçamento participativo volta a ser em Chicago este ano?"),
    ],
)
def test_a_year_with_no_edition_gets_no_other_years_edition(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not {THIS_YEARS, LAST_YEARS} & set(answer.sources), answer.answer
    assert answer.handoff or question.startswith("La conferència"), answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2013-03-20", "Is the participatory budgeting conference in Chicago this year?"),
        ("2013-03-20", "¿La conferencia de presupuesto participativo es en Chicago este año?"),
        ("2013-03-20", "A conferência de orçamento participativo é em Chicago este ano?"),
    ],
)
def test_the_year_held_in_the_city_named_is_still_a_yes(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources == [LAST_YEARS], answer.answer
