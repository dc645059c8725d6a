"""French typography's space before ``?`` and ``!`` tells a terse question's language.

A question of a name and one word ("Forum Berlin, dates ?") holds no word only one
language writes; the space French puts before its question and exclamation marks is one
vote for French, which decides only where the words do not.
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
    "text",
    [
        "Conférence Madrid, dates ?",
        "Programme OGP Local, contact ?",
        "Séminaire Canoas, dates\u00a0?",  # a no-break space, as French keyboards type it
        "prix 2020, calendrier\u202f?",  # the narrow no-break space of French typography
        "Forum Berlin, programme !",
    ],
)
def test_a_space_before_the_question_mark_tells_french(text: str) -> None:
    assert _detect(text) == "fr"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("when is the next conference ?", "en"),  # the words outvote the space
        ("¿dónde es la conferencia ?", "es"),
        ("quan és la propera conferència ?", "ca"),
        ("quando é a próxima conferência ?", "pt"),
        ("Conference Madrid, dates?", "en"),  # no space: the mark votes for nobody
    ],
)
def test_the_words_still_outvote_a_space_before_the_mark(text: str, language: str) -> None:
    assert _detect(text) == language
