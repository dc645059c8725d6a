"""A list of a kind is all its records, never one of them: asked which records of a kind
there are (in the plural, "which offices", "¿qué oficinas tiene?"), one record found among
others that no word of the question sets apart is listed with them, or handed off. Asked
for those that exist ("actually", "ouverts", "que existem"), the planned ones are left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
IN_2015 = dt.date(2015, 3, 1)
OPENED = {"office-latin-america-porto-alegre", "office-africa-dakar"}
PLANNED = {
    "office-northern-europe-planned",
    "office-north-america-planned",
    "office-asia-planned",
}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which regional offices has the IOPD really opened?", "en"),
        ("¿Qué oficinas regionales tiene abiertas el OIDP?", "es"),
        ("Quels bureaux régionaux de l'OIDP sont vraiment ouverts ?", "fr"),
        ("Quines oficines regionals de l'OIDP estan obertes de debò?", "ca"),
        ("Quais escritórios regionais do OIDP existem realmente?", "pt"),
    ],
)
def test_the_offices_that_exist(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=IN_2015)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert set(answer.sources) >= OPENED
    assert not PLANNED & set(answer.sources)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What regional offices does the IOPD have?", "en"),
        ("¿Qué oficinas regionales tiene el OIDP?", "es"),
        ("Que escritórios regionais tem o OIDP?", "pt"),
    ],
)
def test_every_office_or_none(assistant: Assistant, question: str, language: str) -> None:
    """Never one office alone: all of them (the planned ones marked so)."""
    answer = assistant.answer(question, now=IN_2015)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) >= OPENED | PLANNED


@pytest.mark.parametrize(
    "question",
    [
        "Which regional office is in Dakar?",
        "¿Qué oficina regional abrió en Porto Alegre?",
        "Quel bureau régional l'OIDP a-t-il en Afrique ?",
    ],
)
def test_one_office_set_apart(assistant: Assistant, question: str) -> None:
    """An office the question sets apart by its place is the one answered."""
    answer = assistant.answer(question, now=IN_2015)
    assert not answer.handoff, answer.answer
    assert len(set(answer.sources) & (OPENED | PLANNED)) == 1
