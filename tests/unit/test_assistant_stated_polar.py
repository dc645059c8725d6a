"""A statement asked with "?" and no question word asks yes or no, even when a verb of
founding or a place word in it would read as "when" or "where"."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary_file import load_vocabulary

TODAY = dt.date(2020, 1, 1)


@pytest.mark.parametrize(
    "question",
    [
        "¿Barcelona fundó un consejo de la juventud?",
        "O conselho criado por Lisboa ainda funciona?",
        "Porto Alegre a fondé un observatoire local ?",
        "Girona va ser fundada pels romans, oi?",
        "The regional office was founded by Porto Alegre?",
        "¿El plan para la sede de la asamblea se presenta en Bogotá?",
    ],
)
def test_a_statement_asked_is_yes_or_no(question: str) -> None:
    reading = read(question, load_vocabulary(), TODAY)
    assert (reading.qtype, reading.polar) == ("yesno", True)


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("¿Sabes cuándo se fundó el OIDP?", "when"),
        ("Tu sais quand l'OIDP a été fondé ?", "when"),
        ("¿La sede de la conferencia 2020?", "where"),
        ("Could you tell me the date the IOPD was founded?", "when"),
    ],
)
def test_a_question_word_or_a_request_keeps_the_slot(question: str, qtype: str) -> None:
    assert read(question, load_vocabulary(), TODAY).qtype == qtype
