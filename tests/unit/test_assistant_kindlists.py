"""A list of the records of one kind, asked in many ways, in the five languages: asked for
"what you have on record", what the network "has had" or "counts", or politely ("I would
be grateful for a list of...", "¿podrían indicarme...?"), the whole kind is listed from
its records and cited; a kind no record holds is handed off. Sentences written for this
test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

AWARDS = {"iopd-distinction-7-2013", "iopd-distinction-9", "iopd-award-2020"}
OFFICES = {"office-latin-america-porto-alegre", "office-africa-dakar"}
GROUPS = {"working-group-local-observatories", "working-group-new-statutes"}
CHANNELS = {"iopd-communication-channels"}
THEMATIC = {"thematic-climate-change", "thematic-gender"}
STRATEGIC = {"priority-a-communication", "priority-d-learning"}


@pytest.mark.parametrize(
    ("now", "question", "records", "fact"),
    [
        ("2026-12-05", "which award editions do you know of?", AWARDS, "2020"),
        ("2026-12-05", "Could you tell me which prizes the IOPD has had?", AWARDS, "2013"),
        ("2026-12-05", "¿Qué distinciones conocéis del OIDP?", AWARDS, "Distinción"),
        ("2026-12-05", "quins premis teniu registrats?", AWARDS, "Distinció"),
        ("2026-12-05", "Que edições do prémio conhecem?", AWARDS, "2020"),
        ("2026-12-05", "Quelles éditions du prix OIDP connaissez-vous ?", AWARDS, "2013"),
        ("2026-12-05", "what regional offices does the IOPD have?", OFFICES, "Dakar"),
        ("2026-12-05", "¿Qué oficinas regionales tiene el OIDP?", OFFICES, "Porto Alegre"),
        ("2026-12-05", "quines oficines regionals té l'OIDP?", OFFICES, "Dakar"),
        ("2026-12-05", "Que escritórios regionais tem o OIDP?", OFFICES, "Porto Alegre"),
        (
            "2026-12-05",
            "Bonjour, pourriez-vous me dire quels bureaux régionaux compte l'OIDP ?",
            OFFICES,
            "Dakar",
        ),
        (
            "2026-12-05",
            "I would be grateful for a list of the working groups you know of.",
            GROUPS,
            "statutes",
        ),
        (
            "2026-12-05",
            "pourriez-vous me dire quels groupes de travail vous connaissez ?",
            GROUPS,
            "statuts",
        ),
        (
            "2026-12-05",
            "¿podrían indicarme qué grupos de trabajo tiene registrados la red?",
            GROUPS,
            "estatutos",
        ),
        ("2020-03-01", "Which communication channels does the IOPD use?", CHANNELS, "newsletter"),
        ("2020-03-01", "quins canals de comunicació utilitza l'OIDP?", CHANNELS, "butlletí"),
        ("2020-03-01", "Quais canais de comunicação o OIDP usa?", CHANNELS, "newsletter"),
        (
            "2020-05-01",
            "Estimados, ¿podrían indicarme cuáles son las prioridades temáticas del plan 2020?",
            THEMATIC,
            "género",
        ),
        (
            "2020-05-01",
            "I'd be grateful for a list of the strategic priorities of the 2020 plan",
            STRATEGIC,
            "Communication",
        ),
    ],
)
def test_the_whole_kind_is_listed_however_it_is_asked_for(
    assistant: Assistant, now: str, question: str, records: set[str], fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert records <= set(answer.sources), answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "which podcasts do you have on record?",
        "¿Qué becas tenéis registradas?",
        "quelles franchises connaissez-vous ?",
        "quais hospitais o OIDP tem?",
        "quines beques teniu registrades?",
    ],
)
def test_a_kind_no_record_holds_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2026, 12, 5))
    assert answer.handoff, answer.answer
    assert not answer.sources
