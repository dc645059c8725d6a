"""A yes/no question that denies what it asks ("don't members pay?", "¿no hay cuota?") gets
the record's sentence without a bare "Yes." or "No.": either would say the opposite of what
it means to half of those who read it ("No. Members pay no fees" to "is it true they don't
pay?"). A tag ("..., isn't it?", "n'est-ce pas") or "or not" denies nothing: the question
keeps its plain yes or no."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.yesno import denies_itself

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2026, 3, 2)
OPENINGS = ("Yes.", "No.", "Sí.", "Oui.", "Non.", "Sim.", "Não.")


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is it true that members don't pay anything?", "en"),
        ("Isn't there a fee for members?", "en"),
        ("Can't cities join for free?", "en"),
        ("¿Los socios no tienen que abonar nada?", "es"),
        ("¿Nunca se ha cobrado una cuota?", "es"),
        ("Les membres ne versent rien ?", "fr"),
        ("N'y a-t-il aucune cotisation ?", "fr"),
        ("Els socis no han de pagar res?", "ca"),
        ("Os sócios não pagam nada?", "pt"),
        ("Nenhuma cidade paga para entrar?", "pt"),
    ],
)
def test_a_question_denying_what_it_asks_denies_itself(question: str, language: str) -> None:
    assert denies_itself(question, language)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Members pay a fee, don't they?", "en"),
        ("Do members pay a fee or not?", "en"),
        ("Hay que pagar una cuota, ¿no?", "es"),
        ("¿Hay que pagar una cuota o no?", "es"),
        ("Il faut payer une cotisation, n'est-ce pas ?", "fr"),
        ("Cal pagar una quota, oi?", "ca"),
        ("É preciso pagar uma quota, não é?", "pt"),
        ("Os membros pagam no Brasil?", "pt"),  # "no" is "in the" in Portuguese
        ("Do members have to pay a fee?", "en"),
    ],
)
def test_a_tag_or_a_plain_question_denies_nothing(question: str, language: str) -> None:
    assert not denies_itself(question, language)


@pytest.mark.parametrize(
    "question",
    [
        "¿Es verdad que los miembros no pagan cuota?",
        "Els membres no paguen cap quota?",
        "Os membros não pagam quota?",
    ],
)
def test_a_denying_question_gets_the_statement_without_yes_or_no(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    if answer.handoff:  # handing off is honest; a bare "No." would not be
        return
    assert "faq-membership-fee" in answer.sources
    assert not answer.answer.startswith(OPENINGS)


@pytest.mark.parametrize(
    "question", ["Do members have to pay a fee?", "¿Los miembros pagan cuota o no?"]
)
def test_a_plain_question_keeps_its_no(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.answer.startswith("No. ")
