"""Asked when something of a year-dated event is done ("the minutes of the 2019
conference"), the record named by the question's own words and dated to the month answers,
not a handoff on the conference's year. Another event without the words of the one named
is never taken for it. Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2019, 11, 20)


def test_the_minutes_named_answer_with_their_month(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Quand le secrétariat s'occupe-t-il du procès-verbal de la conférence 2019 ?",
        now=NOW,
        lang="fr",
    )
    assert not answer.handoff
    assert answer.sources == ["conference-2019-minutes-2020-01"]
    assert "janvier 2020" in answer.answer


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("When is the 2019 conference?", "conference-2019"),
        (
            "the UCLG meeting in Barcelona in 2020, when exactly?",
            "uclg-retreat-campus-barcelona-2020",
        ),
    ],
)
def test_a_year_dated_event_asked_by_its_own_name_is_still_handed_off(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang="en")
    assert answer.handoff
    assert answer.sources == [source]
