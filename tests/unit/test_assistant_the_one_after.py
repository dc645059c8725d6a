"""Asked when the one after an event is ("the conference after the Cascais one", "le
prochain roundup après celui de novembre"): that event is what the asked one comes after,
never the answer. When the records know no later one, what that event is, is said and the
question is handed off. The event asked without "after" is still answered. The questions
are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.mark.parametrize(
    ("question", "language", "now"),
    [
        ("And the conference following the one in Abidjan, when is it?", "en", "2020-03-01"),
        ("¿Y cuándo será la conferencia de después de la de Abidjan?", "es", "2020-03-01"),
        ("Le Roundup OGP Local d'après celui de novembre 2023, c'est quand ?", "fr", "2023-11-10"),
        ("Quan toca el Roundup d'OGP Local després del de novembre del 2023?", "ca", "2023-11-10"),
        ("Quando é o Roundup do OGP Local depois do de novembro de 2023?", "pt", "2023-11-10"),
    ],
)
def test_the_event_it_comes_after_is_no_answer(
    assistant: Assistant, question: str, language: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "language", "now", "record"),
    [
        ("When is the Abidjan conference?", "en", "2020-03-01", "conference-20-abidjan-2020"),
        (
            "¿Cuándo es el Roundup de OGP Local de noviembre de 2023?",
            "es",
            "2023-11-10",
            "ogp-local-roundup-2023-11",
        ),
    ],
)
def test_the_event_itself_is_still_answered(
    assistant: Assistant, question: str, language: str, now: str, record: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now), lang=language)
    assert not answer.handoff
    assert answer.sources == [record]
