"""A person asked for, no person on record: "who is the contact for the project? name and
e-mail", "qui dirige le Secrétariat technique ?", "nome da pessoa que faz a avaliação".

The slot asked is a person (or the one heading a body); a record that only describes the
thing asked (a project's text, a secretariat's description) names no one in that role, and
its description would be an invented answer. The question is handed off, saying plainly
that the records do not name one, with the records it found cited.

Read from the vocabulary's ``person_asked`` section: ``named`` phrases ask for a person
outright; ``heads`` (who directs, who heads) ask for one only when the record answering is
the body the question names (its own name's words are all in the question): "who runs the
network day to day?" is answered by the secretariat's record, another body. A record names
someone when its text (any language) says a ``stated`` phrase ("led by", "coordinated
by"), gives an e-mail address, or holds a field naming who leads, organises or is a member
(``fields``): such answers are kept.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

_SHORT = 3
"""Name words this short or shorter (articles, "de", "OGP") say nothing of which body."""


@cache
def _section() -> dict[str, Any]:
    found = load_vocabulary().sections.get("person_asked") or {}
    return dict(found)


@cache
def _phrases(key: str) -> tuple[str, ...]:
    table = _section().get(key) or {}
    values = table.values() if isinstance(table, dict) else [table]
    return tuple(f" {normalise(str(p))} " for words in values for p in words)


@cache
def _words(key: str) -> tuple[str, ...]:
    return tuple(f" {normalise(str(w))} " for w in _section().get(key) or [])


def _holds(text: str, key: str) -> bool:
    padded = f" {normalise(text)} "
    return any(p in padded for p in _phrases(key))


def _record_texts(record: EventView | AwardView | EntryView) -> list[str]:
    if isinstance(record, EntryView):
        return list(record.body.values())
    return list(record.description.values())


def _names_someone(record: EventView | AwardView | EntryView, question: str) -> bool:
    """Whether ``record`` names someone in a role: a stated phrase, an e-mail, a field, a
    noun of a role the question also says."""
    texts = _record_texts(record)
    if any("@" in t for t in texts) or any(_holds(t, "stated") for t in texts):
        return True
    roles = [r for r in _words("roles") if r in f" {normalise(question)} "]
    if any(r in f" {normalise(t)} " for r in roles for t in texts):
        return True
    fields = set(map(str, _section().get("fields") or []))
    data: dict[str, Any] = getattr(record, "data", {}) or {}
    organised = isinstance(record, EventView) and bool(record.organiser)
    return bool(fields & set(data)) or organised


def _named_by(question: str, doc: Doc) -> bool:
    """Whether the question names ``doc``'s own body: every long word of one of its names."""
    words = set(re.findall(r"\w+", f" {normalise(question)} "))
    name = doc.record.name if isinstance(doc.record, EntryView) else {}
    for written in name.values():
        own = [w for w in normalise(written).split() if len(w) > _SHORT]
        if own and all(w in words for w in own):
            return True
    return False


def person_unnamed(
    ctx: Context, reading: Reading, decision: Decision, docs: list[Doc]
) -> Decision | None:
    """A handoff when ``decision`` answers a question asking for a person with records
    that name no one in that role; None when it is kept (or asks for no person)."""
    reply = decision.reply
    if reply.handoff or not reply.sources:
        return None
    named = _holds(reading.text, "named")
    if not named and not _holds(reading.text, "heads"):
        return None
    cited = [d for d in docs if d.record_id in set(reply.sources)]
    if not named:  # who heads a body: the body's own record must name its head
        cited = [d for d in cited if _named_by(reading.text, d)]
        if not cited:
            return None
    if any(_names_someone(d.record, reading.text) for d in cited):
        return None
    said = dict(_section().get("said") or {})
    sentence = str(said.get(ctx.language) or said.get("en") or "")
    handoff = ctx.handoff(sentence, sources=reply.sources)
    return replace(decision, reply=handoff, confidence=min(decision.confidence, 0.3))
