"""Requests no record answers, told by words near each other, in the five languages: a
contact asked of a person or of the members, a member's trip paid for, the members as they
are now, who speaks at an event ("qui intervient ?": no record names speakers). Each is
handed off, never answered with a record sharing one of its words; the
near misses (who may join, the network's own channel, the crowdfunding that would pay the
Distinction's trips) are still answered."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Answer, Assistant

NOW = dt.date(2021, 3, 15)


def _handed_off_bare(answer: Answer) -> None:
    """Handed off, and no record cited beside the handoff: no invented half-answer."""
    assert answer.handoff
    assert not answer.sources


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    "question",
    [
        "could you send me the emails of every member city? we want to invite them",
        "¿tenéis los correos de contacto de los miembros de la red?",
        "pouvez-vous me transmettre les courriels des membres du réseau ?",
        "what is the email address of the IOPD presidency?",
        "¿cuál es el correo de la presidencia del OIDP?",
        "quel est le courriel de la présidence de l'OIDP ?",
        "quin és el correu de la presidència de l'OIDP?",
    ],
)
def test_a_contact_of_a_person_or_of_the_members_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    _handed_off_bare(assistant.answer(question, now=NOW))


@pytest.mark.parametrize(
    "question",
    [
        "does the IOPD pay the trips of our delegates to the conference?",
        "¿el OIDP cubre los viajes de los concejales?",
        "est-ce que l'OIDP paie les voyages de nos élus ?",
        "l'OIDP paga els viatges dels representants?",
        "a rede custeia as passagens dos vereadores?",
    ],
)
def test_a_trip_paid_for_is_handed_off(assistant: Assistant, question: str) -> None:
    _handed_off_bare(assistant.answer(question, now=NOW))


@pytest.mark.parametrize(
    "question",
    [
        "which cities are currently members of the IOPD?",
        "¿qué ayuntamientos son hoy miembros del OIDP?",
        "quelles villes sont actuellement membres de l'OIDP ?",
        "quines ciutats són avui membres de l'OIDP?",
        "quais cidades são hoje membros do OIDP?",
        "quines entitats són ara membres de l'OIDP?",
    ],
)
def test_the_members_as_they_are_now_are_handed_off(assistant: Assistant, question: str) -> None:
    _handed_off_bare(assistant.answer(question, now=NOW))


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("which governments can be members of the IOPD?", "iopd-membership"),
        ("quins governs poden ser membres de l'OIDP?", "iopd-membership"),
        ("quelles organisations peuvent devenir membres de l'OIDP ?", "iopd-membership"),
        ("what's the IOPD's email address?", "faq-contacts"),
        ("¿Cuál es el correo del OIDP?", "faq-contacts"),
        ("¿Qué cubriría el crowdfunding? ¿los viajes?", "iopd-funding"),
    ],
)
def test_who_may_join_the_channel_and_the_crowdfunding_are_still_answered(
    assistant: Assistant, question: str, source: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert source in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "qui intervient au séminaire 1 de l'OIDP ?",
        "¿quién interviene en el seminario 2 del OIDP?",
        "qui intervé al seminari 1 de l'OIDP?",
        "quem intervém no seminário 1 do OIDP?",
    ],
)
def test_who_speaks_at_an_event_is_handed_off(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question, now=dt.date(2020, 2, 10)).handoff


def test_who_organises_an_event_is_still_answered(assistant: Assistant) -> None:
    answer = assistant.answer("qui organise le séminaire 1 de l'OIDP ?", now=dt.date(2020, 2, 10))
    assert not answer.handoff
    assert "iopd-seminar-1-2020" in answer.sources
