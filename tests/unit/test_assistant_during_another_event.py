"""A word placing what is asked inside another event ("during", "durante", "pendant")
names no record: the session asked about answers, not one whose text says "held during the
conference". Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 5, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is there a session on local observatories during the Cascais conference?", "en"),
        ("¿Hay una sesión sobre observatorios locales durante la conferencia de Cascais?", "es"),
        ("Y aura-t-il une session sur les observatoires locaux pendant la conférence ?", "fr"),
    ],
)
def test_the_session_asked_answers_not_the_one_held_during(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == ["local-observatories-session-cascais-2013"]
