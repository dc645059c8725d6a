"""Asked "what are the days of" an event ("quins són els dies del congrés"): a list
question word, but the days it is held are asked, its dates. An event dated by its year
alone has no days to give, so it is handed off; weeks or months asked of something are no
dates and stay as they were. The questions are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2013, 5, 1)


@pytest.mark.parametrize(
    ("question", "language", "record", "fact"),
    [
        (
            "What are the days of the UCLG congress in Rabat?",
            "en",
            "uclg-congress-rabat-2013",
            "October",
        ),
        (
            "Quels sont les jours du congrès de CGLU à Rabat ?",
            "fr",
            "uclg-congress-rabat-2013",
            "octobre",
        ),
        (
            "Quins són els dies del congrés de CGLU a Rabat?",
            "ca",
            "uclg-congress-rabat-2013",
            "octubre",
        ),
        (
            "¿Cuáles son los días de la conferencia del OIDP en Cascais?",
            "es",
            "conference-13-cascais-2013",
            "julio",
        ),
        (
            "Quais são os dias da conferência do OIDP em Cascais?",
            "pt",
            "conference-13-cascais-2013",
            "julho",
        ),
    ],
)
def test_the_days_of_an_event_are_its_dates(
    assistant: Assistant, question: str, language: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == [record]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What are the days of the Democracine festival?", "en"),
        ("Which weeks of the year does the secretariat close?", "en"),
    ],
)
def test_days_not_stated_are_handed_off(assistant: Assistant, question: str, language: str) -> None:
    assert assistant.answer(question, now=NOW, lang=language).handoff
