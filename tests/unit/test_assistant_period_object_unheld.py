"""A period's events given for what a question word asks ("which partners does the IOPD
work with this year", "amb quines xarxes"): the thing asked for is no kind of event and
none of the events of the period holds it, so the events are no answer and the question is
handed off. Asked which events or conferences a period has, or what happens in it, they
still answer. The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 6, 10)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which partners does the IOPD collaborate with this year?", "en"),
        ("Quins socis té l'OIDP aquest any?", "ca"),
    ],
)
def test_events_are_no_answer_for_another_thing(
    assistant: Assistant, question: str, language: str
) -> None:
    assert assistant.answer(question, now=NOW, lang=language).handoff


def test_the_years_task_named_whole_answers_instead(assistant: Assistant) -> None:
    """ "Amb quines xarxes col·labora": no event of 2013 is a network, but the 2013 task the
    question names whole ("Col·laboració amb altres xarxes") lists them."""
    answer = assistant.answer("Amb quines xarxes col·labora l'OIDP enguany?", now=NOW, lang="ca")
    assert answer.sources == ["action-2013-other-networks"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What happens in June?", "en"),
        ("Which conferences are there this year?", "en"),
        ("¿Qué eventos hay este año?", "es"),
    ],
)
def test_the_events_of_a_period_still_answer(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources
