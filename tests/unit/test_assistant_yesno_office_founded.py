"""Whether a regional office opened in a year or month is answered by the date its record
says it was set up: yes for that year, no with its date for another. An office record says
yes to nothing else it does not state (a workshop it ran): that is handed off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2016, 5, 2)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "opening", "source"),
    [
        ("La Plataforma africana del OIDP es va crear el 2013?", "No.", "office-africa-dakar"),
        ("Did the IOPD African Platform open in 2012?", "Yes.", "office-africa-dakar"),
        (
            "Le bureau régional de l'OIDP pour l'Amérique latine a-t-il ouvert en 2015 ?",
            "Non.",
            "office-latin-america-porto-alegre",
        ),
        (
            "L'oficina regional de l'OIDP per Amèrica Llatina es va crear el 2011?",
            "No.",
            "office-latin-america-porto-alegre",
        ),
        (
            "O escritório regional do OIDP para a América Latina abriu em 2012?",
            "Sim.",
            "office-latin-america-porto-alegre",
        ),
    ],
)
def test_the_year_an_office_opened_answers(
    assistant: Assistant, question: str, opening: str, source: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert answer.sources[:1] == [source]
    assert "2012" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Did the IOPD African Platform organise a training course in 2013?",
        "¿La Plataforma africana del OIDP publicó una guía en 2014?",
    ],
)
def test_an_office_says_no_yes_to_what_it_does_not_state(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.answer.startswith(("Yes.", "Sí.", "No."))
