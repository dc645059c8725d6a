"""The clause in which a member says who they are, before what they ask.

Members typing fast, or dictating, write no punctuation: "we r a city council in peru what
is the group where they write the new statutes", "som un ajuntament petit q es el grup
on...". The asker's own clause runs into the question; it is cut off where the first
question word begins, once its chat shortcuts are written out ("r", "q", "im", "vcs": the
closed table of :attr:`Vocabulary.shortcuts`), so that neither the asker's city nor a
relative "where" further on is read as what is asked.
"""

from __future__ import annotations

from hub.core.assistant.place_names import country_matcher
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

QUESTION_AFTER = 2
"""A question word further in than this is where the asker's clause ends."""
_ARTICLES = frozenset({"the", "el", "la", "l", "le", "les", "los", "las", "o", "a", "os", "as"})
"""An article before a country's name ("el Marroc", "o Brasil")."""
_KEPT_SHORT = frozenset({"usa", "eau"})
"""Shortcuts that are also words of another language, left as written here."""


def spelt_out(clause: str, vocabulary: Vocabulary) -> tuple[list[str], list[int]]:
    """The clause's normalised words with chat shortcuts written out, and for each word the
    index of the whitespace token of ``clause`` it comes from."""
    table = vocabulary.shortcuts or {}
    words: list[str] = []
    origin: list[int] = []
    for at, token in enumerate(clause.split()):
        for word in normalise(token).split():
            long = table.get(word) if word not in _KEPT_SHORT else None
            labelled = len(word) == 1 and bool(words) and words[-1] in vocabulary.kind_words
            written = list(long) if long and not labelled else [word]  # "priority C": a label
            words.extend(written)
            origin.extend([at] * len(written))
    return words, origin


def introduces(clause: str, vocabulary: Vocabulary) -> bool:
    """The clause opens by saying who asks ("we're a small NGO", "somos un ayuntamiento",
    "we r a town", "im from a small town")."""
    words, _ = spelt_out(clause, vocabulary)
    return any(item.start <= 1 for item in vocabulary.introductions.find(words, fuzzy=False))


def asker_then_question(clause: str, vocabulary: Vocabulary) -> list[str]:
    """A clause saying who asks that goes on to ask ("we're a town near Porto and our mayor
    wants to know in which month...", "im from a small town in chile what is...") is split
    where its question word begins."""
    if not introduces(clause, vocabulary):
        return [clause]
    words, origin = spelt_out(clause, vocabulary)
    starts = [
        item.start
        for item in [
            *vocabulary.types.find(list(words), fuzzy=False),
            *vocabulary.question_words.find(list(words), fuzzy=False),
        ]
        if item.start > QUESTION_AFTER
    ]
    if not starts:
        return [clause]
    cut = origin[min(starts)]
    if cut == 0 or (min(starts) and origin[min(starts) - 1] == cut):
        return [clause]  # the question word is inside a token ("c'est", written "c"): kept
    tokens = clause.split()
    return [" ".join(tokens[:cut]), " ".join(tokens[cut:])]


def only_a_country(clause: str) -> bool:
    """The clause is a country's name alone ("Kenya" of "we're a municipality outside
    Nairobi, Kenya, ..."): after the asker's clause, it says where the asker is too."""
    words = normalise(clause).split()
    start = 1 if words[:1] and words[0] in _ARTICLES else 0  # "el Marroc", "the Gambia"
    found = country_matcher().find(list(words), fuzzy=False)
    return len(words) > start and any(f.start == start and f.end == len(words) for f in found)
