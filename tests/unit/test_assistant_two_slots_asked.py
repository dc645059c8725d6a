"""Questions asking two slots of one record, or of two linked records, joined by "and" and
a second question word (issue 22): "who hosts the secretariat and in which city?", "quand
et où ?", "què és i on es fa?", "o que é e em que tarefa aparece?". Each slot the records
state is answered in the asker's language and every record used is cited; a slot they do
not state is said to be missing, and the question is passed on with what is stated.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 12, 6)
SECRETARIAT = {"iopd-technical-secretariat"}
PLAN_2013 = {"work-plan-2013"}
PARTICIPATE = {"project-participate-oidp", "task-2020-22"}
ACADEMY = {"citizenship-academy-2020"}
SEMINAR = {"iopd-seminar-1-2020"}


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "sources", "facts"),
    [
        (
            "Who hosts the IOPD Technical Secretariat and in which city is it?",
            "en",
            SECRETARIAT,
            ("UCLG", "Barcelona"),
        ),
        (
            "Researchers here: who hosts the IOPD secretariat, and in which city is it based?",
            "en",
            SECRETARIAT,
            ("UCLG", "Barcelona"),
        ),
        (
            "When was the 2013 plan of the Technical Secretariat approved, and where?",
            "en",
            PLAN_2013,
            ("July", "Cascais"),
        ),
        (
            "¿Cuándo se aprobó el plan de trabajo 2013 y dónde?",
            "es",
            PLAN_2013,
            ("julio", "Cascais"),
        ),
        (
            "Quand le plan de travail 2013 a-t-il été approuvé et où ?",
            "fr",
            PLAN_2013,
            ("juillet", "Cascais"),
        ),
        (
            "Le plan de travail 2013, il a été approuvé quand et où ?",
            "fr",
            PLAN_2013,
            ("juillet", "Cascais"),
        ),
        ("Quan es va aprovar el pla de treball 2013 i on?", "ca", PLAN_2013, ("juliol", "Cascais")),
        (
            "Quando foi aprovado o plano de trabalho 2013 e onde?",
            "pt",
            PLAN_2013,
            ("julho", "Cascais"),
        ),
        (
            "What is the PARTICIPATE OIDP platform and in which task of the 2020 plan does it"
            " appear?",
            "en",
            {"project-participate-oidp"},
            ("platform", "22"),
        ),
        (
            "Qué es la plataforma PARTICIPATE OIDP y en qué tarea del plan 2020 está?",
            "es",
            PARTICIPATE,
            ("plataforma", "22"),
        ),
        (
            "Qu'est-ce que la plateforme PARTICIPATE OIDP et dans quelle tâche du plan 2020"
            " apparaît-elle ?",
            "fr",
            PARTICIPATE,
            ("plateforme", "22"),
        ),
        (
            "Què és la plataforma PARTICIPATE OIDP i en quina tasca del pla 2020 surt?",
            "ca",
            PARTICIPATE,
            ("plataforma", "22"),
        ),
        (
            "O que é a plataforma PARTICIPATE OIDP e em que tarefa do plano 2020 aparece?",
            "pt",
            PARTICIPATE,
            ("plataforma", "22"),
        ),
        (
            "What is the Citizenship Academy and where is it held?",
            "en",
            ACADEMY,
            ("October", "Cascais"),
        ),
        (
            "¿Qué es la Academia de Ciudadanía y dónde se celebra?",
            "es",
            ACADEMY,
            ("octubre", "Cascais"),
        ),
        (
            "Qu'est-ce que l'Académie de la citoyenneté et où se tient-elle ?",
            "fr",
            ACADEMY,
            ("octobre", "Cascais"),
        ),
        ("Què és l'Acadèmia de Ciutadania i on es fa?", "ca", ACADEMY, ("octubre", "Cascais")),
        (
            "O que é a Academia de Cidadania e onde se realiza?",
            "pt",
            ACADEMY,
            ("outubro", "Cascais"),
        ),
    ],
)
def test_both_slots_are_answered(
    assistant: Assistant, question: str, language: str, sources: set[str], facts: tuple[str, ...]
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert not answer.handoff
    assert sources <= set(answer.sources)
    for fact in facts:
        assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "organiser", "missing"),
    [
        ("Who organises IOPD seminar 1 and where is it?", "en", "IOPD", "do not say where"),
        ("¿Quién organiza el seminario 1 del OIDP y dónde es?", "es", "OIDP", "no dicen dónde"),
        (
            "Qui organise le séminaire 1 de l'OIDP et où a-t-il lieu ?",
            "fr",
            "OIDP",
            "ne disent pas où",
        ),
        ("Qui organitza el seminari 1 de l'OIDP i on es fa?", "ca", "OIDP", "no diuen on"),
        ("Quem organiza o seminário 1 do OIDP e onde é?", "pt", "OIDP", "não dizem onde"),
    ],
)
def test_a_slot_not_stated_is_said_and_passed_on(
    assistant: Assistant, question: str, language: str, organiser: str, missing: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.language == language
    assert answer.handoff
    assert set(answer.sources) >= SEMINAR
    assert organiser in answer.answer  # the slot stated is still said
    assert missing in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What is the relationship between the IOPD and UCLG?",
        "¿Dónde y cuándo es el seminario 1 del OIDP?",
    ],
)
def test_one_question_is_not_parted(assistant: Assistant, question: str) -> None:
    from hub.core.assistant.slot_pairs import split_slots

    assert split_slots(question, assistant.vocabulary) is None
