"""Records known only from a mention, asked the very slot they say is not given.

Some records hold little more than a name: their own text says the documents give no
number, no place, no topic or no details, no date ("the documents give neither its number
nor its place", "listed without details", "the document says no more about it"). Asked
exactly that slot (which edition, where, what it is about, when), the record is still the
best-ranked one, and the answer would tell its name, its year and the very sentence saying
the slot is unknown, as if that answered it. A record saying the document "says no more"
about it gives neither its place nor its number nor what it is about. The member is told
what the record says and handed off, the record still cited.

Both sides are read from the vocabulary's ``stub_records`` table: ``unstated``, the phrases
by which a record's text says a slot is not given, per slot and language, as the knowledge
files write them; ``asked``, the words of a question asking each slot, per language.

Unchanged: the same questions answered from a record that gives the slot (no such phrase in
its text); other slots of the stub record that it does give (its month, when dated); a list
of records (a period's events), where one of them lacking a slot is no reason to hand off
the others; an answer already handed off; the date of a record dated after all (by its
year: a plain "when" of it is answered with the year, and a finer date asked of it is
:mod:`~hub.core.assistant.precision_asked`'s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

CONFIDENCE = 0.3
"""The confidence of the handoff: the record cited says the slot asked is not given."""
LISTING_INTENTS = frozenset({"list"})
"""Answers listing records: when they are several, one of them lacking a slot hands none of
them off ("which number is it?" read as a list of one record is still checked)."""

Record = EventView | AwardView | EntryView


@dataclass(frozen=True)
class StubTable:
    """The ``stub_records`` section as read once."""

    unstated: PhraseMatcher[str]
    """The phrases a record's text says a slot is not given by, in any language, valued by
    the slot."""
    asked: dict[str, PhraseMatcher[str]]
    """Language -> the words of a question asking a slot, valued by the slot."""
    typed: dict[str, dict[str, str]]
    """Language -> a question word -> the accented form it asks only as ("ou" -> "où")."""
    closing: dict[str, PhraseMatcher[str]]
    """Language -> the words asking a slot only as the question's last words ("about")."""


def _phrases(spec: Any) -> Iterable[tuple[str, str, str]]:
    """(slot, language, normalised phrase) for each phrase of a slot -> language table."""
    for slot, languages in (spec or {}).items():
        for language, phrases in (languages or {}).items():
            for phrase in phrases or []:
                yield str(slot), str(language), normalise(str(phrase))


@cache
def table() -> StubTable:
    """The vocabulary's ``stub_records`` section, read once."""
    section: dict[str, Any] = dict(load_vocabulary().sections.get("stub_records") or {})
    unstated: PhraseMatcher[str] = PhraseMatcher()
    asked: dict[str, PhraseMatcher[str]] = {}
    closing: dict[str, PhraseMatcher[str]] = {}
    for slot, _, phrase in _phrases(section.get("unstated")):
        unstated.add(phrase, slot)
    for slot, language, phrase in _phrases(section.get("asked")):
        asked.setdefault(language, PhraseMatcher()).add(phrase, slot)
    for slot, language, phrase in _phrases(section.get("closing")):
        closing.setdefault(language, PhraseMatcher()).add(phrase, slot)
    typed = {
        str(language): {normalise(str(w)): str(form).lower() for w, form in words.items()}
        for language, words in (section.get("typed") or {}).items()
    }
    return StubTable(unstated=unstated, asked=asked, typed=typed, closing=closing)


def slots_asked(words: list[str], text: str, language: str) -> frozenset[str]:
    """The slots the question asks (``number``, ``place``, ``topic``, ``date``), from its
    normalised words and, for a word asking only with its accent, the text as typed."""
    stub = table()
    matcher = stub.asked.get(language, PhraseMatcher())
    typed = stub.typed.get(language, {})
    written = set(re.findall(r"\w+", text.lower()))
    slots: set[str] = set()
    for found in matcher.find(words, fuzzy=False):
        said = words[found.start : found.end]
        if len(said) == 1 and said[0] in typed and typed[said[0]] not in written:
            continue  # French "ou" typed without its accent is "or"
        slots.add(found.value)
    ending = stub.closing.get(language)
    if ending is not None:  # "what is the project about?": the last words ask it
        slots.update(f.value for f in ending.find(words, fuzzy=False) if f.end == len(words))
    return frozenset(slots)


def _texts(record: Record) -> list[str]:
    """The record's own text, in every language it is written in."""
    if isinstance(record, EntryView):
        return list(record.body.values())
    return list(record.description.values())


def slots_unstated(record: Record) -> frozenset[str]:
    """The slots the record's own text says the documents do not give."""
    matcher = table().unstated
    return frozenset(
        found.value
        for text in _texts(record)
        for found in matcher.find(normalise(text).split(), fuzzy=False)
    )


def stub_slot_asked(ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
    """The answer handed off, citing its record, when the question asks a slot that the
    record the answer cites first says is not given; None when it does not."""
    reply = decision.reply
    if reply.handoff or not reply.sources:
        return None
    if decision.intent in LISTING_INTENTS and len(reply.sources) > 1:
        return None
    record = ctx.index.record(reply.sources[0])
    if record is None:
        return None
    lacking = slots_unstated(record)
    if isinstance(record, EventView) and record.starts_on is not None:
        lacking -= {"date"}  # "no exact date", of an event known by its year: the year says
    asked = slots_asked(reading.words, reading.text, ctx.language)
    if reading.qtype == "when":  # "when is it, the one where the IOPD collaborates?": a
        asked -= {"place"}  # relative "where", asking no place
    if not lacking or not lacking & asked:
        return None
    handed = ctx.handoff(reply.text, sources=reply.sources)
    return Decision(
        replace(handed, target=None), decision.intent, min(decision.confidence, CONFIDENCE)
    )
