"""Parts and wholes among the records: a part also holds its whole's name.

An area of the Open Gov Challenge ("Open Gov Challenge: Civic Space") is asked as "the
challenge on civic space", a line of a work plan as "the visibility line of the 2013 plan",
a task by the priority its data names. Run once while the index is built
(:mod:`~hub.core.assistant.retrieval_index`), after every record's own terms are in.
"""

from __future__ import annotations

from hub.core.assistant.analyser import STEMMERS, Analyser
from hub.core.assistant.index import EntryView
from hub.core.assistant.retrieval_doc import GLOSS, HOME, Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

PART_OF_LABELLED = ("priority",)
"""Data fields by which a part names the labelled record it belongs to (``priority: C``)."""
INHERITED_WEIGHT = 0.5
"""The weight of the whole's name in a part's terms: less than the whole's own, so that
asked of the whole, the whole outranks its parts."""


def inherit(
    docs: list[Doc], analyser: Analyser, vocabulary: Vocabulary, synonyms: dict[str, set[str]]
) -> None:
    """A record that is part of another also holds the whole's name, with a small
    weight: an area of the Open Gov Challenge named "Open Gov Challenge: Civic Space" is
    asked as "the challenge on civic space" in any language, a line of the 2013 work plan
    as "the visibility line of the 2013 plan". The whole is the record whose own name is
    what the part's name says before its colon, the work plan the part's data names, or
    the event a field of its data names after that event's kind (a roundup's item).
    The words of the network's own name, which most records hold, are not inherited."""
    by_name: dict[frozenset[str], Doc] = {}
    for doc in docs:
        if doc.group == "entry":
            for name in doc.names:
                by_name.setdefault(frozenset(name), doc)
    plans = [d for d in docs if d.kind == "work_plan"]
    events = {d.record_id: d for d in docs if d.group == "event"}
    home = next((d for d in docs if d.record_id == HOME), None)
    network = set().union(*home.names) if home and home.names else set()
    network |= {s for t in network for s in synonyms.get(t, ())}
    for doc in docs:
        record = doc.record
        if not isinstance(record, EntryView):
            continue
        wholes = []
        for language, text in record.name.items():
            head, colon, _ = text.partition(":")
            lang = language if language in STEMMERS else "en"
            whole = by_name.get(frozenset(analyser.terms(head, lang))) if colon else None
            if whole is not None and whole is not doc and whole not in wholes:
                wholes.append(whole)
        linked = [  # "roundup: ogp-local-roundup-2023-11": a field named after the kind
            whole  # of the event it names is the event it is part of (an item of it)
            for key, value in record.data.items()
            if isinstance(value, str)
            and (whole := events.get(value)) is not None
            and whole.kind == key
            and whole not in wholes
        ]
        wholes += linked
        plan = record.data.get("work_plan")
        if isinstance(plan, str) and doc.kind != "work_plan":
            wholes += [d for d in plans if plan in d.record.name.get("en", "") and d not in wholes]
        for whole in wholes:
            doc.wholes.append(whole.key)
            _item_words(doc, whole, analyser, vocabulary)
            if whole in linked:  # an item is not of its roundup's words, nor of its date
                continue  # (the roundup's month is no item's; a year is its roundup's)
            for language, text in whole.record.name.items():
                lang = language if language in STEMMERS else "en"
                for term in analyser.terms(GLOSS.sub(" ", text), lang):
                    if term not in network:  # the network's own name says nothing
                        doc.terms[term] = max(doc.terms[term], INHERITED_WEIGHT)
        doc.wholes += [d.key for d in _labelled_wholes(doc, docs) if d.key not in doc.wholes]


def _item_words(part: Doc, whole: Doc, analyser: Analyser, vocabulary: Vocabulary) -> None:
    """A part its whole lists by name in a field its ``enumerations`` words name (the
    Open Gov Challenge's ``areas``: "Open Gov Challenge: Civic Space" is one) is called by
    those words in every language, as its whole's items are ("l'àmbit d'espai cívic",
    "le domaine gouvernance numérique"), with the weight of an inherited name."""
    record, listing = part.record, whole.record
    if not isinstance(record, EntryView) or not isinstance(listing, EntryView):
        return
    _, _, tail = record.name.get("en", "").partition(":")
    for key, words in vocabulary.enumerated_items.items():
        items = listing.data.get(key)
        if not isinstance(items, list) or normalise(tail) not in map(normalise, map(str, items)):
            continue
        for language, phrases in words.items():
            lang = language if language in STEMMERS else "en"
            for term in analyser.terms(" ".join(map(str, phrases)), lang):
                part.terms[term] = max(part.terms[term], INHERITED_WEIGHT)


def _labelled_wholes(doc: Doc, docs: list[Doc]) -> list[Doc]:
    """The records of the same work plan that a part's data names by their label (a task's
    ``priority: C``): the part is in them too, though it holds none of their words (its
    whole's name is not inherited: "task 15" is not asked as "priority C")."""
    record = doc.record
    if not isinstance(record, EntryView):
        return []
    plan = record.data.get("work_plan")
    found = []
    for key in PART_OF_LABELLED:
        label = record.data.get(key)
        if label is None:
            continue
        found += [
            d
            for d in docs
            if d is not doc
            and isinstance(d.record, EntryView)
            and d.record.data.get("label") == label
            and d.record.data.get("work_plan") == plan
        ]
    return found
