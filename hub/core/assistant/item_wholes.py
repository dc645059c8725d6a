"""An item asked by its own name, its whole is no rival of it.

Some records are items of a whole that lists them: a roundup names each news item it
gathered (Valencia's award, Buenos Aires' childhood index), the Open Gov Challenge names its
ten areas, the OGP Local circles name each circle. Asked of one item ("which prize did
Valencia get", "what does the challenge's media freedom area ask"), the item's record ranks
first, and its whole, which repeats a line of it, ranks close behind: the two looked like
rivals and the question was handed off, though the item's record states the answer.

The whole is set aside when it is a dated edition (a roundup, whose news are its items),
the question says a word of the item's own name that the whole's name lacks (Valencia) and
no word of the whole's own name that the item's name lacks (the roundup, November 2023):
then the item is what is asked. A question naming the whole ("when was the roundup with
Valencia's award?") keeps it as it was; a standing whole (the circles, the Challenge, whose
record states each item as well) stays a rival.

Asked of an item through its whole ("in the November 2023 roundup, what did Buenos Aires
launch?"), the whole ranks first, its description naming the item in passing: the item the
question names by a word of its own name that neither the whole's name nor any other item's
name holds comes first instead (:func:`item_named_in_whole`), unless the whole's date is
asked, or a list or a count, which the whole answers; again only of a dated edition.
"""

from __future__ import annotations

from hub.core.assistant.index import EventView
from hub.core.assistant.retrieval_doc import Doc


def _name_terms(doc: Doc) -> set[str]:
    return set().union(*doc.names) if doc.names else set()


def item_before_whole(
    ranked: list[tuple[float, Doc]], terms: list[set[str]]
) -> list[tuple[float, Doc]]:
    """``ranked`` without the wholes of its best record when the question asks that item by
    a word of its own name and names none of the whole's own."""
    if len(ranked) < 2 or not ranked[0][1].wholes or not terms:
        return ranked
    best = ranked[0][1]
    said = set().union(*terms)
    own = _name_terms(best)
    aside: set[str] = set()
    for _, doc in ranked[1:]:
        if doc.key not in best.wholes or not isinstance(doc.record, EventView):
            continue  # a standing whole (the circles, the Challenge) states its items too
        whole = _name_terms(doc)
        if said & (whole - own):  # "the roundup of November 2023": the whole is named
            continue
        if not said & (own - whole):  # nothing of the item's own name: the whole may be asked
            continue
        aside.add(doc.key)
    if not aside:
        return ranked
    return [(s, d) for s, d in ranked if d.key not in aside]


WHOLE_SLOTS = frozenset({"when", "list", "how_many"})
"""What a whole answers even when an item of it is named: its date, its items, their count."""


def item_named_in_whole(
    ranked: list[tuple[float, Doc]], terms: list[set[str]], qtype: str
) -> list[tuple[float, Doc]]:
    """``ranked`` with the item the question names by its own name first, with the score of
    its whole, when the best record is a whole listing it; the whole follows it."""
    if len(ranked) < 2 or qtype in WHOLE_SLOTS or not terms:
        return ranked
    whole = ranked[0][1]
    items = [(s, d) for s, d in ranked[1:] if whole.key in d.wholes]
    if not items or not isinstance(whole.record, EventView):  # a standing whole states them
        return ranked
    said = set().union(*terms)
    whole_names = _name_terms(whole)
    named = []
    for _, item in items:
        others = set().union(*(_name_terms(d) for _, d in items if d is not item))
        if said & (_name_terms(item) - whole_names - others):
            named.append(item)
    if len(named) != 1:  # none, or two items named: the whole is asked, or either
        return ranked
    item = named[0]
    return [(ranked[0][0], item), *[(s, d) for s, d in ranked[1:] if d is not item]]
