"""Asked the dates of two records side by side ("when were Chicago and San Francisco?",
"which opened first, Dakar or Porto Alegre?"): each is named by a place of its own, both
are of one kind, and both dates answer. Two records that are not alike, or a place that
names several records with other dates, are still handed off. The questions are written
for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2014, 2, 1)
CONFERENCES = ["pb-conference-chicago-2013", "pb-conference-san-francisco-2014"]
OFFICES = ["office-africa-dakar", "office-latin-america-porto-alegre"]


@pytest.mark.parametrize(
    ("question", "language", "records", "facts"),
    [
        (
            "The PB conferences of San Francisco and Chicago: what dates did each have?",
            "en",
            CONFERENCES,
            ["May", "September"],
        ),
        (
            "¿En qué fechas fueron las conferencias de presupuesto participativo de Chicago y"
            " de San Francisco?",
            "es",
            CONFERENCES,
            ["mayo", "septiembre"],
        ),
        (
            "Quelle est la plus ancienne : la plateforme de Dakar ou le bureau de Porto"
            " Alegre ? Lequel a ouvert en premier ?",
            "fr",
            OFFICES,
            ["juin", "décembre"],
        ),
        (
            "Quan es van fer les conferències de pressupost participatiu de Chicago i San"
            " Francisco?",
            "ca",
            CONFERENCES,
            ["maig", "setembre"],
        ),
        (
            "Quando foram as conferências de orçamento participativo de São Francisco e de"
            " Chicago?",
            "pt",
            CONFERENCES,
            ["maio", "setembro"],
        ),
    ],
)
def test_both_dates_answer(
    assistant: Assistant, question: str, language: str, records: list[str], facts: list[str]
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert sorted(answer.sources) == records
    assert all(fact in answer.answer for fact in facts)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When was the Chicago conference and when is the Madrid one?", "en"),
        ("¿Cuándo fueron las reuniones de miembros de Porto Alegre y de Cascais?", "es"),
    ],
)
def test_records_not_alike_or_not_one_are_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    assert assistant.answer(question, now=NOW, lang=language).handoff
