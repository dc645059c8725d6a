"""Misspelt words corrected before a question is read: a correction step, not fuzzy matching.

A member types "confernce", "aplications", "topcs" or "candidatter"; retrieval looks up
words exactly, so such a word finds nothing. A word is corrected only when all of these hold:

- it is long enough for one slip to leave it recognisable (:data:`SHORTEST_TYPO` letters:
  "slak" is Slack, "ala" is never touched, short words collide);
- it is no word the assistant knows (its vocabulary's tables, the records' own words) and
  no word of any of the five languages (wordfreq's lists, :func:`lexicon`): "practise",
  "adesao" or "costa" are words, whatever they resemble;
- it is no number and no name (written in capitals, or capitalised inside a sentence);
- it is one edit (Damerau: a letter added, dropped, changed, or two neighbours swapped)
  from exactly one word of :data:`SHORTEST_TARGET` letters or more that the assistant knows.
  Two such words are a tie, and a tie is left alone.

Issue #22 reserves fuzzy matching for names: an everyday word read as a concept it merely
resembles invents answers. Here the word is changed only into the one known word it can
have been meant as, and then read as exactly as any other word.

The five languages' word lists are loaded the first time a correction is proposed, once
per process: about a second, and the process's resident memory grows by some 75 MB (105 to
182 MB measured in an assistant's process; the 300,000 words kept are about 30 MB of it,
the rest the lists read to find them). Most questions hold no unknown word and never need
them.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from functools import cache, cached_property
from typing import TYPE_CHECKING

from rapidfuzz.distance import DamerauLevenshtein

from hub.core.assistant.text import LONGEST_WORD, PhraseMatcher, normalise

if TYPE_CHECKING:
    from hub.core.assistant.vocabulary import Vocabulary

SHORTEST_TYPO = 4
"""A shorter unknown word is never corrected."""
SHORTEST_TARGET = 5
"""A shorter known word is never what a typo is corrected into."""
LANGUAGES = ("en", "es", "fr", "ca", "pt")
RAREST_WORD = 1e-7
"""A word seen less often than this (once in ten million words) is no word of the language:
the common slips are rarer ("confernce", "aplications" are not seen at all; "ofice" 2e-8),
the inflected forms the smaller lists lack are not ("concejalia" 4e-7, "pasais" 3e-7)."""
_BUCKETS = round(-100 * math.log10(RAREST_WORD))
"""wordfreq's lists hold their words in buckets of a centibel each, the most frequent first:
bucket ``i`` holds the words seen about 10 ** (-i / 100) times a word."""
_SENTENCE = re.compile(r"[^.!?¿¡:;\n]+")
_WORD = re.compile(r"\w+")


@cache
def lexicon() -> frozenset[str]:
    """The normalised words of the five languages that wordfreq's large lists see at least
    :data:`RAREST_WORD` times a word: words a member may mean as they are written, inflected
    forms too ("organizaba", "consultei", "remboursez")."""
    from wordfreq import available_languages, read_cBpack  # only when a correction is proposed

    files = available_languages("large")  # read, not kept: wordfreq's own cache would keep
    words: set[str] = set()  # the rarest words too (a hundred megabytes)
    for language in LANGUAGES:
        for bucket in read_cBpack(files[language])[:_BUCKETS]:
            for word in bucket:
                if word.isascii() and word.isalpha():  # most: already as normalised
                    words.add(word)
                else:  # "aujourd'hui", "col·laboració", "adesão"
                    words.update(normalise(word).split())
    return frozenset(words)


def vocabulary_words(vocabulary: Vocabulary) -> frozenset[str]:
    """Every word of the vocabulary's tables: its phrase tables, word sets and word lists."""
    found: set[str] = set(vocabulary.votes)
    for field in dataclasses.fields(vocabulary):
        found |= _words_in(getattr(vocabulary, field.name))
    return frozenset(found)


def _words_in(value: object) -> set[str]:
    if isinstance(value, PhraseMatcher):
        return {w for phrase in value.phrases() for w in phrase}
    if isinstance(value, str):
        return set(normalise(value).split())
    if isinstance(value, dict):
        return {w for k, v in value.items() for w in _words_in(k) | _words_in(v)}
    if isinstance(value, (list, tuple, set, frozenset)):
        return {w for item in value for w in _words_in(item)}
    return set()


def names_in(text: str) -> frozenset[str]:
    """The words ``text`` writes as names: in capitals ("OIDP"), or capitalised after a
    sentence's first word ("the conference in Cascias")."""
    names: set[str] = set()
    for sentence in _SENTENCE.finditer(text):
        for i, word in enumerate(_WORD.findall(sentence.group())):
            if (i and not word.islower()) or (len(word) > 1 and word.isupper()):
                names.add(normalise(word))
    return frozenset(names)


class Speller:
    """Corrects words no language knows into the one known word they are an edit away from.

    The known words of :data:`SHORTEST_TARGET` letters or more are indexed by themselves and
    by each of their one-letter deletions (SymSpell's index, for one edit): a word one edit
    from a known word shares a key with it, so its candidates are a few dictionary look-ups
    away, whatever the number of known words, and only they are measured. Both are built on
    first use (some 50 ms), not with the index: most processes that build an assistant never
    read a misspelt question."""

    def __init__(self, record_words: Iterable[str], vocabulary: Vocabulary) -> None:
        self._record_words = frozenset(record_words)
        self._vocabulary = vocabulary

    @cached_property
    def known(self) -> frozenset[str]:
        """The words of the records and of the vocabulary's tables."""
        return self._record_words | vocabulary_words(self._vocabulary)

    @cached_property
    def _near(self) -> dict[str, set[str]]:
        near: dict[str, set[str]] = {}
        for word in self.known:
            if len(word) >= SHORTEST_TARGET and word.isalpha() and word.isascii():
                for key in _keys(word):
                    near.setdefault(key, set()).add(word)
        return near

    def correction(self, word: str) -> str | None:
        """The one known word ``word`` is a slip of, or None."""
        if (
            len(word) < SHORTEST_TYPO
            or len(word) > LONGEST_WORD
            or word in self.known
            or not word.isalpha()
        ):
            return None
        near = {
            target
            for key in _keys(word)
            for target in self._near.get(key, ())
            if DamerauLevenshtein.distance(word, target, score_cutoff=1) <= 1
        }
        if len(near) != 1 or word in lexicon():
            return None
        return near.pop()

    def corrected(self, words: list[str], names: frozenset[str] = frozenset()) -> list[str]:
        """``words`` with each slip corrected; ``names`` are never corrected."""
        return [word if word in names else (self.correction(word) or word) for word in words]


def _keys(word: str) -> set[str]:
    """``word`` and ``word`` less each of its letters."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
