"""The year a long message's story gives to its question.

A member's story around the question often names a year ("Back in 2013 the network
launched a call... For which year was the seat election?"): that year still names what is
asked about, and is read with the question. But the story may name several years ("Del
2020 ja ho tinc tot, però del pla 2013 em falta l'estructura. Quines són les línies del
pla?"), or the question its own: then no year of the story is the question's, and adding
them all makes the question ask of two years at once.
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"(19|20)\d\d")


def context_year(words: list[str], context: list[str]) -> list[str]:
    """The year of the story (``context``) that the question (``words``) is read with: the
    one year the story names, when the question names none; else nothing."""
    if any(_YEAR.fullmatch(w) for w in words):
        return []
    years = {w for w in context if _YEAR.fullmatch(w)}
    return list(years) if len(years) == 1 else []
