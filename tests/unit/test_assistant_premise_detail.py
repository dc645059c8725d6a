"""A wrong detail guessed about a record the question names: the person who suggested
something, a circle's members, a figure. The answer gives the record's own value and
says first that the guess differs, in the asker's language; a question whose guess is
all that names a record, or about a slot its record leaves unstated, is still handed off.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

HUB = "project-global-pb-hub"
CLIMATE = "ogp-circle-climate-action"
AGENDA = "ogp-circle-2030-agenda"
BOGOTA = "ogp-example-bogota-gender-parity"
MADRID = "conference-15-madrid"

DIFFERS = {
    "en": "Not ",
    "es": "No, ",
    "fr": "Non, pas ",
    "ca": "No, ",
    "pt": "Não, ",
}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "language", "source", "fact", "guess"),
    [
        (
            "Who makes up the OGP Local 2030 Agenda circle — Rosario and Mendoza?",
            "2024-03-03",
            "en",
            AGENDA,
            "São Paulo",
            "Rosario and Mendoza",
        ),
        (
            "¿Quiénes están en el círculo de acción climática de OGP Local? ¿Madrid y Lima?",
            "2025-03-03",
            "es",
            CLIMATE,
            "Escocia",
            "Madrid y Lima",
        ),
        (
            "Qui a proposé le Global PB Hub dans le plan de 2020 ? C'était Ernesto Ganuza ?",
            "2020-06-06",
            "fr",
            HUB,
            "Josh Lerner",
            "Ernesto Ganuza",
        ),
        (
            "¿Quién sugirió el Global PB Hub en el plan 2020, Ernesto Ganuza?",
            "2020-06-06",
            "es",
            HUB,
            "Josh Lerner",
            "Ernesto Ganuza",
        ),
        (
            "Quem propôs o Global PB Hub no plano de 2020? Ernesto Ganuza?",
            "2020-06-06",
            "pt",
            HUB,
            "Josh Lerner",
            "Ernesto Ganuza",
        ),
        (
            "A iniciativa Bogotá 70/30 de paridade no OGP Local, o que é?",
            "2024-06-06",
            "pt",
            BOGOTA,
            "50/50",
            "70/30",
        ),
        (
            "Qu'est-ce que l'initiative 70/30 de Bogotá pour la parité ?",
            "2024-06-06",
            "fr",
            BOGOTA,
            "50/50",
            "70/30",
        ),
        (
            "¿Qué es la iniciativa Bogotá 70/30 de paridad?",
            "2024-06-06",
            "es",
            BOGOTA,
            "50/50",
            "70/30",
        ),
        (
            "O círculo de ação climática do OGP Local é Lisboa e Madrid, não é?",
            "2024-06-06",
            "pt",
            CLIMATE,
            "Escócia",
            "Lisboa e Madrid",
        ),
        (
            "El cercle Agenda 2030 d'OGP Local el formen Lisboa i Quito?",
            "2024-06-06",
            "ca",
            AGENDA,
            "Córdoba",
            "Lisboa i Quito",
        ),
        (
            "Qui organitza la 15a conferència de l'OIDP? La Diputació de Lleida?",
            "2014-06-06",
            "ca",
            MADRID,
            "Madrid",
            "Lleida",
        ),
        (
            "Who runs the 15th IOPD Conference — the Valencia City Council?",
            "2014-06-06",
            "en",
            MADRID,
            "Madrid",
            "Valencia",
        ),
    ],
)
def test_a_wrong_guess_is_corrected_from_the_record(
    assistant: Assistant,
    question: str,
    now: str,
    language: str,
    source: str,
    fact: str,
    guess: str,
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.language == language
    assert source in answer.sources
    assert fact in answer.answer
    assert answer.answer.startswith(DIFFERS[language]), answer.answer
    assert guess in answer.answer.split(":")[0]


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("What is Quito's 60/40 gender parity initiative in OGP Local?", "2024-06-06"),
        ("A iniciativa Quito 70/30 de paridade no OGP Local, o que é?", "2024-06-06"),
        ("Who funds the Global PB Hub — is it the Ford Foundation?", "2024-06-06"),
        ("Who is in the OGP Local housing circle? Lima and Quito?", "2024-06-06"),
        ("Le cercle logement d'OGP Local, c'est Lima et Quito ?", "2024-06-06"),
        ("Who hosted the 30th IOPD conference — Barcelona?", "2024-06-06"),
        ("Qui va organitzar la 25a conferència de l'OIDP? Barcelona?", "2024-06-06"),
        ("¿Quién es el presidente del OIDP? ¿Ernesto Ganuza?", "2024-06-06"),
        ("What were the highlights of the OGP Local Roundup of December 2023?", "2025-01-01"),
    ],
)
def test_a_guess_naming_no_record_or_an_unstated_slot_is_handed_off(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "source", "fact"),
    [
        ("Who is in the OGP Local 2030 Agenda circle? São Paulo and Córdoba?", AGENDA, "Córdoba"),
        ("¿Qué es la iniciativa Bogotá 50/50 de paridad?", BOGOTA, "50/50"),
        ("Qui a suggéré le Global PB Hub dans le plan 2020 ? Josh Lerner ?", HUB, "Josh Lerner"),
    ],
)
def test_a_right_guess_is_not_said_to_differ(
    assistant: Assistant, question: str, source: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 6, 6))
    assert not answer.handoff, answer.answer
    assert source in answer.sources
    assert fact in answer.answer
    assert not any(answer.answer.startswith(d) for d in DIFFERS.values()), answer.answer
