"""A yes/no question whose claim is a time ("¿el congreso de Rabat es el mes que viene?", "el
fòrum de Berlín és la setmana que ve?", "le forum de Berlin, c'est la semaine prochaine ?")
is answered "Yes" or "No" with the record's dates in the asker's language, citing it: the
relative "que" of a period phrase is no question word, and French "c'est" claims as a verb
does. A record dated only by its month, asked about a week, is handed off; a question word
outside the period ("¿qué eventos hay el mes que viene?") still asks what or which.
Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

RABAT = "uclg-congress-rabat-2013"
BERLIN = "informed-cities-forum-berlin-2013"
CHICAGO = "pb-conference-chicago-2013"
ABIDJAN = "conference-20-abidjan-2020"
IBERIAN = "iberian-pb-meeting-cascais-2020"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "language", "opening", "record", "month"),
    [
        ("¿el congreso de Rabat es el mes que viene?", "2013-09-20", "es", "Sí.", RABAT, "octubre"),
        ("¿el foro de Berlín es la semana que viene?", "2013-05-30", "es", "Sí.", BERLIN, "junio"),
        (
            "¿la conferencia de Chicago es el mes que viene?",
            "2013-02-10",
            "es",
            "No.",
            CHICAGO,
            "mayo",
        ),
        (
            "¿la conferencia de Abiyán es el mes que viene?",
            "2020-01-20",
            "es",
            "No.",
            ABIDJAN,
            "julio",
        ),
        ("el fòrum de Berlín és la setmana que ve?", "2013-05-30", "ca", "Sí.", BERLIN, "juny"),
        ("el congrés de Rabat és el mes que ve?", "2013-09-20", "ca", "Sí.", RABAT, "octubre"),
        ("la conferència de Chicago és el mes que ve?", "2013-02-10", "ca", "No.", CHICAGO, "maig"),
        (
            "le forum de Berlin, c'est la semaine prochaine ?",
            "2013-05-30",
            "fr",
            "Oui.",
            BERLIN,
            "juin",
        ),
        (
            "le congrès de Rabat, c'est le mois prochain ?",
            "2013-09-20",
            "fr",
            "Oui.",
            RABAT,
            "octobre",
        ),
        ("la conférence de Chicago, c'est en juin ?", "2013-02-10", "fr", "Non.", CHICAGO, "mai"),
        (
            "la conférence d'Abidjan, c'est cet été ?",
            "2020-01-20",
            "fr",
            "Oui.",
            ABIDJAN,
            "juillet",
        ),
        (
            "o Encontro Ibérico em Cascais é no mês que vem?",
            "2020-09-10",
            "pt",
            "Sim.",
            IBERIAN,
            "outubro",
        ),
        (
            "o Encontro Ibérico em Cascais é no mês que vem?",
            "2020-06-20",
            "pt",
            "Não.",
            IBERIAN,
            "outubro",
        ),
        ("o congresso de Rabat é no próximo mês?", "2013-09-20", "pt", "Sim.", RABAT, "outubro"),
        ("is the Berlin forum next week?", "2013-05-30", "en", "Yes.", BERLIN, "June"),
        ("is the Chicago PB conference next month?", "2013-02-10", "en", "No.", CHICAGO, "May"),
    ],
)
def test_a_time_claimed_is_answered_yes_or_no_with_the_records_dates(
    assistant: Assistant,
    question: str,
    now: str,
    language: str,
    opening: str,
    record: str,
    month: str,
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(opening)
    assert month in answer.answer
    assert answer.sources == [record]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿el primer seminario del OIDP es la semana que viene?", "es"),
        ("le séminaire 1 de l'OIDP, c'est la semaine prochaine ?", "fr"),
        ("el seminari 1 de l'OIDP és la setmana que ve?", "ca"),
        ("is the first IOPD seminar next week?", "en"),
        ("is the award ceremony before the conference?", "en"),
    ],
)
def test_a_record_dated_too_loosely_for_the_time_claimed_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 2, 25))
    assert answer.handoff
    assert answer.language == language


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿qué eventos hay el mes que viene?", "es"),
        ("quins esdeveniments hi ha el mes que ve?", "ca"),
        ("qu'est-ce qui se passe le mois prochain ?", "fr"),
    ],
)
def test_a_question_word_outside_the_period_still_asks_which(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 5, 20))
    assert answer.intent == "list"
    assert BERLIN in answer.sources
    assert not answer.answer.startswith(("Sí.", "Oui.", "No.", "Non."))


CASCAIS = "conference-13-cascais-2013"


@pytest.mark.parametrize(
    ("question", "language", "opening", "first", "second"),
    [
        (
            "is the Chicago conference before the Cascais conference?",
            "en",
            "Yes.",
            CHICAGO,
            CASCAIS,
        ),
        ("is the Cascais conference after the Berlin forum?", "en", "Yes.", CASCAIS, BERLIN),
        (
            "¿el congreso de Rabat es después de la conferencia de Cascais?",
            "es",
            "Sí.",
            RABAT,
            CASCAIS,
        ),
        (
            "la conférence de Cascais est-elle après le forum de Berlin ?",
            "fr",
            "Oui.",
            CASCAIS,
            BERLIN,
        ),
        ("la conferència de Cascais és abans del congrés de Rabat?", "ca", "Sí.", CASCAIS, RABAT),
        ("a conferência de Cascais é depois do congresso de Rabat?", "pt", "Não.", CASCAIS, RABAT),
    ],
)
def test_the_order_claimed_of_two_dated_records_is_settled_by_their_dates(
    assistant: Assistant, question: str, language: str, opening: str, first: str, second: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 1, 1))
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(opening)
    assert answer.sources == [first, second]
    assert "2013" in answer.answer


def test_a_when_question_beside_the_period_its_record_falls_in_gets_its_dates(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "Is the Informed Cities thing in Berlin next week? Which days exactly?",
        now=dt.date(2013, 5, 31),
    )
    assert not answer.handoff
    assert answer.sources == [BERLIN]
    assert "6–7 June 2013" in answer.answer
