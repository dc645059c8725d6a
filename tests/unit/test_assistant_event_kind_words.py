"""An event asked by a kind word its record is not typed as ("the PB conference" the network
attends is an outside event, "the UCLG summit" a congress, "the 15th IOPD gathering" the
network's conference), in the five languages: the word is matched against the record's own
name as well as its kind, and the right record answers. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant


@pytest.mark.parametrize(
    ("now", "question", "record", "fact"),
    [
        (
            "2014-05-05",
            "who is organising the upcoming 15th IOPD gathering?",
            "conference-15-madrid",
            "Madrid",
        ),
        ("2014-05-05", "where is the 15th IOPD gathering held?", "conference-15-madrid", "Madrid"),
        (
            "2013-05-14",
            "when does the OIDP gathering in Cascais start?",
            "conference-13-cascais-2013",
            "July",
        ),
        (
            "2013-05-14",
            "where is the IOPD gathering this summer?",
            "conference-13-cascais-2013",
            "Cascais",
        ),
        (
            "2013-06-20",
            "when is the UCLG summit this autumn?",
            "uclg-congress-rabat-2013",
            "October",
        ),
        (
            "2014-07-01",
            "when is the PB conference this september?",
            "pb-conference-san-francisco-2014",
            "24",
        ),
        (
            "2013-03-01",
            "when is the PB conference in Chicago?",
            "pb-conference-chicago-2013",
            "May",
        ),
        ("2020-03-01", "who organises the CEMR congress in 2020?", "cemr-congress-2020", "Council"),
        ("2013-05-01", "When is the forum in Berlin?", "informed-cities-forum-berlin-2013", "June"),
        (
            "2013-05-01",
            "When is the workshop in Rabat?",
            "basic-services-workshop-rabat-2013",
            "October",
        ),
        (
            "2020-01-01",
            "When is the Iberian meeting?",
            "iberian-pb-meeting-cascais-2020",
            "October",
        ),
        ("2013-05-01", "Quand a lieu le sommet de Rabat ?", "uclg-congress-rabat-2013", "octobre"),
        (
            "2013-05-01",
            "Quand a lieu le forum de Berlin ?",
            "informed-cities-forum-berlin-2013",
            "juin",
        ),
        (
            "2014-07-01",
            "Où se tient la conférence sur le budget participatif en septembre ?",
            "pb-conference-san-francisco-2014",
            "San Francisco",
        ),
        ("2013-05-01", "Quando é a cimeira de Rabat?", "uclg-congress-rabat-2013", "outubro"),
        (
            "2019-11-01",
            "Quando é o fórum urbano mundial?",
            "world-urban-forum-10-abu-dhabi-2020",
            "fevereiro",
        ),
        (
            "2020-01-01",
            "Quando é o encontro ibérico de orçamento participativo?",
            "iberian-pb-meeting-cascais-2020",
            "outubro",
        ),
        (
            "2014-07-01",
            "¿Cuándo es la conferencia de presupuestos participativos en septiembre?",
            "pb-conference-san-francisco-2014",
            "septiembre",
        ),
        (
            "2019-11-01",
            "¿Cuándo es el foro urbano mundial?",
            "world-urban-forum-10-abu-dhabi-2020",
            "febrero",
        ),
        (
            "2013-05-01",
            "¿Cuándo es la cumbre de CGLU en Rabat?",
            "uclg-congress-rabat-2013",
            "octubre",
        ),
        (
            "2013-05-01",
            "¿Dónde es el taller del OIDP sobre servicios básicos?",
            "basic-services-workshop-rabat-2013",
            "Rabat",
        ),
        (
            "2013-05-01",
            "Quan és el congrés de CGLU a Rabat?",
            "uclg-congress-rabat-2013",
            "octubre",
        ),
        ("2013-05-01", "Quan és el fòrum de Berlín?", "informed-cities-forum-berlin-2013", "juny"),
        (
            "2020-01-01",
            "Quan és la trobada ibèrica de pressupostos participatius?",
            "iberian-pb-meeting-cascais-2020",
            "octubre",
        ),
        (
            "2014-07-01",
            "On és la conferència sobre pressupostos participatius de setembre?",
            "pb-conference-san-francisco-2014",
            "San Francisco",
        ),
        ("2020-01-01", "Quan és el congrés dels municipis europeus?", "cemr-congress-2020", "maig"),
    ],
)
def test_an_event_named_by_another_kinds_word_is_found(
    assistant: Assistant, now: str, question: str, record: str, fact: str
) -> None:
    answer = assistant.answer(question, now=dt.date.fromisoformat(now))
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer
    assert fact in answer.answer
