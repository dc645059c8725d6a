"""The precision asked against the precision the record knows, in the five languages. Asked
the dates, the exact day or the hour of something the records date by its year alone (or
its month alone, for a day), the assistant says what it knows and that the exact dates are
not in the records, and hands off; asked plainly when, or which year, it answers with the
year; asked the dates of something dated by its month, it answers with the month. Asked the
hour of an event the records give a time for, it answers that event's hour, not a list of
the day's events."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

DEMOCRACINE = "democracine-festival-2-2013"
PERIPHERY = "peripheral-local-authorities-forum-3-2013"
RETREAT = "uclg-retreat-campus-barcelona-2020"
CEMR = "cemr-congress-2020"
MEMBERS = "members-session-cascais-2013"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "source", "year", "missing"),
    [
        (
            "Could you give me the dates of the Democracine festival?",
            "2013-01-15",
            DEMOCRACINE,
            "2013",
            "not the exact dates",
        ),
        (
            "¿Me pasas las fechas del Retiro y Campus de CGLU?",
            "2020-01-20",
            RETREAT,
            "2020",
            "no las fechas exactas",
        ),
        (
            "Le festival Democracine, vous avez les dates ?",
            "2013-01-15",
            DEMOCRACINE,
            "2013",
            "pas les dates exactes",
        ),
        (
            "Quin dia exactament comença el festival Democracine?",
            "2013-01-15",
            DEMOCRACINE,
            "2013",
            "no les dates exactes",
        ),
        (
            "Sabem as datas do retiro da CGLU em Barcelona?",
            "2020-01-20",
            RETREAT,
            "2020",
            "não as datas exatas",
        ),
        (
            "which exact day is the Democracine festival on?",
            "2013-01-15",
            DEMOCRACINE,
            "2013",
            "not the exact dates",
        ),
        (
            "In which month does the Democracine festival take place?",
            "2013-01-15",
            DEMOCRACINE,
            "2013",
            "not the exact dates",
        ),
        (
            "Le festival Democracine tombe en quel mois ?",
            "2013-01-15",
            DEMOCRACINE,
            "2013",
            "pas les dates exactes",
        ),
        ("Em que mês é o retiro da CGLU?", "2020-01-20", RETREAT, "2020", "não as datas exatas"),
    ],
)
def test_the_dates_of_a_record_known_by_its_year_are_handed_off_with_the_year(
    assistant: Assistant, question: str, now: str, source: str, year: str, missing: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
    assert source in answer.sources
    assert year in answer.answer
    assert missing in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("At what time does the UCLG retreat in Barcelona begin?", "2020-01-10"),
        ("¿A qué hora abre el festival Democracine?", "2013-01-15"),
        ("which exact day and at what hour is the Local Observatories session?", "2013-06-01"),
    ],
)
def test_an_hour_the_records_do_not_give_is_handed_off(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff
    assert MEMBERS not in answer.sources  # the hour of another of the day's sessions is none
    assert "Here is what I know" not in answer.answer


@pytest.mark.parametrize(
    ("question", "now", "lang_year"),
    [
        ("When is the Democracine festival happening?", "2013-01-15", "2013"),
        ("En quelle année a lieu le festival Democracine ?", "2013-01-15", "2013"),
        ("Quan es fa el festival Democracine?", "2013-01-15", "2013"),
        ("Em que ano é o festival Democracine?", "2013-01-15", "2013"),
        ("¿Cuándo fue el festival de cine Democracine?", "2016-05-05", "2013"),
    ],
)
def test_a_plain_when_of_a_record_known_by_its_year_is_answered_with_the_year(
    assistant: Assistant, question: str, now: str, lang_year: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff
    assert DEMOCRACINE in answer.sources
    assert lang_year in answer.answer


@pytest.mark.parametrize(
    ("question", "month"),
    [
        ("What are the dates of the CEMR congress?", "May"),
        ("Les dates du congrès du CCRE, svp ?", "mai"),
        ("Em que datas decorre o congresso do CMRE?", "maio"),
        ("¿En qué mes cae el congreso del CMRE?", "mayo"),
    ],
)
def test_the_dates_of_a_record_known_by_its_month_are_answered_with_the_month(
    assistant: Assistant, question: str, month: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 1, 20))
    assert not answer.handoff
    assert CEMR in answer.sources
    assert month in answer.answer


def test_the_exact_day_of_a_record_known_by_its_month_is_handed_off_with_the_month(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "¿Qué día exacto empieza el congreso del CMRE?", now=dt.date(2020, 1, 20)
    )
    assert answer.handoff
    assert "mayo" in answer.answer
    assert "no el día exacto" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What hour does tomorrow's members' session begin at the congress in Portugal?",
        "Mañana en el congreso de Portugal, ¿a qué hora arranca la sesión de los miembros?",
        "Demain au congrès au Portugal, la session des membres commence à quelle heure ?",
        "Demà al congrés de Portugal, a quina hora és la sessió dels membres?",
        "Amanhã no congresso em Portugal, a sessão dos membros começa a que horas?",
    ],
)
def test_the_hour_the_records_give_is_answered_not_the_days_events(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 7, 1))
    assert not answer.handoff
    assert answer.sources == [MEMBERS]
    assert "16:00" in answer.answer
