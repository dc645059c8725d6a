"""An item asked by its own name, its whole is no rival of it.

Some records are items of a whole that lists them: a roundup names each news item it
gathered (Valencia's award, Buenos Aires' childhood index), the Open Gov Challenge names its
ten areas, the OGP Local circles name each circle. Asked of one item ("which prize did
Valencia get", "what does the challenge's media freedom area ask"), the item's record ranks
first, and its whole, which repeats a line of it, ranks close behind: the two looked like
rivals and the question was handed off, though the item's record states the answer.

The whole is set aside when the question says a word of the item's own name that the
whole's name lacks (Valencia, media freedom) and no word of the whole's own name that the
item's name lacks (the roundup, November 2023): then the item is what is asked. A question
naming the whole ("when was the roundup with Valencia's award?") keeps it as it was.
"""

from __future__ import annotations

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
    for score, doc in ranked[1:]:
        if doc.key not in best.wholes:
            continue
        whole = _name_terms(doc)
        if said & (whole - own):  # "the roundup of November 2023": the whole is named
            continue
        if not said & (own - whole):  # nothing of the item's own name: the whole may be asked
            continue
        aside.add(doc.key)
    if not aside:
        return ranked
    return [(s, d) for s, d in ranked if d.key not in aside]
