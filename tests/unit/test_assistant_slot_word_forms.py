"""Ordinary ways members ask the cost or how to join, in the five languages, that the closed
slot sets lacked ("quanto é", "s'ha d'abonar", "c'est combien", "hacerse socio"); and words of
one language that are another's everyday word ("pays": a country) stay out. Sentences
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary_file import load_vocabulary

NOW = dt.date(2020, 3, 1)


@pytest.mark.parametrize(
    ("text", "qtype"),
    [
        ("quanto é a quota dos membros?", "cost"),
        ("s'ha d'abonar res per ser-ne membre?", "cost"),
        ("c'est combien pour les membres ?", "cost"),
        ("¿cuánto vale ser miembro?", "cost"),
        ("are there membership dues?", "cost"),
        ("¿cómo puede mi ayuntamiento hacerse socio?", "join"),
        ("como nos podemos filiar-nos na rede?", "join"),
        ("com puc apuntar-me a la xarxa?", "join"),
        ("comment nous affilier au réseau ?", "join"),
        ("can you sign me up to the network?", "join"),
        ("in what country is the office of Africa?", "where"),
    ],
)
def test_ordinary_forms_read_as_their_slot(text: str, qtype: str) -> None:
    assert read(text, load_vocabulary(), NOW).qtype == qtype


@pytest.mark.parametrize(
    "text",
    [
        "quanto é a quota anual do OIDP?",
        "s'ha d'abonar alguna quota al OIDP?",
        "c'est combien, la cotisation de l'OIDP ?",
        "¿cuánto vale la cuota del OIDP?",
        "are there membership dues for the IOPD?",
    ],
)
def test_fee_asked_in_ordinary_words_is_answered(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=NOW)
    assert not answer.handoff, answer.answer
    assert "faq-membership-fee" in answer.sources


@pytest.mark.parametrize(
    "text",
    ["quels pays accueillent des bureaux ?", "qui s'en charge ?", "les dues conferències"],
)
def test_another_languages_everyday_word_is_no_cost(text: str) -> None:
    assert read(text, load_vocabulary(), NOW).qtype != "cost"
