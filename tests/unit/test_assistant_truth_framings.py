""" "Is it true that...?" frames a yes/no question; its words are not what is asked about.

"Is it true that", "¿es verdad que", "est-il vrai que", "és cert que", "é verdade que" only
say the member wants a claim checked: the claim after them is the question (still a yes/no
one), and no record is judged by whether it holds "true", "verdad" or "cert".
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

DAY = dt.date(2018, 1, 1)
FRAMES = {"true", "verdad", "cierto", "vrai", "veritat", "cert", "verdade", "certo", "correct"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "text",
    [
        "Is it true that the IOPD charges no membership fee?",
        "¿Es cierto que los miembros del OIDP no pagan cuota?",
        "Est-il vrai que l'OIDP collabore avec CGLU ?",
        "És cert que l'OIDP col·labora amb CGLU?",
        "É verdade que o OIDP colabora com a CGLU?",
        "Is it correct that the African platform opened in 2012?",
    ],
)
def test_the_frame_is_set_aside_and_the_question_stays_yes_no(
    assistant: Assistant, text: str
) -> None:
    reading = read(text, assistant.vocabulary, DAY)
    assert not FRAMES & set(reading.content)
    assert reading.polar


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("Is it true that the IOPD charges no membership fee?", "faq-membership-fee"),
        ("¿Es cierto que los miembros del OIDP no pagan cuota?", "faq-membership-fee"),
        ("És cert que l'OIDP col·labora amb CGLU?", "iopd-uclg-relation"),
    ],
)
def test_the_claim_is_checked_in_its_record(assistant: Assistant, text: str, record: str) -> None:
    answer = assistant.answer(text, now=DAY)
    assert not answer.handoff
    assert record in answer.sources


@pytest.mark.parametrize(
    "text",
    [
        "Is it true that the IOPD has an office in Tokyo?",
        "És veritat que l'OIDP té una oficina a Tòquio?",
        "Is it true that the IOPD pays for members' flights?",
        "¿Es verdad que el OIDP organiza un festival de cocina?",
    ],
)
def test_claims_no_record_states_are_handed_off(assistant: Assistant, text: str) -> None:
    assert assistant.answer(text, now=DAY).handoff
