"""Lists of the records a dated document holds: the words saying the records are in it
("mentions", "recull", "refere") are no trait the records must hold; a kind said in the
plural ("groups") is the kind listed, not the document's ("plan"); and with a year said, a
word some of them hold ("continuity", "new") narrows them, one none holds is the asker's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
IN_2015 = dt.date(2015, 2, 1)
GROUPS = {
    "working-group-local-observatories",
    "working-group-role-of-associations",
    "working-group-new-statutes",
    "working-group-mdg-post-2015",
}
CONTINUED = {"working-group-local-observatories", "working-group-role-of-associations"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which working groups does the 2014-2015 work plan mention?", "en"),
        ("¿Qué grupos de trabajo recoge el plan 2014-2015?", "es"),
        ("Quels groupes de travail le plan 2014-2015 mentionne-t-il ?", "fr"),
        ("Quins grups de treball esmenta el pla 2014-2015?", "ca"),
        ("Quais grupos de trabalho inclui o plano 2014-2015?", "pt"),
    ],
)
def test_the_groups_a_plan_mentions(assistant: Assistant, question: str, language: str) -> None:
    answer = assistant.answer(question, now=IN_2015)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert set(answer.sources) >= GROUPS


@pytest.mark.parametrize(
    "question",
    [
        "Which working groups in 2014-2015 had their continuity discussed?",
        "¿De qué grupos de trabajo se debatía la continuidad en 2014-2015?",
    ],
)
def test_a_word_some_hold_narrows(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=IN_2015)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) & GROUPS == CONTINUED


@pytest.mark.parametrize(
    "question",
    [
        "Which working groups does the 2014-2015 plan mention on climate?",
        "Quels groupes de travail sur le climat le plan 2014-2015 mentionne-t-il ?",
    ],
)
def test_a_topic_none_holds_is_no_list(assistant: Assistant, question: str) -> None:
    """A topic no group holds: no list of every group."""
    answer = assistant.answer(question, now=IN_2015)
    assert not set(answer.sources) >= GROUPS, answer.answer
