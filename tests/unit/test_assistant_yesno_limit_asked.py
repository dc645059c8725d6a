"""A limit asked in words ("up to 10 commitments", "fins a 10", "até 6") is answered by the
limit the record named states, said as it is: the record of the limit, not a sentence of an
FAQ mentioning it, and no plain yes or no to a figure it does not state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2024, 9, 2)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "question",
    [
        "Can OGP Local members hold up to 12 commitments at a time?",
        "Un membre d'OGP Local pot tenir fins a 9 compromisos alhora?",
        "Um membro do OGP Local pode ter até 7 compromissos ao mesmo tempo?",
        "Does an OGP Local member have up to 3 commitments?",
    ],
)
def test_a_limit_asked_is_answered_by_the_limit_stated(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.sources[0] == "ogp-local-commitments-limit"
    assert "5" in answer.answer
    assert not answer.answer.startswith(("Yes", "Sí", "Sim", "No", "Não"))
