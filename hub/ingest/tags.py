"""Topic tags, countries and regions mentioned in an item, from two data tables.

``topics.yaml`` maps each tag to keywords in the five working languages;
``countries.yaml`` maps ISO codes to the IOPD region and the country's names.
Text and keywords are compared lower-cased and without accents, on word
boundaries, with one compiled regular expression per table (one pass over
the text however many keywords there are). The tables propose tags; the
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
ALL = "*"


def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents (``Côte`` -> ``cote``), keeping its length stable."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pattern(keywords: dict[str, str]) -> re.Pattern[str] | None:
    """One regex matching any keyword as whole words; a trailing ``*`` allows a word suffix."""
    if not keywords:
        return None
    parts = []
    for keyword in sorted(keywords, key=len, reverse=True):
        prefix = keyword.endswith("*")
        body = re.escape(keyword.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(body + (r"\w*" if prefix else ""))
    return re.compile(r"(?<!\w)(?:" + "|".join(f"({p})" for p in parts) + r")(?!\w)")


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str] | None
    values: tuple[str, ...]

    def find(self, text: str) -> list[str]:
        if self.pattern is None:
            return []
        found: list[str] = []
        for match in self.pattern.finditer(text):
            value = self.values[(match.lastindex or 1) - 1]
            if value not in found:
                found.append(value)
        return found


def _matcher(keywords: dict[str, str]) -> _Matcher:
    ordered = sorted(keywords, key=len, reverse=True)
    return _Matcher(_pattern(keywords), tuple(keywords[k] for k in ordered))


@dataclass(frozen=True)
class Tagger:
    """Finds topics (per language) and countries (any language) in text."""

    topics: dict[str, _Matcher]
    countries: _Matcher
    regions: dict[str, str]

    def topics_in(self, text: str, language: str | None = None) -> list[str]:
        matcher = self.topics.get(language or ALL) or self.topics[ALL]
        return matcher.find(fold(text))

    def countries_in(self, text: str) -> list[str]:
        return self.countries.find(fold(text))

    def regions_of(self, countries: list[str]) -> list[str]:
        regions: list[str] = []
        for code in countries:
            region = self.regions.get(code)
            if region and region not in regions:
                regions.append(region)
        return regions


def load_tagger(topics_file: Path = TOPICS_FILE, countries_file: Path = COUNTRIES_FILE) -> Tagger:
    """A tagger from the two tables (see the module docstring for their shape)."""
    topics_data: dict[str, dict[str, list[str]]] = yaml.safe_load(topics_file.read_text("utf-8"))
    by_language: dict[str, dict[str, str]] = {ALL: {}}
    for tag, languages in topics_data.items():
        for language, words in languages.items():
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
    return Tagger(topics, _matcher(names), regions)


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The tagger built from the tables shipped with the hub (built once per process)."""
    return load_tagger()
