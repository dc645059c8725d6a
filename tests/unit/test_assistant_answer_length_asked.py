"""How long the member wants the answer ("in one line", "short answer", "explica-m'ho curt",
"en une ligne"): no topic. Left in, "line" was read as a work plan's line and "curt" or
"short" as a word no record holds, and the question was handed off or answered with the
plan's priorities. Near miss: a work plan's lines asked by that word are still its lines.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2027, 2, 8)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("short answer please: what is the IOPD?", "en"),
        ("¿Qué es el OIDP? En una sola línea, porfa", "es"),
        ("Qu'est-ce que l'OIDP, en une ligne ?", "fr"),
        ("Què és l'OIDP? Explica-m'ho curt", "ca"),
        ("O que é o OIDP? Resposta curta", "pt"),
    ],
)
def test_length_asked_is_no_topic(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert {"faq-what-is-the-iopd", "iopd"} & set(answer.sources)


def test_work_plan_lines_still_asked_by_that_word(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "What are the lines of the 2013 work plan?", now=dt.date(2013, 9, 1)
    )
    assert not answer.handoff, answer.answer
    assert any(s.startswith("work-plan-2013-line") for s in answer.sources), answer.sources
