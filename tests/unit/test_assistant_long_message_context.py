"""A question inside a longer message reads as it does alone (issue 22).

Members wrap what they ask in their own story: a remark in brackets about themselves, a
clause that only announces the question ("One question:", "Dubte concret:"), a wish said
after it ("we'd like to know whether we could take part"). None of these is what they
ask, and their words must not count against the records. Questions written for this
test, in words of their own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.message_parts import question_parts

PADDING = "Good morning to the whole channel, I hope the week is going well for everyone. "


@pytest.mark.parametrize(
    ("message", "remark"),
    [
        (
            PADDING + "Our mayor wants to attend the Iberian meeting "
            "(we live very near the border, so it matters a lot to us). Where is it held?",
            "we live very near the border",
        ),
        (
            "Buenas tardes a todo el equipo, escribo desde un pueblo pequeño. Nuestra concejala "
            "irá al encuentro ibérico (estamos muy cerca, así que nos viene genial). ¿Dónde es?",
            "estamos muy cerca",
        ),
        (
            "Bonjour à toutes et à tous, je vous écris depuis une petite mairie. Notre maire "
            "ira à la rencontre ibérique (nous sommes tout près, ça nous arrange). "
            "Où a-t-elle lieu ?",
            "nous sommes tout près",
        ),
        (
            "Bona tarda a tothom, us escric des d'un poble petit del Pirineu. La regidora anirà "
            "a la trobada ibèrica (som molt a prop i ens va molt bé). On es fa?",
            "som molt a prop",
        ),
        (
            "Boa tarde a todos, escrevo de uma pequena junta de freguesia. A nossa vereadora vai "
            "ao encontro ibérico (estamos muito perto, por isso interessa-nos). Onde é?",
            "estamos muito perto",
        ),
    ],
)
def test_a_bracketed_remark_is_context(assistant: Assistant, message: str, remark: str) -> None:
    focus, context = question_parts(message, assistant.vocabulary)
    assert remark not in focus
    assert remark in context


def test_a_bracket_naming_something_stays_in_the_question(assistant: Assistant) -> None:
    message = PADDING + "Where was the conference held that year (the one before Madrid hosted it)?"
    focus, _ = question_parts(message, assistant.vocabulary)
    assert "Madrid" in focus


@pytest.mark.parametrize(
    ("message", "lead"),
    [
        (PADDING + "One question: who organised the 15th IOPD conference?", "question"),
        (
            "Hola a todos, os escribo desde Murcia. Pregunta concreta: ¿quién organizaba la "
            "15.ª Conferencia del OIDP?",
            "Pregunta",
        ),
        (
            "Bonjour, je travaille dans une mairie près de Lyon. Question précise : qui "
            "organisait la 15e conférence de l'OIDP ?",
            "Question",
        ),
        (
            "Bon dia, sóc tècnic d'un ajuntament del Vallès. Dubte concret: qui organitzava la "
            "15a conferència de l'OIDP?",
            "Dubte",
        ),
        (
            "Olá, trabalho numa câmara municipal do Alentejo. Uma dúvida só: quem organizava a "
            "15.ª conferência do OIDP?",
            "dúvida",
        ),
    ],
)
def test_a_clause_announcing_the_question_is_no_topic(
    assistant: Assistant, message: str, lead: str
) -> None:
    focus, context = question_parts(message, assistant.vocabulary)
    assert lead not in focus
    assert lead in context


@pytest.mark.parametrize(
    ("message", "language"),
    [
        (PADDING + "Quick check, one question: who organised the 15th IOPD conference?", "en"),
        (
            "Hola a todos, os escribo desde el ayuntamiento de Murcia. Pregunta concreta: "
            "¿quién organizaba la 15.ª Conferencia del OIDP?",
            "es",
        ),
    ],
)
def test_announced_question_is_answered(assistant: Assistant, message: str, language: str) -> None:
    answer = assistant.answer(message, now=dt.date(2014, 3, 1), lang=language)
    assert not answer.handoff
    assert "conference-15-madrid" in answer.sources


def test_a_wish_after_the_question_is_not_asked(assistant: Assistant) -> None:
    message = (
        "Bon dia, som un ajuntament nou a la xarxa i llegim el pla de treball. Quines tasques "
        "té la prioritat B del pla de 2020? Volem saber si podem participar en alguna."
    )
    focus, _ = question_parts(message, assistant.vocabulary)
    assert "participar" not in focus
    assert "prioritat B" in focus
