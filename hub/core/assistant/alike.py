"""Citing every record that states the fact a join, cost or contact answer gives.

Asked how to join, what membership costs or where to write, the answer is read from one
record (the FAQ on joining, the FAQ on fees, OGP Local's contact), but the records it is
drawn from state the same fact: the membership record, the 2020 plan's task on promoter
members, the page on how to join OGP Local that gives the same address. The member can
read the answer in any of them, so each is cited. Which records those are is the
knowledge's own: the ``related`` ids an entry's data lists (either way), and, for an
address, the records naming the same body that write that very address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.retrieval import Doc

STANDING_SLOTS = frozenset({"join", "cost"})
"""Slots a standing record answers (how to join, what is paid), stated alike by its related
records."""
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def related(one: Doc, other: Doc) -> bool:
    """``one``'s data lists ``other`` as related, or ``other``'s lists ``one``."""
    return other.record_id in _related_ids(one) or one.record_id in _related_ids(other)


def stating_alike(
    best: Doc, terms: list[set[str]], docs: Iterable[Doc], home: set[str]
) -> list[str]:
    """The entries related to ``best`` that hold every word of the question ``best`` holds
    (the network's own name aside: "the IOPD" is in them all): asked how to become a
    promoter member, the task on admitting promoter members beside the FAQ on joining;
    asked whether members pay, the membership record beside the FAQ on fees. A record
    related on another point (the task on the members' websites, asked about promoters)
    lacks a word and is not cited. Nothing when ``best`` holds none of the question."""
    held = [o for o in terms if not o <= home and any(best.terms.get(t) for t in o)]
    if not held:
        return []
    return list(
        dict.fromkeys(
            d.record_id
            for d in docs
            if d.group == "entry"
            and d.record_id != best.record_id
            and related(best, d)
            and all(any(d.terms.get(t) for t in o) for o in held)
        )
    )


def same_address(chosen: Doc, found: Iterable[Doc]) -> list[str]:
    """Of the records found naming the body asked, those writing the address ``chosen``
    gives (OGP Local's contact and the page on how to join it): each states it."""
    addresses = set(EMAIL.findall(record_text(chosen.record)))
    return list(
        dict.fromkeys(
            d.record_id
            for d in found
            if d.record_id != chosen.record_id
            and addresses & set(EMAIL.findall(record_text(d.record)))
        )
    )


def record_text(record: EventView | AwardView | EntryView) -> str:
    """A record's English body and data values, where an address is written."""
    if isinstance(record, EntryView):
        return " ".join([*record.body.values(), *(str(v) for v in record.data.values())])
    return " ".join(record.description.values())


def _related_ids(doc: Doc) -> set[str]:
    record = doc.record
    if not isinstance(record, EntryView):
        return set()
    value = record.data.get("related")
    return {str(v) for v in value} if isinstance(value, list) else set()
