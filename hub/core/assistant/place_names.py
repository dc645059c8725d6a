"""The names of places in the hub's vocabulary (``vocabulary.yaml``) and in CLDR: cities in
each language and by their short names, countries' names and adjectives, and the world
regions a country lies in; each table built once, from
:func:`~hub.core.assistant.vocabulary_file.load_vocabulary`.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary import LANGUAGES
from hub.core.assistant.vocabulary_file import load_vocabulary


@cache
def _city_names() -> dict[str, dict[str, str]]:
    data = load_vocabulary().sections.get("city_names") or {}
    return {str(city): {str(k): str(v) for k, v in names.items()} for city, names in data.items()}


def city_name(city: str, language: str) -> str:
    """``city`` as ``language`` writes it, with the records' own name after it where they
    differ ("Barcelone (Barcelona)" in French: the member reads their own word, and finds
    the name the documents and maps use); each part of a place written with a comma
    ("Cocody, Abidjan") on its own."""
    names = _city_names()
    parts = []
    for part in (p.strip() for p in city.split(",")):
        own = names.get(part, {}).get(language)
        parts.append(f"{own} ({part})" if own and own != part else part)
    return ", ".join(parts)


@cache
def _country_names() -> dict[str, list[tuple[str, str]]]:
    data = load_vocabulary().sections.get("country_names") or {}
    return {
        str(code): [(str(lang), str(name)) for lang, names in by.items() for name in names]
        for code, by in data.items()
    }


@cache
def demonyms() -> dict[str, str]:
    """Countries' adjectives ("senegalese", "ivoirien"), normalised, and the country's code."""
    data = load_vocabulary().sections.get("demonyms") or {}
    return {
        normalise(str(word)): str(code)
        for code, by in data.items()
        for words in by.values()
        for word in words
    }


@cache
def _containment() -> dict[str, frozenset[str]]:
    """Country -> the world regions (M49 codes) it lies in, at every level, from CLDR's
    territory containment ("SN": Western Africa, Sub-Saharan Africa, Africa)."""
    data = load_vocabulary().sections.get("region_containment") or {}
    parents: dict[str, set[str]] = {}
    for region, members in data.items():
        for member in members:
            parents.setdefault(str(member), set()).add(str(region))
    out: dict[str, frozenset[str]] = {}
    for code in parents:
        if code.isdigit():
            continue
        found: set[str] = set()
        todo = [code]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        out[code] = frozenset(found)
    return out


def regions_of(country: str) -> frozenset[str]:
    """The world regions (M49 codes: "002" Africa, "419" Latin America...) ``country`` lies
    in; none for a code the table does not hold."""
    return _containment().get(country, frozenset())


def country_variants(code: str) -> list[tuple[str, str]]:
    """The country's other names and adjectives, as (language, name), beside CLDR's."""
    return list(_country_names().get(code, []))


@cache
def country_matcher() -> PhraseMatcher[str]:
    """Every country's name in the five languages (CLDR, from Babel) and its other names:
    the words of a place, never a slot's ("Costa de Marfil" asks no cost)."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if not code.isdigit():
                matcher.add(name, code)
    for code, names in _country_names().items():
        for _, name in names:
            matcher.add(name, code)
    return matcher


@cache
def _city_abbreviations() -> dict[str, list[str]]:
    data = load_vocabulary().sections.get("city_abbreviations") or {}
    return {str(city): [str(short) for short in shorts] for city, shorts in data.items()}


@cache
def city_matcher() -> PhraseMatcher[str]:
    """Every city the vocabulary names, in each language and by its short names ("Lisboa",
    "Barcelone", "BCN"): a place, whether or not a record is held there."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for city, names in _city_names().items():
        for name in [city, *names.values(), *_city_abbreviations().get(city, [])]:
            matcher.add(name, city)
    for city, shorts in _city_abbreviations().items():
        for name in [city, *shorts]:
            matcher.add(name, city)
    return matcher


def city_variants(city: str) -> list[tuple[str, str]]:
    """``city`` (the records' name, English), each language's name of it where it differs
    and its short names ("BCN"), as (language, name), for retrieval."""
    names = _city_names()
    shorts = _city_abbreviations()
    parts = [part.strip() for part in city.split(",")]
    return [
        ("en", city),
        *((lang, name) for part in parts for lang, name in names.get(part, {}).items()),
        *(("en", short) for part in parts for short in shorts.get(part, [])),
    ]
