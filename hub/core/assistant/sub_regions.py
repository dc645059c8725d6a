"""A part of a continent named by its direction: "west africa", "l'Afrique de l'Ouest",
"África occidental", "l'Àfrica de l'oest", "a África Ocidental".

Members describe where a record is by a world sub-region rather than a country ("the big
conference in west africa in 2020"); the records hold cities and countries. A sub-region
is one of CLDR's (UN M49, the vocabulary's ``region_containment``): its name in the five
languages is Babel's ("Western Africa", "Afrique occidentale"), and the casual names
members type are a continent's name (Babel's too) with a direction word of the
vocabulary's ``region_directions`` before it ("west africa", "norte da Europa") or after
it ("África del oeste", "Afrique de l'Ouest"). A direction word that is also a function word ("est",
"este") counts only after "de", "del", "do": "l'Afrique est loin" names no East Africa.

A record lies in the sub-regions of its country: ``sub_region_term`` is the term both the
record (:mod:`~hub.core.assistant.retrieval`) and the question hold for it.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

LANGUAGES = ("en", "es", "fr", "ca", "pt")
CONNECTORS = frozenset({"de", "del", "d", "l", "do", "da", "of", "the"})
"""Words between a continent's name and its direction ("África del oeste", "Afrique de
l'Ouest", "África do Sul" is a country: its own name is matched first)."""
LONGEST = 4
"""At most this many words in a sub-region's name as CLDR writes it ("Europe de l Ouest")."""


def sub_region_term(code: str) -> str:
    """The index term of the sub-region ``code`` (M49): no word any language writes."""
    return f"~{code}"


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(direction word -> its direction, English direction word -> direction), normalised."""
    data = load_vocabulary().sections.get("region_directions") or {}
    words: dict[str, str] = {}
    for direction, by in data.items():
        for lang in LANGUAGES:
            for word in by.get(lang, []):
                words[normalise(str(word))] = str(direction)
    english = {normalise(str(w)): str(d) for d, by in data.items() for w in by.get("en", [])}
    return words, english


@cache
def _containment() -> dict[str, list[str]]:
    data = load_vocabulary().sections.get("region_containment") or {}
    return {str(region): [str(m) for m in members] for region, members in data.items()}


@cache
def sub_regions() -> frozenset[str]:
    """The sub-regions (M49 codes) whose members are countries: the parts of continents."""
    return frozenset(
        region
        for region, members in _containment().items()
        if members and not any(m.isdigit() for m in members)
    )


@cache
def _named() -> dict[tuple[str, ...], str]:
    """Every way of naming a sub-region, as word tuples -> its code: CLDR's names in the five
    languages, and a continent's name with a direction word before or after it."""
    out: dict[tuple[str, ...], str] = {}
    parts = sub_regions()
    for lang in LANGUAGES:
        for code, name in Locale.parse(lang).territories.items():
            words = tuple(normalise(name).split())
            if code in parts and 1 < len(words) <= LONGEST:  # "Sudamérica": a compound
                out[words] = code
    return out


@cache
def _countries() -> frozenset[tuple[str, ...]]:
    """The countries' names in the five languages (CLDR), as word tuples: "South Africa",
    "África do Sul" name a country, no part of a continent."""
    return frozenset(
        tuple(normalise(name).split())
        for lang in LANGUAGES
        for code, name in Locale.parse(lang).territories.items()
        if not code.isdigit()
    )


@cache
def _by_direction() -> dict[tuple[str, str], str]:
    """(continent's name, normalised, one word; direction) -> the continent's sub-region of
    that direction: the one CLDR calls, in English, by the direction and the continent only
    ("Western Africa"; not "South-Eastern Asia")."""
    _, english = _tables()
    names = {lang: Locale.parse(lang).territories for lang in LANGUAGES}
    out: dict[tuple[str, str], str] = {}
    for continent, members in _containment().items():
        for member in members:
            words = normalise(names["en"].get(member, "")).split()
            if member not in sub_regions() or len(words) != 2 or words[0] not in english:
                continue
            for lang in LANGUAGES:
                said = normalise(names[lang].get(continent, "")).split()
                if len(said) == 1:
                    out[(said[0], english[words[0]])] = member
    return out


def sub_regions_at(words: list[str], stopwords: frozenset[str]) -> list[tuple[int, int, str]]:
    """Where ``words`` name a sub-region: (first index, index after the last, code), in
    order, none overlapping."""
    named, directions, by_direction = _named(), _tables()[0], _by_direction()
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        hit = _at(words, i, named, directions, by_direction, stopwords)
        if hit is not None and tuple(words[hit[0] : hit[1]]) in _countries():
            hit = None  # "South Africa", "África do Sul": the country
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit[1]
    return found


def _at(
    words: list[str],
    i: int,
    named: dict[tuple[str, ...], str],
    directions: dict[str, str],
    by_direction: dict[tuple[str, str], str],
    stopwords: frozenset[str],
) -> tuple[int, int, str] | None:
    for size in range(LONGEST, 0, -1):
        code = named.get(tuple(words[i : i + size]))
        if code is not None and len(words[i : i + size]) == size:
            return i, i + size, code
    word = words[i]
    j = i + 1
    while j < len(words) and words[j] in CONNECTORS:
        j += 1
    after = words[j] if j < len(words) else ""
    if word in directions and word not in stopwords:  # "west africa", "norte da Europa"
        code = by_direction.get((after, directions[word]))
        if code is not None:
            return i, j + 1, code
    if j < len(words) and words[j] in directions:
        joined = j > i + 1
        if joined or words[j] not in stopwords:  # "Afrique de l'Est", not "Afrique est"
            code = by_direction.get((word, directions[words[j]]))
            if code is not None:
                return i, j + 1, code
    return None
