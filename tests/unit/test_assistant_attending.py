"""Events named by the network's going to them, in the five languages: "the UCLG congress
the OIDP is attending", "la conférence PB à laquelle le Secrétariat assiste", "o OIDP vai ao
WUF 10?" find the event, answered with its dates and place relative to the asker's now (a
past one said as past). The clause is set aside only beside a named event: "which external
events is the secretariat attending" asks that very relation, an event no record holds stays
handed off, and a verb that is also a link ("va organitzar", a past) or a name
("PARTICIPATE OIDP") is no going. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.attending import attending_span
from hub.core.assistant.text import normalise

UCLG = "uclg-congress-rabat-2013"
WUF = "world-urban-forum-10-abu-dhabi-2020"
SF = "pb-conference-san-francisco-2014"


@pytest.mark.parametrize(
    ("now", "question", "record", "facts"),
    [
        (
            "2013-08-20",
            "Where's the UCLG congress the OIDP is attending this autumn?",
            UCLG,
            ["Rabat"],
        ),
        (
            "2013-08-20",
            "Where is the UCLG congress the secretariat is going to in October?",
            UCLG,
            ["Rabat"],
        ),
        (
            "2013-08-20",
            "¿Dónde es el congreso de CGLU al que va la Secretaría este otoño?",
            UCLG,
            ["Rabat"],
        ),
        (
            "2013-08-20",
            "Où a lieu le congrès de CGLU où se rend le Secrétariat cet automne ?",
            UCLG,
            ["Rabat"],
        ),
        (
            "2013-08-20",
            "On és el congrés de CGLU al qual assisteix la Secretaria aquesta tardor?",
            UCLG,
            ["Rabat"],
        ),
        ("2013-08-20", "Onde é o congresso da CGLU a que o OIDP vai este outono?", UCLG, ["Rabat"]),
        ("2019-11-11", "Is the OIDP going to WUF 10? when is it?", WUF, ["February"]),
        ("2019-11-11", "¿El OIDP va al WUF 10? ¿cuándo es?", WUF, ["febrero"]),
        ("2019-11-11", "L'OIDP va au WUF 10 ? c'est quand ?", WUF, ["février"]),
        ("2019-11-11", "L'OIDP va al WUF 10? quan és?", WUF, ["febrer"]),
        ("2019-11-11", "O OIDP vai ao WUF 10? quando é?", WUF, ["fevereiro"]),
        (
            "2014-08-01",
            "when is the PB conference in San Francisco that the secretariat is going to?",
            SF,
            ["24", "September"],
        ),
        (
            "2014-08-01",
            "¿Cuándo es la conferencia de PB en San Francisco a la que va la Secretaría?",
            SF,
            ["septiembre"],
        ),
        (
            "2014-08-01",
            "Quand a lieu la conférence PB de San Francisco à laquelle le Secrétariat assiste ?",
            SF,
            ["septembre"],
        ),
        (
            "2014-08-01",
            "Quan és la conferència de PB a San Francisco on va la Secretaria?",
            SF,
            ["setembre"],
        ),
        (
            "2014-08-01",
            "Quando é a conferência de PB em São Francisco a que o Secretariado vai?",
            SF,
            ["setembro"],
        ),
    ],
)
def test_an_event_named_by_the_network_going_to_it_is_answered(
    lingua_assistant: Assistant, now: str, question: str, record: str, facts: list[str]
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    for fact in facts:
        assert fact in answer.answer


@pytest.mark.parametrize(
    ("question", "past"),
    [
        ("When was the WUF 10 the OIDP attended?", "already past"),
        ("Quando foi o WUF 10 a que o OIDP assistiu?", "já passou"),
    ],
)
def test_an_event_the_network_went_to_is_said_past(
    lingua_assistant: Assistant, question: str, past: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 8, 1))
    assert WUF in answer.sources
    assert past in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is the OIDP attending the Olympic Games in Tokyo?",
        "¿Va el OIDP a los Juegos Olímpicos de Tokio?",
        "Le Secrétariat se rend-il aux Jeux olympiques de Tokyo ?",
    ],
)
def test_an_event_no_record_holds_stays_handed_off(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2020, 1, 1))
    assert answer.handoff, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Which external events is the secretariat attending this year?",
        "A quins actes externs participarà la Secretaria Tècnica aquest any?",
    ],
)
def test_the_relation_asked_without_an_event_keeps_its_words(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2013, 4, 22))
    assert not answer.handoff, answer.answer
    assert "action-2013-external-activities" in answer.sources


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("the UCLG congress the OIDP is attending this autumn", (3, 7)),
        ("o OIDP vai ao WUF 10", (0, 4)),
        ("what is the PARTICIPATE OIDP platform", None),
        ("l'OIDP va organitzar el seminari", None),
        ("does the OIDP organise a seminar this spring", None),
        ("la 20.ª conferencia del OIDP fue en Abiyán", None),
    ],
)
def test_the_going_clause_is_found_only_where_it_is_one(
    text: str, span: tuple[int, int] | None
) -> None:
    assert attending_span(normalise(text).split()) == span
