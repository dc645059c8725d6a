"""Asked whether a named kind of applicant may join the network or apply to the award, in
the five languages: where the record answering states that kind (or its category: a
university among research centres, a foundation among civil society organisations) the
answer stands and cites it; where it states who may join but not that kind (a firm, a
ministry, a school), or nothing of who may apply (the award's records), the question is
handed off, as is who may apply when no record says. Asked how a kind joins, or who may
join, it is answered as before. Sentences
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.applicant_kinds import eligibility_asked, kinds_named
from hub.core.assistant.text import normalise

NETWORK = {"faq-how-to-join-the-iopd", "iopd-membership"}
NOW = dt.date(2021, 5, 4)


@pytest.mark.parametrize(
    "question",
    [
        "Is it possible for a consultancy firm like ours? Can a firm become a member of the IOPD?",
        "could our political party join the observatory?",
        "are schools eligible for the best practice award?",
        "can a foundation from Porto apply for the IOPD award?",
        "¿Una consultora privada puede hacerse miembro del OIDP?",
        "¿Puede postularse al premio de buenas prácticas una fundación de Cali?",
        "Un ministère de l'intérieur peut-il rejoindre l'OIDP ?",
        "Une université de Liège pourrait-elle candidater au prix de l'OIDP ?",
        "Una escola de Vic pot fer-se membre de l'OIDP?",
        "Un ajuntament del Penedès pot presentar-se a la distinció de l'OIDP?",
        "Um ministério pode tornar-se membro do OIDP?",
        "Uma fundação de Braga pode concorrer ao prémio do OIDP?",
        "who can compete for the IOPD distinction?",
        "¿Quién puede optar al premio de buenas prácticas?",
        "Le prix de l'OIDP : quelles règles ? Un centre de recherche peut-il candidater ?",
    ],
)
def test_a_kind_no_record_admits_is_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("can a research institute join the IOPD?", "en"),
        ("could a regional government become a member of the network?", "en"),
        ("¿Puede una fundación de Medellín hacerse miembro del OIDP?", "es"),
        ("Un centre de recherche de Dakar peut-il devenir membre de l'OIDP ?", "fr"),
        ("Una fundació de Reus pot ser membre de l'OIDP?", "ca"),
        ("Uma universidade de Aveiro pode aderir ao OIDP?", "pt"),
    ],
)
def test_a_kind_the_membership_record_states_is_answered(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) & NETWORK, answer.sources
    assert answer.language == language


@pytest.mark.parametrize(
    "question",
    [
        "who may be a member of the IOPD?",
        "¿cómo puede una fundación unirse al OIDP?",
        "comment une mairie peut-elle devenir membre de l'OIDP ?",
        "com pot un ajuntament fer-se membre de l'OIDP?",
        "quem pode ser membro do OIDP?",
    ],
)
def test_who_may_join_and_how_a_kind_joins_stay_answered(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert set(answer.sources) & NETWORK, answer.sources


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("an NGO, not a town hall, could it join?", {"civil_society"}),
        ("une université, et non une mairie", {"research"}),
        ("el papel de las asociaciones", set()),
        ("uma empresa privada", {"business"}),
    ],
)
def test_kinds_named_leave_the_denied_and_the_owned(text: str, kinds: set[str]) -> None:
    assert kinds_named(normalise(text).split()) == kinds


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("is the prize open to universities?", True),
        ("o governo aberto a nível local", False),
        ("how can a company join?", False),
        ("pot una entitat fer-se membre?", True),
        ("our NGO wants to apply: when does the call open?", False),
    ],
)
def test_eligibility_is_asked_by_permission_and_a_joining_verb(text: str, asked: bool) -> None:
    assert (eligibility_asked(normalise(text).split()) is not None) is asked
