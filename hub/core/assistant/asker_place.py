"""The place that says where the asker is, not which record is asked about.

"Our municipality in Ghana wants to become a member, how do we do it?", "Comment une ville du
Sénégal peut-elle devenir membre ?", "Quanto custa a adesão para um município brasileiro?",
"do cities in latin america pay a fee?": the country or region qualifies who would join or
pay (a city, a council, an NGO, a university of, from or in it), and the network's joining
and fee records answer for a member anywhere. Read as what is asked, the place found no
record of joining from it and the question was handed off, or drew the regional office's
record, which states no fee. The place is set aside as the asker's context: still a word
around the question, so that a record about that place which states the slot (an office's
own joining record) ranks first among those that do.

A place is a country (CLDR's names, from Babel, and the vocabulary's other names), a world
region (CLDR's M49 names) or the adjective of either (the vocabulary's ``demonyms``), right
after the asker's noun, behind a word of "of", "from" or "in" ("un ajuntament del Senegal",
"cities in Latin America") or as its adjective ("um município brasileiro", "Senegalese
towns"). A place named elsewhere ("the conference in Senegal", "the African Platform")
qualifies no asker and stays what is asked.
"""

from __future__ import annotations

from functools import cache

from hub.core.assistant.casual_kinds import LONGEST_REGION, region_at
from hub.core.assistant.member_kinds import KIND_NOUNS
from hub.core.assistant.place_names import country_matcher, demonyms
from hub.core.assistant.vocabulary import Vocabulary

FROM_PLACE = frozenset(
    {"of", "from", "in", "de", "d", "del", "des", "du", "da", "do", "das", "dos", "em", "en"}
    | {"no", "na", "nos", "nas", "dans", "a", "al", "au", "aux", "near", "pres", "prop"}
)
"""Words after an asker's noun that say where it is ("of", "in", "du", "na", "near")."""
ARTICLES = frozenset({"the", "el", "la", "l", "les", "los", "las", "els", "o", "os", "as"})
"""An article before a place's name ("in the Gambia", "de la Argentina", "do Brasil" is one
word already)."""
ADJECTIVES = frozenset(
    {"local", "locales", "locaux", "locals", "locais", "municipal", "municipales", "municipaux"}
    | {"municipals", "municipais", "regional", "regionales", "regionaux", "regionals"}
    | {"regionais", "small", "pequeno", "pequena", "petit", "petite", "petita", "pequeño"}
    | {"pequeña", "petits", "petites", "mid", "size", "sized", "big", "grande"}
)
"""Words that may stand between an asker's noun and its place ("a city council in Ghana",
"une commune rurale", "un municipio pequeño de Chile")."""
_NEAR_PLACE = 3
"""At most this many words from the asker's noun to its place ("un municipi petit de la
Garrotxa"...): farther, the place is another word's."""


@cache
def _place_adjectives() -> frozenset[str]:
    """The countries' and regions' adjectives, normalised ("brasileiro", "latin american")."""
    return frozenset(demonyms())


def _places(words: list[str]) -> dict[int, int]:
    """Where a country, a region or the adjective of either starts -> where it ends."""
    starts: dict[int, int] = {}
    for found in country_matcher().find(list(words), fuzzy=False):
        starts[found.start] = max(starts.get(found.start, 0), found.end)
    regions = sorted(region_at(words))
    for i in regions:  # a region's words, contiguous runs
        if i - 1 not in regions:
            end = i
            while end in regions:
                end += 1
            starts[i] = max(starts.get(i, 0), end)
    adjectives = _place_adjectives()
    for i in range(len(words)):
        for size in range(LONGEST_REGION, 0, -1):
            if " ".join(words[i : i + size]) in adjectives and i + size <= len(words):
                starts[i] = max(starts.get(i, 0), i + size)
                break
    return starts


def asker_place(words: list[str], vocabulary: Vocabulary) -> set[int]:
    """The positions of the words naming where an asker's noun is ("ghana" of "our
    municipality in Ghana", "du senegal", "brasileiro" of "um município brasileiro",
    "senegalese" of "Senegalese towns"): who asks, not what is asked."""
    places = _places(words)
    if not places:
        return set()
    kinds = frozenset().union(*KIND_NOUNS.values())
    nouns = (vocabulary.askers | kinds) - ADJECTIVES
    adjectives = _place_adjectives()
    found: set[int] = set()
    for i, word in enumerate(words):
        if word not in nouns:
            continue
        if i and words[i - 1] in adjectives:  # "Senegalese towns", "brazilian cities"
            found.add(i - 1)
        j = i + 1
        while j < len(words) and j - i < _NEAR_PLACE and words[j] in ADJECTIVES:
            j += 1
        if j in places and " ".join(words[j : places[j]]) in adjectives:
            found.update(range(j, places[j]))  # "um município brasileiro"
            continue
        if j >= len(words) or words[j] not in FROM_PLACE:
            continue
        j += 1
        if j < len(words) and words[j] in ARTICLES and j + 1 in places:
            j += 1
        if j in places:
            found.update(range(i + 1, places[j]))  # the "in", "du" and the place's words
    return found
