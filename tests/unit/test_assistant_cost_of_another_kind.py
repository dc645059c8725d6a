"""Asked what something of a kind costs or pays for (an award's cash prize, what a plan says
crowdfunding could pay), an answer citing no record of that kind nor named for it (how the
network is funded) answers another question: it is handed off. The membership fee is still
answered. Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("¿Cuánto dinero será el premio en metálico del 2020?", "2020-03-01", "es"),
        ("According to the 2014-2015 plan, what could crowdfunding pay for?", "2014-10-01", "en"),
    ],
)
def test_the_cost_of_another_kind_is_not_the_funding_record(
    assistant: Assistant, question: str, now: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert answer.handoff
    assert "iopd-funding" not in answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [("How much is the membership fee?", "en"), ("¿Cuánto cuesta ser socio?", "es")],
)
def test_the_membership_fee_is_still_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 1), lang=language)
    assert not answer.handoff
    assert answer.sources[0] == "faq-membership-fee"  # and the records stating it too
