"""Quantities claimed or asked against a limit or a duration a record states (issue 22).

A record stating a bound ("up to 5 commitments", "como máximo 5", "au plus 5", "com a
màxim 5", "no máximo 5") answers a number claimed against it, in figures or in words, yes
when within it and no when beyond, with the bound; "what's the max?" with the bound; "how
long does it last?" with the duration it states: cited, in the asker's language. A bound
or a limit no record states, or asked of a thing no record bounds, is still handed off.
Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 6, 1)
LIMIT = "ogp-local-commitments-limit"
PERIOD = "ogp-local-action-plan-period"
NO = {"en": "No", "es": "No", "fr": "Non", "ca": "No", "pt": "Não"}
YES = {"en": "Yes", "es": "Sí", "fr": "Oui", "ca": "Sí", "pt": "Sim"}


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Can an OGP Local member have eight commitments open at the same time?", "en"),
        ("our town wants like 9 commitments in ogp local, is that ok?", "en"),
        ("¿Nuestro ayuntamiento puede tener siete compromisos a la vez en OGP Local?", "es"),
        ("los miembros de ogp local pueden tener mas de 5 compromisos ala vez?", "es"),
        ("Un membre OGP Local peut-il avoir sept engagements à la fois ?", "fr"),
        ("un membre d'OGP Local pot tenir set compromisos alhora?", "ca"),
        ("um membro do OGP Local pode ter sete compromissos ao mesmo tempo?", "pt"),
    ],
)
def test_a_number_beyond_the_bound_is_answered_no_with_the_bound(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert LIMIT in answer.sources
    assert answer.answer.startswith(NO[language])
    assert "5" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Can our city have three commitments at once in OGP Local?", "en"),
        ("nuestro ayuntamiento quiere tres compromisos en OGP Local, ¿se puede?", "es"),
        ("Un membre d'OGP Local peut-il avoir 4 engagements à la fois ?", "fr"),
        ("um membro do OGP Local pode ter 5 compromissos ao mesmo tempo?", "pt"),
    ],
)
def test_a_number_within_the_bound_is_answered_yes_with_the_bound(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert LIMIT in answer.sources
    assert answer.answer.startswith(YES[language])
    assert "5" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("is there a cap on how many commitments an OGP Local member can have at once?", "en"),
        ("max number of commitments in an OGP Local action plan at one time?", "en"),
        ("ogp local c combien d'engagements max en meme temps", "fr"),
        ("quin és el límit de compromisos a OGP Local?", "ca"),
        ("Is it true OGP Local members can hold up to 10 commitments at a time?", "en"),
    ],
)
def test_the_limit_asked_is_the_bound_stated(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert LIMIT in answer.sources
    assert "5" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Our OGP Local action plan started in 2023 - how long does the plan period last?", "en"),
        ("un plan de acción de OGP Local, ¿para cuántos años es?", "es"),
        ("quanto tempo dura um plano de ação do OGP Local?", "pt"),
    ],
)
def test_how_long_is_the_duration_stated(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert PERIOD in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "can an IOPD member have eight commitments?",  # no record bounds them
        "what is the maximum number of members of the IOPD?",  # no bound stated
        "¿cuál es el tope de participantes en la conferencia del OIDP?",
        "combien de membres au maximum peut avoir l'OIDP ?",
        "quants membres com a màxim pot tenir l'OIDP?",
        "quantos participantes no máximo na conferência do OIDP?",
        "Un plan d'action OGP Local dure-t-il deux ans ?",  # the term is no number of years
    ],
)
def test_a_bound_no_record_states_is_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff
