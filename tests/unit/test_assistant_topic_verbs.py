"""Which record is about a topic, asked with a verb saying "is about" ("traite de", "trata
de", "tracta de", "trata da") and "entre" (between): the verb and the preposition name
nothing a record holds, and counted against every record they handed the question off. Near
miss: a topic no record holds ("dragon racing") is still handed off. Sentences written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 10, 2)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Qué ejemplo de OGP Local trata de la paridad entre mujeres y hombres?", "es"),
        ("Quel exemple OGP Local traite de la parité entre femmes et hommes ?", "fr"),
        ("Quin exemple d'OGP Local tracta de la paritat entre dones i homes?", "ca"),
        ("Que exemplo do OGP Local trata da paridade entre mulheres e homens?", "pt"),
    ],
)
def test_topic_verb_names_nothing(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert answer.sources == ["ogp-example-bogota-gender-parity"]


@pytest.mark.parametrize(
    "question",
    [
        "¿Qué ejemplo de OGP Local trata de las carreras de dragones?",
        "Quel exemple OGP Local traite des courses de dragons ?",
    ],
)
def test_topic_no_record_holds_is_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
