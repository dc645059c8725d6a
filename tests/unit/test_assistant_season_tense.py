"""Seasons and months named without a year are read in the question's tense: asked in the
past ("where was the conference in summer?") they are the last one begun, asked in the
future or present the current or coming one, and "last"/"next" keep their meaning. An
answer whose record lies outside the season asked is handed off; one inside it is given.
Questions written for this test, in the five languages."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

SPRING_2020 = dt.date(2020, 3, 1)
PAST_SUMMER = [
    "where was the conference in summer?",
    "¿dónde fue la conferencia en verano?",
    "où était la conférence en été ?",
    "on va ser la conferència a l'estiu?",
    "onde foi a conferência no verão?",
]
COMING_SUMMER = [
    "where will the conference be in summer?",
    "¿dónde será la conferencia en verano?",
    "où aura lieu la conférence en été ?",
    "on serà la conferència a l'estiu?",
    "onde vai ser a conferência no verão?",
]


@pytest.mark.parametrize("question", PAST_SUMMER)
def test_a_season_asked_in_the_past_is_the_last_one_begun(
    vocabulary: Vocabulary, question: str
) -> None:
    period = read(question, vocabulary, SPRING_2020).period
    assert period is not None and period.kind == "season"
    assert period.start == dt.date(2019, 6, 21)


@pytest.mark.parametrize("question", COMING_SUMMER)
def test_a_season_asked_in_the_future_is_the_coming_one(
    vocabulary: Vocabulary, question: str
) -> None:
    period = read(question, vocabulary, SPRING_2020).period
    assert period is not None and period.start == dt.date(2020, 6, 21)


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("where was the conference in July?", 2020),
        ("¿dónde fue la conferencia en julio?", 2020),
        ("où a eu lieu la conférence en juillet ?", 2020),
        ("where will the conference be in July?", 2021),
        ("onde vai ser a conferência em julho?", 2021),
    ],
)
def test_a_named_month_takes_the_tense_too(
    vocabulary: Vocabulary, question: str, year: int
) -> None:
    period = read(question, vocabulary, dt.date(2021, 3, 1)).period
    assert period is not None and period.kind == "month"
    assert period.start == dt.date(year, 7, 1)


def test_last_and_this_keep_their_meaning(vocabulary: Vocabulary) -> None:
    today = dt.date(2020, 10, 1)
    last = read("where was the conference last summer?", vocabulary, today).period
    this = read("what is on this autumn?", vocabulary, today).period
    assert last is not None and last.start == dt.date(2020, 6, 21)
    assert this is not None and this.start == dt.date(2020, 9, 23)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("onde vai ser a conferência deste outono?", "pt"),
        ("where will this autumn's conference be?", "en"),
        ("¿dónde será la conferencia de este otoño?", "es"),
        ("où aura lieu la conférence de cet automne ?", "fr"),
        ("on serà la conferència d'aquesta tardor?", "ca"),
    ],
)
def test_a_record_outside_the_season_asked_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 12, 6), lang=language)
    assert answer.handoff
    assert "conference-20-abidjan-2020" not in answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("where will the conference be this summer?", "en"),
        ("¿dónde será la conferencia este verano?", "es"),
        ("conferències a l'estiu", "ca"),
        ("where was the conference in July?", "en"),
    ],
)
def test_a_record_inside_the_window_asked_is_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    now = dt.date(2021, 3, 1) if "July" in question else SPRING_2020
    answer = assistant.answer(question, now=now, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "conference-20-abidjan-2020"


@pytest.mark.parametrize(
    "question",
    [
        "¿qué seminarios hizo el OIDP en primavera?",
        "que seminários o OIDP fez na primavera?",
        "quins seminaris van organitzar a la primavera?",
    ],
)
def test_past_verbs_of_doing_read_the_last_spring(vocabulary: Vocabulary, question: str) -> None:
    period = read(question, vocabulary, dt.date(2021, 2, 1)).period
    assert period is not None and period.start == dt.date(2020, 3, 20)


def test_a_present_verb_ending_as_a_participle_is_not_past(assistant: Assistant) -> None:
    question = "quand a lieu le premier séminaire de l'OIDP ce printemps ?"
    answer = assistant.answer(question, now=dt.date(2020, 2, 1), lang="fr")
    assert not answer.handoff
    assert answer.sources == ["iopd-seminar-1-2020"]


def test_a_month_asked_of_a_dated_step_is_still_answered(assistant: Assistant) -> None:
    question = "the preparation of the conference starts in February?"
    answer = assistant.answer(question, now=dt.date(2020, 1, 10), lang="en")
    assert not answer.handoff
    assert answer.sources == ["conference-2020-preparation-2020-01"]
