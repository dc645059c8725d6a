"""Short questions: names carry no language, written function words tell languages apart."""

from __future__ import annotations

import pytest

from hub.core.assistant.language import QuestionLanguage
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary


def _detect(text: str, preferred: str) -> str:
    vocabulary = load_vocabulary()
    return QuestionLanguage(vocabulary.votes).detect(text, normalise(text).split(), preferred)


@pytest.mark.parametrize(
    ("text", "language", "preferred"),
    [
        ("de qué trata el Festival Nórdico? explícame", "es", "ca"),  # "qué", a joined clitic
        ("que es SHARED BUDGET?", "es", "en"),  # a name in capitals says nothing
        ("L'assemblea de Rosario ja ha començat?", "ca", "pt"),  # Catalan "ja" (already)
        ("qué pasó en la reunión de Montevideo", "es", "fr"),  # "la reunión" is no Réunion
        ("o que é o Orçamento Jovem?", "pt", "es"),
        ("où est le Prix Kuopio?", "fr", "es"),
        (
            "The Iberian office is in São Paulo, right?",
            "en",
            "pt",
        ),  # a name's letters are no speaker
        ("què és la Xarxa Oberta?", "ca", "es"),
        ("when is the next Budget Summit?", "en", "es"),
    ],
)
def test_short_question_language(text: str, language: str, preferred: str) -> None:
    """Against the member's chosen language, which only breaks ties."""
    assert _detect(text, preferred) == language
