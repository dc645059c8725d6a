""" "In what month and year", "de qué año a qué año": one date slot asked in several words.

A question asking the month and the year of something (or from which year to which) asks
when; its words ("y año", "e ano", "i any") are the slot's, never a topic a record must hold.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

DAY = dt.date(2016, 1, 1)
DAKAR, PORTO_ALEGRE = "office-africa-dakar", "office-latin-america-porto-alegre"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("In what month and year did the African platform open?", DAKAR),
        ("¿En qué mes y año abrió la plataforma africana del OIDP?", DAKAR),
        ("En quel mois et quelle année a ouvert la plateforme africaine ?", DAKAR),
        ("En quin mes i any va obrir l'oficina regional per a Amèrica Llatina?", PORTO_ALEGRE),
        ("A plataforma africana do OIDP abriu em que mês e ano?", DAKAR),
        (
            "¿De qué año a qué año funcionó el proyecto de Observatorios Locales?",
            "project-local-observatories",
        ),
    ],
)
def test_month_and_year_ask_when(assistant: Assistant, text: str, record: str) -> None:
    reading = read(text, assistant.vocabulary, DAY)
    assert reading.qtype == "when"
    assert not {"ano", "any", "annee", "year"} & set(reading.content)
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert record in answer.sources


@pytest.mark.parametrize(
    "text",
    [
        "In what month and year did the IOPD open an office in Tokyo?",
        "¿En qué mes y año abrió el OIDP una oficina en Tokio?",
    ],
)
def test_a_record_nobody_holds_is_still_handed_off(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text, now=DAY).handoff
