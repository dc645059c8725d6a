"""A question naming one record by its own name, in a year the records hold another event
of the same kind ("the Informed Cities Forum 2014", with only a 2014 PB conference), is not
answered with that other event: the named one was held in 2013, and the year asked is
handed off. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2014, 2, 3)

NAMED_IN_ANOTHER_YEAR = [
    ("What are the dates of the Informed Cities Forum 2014?", "en"),
    ("¿Qué fechas tiene el Informed Cities Forum de 2014?", "es"),
    ("Quelles sont les dates de l'Informed Cities Forum 2014 ?", "fr"),
    ("Quines dates té l'Informed Cities Forum del 2014?", "ca"),
    ("Quais são as datas do Informed Cities Forum 2014?", "pt"),
]


@pytest.mark.parametrize(("question", "language"), NAMED_IN_ANOTHER_YEAR)
def test_a_named_event_is_not_answered_with_another_of_its_kind_that_year(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert "pb-conference-san-francisco-2014" not in answer.sources, answer.answer


def test_the_years_events_of_the_kind_are_still_listed(assistant: Assistant) -> None:
    answer = assistant.answer("Any PB conference in 2014?", now=NOW)
    assert not answer.handoff
    assert "pb-conference-san-francisco-2014" in answer.sources


def test_the_named_event_without_a_year_is_still_answered(assistant: Assistant) -> None:
    answer = assistant.answer("When was the Informed Cities Forum?", now=NOW)
    assert not answer.handoff
    assert answer.sources == ["informed-cities-forum-berlin-2013"]
