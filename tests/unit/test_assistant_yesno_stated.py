"""A yes/no answer is only given when a record states it: every place, edition and year
the question names must be stated by the record cited; a place that is not the record's own
is a "no" with its own place when the question singles the record out, else a handoff; whether
a dated call is open is judged from its dates against the asker's today; whether an office
only planned has opened is answered by its record ("the documents do not say it opened"), and
handed off with it when asked of today, of a year, or by one who says it was planned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
EARLY_2020 = dt.date(2020, 1, 10)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "denial"),
    [
        ("Is the 20th conference in Dakar?", "en", "No."),
        ("¿La 20.ª conferencia es en Dakar?", "es", "No."),
        ("la 20a conferència és a Dakar?", "ca", "No."),
    ],
)
def test_a_place_not_its_own_is_a_no_with_the_place_it_states(
    assistant: Assistant, question: str, language: str, denial: str
) -> None:
    answer = assistant.answer(question, now=EARLY_2020)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(denial)
    assert "Abidjan" in answer.answer
    assert answer.sources == ["conference-20-abidjan-2020"]


@pytest.mark.parametrize(
    ("question", "language", "agreement"),
    [
        ("Is the 2020 conference in Abidjan?", "en", "Yes."),
        ("A 20.ª conferência é em Abidjan?", "pt", "Sim."),
    ],
)
def test_a_place_the_record_states_is_a_yes_with_the_fact(
    assistant: Assistant, question: str, language: str, agreement: str
) -> None:
    answer = assistant.answer(question, now=EARLY_2020)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(agreement)
    assert "Abidjan" in answer.answer and "2020" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Are the IOPD spring seminars in Coimbra?",
        "Els seminaris de primavera de l'OIDP seran a Girona?",
    ],
)
def test_a_place_no_record_states_is_handed_off_even_when_the_dates_match(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=EARLY_2020)
    assert answer.handoff
    assert not answer.answer.startswith(("Yes.", "Oui.", "Sí.", "Sim."))


@pytest.mark.parametrize(
    ("today", "opening"),
    [
        (dt.date(2020, 1, 10), "No."),  # not yet: it opens in April
        (dt.date(2020, 4, 15), "Yes."),
        (dt.date(2020, 6, 15), "No."),  # past: the date sentence says so
    ],
)
def test_whether_a_call_is_open_comes_from_its_dates_against_today(
    assistant: Assistant, today: dt.date, opening: str
) -> None:
    answer = assistant.answer(
        "is the call for sessions of the 2020 conference open yet?", now=today
    )
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert "April 2020" in answer.answer
    if today > dt.date(2020, 4, 30):
        assert "past" in answer.answer


def test_whether_a_call_is_open_in_spanish(assistant: Assistant) -> None:
    answer = assistant.answer(
        "¿está abierta la convocatoria de sesiones de la conferencia 2020?",
        now=dt.date(2020, 4, 20),
    )
    assert not answer.handoff
    assert answer.language == "es"
    assert answer.answer.startswith("Sí.")
    assert "abril" in answer.answer


def test_whether_a_planned_office_opened_is_its_records_answer(assistant: Assistant) -> None:
    answer = assistant.answer("Has the IOPD office in Asia opened?", now=dt.date(2017, 3, 1))
    assert not answer.handoff
    assert answer.sources == ["office-asia-planned"]
    assert "do not say it opened" in answer.answer
    assert not answer.answer.startswith(("Yes.", "No."))


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is the IOPD office in Asia open now?", "en"),
        ("Did the planned North America office ever actually open?", "en"),
        ("Le bureau de l'OIDP en Europe du Nord a-t-il ouvert en 2016 ?", "fr"),
    ],
)
def test_whether_a_planned_office_is_open_today_or_opened_in_a_year_is_handed_off(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2017, 3, 1))
    assert answer.handoff
    assert answer.language == language
    assert not answer.answer.startswith(("Yes.", "No.", "Oui.", "Non."))


@pytest.mark.parametrize(
    "question",
    [
        "Does the IOPD plan to open an office in Asia?",
        "L'OIDP prévoit-il d'ouvrir un bureau en Asie ?",
        "Is there an IOPD office in Asia?",
    ],
)
def test_a_planned_office_asked_whether_planned_or_there_is_answered(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 6, 1))
    assert not answer.handoff
    assert answer.sources == ["office-asia-planned"]
    assert "2014" in answer.answer


def test_open_in_a_name_asks_nothing_about_opening(assistant: Assistant) -> None:
    """ "Open Gov Challenge" is a name: no call's dates are sought."""
    answer = assistant.answer(
        "is justice one of the areas of the Open Gov Challenge?", now=dt.date(2025, 2, 2)
    )
    assert not answer.handoff
    assert answer.answer.startswith("Yes.")


@pytest.mark.parametrize(
    ("question", "language", "reply"),
    [
        ("has the 20th conference already happened?", "en", "No."),
        ("la 20a conferència ja ha passat?", "ca", "No."),
        ("¿ya se celebró la 20.ª conferencia?", "es", "No."),
    ],
)
def test_whether_an_event_is_over_comes_from_its_dates_not_its_name(
    assistant: Assistant, question: str, language: str, reply: str
) -> None:
    """Named wholly, the conference is no "yes" to whether it has happened: in January 2020
    the July 2020 conference is still to come."""
    answer = assistant.answer(question, now=EARLY_2020)
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(reply)
    assert "2020" in answer.answer


def test_what_the_dates_do_not_say_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Has the secretariat already confirmed attendance at the 20th conference?",
        now=EARLY_2020,
    )
    assert answer.handoff


def test_a_yes_without_a_date_does_not_say_it_is_passed_on(assistant: Assistant) -> None:
    answer = assistant.answer("¿la 15.ª conferencia es en Madrid?", now=EARLY_2020)
    assert not answer.handoff
    assert answer.answer.startswith("Sí.")
    assert "Madrid" in answer.answer
    assert "Secretaría Técnica del OIDP, que te responderá" not in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "reply"),
    [
        ("el OIDP ya colaboraba con CGLU en 2012?", "es", "Sí."),
        ("l'OIDP collaborait-il déjà avec CGLU en 2004 ?", "fr", "Non."),
        ("was the IOPD already working with UCLG in 2009?", "en", "Yes."),
    ],
)
def test_whether_a_relation_held_in_a_year_comes_from_the_record_stating_its_years(
    assistant: Assistant, question: str, language: str, reply: str
) -> None:
    """Of near-tied records (an agreement of the 2013 plan, the relation since 2006), the
    one that states its years answers whether it held in the year asked."""
    answer = assistant.answer(question, now=dt.date(2021, 2, 15))
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(reply)
    assert "2006" in answer.answer
