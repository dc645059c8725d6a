"""A question written inside an e-mail or a chat message: the seasonal wish or the letter's
salutation opening it ("Feliz Natal!", "Benvolguts:", "Dear Secretariat,") and a question
announced with what it is for ("quick one before I book my hotel:", "una pregunta per a la
nota de premsa:") are the message around the question, never what is asked; a question
whose topic is the holiday itself, or whose own words the records do not hold, is still
handed off."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CONFERENCE = "conference-13-cascais-2013"
WINTER = "2013-01-10"
SPRING = "2013-04-22"
SUMMER = "2013-06-28"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "now", "fact"),
    [
        ("Happy new year to all! Where is the 13th IOPD conference?", WINTER, "Cascais"),
        ("Merry Christmas! Which city hosts the 13th IOPD conference?", WINTER, "Cascais"),
        ("¡Feliz año nuevo! ¿Dónde se celebra la 13.ª conferencia del OIDP?", WINTER, "Cascais"),
        ("Felices fiestas. ¿En qué ciudad es la 13.ª conferencia del OIDP?", WINTER, "Cascais"),
        ("Bonne année ! Quelle ville accueille la 13e conférence de l'OIDP ?", WINTER, "Cascais"),
        ("Joyeuses fêtes ! Où se tient la 13e conférence de l'OIDP ?", WINTER, "Cascais"),
        ("Bon Nadal! On es fa la 13a conferència de l'OIDP?", WINTER, "Cascais"),
        ("Bones festes! A quina ciutat és la 13a conferència de l'OIDP?", WINTER, "Cascais"),
        ("Feliz Natal! Onde é a 13.ª conferência do OIDP?", WINTER, "Cascais"),
        ("Boas festas! Em que cidade é a 13.ª conferência do OIDP?", WINTER, "Cascais"),
        ("Estimados: ¿quién organiza la 13.ª conferencia del OIDP?", SPRING, "Cascais"),
        ("Benvolguts: qui organitza la 13a conferència de l'OIDP?", SPRING, "Cascais"),
        ("Dear Secretariat, who organises the 13th IOPD conference?", SPRING, "Cascais"),
        ("Prezados, quem organiza a 13.ª conferência do OIDP?", SPRING, "Cascais"),
        (
            "quick one before I book my hotel: when does the 13th IOPD conference start?",
            SUMMER,
            "July",
        ),
        (
            "una pregunta antes de reservar hotel: ¿cuándo empieza la 13.ª conferencia del OIDP?",
            SUMMER,
            "julio",
        ),
        (
            "una pregunta per a la nota de premsa: quan comença la 13a conferència de l'OIDP?",
            SUMMER,
            "juliol",
        ),
        (
            "uma dúvida antes de marcar o hotel: quando começa a 13.ª conferência do OIDP?",
            SUMMER,
            "julho",
        ),
        (
            "une question pour le communiqué : quand commence la 13e conférence de l'OIDP ?",
            SUMMER,
            "juillet",
        ),
    ],
)
def test_the_message_around_the_question_is_no_topic(
    assistant: Assistant, question: str, now: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert CONFERENCE in answer.sources
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("Where is the IOPD's new year reception held?", WINTER),
        ("¿Dónde es la fiesta de Navidad del OIDP?", WINTER),
        ("Quand a lieu la fête de Noël de l'OIDP ?", WINTER),
        ("quick one before I book my hotel: which hotel should I choose?", SUMMER),
        ("the question of the fee: is there one?", SUMMER),
        ("Feliz Natal! Qual é o preço do hotel em Cascais?", WINTER),
    ],
)
def test_a_question_of_the_holiday_or_the_plans_is_still_handed_off(
    assistant: Assistant, question: str, now: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
