"""Topic tags, countries and regions mentioned in an item, from three data tables.

``topics.yaml`` maps each tag to keywords in the five working languages, and
gives its ``name`` per language, as members read it (:func:`topic_name`);
``countries.yaml`` maps ISO codes to the IOPD region and the country's names;
``gazetteer.yaml`` (built by :mod:`hub.core.ingest.gazetteer_build` from CLDR, the
seed documents and a curated list) maps city names to their countries, so a
text about Dakar is about Senegal, hence Africa. A city name that is also an
everyday word (Praia, Lima, Seul) counts only when the text names its
country; a name of cities in several countries (Valencia, Santiago) takes the
country the text names, else its default, else none.
Text and keywords are compared lower-cased and without accents, word by
word: the text's word n-grams are looked up in a dict built from the table,
so the cost is one pass over the text however many keywords there are. The tables propose tags; the
secretariat can change them on any item.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
TOPICS_FILE = HERE / "topics.yaml"
COUNTRIES_FILE = HERE / "countries.yaml"
GAZETTEER_FILE = HERE / "gazetteer.yaml"
ALL = "*"
NAME = "name"
"""The key of a topic's names per language in ``topics.yaml`` (every other key is a language)."""


_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
TEXT_LIMIT = 3000


def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents (``Côte`` -> ``cote``)."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.lower()))


_WORD = re.compile(r"\w+")


def tokens(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` (punctuation and apostrophes separate words)."""
    return tuple(_WORD.findall(fold(text)))


@dataclass(frozen=True)
class _Matcher:
    """Finds keyword phrases by looking word n-grams up in a dict: one pass, any table size.

    (One regular expression with hundreds of alternatives costs milliseconds per
    text in Python's engine; this costs microseconds.)
    """

    phrases: dict[tuple[str, ...], str]
    prefixes: tuple[tuple[tuple[str, ...], str], ...]
    longest: dict[str, int]  # first word -> longest phrase starting with it

    def find(self, words: tuple[str, ...]) -> list[str]:
        found: list[str] = []
        count = len(words)
        for start, word in enumerate(words):
            longest = self.longest.get(word)
            if longest is not None:
                for size in range(min(longest, count - start), 0, -1):
                    value = self.phrases.get(words[start : start + size])
                    if value is not None:
                        if value not in found:
                            found.append(value)
                        break
            for phrase, value in self.prefixes:
                if word != phrase[0] and len(phrase) > 1:
                    continue
                size = len(phrase)
                head = words[start : start + size]
                if (
                    len(head) == size
                    and head[:-1] == phrase[:-1]
                    and head[-1].startswith(phrase[-1])
                    and value not in found
                ):
                    found.append(value)
        return found


def _matcher(keywords: dict[str, str]) -> _Matcher:
    phrases: dict[tuple[str, ...], str] = {}
    prefixes: list[tuple[tuple[str, ...], str]] = []
    for keyword, value in keywords.items():
        words = tokens(keyword.rstrip("*"))
        if not words:
            continue
        if keyword.endswith("*"):
            prefixes.append((words, value))
        else:
            phrases.setdefault(words, value)
    longest: dict[str, int] = {}
    for words in phrases:
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return _Matcher(phrases, tuple(prefixes), longest)


_NO_CITIES = _matcher({})


@dataclass(frozen=True)
class City:
    """What a city name may point to (see the module docstring)."""

    countries: tuple[str, ...]
    default: str | None
    guarded: bool

    @property
    def sure(self) -> str | None:
        """The country, when the name alone says it (one country, not a common word)."""
        return self.countries[0] if len(self.countries) == 1 and not self.guarded else None


@dataclass(frozen=True)
class Tagger:
    """Finds topics (per language) and countries (any language, by name or city) in text."""

    topics: dict[str, _Matcher]
    countries: _Matcher
    regions: dict[str, str]
    region_names: _Matcher
    cities: _Matcher = _NO_CITIES
    city_entries: dict[str, City] | None = None

    def tag(self, text: str, language: str | None) -> tuple[list[str], list[str], list[str]]:
        """Topics, countries and regions of ``text`` (its first :data:`TEXT_LIMIT` chars)."""
        words = tokens(text[:TEXT_LIMIT])
        matcher = self.topics.get(language or ALL) or self.topics[ALL]
        countries = self._countries(words)
        regions = self.regions_of(countries)
        regions += [r for r in self.region_names.find(words) if r not in regions]
        return matcher.find(words), countries, regions

    def topics_in(self, text: str, language: str | None = None) -> list[str]:
        matcher = self.topics.get(language or ALL) or self.topics[ALL]
        return matcher.find(tokens(text))

    def countries_in(self, text: str) -> list[str]:
        return self._countries(tokens(text))

    def _countries(self, words: tuple[str, ...]) -> list[str]:
        """Countries named, then those of the cities named, in the order of the text.

        Named countries and the cities whose name alone is sure confirm the others:
        a guarded or shared name takes the confirmed country it may mean, else
        (not guarded) its default.
        """
        countries = self.countries.find(words)
        entries = self.city_entries or {}
        cities = [entries[key] for key in self.cities.find(words)]
        confirmed = set(countries) | {c.sure for c in cities if c.sure}
        for city in cities:
            chosen = [c for c in city.countries if c in confirmed]
            if not chosen and not city.guarded and city.default:
                chosen = [city.default]
            countries += [c for c in chosen if c not in countries]
        return countries

    def regions_of(self, countries: list[str]) -> list[str]:
        regions: list[str] = []
        for code in countries:
            region = self.regions.get(code)
            if region and region not in regions:
                regions.append(region)
        return regions


def load_tagger(
    topics_file: Path = TOPICS_FILE,
    countries_file: Path = COUNTRIES_FILE,
    gazetteer_file: Path | None = GAZETTEER_FILE,
) -> Tagger:
    """A tagger from the tables (see the module docstring for their shape)."""
    topics_data: dict[str, dict[str, Any]] = yaml.safe_load(topics_file.read_text("utf-8"))
    by_language: dict[str, dict[str, str]] = {ALL: {}}
    for tag, languages in topics_data.items():
        for language, words in languages.items():
            if language == NAME:
                continue
            for word in words:
                key = fold(str(word))
                by_language.setdefault(language, {})[key] = tag
                by_language[ALL].setdefault(key, tag)
    topics = {language: _matcher(words) for language, words in by_language.items()}

    countries_data: dict[str, Any] = yaml.safe_load(countries_file.read_text("utf-8"))
    names: dict[str, str] = {}
    regions: dict[str, str] = {}
    for code, entry in countries_data["countries"].items():
        regions[str(code)] = str(entry["region"])
        for name in entry["names"]:
            names[fold(str(name))] = str(code)
    region_names = {
        fold(str(name)): str(region)
        for region, listed in (countries_data.get("region_names") or {}).items()
        for name in listed
    }
    cities, entries = _gazetteer(gazetteer_file, regions) if gazetteer_file else ({}, {})
    return Tagger(
        topics, _matcher(names), regions, _matcher(region_names), _matcher(cities), entries
    )


def _gazetteer(path: Path, regions: dict[str, str]) -> tuple[dict[str, str], dict[str, City]]:
    """City names -> entry keys, and the entries; adds the gazetteer's countries to ``regions``."""
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    for code, region in (data.get("countries") or {}).items():
        regions.setdefault(str(code), str(region))
    names: dict[str, str] = {}
    entries: dict[str, City] = {}
    for place in data.get("places") or []:
        key = " ".join(tokens(str(place["name"])))
        countries = tuple(str(c) for c in place["countries"])
        default = place.get("default", countries[0] if len(countries) == 1 else None)
        entries[key] = City(countries, default, bool(place.get("guarded")))
        names[key] = key
    return names, entries


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The tagger built from the tables shipped with the hub (built once per process)."""
    return load_tagger()


@lru_cache(maxsize=4)
def topic_names(topics_file: Path = TOPICS_FILE) -> dict[str, dict[str, str]]:
    """Each topic tag's name per language, as ``topics.yaml`` gives it."""
    data: dict[str, dict[str, Any]] = yaml.safe_load(topics_file.read_text("utf-8")) or {}
    return {
        str(tag): {str(code): str(name) for code, name in (entry.get(NAME) or {}).items()}
        for tag, entry in data.items()
        if isinstance(entry, dict)
    }


def topic_name(tag: str, language: str | None) -> str:
    """A topic as readers of ``language`` know it (English's name, else the tag made readable)."""
    names = topic_names().get(tag, {})
    name = names.get(language or "en") or names.get("en")
    return name or tag.replace("-", " ").replace("_", " ")
