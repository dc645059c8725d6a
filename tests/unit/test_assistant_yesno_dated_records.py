"""Yes/no questions about a dated record (an event, an award edition): answered only where a
record settles them, and then with the record's own date and place (or the edition's year)
in a sentence of the asker's language; handed off where no record settles them. A work
plan's task settles what the plan includes, not that it was already done."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

CHICAGO = "pb-conference-chicago-2013"
SEVENTH = "iopd-distinction-7-2013"
BEFORE_CHICAGO = dt.date(2013, 2, 1)
AFTER_CHICAGO = dt.date(2013, 9, 1)
AFTER_SEVENTH = dt.date(2014, 3, 1)

MAY = {"en": "May", "es": "mayo", "fr": "mai", "ca": "maig", "pt": "maio"}


@pytest.mark.parametrize(
    ("question", "language"),
    [
        (
            "Did the technical secretariat present at the Chicago conference on participatory "
            "budgeting?",
            "en",
        ),
        (
            "¿La Secretaría Técnica representó al OIDP en la conferencia de presupuesto "
            "participativo de Chicago?",
            "es",
        ),
        (
            "Le Secrétariat technique a-t-il représenté l'OIDP à la conférence de Chicago sur "
            "le budget participatif ?",
            "fr",
        ),
        (
            "La Secretaria Tècnica va representar l'OIDP a la conferència de pressupost "
            "participatiu de Chicago?",
            "ca",
        ),
        (
            "O Secretariado Técnico representou o OIDP na conferência de orçamento "
            "participativo de Chicago?",
            "pt",
        ),
    ],
)
def test_a_yes_about_an_event_says_when_and_where_it_was(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=AFTER_CHICAGO)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == [CHICAGO]
    assert "Chicago" in answer.answer
    assert MAY[language] in answer.answer
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        (
            "Is the IOPD secretariat going to present at the Chicago participatory budgeting "
            "conference?",
            "en",
        ),
        (
            "O Secretariado Técnico vai apresentar na conferência de orçamento participativo "
            "de Chicago?",
            "pt",
        ),
    ],
)
def test_the_stated_sentence_comes_first_then_the_events_dates(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=BEFORE_CHICAGO)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == [CHICAGO]
    first, _, rest = answer.answer.partition(". ")
    assert "2013" not in first  # the record's own sentence: what the secretariat does there
    assert "Chicago" in rest and MAY[language] in rest and "2013" in rest


def test_an_event_still_to_come_is_not_said_to_be_past(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Will the secretariat present at the participatory budgeting conference in Chicago?",
        now=BEFORE_CHICAGO,
    )
    assert not answer.handoff
    assert answer.sources == [CHICAGO]
    assert "takes place on 3–5 May 2013 in Chicago" in answer.answer
    assert "past" not in answer.answer


def test_an_event_gone_by_is_said_to_be_past(assistant: Assistant) -> None:
    answer = assistant.answer(
        "did the technical secretariat represent the network at the Chicago PB conference?",
        now=AFTER_CHICAGO,
    )
    assert not answer.handoff
    assert answer.sources == [CHICAGO]
    assert "took place on 3–5 May 2013 in Chicago" in answer.answer
    assert "already past" in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "yes"),
    [
        ("Was the 7th Distinction held in 2013?", "en", "Yes."),
        ("the 7th Distinction was in 2013, right?", "en", "Yes."),
        ("¿La 7.ª Distinción fue en 2013?", "es", "Sí."),
        ("la 7.ª Distinción era la de 2013, ¿verdad?", "es", "Sí."),
        ("A 7.ª Distinção foi em 2013?", "pt", "Sim."),
        ("La 7a Distinció va ser el 2013?", "ca", "Sí."),
    ],
)
def test_a_yes_about_an_award_edition_states_its_year(
    assistant: Assistant, question: str, language: str, yes: str
) -> None:
    answer = assistant.answer(question, now=AFTER_SEVENTH)
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == [SEVENTH]
    assert answer.answer.startswith(yes)
    assert answer.answer.rstrip().endswith("(2013).")  # the edition's year, said


@pytest.mark.parametrize(
    ("question", "now", "language"),
    [
        ("Has the Chicago PB conference been cancelled?", BEFORE_CHICAGO, "en"),
        (
            "¿Se ha cancelado la conferencia de presupuesto participativo de Chicago?",
            BEFORE_CHICAGO,
            "es",
        ),
        (
            "La conférence de Chicago sur le budget participatif est-elle reportée ?",
            BEFORE_CHICAGO,
            "fr",
        ),
        (
            "La conferència de Chicago de pressupost participatiu es pot seguir en línia?",
            BEFORE_CHICAGO,
            "ca",
        ),
        (
            "A conferência de Chicago sobre orçamento participativo foi adiada?",
            BEFORE_CHICAGO,
            "pt",
        ),
        ("Was the 9th Distinction held in 2014?", AFTER_SEVENTH, "en"),
        ("La 9e Distinction a-t-elle eu lieu en 2014 ?", AFTER_SEVENTH, "fr"),
        ("Did the 7th Distinction have a cash prize?", AFTER_SEVENTH, "en"),
        ("A 7.ª Distinção deu prémios em dinheiro?", AFTER_SEVENTH, "pt"),
    ],
)
def test_what_no_record_settles_is_handed_off(
    assistant: Assistant, question: str, now: dt.date, language: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert answer.handoff
    assert answer.language == language
    assert not answer.answer.startswith(("Yes", "Sí", "Oui", "Sim", "No.", "Non.", "Não."))


AFTER_PLAN = dt.date(2014, 6, 30)
RENEWAL = "action-2013-uclg-agreement"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("has the secretariat already renewed the agreement with UCLG?", "en"),
        ("¿La Secretaría ya ha renovado el convenio con CGLU?", "es"),
        ("Le Secrétariat a-t-il déjà renouvelé la convention avec CGLU ?", "fr"),
        ("el Secretariat ja ha renovat el conveni amb la CGLU?", "ca"),
    ],
)
def test_a_plans_task_does_not_say_it_was_already_done(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=AFTER_PLAN)
    assert answer.handoff
    assert answer.language == language
    assert RENEWAL not in answer.sources


def test_a_plans_task_still_says_what_the_plan_includes(assistant: Assistant) -> None:
    answer = assistant.answer(
        "does the 2013 plan include renewing the agreement with UCLG?", now=AFTER_PLAN
    )
    assert not answer.handoff
    assert answer.sources == [RENEWAL]
    assert answer.answer.startswith("Yes. Renewal of the collaboration agreement with UCLG")
