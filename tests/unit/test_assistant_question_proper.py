"""The question proper after a clause about something else (:mod:`question_proper`): a
topic set aside ("Before we look at the award: ...?") or an "if"-clause of the asker's
plans ("If our workshop for the 2020 conference is chosen, where ...?") is read past, in
en, es, fr, ca and pt; conditionals asking something else, questions asking of the topic
set aside and "apart from X, what other ...?" are left as they are."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.question_proper import planned_place, set_aside

FEE = "faq-membership-fee"
SECRETARIAT = "iopd-technical-secretariat"
CONFERENCE_2020 = "conference-20-abidjan-2020"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "source"),
    [
        ("Before we look at the award: is there a membership fee for the IOPD?",
         "2026-05-04", FEE),
        ("Antes de hablar del premio: ¿dónde está la Secretaría Técnica del OIDP?",
         "2026-05-04", SECRETARIAT),
        ("Avant de parler du prix : où se trouve le Secrétariat technique de l'OIDP ?",
         "2026-05-04", SECRETARIAT),
        ("Abans de pensar en el premi: on és la Secretaria Tècnica de l'OIDP?",
         "2026-05-04", SECRETARIAT),
        ("Antes do prémio: onde fica a Secretaria Técnica do OIDP?", "2026-05-04", SECRETARIAT),
        ("If our workshop for the 2020 IOPD conference is chosen, where would we hold it?",
         "2020-03-02", CONFERENCE_2020),
        ("Si eligen nuestro taller para la Conferencia OIDP 2020, ¿dónde lo haríamos?",
         "2020-03-02", CONFERENCE_2020),
        ("Si notre atelier est choisi pour la Conférence OIDP 2020, où le ferons-nous ?",
         "2020-03-02", CONFERENCE_2020),
        ("Si ens trien el taller per a la Conferència OIDP 2020, on el farem?",
         "2020-03-02", CONFERENCE_2020),
        ("Se o nosso workshop for escolhido para a Conferência OIDP 2020, onde o faremos?",
         "2020-03-02", CONFERENCE_2020),
    ],
)  # fmt: skip
def test_question_proper_answered(
    assistant: Assistant, question: str, now: str, source: str
) -> None:
    found = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not found.handoff, found.answer
    assert source in found.sources


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("If our project wins, will the IOPD pay for our train tickets?", "2020-05-18"),
        ("Si ganamos, ¿nos pagará el OIDP el hotel?", "2020-05-18"),
        ("Si nous gagnons, l'OIDP paiera-t-il notre voyage ?", "2020-05-18"),
        ("Si guanyem, l'OIDP ens pagarà el viatge?", "2020-05-18"),
        ("Se ganharmos, o OIDP paga a nossa viagem?", "2020-05-18"),
        ("Before applying to the award, what are the requirements?", "2026-05-04"),
        ("If we go to the 2020 IOPD conference, where will we sleep?", "2020-03-02"),
    ],
)  # fmt: skip
def test_conditions_out_of_scope_stay_handed_off(
    assistant: Assistant, question: str, now: str
) -> None:
    assert assistant.answer(question, now=dt.date.fromisoformat(now)).handoff


def test_other_beside_set_aside_is_kept(assistant: Assistant) -> None:
    question = "apart from gender, what other thematic priorities does the 2020 plan have?"
    assert set_aside(question, assistant.vocabulary) is None


@pytest.mark.parametrize(
    ("question", "language", "asked"),
    [
        ("If our panel for the 2020 IOPD conference is accepted, when would we give it?", "en",
         "when is the 2020 IOPD conference?"),
        ("Si aceptan nuestro panel para la Conferencia OIDP 2020, ¿cuándo lo presentamos?",
         "es", "¿cuándo es la Conferencia OIDP 2020?"),
        ("Se aceitarem o nosso painel para a Conferência OIDP 2020, onde o apresentamos?",
         "pt", "onde é Conferência OIDP 2020?"),
    ],
)  # fmt: skip
def test_planned_place_asks_of_the_event(question: str, language: str, asked: str) -> None:
    assert planned_place(question, language) == asked


@pytest.mark.parametrize(
    "question",
    [
        "If our project wins, will you pay our trip?",
        "If we are a city, where is the secretariat and who runs the award?",
        "Where is the 2020 IOPD conference, if our session is accepted?",
        "Si ganamos el premio, ¿dónde está la secretaría?",
    ],
)
def test_planned_place_leaves_other_conditions(question: str) -> None:
    assert planned_place(question, "en") is None


def test_two_questions_still_answered_part_by_part(assistant: Assistant) -> None:
    found = assistant.answer(
        "Does it cost anything to become an IOPD member? And where is the Technical Secretariat?",
        now=dt.date(2026, 5, 4),
    )
    assert not found.handoff
    assert {FEE, SECRETARIAT} <= set(found.sources)
