"""The words members use for the kinds of records and the network's bodies, in the five
languages: the network's seat (headquarters, sede, siège, la seu) is where its Technical
Secretariat is, while the seat of its presidency (elected for 2014) or a conference's
"sede" is that thing's own; and each kind's ordinary names reach its records, with the
words that are another language's everyday word or another kind's kept out. Sentences
written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import read
from hub.core.assistant.vocabulary import Vocabulary

NOW = dt.date(2026, 3, 1)
SECRETARIAT = "iopd-technical-secretariat"


@pytest.mark.parametrize(
    "question",
    [
        "where are the IOPD's headquarters?",
        "what city is the seat of the IOPD?",
        "the observatory is headquartered where?",
        "¿cuál es la sede del OIDP?",
        "¿en qué ciudad tiene su sede la red?",
        "où est le siège de l'OIDP ?",
        "dans quelle ville se trouve le siège social du réseau ?",
        "le siège de l'OIDP est à Dakar ?",
        "quina és la seu de l'OIDP?",
        "on té la seu la xarxa?",
        "qual é a sede do OIDP?",
        "em que cidade está sediado o observatório?",
    ],
)
def test_the_networks_seat_is_its_secretariats_place(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [SECRETARIAT]
    assert "Barcelon" in answer.answer


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("is the IOPD's headquarters in Madrid?", False),
        ("¿el OIDP tiene su sede en Barcelona?", True),
        ("le siège de l'OIDP est-il à Dakar ?", False),
        ("la seu de l'OIDP és a Barcelona?", True),
        ("a sede do OIDP é em Porto Alegre?", False),
    ],
)
def test_a_place_claimed_for_the_seat_is_checked_against_it(
    assistant: Assistant, question: str, yes: bool
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources == [SECRETARIAT]
    assert answer.answer.split()[0].rstrip(".").lower() in (
        {"yes", "sí", "oui", "sim"} if yes else {"no", "non", "não"}
    )


@pytest.mark.parametrize(
    "question",
    [
        "where is the seat of the network presidency for 2014?",
        "¿dónde estará la sede de la presidencia en 2014?",
        "où sera le siège de la présidence du réseau en 2014 ?",
        "on serà la seu de la presidència el 2014?",
        "qual será a sede da presidência da rede em 2014?",
        "who holds the presidency of the IOPD?",
    ],
)
def test_the_presidencys_seat_stays_a_handoff(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=dt.date(2013, 6, 1))
    assert answer.handoff, answer.answer
    assert SECRETARIAT not in answer.sources


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("¿cuál fue la sede de la conferencia de 2020?", "conference-20-abidjan-2020"),
        ("qual foi a sede da conferência de 2013?", "conference-13-cascais-2013"),
        ("quina va ser la seu de la conferència del 2013?", "conference-13-cascais-2013"),
        ("où est basée la plateforme africaine ?", "office-africa-dakar"),
        ("where is the African platform headquartered?", "office-africa-dakar"),
    ],
)
def test_the_seat_of_another_thing_named_is_its_own(
    assistant: Assistant, question: str, record: str
) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert record in answer.sources
    assert SECRETARIAT not in answer.sources


@pytest.mark.parametrize(
    "question",
    [
        "when was the call for the seat of the presidency launched?",
        "¿cuándo se lanzó la convocatoria para la sede de la presidencia?",
        "quand l'appel pour le siège de la présidence a-t-il été lancé ?",
        "quan es va llançar la convocatòria per a la seu de la presidència?",
        "quando foi lançada a convocatória para eleger a sede da presidência?",
    ],
)
def test_the_presidency_seat_call_is_still_found(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert {"action-2013-presidency-call", "presidency-seat-call-2014"} & set(answer.sources)
    assert "2013" in answer.answer


@pytest.mark.parametrize(
    "text",
    ["el seu web és nou?", "quin és el seu pla de treball?", "o seu plano de trabalho"],
)
def test_a_possessive_seu_asks_no_place(vocabulary: Vocabulary, text: str) -> None:
    assert read(text, vocabulary, NOW).qtype != "where"
