"""Asked who, an answer that names a record its cited record's data points to ("defined by
the 2020 General Assembly") cites that record too; asked what, only the record itself.
Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
ASSEMBLY = "general-assembly-2020"
QUESTIONS = [
    ("Who defined the thematic priorities for 2020?", "en"),
    ("Qui a défini les priorités thématiques du plan 2020 ?", "fr"),
    ("Qui va definir les prioritats temàtiques del 2020?", "ca"),
]


@pytest.mark.parametrize(("question", "language"), QUESTIONS)
def test_the_record_the_answer_names_is_cited(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 3), lang=language)
    assert not answer.handoff
    assert ASSEMBLY in answer.sources
    assert ASSEMBLY in [r.id for r in answer.records]


def test_asked_what_the_linked_record_is_not_cited(assistant: Assistant) -> None:
    answer = assistant.answer("¿Qué es la prioridad temática de género?", now=dt.date(2020, 3, 3))
    assert not answer.handoff
    assert answer.sources == ["thematic-gender"]
