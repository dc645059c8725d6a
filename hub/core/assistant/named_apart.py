"""Whether a question names one record apart from the records of its family.

Records of one programme or document (the OGP Local deck's entries, a work plan's tasks) all
hold the family's words ("OGP Local", "plan"), so a question naming one of them ("the OGP Local
Slack", "OGP's mission") ranks its siblings close behind on those words alone, and the margin
the answer's confidence needs is never reached. :func:`named_apart` tells such a question: it
says a rare word of the best record's own name that no record ranked near it is named by.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from hub.core.assistant.retrieval import Doc

APART_RARE = 5
"""A word of the record's name held by at most this many records names it (not a family's)."""
APART_NEAR = 0.5
"""Records scoring at least this share of the best are its rivals for the word."""
APART_MARGIN = 1.1
"""The record must still score this many times any other: ranked first by the words asked,
not moved there by a rule choosing among near ties."""
APART_SHARE = 0.5
"""The share of the record's own name (in its best language) the question must say."""
APART_COVERAGE, PLACE_COVERAGE = 0.4, 0.55
"""The share of the question (by rarity) the record must still hold; more when the word is a
place's name (Valencia, Bogotá), which names what happened there, not one record of it."""


def named_apart(
    best: Doc,
    ranked: Sequence[tuple[float, Doc]],
    terms: Sequence[set[str]],
    coverage: float,
    postings: Mapping[str, Sequence[object]],
    places: Collection[str],
) -> bool:
    """True when ``best`` (first of ``ranked``) is the only record near the top whose own name
    holds a rare word the question says: the records close behind it are named by the family's
    words only ("how-to-join" may mention the Slack workspace; it is not named after it)."""
    if coverage < APART_COVERAGE or not ranked or ranked[0][1] is not best or not best.names:
        return False
    asked = set().union(*terms) if terms else set()
    if max(len(name & asked) / len(name) for name in best.names) < APART_SHARE:
        return False  # a rare word of a long name ("renewal" of an agreement) names no record
    score = ranked[0][0]
    others = [(s, d) for s, d in ranked if d.record_id != best.record_id]
    if others and max(s for s, _ in others) * APART_MARGIN > score:
        return False
    near = [d for s, d in others if s >= score * APART_NEAR]
    own = set().union(*best.names)
    return any(
        term in own
        and 0 < len(postings.get(term, ())) <= APART_RARE
        and (coverage >= PLACE_COVERAGE or term not in places)
        and not any(term in name for d in near for name in d.names)
        for options in terms
        for term in options
        if not term.startswith(("#", "y", "@", "^", "!"))
    )
