"""Roman numerals that are part of a name a record writes ("GOLD III", "Agenda XXI").

A Roman numeral after a word is read as an ordinal ("la Distinción VIII": the eighth
edition). When the record chosen writes that word followed by that numeral as one name,
the numeral is the name's own and no edition: "what is GOLD III?" asks for the record
that names the UCLG observatory GOLD III, not the third edition of anything.
"""

from __future__ import annotations

import re

from hub.core.assistant.focus import record_texts
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

PASSING = 0.8
"""At most this share of the glossing record's score for the others: below a tie."""
_PAIR = re.compile(r"(?<!\w)(\w[\w-]*)\s+([IVXLC]+|[ivxlc]+)(?!\w)")


def named_before_numeral(text: str, record: EventView | AwardView | EntryView) -> set[str]:
    """The question's words (normalised) right before a Roman numeral that ``record``
    writes with that word as one name, in any case ("gold iii" for "GOLD III")."""
    out: set[str] = set()
    texts = [t.casefold() for t in record_texts(record)]
    for word, numeral in _PAIR.findall(text):
        pattern = re.compile(rf"(?<!\w){re.escape(word.casefold())}\s+{numeral.casefold()}(?!\w)")
        if any(pattern.search(t) for t in texts):
            out.add(normalise(word))
    return out


def glossing_first(text: str, ranked: list[tuple[float, Doc]]) -> list[tuple[float, Doc]]:
    """``ranked`` with the record that glosses a numbered name the question says first
    ("GOLD III (UCLG Global Observatory on Local Democracy...)": it says what GOLD III is,
    where another record only names it in passing, and so ranks below it, short of a tie);
    unchanged when none or several do."""
    pairs = _PAIR.findall(text)
    if not pairs or not ranked:
        return ranked
    glossed = [
        d
        for _, d in ranked
        if any(
            re.search(rf"(?<!\w){re.escape(w.casefold())}\s+{n.casefold()}\s*\(", t.casefold())
            for w, n in pairs
            for t in record_texts(d.record)
        )
    ]
    keys = {d.record_id for d in glossed}
    if len(keys) != 1 or glossed[0] is ranked[0][1]:
        return ranked
    first = glossed[0]
    top = ranked[0][0]  # a record naming it in passing is no rival of the one glossing it
    return [(top, first), *[(min(s, top * PASSING), d) for s, d in ranked if d is not first]]
