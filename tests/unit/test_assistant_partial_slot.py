"""The precision asked is more than the record holds: a member asks for an exact day, a
date or a deadline, and the record gives only a year. What the record does give (the year)
is said, in the asker's language, and the question is handed off, citing the record. The
near misses are answered: "when?" of a year-dated thing (the year is what the records
state), "when was it?" long after, "which month?" of a month-dated step, an event dated by
its days. The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

RETREAT = "uclg-retreat-campus-barcelona-2020"
FESTIVAL = "democracine-festival-2-2013"
DISTINCTION = "iopd-distinction-7-2013"
AWARD_2020 = "iopd-award-2020"
CASCAIS = "conference-13-cascais-2013"
IN_2013 = dt.date(2013, 3, 1)
IN_2020 = dt.date(2020, 3, 1)
LATER = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("question", "language", "now", "record", "fact"),
    [
        # the closing day of a call dated by its year alone
        (
            "¿Hasta cuándo se pueden presentar candidaturas a la 7.ª Distinción?",
            "es",
            IN_2013,
            DISTINCTION,
            "2013",
        ),
        (
            "Quelle est la date limite de l'appel de la 7e Distinction ?",
            "fr",
            IN_2013,
            DISTINCTION,
            "2013",
        ),
        (
            "Fins quan es pot presentar candidatura a la 7a Distinció?",
            "ca",
            IN_2013,
            DISTINCTION,
            "2013",
        ),
        # an exact day or date asked of an event dated by its year alone
        (
            "What is the exact date of the UCLG retreat in Barcelona?",
            "en",
            IN_2020,
            RETREAT,
            "2020",
        ),
        (
            "¿En qué fecha exacta es el retiro de CGLU en Barcelona?",
            "es",
            IN_2020,
            RETREAT,
            "2020",
        ),
        ("What is the exact date of the Democracine festival?", "en", IN_2013, FESTIVAL, "2013"),
        (
            "Quelle est la date exacte du retraite et campus de CGLU à Barcelone ?",
            "fr",
            IN_2020,
            RETREAT,
            "2020",
        ),
        ("Quin dia exacte és el retir de CGLU a Barcelona?", "ca", IN_2020, RETREAT, "2020"),
        (
            "Qual é a data exata do Retiro e Campus da CGLU em Barcelona?",
            "pt",
            IN_2020,
            RETREAT,
            "2020",
        ),
        (
            "Quel jour exactement a lieu le festival Democracine ?",
            "fr",
            IN_2013,
            FESTIVAL,
            "2013",
        ),
        (
            "Quin dia exacte és el festival de cinema Democracine?",
            "ca",
            IN_2013,
            FESTIVAL,
            "2013",
        ),
        (
            "Qual é a data exata do festival de cinema Democracine?",
            "pt",
            IN_2013,
            FESTIVAL,
            "2013",
        ),
    ],
)
def test_a_day_asked_of_a_year_is_said_and_handed_off(
    assistant: Assistant, question: str, language: str, now: dt.date, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert answer.handoff
    assert answer.sources == [record]
    assert fact in answer.answer
    assert answer.language == language


@pytest.mark.parametrize(
    ("question", "language", "now", "record", "fact"),
    [
        # the year is what "when" asks of a thing dated by its year
        ("Quando é o festival de cinema Democracine?", "pt", IN_2013, FESTIVAL, "2013"),
        (
            "When does the call for entries of the 7th Distinction open?",
            "en",
            dt.date(2013, 1, 31),
            DISTINCTION,
            "2013",
        ),
        (
            "Quan s'obre la convocatòria de la 7a Distinció?",
            "ca",
            dt.date(2013, 1, 31),
            DISTINCTION,
            "2013",
        ),
        # asked long after, the year answers
        ("When was the UCLG retreat in Barcelona?", "en", LATER, RETREAT, "2020"),
        ("¿Cuándo fue el retiro de CGLU en Barcelona?", "es", LATER, RETREAT, "2020"),
        ("Quando foi o Retiro e Campus da CGLU em Barcelona?", "pt", LATER, RETREAT, "2020"),
        # the month asked of a step dated by its month
        (
            "In which month does the call for candidacies of the 2020 award open?",
            "en",
            dt.date(2020, 1, 10),
            AWARD_2020,
            "February 2020",
        ),
        (
            "¿En qué mes se abre la convocatoria del premio 2020?",
            "es",
            dt.date(2020, 1, 10),
            AWARD_2020,
            "febrero de 2020",
        ),
        # an event dated by its days
        ("Quand est la conférence de Cascais ?", "fr", dt.date(2013, 5, 1), CASCAIS, "2–5"),
        ("Quan és la conferència de Cascais?", "ca", dt.date(2013, 5, 1), CASCAIS, "2–5"),
    ],
)
def test_the_slot_the_record_holds_is_answered(
    assistant: Assistant, question: str, language: str, now: dt.date, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert not answer.handoff
    assert answer.sources == [record]
    assert fact in answer.answer
