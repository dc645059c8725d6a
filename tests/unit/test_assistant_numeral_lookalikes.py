"""Everyday words spelt as a Roman numeral: Spanish and Portuguese "vi" (I saw), Catalan
"vi" (wine). Said in passing they name no edition ("lo vi en la web": not the sixth), so
the question is answered as it would be without them; written in capitals or beside the
name of a kind or an edition ("la prioridad VI", "la vi edició") they are still the
numeral. Questions written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.assistant import Assistant
from hub.core.assistant.reading import lookalikes_dropped
from hub.core.assistant.vocabulary import Vocabulary
from hub.core.assistant.vocabulary_file import load_vocabulary

NOW = dt.date(2013, 5, 5)


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.mark.parametrize(
    ("question", "source", "language"),
    [
        (
            "Vi en la web que hay una conferencia en Cascais, ¿cuándo es?",
            "conference-13-cascais-2013",
            "es",
        ),
        (
            "Lo vi en el boletín. ¿Cuándo es la conferencia de Cascais?",
            "conference-13-cascais-2013",
            "es",
        ),
        (
            "vi un anuncio del premio, ¿cuándo abre la convocatoria?",
            "iopd-distinction-7-2013",
            "es",
        ),
        ("vi que o OIDP tem escritório em África, onde fica?", "office-africa-dakar", "pt"),
        ("vi a notícia do prémio, quando abre a chamada?", "iopd-distinction-7-2013", "pt"),
        (
            "Ahir vaig beure un bon vi. On és la conferència de l'OIDP d'aquest any?",
            "conference-13-cascais-2013",
            "ca",
        ),
    ],
)
def test_a_lookalike_said_in_passing_names_no_edition(
    lingua_assistant: Assistant, question: str, source: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=NOW)
    assert not answer.handoff
    assert answer.language == language
    assert source in answer.sources


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Qué dice la prioridad VI del plan 2014-2015?", "es"),
        ("¿qué dice la prioridad vi del plan 2014-2015?", "es"),
        ("Què diu la prioritat vi del pla 2014-2015?", "ca"),
        ("O que diz a prioridade VI do plano 2014-2015?", "pt"),
        ("What does priority VI of the 2014-2015 plan say?", "en"),
    ],
)
def test_beside_a_kind_or_in_capitals_it_is_still_the_numeral(
    lingua_assistant: Assistant, question: str, language: str
) -> None:
    answer = lingua_assistant.answer(question, now=dt.date(2015, 5, 5))
    assert not answer.handoff
    assert answer.language == language
    assert "work-plan-2014-priority-6-funding" in answer.sources


@pytest.mark.parametrize(
    ("words", "capitals", "kept"),
    [
        (["lo", "vi", "en", "la", "web"], frozenset(), ["lo", "en", "la", "web"]),
        (["vi", "un", "anuncio"], frozenset(), ["un", "anuncio"]),
        (["la", "prioridad", "vi"], frozenset(), ["la", "prioridad", "vi"]),
        (["la", "vi", "edicion"], frozenset(), ["la", "vi", "edicion"]),
        (["la", "vi", "conferencia"], frozenset(), ["la", "vi", "conferencia"]),
        (["vi", "en", "la", "web"], frozenset({"vi"}), ["vi", "en", "la", "web"]),
        (["la", "xiii", "conferencia"], frozenset(), ["la", "xiii", "conferencia"]),
        (["gold", "iii"], frozenset(), ["gold", "iii"]),
    ],
)
def test_which_lookalikes_are_set_aside(
    vocabulary: Vocabulary, words: list[str], capitals: frozenset[str], kept: list[str]
) -> None:
    assert lookalikes_dropped(words, vocabulary, capitals) == kept


def test_a_sixth_edition_no_record_holds_is_still_handed_off(lingua_assistant: Assistant) -> None:
    answer = lingua_assistant.answer("quan és la vi edició de la distinció?", now=NOW)
    assert answer.handoff
