"""A statement asked whose claim is a time: a yes or no.

"¿el congreso de Rabat es el mes que viene?", "el fòrum de Berlín és la setmana que ve?",
"le forum de Berlin, c'est la semaine prochaine ?" claim when something is and ask whether
it is so. The relative "que" of a period phrase ("el mes que viene", "la setmana que ve") is
no question word, and French says such a claim with "c'est" rather than a verb inverted:
read as statements, they are yes/no questions, answered from the record's dates.
"""

from __future__ import annotations

import re
from collections.abc import Set
from itertools import pairwise

from hub.core.assistant.vocabulary import Vocabulary

CLAIMING: frozenset[tuple[str, ...]] = frozenset(
    {("c", "est"), ("c", "etait"), ("ce", "sera"), ("ca", "sera"), ("ca", "tombe")}
)
"""French words saying a claim without a verb of its own ("c'est la semaine prochaine ?")."""

_ASKED = re.compile(r"\?[\W_]*$")


def claims_a_time(
    focus: str,
    words: list[str],
    timed: Set[int],
    vocabulary: Vocabulary,
    aside: Set[int],
) -> bool:
    """The question ends with "?", says a period (the words at ``timed``) and, outside it,
    a verb (one that asks yes or no, or French "c'est") and no question word: it claims the
    period. Words ``aside`` (greetings, fillers) neither ask nor claim."""
    if not timed or not _ASKED.search(focus):
        return False
    kept = [i for i in range(len(words)) if i not in timed and i not in aside]
    rest = [words[i] for i in kept]
    if vocabulary.question_words.find(rest, fuzzy=False):
        return False
    if vocabulary.polar.find(rest, fuzzy=False):
        return True
    pairs = set(pairwise(rest))
    return bool(pairs & CLAIMING)
