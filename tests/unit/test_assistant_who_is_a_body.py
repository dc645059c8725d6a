""" "Who is UCLG?" asks what a body is: an event it organises, found by its name alone, is no
answer ("organised by UCLG" tells the question back); the record about the body itself is.
Asked who organises that event, its organiser still answers. Questions written for this
test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2020, 3, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [("Who is UCLG exactly?", "en"), ("¿Quién es CGLU?", "es"), ("Qui est CGLU ?", "fr")],
)
def test_who_a_body_is_is_not_an_event_it_organises(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert "uclg-retreat-campus-barcelona-2020" not in answer.sources
    assert answer.handoff or answer.sources == ["iopd-uclg-relation"], answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Who organises the UCLG retreat and campus in Barcelona?", "en"),
        ("¿Quién organiza el retiro y campus de CGLU?", "es"),
    ],
)
def test_who_organises_the_event_is_still_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == ["uclg-retreat-campus-barcelona-2020"]
