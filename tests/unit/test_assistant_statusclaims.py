"""A yes/no that checks a claimed status or figure against the record (issue 22).

"Is the Porto Alegre office already open?" claims a status relative to the asker's today:
the office's own opening date answers it, yes after it, no before it, with the date; within
the month the record names, or asked whether it is *still* open (which no date states), it
is handed off. "Did Madrid's lobby registry pass 600 lobbies?" claims a figure: only a record
writing that figure answers, and the answer carries the record's own figure; a figure the
record does not write ("900") is handed off rather than confirmed by the record's name.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

OFFICE = "office-latin-america-porto-alegre"
LOBBIES = "ogp-example-madrid-lobby-registry"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "month", "yes"),
    [
        ("Is the Porto Alegre office already open?", "en", "June", "Yes"),
        ("Has the Porto Alegre office opened yet?", "en", "June", "Yes"),
        ("¿La oficina de Porto Alegre ya está abierta?", "es", "junio", "Sí"),
        ("Le bureau de Porto Alegre est-il déjà ouvert ?", "fr", "juin", "Oui"),
        ("L'oficina de Porto Alegre ja és oberta?", "ca", "juny", "S"),
        ("O escritório de Porto Alegre já está aberto?", "pt", "junho", "Sim"),
    ],
)
def test_an_office_already_open_is_yes_with_its_date(
    assistant: Assistant, question: str, language: str, month: str, yes: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2012, 9, 14), lang=language)
    assert not answer.handoff
    assert answer.sources == [OFFICE]
    assert answer.answer.startswith(yes)
    assert month in answer.answer and "2012" in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "no"),
    [
        ("Is the Porto Alegre office already open?", "en", "No"),
        ("Is the Porto Alegre office open?", "en", "No"),
        ("¿La oficina de Porto Alegre ya está abierta?", "es", "No"),
        ("O escritório de Porto Alegre já está aberto?", "pt", "Não"),
    ],
)
def test_an_office_opening_after_the_askers_today_is_not_open_yet(
    assistant: Assistant, question: str, language: str, no: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2012, 3, 2), lang=language)
    assert not answer.handoff
    assert answer.sources == [OFFICE]
    assert answer.answer.startswith(no)
    assert "2012" in answer.answer


def test_within_the_month_it_opened_the_claim_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer("Is the Porto Alegre office already open?", now=dt.date(2012, 6, 14))
    assert answer.handoff
    assert "June 2012" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is the Porto Alegre office still open?", "en"),
        ("Is the Porto Alegre office open now?", "en"),
        ("¿La oficina de Porto Alegre sigue abierta todavía?", "es"),
        ("Is the Asia office already open?", "en"),
    ],
)
def test_a_status_no_date_states_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 9, 14), lang=language)
    assert answer.handoff
    assert not answer.answer.startswith(("Yes", "Sí", "No."))


@pytest.mark.parametrize(
    ("question", "language", "yes"),
    [
        ("did Madrid's lobby registry get over 600 lobbies?", "en", "Yes"),
        ("¿El registro de lobbies de Madrid llegó a más de 600 lobbies registrados?", "es", "Sí"),
        ("O registo de lóbis de Madrid passou de 600 lóbis?", "pt", "Sim"),
    ],
)
def test_a_figure_the_record_writes_is_confirmed_with_the_records_figure(
    assistant: Assistant, question: str, language: str, yes: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 2, 9), lang=language)
    assert not answer.handoff
    assert answer.sources == [LOBBIES]
    assert answer.answer.startswith(yes)
    assert "600+" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("did Madrid's lobby registry get over 900 lobbies?", "en"),
        ("¿El registro de lobbies de Madrid llegó a más de 1500 lobbies?", "es"),
        ("O registo de lóbis de Madrid passou de 700 lóbis?", "pt"),
    ],
)
def test_a_figure_the_record_does_not_write_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 2, 9), lang=language)
    assert answer.handoff
    assert "600" not in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "yes", "month"),
    [
        ("Is the Cascais conference in July?", "en", "Yes", "July"),
        ("La conferència de Cascais és al juliol?", "ca", "S", "juliol"),
        ("Is the Cascais conference in June?", "en", "No", "July"),
    ],
)
def test_a_month_claimed_is_answered_with_the_records_month(
    assistant: Assistant, question: str, language: str, yes: str, month: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 3, 1), lang=language)
    assert not answer.handoff
    assert answer.sources == ["conference-13-cascais-2013"]
    assert answer.answer.startswith(yes)
    assert month in answer.answer
