"""Questions offering the answers they hesitate between ask the slot, not yes or no.

"Is it in Lisbon or in Cascais?", "¿en junio o en julio?", "c'est au matin ou l'après-midi
?" and guesses after a question word ("where is it based, bcn?") offer candidates for the
slot asked: they are no words of the record asked about, and the answer is the slot, from
the record (which says which candidate is right), with no "Yes." or "No." before it. City
short names ("BCN") and cities in each language's own name resolve. An "or" offering no
candidates ("online or in person?", "which opened first, A or B?", "better in A or B?")
is read as it was.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.offered_answers import offered_answers

BEFORE_CASCAIS = dt.date(2013, 5, 10)
TODAY = dt.date(2026, 12, 6)
CASCAIS = "conference-13-cascais-2013"
SESSION = "members-session-cascais-2013"
SECRETARIAT = "iopd-technical-secretariat"
DAKAR = "office-africa-dakar"
OPENINGS = ("Yes", "No", "Sí", "Oui", "Non", "Sim", "Não")


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


def _answered(assistant: Assistant, text: str, now: dt.date, record: str, fact: str) -> None:
    answer = assistant.answer(text, now=now)
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer
    assert not answer.answer.startswith(OPENINGS), answer.answer


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("is the 13th IOPD conference going to be held in Lisbon or in Cascais?", "Cascais"),
        ("¿la 13.ª conferencia del OIDP será en Lisboa o en Cascais?", "Cascais"),
        ("la 13e conférence de l'OIDP aura lieu à Lisbonne ou à Cascais ?", "Cascais"),
        ("la 13a conferència de l'OIDP serà a Lisboa o a Cascais?", "Cascais"),
        ("a 13.ª conferência do OIDP vai ser em Lisboa ou em Cascais?", "Cascais"),
        ("is the 13th IOPD conference in june or in july?", "July"),
        ("¿la 13.ª conferencia del OIDP es en junio o en julio?", "julio"),
        ("la 13e conférence de l'OIDP, c'est en juin ou en juillet ?", "juillet"),
        ("la 13a conferència de l'OIDP és al juny o al juliol?", "juliol"),
        ("a 13.ª conferência do OIDP é em junho ou em julho?", "julho"),
    ],
)
def test_either_or_answers_where_or_when(assistant: Assistant, text: str, fact: str) -> None:
    _answered(assistant, text, BEFORE_CASCAIS, CASCAIS, fact)


@pytest.mark.parametrize(
    "text",
    [
        "is the members' session in Cascais in the morning or in the afternoon?",
        "la sessió interna de membres de Cascais és al matí o a la tarda?",
        "a sessão interna de membros de Cascais é de manhã ou à tarde?",
    ],
)
def test_parts_of_a_day_ask_the_time(assistant: Assistant, text: str) -> None:
    _answered(assistant, text, BEFORE_CASCAIS, SESSION, "16:00")


@pytest.mark.parametrize(
    ("text", "record", "fact"),
    [
        ("the IOPD African Platform, is it in Abidjan or Dakar?", DAKAR, "Dakar"),
        ("¿la plataforma africana del OIDP está en Rabat o en Dakar?", DAKAR, "Dakar"),
        ("le secrétariat technique est à Paris ou à Barcelone ?", SECRETARIAT, "Barcelon"),
        ("where is the African Platform of the IOPD, Abidjan?", DAKAR, "Dakar"),
        ("¿dónde está la plataforma africana del OIDP? ¿en Abiyán?", DAKAR, "Dakar"),
        ("où se trouve le secrétariat de l'OIDP ? à Lisbonne ?", SECRETARIAT, "Barcelone"),
        ("on és la secretaria tècnica de l'OIDP? a BCN?", SECRETARIAT, "Barcelona"),
        ("onde fica o secretariado técnico do OIDP, em Lisboa?", SECRETARIAT, "Barcelona"),
        ("where's the IOPD technical secretariat based, bcn?", SECRETARIAT, "Barcelona"),
    ],
)
def test_candidates_and_guesses_are_no_record_words(
    assistant: Assistant, text: str, record: str, fact: str
) -> None:
    _answered(assistant, text, TODAY, record, fact)


@pytest.mark.parametrize(
    "text",
    [
        "can a university join the IOPD, or is it only for local governments?",
        "¿puede una universidad unirse al OIDP, o es solo para gobiernos locales?",
    ],
)
def test_an_alternative_doubted_after_the_question_is_set_aside(
    assistant: Assistant, text: str
) -> None:
    answer = assistant.answer(text, now=TODAY)
    assert not answer.handoff
    assert "iopd-membership" in answer.sources


@pytest.mark.parametrize(
    "text",
    [
        "Is the 20th conference online or in person?",
        "Which opened first, the Porto Alegre office or the Dakar platform?",
        "honestly, is participatory budgeting better in Porto Alegre or in Barcelona?",
        "are there any IOPD events in Lisbon or in Porto next month?",
        "la sessió de l'any passat va ser a Porto Alegre, oi?",
    ],
)
def test_an_or_offering_no_candidates_is_read_as_it_was(assistant: Assistant, text: str) -> None:
    vocabulary = assistant.vocabulary
    places = assistant.retriever.place_words
    found = offered_answers(text, None, vocabulary, places)
    assert found is None or found.slot is None


def test_which_opened_first_still_compares_both(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Which opened first, the Porto Alegre office or the Dakar platform?", now=TODAY
    )
    assert not answer.handoff
    assert {"office-latin-america-porto-alegre", DAKAR} <= set(answer.sources)


def test_candidates_offered_around_the_question_leave_its_slot(assistant: Assistant) -> None:
    text = (
        "I can't remember if it was in Portugal or in Spain, sorry. "
        "Who organises the Cascais conference?"
    )
    answer = assistant.answer(text, now=BEFORE_CASCAIS)
    assert answer.intent == "who"
    assert not answer.handoff
    assert CASCAIS in answer.sources
