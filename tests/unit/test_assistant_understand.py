"""Reading questions: normalising, numbers, periods, places, intents and language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.dates import Period, relative_period, season_period
from hub.core.assistant.text import normalise
from hub.core.assistant.understand import Query, roman, understand

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2020, 1, 15)


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant.from_knowledge(KNOWLEDGE, use_lingua=False)


def _read(assistant: Assistant, text: str, today: dt.date = TODAY) -> Query:
    return understand(text, assistant.tables, assistant.places, today)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿Cuándo es la PRÓXIMA conferencia?", "cuando es la proxima conferencia"),
        ("recorda'm   quan obre", "recorda m quan obre"),
        ("13ª conferência", "13a conferencia"),
        ("Côte d’Ivoire", "cote d ivoire"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("where was the 13th conference", 13),
        ("la 13a conferencia", 13),
        ("la 13e conférence", 13),
        ("a 13ª conferência", 13),
        ("la XIII conferencia", 13),
        ("la XIIIe conférence", 13),
        ("la treizième conférence", 13),
        ("la tretzena conferència", 13),
        ("a décima terceira conferência", 13),
        ("the fifteenth conference", 15),
        ("conferencia 15", 15),
        ("the 7th distinction", 7),
    ],
)
def test_edition_numbers(assistant: Assistant, text: str, number: int) -> None:
    assert _read(assistant, text).number == number


def test_a_bare_number_without_a_conference_or_award_is_not_an_edition(
    assistant: Assistant,
) -> None:
    assert _read(assistant, "events on 20 july").number is None


@pytest.mark.parametrize(("text", "value"), [("xiii", 13), ("ix", 9), ("xx", 20), ("il", None)])
def test_roman_numerals(text: str, value: int | None) -> None:
    assert roman(text) == value


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2013, 1, 31), (dt.date(2013, 2, 1), dt.date(2013, 2, 28))),
        (dt.date(2012, 1, 31), (dt.date(2012, 2, 1), dt.date(2012, 2, 29))),
        (dt.date(2013, 12, 15), (dt.date(2014, 1, 1), dt.date(2014, 1, 31))),
    ],
)
def test_next_month_is_the_next_calendar_month(
    today: dt.date, expected: tuple[dt.date, dt.date]
) -> None:
    period = relative_period("next_month", today)
    assert (period.start, period.end) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("events next month", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("eventos el mes que viene", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("eventos no próximo mês", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("esdeveniments el mes que ve", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("événements l'année prochaine", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("events this year", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("events in june", dt.date(2020, 6, 1), dt.date(2020, 6, 30)),
        ("eventos en enero", dt.date(2020, 1, 1), dt.date(2020, 1, 31)),
        ("events in october 2013", dt.date(2013, 10, 1), dt.date(2013, 10, 31)),
        ("events in 2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
        ("events in the spring", dt.date(2020, 3, 20), dt.date(2020, 6, 20)),
    ],
)
def test_periods_are_relative_to_today(
    assistant: Assistant, text: str, start: dt.date, end: dt.date
) -> None:
    period = _read(assistant, text).period
    assert period is not None
    assert (period.start, period.end) == (start, end)


def test_a_month_already_past_this_year_means_next_year(assistant: Assistant) -> None:
    period = _read(assistant, "events in march", dt.date(2020, 5, 1)).period
    assert period == Period(dt.date(2021, 3, 1), dt.date(2021, 3, 31), "month")


def test_seasons_north_by_default_and_flipped_in_the_south() -> None:
    winter = season_period("winter", dt.date(2020, 1, 15))
    assert (winter.start, winter.end) == (dt.date(2019, 12, 21), dt.date(2020, 3, 19))
    south = season_period("spring", dt.date(2020, 1, 15), southern=True)
    assert (south.start, south.end) == (dt.date(2020, 9, 23), dt.date(2020, 12, 20))


def test_a_southern_place_turns_the_season(assistant: Assistant) -> None:
    query = _read(assistant, "eventos no Brasil na primavera")
    assert query.country == "BR"
    assert query.period is not None and query.period.start == dt.date(2020, 9, 23)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("wen is the nxt conferense", "next_conference"),
        ("cuando es la proxima confrencia", "next_conference"),
        ("when does the awrd call open", "award"),
        ("conference in cascias", "conference"),
        ("what are the working groups", "working_groups"),
        ("quais sao os escritorios regionais", "offices"),
        ("how do I subscribe to the newsletter", "faq"),
        ("what is the IOPD", "faq"),
        ("ogp local circles", "ogp_local"),
        ("remind me of the next conference", "reminder"),
        ("events about participatory budgeting", "events_by_topic"),
        ("events in Portugal", "events_by_place"),
        ("events in the USA", "events_by_place"),
        ("tell us about the next event", "next_event"),
        ("events in may", "events_by_date"),
        ("when is the 99th conference", "conference"),
        ("what is the budget of the secretariat", "unknown"),
        ("hello", "unknown"),
    ],
)
def test_intents(assistant: Assistant, text: str, intent: str) -> None:
    assert _read(assistant, text).intent == intent


def test_typos_lower_the_confidence(assistant: Assistant) -> None:
    exact = _read(assistant, "when is the next conference")
    typo = _read(assistant, "wen is the nxt conferense")
    assert typo.confidence < exact.confidence


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("next event?", "en"),
        ("proximo evento", "es"),
        ("prochain événement", "fr"),
        ("proper esdeveniment", "ca"),
        ("quando é a próxima conferência", "pt"),
        ("qui va guanyar el premi", "ca"),
        ("quem ganhou o prêmio", "pt"),
        ("qui a gagné le prix", "fr"),
    ],
)
def test_language_of_short_questions(assistant: Assistant, text: str, language: str) -> None:
    assert assistant.answer(text, now=TODAY).language == language


def test_the_members_language_breaks_a_tie(assistant: Assistant) -> None:
    class Member:
        language = "pt"

    tied = "proxima conferencia"  # Spanish and Portuguese alike
    assert assistant.answer(tied, now=TODAY).language == "es"
    assert assistant.answer(tied, now=TODAY, member=Member()).language == "pt"
