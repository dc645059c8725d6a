"""Set-aside clauses in list questions ("not the X", "pas les X", "no las X", "não os X"):
their words neither choose the kind listed nor are required of the listed records, and
planned words in them ("projected", "en proyecto", "projetés", "en projecte", "planejados")
set the planned records aside, leaving those that exist."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

WINTER_2015 = dt.date(2015, 1, 20)
OPENED = {"office-latin-america-porto-alegre", "office-africa-dakar"}
PLANNED = {"office-northern-europe-planned", "office-north-america-planned", "office-asia-planned"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    """The assistant as the hub runs it (lingua tells the language of a short question)."""
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Tell me the regional offices of the network, not the projected ones.", "en"),
        ("Name the IOPD regional offices, except the offices still in planning.", "en"),
        ("Dime las oficinas regionales del OIDP, no las oficinas en proyecto.", "es"),
        ("¿Qué oficinas regionales hay en el OIDP, salvo las planeadas?", "es"),
        ("Quels bureaux régionaux a l'OIDP, sauf les bureaux projetés ?", "fr"),
        ("La liste des bureaux régionaux de l'OIDP, pas les bureaux en projet ?", "fr"),
        ("Les bureaux régionaux du réseau, hormis les prévus ?", "fr"),
        ("Digues-me les oficines regionals de l'OIDP, no les oficines en projecte.", "ca"),
        ("Quines oficines regionals hi ha, llevat de les projectades?", "ca"),
        ("Diga-me os escritórios regionais do OIDP, não os escritórios em projeto.", "pt"),
        ("Quais são os escritórios regionais do OIDP, exceto os planejados?", "pt"),
    ],
)
def test_planned_ones_set_aside_leave_the_opened_offices(
    assistant: Assistant, question: str, language: str
) -> None:
    """The planned offices, set aside by any planned word or phrase (the kind's word
    repeated in the clause or not), are not listed; the offices that opened are."""
    answer = assistant.answer(question, now=WINTER_2015)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert set(answer.sources) >= OPENED, answer.sources
    assert not set(answer.sources) & PLANNED, answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which working groups does the IOPD have, not the projects?", "en"),
        ("¿Qué grupos de trabajo tiene el OIDP, no los proyectos?", "es"),
        ("Quels groupes de travail a l'OIDP, pas les projets ?", "fr"),
        ("Quins grups de treball té l'OIDP, no els projectes?", "ca"),
        ("Que grupos de trabalho tem o OIDP, não os projetos?", "pt"),
    ],
)
def test_a_kind_set_aside_is_not_the_kind_listed(
    assistant: Assistant, question: str, language: str
) -> None:
    """A kind named only in the set-aside clause is not listed: the working groups are."""
    answer = assistant.answer(question, now=WINTER_2015)
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert any(s.startswith("working-group-") for s in answer.sources), answer.sources
    assert not any(s.startswith("project-") for s in answer.sources), answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Which regional offices does the IOPD have in Oceania, not the planned ones?", "en"),
        ("¿Qué oficinas regionales tiene el OIDP en Oceanía, no las previstas?", "es"),
        ("Quels bureaux régionaux l'OIDP a-t-il en Océanie, pas les prévus ?", "fr"),
        ("Quines oficines regionals té l'OIDP a Oceania, no les previstes?", "ca"),
    ],
)
def test_no_office_of_the_place_stays_a_handoff(
    assistant: Assistant, question: str, language: str
) -> None:
    """Setting the planned ones aside invents no office where the records name none."""
    answer = assistant.answer(question, now=WINTER_2015)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Qué oficinas regionales estaban previstas?", "es"),
        ("Quines oficines regionals estaven previstes?", "ca"),
    ],
)
def test_planned_offices_asked_for_are_still_listed(
    assistant: Assistant, question: str, language: str
) -> None:
    """Planned words not in a set-aside clause still ask for the planned offices."""
    answer = assistant.answer(question, now=WINTER_2015)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) & PLANNED, answer.sources
