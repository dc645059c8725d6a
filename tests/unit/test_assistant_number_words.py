"""Numbers written as words, and words that only look like numbers (issue 22).

A number that counts a time ("d'aquí dues setmanes", "il y a deux ans", "hace dos años") or
names a day of a month ("on the 2nd", "el día 2") is no edition: the time window is read as
the digit form's would be, and the event asked about is answered. A spelt-out ordinal
before an event's kind still names its edition, and a number word that is also an ordinary
word ("és nou?": new) is read as a number only before what it counts. Questions written
for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.number_words import ago_period, names_a_day, used_as_number
from hub.core.assistant.vocabulary import Vocabulary

FORUM_SOON = dt.date(2020, 1, 25)
"""Two weeks before the World Urban Forum (8-13 February 2020)."""
TWO_YEARS_AFTER = dt.date(2013, 11, 15)
"""Two years after the extraordinary members' meeting in Porto Alegre (November 2011)."""
BEFORE_CASCAIS = dt.date(2013, 6, 25)
"""A week before the members' session in Cascais (2 July 2013)."""


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


IN_WEEKS = [
    ("el fòrum urbà mundial és d'aquí dues setmanes, quins dies són?", "ca"),
    ("le forum urbain mondial, c'est dans deux semaines ? quelles dates ?", "fr"),
    ("el foro urbano mundial es en dos semanas, ¿qué días?", "es"),
    ("o fórum urbano mundial é daqui a duas semanas? quais são os dias?", "pt"),
    ("the world urban forum is in two weeks, which days exactly?", "en"),
]
"""An event said to be some weeks ahead, the number in words: its dates."""


@pytest.mark.parametrize(("question", "language"), IN_WEEKS)
def test_an_event_some_weeks_ahead_is_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=FORUM_SOON, lang=language)
    assert not answer.handoff
    assert answer.sources == ["world-urban-forum-10-abu-dhabi-2020"]


YEARS_AGO = [
    ("il y a deux ans, la réunion extraordinaire de Porto Alegre, c'était quel mois ?", "fr"),
    ("hace dos años, la reunión extraordinaria de Porto Alegre, ¿en qué mes fue?", "es"),
    ("fa dos anys, la reunió extraordinària de Porto Alegre, quin mes va ser?", "ca"),
    ("há dois anos, a reunião extraordinária de Porto Alegre foi em que mês?", "pt"),
    ("two years ago, the extraordinary meeting in Porto Alegre, which month was it?", "en"),
]
"""An event said to be some years back, the number in words: no edition 2."""


@pytest.mark.parametrize(("question", "language"), YEARS_AGO)
def test_an_event_some_years_back_is_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=TWO_YEARS_AFTER, lang=language)
    assert not answer.handoff
    assert answer.sources == ["members-meeting-porto-alegre-2011-11"]
    assert "2011" in answer.answer


DAY_OF_MONTH = [
    ("at what time does the members' session in Cascais start on the 2nd?", "en"),
    ("¿a qué hora empieza la sesión interna de miembros en Cascais el día 2?", "es"),
    ("a que horas começa a sessão interna dos membros em Cascais no dia 2?", "pt"),
    ("a quina hora comença la sessió interna dels membres a Cascais el dia 2?", "ca"),
]
"""A day of the month, its month unsaid: a date, no second edition of anything."""


@pytest.mark.parametrize(("question", "language"), DAY_OF_MONTH)
def test_a_day_of_the_month_is_no_edition(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=BEFORE_CASCAIS, lang=language)
    assert not answer.handoff
    assert answer.sources == ["members-session-cascais-2013"]
    assert "16:00" in answer.answer


SPELT_ORDINALS = [
    ("qui organitzava la quinzena conferència de l'OIDP?", "ca"),
    ("qui organisait la quinzième conférence de l'OIDP ?", "fr"),
    ("quem organizava a décima quinta conferência do OIDP?", "pt"),
    ("who organised the fifteenth IOPD conference?", "en"),
]
"""An ordinal in words before an event's kind still names its edition."""


@pytest.mark.parametrize(("question", "language"), SPELT_ORDINALS)
def test_an_ordinal_in_words_names_its_edition(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 3, 25), lang=language)
    assert not answer.handoff
    assert answer.sources == ["conference-15-madrid"]


@pytest.mark.parametrize(
    ("question", "language"),
    [("què passa d'aquí tres mesos?", "ca"), ("qu'est-ce qui se passe dans trois mois ?", "fr")],
)
def test_months_ahead_in_words_give_that_month(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=FORUM_SOON, lang=language)
    assert not answer.handoff
    assert "conference-2020-sessions-call-2020-04" in answer.sources


def test_a_record_the_asked_place_lacks_stays_a_handoff(assistant: Assistant) -> None:
    """The second Democracine festival is a record without a place: "segundo" names it, and
    where it is held is still not stated."""
    answer = assistant.answer(
        "¿dónde es el segundo festival democracine?", now=dt.date(2013, 2, 1), lang="es"
    )
    assert answer.handoff


@pytest.mark.parametrize(
    ("words", "at", "language", "number"),
    [
        (["el", "grup", "de", "treball", "es", "nou", "del", "2014"], 5, "ca", False),
        (["es", "un", "nou", "grup"], 2, "ca", False),
        (["els", "nou", "grups", "de", "treball"], 1, "ca", True),
        (["quines", "son", "les", "dues", "setmanes"], 4, "ca", True),
        (["is", "sortition", "one", "of", "the", "topics"], 2, "en", False),
        (["un", "site", "neuf"], 2, "fr", False),
    ],
)
def test_a_word_that_is_also_a_number_is_one_only_before_what_it_counts(
    words: list[str], at: int, language: str, number: bool
) -> None:
    assert used_as_number(words, at, language) is number


def test_an_ago_phrase_names_the_time_back(vocabulary: Vocabulary) -> None:
    used: set[int] = set()
    words = ["il", "y", "a", "trois", "mois", "la", "reunion"]
    period = ago_period(words, vocabulary.numbers, used, dt.date(2020, 5, 10))
    assert period is not None and (period.start, period.end) == (
        dt.date(2020, 2, 1),
        dt.date(2020, 2, 29),
    )
    assert used == {0, 1, 2, 3, 4}


def test_a_day_is_told_from_an_edition() -> None:
    assert names_a_day(["start", "on", "the", "2nd"], 3)
    assert not names_a_day(["the", "2nd", "conference"], 1)
