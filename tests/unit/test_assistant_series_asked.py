"""A recurring thing asked as such is answered with its general record, not one edition's;
asked which edition is this year's, the edition of the asker's year is named by its number
and said to be this year's, or the question is handed off when none on record is of that
year. Questions naming an edition or a year, yes/no questions and "the next X" are
unchanged. Sentences written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

GENERAL = "faq-best-practice-award"


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2026-03-01", "What is the IOPD award for?"),
        ("2019-05-10", "What is the award?"),
        ("2016-03-01", "What is the distinction?"),
        ("2026-03-01", "¿Qué es el premio del OIDP?"),
        ("2019-05-10", "¿En qué consiste el premio del OIDP?"),
        ("2026-03-01", "Qu'est-ce que le prix de l'OIDP ?"),
        ("2019-05-10", "C'est quoi la distinction de l'OIDP ?"),
        ("2026-03-01", "Què és el premi de l'OIDP?"),
        ("2019-05-10", "Què és la distinció de l'OIDP?"),
        ("2026-03-01", "O que é o prémio do OIDP?"),
        ("2019-05-10", "Para que serve a distinção do OIDP?"),
    ],
)
def test_the_thing_itself_is_its_general_record(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert GENERAL in answer.sources, answer.sources


@pytest.mark.parametrize(
    ("now", "question", "edition", "said"),
    [
        (
            "2013-03-01",
            "Which edition of the distinction is this year's?",
            "iopd-distinction-7-2013",
            "this year's edition is number 7",
        ),
        (
            "2013-03-01",
            "Which edition of the award is running now?",
            "iopd-distinction-7-2013",
            "number 7",
        ),
        (
            "2013-03-01",
            "¿Qué edición de la distinción es la de este año?",
            "iopd-distinction-7-2013",
            "la edición de este año es la número 7",
        ),
        (
            "2013-03-01",
            "¿Qué edición del premio está en curso?",
            "iopd-distinction-7-2013",
            "número 7",
        ),
        (
            "2013-03-01",
            "Quelle édition de la distinction est celle de cette année ?",
            "iopd-distinction-7-2013",
            "l'édition de cette année est la numéro 7",
        ),
        (
            "2013-03-01",
            "Quelle est l'édition actuelle du prix ?",
            "iopd-distinction-7-2013",
            "numéro 7",
        ),
        (
            "2013-03-01",
            "Quina edició de la distinció és la d'aquest any?",
            "iopd-distinction-7-2013",
            "l'edició d'aquest any és la número 7",
        ),
        (
            "2013-03-01",
            "Qual edição da distinção é a deste ano?",
            "iopd-distinction-7-2013",
            "a edição deste ano é a número 7",
        ),
        (
            "2020-02-10",
            "Which edition of the award is it this year?",
            "iopd-award-2020",
            "this year's edition is",
        ),
        (
            "2020-02-10",
            "Qual é a edição atual do prémio?",
            "iopd-award-2020",
            "a edição deste ano é",
        ),
    ],
)
def test_this_years_edition_is_named(
    lingua_assistant: Assistant, now: str, question: str, edition: str, said: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert edition in answer.sources, answer.sources
    assert said.lower() in answer.answer.lower(), answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2016-03-01", "Which edition of the award is running now?"),
        ("2026-03-01", "Which edition of the award is this year's?"),
        ("2016-03-01", "¿Qué edición del premio es la de este año?"),
        ("2026-03-01", "Quelle est l'édition actuelle du prix ?"),
        ("2016-03-01", "Quina edició del premi és la d'aquest any?"),
        ("2026-03-01", "Qual é a edição deste ano do prémio?"),
    ],
)
def test_no_edition_this_year_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("now", "question", "source"),
    [  # an edition or a year named, a step, the next one: answered as before
        ("2026-03-01", "What is the 7th distinction?", "iopd-distinction-7-2013"),
        ("2020-03-01", "What was the 2013 distinction?", "iopd-distinction-7-2013"),
        ("2026-03-01", "¿Qué es la 7.ª distinción?", "iopd-distinction-7-2013"),
        (
            "2026-12-05",
            "La Distinction de 2013, c'était quelle édition ?",
            "iopd-distinction-7-2013",
        ),
        ("2013-03-12", "Què és la 7a Distinció de Bones Pràctiques?", "iopd-distinction-7-2013"),
        (
            "2013-04-20",
            "O que é a Distinção de Boas Práticas deste ano?",
            "iopd-distinction-7-2013",
        ),
        ("2013-03-01", "When is the next conference?", "conference-13-cascais-2013"),
        ("2020-01-10", "Quand s'ouvre l'appel à candidatures du prix ?", "iopd-award-2020"),
        (
            "2013-02-18",
            "Le festival Democracine, c'est quelle édition en 2013 ?",
            "democracine-festival-2-2013",
        ),
    ],
)
def test_neighbours_stay_answered(
    lingua_assistant: Assistant, now: str, question: str, source: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert source in answer.sources, answer.sources


def test_the_next_one_after_the_last_is_still_handed_off(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("When is the next award?", now=dt.date(2026, 3, 1))
    assert answer.handoff, answer.answer
