"""Yes/no claiming a place or a date of one dated record, in words the record does not write:
"scheduled" ("planned for August?", "¿prevista en julio?") states nothing beyond the record's
own dates and place, and the network's numbered conference called a congress ("le 13e congrès
de l'OIDP") is that conference. Its own place or dates answer, "No" with them when they are
not the ones claimed, "Yes" when they are. A record of another body's member in a city (an
OGP Local example) says nothing of the network's own members there: handed off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "today", "opening", "source", "stated"),
    [
        (
            "La conférence 2020 de l'OIDP est-elle programmée en août ?",
            dt.date(2020, 3, 1),
            "Non.",
            "conference-20-abidjan-2020",
            "juillet",
        ),
        (
            "Is the 2020 IOPD conference scheduled for August?",
            dt.date(2020, 2, 1),
            "No.",
            "conference-20-abidjan-2020",
            "July",
        ),
        (
            "¿La conferencia 2020 del OIDP está prevista en julio?",
            dt.date(2020, 3, 1),
            "Sí.",
            "conference-20-abidjan-2020",
            "julio",
        ),
        (
            "A conferência 2020 do OIDP está prevista para agosto?",
            dt.date(2020, 4, 1),
            "Não.",
            "conference-20-abidjan-2020",
            "julho",
        ),
        (
            "Le 13e congrès de l'OIDP s'est-il tenu à Lisbonne ?",
            dt.date(2014, 3, 1),
            "Non.",
            "conference-13-cascais-2013",
            "Cascais",
        ),
        (
            "Was the 13th IOPD congress held in Cascais?",
            dt.date(2014, 3, 1),
            "Yes.",
            "conference-13-cascais-2013",
            "Cascais",
        ),
        (
            "O 13.º congresso do OIDP foi em Rabat?",
            dt.date(2015, 1, 1),
            "Não.",
            "conference-13-cascais-2013",
            "Cascais",
        ),
    ],
)
def test_a_claimed_place_or_date_is_answered_by_the_records_own(
    assistant: Assistant, question: str, today: dt.date, opening: str, source: str, stated: str
) -> None:
    answer = assistant.answer(question, now=today)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert answer.sources[:1] == [source]
    assert stated in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is Bogotá a member of the IOPD?",  # an OGP Local example, no IOPD membership
        "¿Bogotá es miembro del OIDP?",
        "Monterrey est-elle membre de l'OIDP ?",
        "Was the 13th UCLG congress in Lisbon?",  # not the network's conference
        "Is a workshop planned for August?",  # no one record named
        "Is the IOPD office in Asia planned for 2020?",  # a status, not a date
    ],
)
def test_what_no_record_states_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 3, 1))
    assert answer.handoff
