"""The language of short, casual messages written as on a phone, without accents, in the
five languages: "tu" is a word of four of them (not Spanish's alone), the second person of
the verbs that ask the assistant's opinion or liking says whose ("penses" Catalan or
French, "piensas" Spanish, "achas" Portuguese), and nouns in "-cia" are not French.
Near misses keep the rule the hub has: a message that is really ambiguous between two
languages ("que es la democracia directa": Spanish "qué es" or Catalan "què és") goes to
the member's language, then to the first of en, es, fr, pt, ca; a Spanish, Portuguese or
English message stays so.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("que en penses de la democracia participativa? 🤔", "ca"),
        ("i tu que en penses dels pressupostos participatius?", "ca"),
        ("creus que la democracia deliberativa funciona?", "ca"),
        ("tu que prefereixes, bogota o montevideo? 😄", "ca"),
        ("tu crois que la democratie directe marche? 🙂", "fr"),
        ("tu trouves que curitiba est mieux que dakar? 😅", "fr"),
        ("tu achas que a democracia participativa funciona? 😄", "pt"),
        ("o que pensas da democracia direta?", "pt"),
        ("tu gostas de porto alegre?", "pt"),
        ("que piensas de la democracia directa? 🤔", "es"),
        ("tu que prefieres, lisboa o bogota? 😄", "es"),
        ("crees que la democracia deliberativa sirve?", "es"),
        ("what do you think of direct democracy? 🤔", "en"),
        ("do you prefer porto alegre or dakar? 😄", "en"),
    ],
)
def test_a_casual_message_is_answered_in_its_language(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language, answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("que es la democracia directa", "es"),
        ("que es el pla de treball", "ca"),
        ("¿tú qué piensas de Porto Alegre?", "es"),
        ("tu es l'assistant de l'OIDP ?", "fr"),
        ("tu sabes quando é a próxima conferência?", "pt"),
        ("què en penses de la democràcia directa?", "ca"),
        ("where is porto alegre?", "en"),
        ("qu'en penses-tu de la démocratie directe ?", "fr"),
    ],
)
def test_near_misses_keep_their_language(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.language == language, answer.answer
