"""Events named by an acronym or a short-hand, in the five languages: the initials of a
record's name in any of its languages (FUM, FGDDM) and an acronym its name writes beside an
edition (WUF of "WUF 10") call that record; a kind word with a month ("the conference in
May") finds the event of that time among every kind of event, the outside ones whose own
name says it too. An acronym no record's name makes stays a handoff. Sentences written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant

WUF = "world-urban-forum-10-abu-dhabi-2020"
GFMDD = "global-forum-modern-direct-democracy-2020"
CHICAGO = "pb-conference-chicago-2013"


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        ("2020-01-14", "when is the WUF?", WUF, "February"),
        ("2020-01-14", "where is the WUF?", WUF, "Abu Dhabi"),
        ("2020-01-14", "quan és el WUF?", WUF, "febrer"),
        ("2020-01-14", "WUF: quando começa?", WUF, "fevereiro"),
        ("2020-01-14", "¿cuándo es el FUM?", WUF, "febrero"),
        ("2020-01-14", "quand a lieu le FUM ?", WUF, "février"),
        ("2020-01-14", "onde é o FUM?", WUF, "Abu Dhabi"),
        ("2020-01-14", "on es fa el FUM?", WUF, "Abu Dhabi"),
        ("2020-06-01", "when is the GFMDD?", GFMDD, "September"),
        ("2020-06-01", "¿cuándo es el FGDDM?", GFMDD, "septiembre"),
        ("2020-06-01", "quan és el FGDDM?", GFMDD, "setembre"),
        ("2020-06-01", "o que é o FGDDM?", GFMDD, "setembro"),
    ],
)
def test_an_event_called_by_its_names_acronym_is_found(
    lingua_assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        (
            "2014-08-20",
            "where is the PB conference this September?",
            "pb-conference-san-francisco-2014",
            "San Francisco",
        ),
        ("2013-03-01", "where is the conference in may?", CHICAGO, "Chicago"),
        ("2013-03-01", "onde é a conferência de maio?", CHICAGO, "Chicago"),
        ("2013-03-01", "où a lieu la conférence de mai ?", CHICAGO, "Chicago"),
        ("2013-03-01", "¿dónde es la conferencia de mayo?", CHICAGO, "Chicago"),
        ("2013-03-01", "on es fa la conferència de maig?", CHICAGO, "Chicago"),
        ("2013-03-01", "where is the conference in july?", "conference-13-cascais-2013", "Cascais"),
        (
            "2013-03-01",
            "quand a lieu la conférence de juillet ?",
            "conference-13-cascais-2013",
            "juillet",
        ),
    ],
)
def test_a_kind_word_and_a_month_find_the_event_so_called_then(
    lingua_assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer
    assert fact in answer.answer


@pytest.mark.parametrize(
    ("now", "question"),
    [
        ("2013-03-01", "quand a lieu le FSM ?"),
        ("2013-03-01", "¿cuándo es el FSM?"),
        ("2013-03-01", "quan és el FSM?"),
        ("2013-03-01", "quando é o FSM?"),
        ("2013-03-01", "when is the WSF 2013?"),
        ("2013-03-01", "what is ICLEI?"),
        ("2013-03-01", "when is the ICLEI congress?"),
        ("2013-03-01", "c'est quand le forum de l'OCDE ?"),
    ],
)
def test_an_acronym_no_record_makes_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
