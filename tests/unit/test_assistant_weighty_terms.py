"""A question word narrows by the terms the records hold, not by a stem they never do.

A Portuguese or Catalan word is stemmed in its language and in English ("rede": "red",
"rede"); the English stem of a word of another language is often a term no record holds,
and it made the word read as narrowing. "Os grupos de trabalho da rede" then asked for
working groups matching "rede", and none did (issue 22).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(("word", "language"), [("rede", "pt"), ("xarxa", "ca"), ("red", "es")])
def test_the_network_word_does_not_narrow_in_any_language(
    assistant: Assistant, word: str, language: str
) -> None:
    responder = assistant.responder
    (options,) = responder.retriever.query_terms([word], language)
    assert not responder._weighty(options)


def test_a_word_the_records_never_hold_still_narrows(assistant: Assistant) -> None:
    assert assistant.responder._weighty({"zzqx"})


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("quais são os grupos de trabalho da rede?", "pt"),
        ("quins són els grups de treball de la xarxa?", "ca"),
        ("cuáles son los grupos de trabajo de la red?", "es"),
    ],
)
def test_the_working_groups_of_the_network_are_listed(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 12, 5), lang=language)
    assert not answer.handoff
    assert sum(s.startswith("working-group-") for s in answer.sources) >= 3
