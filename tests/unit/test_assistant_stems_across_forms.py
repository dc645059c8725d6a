"""Words the records say in another form than the member (issue 22, Catalan and Portuguese).

Two classes: a noun asked whose records say its adjective in -àtic/-ático/-atique/-atic
("clima" and "acció climàtica", "temes" and "prioritats temàtiques"), which Snowball stems
apart; and a word that most records write beside the network's acronym ("estatutos do
OIDP", "logo de l'OIDP"), which is no fixed name and is not dropped when the question
does not say the acronym.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.assistant import Assistant

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"


@pytest.fixture(scope="module")
def assistant(lingua_assistant: Assistant) -> Assistant:
    return lingua_assistant


@pytest.mark.parametrize(
    ("word", "language", "adjective"),
    [
        ("clima", "ca", "climatica"),
        ("clima", "es", "climatica"),
        ("climat", "fr", "climatique"),
        ("temes", "ca", "tematiques"),
        ("temas", "pt", "tematicas"),
    ],
)
def test_a_noun_asked_finds_its_adjective_in_atic(
    assistant: Assistant, word: str, language: str, adjective: str
) -> None:
    retriever = assistant.responder.retriever
    (options,) = retriever.query_terms([word], language)
    assert retriever.analyser.stem(adjective, language) in options


def test_a_word_unlike_a_noun_in_ma_gets_no_adjective(assistant: Assistant) -> None:
    retriever = assistant.responder.retriever
    (options,) = retriever.query_terms(["plan"], "en")
    assert not any(t.startswith("planat") for t in options)


def test_no_record_word_is_bound_to_the_network_acronym(assistant: Assistant) -> None:
    retriever = assistant.responder.retriever
    assert not {p for p in retriever.bound.values() if p in {"oidp", "iopd"}}
    kept = retriever.unbind(retriever.query_terms(["estatutos"], "pt"))
    assert retriever.analyser.stem("estatutos", "pt") in kept[0]


def test_the_circle_asked_by_its_noun_is_found(assistant: Assistant) -> None:
    answer = assistant.answer(
        "quines ciutats hi ha al cercle de clima d'OGP Local?", now=dt.date(2026, 12, 5)
    )
    assert not answer.handoff
    assert "ogp-circle-climate-action" in answer.sources


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("canais", "canal"), ("locais", "local"), ("regionais", "regional"), ("niveis", "nivel")],
)
def test_a_portuguese_plural_in_ais_or_eis_stems_as_its_singular(
    assistant: Assistant, plural: str, singular: str
) -> None:
    analyser = assistant.responder.retriever.analyser
    assert analyser.stem(plural, "pt") == analyser.stem(singular, "pt")


def test_short_portuguese_words_in_ais_are_left_alone(assistant: Assistant) -> None:
    analyser = assistant.responder.retriever.analyser
    assert analyser.stem("quais", "pt") != analyser.stem("qual", "pt")


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("tasques", "tasca"), ("practiques", "practica"), ("publiques", "publica")],
)
def test_a_catalan_plural_in_ques_stems_as_its_singular_in_ca(
    assistant: Assistant, plural: str, singular: str
) -> None:
    analyser = assistant.responder.retriever.analyser
    assert analyser.stem(plural, "ca") == analyser.stem(singular, "ca")
