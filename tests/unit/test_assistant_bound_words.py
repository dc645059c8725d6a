"""A word the records write almost always beside one other ("obert" of "govern obert",
"abierto" of "gobierno abierto") is read, alone in a question, as that name's word used in
another sense; said beside one of the few other words the records also put it beside
("dades obertes", "datos abiertos"), it keeps its sense. Phrases written for this test."""

from __future__ import annotations

import pytest

from hub.core.assistant import Assistant


def _read(assistant: Assistant, text: str, language: str) -> set[str]:
    """The terms the question's words are searched by, once unbound."""
    retriever = assistant.retriever
    terms = retriever.unbind(retriever.query_terms(text.split(), language))
    return {t for options in terms for t in options}


@pytest.mark.parametrize(
    ("phrase", "language", "stem"),
    [("publica dades obertes", "ca", "obert"), ("publica datos abiertos", "es", "abiert")],
)
def test_bound_word_beside_a_recorded_neighbour_keeps_its_sense(
    assistant: Assistant, phrase: str, language: str, stem: str
) -> None:
    assert stem in assistant.retriever.bound  # mostly of the open government's name
    assert stem in _read(assistant, phrase, language)


@pytest.mark.parametrize(
    ("phrase", "language", "stem"),
    [("la porta oberta", "ca", "obert"), ("la puerta abierta", "es", "abiert")],
)
def test_bound_word_beside_an_unrecorded_word_is_set_apart(
    assistant: Assistant, phrase: str, language: str, stem: str
) -> None:
    assert stem not in _read(assistant, phrase, language)
