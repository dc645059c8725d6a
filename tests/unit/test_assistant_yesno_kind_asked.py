"""A yes/no naming a kind of record ("the 2013 work plan") is answered only by a sentence
of a record of that kind (or of a part of it), or one that says the kind itself: a forum's
sentence holding the other words ("in 2013", "the Catalan version") is about the forum, not
about the work plan, and says no yes to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2016, 2, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "question",
    [
        "Existeix una versió catalana del pla de treball 2013?",
        "Há uma versão em catalão do plano de trabalho de 2013?",
        "Hi ha el pla de treball del 2013 en versió catalana?",
        "O plano de trabalho de 2013 tem versão catalã?",
    ],
)
def test_a_sentence_of_another_kind_of_record_says_no_yes(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert "peripheral-local-authorities-forum-3-2013" not in answer.sources
    if answer.answer.startswith(("Sí.", "Sim.")):  # a yes only from the Catalan document
        assert answer.sources == ["doc-work-plan-2013-ca"]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Is there a Catalan version of the 2013 work plan?", "doc-work-plan-2013-ca"),
        (
            "Does the 2013 work plan include renewing the agreement with UCLG?",
            "action-2013-uclg-agreement",
        ),
    ],
)
def test_a_record_of_the_kind_or_a_part_of_it_still_answers(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert answer.answer.startswith("Yes.")
    assert source in answer.sources
