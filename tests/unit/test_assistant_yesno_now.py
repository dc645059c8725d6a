"""Where a dated record stands at the asker's today (open, still to come, already over) is
stated by its dates: asked with "still", "now", "en ce moment", "encara", the yes or no comes
from them. An award's call asked with no year is this year's edition; none this year, and
the question is handed off. What no date states ("still free?", "still a member?") is
handed off as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "today", "opening", "fact"),
    [
        ("Is the UCLG congress in Rabat still to come?", dt.date(2013, 9, 1), "Yes.", "Rabat"),
        (
            "¿El congreso de CGLU en Rabat está todavía por venir?",
            dt.date(2013, 11, 1),
            "No.",
            "Rabat",
        ),
        ("Le congrès de CGLU à Rabat est-il encore futur ?", dt.date(2013, 5, 1), "Oui.", "2013"),
        ("O congresso da CGLU em Rabat ainda está pendente?", dt.date(2014, 5, 1), "Não.", "2013"),
        ("Is the 13th IOPD conference still ahead of us?", dt.date(2013, 8, 1), "No.", "Cascais"),
    ],
)
def test_whether_a_dated_event_is_still_to_come_comes_from_its_dates(
    assistant: Assistant, question: str, today: dt.date, opening: str, fact: str
) -> None:
    answer = assistant.answer(question, now=today)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "today", "opening"),
    [
        ("Is the call for the IOPD award 2020 still open?", dt.date(2026, 1, 1), "No."),
        ("¿Está abierta ahora la convocatoria del premio OIDP 2020?", dt.date(2020, 2, 10), "Sí."),
        ("A convocatória do prémio OIDP 2020 ainda está aberta?", dt.date(2020, 6, 10), "Não."),
        ("La convocatòria del premi de l'OIDP encara és oberta?", dt.date(2020, 6, 10), "No."),
        ("L'appel du prix de l'OIDP est-il ouvert en ce moment ?", dt.date(2020, 2, 10), "Oui."),
    ],
)
def test_whether_a_call_is_still_open_comes_from_its_dates(
    assistant: Assistant, question: str, today: dt.date, opening: str
) -> None:
    answer = assistant.answer(question, now=today)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert answer.sources == ["iopd-award-2020"]


def test_a_call_asked_with_no_year_is_this_years_none_and_handed_off(
    assistant: Assistant,
) -> None:
    answer = assistant.answer("Is the call for the award still open?", now=dt.date(2026, 6, 10))
    assert answer.handoff


@pytest.mark.parametrize(
    "question",
    [
        "Is the 13th IOPD conference still free?",
        "Is the 13th IOPD conference still online?",
        "Is Porto Alegre still a member?",
    ],
)
def test_what_no_date_states_is_still_handed_off(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question, now=dt.date(2013, 5, 1)).handoff


@pytest.mark.parametrize(
    ("question", "denial", "own"),
    [
        ("Is the Informed Cities forum in June in Paris?", "No.", "Berlin"),
        ("¿El foro Informed Cities de 2013 es en Roma?", "No.", "Berlín"),
        ("El fòrum Informed Cities de juny és a Viena?", "No.", "Berlín"),
        ("O fórum Informed Cities de junho é em Roma?", "Não.", "Berlim"),
        ("Is the 13th IOPD conference in Paris?", "No.", "Cascais"),
    ],
)
def test_a_city_no_record_is_in_asked_of_an_event_singled_out_is_a_no_with_its_own(
    assistant: Assistant, question: str, denial: str, own: str
) -> None:
    """A capitalised place after "in", "en", "a", "em" that no record knows is still a
    place: asked of an event its edition or period singles out, its own place answers."""
    answer = assistant.answer(question, now=dt.date(2013, 5, 1))
    assert not answer.handoff
    assert answer.answer.startswith(denial)
    assert own in answer.answer


def test_a_lowercase_word_after_in_is_no_place(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Is the 13th IOPD conference in hybrid format?", now=dt.date(2013, 5, 1)
    )
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("Est-ce que l'OIDP prévoit d'ouvrir un bureau en Asie ?", "office-asia-planned"),
        (
            "Does the IOPD intend to open an office in North America?",
            "office-north-america-planned",
        ),
        ("¿Quiere el OIDP abrir una oficina en Asia?", "office-asia-planned"),
        ("A OIDP planeja abrir um escritório na América do Norte?", "office-north-america-planned"),
    ],
)
def test_whether_an_office_is_planned_is_stated_by_the_office_of_that_region(
    assistant: Assistant, question: str, office: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 6, 1))
    assert not answer.handoff
    assert answer.sources == [office]


@pytest.mark.parametrize(
    "question",
    [
        "Does the IOPD plan to open an office in Japan?",
        "Does the IOPD plan to open a cafe in Asia?",
    ],
)
def test_a_plan_no_office_states_is_handed_off(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question, now=dt.date(2014, 6, 1)).handoff


@pytest.mark.parametrize(
    "question",
    [
        "Es farà alguna sessió sobre els Observatoris Locals a la 13a Conferència?",
        "Une session sur les Observatoires locaux se tiendra-t-elle à la 13e conférence ?",
        "Will a session on the Local Observatories be held at the 13th conference?",
    ],
)
def test_whether_something_will_be_held_is_stated_by_its_record(
    assistant: Assistant, question: str
) -> None:
    """ "Will it be held", "es farà", "se tiendra" ask whether it exists, as "is there"."""
    answer = assistant.answer(question, now=dt.date(2013, 5, 30))
    assert not answer.handoff
    assert answer.sources == ["local-observatories-session-cascais-2013"]


def test_a_session_no_record_holds_is_still_handed_off(assistant: Assistant) -> None:
    question = (
        "Es farà alguna sessió sobre el pressupost participatiu juvenil a la 13a Conferència?"
    )
    assert assistant.answer(question, now=dt.date(2013, 5, 30)).handoff


@pytest.mark.parametrize(
    "question",
    [
        "Will the World Urban Forum in February be held in Graz?",
        "Le Forum urbain mondial de février a-t-il lieu à Graz ?",
    ],
)
def test_a_place_no_record_knows_of_an_event_its_period_singles_out_is_a_no(
    assistant: Assistant, question: str
) -> None:
    """Moved from test_assistant_yesno_stated (where it was a handoff): the forum of that
    February is singled out by its period, and its record states where it is."""
    answer = assistant.answer(question, now=dt.date(2020, 1, 10))
    assert not answer.handoff
    assert answer.answer.startswith(("No.", "Non."))
    assert "Abu Dhabi" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "¿Un miembro de OGP Local puede tener siete compromisos al mismo tiempo?",
        "Un membre d'OGP Local pot tenir vuit compromisos al mateix temps?",
        "Can an OGP Local member have seven commitments simultaneously?",
    ],
)
def test_at_the_same_time_frames_a_count_the_limit_states(
    assistant: Assistant, question: str
) -> None:
    """ "Al mismo tiempo", "al mateix temps", "simultaneously" say "at once", which the
    limit's sentence says in its own words: the 5 it states answers."""
    answer = assistant.answer(question, now=dt.date(2024, 2, 8))
    assert not answer.handoff
    assert answer.sources[0] == "ogp-local-commitments-limit"
    assert "5" in answer.answer
