"""Words that only frame a question about the events of a period ("does the network
organise a seminar this spring? which months?", "¿qué seminarios organiza el OIDP esta
primavera?", "l'OIDP organitza algun seminari aquesta primavera?"): the verb of holding an
event and the words asking for its time. A dated list of the period's events answers both
(the events are what is held, and each line carries its date or month), so neither is a
topic the listed records must state or be narrowed by.

A small table in the five languages, accents removed, stemmed through the retriever's
analyser like every query word.
"""

from __future__ import annotations

from typing import Protocol

HELD_WORDS = {
    "en": (
        *("organise", "organises", "organised", "organising", "organize", "organizes"),
        *("organized", "organizing", "hold", "holds", "host", "hosts", "hosting"),
        *("month", "months", "date", "dates", "when"),
    ),
    "es": (
        *("organiza", "organizan", "organizais", "organizar", "organizara", "celebra"),
        *("celebran", "celebrara", "mes", "meses", "fecha", "fechas", "cuando", "cuales"),
    ),
    "fr": (
        *("organise", "organisent", "organiser", "organisera", "tient", "tiendra"),
        *("mois", "date", "dates", "quand", "lesquels", "lesquelles"),
    ),
    "ca": (
        *("organitza", "organitzen", "organitzar", "organitzara", "celebra", "celebren"),
        *("mes", "mesos", "data", "dates", "quan", "quins", "quines"),
    ),
    "pt": (
        *("organiza", "organizam", "organizar", "organizara", "realiza", "realizam"),
        *("mes", "meses", "data", "datas", "quando", "quais"),
    ),
}
"""Holding an event and asking its time, in the five languages, accents removed."""


class Stemming(Protocol):
    def stem(self, word: str, language: str) -> str: ...


_CACHE: dict[int, frozenset[str]] = {}


def held_terms(analyser: Stemming) -> frozenset[str]:
    """The terms of :data:`HELD_WORDS` in every language's stemming, and the words as written."""
    key = id(analyser)
    if key not in _CACHE:
        words = {w for ws in HELD_WORDS.values() for w in ws}
        _CACHE[key] = frozenset(
            analyser.stem(word, language) for word in words for language in HELD_WORDS
        ) | frozenset(words)
    return _CACHE[key]


def without_held(terms: list[set[str]], analyser: Stemming) -> list[set[str]]:
    """``terms`` without the options of a word that holds an event or asks its time."""
    held = held_terms(analyser)
    return [o for o in terms if not o & held]
