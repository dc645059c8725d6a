"""Catalan's past tense tells the question's language: "es va crear", "va ser", "van guanyar".

A Catalan question written without accents ("La plataforma africana es va crear a Dakar?")
shares most of its words with Spanish; its past tense, "va" and an infinitive, is Catalan
alone: Spanish puts "a" between them (a future), Portuguese writes "vai", French infinitives
never end in "-ar".
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

DAY = dt.date(2016, 1, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La plataforma africana es va crear a Dakar?", "ca"),
        ("El festival Democracine es va celebrar el 2013?", "ca"),
        ("La plataforma de Dakar es va crear el 2012?", "ca"),
        ("Les oficines regionals es van obrir el 2012?", "ca"),
        ("¿La conferencia va a ser en Cascais?", "es"),
        ("El congreso va a celebrarse en Rabat?", "es"),
        ("Le secrétariat va organiser un atelier à Rabat ?", "fr"),
        ("A conferência vai ser em Cascais?", "pt"),
    ],
)
def test_the_past_tense_tells_catalan(assistant: Assistant, text: str, language: str) -> None:
    assert assistant.answer(text, now=DAY).question_language == language
