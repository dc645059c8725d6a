"""What a question sets aside ("besides climate change", "aparte del cambio climático",
"en dehors du genre") is not its answer: a record of the kind asked named only by it is
not given. A record the question also names by other words still answers. Questions
written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2020, 3, 1)


@pytest.mark.parametrize(
    ("question", "language", "aside"),
    [
        (
            "Besides climate change, which thematic priorities did the 2020 assembly set?",
            "en",
            "thematic-climate-change",
        ),
        (
            "¿Qué otras prioridades temáticas hay aparte del cambio climático?",
            "es",
            "thematic-climate-change",
        ),
        ("Quelles priorités thématiques y a-t-il en dehors du genre ?", "fr", "thematic-gender"),
    ],
)
def test_the_record_set_aside_is_not_the_answer(
    assistant: Assistant, question: str, language: str, aside: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert aside not in answer.sources or len(answer.sources) > 1


@pytest.mark.parametrize(
    ("question", "language", "source"),
    [
        (
            "What is the thematic priority on climate change?",
            "en",
            "thematic-climate-change",
        ),
        (
            "le projet sur l'état de la démocratie locale dans le monde, avec quel partenaire"
            " à part CGLU ?",
            "fr",
            "project-uclg-idea-local-democracy",
        ),
    ],
)
def test_a_record_named_by_other_words_still_answers(
    assistant: Assistant, question: str, language: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources[0] == source
