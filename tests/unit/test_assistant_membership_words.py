"""Being a member named by its noun: "membership", "afiliación", "adhésion", "adesão" are
the member concept, so "a adesão é gratuita?" finds the record about members' fees."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.language import QuestionLanguage
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("a adesão é gratuita?", "pt"),
        ("quanto custa a adesão ao OIDP?", "pt"),
        ("¿la afiliación al OIDP es gratuita?", "es"),
        ("l'adhésion est-elle gratuite ?", "fr"),
        ("l'afiliació és gratuïta?", "ca"),
        ("is IOPD membership free?", "en"),
    ],
)
def test_the_noun_of_being_a_member_finds_the_fee_record(
    assistant: Assistant, text: str, language: str
) -> None:
    answer = assistant.answer(text, now=dt.date(2020, 3, 1))
    assert answer.language == language
    assert not answer.handoff, answer.answer
    assert answer.sources[0] == "faq-membership-fee"  # and the records stating it too


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("la membresia es gratis?", "es"),  # Spanish without its accent, not Catalan
        ("la afiliacion es gratis?", "es"),
        ("l'afiliacio es gratis?", "ca"),
    ],
)
def test_a_synonyms_language_votes(text: str, language: str) -> None:
    vocabulary = load_vocabulary()
    detected = QuestionLanguage(vocabulary.votes).detect(text, normalise(text).split())
    assert detected == language
