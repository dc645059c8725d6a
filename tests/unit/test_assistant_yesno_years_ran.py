"""Whether something named ran from one year to another is answered by the years its record
states (the Local Observatories, 2004 to 2007): yes for those years, no with them for others.
A record stating no years, or a question naming none of a record's name, is no answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
TODAY = dt.date(2015, 3, 3)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Did the Local Observatories project run from 2004 to 2007?", "Yes."),
        ("¿El proyecto de Observatorios Locales funcionó de 2005 a 2009?", "No."),
        ("Le projet des Observatoires locaux a-t-il duré de 2001 à 2003 ?", "Non."),
        ("O projeto dos Observatórios Locais decorreu de 2004 a 2007?", "Sim."),
    ],
)
def test_the_years_a_record_states_answer_a_range(
    assistant: Assistant, question: str, opening: str
) -> None:
    answer = assistant.answer(question, now=TODAY)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert answer.sources == ["project-local-observatories"]
    assert "2004" in answer.answer and "2007" in answer.answer


def test_a_range_asked_of_a_record_without_years_is_no_such_answer(
    assistant: Assistant,
) -> None:
    answer = assistant.answer("Did the newsletter run from 2010 to 2012?", now=TODAY)
    assert not answer.answer.startswith(("Yes.", "No."))
