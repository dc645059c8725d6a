"""Where a thing is held, asked beside another slot, of an event whose records give no place.

"c'était où la conf de l'an dernier ?", "el 3r Fòrum, on i quan es fa?", "On se celebra el
III Fòrum...? L'OIDP en dona suport, no?": the question is read as asking what the thing is,
or whether a claim holds, and its record answers with its year and what it says; the place
it asks is in no record, so the year is no answer. The question words of where ask it only
where they ask (the start of a clause, after "and", its end, or written with the accent
that makes them a question, "où", "dónde"): not the relative "where" of "the plan, where it
speaks of gender" ("el pla on parla de gènere", "le plan où"…), which names a part of a
record. Only events are looked at: an event states its place in its own fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hub.core.assistant.index import EventView
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

WHERE = {
    "en": frozenset({"where"}),
    "es": frozenset({"donde"}),
    "fr": frozenset({"ou"}),
    "ca": frozenset({"on"}),
    "pt": frozenset({"onde"}),
}
"""The question word of where in each language, normalised (French "où" loses its accent
and is then also "or": it asks only as written with it, or ending a clause)."""
ACCENTED = {"fr": re.compile(r"\boù\b", re.IGNORECASE), "es": re.compile(r"\bdónde\b", re.I)}
"""The question word as only a question writes it."""
WHERE_WORDS = frozenset().union(*WHERE.values())
AND_WORDS = frozenset({"and", "y", "et", "i", "e"})
"""The question words of where in any language, and the words joining two question words
("when and where", "quan i on", "où et quand")."""
SLOTS = frozenset({"what", "yesno"})
"""The slots a question asking where beside them is read as: asked when (its own way of
answering handles "when and where") or where, the place is already what is answered."""
_CLAUSE = re.compile(r"[?¿!¡.,;:()]")


def asks_where(text: str, language: str) -> bool:
    """The question asks where, by its question word in an asking place."""
    where = WHERE.get(language)
    if not where:
        return False
    for clause in _CLAUSE.split(text):
        accented = ACCENTED.get(language)
        if accented is not None and accented.search(clause):
            return True
        words = normalise(clause).split()
        if language == "fr":  # "ou" unaccented is "or" unless it ends the clause
            if words and words[-1] in where:
                return True
            continue
        for i, word in enumerate(words):
            if word not in where:
                continue
            if i == 0 or i == len(words) - 1 or words[i - 1] in AND_WORDS:
                return True
    return False


def place_unstated(docs: Iterable[Doc]) -> bool:
    """Every record cited is an event and none of them gives a city or a country."""
    cited = list(docs)
    return bool(cited) and all(
        isinstance(d.record, EventView) and not d.record.city and not d.record.country
        for d in cited
    )
