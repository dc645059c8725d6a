"""What the records hold by place or year, asked as a whole, in the five languages.

A country, a continent, a city or a year named with nothing else asked is answered by the
dated records held there or then: a yes with them, or their list; "soon" keeps what lies
ahead. A place or year no record holds, a kind of event not held there, or anything else
asked about the place (a hotel, the weather) is still handed off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

BRAZIL = {"members-meeting-porto-alegre-2011-11", "members-session-porto-alegre-2012"}
ABIDJAN = "conference-20-abidjan-2020"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("did the network ever gather in Brazil?", "2016-02-01"),
        ("¿alguna vez la red se ha reunido en Brasil?", "2018-03-01"),
        ("Le réseau a-t-il déjà tenu une réunion au Brésil ?", "2019-01-10"),
        ("La xarxa s'ha reunit alguna vegada al Brasil?", "2016-05-05"),
        ("A rede já se reuniu no Brasil?", "2022-02-02"),
    ],
)
def test_met_in_a_country(assistant: Assistant, question: str, now: str) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert BRAZIL & set(answer.sources)
    assert "Porto Alegre" in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("has the IOPD ever held its conference in Africa?", "2020-02-01"),
        ("¿el OIDP ha organizado alguna vez su conferencia en África?", "2020-02-01"),
        ("L'OIDP organise-t-il une conférence en Afrique ?", "2020-02-10"),
        ("L'OIDP ha fet mai la conferència a l'Àfrica?", "2020-03-01"),
        ("O OIDP já fez a conferência em África?", "2020-03-01"),
    ],
)
def test_conference_in_a_continent(assistant: Assistant, question: str, now: str) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert ABIDJAN in answer.sources
    assert "Abidjan" in answer.answer or "Abiyán" in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("¿qué pasó en 2011?", "2016-04-12"),
        ("what happened in 2011?", "2015-01-01"),
        ("Què va passar el 2011?", "2014-01-01"),
    ],
)
def test_a_year_of_history(assistant: Assistant, question: str, now: str) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert "members-meeting-porto-alegre-2011-11" in answer.sources


def test_upcoming_in_a_country(assistant: Assistant) -> None:
    answer = assistant.answer(
        "¿hay algún evento en Estados Unidos próximamente?", now=dt.date(2014, 7, 15)
    )
    assert not answer.handoff
    assert answer.sources == ["pb-conference-san-francisco-2014"]


def test_cities_of_the_conferences(assistant: Assistant) -> None:
    answer = assistant.answer(
        "A quines ciutats s'han fet les conferències de l'OIDP? Conec la de Cascais",
        now=dt.date(2015, 1, 1),
    )
    assert not answer.handoff
    assert "conference-15-madrid" in answer.sources
    assert "Madrid" in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("has the network ever met in Japan?", "2020-01-01"),  # no record there
        ("¿la red se ha reunido alguna vez en Australia?", "2020-01-01"),
        ("Le réseau s'est-il déjà réuni en Océanie ?", "2020-01-01"),
        ("Què va passar el 1999?", "2020-01-01"),  # a year with nothing on record
        ("O que aconteceu em 2005?", "2020-01-01"),
        ("has the IOPD ever held a seminar in Brazil?", "2020-01-01"),  # not of that kind
        ("can you book me a hotel in Brazil?", "2020-01-01"),  # something else asked
        ("quin temps farà a Abidjan?", "2020-07-10"),
        ("has the network ever met in Portugal to discuss budgets?", "2020-01-01"),
        ("O OIDP paga a viagem ao Brasil?", "2020-01-01"),
    ],
)
def test_near_misses_handed_off(assistant: Assistant, question: str, now: str) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "today", "answered"),
    [
        ("Est-ce que l'OIDP organise une conférence en Afrique ?", dt.date(2020, 1, 27), True),
        ("Est-ce que l'OIDP organise une conférence en Afrique ?", dt.date(2026, 1, 27), False),
        ("Is the IOPD holding a conference in Africa?", dt.date(2026, 1, 27), False),
        ("Has the IOPD ever held a conference in Africa?", dt.date(2026, 1, 27), True),
        ("¿La red ha hecho alguna vez su conferencia en África?", dt.date(2026, 1, 27), True),
    ],
)
def test_a_yes_no_in_the_present_asks_what_is_ahead(
    assistant: Assistant, question: str, today: dt.date, answered: bool
) -> None:
    """Asked in the present tense with no "ever" and no year, whether something is held
    at a place asks what is ahead of the asker: the 2020 conference in Abidjan answers it
    in January 2020 and not in 2026, when only "has it ever" is answered with it."""
    answer = assistant.answer(question, now=today)
    assert answer.handoff is not answered
    assert ("conference-20-abidjan-2020" in answer.sources) is answered
