"""Asked how much money a body the records name has ("how much money has the Technical
Secretariat got?"), the membership records, which say only that membership has no fee, are
no answer: the question is handed off. Asked what membership costs, they answer. Questions
written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2021, 5, 3)
UNPRICED = [
    ("How much money has the Technical Secretariat got?", "en"),
    ("¿Cuánto dinero gestiona la Secretaría Técnica cada año?", "es"),
    ("Quants diners té la Secretaria Tècnica?", "ca"),
    ("Combien d'argent le Secrétariat technique a-t-il ?", "fr"),
    ("Quanto dinheiro tem a Secretaria Técnica?", "pt"),
]
MEMBERSHIP = [
    ("How much does it cost our council to become a member?", "en"),
    ("¿Cuánto paga un ayuntamiento por ser miembro?", "es"),
    ("Quant costa fer-se membre de la xarxa?", "ca"),
    ("Quanto custa a adesão para uma associação?", "pt"),
    ("Combien coûte l'adhésion au réseau pour une mairie ?", "fr"),
]


@pytest.mark.parametrize(("question", "language"), UNPRICED)
def test_money_of_a_named_body_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    assert assistant.answer(question, now=NOW, lang=language).handoff


@pytest.mark.parametrize(("question", "language"), MEMBERSHIP)
def test_membership_cost_is_still_answered(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert {"faq-membership-fee", "faq-how-to-join-the-iopd", "iopd-membership"} & set(
        answer.sources
    )
