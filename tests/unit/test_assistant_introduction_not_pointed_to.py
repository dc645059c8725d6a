"""A message whose question names nothing ("Is there a fee to be a member?") after a sentence
in which the member says who they are ("I'm a participation officer in a small town in
Alentejo."): the question pointing back took that sentence as the thing it asks of, and the
asker's job, town and region counted against every record, so the question was handed off.
The introduction is who asks, never what is asked of. Near miss: a question pointing back to
a sentence that names a thing ("The Cascais conference is coming up. When is it exactly?")
still reads it. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 4, 20)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        (
            "Hi there! I'm a participation officer in a small town in Alentejo."
            " Is there a fee to be a member?",
            "en",
        ),
        (
            "Buenas. Soy concejala de un municipio rural de Cuenca."
            " ¿Hay que pagar cuota para ser miembro?",
            "es",
        ),
        (
            "Bonjour. Je suis chargée de mission dans une petite commune du Jura."
            " Faut-il payer une cotisation pour être membre ?",
            "fr",
        ),
        (
            "Hola. Soc tècnica de participació d'un poble petit del Berguedà."
            " Cal pagar quota per ser membre?",
            "ca",
        ),
        (
            "Olá. Sou técnico de participação numa pequena câmara do Minho."
            " É preciso pagar quota para ser membro?",
            "pt",
        ),
    ],
)
def test_introduction_is_not_what_is_asked(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert "faq-membership-fee" in answer.sources


def test_a_sentence_naming_a_thing_is_still_pointed_to(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer(
        "We keep hearing about the 13th IOPD conference in Cascais. When was it exactly?",
        now=dt.date(2014, 3, 1),
    )
    assert not answer.handoff, answer.answer
    assert "conference-13-cascais-2013" in answer.sources
