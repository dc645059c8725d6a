"""Discourse and function words ("somewhere", "quick question", "is it possible", "celui",
"en tant que") are dropped in every language: a word no record holds, counted as a topic
the records lack, would hand off a question the records answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
DAY = dt.date(2015, 1, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "Is there an IOPD office somewhere in Africa?"),
        ("fr", "Y a-t-il un bureau de l'OIDP quelque part en Afrique ?"),
        ("pt", "Há um escritório do OIDP algures em África?"),
        ("ca", "Hi ha una oficina de l'OIDP a Àfrica? pregunta ràpida"),
    ],
)
def test_a_place_asked_loosely_finds_the_office(
    assistant: Assistant, language: str, question: str
) -> None:
    answer = assistant.answer(question, now=DAY, lang=language)
    assert not answer.handoff
    assert answer.sources == ["office-africa-dakar"]


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "is it possible to join the IOPD as an NGO?"),
        ("es", "¿es posible unirse al OIDP como ONG?"),
        ("fr", "est-il possible d'adhérer à l'OIDP en tant qu'ONG ?"),
        ("ca", "és possible adherir-se a l'OIDP com a ONG?"),
        ("pt", "é possível aderir ao OIDP como ONG?"),
    ],
)
def test_is_it_possible_asks_the_thing_itself(
    assistant: Assistant, language: str, question: str
) -> None:
    answer = assistant.answer(question, now=DAY, lang=language)
    assert not answer.handoff
    assert "faq-how-to-join-the-iopd" in answer.sources


def test_quick_question_is_no_topic(assistant: Assistant) -> None:
    answer = assistant.answer(
        "quick question: which city hosts the 15th IOPD conference?", now=DAY, lang="en"
    )
    assert not answer.handoff
    assert answer.sources == ["conference-15-madrid"]
    assert "Madrid" in answer.answer


def test_according_to_stays_a_word_of_the_question(assistant: Assistant) -> None:
    """'Selon' is kept: dropped, the question reads as the name of OGP Local ("gouvernement
    ouvert local"), which is then answered in place of what open government is."""
    answer = assistant.answer(
        "Qu'est-ce que le gouvernement ouvert selon l'OGP ?", now=DAY, lang="fr"
    )
    assert "ogp-local" not in answer.sources


def test_folks_is_no_topic(assistant: Assistant) -> None:
    answer = assistant.answer(
        "is there a slack for the ogp local folks?", now=dt.date(2024, 1, 1), lang="en"
    )
    assert not answer.handoff
    assert answer.sources == ["ogp-local-slack"]
