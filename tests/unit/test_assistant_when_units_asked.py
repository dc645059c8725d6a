"""Asked when by the units of the date ("in what month and year did it open?"): the units
name the slot asked, not the record, so a record dated to the month answers as if asked
"when". A record that never happened is still handed off. The questions are written for
these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2015, 3, 1)


@pytest.mark.parametrize(
    ("question", "language", "record", "fact"),
    [
        (
            "In what month and year did the Dakar platform open?",
            "en",
            "office-africa-dakar",
            "December",
        ),
        (
            "Em que mês e ano abriu a plataforma africana de Dakar?",
            "pt",
            "office-africa-dakar",
            "dezembro",
        ),
        (
            "In which month and year was the new website launched?",
            "en",
            "website-launch-2012-07",
            "July",
        ),
        (
            "Em que mês e ano foi lançado o novo site do OIDP?",
            "pt",
            "website-launch-2012-07",
            "julho",
        ),
    ],
)
def test_the_units_asked_are_no_topic(
    assistant: Assistant, question: str, language: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == [record]
    assert fact in answer.answer
    assert answer.confidence >= 0.5


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("In which month and year did the Asia regional office open?", "en"),
        ("¿En qué mes y año abrió la oficina de Asia?", "es"),
        ("Em que mês e ano abriu o escritório regional da América do Norte?", "pt"),
    ],
)
def test_an_office_never_opened_is_still_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    assert assistant.answer(question, now=NOW, lang=language).handoff
