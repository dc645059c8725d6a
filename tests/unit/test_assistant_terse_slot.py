"""A terse question of nouns that ends with a slot's noun ("13th conference city?", "seminari 2
ciutat?") asks that slot, as if its question word were said: the place is answered when a
record states it, and handed off saying so when it does not, instead of the record's whole
text. Near misses keep their readings: a period ("events this year?"), a yes/no question
("did the ... change city?") and a noun the vocabulary reads as a time ("... year?").
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

IN_2013 = dt.date(2013, 3, 1)
IN_2020 = dt.date(2020, 4, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("13th conference city?", "en"),
        ("13.ª conferencia ciudad", "es"),
        ("13e conférence ville ?", "fr"),
        ("13a conferència lloc?", "ca"),
        ("13.ª conferência cidade?", "pt"),
    ],
)
def test_place_noun_last_asks_where(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=IN_2013)
    assert not answer.handoff, answer.answer
    assert answer.intent == "where"
    assert answer.language == language
    assert answer.sources == ["conference-13-cascais-2013"]
    assert "Cascais" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "seminar 2 venue?",
        "seminario 2 del oidp lugar",
        "séminaire 2 lieu ?",
        "seminari 2 ciutat?",
        "seminário 2 cidade?",
    ],
)
def test_place_noun_last_of_a_record_without_place_is_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=IN_2020)
    assert answer.handoff, answer.answer
    assert answer.intent == "where"
    assert answer.sources == ["iopd-seminar-2-2020"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("events this year?", "list"),
        ("actes aquest any?", "list"),
        ("abidjan conference year?", "when"),
        ("abidjan conference dates?", "when"),
    ],
)
def test_periods_and_times_keep_their_reading(
    lingua_assistant: Assistant, question: str, intent: str
) -> None:
    answer = lingua_assistant.answer(question, now=IN_2020)
    assert answer.intent == intent, answer.answer
    assert not answer.handoff


def test_yes_no_question_ending_with_a_place_noun_stays_yes_no(
    lingua_assistant: Assistant,
) -> None:
    answer = lingua_assistant.answer("did the 20th conference change city?", now=IN_2020)
    assert answer.intent == "yesno"
    assert answer.handoff
