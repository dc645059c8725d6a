"""The member examples of a programme's presentation are reached by the city (or country)
and the programme's name together ("what did Bogotá do in OGP Local?"): each example is
known as an example of that programme, though its own text never names it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
SPRING_2024 = dt.date(2024, 4, 15)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "record"),
    [
        (
            "What did Monterrey do within OGP Local?",
            "en",
            "ogp-example-monterrey-gender-violence-data",
        ),
        ("¿Qué hizo Madrid (España) en OGP Local?", "es", "ogp-example-madrid-lobby-registry"),
        (
            "Qu'a réalisé Monterrey avec OGP Local ?",
            "fr",
            "ogp-example-monterrey-gender-violence-data",
        ),
        ("Què ha fet Banggai a OGP Local?", "ca", "ogp-example-banggai-pregnancy-app"),
        ("O que fez Bogotá (Colômbia) no OGP Local?", "pt", "ogp-example-bogota-gender-parity"),
    ],
)
def test_an_example_named_by_its_city_and_programme(
    assistant: Assistant, question: str, language: str, record: str
) -> None:
    answer = assistant.answer(question, now=SPRING_2024)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources[0] == record


@pytest.mark.parametrize(
    "question",
    [
        "What did Lima do in OGP Local?",
        "O que fez Quito no OGP Local?",
    ],
)
def test_a_city_without_an_example(assistant: Assistant, question: str) -> None:
    """A city no example names has none: the programme's name alone reaches no example."""
    answer = assistant.answer(question, now=SPRING_2024)
    assert answer.handoff, answer.answer
