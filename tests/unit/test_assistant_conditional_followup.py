"""A second question opening on the first one's answer ("Is there a fee? If not, what do you
ask in exchange?"): read together, its words counted against the record answering the first,
and the whole message was handed off. Now the first is answered, and the second is asked of
what the first names, answered or passed on apart. Near misses: a second question opening
with "si" that is no condition ("Si, ..." in a sentence of its own is not parted here), and a
first question the records do not answer, still handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 4, 20)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Do members pay a membership fee? If not, what does the network ask instead?", "en"),
        ("¿Los miembros pagan cuota? De lo contrario, ¿qué se les pide?", "es"),
        ("Les membres paient-ils une cotisation ? Sinon, que leur demande-t-on ?", "fr"),
        ("Els membres paguen quota? Si no és així, què se'ls demana?", "ca"),
        ("Os membros pagam quota? Se não, o que lhes pedem em troca?", "pt"),
    ],
)
def test_first_question_answered_beside_a_conditional_second(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert "faq-membership-fee" in answer.sources


def test_first_question_unanswered_still_handed_off(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "How much is the hotel for the 2027 conference? If it's too much, is there a discount?",
        now=NOW,
    )
    assert answer.handoff, answer.answer
