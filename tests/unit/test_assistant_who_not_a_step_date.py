"""Asked who calls (or launches) an award, the answer is who, from the award's description
("the Technical Secretariat calls for entries"), never the date of its call step; asked who
won it, it is handed off; asked when its call is, its date is said. Questions written
for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.text import normalise

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 3, 10)
WHO_CALLS = [
    ("Who is calling for entries to the best practice distinction this year?", "en", "secretariat"),
    ("¿Quién convoca este año la distinción de buenas prácticas?", "es", "secretaria"),
    ("Qui convoca enguany la distinció de bones pràctiques?", "ca", "secretaria"),
    ("Qui lance l'appel de la distinction des bonnes pratiques cette année ?", "fr", "secretariat"),
    ("Quem convoca este ano a distinção de boas práticas?", "pt", "secretariado"),
]
WHEN_CALL = [
    ("When is the call for entries of this year's best practice distinction?", "en"),
    ("¿Cuándo es la convocatoria de la distinción de buenas prácticas de este año?", "es"),
]
WHO_WON = [
    ("Who won the best practice distinction this year?", "en"),
    ("Qui ha guanyat la distinció de bones pràctiques enguany?", "ca"),
]


@pytest.mark.parametrize(("question", "language", "who"), WHO_CALLS)
def test_who_calls_is_answered_by_who_not_by_a_date(
    assistant: Assistant, question: str, language: str, who: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    if not answer.handoff:
        assert who in normalise(answer.answer)


@pytest.mark.parametrize(("question", "language"), WHEN_CALL)
def test_when_the_call_is_still_answered_with_its_date(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert "2013" in answer.answer  # only the year is known: said, even when handed off


@pytest.mark.parametrize(("question", "language"), WHO_WON)
def test_who_won_is_still_handed_off(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert answer.handoff
