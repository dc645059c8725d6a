"""A date answered no finer than the question already knows (:mod:`date_no_finer`).

Asked when of an event dated by its year or month only, where the question already says
that year or month, or asks when exactly, the exact date or the day: the month or year is
still said, the record still cited, and the question handed off. Asked when with no year
said, the month asked of a record dated by its month, or a year said of an event dated to
the month or to its days, the answer stands. The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

FESTIVAL = "democracine-festival-2-2013"  # dated by its year, 2013
CONGRESS = "cemr-congress-2020"  # dated by its month, May 2020
FORUM = "global-forum-modern-direct-democracy-2020"  # dated by its month, September 2020
EARLY_2013 = dt.date(2013, 2, 1)
EARLY_2020 = dt.date(2020, 3, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "now", "source", "said"),
    [
        ("In 2013, when does the Democracine festival run?", "en", EARLY_2013, FESTIVAL, "2013"),
        ("¿Cuándo se hace en 2013 el festival Democracine?", "es", EARLY_2013, FESTIVAL, "2013"),
        (
            "Le festival Democracine, ça se passe quand en 2013 ?",
            "fr",
            EARLY_2013,
            FESTIVAL,
            "2013",
        ),
        ("Quan es fa el festival Democracine aquest 2013?", "ca", EARLY_2013, FESTIVAL, "2013"),
        ("Quando decorre em 2013 o festival Democracine?", "pt", EARLY_2013, FESTIVAL, "2013"),
        ("When in May is the CEMR congress?", "en", EARLY_2020, CONGRESS, "May"),
        (
            "¿Cuándo de septiembre es el Foro Global de Democracia Directa Moderna?",
            "es",
            EARLY_2020,
            FORUM,
            "septiembre",
        ),
    ],
)
def test_a_year_or_month_the_question_states_is_said_and_handed_off(
    assistant: Assistant, question: str, language: str, now: dt.date, source: str, said: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert answer.handoff
    assert said in answer.answer
    assert source in answer.sources


@pytest.mark.parametrize(
    ("question", "language", "now", "source", "said"),
    [
        ("Quan es fa concretament el festival Democracine?", "ca", EARLY_2013, FESTIVAL, "2013"),
        ("Quando exatamente é o congresso do CCRE?", "pt", EARLY_2020, CONGRESS, "maio"),
        ("Le congrès du CCRE, c'est quel jour précis ?", "fr", EARLY_2020, CONGRESS, "mai"),
        ("¿En qué fecha concreta es el festival Democracine?", "es", EARLY_2013, FESTIVAL, "2013"),
        (
            "What specific date is the Global Forum on Modern Direct Democracy?",
            "en",
            EARLY_2020,
            FORUM,
            "September",
        ),
    ],
)
def test_an_exact_date_asked_of_a_year_or_month_is_said_and_handed_off(
    assistant: Assistant, question: str, language: str, now: dt.date, source: str, said: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert answer.handoff
    assert said in answer.answer
    assert source in answer.sources


@pytest.mark.parametrize(
    ("question", "language", "now", "fact"),
    [
        ("When is the Democracine festival?", "en", EARLY_2013, "2013"),
        ("When in 2020 is the CEMR congress?", "en", dt.date(2020, 1, 10), "May"),
        ("¿Cuándo en 2020 es la conferencia de Abiyán?", "es", dt.date(2020, 1, 10), "20–22"),
        ("En quin mes és el congrés del CCRE?", "ca", dt.date(2020, 1, 10), "maig"),
        ("Quando exatamente é a conferência de Abidjan?", "pt", dt.date(2020, 1, 10), "20–22"),
        ("Quand a lieu le congrès du CCRE ?", "fr", dt.date(2020, 1, 10), "mai"),
    ],
)
def test_a_date_finer_than_the_question_knows_is_answered(
    assistant: Assistant, question: str, language: str, now: dt.date, fact: str
) -> None:
    answer = assistant.answer(question, now=now, lang=language)
    assert not answer.handoff
    assert fact in answer.answer
