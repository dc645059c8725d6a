"""Everyday words for the network's kinds of records that name a kind only beside a region.

Members call the network's regional offices by casual words: "ur people in africa", "vos
gens en Afrique", "la gent d'Àfrica", "vocês têm gente na África?", "the south american
team". Alone, "people", "gente", "équipe" name no record (every record speaks of people);
beside a world region, named or by its adjective, they are the office serving it. A
region's adjective of two words ("South American", "sud-américain", once normalised "sud
americain") is read as the region's name ("latin america"), so its first word ("south",
"sud") is no word of its own.

The words are the vocabulary's (``kind_in_region``, ``demonyms``); the regions' names are
CLDR's, from Babel, in the five languages.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from hub.core.assistant.place_names import demonyms
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

LANGUAGES = ("en", "es", "fr", "ca", "pt")
LONGEST_REGION = 4
"""At most this many words in a world region's name ("América do Sul", "Amérique latine")."""
NEAR = 3
"""At most this many words between a casual word and the region it is of ("your people in
Africa", "la gent d'Àfrica", "the African team"): farther, the region is another word's
("how many people came to the conference in Africa")."""


@cache
def _people_words() -> dict[str, str]:
    """Casual word -> the word of the kind it names beside a region ("people": "office")."""
    data = load_vocabulary().sections.get("kind_in_region") or {}
    out: dict[str, str] = {}
    for by in data.values():
        kind_word = normalise(str(by["as"]))
        for lang in LANGUAGES:
            for word in by.get(lang, []):
                out[normalise(str(word))] = kind_word
    return out


@cache
def _casual_names() -> dict[tuple[str, ...], list[str]]:
    """A phrase naming a body or a gathering casually ("open gov local"), as word tuples ->
    the records' words for it ("ogp local")."""
    out: dict[tuple[str, ...], list[str]] = {}
    for by in load_vocabulary().sections.get("casual_names") or []:
        meant = normalise(str(by["as"])).split()
        for lang in LANGUAGES:
            for phrase in by.get(lang, []):
                out[tuple(normalise(str(phrase)).split())] = meant
    return out


@cache
def _describers() -> frozenset[str]:
    """Words of size and age a record is described by ("big", "viejo", "ancien")."""
    data = load_vocabulary().sections.get("describers") or {}
    return frozenset(normalise(str(w)) for lang in LANGUAGES for w in data.get(lang, []))


@cache
def _region_names() -> frozenset[tuple[str, ...]]:
    """The world regions' names (M49 codes: Africa, Latin America, Asia...), normalised, as
    word tuples, in the five languages."""
    return frozenset(
        tuple(normalise(name).split())
        for lang in LANGUAGES
        for code, name in Locale.parse(lang).territories.items()
        if code.isdigit() and 0 < len(normalise(name).split()) <= LONGEST_REGION
    )


@cache
def _region_adjectives() -> dict[tuple[str, ...], str]:
    """A world region's adjectives ("african", "south american"), as word tuples -> the
    region's code; countries' adjectives are not regions'."""
    return {tuple(word.split()): code for word, code in demonyms().items() if code.isdigit()}


def _region_name(code: str) -> list[str]:
    """Region ``code``'s English name as words ("latin america"): what the retrieval reads a
    region's adjective of two words as (the records' region, which every language's
    stemming of an English name still finds)."""
    return normalise(Locale.parse("en").territories.get(code, "")).split()


def region_at(words: list[str]) -> set[int]:
    """Where the question names a world region, by its name or its adjective: the index of
    each of the name's words."""
    names, adjectives = _region_names(), _region_adjectives()
    found: set[int] = set()
    for i in range(len(words)):
        for size in range(1, LONGEST_REGION + 1):
            part = tuple(words[i : i + size])
            if len(part) == size and (part in names or part in adjectives):
                found.update(range(i, i + size))
    return found


def casual_kinds(words: list[str]) -> list[str]:
    """``words`` without the words of size and age describing a record ("the big
    conference", "el proyecto viejo"), with a casual name of a body or a gathering made the
    records' ("open gov local": "ogp local"), a region's adjective of two words made one
    ("south american": "latin america") and, when a region is named, a casual word for an
    office made the kind's own word ("people in africa": "office in africa") when the region
    is near it; unchanged otherwise."""
    out: list[str] = []
    words = [w for w in words if w not in _describers()]  # "the big conference": the conference
    named = _casual_names()
    longest = max((len(p) for p in named), default=0)
    i = 0
    while i < len(words):
        size = next((n for n in range(longest, 1, -1) if tuple(words[i : i + n]) in named), 0)
        if size:  # "the general meeting": the records' "general assembly"
            out += named[tuple(words[i : i + size])]
            i += size
            continue
        code = _region_adjectives().get(tuple(words[i : i + 2]))
        if code is not None and i + 1 < len(words) and _region_name(code):
            out += _region_name(code)  # "south american": "latin america"
            i += 2
            continue
        out.append(words[i])
        i += 1
    people = _people_words()
    if not any(w in people for w in out):
        return out
    regions = region_at(out)
    return [
        people[w] if w in people and any(0 < abs(j - i) <= NEAR for j in regions) else w
        for i, w in enumerate(out)
    ]
