"""English paraphrases: light verbs and fillers around what is asked do not hide the record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.mark.parametrize(
    ("question", "source", "fact"),
    [
        (
            "who got the digital information award in Valencia?",
            "ogp-roundup-valencia-award",
            "Valencia",
        ),
        ("when did the local observatories project run?", "project-local-observatories", "2004"),
        (
            "so what actually happened with the crowdfunding thing?",
            "action-2013-crowdfunding",
            "crowdfunding",
        ),
    ],
)
def test_light_words_leave_the_record_found(
    assistant: Assistant, question: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 1, 10))
    assert not answer.handoff
    assert source in answer.sources
    assert fact in answer.answer


def test_running_something_is_leading_it_when_who_is_asked(assistant: Assistant) -> None:
    """ "Who runs it" keeps its verb: without it the question would be about nobody."""
    answer = assistant.answer("who runs the IOPD?", now=dt.date(2024, 1, 10))
    assert not answer.handoff
    assert "Technical Secretariat" in answer.answer or "Secretariat" in answer.answer
