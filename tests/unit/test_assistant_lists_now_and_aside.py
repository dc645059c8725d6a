"""List questions whose only words beyond the kind say "as it stands now" ("at the
moment", "actuellement", "neste momento") list the records that exist, not those planned;
list questions whose only narrowing words are set aside ("besides climate and gender")
list the kind's records of the time asked without those. Questions in words of their own,
in the five languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
OPENED = {"office-latin-america-porto-alegre", "office-africa-dakar"}
PLANNED = {"office-northern-europe-planned", "office-north-america-planned", "office-asia-planned"}
THEMES_2020 = {
    "thematic-climate-change",
    "thematic-gender",
    "thematic-youth-pb",
    "thematic-legal-frameworks",
    "thematic-sortition",
    "thematic-ict-innovation",
}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "question",
    [
        "Which regional offices does the IOPD have at the moment?",
        "¿Qué oficinas regionales tiene el OIDP actualmente?",
        "Quels bureaux régionaux l'OIDP a-t-il en ce moment ?",
        "Quines oficines regionals té l'OIDP ara mateix?",
        "Que escritórios regionais tem o OIDP neste momento?",
    ],
)
def test_offices_now_are_those_opened(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2015, 3, 4))
    assert not answer.handoff
    assert set(answer.sources) >= OPENED
    assert not PLANNED & set(answer.sources)
    assert "Dakar" in answer.answer and "Porto Alegre" in answer.answer


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "Besides climate and gender, what are this year's thematic priorities?",
            {"thematic-climate-change", "thematic-gender"},
        ),
        (
            "¿Cuáles son las prioridades temáticas de este año además del clima y el género?",
            {"thematic-climate-change", "thematic-gender"},
        ),
        (
            "À part le climat, quelles sont les priorités thématiques cette année ?",
            {"thematic-climate-change"},
        ),
        (
            "A part del gènere, quines són les prioritats temàtiques d'enguany?",
            {"thematic-gender"},
        ),
        (
            "Quais são as prioridades temáticas deste ano além do clima e do género?",
            {"thematic-climate-change", "thematic-gender"},
        ),
    ],
)
def test_priorities_besides_some_are_the_others(
    assistant: Assistant, question: str, aside: set[str]
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 4, 14))
    assert not answer.handoff
    assert THEMES_2020 - aside <= set(answer.sources)
    assert not aside & set(answer.sources)


@pytest.mark.parametrize(
    "question",
    [
        "What outside events does the secretariat go to this year?",
        "¿A qué eventos externos acude la Secretaría este año?",
        "Quels événements extérieurs le secrétariat suivra-t-il en 2013 ?",
        "Quins esdeveniments externs té previstos el secretariat enguany?",
    ],
)
def test_outside_events_are_the_record_known_so(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 4, 2))
    assert not answer.handoff
    assert "action-2013-external-activities" in answer.sources
    assert "Chicago" in answer.answer and "Rabat" in answer.answer


def test_outside_events_of_another_year_are_not_the_2013_task(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Which outside events will the secretariat take part in this year?", now=dt.date(2020, 2, 2)
    )
    assert "action-2013-external-activities" not in answer.sources


def test_outside_events_of_2020_are_the_other_networks_events_of_2020(
    assistant: Assistant,
) -> None:
    """The 2020 plan's agenda lists other networks' forums and congresses: asked for the
    outside events of 2020, those are listed (not the 2013 task known by that name)."""
    answer = assistant.answer(
        "Quels événements extérieurs figurent dans l'agenda 2020 ?", now=dt.date(2020, 2, 2)
    )
    assert not answer.handoff
    assert "action-2013-external-activities" not in answer.sources
    assert {"world-urban-forum-10-abu-dhabi-2020", "cemr-congress-2020"} <= set(answer.sources)
