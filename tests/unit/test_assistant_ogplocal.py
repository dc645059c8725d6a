"""OGP Local's items and their wholes, in the five languages: an item of the roundup asked
by a word of its own name is answered from its own record, not tied with the roundup that
lists it (:mod:`~hub.core.assistant.item_wholes`); a circle or an area of the Open Gov
Challenge is answered from its own record as before; the whole asked by its own name is
still the whole; a detail no record states (who picked up a prize no record gives) stays
handed off. Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.index import EntryView, EventView
from hub.core.assistant.item_wholes import item_before_whole, item_named_in_whole
from hub.core.assistant.retrieval_doc import Doc

NOW = dt.date(2025, 3, 3)
VALENCIA = "ogp-roundup-valencia-award"
CHILDHOOD = "ogp-roundup-buenos-aires-childhood-index"
MEDIA = "ogp-challenge-media-freedom"
INCLUSION = "ogp-circle-inclusion"
CHALLENGE = "ogp-open-gov-challenge"


@pytest.mark.parametrize(
    ("question", "record", "fact"),
    [
        (
            "which spanish city got a digital info award for its local open gov plan?",
            VALENCIA,
            "Valencia",
        ),
        (
            "¿qué premio recibió Valencia por su plan de acción de OGP Local?",
            VALENCIA,
            "Información Digital",
        ),
        (
            "quel prix Valence a-t-elle reçu pour son plan d'action OGP Local ?",
            VALENCIA,
            "numérique",
        ),
        ("qui va recollir el premi de València?", VALENCIA, "Tarraga"),
        ("quem recebeu o prémio de Valência?", VALENCIA, "Tarraga"),
        ("what does the media freedom area of the Open Gov Challenge ask?", MEDIA, "journalists"),
        ("¿qué pide el área de libertad de prensa del Open Gov Challenge?", MEDIA, "periodistas"),
        (
            "que demande le domaine liberté des médias de l'Open Gov Challenge ?",
            MEDIA,
            "journalistes",
        ),
        ("què demana l'àrea de llibertat de premsa de l'Open Gov Challenge?", MEDIA, "periodistes"),
        ("o que pede a área de liberdade de imprensa do Open Gov Challenge?", MEDIA, "jornalistas"),
        ("who are the members of the OGP Local inclusion circle?", INCLUSION, "Aragón"),
        ("¿quiénes forman el círculo de inclusión de OGP Local?", INCLUSION, "Bogotá"),
        ("qui forme le cercle inclusion d'OGP Local ?", INCLUSION, "Aragon"),
        ("qui forma el cercle d'inclusió d'OGP Local?", INCLUSION, "Aragó"),
        ("quem forma o círculo de inclusão do OGP Local?", INCLUSION, "Aragão"),
        (
            "o índice da infância da capital argentina, no resumo de novembro 2023, promove o quê?",
            CHILDHOOD,
            "Buenos Aires",
        ),
        ("en el Roundup de noviembre de 2023, ¿qué lanzó Buenos Aires?", CHILDHOOD, "Infancia"),
    ],
)
def test_an_item_asked_by_its_own_name_is_answered_from_its_record(
    lingua_assistant: Assistant, question: str, record: str, fact: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [record], answer.answer
    assert fact in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "what is the Open Gov Challenge?",
        "¿qué es el Open Gov Challenge?",
        "qu'est-ce que l'Open Gov Challenge ?",
        "què és l'Open Gov Challenge?",
        "o que é o Open Gov Challenge?",
    ],
)
def test_the_whole_asked_by_its_own_name_stays_the_whole(
    lingua_assistant: Assistant, question: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff, answer.answer
    assert answer.sources[:1] == [CHALLENGE], answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "who picked up Madrid's award?",
        "¿quién recogió el premio de Madrid?",
        "qui est allé chercher le prix de Madrid ?",
        "qui va recollir el premi de Madrid?",
        "quem recebeu o prémio de Madrid?",
        "what does the tourism area of the Open Gov Challenge ask?",
    ],
)
def test_what_no_item_states_stays_handed_off(lingua_assistant: Assistant, question: str) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert answer.handoff, answer.answer
    assert VALENCIA not in answer.sources and MEDIA not in answer.sources


def _doc(key: str, names: set[str], wholes: list[str] | None = None) -> Doc:
    record = EntryView(id=key, kind="ogp_local", name={"en": key}, body={}, data={})
    return Doc(key, key, "entry", "ogp_local", record, names=[names], wholes=wholes or [])


ROUNDUP = Doc(
    "roundup",
    "roundup",
    "event",
    "roundup",
    EventView(id="roundup", kind="roundup", name={"en": "roundup"}),
    names=[{"roundup", "novemb", "y2023", "ogp", "local"}],
)
CIRCLES = _doc("circles", {"ogp", "local", "circl"})
CLIMATE = _doc("climate", {"ogp", "local", "circl", "climat"}, ["circles"])
AWARD = _doc("award", {"valencia", "award", "ogp", "local"}, ["roundup"])
INDEX = _doc("index", {"bueno", "air", "childhood", "index"}, ["roundup"])


def test_the_whole_is_set_aside_only_when_the_item_alone_is_named() -> None:
    ranked = [(12.0, AWARD), (11.5, ROUNDUP), (3.0, INDEX)]
    assert [d.key for _, d in item_before_whole(ranked, [{"valencia"}, {"award"}])] == [
        "award",
        "index",
    ]
    named_too = item_before_whole(ranked, [{"valencia"}, {"roundup"}])
    assert [d.key for _, d in named_too] == ["award", "roundup", "index"]
    only_shared = item_before_whole(ranked, [{"ogp"}, {"local"}])
    assert [d.key for _, d in only_shared] == ["award", "roundup", "index"]
    standing = [(12.0, CLIMATE), (11.5, CIRCLES)]
    assert item_before_whole(standing, [{"climat"}, {"circl"}]) == standing


def test_an_item_named_through_its_whole_comes_first_but_not_for_its_date() -> None:
    ranked = [(18.0, ROUNDUP), (10.0, AWARD), (9.0, INDEX)]
    first = item_named_in_whole(ranked, [{"roundup"}, {"bueno"}, {"air"}], "what")
    assert [d.key for _, d in first][:1] == ["index"]
    assert first[0][0] == 18.0
    assert item_named_in_whole(ranked, [{"roundup"}, {"bueno"}], "when") == ranked
    both = item_named_in_whole(ranked, [{"valencia"}, {"bueno"}], "what")
    assert both == ranked
