"""Citing every record that states the fact a join, cost or contact answer gives.

Asked how to join, what membership costs or where to write, the answer is read from one
record (the FAQ on joining, the FAQ on fees, OGP Local's contact), but the records it is
drawn from state the same fact: the membership record, the 2020 plan's task on promoter
members, the page on how to join OGP Local that gives the same address. The member can
read the answer in any of them, so each is cited. Which records those are is the
knowledge's own: the ids an entry's data lists as :data:`LINKS` (either way), and, for an
address, the records naming the same body that write that very address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import SLOT_OF
from hub.core.assistant.retrieval import Doc

STANDING_SLOTS = frozenset({"join", "cost"})
"""Slots a standing record answers (how to join, what is paid), stated alike by its related
records."""
LINKS = ("related", "states_alike")
"""Data keys listing related records' ids: an FAQ's ``related`` records, and the records a
standing entry ``states_alike`` (the FAQ on joining and the 2020 plan's priority C)."""
PARTICULAR = frozenset(f"@{concept}" for concept in SLOT_OF)
"""Concepts asked as the slot of another (subscribing, asked as joining): the fact itself,
which a related record must hold too (the channels the newsletter is one of state no way to
subscribe to it)."""
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def related(one: Doc, other: Doc) -> bool:
    """``one``'s data lists ``other`` as related, or ``other``'s lists ``one``."""
    return other.record_id in _related_ids(one) or one.record_id in _related_ids(other)


def stating_alike(
    best: Doc,
    terms: list[set[str]],
    docs: Iterable[Doc],
    home: set[str],
    narrow: Callable[[set[str]], bool],
) -> list[str]:
    """The entries related to ``best`` that hold the words of the question ``best`` holds
    (the network's own name aside: "the IOPD" is in them all). Of those, the ``narrow``
    ones (few records hold them: "promoter", "social movements") are what the fact is
    about, and a record holding them all states it: asked how to become a promoter member,
    the task on admitting promoter members beside the FAQ on joining, though the task says
    "admission", no word of joining (a concept of :data:`PARTICULAR` is still needed). With
    no narrow word, the slot's own concept and every word are needed: asked whether members
    pay, the membership record beside the FAQ on fees, not the task on finding new members.
    Nothing when ``best`` holds none of them."""
    held = [o for o in terms if not o <= home and any(best.terms.get(t) for t in o)]
    narrowing = [o for o in held if not _concept(o) and narrow(o)]
    particular = [o for o in held if o & PARTICULAR]  # subscribing, not the newsletter
    needed = [*narrowing, *particular] if narrowing else held
    if not needed:
        return []
    return list(
        dict.fromkeys(
            d.record_id
            for d in docs
            if d.group == "entry"
            and d.record_id != best.record_id
            and related(best, d)
            and all(any(d.terms.get(t) for t in o) for o in needed)
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


def written_for(
    target: Doc, asked: list[set[str]], docs: list[Doc], ranked: list[Doc], words: set[str]
) -> list[Doc]:
    """Of the records :func:`writing_for` ``target``, when the question says one of its
    names' words (``asked``), the one answering first (ranked first of those whose own name
    says most of ``words``: "the e-mail of OGP Local" its contact), and every one of them;
    nothing when none writes an address."""
    own = set().union(*target.names) if target.names else set()
    family = writing_for(target, docs) if any(o & own for o in asked) else []
    if not family:
        return []
    found = [d for d in ranked if d in family] or family
    doc = max(found, key=lambda d: len(set().union(*d.names) & words))
    return [doc, *(d for d in family if d is not doc)]


def writing_for(target: Doc, docs: Iterable[Doc]) -> list[Doc]:
    """The entries writing an e-mail address for ``target``, a body whose own record writes
    none (OGP Local, its contact and the page on how to join it): entries whose own name
    holds one of ``target``'s names whole ("OGP Local contact", "How to join OGP Local")
    and whose text writes an address. Asked where to write to a programme, its own family
    of records answers; a record only mentioning it in its text is no such record."""
    names = [n for n in target.names if n]
    return [
        d
        for d in docs
        if d.group == "entry"
        and d is not target
        and any(n <= own for n in names for own in d.names)
        and EMAIL.search(record_text(d.record))
    ]


def record_text(record: EventView | AwardView | EntryView) -> str:
    """A record's body in every language and its data values, where an address is written."""
    if isinstance(record, EntryView):
        return " ".join([*record.body.values(), *(str(v) for v in record.data.values())])
    return " ".join(record.description.values())


def _related_ids(doc: Doc) -> set[str]:
    record = doc.record
    if not isinstance(record, EntryView):
        return set()
    found: set[str] = set()
    for key in LINKS:
        value = record.data.get(key)
        if isinstance(value, list):
            found.update(str(v) for v in value)
    return found


def _concept(options: set[str]) -> bool:
    """A slot's concept term ("@join", "@cost"), which the question's slot word stands for."""
    return any(t.startswith("@") for t in options)
