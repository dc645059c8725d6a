"""Yes/no answered from what a record is or when it is: one of a kind or of a whole it is
part of, its dates against the period asked, its years against the year asked. Anything the
record does not account for is still handed off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
BEFORE_CASCAIS = dt.date(2013, 3, 1)
TODAY_2020 = dt.date(2020, 1, 1)


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("question", "language", "opening", "source"),
    [
        (
            "Is access to information one of the Open Gov Challenge areas?",
            "en",
            "Yes.",
            "ogp-challenge-access-to-information",
        ),
        (
            "¿El acceso a la información es una de las áreas del Open Gov Challenge?",
            "es",
            "Sí.",
            "ogp-challenge-access-to-information",
        ),
        (
            "Is gender perspective one of the thematic priorities?",
            "en",
            "Yes.",
            "thematic-gender",
        ),
        (
            "És la perspectiva de gènere una de les prioritats temàtiques?",
            "ca",
            "Sí.",
            "thematic-gender",
        ),
    ],
)
def test_a_record_of_the_kind_or_whole_asked_answers_yes(
    assistant: Assistant, question: str, language: str, opening: str, source: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 5, 1))
    assert not answer.handoff
    assert answer.language == language
    assert answer.answer.startswith(opening)
    assert source in answer.sources


def test_a_part_no_record_names_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Is housing one of the Open Gov Challenge areas?", now=dt.date(2024, 5, 1)
    )
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "now", "opening", "fact"),
    [
        ("Is the 13th conference in Cascais this autumn?", BEFORE_CASCAIS, "No.", "July"),
        ("A 13.ª conferência de Cascais é em julho?", BEFORE_CASCAIS, "Sim.", "julho"),
        (
            "is the Iberian participatory budgeting meeting this summer?",
            dt.date(2020, 6, 20),
            "No.",
            "October",
        ),
        ("Is the call for the 2020 award open in March?", dt.date(2020, 1, 10), "No.", "February"),
        ("Is the 2020 award call in February?", dt.date(2020, 1, 10), "Yes.", "February"),
    ],
)
def test_a_dated_record_and_a_period_answer_by_its_dates(
    assistant: Assistant, question: str, now: dt.date, opening: str, fact: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "opening", "fact"),
    [
        ("was the local observatories project still running in 2009?", "No.", "2007"),
        ("was the local observatories project running in 2005?", "Yes.", "2007"),
        ("was the IOPD already working with UCLG back in 2008?", "Yes.", "2006"),
        ("did the IOPD collaborate with UCLG in 2004?", "No.", "2006"),
    ],
)
def test_the_years_a_record_states_answer_whether_it_held_in_a_year(
    assistant: Assistant, question: str, opening: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2017, 5, 22))
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is the Cascais conference free?",
        "Is the Cascais conference cancelled?",
        "Is the Cascais conference online?",
    ],
)
def test_what_no_record_states_is_still_handed_off(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question, now=BEFORE_CASCAIS).handoff


def test_asked_where_an_award_is_handed_off(assistant: Assistant) -> None:
    answer = assistant.answer("Which city won the 7th distinction?", now=dt.date(2014, 1, 1))
    assert answer.handoff


def test_an_answer_never_says_it_passes_the_question_on_unless_it_does(
    assistant: Assistant,
) -> None:
    answer = assistant.answer("events in Madrid", now=dt.date(2020, 3, 1))
    assert not answer.handoff
    assert "Madrid" in answer.answer
    assert assistant.tables.phrase("handoff", "en") not in answer.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("La 13a conferència es va fer a Rabat?", "No."),
        ("A 13.ª conferência foi em Rabat?", "Não."),
    ],
)
def test_a_record_named_wholly_asked_of_another_place_answers_no_with_its_own(
    assistant: Assistant, question: str, opening: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 1, 1))
    assert not answer.handoff
    assert answer.answer.startswith(opening)
    assert "Cascais" in answer.answer
    assert answer.sources == ["conference-13-cascais-2013"]


@pytest.mark.parametrize(
    "question",
    [
        "Which thematic priorities did the general assembly of 2020 choose?",
        "Quines prioritats temàtiques va triar l'assemblea general del 2020?",
    ],
)
def test_two_records_of_one_kind_are_both_named_not_the_events_of_the_year(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2020, 5, 1))
    assert not answer.handoff
    listed = {"thematic-gender", "thematic-climate-change"}
    assert set(answer.sources) - listed <= {"general-assembly-2020", "work-plan-2020"}
    assert listed <= set(answer.sources)  # the assembly named and the plan state them too
    assert answer.answer.count("•") == 2


def test_the_edition_held_in_the_period_said_wins_a_tie(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Did the secretariat go to the participatory budgeting conference in the United"
        " States last month?",
        now=dt.date(2013, 6, 2),
    )
    assert answer.sources == ["pb-conference-chicago-2013"]
    assert "Chicago" in answer.answer


@pytest.mark.parametrize(
    ("question", "language", "organiser"),
    [
        ("¿Quién organizó la conferencia de Cascais?", "es", "Cámara Municipal de Cascais"),
        ("Qui a organisé la conférence de Cascais ?", "fr", "Chambre municipale de Cascais"),
        ("Quem organizou a conferência de Cascais?", "pt", "Câmara Municipal de Cascais"),
    ],
)
def test_an_organiser_is_said_in_the_askers_language(
    assistant: Assistant, question: str, language: str, organiser: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2014, 1, 1))
    assert not answer.handoff
    assert answer.language == language
    assert organiser in answer.answer
    assert "Municipal Chamber" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Hello! Our city council is thinking of going to the conference in Cascais in July."
        " Which days?",
        "which days exactly?",
    ],
)
def test_a_question_naming_only_a_unit_of_time_is_no_record_holding_day(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 3, 1))
    assert "iopd-technical-secretariat" not in answer.sources


def test_asking_the_exact_day_of_an_undated_event_hands_off(assistant: Assistant) -> None:
    answer = assistant.answer("exact date the 15th conference begins?", now=dt.date(2014, 5, 1))
    assert answer.handoff
    assert answer.intent == "when"


@pytest.mark.parametrize(
    "question",
    [
        "What is the last step of the OGP action plan cycle?",
        "¿Cuál es el último paso del ciclo del plan de acción de OGP?",
    ],
)
def test_the_last_of_an_undated_record_named_is_within_it_not_an_event(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 6, 6))
    assert not answer.handoff
    assert answer.sources == ["ogp-local-action-plan-cycle"]


@pytest.mark.parametrize(
    ("now", "answered"), [(dt.date(2014, 6, 1), True), (dt.date(2019, 6, 1), False)]
)
def test_still_existing_is_said_only_of_a_record_of_the_askers_year(
    assistant: Assistant, now: dt.date, answered: bool
) -> None:
    answer = assistant.answer("Does the working group on new statutes still exist?", now=now)
    assert answer.handoff is not answered
    if answered:
        assert answer.answer.startswith("Yes.")
        assert answer.sources == ["working-group-new-statutes"]


def test_a_sentence_mentioning_another_record_states_nothing_about_it(
    assistant: Assistant,
) -> None:
    answer = assistant.answer("Is the IOPD technical secretariat in Madrid?", now=TODAY_2020)
    assert "conference-15-madrid" not in answer.sources  # its own place says no, or nothing
    assert answer.handoff or answer.answer.startswith("No. IOPD Technical Secretariat")


@pytest.mark.parametrize(
    "question",
    [
        "Can an OGP Local member have more than five commitments?",
        "¿Puede un miembro de OGP Local tener más de cinco compromisos?",
    ],
)
def test_a_limit_asked_is_answered_by_the_sentence_stating_it(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 1, 1))
    assert not answer.handoff
    assert answer.sources[0] == "ogp-local-commitments-limit"  # then records agreeing
    assert "5" in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Es obligatorio elegir un órgano de seguimiento independiente en OGP Local?", "es"),
        ("És obligatori escollir un òrgan de seguiment independent a OGP Local?", "ca"),
    ],
)
def test_whether_something_is_mandatory_is_stated_by_a_sentence_saying_must(
    assistant: Assistant, question: str, language: str
) -> None:
    answer = assistant.answer(question, now=dt.date(2024, 2, 2))
    assert not answer.handoff
    assert answer.language == language
    assert answer.sources == ["ogp-local-independent-monitoring"]


def test_mandatory_asked_of_what_no_sentence_requires_is_handed_off(
    assistant: Assistant,
) -> None:
    answer = assistant.answer(
        "Is it mandatory to attend the Cascais conference?", now=BEFORE_CASCAIS
    )
    assert answer.handoff


@pytest.mark.parametrize(
    ("question", "now", "opening"),
    [
        ("Is the 2020 award call already closed?", dt.date(2020, 6, 1), "Yes."),
        ("Is the 2020 award call already closed?", dt.date(2020, 1, 5), "No."),
        ("Is the Cascais conference over?", dt.date(2013, 9, 1), "Yes."),
        ("¿Ya ha pasado la conferencia de Cascais?", dt.date(2013, 9, 1), "Sí."),
        ("La conférence de Cascais est-elle déjà passée ?", BEFORE_CASCAIS, "Non."),
        ("A conferência de Cascais já passou?", dt.date(2013, 9, 1), "Sim."),
    ],
)
def test_whether_a_dated_record_is_over_is_answered_by_its_dates(
    assistant: Assistant, question: str, now: dt.date, opening: str
) -> None:
    answer = assistant.answer(question, now=now)
    assert not answer.handoff
    assert answer.answer.startswith(opening)
