"""What every answer shares: the reply, its context, and how records are named.

A :class:`Reply` is the text, the ids of the records it used, and whether the
question must go to the secretariat. Names, dates and places are written in
the answer's language; a record's own translation comes first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from hub.core.assistant.dates import when
from hub.core.assistant.index import EventView, KnowledgeIndex, text_in
from hub.core.assistant.place_names import city_name
from hub.core.assistant.tables import Tables
from hub.core.assistant.text import normalise

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


def noted_once(ctx: Context, text: str, records: Iterable[Any] = ()) -> str:
    """``text`` with the language of a fallback said once: a repeated note ("(This record
    exists only in English.)", "(... only in Catalan.)") is kept at its first place only;
    and an answer that shows a cited record's English name because the record has none in
    its language (a list, a name in a sentence) opens with the note once, not per line."""
    for key in ("english_note", "in_english"):
        text = _first_only(re.escape(ctx.phrase(key, text="").strip()), text)
    text = _first_only(_any_language(ctx), text)
    if ctx.language == "en" or _noted(ctx, text):
        return text
    for record in records:
        names = getattr(record, "name", None) or {}
        english = names.get("en")
        if ctx.language not in names and english and english in text:
            return ctx.phrase("english_note", text=text)
    return text


def _first_only(note: str, text: str) -> str:
    """``text`` without the matches of the pattern ``note`` after its first one."""
    found = list(re.finditer(note, text)) if note else []
    for match in reversed(found[1:]):
        before, after = text[: match.start()].rstrip(" "), text[match.end() :].lstrip(" ")
        text = before + ("" if before.endswith("\n") else " ") + after  # a list keeps its lines
    return text.rstrip(" ") if len(found) > 1 else text


def _any_language(ctx: Context) -> str:
    """A pattern for the ``only_in_note`` of any language ("(Cette fiche n'existe qu'en
    catalan.)"), without the text it introduces."""
    marker = "\x00"  # stands for the language's name
    said = ctx.phrase("only_in_note", language=marker, text="").strip()
    head, _, tail = said.partition(marker)
    return re.escape(head) + r"\w+" + re.escape(tail) if head or tail else ""


def _noted(ctx: Context, text: str) -> bool:
    english = ctx.phrase("english_note", text="").strip()
    any_language = _any_language(ctx)
    return bool(english and english in text) or bool(any_language and re.search(any_language, text))


# --- naming things --------------------------------------------------------------------


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def event_name(ctx: Context, event: EventView) -> str:
    """The event's name in the answer's language; a date it ends with is left out when the
    answer says that date ("OGP Local Roundup, November 2023 took place in November 2023")."""
    if ctx.language in event.name:
        return _without_date(ctx, event, event.name[ctx.language])
    if event.kind == "conference" and event.number:
        return ctx.phrase(
            "conference_name", number=event.number, ordinal=_english_ordinal(event.number)
        )
    return _without_date(ctx, event, text_in(event.name, ctx.language)[0])


def _without_date(ctx: Context, event: EventView, name: str) -> str:
    if event.starts_on is None:
        return name
    written = when(event.starts_on, event.ends_on, event.precision, ctx.language)
    head, comma, tail = name.rpartition(", ")
    if comma and written and normalise(tail) == normalise(written):
        return head
    return name


def organiser_of(ctx: Context, event: EventView) -> tuple[str, str]:
    """Who organises ``event``, named in the answer's language if the record has it, else in
    English; and the language used."""
    names = event.organiser_names or ({"en": event.organiser} if event.organiser else {})
    return text_in(names, ctx.language)


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
