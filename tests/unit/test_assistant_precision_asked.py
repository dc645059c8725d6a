"""Precision asked beyond what the record holds (:mod:`hub.core.assistant.precision_asked`), in
the five languages: a deadline or the exact day of what is dated by its year, an address,
the exact place or "where exactly" within the very city the record gives, a detail of a
record listed without details. Each is answered with what the record says, that the finer
fact is not given, and handed off. The near misses (when it is, answered with its year; a
deadline answered with its month; when exactly, answered with its year; where it is, or
where exactly, answered with its city; what it is; an e-mail address) stay answered."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Answer, Assistant
from hub.core.assistant.precision_asked import address_asked

AWARD_CALL = dt.date(2020, 1, 10)
"""Before the 2020 award's call, dated February 2020 (a month, no day)."""
CASCAIS = dt.date(2013, 5, 1)
"""Before the Cascais conference (dated by its days, placed by its city)."""
PROJECTS = dt.date(2020, 4, 6)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


def _said_then_handed_off(answer: Answer, record: str, fact: str) -> None:
    """Handed off, the record cited and what it does say kept in the answer."""
    assert answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer


SEVENTH = dt.date(2013, 1, 10)
"""Before the 7th Distinction's call, dated 2013 (a year, no month, no day)."""


@pytest.mark.parametrize(
    "question",
    [
        "what is the deadline of the call for entries of the 7th Distinction?",
        "¿cuál es el plazo de la convocatoria de la 7.ª Distinción?",
        "quelle est la date limite de l'appel de la 7e Distinction ?",
        "quin és el termini de la convocatòria de la 7a Distinció?",
        "qual é o prazo da chamada da 7.ª Distinção?",
    ],
)
def test_a_deadline_of_a_step_dated_by_its_year_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=SEVENTH)
    _said_then_handed_off(answer, "iopd-distinction-7-2013", "2013")


@pytest.mark.parametrize(
    "question",
    [
        "when is the call for entries of the 7th Distinction?",
        "¿cuándo es la convocatoria de la 7.ª Distinción?",
        "quand a lieu l'appel de la 7e Distinction ?",
        "quan és la convocatòria de la 7a Distinció?",
        "quando é a chamada da 7.ª Distinção?",
    ],
)
def test_when_a_step_dated_by_its_year_is_is_still_answered(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=SEVENTH)
    assert not answer.handoff, answer.answer
    assert "iopd-distinction-7-2013" in answer.sources


@pytest.mark.parametrize(
    ("question", "month"),
    [
        ("what is the deadline to apply for the 2020 IOPD award?", "February"),
        ("¿cuál es la fecha límite de la convocatoria del premio OIDP 2020?", "febrero"),
        ("quelle est la date limite de l'appel du prix OIDP 2020 ?", "février"),
        ("quina és la data límit de la convocatòria del premi OIDP 2020?", "febrer"),
        ("qual é o prazo da candidatura ao prémio OIDP 2020?", "fevereiro"),
    ],
)
def test_a_deadline_of_a_step_dated_by_its_month_keeps_its_month(
    assistant: Assistant, question: str, month: str
) -> None:
    """A month answers a deadline, with the closing day said not given (the question sets
    keep it answered): unchanged."""
    answer = assistant.answer(question, now=AWARD_CALL)
    assert "iopd-award-2020" in answer.sources
    assert month in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "when is the UCLG retreat and campus in Barcelona?",
        "¿cuándo es el retiro y campus de CGLU en Barcelona?",
        "c'est quand, la retraite et campus de CGLU à Barcelone ?",
        "quan és el retir i campus de CGLU a Barcelona?",
        "quando é o retiro e campus da CGLU em Barcelona?",
    ],
)
def test_when_of_an_event_dated_by_its_year_is_still_answered(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 3, 10))
    assert not answer.handoff, answer.answer
    assert "uclg-retreat-campus-barcelona-2020" in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "when exactly is the UCLG retreat and campus in Barcelona?",
        "¿cuándo es exactamente el retiro y campus de CGLU en Barcelona?",
        "c'est quand exactement, la retraite et campus de CGLU à Barcelone ?",
        "quan és exactament el retir i campus de CGLU a Barcelona?",
        "quando é exatamente o retiro e campus da CGLU em Barcelona?",
    ],
)
def test_when_exactly_of_an_event_dated_by_its_year_says_the_year_and_hands_off(
    assistant: Assistant, question: str
) -> None:
    # "exactly" asks a finer date than the year the records give (date_no_finer): the
    # year is said, the record cited, and the day is the secretariat's to tell
    answer = assistant.answer(question, now=dt.date(2020, 3, 10))
    assert answer.handoff
    assert "2020" in answer.answer
    assert "uclg-retreat-campus-barcelona-2020" in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "where exactly in Cascais is the 13th conference held?",
        "¿dónde exactamente en Cascais es la 13.ª conferencia?",
        "où exactement à Cascais se tient la 13e conférence ?",
        "en quin lloc exacte de Cascais es fa la 13a conferència?",
        "onde exatamente em Cascais é a 13.ª conferência?",
    ],
)
def test_the_exact_place_of_an_event_placed_by_its_city_is_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=CASCAIS)
    _said_then_handed_off(answer, "conference-13-cascais-2013", "Cascais")


@pytest.mark.parametrize(
    "question",
    [
        "where is the 13th conference held?",
        "¿dónde es la 13.ª conferencia?",
        "où se tient la 13e conférence ?",
        "on es fa la 13a conferència?",
        "onde é a 13.ª conferência?",
        "where exactly is the 13th conference?",
        "¿dónde exactamente es la 13.ª conferencia?",
        "où se tient exactement la 13e conférence ?",
        "on es fa exactament la 13a conferència?",
        "onde é exatamente a 13.ª conferência?",
        "where exactly is the 13th conference, Cascais or Lisbon?",
    ],
)
def test_where_an_event_is_is_still_answered_with_its_city(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=CASCAIS)
    assert not answer.handoff, answer.answer
    assert "Cascais" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "what details are there on the Horizon 2020 project: partners, budget?",
        "¿qué detalles tiene el proyecto Horizonte 2020: socios, presupuesto?",
        "quels sont les partenaires et le budget du projet Horizon 2020 ?",
        "quins socis i quin pressupost té el projecte Horizon 2020?",
        "quais são os parceiros e o orçamento do projeto Horizonte 2020?",
    ],
)
def test_details_of_a_record_listed_without_details_are_handed_off(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=PROJECTS)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "what is the Horizon 2020 project?",
        "¿qué es el proyecto Horizonte 2020?",
        "c'est quoi le projet Horizon 2020 ?",
        "què és el projecte Horizon 2020?",
        "o que é o projeto Horizonte 2020?",
    ],
)
def test_what_a_record_listed_without_details_is_is_still_answered(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=PROJECTS)
    assert not answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("words", "language", "asked"),
    [
        ("what is the address of the office", "en", True),
        ("cual es la direccion exacta de la oficina", "es", True),
        ("quelle est l adresse du bureau", "fr", True),
        ("quina es l adreca de l oficina", "ca", True),
        ("qual e o endereco do escritorio", "pt", True),
        ("what is the email address of the office", "en", False),
        ("how do we address the mayor", "en", False),
        ("la direccion del oidp decide", "es", False),
        ("l adresse e mail du reseau", "fr", False),
        ("when exactly on monday does it start", "en", False),
        ("ou est exactement la conference", "fr", False),
        ("qual e o endereco do site", "pt", False),
    ],
)
def test_an_address_asked_and_its_near_misses(words: str, language: str, asked: bool) -> None:
    assert address_asked(words.split(), language) is asked
