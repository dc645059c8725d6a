"""The acronyms a record's name is known by, made from the name itself.

Members call an event or a body by the initials of its name's significant words: "WUF"
(World Urban Forum), "FUM" (Foro Urbano Mundial, Forum urbain mondial), "CEMR" (Congress of
European Municipalities and Regions), "GFMDD". Each language variant of a name gives its
own acronym. An acronym is an alias of the record only when no other record's name gives
it and no word of the records is spelt so (then it is a word, not a name).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable

from hub.core.assistant.text import normalise

_GLOSS = re.compile(r"\([^)]*\)")
_PARTS = re.compile(r"[,:;–—]| - ")
"""Where a name's parts divide ("4th UCLG Congress, Summit for local and regional leaders"):
each part is a name of its own, with its own initials."""
SHORTEST, LONGEST = 3, 6
"""An acronym has three letters or more (two letters are too often a word or a code) and
six at most (a longer run of initials is a sentence, not a name)."""


def name_acronyms(name: str, stopwords: Collection[str]) -> set[str]:
    """The initials of each part of ``name``'s significant words, lower case, without
    accents ("Foro Urbano Mundial (WUF 10)": ``fum``). Only a proper name has them: a part
    whose significant words are not all capitalised ("Forum urbain mondial", "How to join")
    is a description, and a part holding an acronym already ("4th UCLG Congress") is called
    by it. Numbers (an edition, a year) are no initials."""
    found = set()
    for part in _PARTS.split(_GLOSS.sub(" ", name)):
        tokens = [t for t in part.split() if not any(c.isdigit() for c in t)]
        if any(t.isupper() and len(t) > 1 for t in tokens):
            continue
        significant = [t for t in tokens if normalise(t) not in stopwords]
        if not significant or not all(t[:1].isupper() and t.isalpha() for t in significant):
            found |= _inner_names(part, stopwords)
            continue
        letters = normalise("".join(t[0] for t in significant))
        if SHORTEST <= len(letters) <= LONGEST:
            found.add(letters)
    return found


def _inner_names(part: str, stopwords: Collection[str]) -> set[str]:
    """The initials of the proper names a described part holds, each a run of capitalised
    words joined by function words and no other ("Working group on the Millennium
    Development Goals post 2015": ``mdg``; "Objetivos de Desenvolvimento do Milénio":
    ``odm``), past the part's first word (a sentence's capital, "Grupo de trabalho")."""
    found = set()
    run: list[str] = []
    for token in [*part.split()[1:], "."]:
        if token[:1].isupper() and token.isalpha():
            run.append(token)
            continue
        if token.isalpha() and normalise(token) in stopwords and run:
            continue  # "de", "do", "of": inside a name
        letters = normalise("".join(t[0] for t in run))
        if SHORTEST <= len(letters) <= LONGEST and len(run) >= SHORTEST:
            found.add(letters)
        run = []
    return found


def unambiguous_acronyms(
    names_by_record: Iterable[tuple[str, Iterable[str]]],
    stopwords: Collection[str],
    words: Collection[str],
) -> dict[str, str]:
    """Acronym -> the one record whose names give it; acronyms that two records give, or
    that the records write as a word of their own ("sol", "pas"), are left out."""
    givers: defaultdict[str, set[str]] = defaultdict(set)
    for key, names in names_by_record:
        for name in names:
            for acronym in name_acronyms(name, stopwords):
                givers[acronym].add(key)
    return {
        acronym: next(iter(keys))
        for acronym, keys in givers.items()
        if len(keys) == 1 and acronym not in words and acronym not in stopwords
    }
