"""A season said with "this" ("this spring", "esta primavera", "ce printemps", "aquesta
tardor", "nesta primavera") is the one under way or else the one of the asker's year,
whatever the question's tense: "l'OIDP organitza algun seminari aquesta primavera?" asked
in January, inside a forwarded message written in the past ("m'ha arribat"), is the coming
spring of that year, not last year's. "next spring" and "last spring" keep their own shift.
"""

from __future__ import annotations

THIS_WORDS = frozenset(
    {"this"}
    | {"este", "esta"}
    | {"ce", "cet", "cette"}
    | {"aquest", "aquesta"}
    | {"neste", "nesta", "deste", "desta"}
)
"""The demonstrative before a season, in the five languages, accents removed."""


def this_said(words: list[str], start: int) -> bool:
    """The word just before the season's name (at ``start``) is "this" in any language."""
    return start > 0 and words[start - 1] in THIS_WORDS
