"""Asked when a step of an award edition the question names by its year was ("in which
month of 2020 was the evaluation"): that past step's date answers, though no later edition
is known. Asked with no year, a past step may stand for the next edition, which is not
known, so it is still handed off; asked who won, a step's date is no answer. The questions
are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2020, 9, 1)


@pytest.mark.parametrize(
    ("question", "language", "fact"),
    [
        ("In which month of 2020 was the evaluation of the IOPD award?", "en", "April"),
        ("¿En qué mes de 2020 se hizo la evaluación del premio del OIDP?", "es", "abril"),
        ("En quel mois de 2020 était l'appel à candidatures du Prix de l'OIDP ?", "fr", "février"),
        ("Quan va ser la convocatòria del premi de l'OIDP del 2020?", "ca", "febrer"),
        ("Em que mês de 2020 foi a preparação do prémio do OIDP?", "pt", "janeiro"),
    ],
)
def test_a_past_step_of_the_year_said_answers(
    assistant: Assistant, question: str, language: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW, lang=language)
    assert not answer.handoff
    assert answer.sources == ["iopd-award-2020"]
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("When is the call for candidacies of the IOPD award?", "en"),
        ("Quem ganhou o prémio do OIDP de 2020?", "pt"),
    ],
)
def test_no_year_or_another_slot_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    assert assistant.answer(question, now=NOW, lang=language).handoff
