"""A kind of record qualified by a word no record holds: "the world congress of
firefighters", "el congreso mundial de bomberos", "le forum des pompiers". The word says
which congress is meant, and no record's congress is of it: the World Urban Forum, which
shares "world" and "congress", is another one, and the question is handed off.

Only the word after the kind's name (and an adjective of it) and its "of" counts
("congress of X", "congrès mondial des X", "congresso dos X"): a word the records lack
elsewhere in a message is the asker's own story ("we need to book", "our delegation"), and a
word before the kind ("the annual conference") describes it in passing."""

from __future__ import annotations

from collections.abc import Set
from functools import cache
from weakref import WeakKeyDictionary

from hub.core.assistant.dates import month_names, weekday_names
from hub.core.assistant.retrieval import Retriever
from hub.core.assistant.tables import LANGUAGES
from hub.core.assistant.text import normalise

OF = frozenset({"of", "de", "des", "du", "do", "da", "dos", "das", "del", "dels", "d"})
"""The word joining a kind to what it is of, in the five languages (elided "d'" split off)."""
ARTICLES = frozenset({"the", "el", "la", "los", "las", "les", "els", "l", "o", "os", "as"})
"""An article after it ("the congress of the firefighters", "dos bombeiros" is one word)."""


def unknown_qualifier(
    words: list[str], language: str, retriever: Retriever, kind_terms: Set[str]
) -> str | None:
    """The word after a kind's name and its "of" that no record holds, if any."""
    for i, word in enumerate(words[:-2]):
        stem = retriever.analyser.stem
        if not {stem(word, language), stem(word, "en")} & kind_terms:
            continue  # (its stems only: the spelling search of every word would be slow)
        j = i + 1
        if words[j] not in OF and j + 2 < len(words) and _known(words[j], language, retriever):
            j += 1  # an adjective after the kind: "el congreso mundial de bomberos"
        if words[j] not in OF:
            continue
        j += 1
        if words[j] in ARTICLES and j + 1 < len(words):
            j += 1
        if _unknown(words[j], language, retriever):
            return words[j]
    return None


def _known(word: str, language: str, retriever: Retriever) -> bool:
    """A word of content the records hold ("mundial"), not a function word ("el")."""
    options = retriever.query_terms([word], language)
    return any(t in retriever.idf for o in options for t in o)


def _unknown(word: str, language: str, retriever: Retriever) -> bool:
    """A word of content (not a number, a name or a function word) that no record holds,
    nor any spelling, synonym or part of it the retriever knows."""
    if not word.isalpha() or len(word) < 4:
        return False
    if word in retriever.vocabulary.time_words or word in _calendar_words():
        return False  # "la conferencia del verano pasado": when, not which
    if word in _kind_words(retriever):
        return False  # "el premi de bones pràctiques": a word of the kind's own name
    options = retriever.query_terms([word], language)
    return bool(options) and not any(t in retriever.idf for o in options for t in o)


@cache
def _calendar_words() -> frozenset[str]:
    """The months' and weekdays' names in the five languages (Babel's)."""
    return frozenset(
        normalise(name)
        for language in LANGUAGES
        for names in (month_names(language), weekday_names(language))
        for name in names.values()
    )


_KIND_WORDS: WeakKeyDictionary[Retriever, frozenset[str]] = WeakKeyDictionary()
"""Each retriever's kind words, gone with it (a knowledge reload builds a new retriever)."""


def _kind_words(retriever: Retriever) -> frozenset[str]:
    """Every word of the kinds' and steps' names ("bones" of "bones pràctiques")."""
    found = _KIND_WORDS.get(retriever)
    if found is None:
        vocabulary = retriever.vocabulary
        found = _KIND_WORDS[retriever] = frozenset(
            word
            for table in (vocabulary.kinds, vocabulary.steps)
            for languages in table.values()
            for phrases in languages.values()
            for phrase in phrases
            for word in normalise(str(phrase)).split()
        )
    return found
