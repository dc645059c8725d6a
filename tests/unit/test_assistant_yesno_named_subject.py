"""Of two records stating what a yes/no asks ("the session in Cascais approved the 2013 work
plan", "the 2013 work plan, approved in Cascais"), the one the question names by its own
name answers: it is the record the question is about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2014, 1, 10)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Did the 2013 work plan get approved in Cascais?", "work-plan-2013"),
        ("Is it true the 2013 work plan was approved in Cascais?", "work-plan-2013"),
        ("O plano de trabalho de 2013 foi aprovado em Cascais?", "work-plan-2013"),
        (
            "Did the Cascais internal members' session approve the 2013 work plan?",
            "members-session-cascais-2013",
        ),
    ],
)
def test_the_record_named_answers(assistant: Assistant, question: str, source: str) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.sources[:1] == [source]
    assert "Cascais" in answer.answer
