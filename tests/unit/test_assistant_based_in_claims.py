""" "Is X based in Y?" asks whether, not where: the place is the claim checked.

A question naming a place after "based", "located", "tiene su sede", "est basé" and no
question word ("where") asks yes or no. Read as "where", the place it names found that
place's own record and answered it ("is the secretariat based in Porto Alegre?" answered with
the Porto Alegre office): read as yes/no, the record of what is named says yes, or nothing
states it and the question is handed off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

DAY = dt.date(2018, 6, 6)
SECRETARIAT, DAKAR = "iopd-technical-secretariat", "office-africa-dakar"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("Is the IOPD Technical Secretariat located in Barcelona?", SECRETARIAT),
        ("¿La plataforma africana del OIDP tiene su sede en Dakar?", DAKAR),
        ("Le Secrétariat technique de l'OIDP est-il basé à Barcelone ?", SECRETARIAT),
        ("O Secretariado Técnico do OIDP está sediado em Barcelona?", SECRETARIAT),
    ],
)
def test_a_true_claim_is_a_yes(assistant: Assistant, text: str, record: str) -> None:
    reading = read(text, assistant.vocabulary, DAY)
    assert reading.qtype == "yesno"
    assert reading.polar
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert record in answer.sources


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Is the IOPD Technical Secretariat based in Dakar?", DAKAR),
        (
            "¿Tiene la Secretaría del OIDP su sede en Porto Alegre?",
            "office-latin-america-porto-alegre",
        ),
    ],
)
def test_the_claimed_place_does_not_answer_with_its_own_record(
    assistant: Assistant, text: str, wrong: str
) -> None:
    assert wrong not in assistant.answer(text, now=DAY).sources


def test_where_still_asks_where(assistant: Assistant) -> None:
    reading = read("Where is the African platform based?", assistant.vocabulary, DAY)
    assert reading.qtype == "where"
