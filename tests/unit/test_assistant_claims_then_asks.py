"""A claim stated, then the real question; and claims a record must check (issue 22).

Two shapes of one class, in the five languages. The member says what they believe, then asks
a where or a when ("the seminar is in June, but where is it held?", "el seminari és al juny,
però on es fa?"): the slot asked after "but" is the slot answered, never a "yes" to the
claim. Or the member claims a figure or a time of day ("did the registry pass 600 lobbies?",
"la sessió comença a les quatre de la tarda?"): the record's own figure or time answers it,
yes or no, cited; a figure or an hour no record states is handed off. Sentences written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

NOW = dt.date(2026, 3, 1)
CASCAIS = "members-session-cascais-2013"
SEMINAR = "iopd-seminar-2-2020"
MADRID = "ogp-example-madrid-lobby-registry"
CONFERENCE = "conference-2013-cascais"


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        ("The members' session was in Cascais, but when exactly?", CASCAIS, "2013"),
        ("La sessió de membres va ser a Cascais, però quan?", CASCAIS, "juliol"),
        ("La sesión de miembros fue en Cascais, pero ¿cuándo?", CASCAIS, "julio"),
        ("La session des membres était à Cascais, mais quand ?", CASCAIS, "juillet"),
        ("A sessão de membros foi em Cascais, mas quando?", CASCAIS, "julho"),
    ],
)
def test_a_claim_then_when_answers_the_date(
    assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert fact in answer.answer
    assert not answer.answer.startswith(("Yes", "Sí", "Oui", "Sim"))


@pytest.mark.parametrize(
    "question",
    [
        "el seminario 2 del oidp es en junio, pero ¿dónde se hace?",
        "el seminario 2 del oidp es en junio, pero donde se hace?",
        "el seminari 2 de l'oidp és al juny, però on es fa?",
        "Seminar 2 of the IOPD is in June, but where is it held?",
    ],
)
def test_a_claim_then_where_unstated_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer  # the record gives no place: no "yes, in June"
    assert not answer.answer.startswith(("Yes", "Sí", "Oui", "Sim"))


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("La sessió interna de membres de Cascais comença a les quatre de la tarda?", "Sí."),
        ("La sessió interna de membres de Cascais comença a les 16:00?", "Sí."),
        ("¿La sesión interna de miembros de Cascais empieza a las 4 de la tarde?", "Sí."),
        ("La session interne des membres de Cascais commence à 16 heures ?", "Oui."),
        ("Does the internal members' session in Cascais start at 4 pm?", "Yes."),
        ("A sessão interna de membros de Cascais começa às 16h?", "Sim."),
        ("La sessió interna de membres de Cascais comença a les deu del matí?", "No."),
        ("A sessão interna de membros de Cascais começa às 18h?", "Não."),
        ("Does the internal members' session in Cascais start at 9 am?", "No."),
    ],
)
def test_an_hour_claimed_is_answered_with_the_records_time(
    assistant: Assistant, question: str, yes: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [CASCAIS]
    assert answer.answer.startswith(yes)
    assert "16:00-20:00" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Does seminar 2 of the IOPD start at 3 pm?",
        "El seminari 2 de l'OIDP comença a les deu del matí?",
    ],
)
def test_an_hour_no_record_states_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("el registre de lobbies de Madrid va passar de 600?", "600+"),
        ("le registre de Madrid est passé à plus de 600 lobbies ?", "600+"),
        ("¿el registro de lobbies de Madrid pasó de 600?", "600+"),
        ("did the Madrid lobby registry pass 600 lobbies?", "600+"),
    ],
)
def test_a_figure_claimed_of_a_registre_is_checked(
    assistant: Assistant, question: str, fact: str
) -> None:
    answer = assistant.answer(question, now=NOW)  # "registre" is no slip for "register"
    assert not answer.handoff, answer.answer
    assert answer.sources == [MADRID]
    assert fact in answer.answer
    assert answer.intent == "yesno"


@pytest.mark.parametrize(
    "question",
    [
        "el registre de lobbies de Madrid va passar de 900?",
        "le registre de Madrid est passé à plus de 900 lobbies ?",
    ],
)
def test_a_figure_no_record_states_is_handed_off(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
