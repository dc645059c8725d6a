"""An award's entries (candidacies, candidatures, candidaturas) name the award: asked when
the entries are evaluated, the award's evaluation step answers, in every language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
DAY = dt.date(2020, 2, 20)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("language", "question", "month"),
    [
        ("en", "When are the entries for this year's award judged?", "April"),
        ("en", "when are the candidacies for the award evaluated?", "April"),
        ("fr", "Quand les candidatures au prix sont-elles évaluées ?", "avril"),
        ("es", "¿Cuándo se evalúan las candidaturas al premio?", "abril"),
        ("ca", "Quan s'avaluen les candidatures al premi?", "abril"),
        ("pt", "Quando são avaliadas as candidaturas ao prémio?", "abril"),
    ],
)
def test_entries_evaluated_is_the_award_evaluation(
    assistant: Assistant, language: str, question: str, month: str
) -> None:
    answer = assistant.answer(question, now=DAY, lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-award-2020"]
    assert month in answer.answer
