"""The records an entry's data names: by id ("approved_at: members-session-cascais-2013")
or by a record's English name ("defined_by: 2020 General Assembly"), the network's own
name aside ("the 2020 General Assembly" is the "2020 IOPD General Assembly")."""

from __future__ import annotations

from hub.core.assistant.index import EntryView
from hub.core.assistant.retrieval import Analyser, Doc


def data_links(docs: list[Doc], analyser: Analyser, network: set[str]) -> dict[str, list[str]]:
    """Record id -> the ids of the records (entries and events) its data names, each once."""
    by_id = {d.record_id: d for d in docs if d.group in {"entry", "event"}}
    by_name: dict[frozenset[str], Doc] = {}
    for doc in by_id.values():
        english = doc.record.name.get("en", "")
        terms = frozenset(set(analyser.terms(english, "en")) - network)
        if terms:
            by_name.setdefault(terms, doc)
    links: dict[str, list[str]] = {}
    for doc in by_id.values():
        record = doc.record
        if not isinstance(record, EntryView):
            continue
        for value in record.data.values():
            if not isinstance(value, str):
                continue
            terms = frozenset(set(analyser.terms(value, "en")) - network)
            linked = by_id.get(value) or by_name.get(terms)
            found = links.setdefault(doc.record_id, [])
            if linked is not None and linked is not doc and linked.record_id not in found:
                found.append(linked.record_id)
    return links
