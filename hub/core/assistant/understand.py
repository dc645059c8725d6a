"""From a question's words to a :class:`Query`: the intent and its slots.

Slots are read first and their words set aside (a relative period, a year,
an ordinal, a month, a season, a place, a topic), so that "el mes que viene"
is a period and not the word "next"; the remaining words are matched against
the concept table (exactly, then with typos), and the intent is the first
rule of ``intents.yaml`` whose concepts and slots are present.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pycountry
from babel import Locale

from hub.core.assistant.dates import (
    Period,
    named_month,
    relative_period,
    season_period,
    year_period,
)
from hub.core.assistant.index import KnowledgeIndex
from hub.core.assistant.tables import LANGUAGES, Tables
from hub.core.assistant.text import PhraseMatcher, normalise

_YEAR = re.compile(r"^(19|20)\d\d$")
_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th|a|e|o|eme|ieme|er|ere|ena|era|na|ta|to|t)?$")
_ROMAN = re.compile(r"^([ivxl]{2,7})(e|eme|a|o|th|na|ena)?$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
MAX_CHARACTERS = 1000
"""A question is read up to here: enough for any question, and the cost stays bounded."""
NUMBER_CONCEPTS = frozenset({"conference", "award", "edition", "candidacy"})


def roman(text: str) -> int | None:
    """``"xiii"`` -> 13; None when the letters are not a well-formed numeral."""
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total if _to_roman(total) == text else None


def _to_roman(number: int) -> str:
    out = []
    for value, letters in (
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


@dataclass
class Query:
    """What a question asks, as far as the tables can tell."""

    text: str
    tokens: list[str]
    concepts: set[str] = field(default_factory=set)
    fuzzy_concepts: set[str] = field(default_factory=set)
    intent: str = "unknown"
    number: int | None = None
    year: int | None = None
    period: Period | None = None
    city: str | None = None
    country: str | None = None
    topic: str | None = None
    unknown_place: str | None = None
    """A place the knowledge does not know ("events in Lisbon"), as written."""

    def has_slot(self, slot: str) -> bool:
        return {
            "number": self.number is not None,
            "year": self.year is not None,
            "period": self.period is not None,
            "place": self.city is not None or self.country is not None or bool(self.unknown_place),
            "topic": self.topic is not None,
        }[slot]

    @property
    def confidence(self) -> float:
        if self.intent == "unknown":
            return 0.0
        return round(max(0.5, 0.95 - 0.15 * len(self.fuzzy_concepts)), 2)


class Places:
    """The cities and countries the knowledge names, as questions write them."""

    def __init__(self, index: KnowledgeIndex, tables: Tables) -> None:
        self.cities: PhraseMatcher[str] = PhraseMatcher(fuzzy_cutoff=80.0, fuzzy_min_length=5)
        known = index.cities()
        for written, name in known.items():
            self.cities.add(written, name)
        for name, aliases in tables.city_aliases.items():
            if name in known:
                self.cities.add_all(aliases, name)
        # Every country, not only those the knowledge names: "events in Japan" is a
        # question about a place with no event, not a question without a place.
        self.countries: PhraseMatcher[str] = PhraseMatcher(fuzzy_cutoff=86.0, fuzzy_min_length=5)
        territories = [Locale.parse(language).territories for language in LANGUAGES]
        for country in pycountry.countries:
            code = country.alpha_2
            self.countries.add(country.name, code)
            for names in territories:
                self.countries.add(names.get(code, ""), code)
        for code, aliases in tables.country_aliases.items():
            self.countries.add_all(aliases, code)


def understand(
    text: str, tables: Tables, places: Places, today: dt.date, *, rules: bool = True
) -> Query:
    """Read ``text`` into a :class:`Query` (``today`` resolves relative periods)."""
    tokens = normalise(text[:MAX_CHARACTERS]).split()
    query = Query(text=text, tokens=tokens)
    used: set[int] = set()

    for found in tables.relative.find(tokens, used, fuzzy=False):
        query.period = relative_period(found.value, today)
    _numbers(query, tables, used)
    month = next(iter(tables.months.find(tokens, used)), None)
    season = next(iter(tables.seasons.find(tokens, used)), None)
    city = next(iter(places.cities.find(tokens, used, fuzzy=False)), None)
    country = next(iter(places.countries.find(tokens, used, fuzzy=False)), None)
    query.city = city.value if city else None
    query.country = country.value if country else None
    topic = next(iter(tables.topics.find(tokens, used, fuzzy=False)), None)
    query.topic = topic.value if topic else None

    for found in tables.concepts.find(tokens, used, fuzzy=False):
        query.concepts.add(found.value)
    skip = used | {i for i, t in enumerate(tokens) if t in tables.markers}
    if query.city is None:  # a place with a typo, before the words with typos
        city = next(iter(places.cities.find_fuzzy(tokens, skip)), None)
        query.city = city.value if city else None
    for found in tables.concepts.find_fuzzy(tokens, skip):
        if found.value not in query.concepts:
            query.fuzzy_concepts.add(found.value)
        query.concepts.add(found.value)
    if query.city is None and query.country is None:
        query.unknown_place = _unknown_place(tokens, skip, tables)
    normalised = " ".join(tokens)
    for concept, patterns in tables.patterns.items():
        if any(p.search(normalised) for p in patterns):
            query.concepts.add(concept)

    southern = query.country in tables.southern
    if month is not None:
        query.period = named_month(month.value, today, query.year)
    elif season is not None:
        query.period = season_period(season.value, today, query.year, southern=southern)
    if query.number is not None and not query.concepts & NUMBER_CONCEPTS:
        query.number = None
    if rules:
        query.intent = choose_intent(query, tables)
    if query.period is None and query.year is not None and query.intent.startswith("events"):
        query.period = year_period(query.year)
    return query


def _unknown_place(tokens: list[str], used: set[int], tables: Tables) -> str | None:
    """Unknown words after a place preposition ("in lisbon"): a place without records."""
    for i, token in enumerate(tokens[:-1]):
        if token not in tables.place_prepositions:
            continue
        words = []
        for j in range(i + 1, min(i + 4, len(tokens))):
            word = tokens[j]
            if j in used or word in tables.votes or word.isdigit() or len(word) < 3:
                break
            words.append(word)
        if words:
            return " ".join(words).title()
    return None


def _numbers(query: Query, tables: Tables, used: set[int]) -> None:
    """Years (2020), ordinals (13th, 13a, XIII, treizieme) and bare edition numbers."""
    for i, token in enumerate(query.tokens):
        if i in used:
            continue
        if _YEAR.match(token):
            query.year = int(token)
            used.add(i)
            continue
        match = _ORDINAL.match(token)
        if match and 1 <= int(match.group(1)) <= 99:
            query.number = int(match.group(1))
            used.add(i)
            continue
        match = _ROMAN.match(token)
        if match and (value := roman(match.group(1))) and value <= 40:
            query.number = value
            used.add(i)
    for found in tables.ordinals.find(query.tokens, used, fuzzy=False):  # septieme ~ septiembre
        query.number = found.value


def choose_intent(query: Query, tables: Tables) -> str:
    """The first rule whose concepts (and, if it names any, slots) are in the query."""
    present = query.concepts
    for rule in tables.rules:
        if rule.all and not all(c in present for c in rule.all):
            continue
        if rule.any and not any(c in present for c in rule.any):
            continue
        if rule.slots and not any(_slot(query, s) for s in rule.slots):
            continue
        return rule.name
    return "unknown"


def _slot(query: Query, slot: str) -> bool:
    if slot == "period":
        return query.period is not None or query.year is not None
    return query.has_slot(slot)
