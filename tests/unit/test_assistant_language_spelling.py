"""A terse question's language from the spelling of a word the tables do not know.

A question of one word and a name ("senha do hub?", "viatge a Cascais?") holds no function
word only one language writes; the word's spelling does: Portuguese "nh" and "lh" between
vowels and "-agem", Catalan "ny" between vowels, "-ació", "-ssió", "-pció" and "-tge",
Spanish "-ción", "-sión", "-ciones" and "-dad". A name written with a capital inside the
sentence ("Mr Carvalho") votes for nothing, and the words outvote a spelling.
"""

from __future__ import annotations

import pytest

from hub.core.assistant.language import QuestionLanguage
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary


def _detect(text: str) -> str:
    vocabulary = load_vocabulary()
    return QuestionLanguage(vocabulary.votes).detect(text, normalise(text).split())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("senha do portal?", "pt"),
        ("viagem a Abidjan?", "pt"),
        ("inscripció OGP Local?", "ca"),
        ("viatge a Cascais?", "ca"),
        ("participació a Abidjan?", "ca"),
        ("inscripción OGP Local?", "es"),
        ("inscripciones abiertas?", "es"),
    ],
)
def test_a_words_spelling_tells_a_terse_questions_language(text: str, language: str) -> None:
    assert _detect(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("who is Mr Carvalho?", "en"),  # a name's "lh" is no Portuguese
        ("OGP Local in Kenya?", "en"),
        ("how to enhance participation?", "en"),  # "nh" after a prefix opening the word
        ("le bonheur des citoyens ?", "fr"),  # French "-heur"
        ("the Bolhão market?", "en"),
        ("¿cuándo se anunció el premio?", "es"),  # a Spanish verb in "-ció", not Catalan
        ("when is the Companyia's session?", "en"),  # the words outvote a name
    ],
)
def test_names_prefixes_and_words_are_not_outvoted_by_a_spelling(text: str, language: str) -> None:
    assert _detect(text) == language


def test_a_verb_catalan_and_portuguese_share_votes_for_both() -> None:
    assert _detect("Me passa o contacto do secretariado?") == "pt"
    assert _detect("Què passa a Barcelona aquest mes?") == "ca"
