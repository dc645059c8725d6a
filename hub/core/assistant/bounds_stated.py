"""Bounds the records state, and the number a question claims against one (issue 22).

A record may state the most of something allowed: "An OGP Local member has up to 5
commitments at any one point", "como máximo 5 compromisos", "au plus 5 engagements", "com a
màxim 5 compromisos", "no máximo 5 compromissos". A question may then claim a number of
that thing ("can we have eight commitments at once?", "nuestra ciudad quiere 7
compromisos", "plus de 5 engagements ?"), or ask for the bound itself ("what's the max?",
"¿hay algún tope?"). This module reads both sides, in the five languages, from the words of
``vocabulary.yaml`` (``bounds``, and ``synonyms.limit`` for the words naming a limit); the
answer is phrased by :mod:`~hub.core.assistant.answers_bounds`.

A bound is the number just after one of the ``upper`` words, followed by the thing it
bounds, in one sentence of the record's prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from hub.core.assistant.number_words import counts_time, names_a_day, used_as_number
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

REACH = 3
"""How many words after a number the thing it counts may be ("5 commitments", "cinco
grandes compromisos")."""
LARGEST = 999
"""A figure above this is no count (a year, a sum)."""

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class BoundWords:
    """The words of bounds in one language, each a tuple of normalised words."""

    upper: tuple[tuple[str, ...], ...]
    only: tuple[tuple[str, ...], ...]
    more: tuple[tuple[str, ...], ...]
    limit: frozenset[str]


@dataclass(frozen=True)
class Bound:
    """The most of a thing a record's sentence allows: its number, the stems of the thing
    counted, and the sentence (in the language it was read in)."""

    number: int
    counted: frozenset[str]
    sentence: str


@dataclass(frozen=True)
class Claimed:
    """A number a question claims of a thing: ``bound`` when it says a bound of its own
    ("up to 10": the bound stated answers it, no yes or no), ``only`` when it claims the
    bound is that number ("only 5"), ``more`` when more than it ("more than 5")."""

    number: int
    bound: bool = False
    only: bool = False
    more: bool = False


@cache
def bound_words(language: str) -> BoundWords:
    """The ``bounds`` words of ``language``, and its words naming a limit."""
    data = load_vocabulary().sections
    table = data.get("bounds") or {}

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        found = {tuple(normalise(str(p)).split()) for p in table.get(key, {}).get(language, [])}
        return tuple(sorted((p for p in found if p), key=len, reverse=True))

    limit = (data.get("synonyms") or {}).get("limit", {}).get(language, [])
    return BoundWords(
        upper=phrases("upper"),
        only=phrases("only"),
        more=phrases("more"),
        limit=frozenset(normalise(str(w)) for w in limit),
    )


def tokens(text: str) -> list[str]:
    """The normalised words and punctuation of ``text`` ("jusqu'à": "jusqu", "a")."""
    return [t for t in (normalise(t) for t in _TOKEN.findall(text)) for t in t.split() if t]


def number_of(word: str, spelt: dict[str, int]) -> int | None:
    """The count ``word`` writes, in figures (not a year) or in words ("siete", "sept")."""
    if word.isdigit():
        value = int(word)
        return value if 0 < value <= LARGEST and len(word) <= 3 else None
    return spelt.get(word)


def _ends_with(words: list[str], i: int, phrases: Iterable[tuple[str, ...]]) -> bool:
    """One of ``phrases`` ends just before ``words[i]``."""
    return any(i >= len(p) and tuple(words[i - len(p) : i]) == p for p in phrases)


def bounds_in(
    prose: str,
    language: str,
    spelt: dict[str, int],
    stem: Callable[[str], set[str]],
) -> list[Bound]:
    """The bounds ``prose`` (in ``language``) states: a number just after an ``upper`` word,
    and the stems (``stem``) of the word it counts, just after it ("5 commitments at a
    time": commitments; not "time", which a question may count otherwise)."""
    words_of = bound_words(language)
    found: list[Bound] = []
    for sentence in _SENTENCE.split(prose):
        words = tokens(sentence)
        for i, word in enumerate(words):
            number = number_of(word, spelt)
            if number is None or not _ends_with(words, i, words_of.upper):
                continue
            after = words[i + 1] if i + 1 < len(words) else ""
            counted = stem(after) if after.isalnum() else set()
            if counted:
                found.append(Bound(number, frozenset(counted), sentence.strip()))
    return found


def claimed(
    words: list[str],
    language: str,
    spelt: dict[str, int],
    counts: Callable[[str], bool],
) -> Claimed | None:
    """The number the question's ``words`` claim of the thing ``counts`` tells (a number at
    most :data:`REACH` words before it: "eight commitments", "mas de 5 compromisos"),
    never one counting a time ("two years") or naming a day; None when none or several."""
    words_of = bound_words(language)
    found: set[Claimed] = set()
    for i, word in enumerate(words):
        number = number_of(word, spelt)
        if number is None or counts_time(words, i) or names_a_day(words, i):
            continue
        if not word.isdigit() and not used_as_number(words, i, language):
            continue
        if not any(counts(w) for w in words[i + 1 : i + 1 + REACH]):
            continue
        more = _ends_with(words, i, words_of.more)
        bound = _ends_with(words, i, words_of.upper) and not more
        only = _ends_with(words, i, words_of.only) and not more
        found.add(Claimed(number, bound=bound, only=only, more=more))
    return next(iter(found)) if len(found) == 1 else None


def limit_asked(words: list[str], language: str) -> bool:
    """The question names a limit ("what's the max", "hay algún tope", "plafond") or says a
    bound ("at most", "no máximo")."""
    words_of = bound_words(language)
    if set(words) & words_of.limit:
        return True
    return any(_ends_with(words, i, words_of.upper) for i in range(1, len(words) + 1))


def within(claim: Claimed, bound: int) -> bool:
    """Whether what is claimed holds under the bound: the bound itself when "only 5" is
    claimed, more than the number allowed when "more than" is said, else the number is at
    most the bound."""
    if claim.only:
        return claim.number == bound
    if claim.more:
        return claim.number < bound
    return claim.number <= bound
