"""A list of a kind narrowed by a trait only some of its records' names state (offices
"planned", "previstas", "prévus"): the records so named, not the whole kind, and never the
ones the names set apart. Questions written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
PLANNED = {"office-asia-planned", "office-north-america-planned", "office-northern-europe-planned"}
OPENED = {"office-latin-america-porto-alegre", "office-africa-dakar"}
QUESTIONS = [
    ("Quines oficines regionals estaven previstes però no obertes?", "ca"),
    ("¿Qué oficinas regionales estaban previstas pero no abiertas?", "es"),
    ("Quais escritórios regionais estavam previstos?", "pt"),
]


@pytest.mark.parametrize(("question", "language"), QUESTIONS)
def test_planned_offices_are_listed_without_the_opened_ones(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2015, 3, 9), lang=language)
    assert not answer.handoff
    assert set(answer.sources) >= PLANNED
    assert not OPENED & set(answer.sources)


def test_the_whole_kind_is_listed_when_no_trait_is_said(assistant: Assistant) -> None:
    answer = assistant.answer("What regional offices does the IOPD have?", now=dt.date(2015, 3, 9))
    assert not answer.handoff
    assert set(answer.sources) >= PLANNED | OPENED
