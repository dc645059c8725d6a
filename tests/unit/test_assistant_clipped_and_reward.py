"""Clipped French words ("appli", "récap", "actu") are written out before a question is
read, and "reward" (récompense, premia, recompensa) names an award in every language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


def test_clipped_french_words_are_written_out(assistant: Assistant) -> None:
    reading = read("et l'appli, le récap et les actus ?", assistant.vocabulary, dt.date(2024, 1, 1))
    assert {"application", "recapitulatif", "actualites"} <= set(reading.words)


def test_an_app_asked_by_its_clipped_name(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Banggai, c'est quoi cette appli ?", now=dt.date(2024, 5, 5), lang="fr"
    )
    assert not answer.handoff
    assert answer.sources == ["ogp-example-banggai-pregnancy-app"]


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "what does the IOPD Distinction reward?"),
        ("fr", "la Distinction OIDP, ça récompense quoi ?"),
        ("es", "¿Qué premia la Distinción OIDP?"),
        ("ca", "Què premia la Distinció OIDP?"),
        ("pt", "O que recompensa a Distinção OIDP?"),
    ],
)
def test_what_an_award_rewards(assistant: Assistant, language: str, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 9, 2), lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-distinction-9"]
