"""Assistants of the same knowledge share one retriever; any change of a field builds anew."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from hub.core.assistant import Assistant
from hub.core.assistant.index import KnowledgeIndex
from hub.core.assistant.retrieval_cache import KEPT, fingerprint, retrieval_for
from hub.core.assistant.vocabulary_file import load_vocabulary
from hub.core.knowledge import load_directory

KNOWLEDGE = Path(__file__).resolve().parents[2] / "config" / "knowledge"


def index() -> KnowledgeIndex:
    return KnowledgeIndex.from_knowledge(load_directory(KNOWLEDGE))


def test_two_assistants_of_the_same_knowledge_share_the_retriever() -> None:
    first = Assistant(index(), use_lingua=False)
    second = Assistant(index(), use_lingua=False)
    assert first.index is not second.index
    assert first.retriever is second.retriever
    assert first.responder is second.responder


def test_a_changed_date_builds_a_new_retriever_that_answers_with_it() -> None:
    base = index()
    event = next(e for e in base.events if e.starts_on and e.city and e.kind == "conference")
    moved = replace(event, starts_on=dt.date(2031, 3, 4), ends_on=dt.date(2031, 3, 6))
    changed = KnowledgeIndex(
        [moved if e is event else e for e in base.events], base.awards, base.entries, base.by_kind
    )
    assert fingerprint(changed) != fingerprint(base)
    old, new = Assistant(base, use_lingua=False), Assistant(changed, use_lingua=False)
    assert old.retriever is not new.retriever
    question = f"When is the {event.name['en']}?"
    answer = new.answer(question, now=dt.date(2030, 1, 1), lang="en")
    assert event.id in answer.sources
    assert "2031" in answer.answer


def test_a_changed_text_of_one_language_changes_the_fingerprint() -> None:
    base = index()
    entry_id, entry = next(iter(base.entries.items()))
    body = {**entry.body, "ca": entry.body.get("ca", "") + " (revisat)"}
    entries = {**base.entries, entry_id: replace(entry, body=body)}
    changed = KnowledgeIndex(base.events, base.awards, entries, base.by_kind)
    assert fingerprint(changed) != fingerprint(base)


def test_another_vocabulary_object_builds_its_own() -> None:
    base = index()
    shared = load_vocabulary()
    other = replace(shared)  # equal words, another object: it may be changed by its owner
    retriever, _ = retrieval_for(base, shared)
    own, _ = retrieval_for(base, other)
    assert retriever.vocabulary is shared
    assert own is not retriever
    assert own.vocabulary is other


def test_only_the_last_few_revisions_are_kept() -> None:
    base = index()
    vocabulary = load_vocabulary()
    first, _ = retrieval_for(base, vocabulary)
    entry_id, entry = next(iter(base.entries.items()))
    for n in range(KEPT):
        entries = {**base.entries, entry_id: replace(entry, name={**entry.name, "en": f"v{n}"})}
        retrieval_for(KnowledgeIndex(base.events, base.awards, entries, base.by_kind), vocabulary)
    again, _ = retrieval_for(base, vocabulary)
    assert again is not first
