"""Records known only from a mention, whose own text says a slot is not given (its number,
its place, its topic or details, its date), asked exactly that slot: handed off, still
citing the record. The near misses stay answered: the same questions of records that give
the slot, and a slot the stub record does give (its month). Questions written for this
test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.index import EntryView, EventView
from hub.core.assistant.stub_records import slots_asked, slots_unstated
from hub.core.assistant.text import normalise


@pytest.mark.parametrize(
    ("language", "question", "slots"),
    [
        ("en", "What is that meeting about?", {"topic"}),
        ("en", "Tell me about the meeting", set()),
        ("es", "¿En qué ciudad se hace y de qué trata?", {"place", "topic"}),
        ("fr", "C'est où, ce forum ?", {"place"}),
        ("fr", "C'est en mai ou en juin ?", set()),
        ("ca", "Quina edició és aquesta trobada?", {"number"}),
        ("pt", "Em que data se realiza?", {"date"}),
        ("pt", "Quem organiza o encontro?", set()),
    ],
)
def test_the_slots_a_question_asks(language: str, question: str, slots: set[str]) -> None:
    assert slots_asked(normalise(question).split(), question, language) == slots


def test_the_slots_a_record_says_it_lacks() -> None:
    stub = EventView(
        "s",
        "seminar",
        {"en": "A seminar"},
        description={"fr": "Un séminaire de printemps. Ni le lieu ni le thème ne sont donnés."},
    )
    listed = EntryView(
        "p", "project", {"en": "A project"}, body={"pt": "Um projeto, sem detalhes."}
    )
    full = EventView("c", "conference", {"en": "A conference"}, description={"en": "On cities."})
    assert slots_unstated(stub) == {"place", "topic"}
    assert slots_unstated(listed) == {"topic"}
    assert slots_unstated(full) == frozenset()


@pytest.mark.parametrize(
    ("now", "question", "source"),
    [
        ("2019-10-01", "Which number is the 2019 IOPD conference?", "conference-2019"),
        ("2019-12-01", "Quina edició va ser la conferència de l'OIDP del 2019?", "conference-2019"),
        (
            "2020-02-01",
            "What's the Pilot-cities Metropolis project about?",
            "project-pilot-cities-metropolis",
        ),
        (
            "2020-02-01",
            "¿De qué trata el proyecto Ciudades piloto de Metropolis?",
            "project-pilot-cities-metropolis",
        ),
        (
            "2020-02-01",
            "En quoi consiste le projet Horizon 2020 de l'OIDP ?",
            "project-horizon-2020",
        ),
        ("2020-09-01", "Em que consiste a Academia da Cidadania?", "citizenship-academy-2020"),
        (
            "2020-01-20",
            "I el Retir i Campus de CGLU, quines dates té?",
            "uclg-retreat-campus-barcelona-2020",
        ),
        ("2020-02-20", "Sobre què tractarà el seminari 2 de l'OIDP?", "iopd-seminar-2-2020"),
    ],
)
def test_a_slot_the_record_says_is_not_given_is_handed_off(
    lingua_assistant: Assistant, now: str, question: str, source: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert answer.handoff, answer.answer
    assert source in answer.sources


@pytest.mark.parametrize(
    ("now", "question", "fact"),
    [
        ("2020-04-01", "Which month is the second IOPD seminar?", "June"),
        ("2020-02-01", "Le séminaire 1 de l'OIDP, c'est en mars ou en avril ?", "mars"),
        ("2020-09-01", "¿Cuándo es la Academia de Ciudadanía?", "octubre"),
        ("2013-05-15", "Qual é o tema da conferência de Cascais de 2013?", "Cidadania"),
        ("2013-05-15", "On es fa la conferència de l'OIDP del 2013?", "Cascais"),
        ("2013-05-15", "Where is the 13th IOPD conference?", "Cascais"),
    ],
)
def test_a_slot_given_stays_answered(
    lingua_assistant: Assistant, now: str, question: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert fact in answer.answer
