"""Asked when and where at once ("when and where is it?", "quan i on"): an event whose
place the records do not state answers half; its date is said and the question is handed
off. An event with a place answers both. The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 3, 1)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When and where is the Democracine film festival happening?", "en"),
        ("¿Dónde y cuándo se hace el festival de cine Democracine?", "es"),
        ("Le festival Democracine, c'est quand et où ?", "fr"),
        ("El festival Democracine, quan i on es fa?", "ca"),
        ("Onde e quando decorre o festival de cinema Democracine?", "pt"),
    ],
)
def test_a_place_not_stated_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert answer.handoff
    assert answer.sources == ["democracine-festival-2-2013"]
    assert "2013" in answer.answer  # the year it has is still said


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When and where is the UCLG congress this year?", "en"),
        ("¿Cuándo y dónde es el congreso de CGLU en Marruecos?", "es"),
        ("When is the Democracine film festival?", "en"),
    ],
)
def test_a_date_and_place_stated_are_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    assert not assistant.answer(question, now=NOW, lang=language).handoff
