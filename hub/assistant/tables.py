"""The assistant's data tables (``intents.yaml``, ``phrases.yaml``) loaded into matchers.

Loaded once per process (:func:`load_tables`); everything the understanding
step looks up is a precompiled :class:`~hub.assistant.text.PhraseMatcher` or
regular expression, so answering costs no parsing of YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hub.assistant.dates import month_names
from hub.assistant.text import PhraseMatcher, normalise, read_yaml

HERE = Path(__file__).parent
LANGUAGES = ("en", "es", "fr", "ca", "pt")


@dataclass(frozen=True)
class IntentRule:
    """One line of ``intents``: the intent and the concepts (or slots) it needs."""

    name: str
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()


@dataclass
class Tables:
    """Everything ``intents.yaml`` and ``phrases.yaml`` say, ready to match."""

    concepts: PhraseMatcher[str]
    patterns: dict[str, list[re.Pattern[str]]]
    rules: list[IntentRule]
    faq: dict[str, str]
    ogp: dict[str, str]
    award_steps: dict[str, list[str]]
    relative: PhraseMatcher[str]
    seasons: PhraseMatcher[str]
    months: PhraseMatcher[int]
    ordinals: PhraseMatcher[int]
    topics: PhraseMatcher[str]
    southern: frozenset[str]
    record_words: PhraseMatcher[str]
    topic_labels: dict[str, dict[str, str]]
    country_aliases: dict[str, list[str]]
    city_aliases: dict[str, list[str]]
    place_prepositions: frozenset[str]
    phrases: dict[str, dict[str, str]]
    record_texts: dict[str, dict[str, str]]
    markers: frozenset[str] = frozenset()
    """Function words: never read as a typo of a table word."""
    votes: dict[str, frozenset[str]] = field(default_factory=dict)
    """Normalised word -> the languages it belongs to (markers and table words)."""

    def phrase(self, key: str, language: str, **values: Any) -> str:
        """The answer phrase ``key`` in ``language`` (English if missing), filled in."""
        table = self.phrases[key]
        template = table.get(language) or table["en"]
        return str(template).format(**values)

    def topic_label(self, slug: str, language: str) -> str:
        labels = self.topic_labels.get(slug, {})
        return labels.get(language) or labels.get("en") or slug.replace("-", " ")

    def words_for(self, key: str, language: str) -> dict[str, str]:
        """A phrase table of names (steps, seasons) in ``language``."""
        table: Any = self.phrases[key]
        return dict(table.get(language) or table["en"])


def _vote(votes: dict[str, set[str]], phrase: str, language: str) -> None:
    for word in normalise(phrase).split():
        votes.setdefault(word, set()).add(language)


def _by_language(
    section: dict[str, dict[str, list[str]]],
    matcher: PhraseMatcher[str],
    votes: dict[str, set[str]],
) -> None:
    for key, languages in section.items():
        for language, phrases in languages.items():
            bad = [p for p in phrases if not isinstance(p, str)]
            if bad:  # YAML reads a bare on/no/yes as a boolean: quote it
                raise ValueError(f"{key}.{language}: quote {bad!r} in the tables")
            matcher.add_all(phrases, key)
            for phrase in phrases:
                _vote(votes, phrase, language)


@cache
def load_tables(intents_path: Path = HERE / "intents.yaml") -> Tables:
    """Read the tables once per process (cached by path)."""
    data = read_yaml(intents_path)
    texts = read_yaml(HERE / "phrases.yaml")
    votes: dict[str, set[str]] = {}

    concepts: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["concepts"], concepts, votes)
    relative: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["relative"], relative, votes)
    seasons: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["seasons"], seasons, votes)
    topics: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["topics"], topics, votes)

    months: PhraseMatcher[int] = PhraseMatcher(fuzzy_cutoff=86.0, fuzzy_min_length=5)
    for language in LANGUAGES:
        for number, name in month_names(language).items():
            if normalise(name) != "may":  # "may I..." is not a month, "in may" is
                months.add(name, number)
            _vote(votes, name, language)
    for phrase, number in data.get("month_phrases", {}).items():
        months.add(phrase, int(number))
    ordinals: PhraseMatcher[int] = PhraseMatcher(fuzzy_cutoff=88.0, fuzzy_min_length=6)
    for language, table in data["ordinals"].items():
        for word, number in table.items():
            ordinals.add(word, int(number))
            _vote(votes, word, language)
    markers: set[str] = set()
    for language, words_ in data["markers"].items():
        for word in words_:
            _vote(votes, word, language)
            markers.update(normalise(word).split())

    patterns = {
        concept: [re.compile(p) for ps in by_language.values() for p in ps]
        for concept, by_language in data.get("patterns", {}).items()
    }
    rules = [
        IntentRule(
            name=r["name"],
            all=tuple(r.get("all", ())),
            any=tuple(r.get("any", ())),
            slots=tuple(r.get("slots", ())),
        )
        for r in data["intents"]
    ]
    record_words: PhraseMatcher[str] = PhraseMatcher(fuzzy_min_length=6)
    for record_id, phrases in data.get("record_words", {}).items():
        record_words.add_all(phrases, record_id)
    return Tables(
        concepts=concepts,
        patterns=patterns,
        rules=rules,
        faq=dict(data["faq"]),
        ogp=dict(data["ogp"]),
        award_steps={k: list(v) for k, v in data["award_steps"].items()},
        relative=relative,
        seasons=seasons,
        months=months,
        ordinals=ordinals,
        topics=topics,
        southern=frozenset(data.get("southern", ())),
        record_words=record_words,
        country_aliases={k: list(v) for k, v in data.get("country_aliases", {}).items()},
        city_aliases={k: list(v) for k, v in data.get("city_aliases", {}).items()},
        place_prepositions=frozenset(data.get("place_prepositions", ())),
        topic_labels={
            slug: {lang: phrases[0] for lang, phrases in by_language.items() if phrases}
            for slug, by_language in data["topics"].items()
        },
        phrases=texts["phrases"],
        record_texts=texts.get("record_texts", {}),
        markers=frozenset(markers),
        votes={word: frozenset(langs) for word, langs in votes.items()},
    )
