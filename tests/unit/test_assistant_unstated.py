"""A place no record gives, asked beside another part of one message, in the five languages.

A message asking when and where an event is ("on i quan es fa?", "où et quand ?"), or where
it is with an aside the record does answer ("where is it held? the IOPD supports it,
right?"), asks a place the event's record does not state: it is handed off, with what the
record does say (its year), not answered with only "the other part" passed on. Near misses
stay answered: the same messages about an event whose record gives its place, and a
relative "where" ("the one where the IOPD collaborates") that asks nothing. Sentences
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

FESTIVAL = "democracine-festival-2-2013"
FORUM = "peripheral-local-authorities-forum-3-2013"
CASCAIS = "conference-13-cascais-2013"
NOW = dt.date(2013, 3, 14)


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("le festival Democracine, où et quand ?", FESTIVAL),
        ("o festival Democracine, onde e quando?", FESTIVAL),
        ("Quan i on es fa el festival Democracine?", FESTIVAL),
        ("el fòrum d'autoritats locals perifèriques, on i quan es fa?", FORUM),
        ("el festival Democracine, ¿dónde y cuándo es?", FESTIVAL),
        ("the forum of peripheral local authorities, where and when?", FORUM),
    ],
)
def test_when_and_where_of_an_event_without_a_place_is_handed_off(
    lingua_assistant: Assistant, question: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert record in answer.sources
    assert "2013" in answer.answer  # what the record states is still said


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("On es fa el fòrum d'autoritats locals perifèriques? L'OIDP hi dona suport, no?", FORUM),
        (
            "¿Dónde es el festival Democracine? El OIDP colabora en su organización, ¿verdad?",
            FESTIVAL,
        ),
        (
            "Où se tient le festival Democracine ? L'OIDP collabore à son organisation, c'est ça ?",
            FESTIVAL,
        ),
        (
            "Where is the peripheral local authorities forum held? The IOPD supports it, right?",
            FORUM,
        ),
        ("Onde é o festival Democracine? O OIDP colabora na organização, não é?", FESTIVAL),
    ],
)
def test_where_with_an_aside_its_record_answers_is_handed_off(
    lingua_assistant: Assistant, question: str, record: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert answer.passed_on is None  # the whole question waits, not "the other part"
    assert record in answer.sources


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("When is the 13th conference? And where?", "Cascais"),
        ("¿Cuándo es la 13ª conferencia? ¿Y dónde?", "Cascais"),
        ("c'est quand la 13e conférence? et où", "Cascais"),
        ("quan és la 13a conferència? i on?", "Cascais"),
        ("quando é a 13ª conferência? e onde?", "Cascais"),
        ("la 13a conferència, on i quan es fa?", "Cascais"),
        ("Where is the 13th conference? It is organised by Cascais, right?", "Cascais"),
        ("On es fa la 13a conferència? L'organitza Cascais, oi?", "Cascais"),
    ],
)
def test_when_and_where_of_an_event_with_its_place_stays_answered(
    lingua_assistant: Assistant, question: str, place: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert CASCAIS in answer.sources
    assert place in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "When is the Democracine festival, the one where the IOPD collaborates?",
        "Quan és el festival Democracine?",
        "C'était quand le festival de cinéma Democracine ?",
    ],
)
def test_when_alone_or_a_relative_where_stays_answered(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2013, 2, 1))
    assert not answer.handoff, answer.answer
    assert FESTIVAL in answer.sources
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Where is the Democracine festival held? And when is the 13th conference?",
        "¿Dónde se celebra el festival Democracine? ¿Y cuándo es la 13ª conferencia?",
    ],
)
def test_an_unstated_place_beside_another_records_question_is_passed_on_alone(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer  # the conference's dates are answered
    assert answer.passed_on is not None  # and the festival's place waits for the secretariat
    assert CASCAIS in answer.sources
