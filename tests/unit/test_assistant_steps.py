"""A question about a step of a process (the call for a conference's sessions, the work on
its minutes, an award edition's evaluation) is answered with the step's own date, not its
parent's, nor with the events of the year its name holds; a step the records do not have,
or one named only by its parent's name, is not. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

MINUTES = "conference-2019-minutes-2020-01"
SESSIONS_CALL = "conference-2020-sessions-call-2020-04"
AWARD_2020 = "iopd-award-2020"

STEPS = [
    # (question, language, asked on, record answered, a word of its date)
    (
        "When is the work on the minutes of the 2019 conference?",
        "en",
        "2019-11-04",
        MINUTES,
        "January",
    ),
    ("When were the 2019 conference minutes worked on?", "en", "2020-05-02", MINUTES, "January"),
    (
        "¿Cuándo se trabaja en las actas de la conferencia de 2019?",
        "es",
        "2019-11-04",
        MINUTES,
        "enero",
    ),
    ("¿cuando se trabajan las actas de la conferencia 2019?", "es", "2020-02-11", MINUTES, "enero"),
    (
        "Quand travaille-t-on le procès-verbal de la conférence 2019 ?",
        "fr",
        "2019-11-04",
        MINUTES,
        "janvier",
    ),
    (
        "quan es treballa en les actes de la conferència del 2019?",
        "ca",
        "2019-11-04",
        MINUTES,
        "gener",
    ),
    ("quan es treballa l'acta de la conferencia 2019?", "ca", "2020-06-01", MINUTES, "gener"),
    ("Quando se trabalha nas atas da conferência de 2019?", "pt", "2019-11-04", MINUTES, "janeiro"),
    (
        "When is the call for sessions of the 2020 conference?",
        "en",
        "2020-01-20",
        SESSIONS_CALL,
        "April",
    ),
    (
        "¿Cuándo es la convocatoria de sesiones de la conferencia 2020?",
        "es",
        "2020-01-20",
        SESSIONS_CALL,
        "abril",
    ),
    (
        "Quand est l'appel à sessions de la conférence 2020 ?",
        "fr",
        "2020-01-20",
        SESSIONS_CALL,
        "avril",
    ),
    (
        "quan és la crida de sessions de la conferència 2020?",
        "ca",
        "2020-01-20",
        SESSIONS_CALL,
        "abril",
    ),
    (
        "quan surt la convocatòria de sessions de la conferència del 2020?",
        "ca",
        "2020-02-03",
        SESSIONS_CALL,
        "abril",
    ),
    (
        "Quando é a chamada de sessões da conferência de 2020?",
        "pt",
        "2020-01-20",
        SESSIONS_CALL,
        "abril",
    ),
    ("the award's evaluation, is it next month?", "en", "2020-03-10", AWARD_2020, "April"),
    ("la evaluación del premio, ¿es el mes que viene?", "es", "2020-03-10", AWARD_2020, "abril"),
    ("l'évaluation du prix, c'est le mois prochain ?", "fr", "2020-03-10", AWARD_2020, "avril"),
    ("l'avaluació del premi és el mes que ve?", "ca", "2020-03-10", AWARD_2020, "abril"),
    ("a avaliação do prémio é no próximo mês?", "pt", "2020-03-10", AWARD_2020, "abril"),
]


@pytest.mark.parametrize(("question", "language", "asked_on", "record", "date_word"), STEPS)
def test_a_step_is_answered_with_its_own_date(
    assistant: Assistant, question: str, language: str, asked_on: str, record: str, date_word: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(asked_on), lang=language)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record]
    assert date_word in answer.answer


PARENTS = [
    ("What are the dates of the 2020 conference?", "en", "conference-20-abidjan-2020"),
    ("¿Qué fechas tiene la conferencia de 2020?", "es", "conference-20-abidjan-2020"),
    ("Quand a lieu la conférence 2020 ?", "fr", "conference-20-abidjan-2020"),
]


@pytest.mark.parametrize(("question", "language", "record"), PARENTS)
def test_the_parent_named_alone_is_not_its_step(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 1, 15), lang=language)
    assert answer.sources[:1] == [record]
    assert SESSIONS_CALL not in answer.sources


UNRECORDED = [
    ("When is the call for sessions of the 2019 conference?", "en"),
    ("¿Cuándo se trabaja en las actas de la conferencia de 2021?", "es"),
    ("quan és l'avaluació del premi el mes que ve?", "ca"),
]


@pytest.mark.parametrize(("question", "language"), UNRECORDED)
def test_a_step_the_records_do_not_have_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 5, 10), lang=language)
    assert answer.handoff
