"""One attribute of a record asked that the record does not state: "¿quién era el alcalde
que lo impulsó?", "combien de semaines dure chaque étape ?", "en quin recinte es fa?".

A question asking one precise attribute of a record (the name of an official, how long
something lasts, the venue inside its city) is answered with that record's general text (its
description, its dates and city) when the record has no such field or statement. That text
is no answer: the question is handed off, saying which attribute the records do not give,
still citing the record.

Read from the vocabulary's ``attribute_asked`` section, one closed table of attributes:
``asked`` holds, per language, the phrases asking for one (with ``with``, one of those words
must be in the question too: a mayor is asked by name or who); a record states it by a field
(``fields``: an event's own ``url``, an entry's data key), a phrase of its text in any
language (``stated``; ``counted``, after a number, in figures only with ``digits``) or, for
``dated`` attributes, an event's or award's dates. Any record cited stating it keeps the
answer: an event asked how many days it lasts, a record saying how long a period lasts.

The table also holds a score or ranking given to a candidacy, the name of an app or tool a
record describes without naming, where to download it, a number of members (a record's other
number, "160+ news", is no count of members) and the money a prize gives: the records state
none of them, so each is handed off unless a record cited comes to state it.

One edition asked by its month and year ("the December 2023 roundup") that no record cited
falls in is handed off too (:func:`month_unheld`) when the records cited are named by their
own month: the November one gives its own date, not the one asked. A conference named by its
year and asked in another month is the one edition, misremembered, and keeps its answer; a
year alone is :mod:`~hub.core.assistant.edition_elsewhere`'s.

Web addresses, a change of status and rooms are the :mod:`~hub.core.assistant.details`
table's, whose phrases this one does not repeat.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context
from hub.core.assistant.dates import month_names
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

Record = EventView | AwardView | EntryView

_NUMBER = r"(?:\d+|one|two|three|four|five|six|un|una|uno|une|dos|deux|duas|tres|trois|quatre)"
"""A count before a unit ("6 weeks", "dos semanas"): digits or the small number words."""


@dataclass(frozen=True)
class Attribute:
    """One attribute of the table: how it is asked, how a record states it, what is said."""

    name: str
    asked: dict[str, tuple[str, ...]]
    with_words: tuple[str, ...]
    fields: frozenset[str]
    stated: tuple[str, ...]
    counted: tuple[str, ...]
    dated: bool
    said: dict[str, str]
    digits: bool = False


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _padded(words: Any) -> tuple[str, ...]:
    return tuple(f" {normalise(str(w))} " for w in words or [] if normalise(str(w)))


@cache
def attributes() -> tuple[Attribute, ...]:
    """The vocabulary's ``attribute_asked`` table, read once."""
    table: dict[str, Any] = dict(load_vocabulary().sections.get("attribute_asked") or {})
    found = []
    for name, spec in table.items():
        asked = spec.get("asked") or {}
        found.append(
            Attribute(
                name=str(name),
                asked={str(lang): _padded(phrases) for lang, phrases in asked.items()},
                with_words=_padded(spec.get("with")),
                fields=frozenset(map(str, spec.get("fields") or [])),
                stated=_padded(spec.get("stated")),
                counted=_padded(spec.get("counted")),
                dated=bool(spec.get("dated")),
                said={str(k): str(v) for k, v in (spec.get("said") or {}).items()},
                digits=bool(spec.get("digits")),
            )
        )
    return tuple(found)


def asked_attributes(question: str, language: str) -> list[Attribute]:
    """The attributes ``question`` asks for in its ``language``, in the table's order (a
    phrase of another language is another word: "recinto" and "recinte" each in its own)."""
    sentences = [f" {normalise(s)} " for s in re.split(r"[?!.¿¡\n]+", question) if s.strip()]
    return [  # within one sentence: "who organises it? asking for my mayor" asks no mayor
        a
        for a in attributes()
        if any(
            any(p in padded for p in a.asked.get(language, ()))
            and (not a.with_words or any(w in padded for w in a.with_words))
            for padded in sentences
        )
    ]


def _texts(record: Record) -> list[str]:
    texts = [*record.name.values()]
    if isinstance(record, EntryView):
        data = record.data if isinstance(record.data, dict) else {}
        return [*texts, *record.body.values(), *(str(v) for v in data.values())]
    texts += [*record.description.values()]
    if isinstance(record, EventView):
        texts += [*record.theme.values()]
    return texts


def _says(text: str, attribute: Attribute) -> bool:
    padded = f" {normalise(text)} "
    if any(p in padded for p in attribute.stated):
        return True
    number = r"\d+" if attribute.digits else _NUMBER  # "dos membros": of the, no two
    return any(
        re.search(rf" {number}{re.escape(p)}", padded) is not None for p in attribute.counted
    )


def _field_set(record: Record, fields: frozenset[str]) -> bool:
    if isinstance(record, EntryView):
        data = record.data if isinstance(record.data, dict) else {}
        return any(data.get(f) for f in fields)
    return any(getattr(record, f, None) for f in fields)


def _dated(record: Record) -> bool:
    if isinstance(record, EventView):
        return record.starts_on is not None
    return isinstance(record, AwardView) and record.first_date is not None


def states(record: Record, attribute: Attribute) -> bool:
    """Whether ``record`` states ``attribute``: a field, a phrase of its text, or its dates."""
    if _field_set(record, attribute.fields):
        return True
    if attribute.dated and _dated(record):
        return True
    return any(_says(t, attribute) for t in _texts(record))


def attribute_unstated(ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
    """A handoff when ``decision`` answers an attribute none of its cited records states,
    saying which; None when it is kept (or no attribute is asked)."""
    reply = decision.reply
    if reply.handoff or not reply.sources:
        return None
    asked = asked_attributes(reading.text, ctx.language)
    if not asked:
        return None
    cited = [r for r in map(ctx.index.record, reply.sources) if r is not None]
    if not cited:
        return None
    missing = next((a for a in asked if not any(states(r, a) for r in cited)), None)
    if missing is None:
        return None
    sentence = missing.said.get(ctx.language) or missing.said.get("en") or ""
    handoff = ctx.handoff(sentence, sources=reply.sources)
    return replace(decision, reply=handoff, confidence=min(decision.confidence, 0.3))


def _named_by_month(record: EventView, start: dt.date) -> bool:
    """Whether ``record``'s name says its own month and year ("Roundup, November 2023"): an
    edition of a monthly series, another month's edition being another record."""
    for language, name in record.name.items():
        month = month_names(language).get(start.month)
        padded = f" {normalise(name)} "
        if month and f" {normalise(month)} " in padded and f" {start.year} " in padded:
            return True
    return False


def month_unheld(ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
    """A handoff when the question names a month and its year ("the December 2023 roundup")
    and ``decision`` cites only editions named by another month (:func:`_named_by_month`),
    saying no edition of that month is held, citing none; None otherwise."""
    reply = decision.reply
    period = reading.period
    if reply.handoff or not reply.sources or period is None or period.kind != "month":
        return None
    if not _YEAR.search(reading.text):  # "the November roundup": maybe the record's own name
        return None
    cited = [ctx.index.record(i) for i in reply.sources]
    for record in cited:
        if not isinstance(record, EventView) or record.span is None:
            return None
        span = record.span
        if period.overlaps(*span) or not _named_by_month(record, span[0]):
            return None  # "the conference in May 2014" held in June: the one edition, recalled
    said: dict[str, Any] = dict(load_vocabulary().sections.get("month_unheld") or {})
    sentence = str(said.get(ctx.language) or said.get("en") or "")
    handoff = ctx.handoff(sentence, sources=[])
    return replace(decision, reply=handoff, confidence=min(decision.confidence, 0.3))
