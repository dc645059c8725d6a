"""Words around a question that name no record: a chat "yo" before it, the "called" of
"what's it called" (a name asked, no call for entries). The question is answered as
without them. Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 3, 1)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("yo when does the cascais conference kick off?", "conference-13-cascais-2013"),
        ("yo when's the rabat congress", "uclg-congress-rabat-2013"),
    ],
)
def test_yo_before_a_question_changes_nothing(
    assistant: Assistant, question: str, source: str
) -> None:
    plain = assistant.answer(question.removeprefix("yo "), now=NOW, lang="en")
    answer = assistant.answer(question, now=NOW, lang="en")
    assert not answer.handoff
    assert answer.sources == [source] == plain.sources


def test_whats_it_called_asks_a_name_not_a_call(assistant: Assistant) -> None:
    answer = assistant.answer(
        "There's a workspace where OGP Local members chat, what's it called?",
        now=dt.date(2024, 1, 10),
        lang="en",
    )
    assert not answer.handoff
    assert answer.sources == ["ogp-local-slack"]


def test_a_call_for_sessions_is_still_a_call(assistant: Assistant) -> None:
    answer = assistant.answer(
        "When does the call for sessions of the 2020 conference open?",
        now=dt.date(2020, 1, 10),
        lang="en",
    )
    assert answer.sources == ["conference-2020-sessions-call-2020-04"]
