"""Questions answered, then handed off anyway, for a detail not asked or a part that asks
nothing (issue 22).

A handoff is for a slot the member asked that no record states. A detail the member did not
ask ("what about the second seminar, which month?": no topic), a reminder no one asked for
("can you remind me which priorities...": a recall), a year the asker says when the year
asked is another ("the 2013 call for the presidency seat: for which year?"), a founding verb
after "which city" (the city is asked, not a date), and a part of a message that only tells
or thanks are never a reason to hand off an answer. Near misses still hand off or pass on:
a topic asked, a reminder of something undated, every year named said, a second question
asking what no record states.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

SPRING = dt.date(2020, 5, 20)
CALL_YEAR = dt.date(2013, 5, 30)
OGP = dt.date(2026, 8, 4)
PLAN = dt.date(2020, 1, 20)
ACADEMY = dt.date(2020, 1, 28)


@pytest.mark.parametrize(
    ("question", "now", "fact"),
    [
        ("What about the second IOPD seminar, which month?", SPRING, "June"),
        ("Seminar 1 was in March. And what about seminar 2?", SPRING, "June"),
        ("how about the second IOPD seminar of the spring?", SPRING, "June"),
    ],
)
def test_what_about_turns_to_a_thing_and_asks_no_topic(
    lingua_assistant: Assistant, question: str, now: dt.date, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=now)
    assert not answer.handoff
    assert fact in answer.answer
    assert "iopd-seminar-2-2020" in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "What will seminar 2 be about?",
        "Et le deuxième séminaire, il porte sur quoi ?",
        "I el segon seminari, de què va?",
    ],
)
def test_a_topic_asked_that_no_record_states_is_still_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    assert lingua_assistant.answer(question, now=SPRING).handoff


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "Can you remind me which two thematic priorities the 2020 General Assembly set?",
            "climate change",
        ),
        ("Recuérdame cuáles son las prioridades temáticas de 2020", "cambio climático"),
        ("Recorda-m quines són les prioritats temàtiques del 2020", "canvi climàtic"),
        ("Lembra-me quais são as prioridades temáticas de 2020", "climáticas"),
        ("Rappelle-moi où se trouve le bureau de Dakar", "Dakar"),
    ],
)
def test_remind_me_of_what_no_date_holds_recalls_it(
    lingua_assistant: Assistant, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2026, 1, 9))
    assert not answer.handoff
    assert answer.reminder is None
    assert fact in answer.answer


def test_a_reminder_of_an_undated_step_is_still_handed_off(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("remind me when the award winners are announced", now=PLAN)
    assert answer.handoff and answer.reminder is None


@pytest.mark.parametrize(
    "question",
    [
        "dans les exemples OGP, quelle ville a créé un registre des lobbies ?",
        "En los ejemplos de OGP, ¿qué ciudad creó un registro de lobbies?",
        "Als exemples d'OGP, quina ciutat va crear un registre de lobbies?",
        "Nos exemplos OGP, que cidade criou um registo de lobbies?",
        "in the OGP examples, which city created a lobby registry?",
    ],
)
def test_which_city_created_asks_the_city_not_a_date(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=OGP)
    assert not answer.handoff
    assert "Madrid" in answer.answer


def test_a_founding_verb_asked_when_still_asks_a_date(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("Quand l'OIDP a-t-il créé sa plateforme africaine ?", now=OGP)
    assert answer.intent == "when"
    assert "2012" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Back in 2013 the network launched a call to choose the presidency seat. For which year?",
        "Este ano o OIDP lança uma convocatória para a sede da presidência de que ano?",
        "l'appel lancé en 2013 pour le siège de la présidence, c'est pour quelle année ?",
    ],
)
def test_the_year_a_name_holds_answers_which_year_beside_the_year_said(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=CALL_YEAR)
    assert not answer.handoff
    assert "2014" in answer.answer


def test_every_year_said_the_year_alone_still_hands_off(lingua_assistant: Assistant) -> None:
    question = "when is the call for the 2014 presidency seat? this year?"
    assert lingua_assistant.answer(question, now=CALL_YEAR).handoff


def test_a_part_that_only_tells_and_thanks_is_not_passed_on(
    lingua_assistant: Assistant,
) -> None:
    question = (
        "Hola a todos, soy nueva en la red y todavía me estoy situando. En mi ayuntamiento "
        "hacemos presupuestos participativos desde hace años. Por cierto, ¿cuándo abre la "
        "convocatoria del premio a las buenas prácticas? Mil gracias de antemano"
    )
    answer = lingua_assistant.answer(question, now=PLAN)
    assert not answer.handoff
    assert answer.passed_on is None
    assert "febrero" in answer.answer


def test_a_second_question_no_record_answers_is_still_passed_on(
    lingua_assistant: Assistant,
) -> None:
    question = (
        "Dear secretariat, I'd like to quote the IOPD's 2020 priorities. What exactly was the "
        "thematic priority on young people called? Also, is there any chance of a letter of "
        "support from the president?"
    )
    answer = lingua_assistant.answer(question, now=PLAN)
    assert not answer.handoff
    assert answer.passed_on is not None and "letter" in answer.passed_on


def test_two_slots_where_the_place_is_unstated_hand_off(lingua_assistant: Assistant) -> None:
    question = "L'Académie de la citoyenneté, elle a lieu quel mois et où ?"
    answer = lingua_assistant.answer(question, now=ACADEMY)
    assert answer.handoff and answer.passed_on is None
    assert "octobre" in answer.answer
