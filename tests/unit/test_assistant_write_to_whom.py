""" "What e-mail do we write to?" after a sentence naming what it is about.

A question that only asks where to write ("what's the email to write to?", "¿a qué correo
escribimos?") names nothing of its own: the verb of writing is no topic. What it asks of is
the sentence before it ("we want to join OGP Local"), read with it. Who asks (a city hall,
"desde nuestro ayuntamiento") is still not what is asked about.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

DAY = dt.date(2024, 3, 1)
OGP_LOCAL = {"ogp-local-how-to-join", "faq-join-ogp-local", "ogp-local-contact", "faq-contacts"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "text",
    [
        "Our town hall would like to join OGP Local. What email should we write to?",
        "Escribo desde un municipio que quiere unirse a OGP Local. ¿A qué correo escribimos?",
        "A nossa câmara quer aderir ao OGP Local. Para que email escrevemos?",
        "Notre mairie veut rejoindre OGP Local. À quelle adresse e-mail écrire ?",
    ],
)
def test_the_sentence_before_says_what_is_asked(assistant: Assistant, text: str) -> None:
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert OGP_LOCAL & set(answer.sources)


@pytest.mark.parametrize(
    "text",
    [
        "We want to join a cooking club. What email do we write to?",
        "Queremos apuntarnos a un club de cocina. ¿A qué correo escribimos?",
    ],
)
def test_nothing_the_records_hold_is_handed_off(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text, now=DAY).handoff
