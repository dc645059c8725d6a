"""A kind of record qualified by a word no record holds ("the world congress of
firefighters") is another thing than the records of that kind sharing its other words (the
World Urban Forum): handed off, in the five languages. Words of time ("the conference of last
summer"), of the kind's own name ("el premi de bones pràctiques") and a record's own words
after "of" ("the congress of UCLG") still find the record."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

WUF = "world-urban-forum-10-abu-dhabi-2020"
CASCAIS = "conference-13-cascais-2013"
RABAT = "uclg-congress-rabat-2013"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("where was the world congress of firefighters held?", "2021-03-01"),
        ("when is the world forum of cardiologists?", "2019-10-10"),
        ("¿dónde fue el congreso mundial de bomberos?", "2021-03-01"),
        ("¿cuándo es el foro mundial de pediatras?", "2019-10-10"),
        ("où a eu lieu le forum mondial des boulangers ?", "2021-03-01"),
        ("on va ser el congrés mundial dels bombers?", "2021-03-01"),
        ("onde foi o fórum mundial dos veterinários?", "2021-03-01"),
        ("when was the world forum of the beekeepers?", "2021-03-01"),
    ],
)
def test_a_kind_of_a_word_no_record_holds_is_handed_off(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
    assert WUF not in answer.sources


@pytest.mark.parametrize(
    ("question", "now", "source"),
    [
        ("when was the world urban forum?", "2021-03-01", WUF),
        ("¿dónde fue el foro urbano mundial?", "2021-03-01", WUF),
        ("dónde fue la conferencia del verano pasado?", "2014-02-11", CASCAIS),
        ("onde foi a conferência do verão passado?", "2014-01-30", CASCAIS),
        ("le congrès de CGLU à Rabat, c'était quand ?", "2014-02-01", RABAT),
        ("when was the congress of UCLG in Rabat?", "2014-02-01", RABAT),
        (
            "Quan toca preparar el premi de bones pràctiques d'enguany?",
            "2020-01-03",
            "iopd-award-2020",
        ),
        ("on va ser la conferència de juliol del 2013?", "2014-02-01", CASCAIS),
    ],
)
def test_time_and_the_records_own_words_after_of_still_find_it(
    assistant: Assistant, question: str, now: str, source: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert source in answer.sources
