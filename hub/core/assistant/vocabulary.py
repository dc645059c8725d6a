"""The hub's own words (``vocabulary.yaml``), loaded once per process.

Only what is truly the hub's: the slot a question asks for, time words,
the names of the kinds of records and of award steps, what is never
answered, and function words. Everything about the network comes from
the knowledge records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hub.core.assistant.dates import month_names
from hub.core.assistant.text import PhraseMatcher, normalise, read_yaml

HERE = Path(__file__).parent
LANGUAGES = ("en", "es", "fr", "ca", "pt")
TYPE_ORDER = (
    "cost",
    "how_many",
    "join",
    "subscribe",
    "contact",
    "share",
    "duration",
    "when",
    "where",
    "who",
    "yesno",
    "theme",
    "what",
    "list",
)

SILENT_TYPES = ("contact",)
"""Question types whose words tell no language ("email" is written alike in all five)."""


@dataclass
class Vocabulary:
    types: PhraseMatcher[str]
    next_last: PhraseMatcher[str]
    periods: PhraseMatcher[tuple[str, int]]
    seasons: PhraseMatcher[str]
    out_of_scope: PhraseMatcher[str]
    injection: PhraseMatcher[str]
    remind: PhraseMatcher[str]
    hour: PhraseMatcher[str]
    polar: PhraseMatcher[str]
    question_words: PhraseMatcher[str]
    """Verbs that open a yes/no question."""
    still: PhraseMatcher[str]
    """Words asking whether something still holds today."""
    closing: PhraseMatcher[str]
    """Words asking when something closes (a deadline)."""
    courtesies: PhraseMatcher[str]
    ordinals: PhraseMatcher[int]
    months: PhraseMatcher[int]
    kinds: dict[str, dict[str, list[str]]]
    steps: dict[str, dict[str, list[str]]]
    stopwords: frozenset[str]
    votes: dict[str, frozenset[str]]
    possessives: frozenset[str] = frozenset()
    askers: frozenset[str] = frozenset()
    """Nouns that, after a possessive ("my city"), say who asks, not what is asked about."""
    cardinals: dict[str, frozenset[str]] | None = None
    """Numbers written as words, per language ("ten", "diez")."""
    kind_words: frozenset[str] = frozenset()
    """Words of the kinds' names: what a question asks about, never only how it asks."""
    introductions: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    day: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words asking for the day itself ("what day", "quel jour")."""
    date: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    starting: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words asking when something starts ("begin", "empieza"): a date's end, no topic."""
    """Words asking for the date ("what date", "en qué fecha"), which a year alone is not."""
    """Words opening a clause about the asker ("we are", "somos"): context, not the question."""
    shortcuts: dict[str, tuple[str, ...]] | None = None
    """Chat abbreviations (``q``, ``pra``, ``wht``) and the words they stand for."""

    def step_family(self, step: str) -> str:
        """``call_for_candidacies`` -> ``call``: the step's family in ``steps``."""
        for family in self.steps:
            if step == family or step.startswith(family):
                return family
        return step


def _by_language(
    section: dict[str, dict[str, list[str]]],
    matcher: PhraseMatcher[Any],
    votes: dict[str, set[str]] | None,
    value: Any = None,
) -> None:
    for key, languages in section.items():
        for language, phrases in languages.items():
            for phrase in phrases:
                if not isinstance(phrase, str):
                    raise ValueError(f"vocabulary.yaml {key}.{language}: quote {phrase!r}")
                matcher.add(phrase, key if value is None else value)
                if votes is not None:
                    for word in normalise(phrase).split():
                        votes.setdefault(word, set()).add(language)


@cache
def load_vocabulary(path: Path = HERE / "vocabulary.yaml") -> Vocabulary:
    data = read_yaml(path)
    votes: dict[str, set[str]] = {}
    types: PhraseMatcher[str] = PhraseMatcher()
    voting = {key: value for key, value in data["types"].items() if key not in SILENT_TYPES}
    _by_language(voting, types, votes)
    _by_language({key: data["types"][key] for key in SILENT_TYPES}, types, None)
    next_last: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"next": data["next"], "last": data["last"]}, next_last, votes)
    periods: PhraseMatcher[tuple[str, int]] = PhraseMatcher()
    for unit, offsets in data["periods"].items():
        for offset, languages in offsets.items():
            _by_language({unit: languages}, periods, votes, (unit, int(offset)))
    seasons: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["seasons"], seasons, votes)
    out: PhraseMatcher[str] = PhraseMatcher()
    for language, phrases in data["out_of_scope"].items():  # valued by their language
        _by_language({language: {language: phrases}}, out, None)
    injection: PhraseMatcher[str] = PhraseMatcher()
    injection.add_all(data["injection"], "injection")
    remind: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"remind": data["remind"]}, remind, votes)
    hour: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"hour": data["hour"]}, hour, None)
    polar: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"polar": data["polar"]}, polar, None)
    question_words: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"question": data["question_words"]}, question_words, None)
    still: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"still": data["still"]}, still, None)
    closing: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"closing": data["closing"]}, closing, None)
    courtesies: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"courtesy": data["courtesies"]}, courtesies, votes)
    _by_language({"filler": data["fillers"]}, courtesies, None)  # "te" is not French
    introductions: PhraseMatcher[str] = PhraseMatcher()
    day: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"day": data["day"]}, day, None)
    date: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"date": data.get("date", {})}, date, None)
    starting: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"starting": data.get("starting", {})}, starting, None)
    _by_language({"introduction": data["introductions"]}, introductions, None)
    shortcuts: dict[str, tuple[str, ...]] = {}
    for table in data["shortcuts"].values():
        for short, long in table.items():  # the first language's reading of one is kept
            shortcuts.setdefault(normalise(str(short)), tuple(normalise(str(long)).split()))
    stopwords: set[str] = set()
    for language, words in data["stopwords"].items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml stopwords.{language}: quote {word!r}")
            stopwords.update(normalise(str(word)).split())
            votes.setdefault(normalise(str(word)), set()).add(language)
    months: PhraseMatcher[int] = PhraseMatcher(fuzzy_cutoff=86.0, fuzzy_min_length=5)
    for language in LANGUAGES:
        for number, name in month_names(language).items():
            if normalise(name) != "may":  # "may I..." is not a month, "in may" is
                months.add(name, number)
            for word in normalise(name).split():
                votes.setdefault(word, set()).add(language)
    for phrase, number in data.get("month_phrases", {}).items():
        months.add(str(phrase), int(number))
    ordinals: PhraseMatcher[int] = PhraseMatcher()
    for language, table in data["ordinals"].items():
        for word, number in table.items():
            ordinals.add(str(word), int(number))
            for part in normalise(str(word)).split():
                votes.setdefault(part, set()).add(language)
    for language, words in data["markers"].items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml markers.{language}: quote {word!r}")
            for part in normalise(word).split():
                votes.setdefault(part, set()).add(language)
    for kind in data["kinds"].values():
        for language, phrases in kind.items():
            for phrase in phrases:
                for word in normalise(phrase).split():
                    votes.setdefault(word, set()).add(language)
    return Vocabulary(
        types=types,
        next_last=next_last,
        periods=periods,
        seasons=seasons,
        out_of_scope=out,
        injection=injection,
        remind=remind,
        hour=hour,
        polar=polar,
        question_words=question_words,
        still=still,
        closing=closing,
        courtesies=courtesies,
        ordinals=ordinals,
        months=months,
        kinds=data["kinds"],
        steps=data["steps"],
        stopwords=frozenset(stopwords),
        votes={word: frozenset(langs) for word, langs in votes.items()},
        possessives=frozenset(normalise(str(w)) for w in data.get("possessives", [])),
        cardinals={
            language: frozenset(normalise(str(w)) for w in words)
            for language, words in data.get("cardinals", {}).items()
        },
        askers=frozenset(
            normalise(str(w)) for words in data.get("askers", {}).values() for w in words
        ),
        shortcuts=shortcuts,
        introductions=introductions,
        day=day,
        date=date,
        starting=starting,
        kind_words=frozenset(
            word
            for kind in data["kinds"].values()
            for phrases in kind.values()
            for phrase in phrases
            for word in normalise(phrase).split()
        ),
    )
