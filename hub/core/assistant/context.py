"""What every answer shares: the reply, its context, and how records are named.

A :class:`Reply` is the text, the ids of the records it used, and whether the
question must go to the secretariat. Names, dates and places are written in
the answer's language; a record's own translation comes first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel import Locale

from hub.core.assistant.dates import when
from hub.core.assistant.index import EventView, KnowledgeIndex, text_in
from hub.core.assistant.tables import Tables
from hub.core.assistant.vocabulary import city_name

MAX_LISTED = 8


@dataclass
class Target:
    """What a reminder is about: a dated record and the day it starts."""

    record_id: str
    label: str
    day: dt.date
    when: str
    step: str | None = None
    """The award step (``call_for_entries``...) when the record is an award."""


@dataclass
class Reply:
    text: str
    sources: list[str] = field(default_factory=list)
    handoff: bool = False
    target: Target | None = None


@dataclass
class Context:
    index: KnowledgeIndex
    tables: Tables
    language: str
    today: dt.date

    def phrase(self, key: str, /, **values: object) -> str:
        return self.tables.phrase(key, self.language, **values)

    def handoff(self, *before: str, sources: list[str] | None = None) -> Reply:
        text = " ".join([*before, self.phrase("handoff")])
        return Reply(text, sources or [], handoff=True)


# --- naming things --------------------------------------------------------------------


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def event_name(ctx: Context, event: EventView) -> str:
    if ctx.language in event.name:
        return event.name[ctx.language]
    if event.kind == "conference" and event.number:
        return ctx.phrase(
            "conference_name", number=event.number, ordinal=_english_ordinal(event.number)
        )
    return text_in(event.name, ctx.language)[0]


def place(ctx: Context, city: str | None, country: str | None) -> str | None:
    names = Locale.parse(ctx.language).territories
    city = city_name(city, ctx.language) if city else city  # "Barcelone" in French
    parts = [p for p in (city, names.get(country) if country else None) if p]
    return ", ".join(parts) or None


def describe(ctx: Context, event: EventView) -> str:
    """``20th IOPD Conference (20–22 July 2020, Cocody, Abidjan, Côte d’Ivoire)``."""
    details = [
        d
        for d in (
            when(event.starts_on, event.ends_on, event.precision, ctx.language),
            place(ctx, event.city, event.country),
        )
        if d
    ]
    text = event_name(ctx, event) + (f" ({', '.join(details)})" if details else "")
    return text + (f" {event.url}" if event.url else "")
