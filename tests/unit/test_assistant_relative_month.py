"""A month said relative to the asker's now ("next month", "el mes que viene") is the time
asked: a dated record held in another month does not answer it (handed off), one held in
that month does, and a month named ("the November roundup") may be the record's own name.
Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When is the OGP Local Roundup next month?", "en"),
        ("¿Cuándo sale el Local Roundup de OGP del mes que viene?", "es"),
        ("Quand paraît le Local Roundup d'OGP le mois prochain ?", "fr"),
    ],
)
def test_a_record_of_another_month_does_not_answer_next_month(
    assistant: Assistant, question: str, language: str
) -> None:
    """The roundup on record is November 2023's; asked in late November, "next month" is
    December, of which nothing is known."""
    answer = assistant.answer(question, now=dt.date(2023, 11, 20), lang=language)
    assert answer.handoff, answer.answer
    assert "ogp-local-roundup-2023-11" not in answer.sources


@pytest.mark.parametrize(
    ("question", "language", "month"),
    [
        ("When is the Cascais conference next month?", "en", "July"),
        ("¿Cuándo es la conferencia de Cascais el mes que viene?", "es", "julio"),
    ],
)
def test_a_record_of_that_month_still_answers(
    assistant: Assistant, question: str, language: str, month: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 6, 10), lang=language)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["conference-13-cascais-2013"]
    assert month in answer.answer


def test_a_month_named_may_be_the_record_s_own_name(assistant: Assistant) -> None:
    answer = assistant.answer("When is the November OGP Local Roundup?", now=dt.date(2026, 12, 4))
    assert not answer.handoff, answer.answer
    assert answer.sources == ["ogp-local-roundup-2023-11"]
