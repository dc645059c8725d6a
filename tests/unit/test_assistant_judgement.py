"""A superlative asks a ranking ("the best city for participatory budgeting"), which no
record gives: it is handed off, never answered from a record sharing its everyday words;
a kind's own name ("the best practice award") and a manner ("the best way to join") are
still answered."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read

NOW = dt.date(2020, 3, 1)


@pytest.mark.parametrize(
    "question",
    [
        "Which is the best city to live in for participatory budgeting?",
        "¿Cuál es la mejor ciudad para hacer presupuestos participativos?",
        "Quelle est la meilleure ville pour le budget participatif ?",
        "Quina és la millor ciutat per als pressupostos participatius?",
        "Qual é a melhor cidade para melhorar a participação?",
        "Qual é o melhor município da rede?",
    ],
)
def test_a_ranking_asked_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.sources == []


def test_a_kind_name_is_still_answered(assistant: Assistant) -> None:
    answer = assistant.answer("When does the call for the best practice award 2020 open?", now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == ["iopd-award-2020"]


@pytest.mark.parametrize(
    "question",
    ["What is the best way to join the IOPD?", "¿Cuál es la mejor manera de unirse?"],
)
def test_a_manner_is_no_ranking(assistant: Assistant, question: str) -> None:
    assert not read(question, assistant.vocabulary, NOW).out_of_scope
