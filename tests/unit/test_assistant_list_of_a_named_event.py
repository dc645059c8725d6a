"""A list asked of one event named by its own name in a period ("the initiatives in last
month's Roundup") is what the event holds, not the period's events (that one alone).
Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2023, 12, 18)
ROUNDUP = "ogp-local-roundup-2023-11"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which initiatives are in last month's OGP Local Roundup?", "en"),
        ("¿Qué iniciativas salen en el Roundup de OGP Local del mes pasado?", "es"),
        ("Quines iniciatives surten al Roundup d'OGP Local del mes passat?", "ca"),
    ],
)
def test_a_list_of_a_named_event_says_what_it_holds(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == [ROUNDUP]
    assert "Buenos Aires" in answer.answer and "Val" in answer.answer  # València, Valencia


def test_the_events_of_the_period_are_still_listed(assistant: Assistant) -> None:
    answer = assistant.answer("Which events were there last month?", now=NOW, lang="en")
    assert not answer.handoff
    assert answer.sources == [ROUNDUP]
    assert "Buenos Aires" not in answer.answer
