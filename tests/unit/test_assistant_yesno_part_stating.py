"""A yes/no whose words a whole states for each of its parts ("OGP Local's circles: Climate
Action (Buenos Aires and Scotland), Inclusion (...)") is about the one part holding them:
that part's record answers it, not the whole listing every part."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2024, 5, 20)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Is Bogotá in one of the OGP Local circles?", "ogp-circle-inclusion"),
        ("¿Córdoba forma parte de algún círculo de OGP Local?", "ogp-circle-2030-agenda"),
        ("Escòcia és membre d'algun cercle d'OGP Local?", "ogp-circle-climate-action"),
        ("L'Aragó participa en un cercle d'OGP Local?", "ogp-circle-inclusion"),
    ],
)
def test_the_part_holding_what_is_asked_answers(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.sources == [source]


@pytest.mark.parametrize(
    "question",
    [
        "Is Madrid part of an OGP Local circle?",  # no circle holds it
        "¿Lisboa forma parte de algún círculo de OGP Local?",
    ],
)
def test_no_part_holding_it_answers_nothing(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not any(s.startswith("ogp-circle-") for s in answer.sources)
