"""Verbs saying a document holds something ("mentioned in", "recoge", "refere", "conté").

"Which working groups does the 2014-2015 plan mention / recoge / refere / conté?" asks the
plan's groups: the verb only says they are in the document, like "appear" and "figurer",
and no record is judged by whether it holds it. Catalan "recull" is left a word: it is also
the noun of a roundup ("el recull de novembre").
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

GROUPS = {
    "working-group-local-observatories",
    "working-group-role-of-associations",
    "working-group-new-statutes",
    "working-group-mdg-post-2015",
    "work-plan-2014-priority-7-working-groups",
}
PROJECTS = {"project-horizon-2020", "project-pilot-cities-metropolis"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("text", "day", "records"),
    [
        ("Which projects are mentioned in the 2020 work plan?", dt.date(2020, 3, 1), PROJECTS),
        ("¿Qué grupos de trabajo recoge el plan 2014-2015?", dt.date(2014, 9, 1), GROUPS),
        ("Quels groupes de travail contient le plan 2014-2015 ?", dt.date(2014, 9, 1), GROUPS),
        ("Que projetos refere o plano de trabalho 2020?", dt.date(2020, 3, 1), PROJECTS),
        ("Quins grups de treball conté el pla 2014-2015?", dt.date(2014, 9, 1), GROUPS),
        ("List the working groups contained in the 2014-2015 plan.", dt.date(2014, 9, 1), GROUPS),
    ],
)
def test_the_documents_records_are_listed(
    assistant: Assistant, text: str, day: dt.date, records: set[str]
) -> None:
    answer = assistant.answer(text, now=day)
    assert not answer.handoff
    assert records & set(answer.sources)


def test_a_document_verb_alone_names_nothing_to_answer(assistant: Assistant) -> None:
    assert assistant.answer("What does it contain?", now=dt.date(2020, 3, 1)).handoff
