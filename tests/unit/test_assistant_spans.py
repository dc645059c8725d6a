"""When a record ran over several years, the years it states answer "when"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.date(2019, 9, 9)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("In what years did the Local Observatories project take place?", "en"),
        ("¿en qué años se desarrolló el proyecto de Observatorios Locales?", "es"),
        ("quand le projet des observatoires locaux a-t-il eu lieu ?", "fr"),
        ("quan es va fer el projecte d'Observatoris Locals?", "ca"),
    ],
)
def test_a_project_span_is_said_in_the_askers_language(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == ["project-local-observatories"]
    assert "2004" in answer.answer and "2007" in answer.answer


def test_the_years_of_a_project_do_not_date_the_group_named_after_it(
    assistant: Assistant,
) -> None:
    answer = assistant.answer("when did the local observatories working group start?", now=NOW)
    assert answer.handoff or "project-local-observatories" not in answer.sources
