"""The knowledge the assistant answers from, held in memory and indexed once.

Built once per process, either from a validated
:class:`~hub.core.knowledge.KnowledgeSet` (``hub ask`` without a database) or
from the database's events, awards and entries (the bots): the answer path
then never queries the database. Rebuild the index (``from_session``) when
the knowledge changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hub.core.assistant.dates import covered
from hub.core.knowledge import KnowledgeSet
from hub.core.models import Award, Event, KnowledgeEntry

DOCUMENT = "source_document"
"""The kind of entry a registered document is: its translations are held apart (:class:`Said`)."""


class Said(dict[str, str]):
    """A document's title or description in its own words: English (the language the
    knowledge is written in) and the document's own language. That is all retrieval, record
    choice and every reader of a record's languages see (``items()``, ``values()``,
    ``get()``). Its other languages are translations (the hub's, marked ``translated``, or a
    person's in the console), held apart in ``translated`` and read only by
    :func:`text_in`, to answer in the asker's language: a document is found by its own
    words (and by the plans that cite it), never by a translation of its title."""

    def __init__(self, texts: dict[str, str], own: Iterable[str]) -> None:
        kept = {"en", *own}
        super().__init__({k: v for k, v in texts.items() if k in kept})
        self.translated = {k: v for k, v in texts.items() if k not in kept}

    def __repr__(self) -> str:  # the retrieval cache's fingerprint spells the translations too
        return f"Said({dict(self)!r}, translated={self.translated!r})"


@dataclass(frozen=True)
class EventView:
    """An event as the assistant needs it."""

    id: str
    kind: str
    name: dict[str, str]
    number: int | None = None
    theme: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    precision: str = "unknown"
    city: str | None = None
    country: str | None = None
    url: str | None = None
    topics: tuple[str, ...] = ()
    organiser: str | None = None
    """The organiser's English name (what search reads); ``organiser_names`` has them all."""
    organiser_names: dict[str, str] = field(default_factory=dict)
    time: str | None = None
    source_doc: str | None = None

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """The days the event may fall on, or None when undated."""
        if self.starts_on is None:
            return None
        return covered(self.starts_on, self.ends_on, self.precision)


@dataclass(frozen=True)
class StepView:
    step: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    precision: str
    description: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AwardView:
    id: str
    name: dict[str, str]
    edition: int | None = None
    year: int | None = None
    description: dict[str, str] = field(default_factory=dict)
    url: str | None = None
    steps: dict[str, StepView] = field(default_factory=dict)
    source_doc: str | None = None

    @property
    def first_date(self) -> dt.date | None:
        dated = [s.starts_on for s in self.steps.values() if s.starts_on]
        return min(dated) if dated else None


@dataclass(frozen=True)
class EntryView:
    id: str
    kind: str
    name: dict[str, str]
    body: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    source_doc: str | None = None


@dataclass
class KnowledgeIndex:
    """Events sorted by date, awards, entries by id and by kind."""

    events: list[EventView]
    awards: list[AwardView]
    entries: dict[str, EntryView]
    by_kind: dict[str, list[EntryView]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.events.sort(key=lambda e: (e.starts_on or dt.date.max, e.id))
        self.by_kind = {}
        for entry in self.entries.values():
            self.by_kind.setdefault(entry.kind, []).append(entry)
        self.events_by_id = {e.id: e for e in self.events}
        self.awards_by_id = {a.id: a for a in self.awards}

    def record(self, record_id: str) -> EventView | AwardView | EntryView | None:
        return (
            self.events_by_id.get(record_id)
            or self.awards_by_id.get(record_id)
            or self.entries.get(record_id)
        )

    def cities(self) -> dict[str, str]:
        """City name as written in a question -> the name the records use."""
        found: dict[str, str] = {}
        for event in self.events:
            if event.city:
                for part in event.city.split(","):
                    found[part.strip()] = part.strip()
        for entry in self.by_kind.get("office", []):
            city = entry.data.get("city")
            if isinstance(city, str):
                found[city] = city
        return found

    def document_titles(self) -> dict[str, str]:
        """Document file -> its English title (documents are entries of kind source_document)."""
        return {
            str(e.data["file"]): e.name.get("en", "")
            for e in self.by_kind.get(DOCUMENT, [])
            if "file" in e.data
        }

    def countries(self) -> set[str]:
        return {e.country for e in self.events if e.country} | {
            str(x.data["country"]) for x in self.by_kind.get("office", []) if "country" in x.data
        }

    # --- building ---------------------------------------------------------------------

    @classmethod
    def from_knowledge(cls, knowledge: KnowledgeSet) -> KnowledgeIndex:
        """From validated knowledge files (no database)."""
        events = [
            EventView(
                id=r.id,
                kind=r.kind,
                name=dict(r.name),
                number=r.number,
                theme=dict(r.theme),
                description=dict(r.description),
                starts_on=r.starts_on,
                ends_on=r.ends_on,
                precision=r.precision,
                city=r.city,
                country=r.country,
                url=r.url,
                topics=tuple(r.topics),
                organiser=r.organiser_names.get("en"),
                organiser_names=r.organiser_names,
                time=r.time,
                source_doc=r.source_doc,
            )
            for r in knowledge.events
        ]
        steps: dict[str, dict[str, StepView]] = {}
        for s in knowledge.award_steps:
            steps.setdefault(s.award, {})[s.step] = StepView(
                s.step, s.starts_on, s.ends_on, s.precision, dict(s.description)
            )
        awards = [
            AwardView(
                id=a.id,
                name=dict(a.name),
                edition=a.edition,
                year=a.year,
                description=dict(a.description),
                url=a.url,
                steps=steps.get(a.id, {}),
                source_doc=a.source_doc,
            )
            for a in knowledge.awards
        ]
        entries = {  # ``also_in`` in data, as the database stores it
            e.id: EntryView(
                e.id,
                e.kind,
                dict(e.name),
                dict(e.body),
                {**e.data, **({"also_in": list(e.also_in)} if e.also_in else {})},
                e.source_doc,
            )
            for e in knowledge.entries
        }
        for d in knowledge.documents:  # stored as entries in the database too
            data: dict[str, Any] = {"file": d.file, "language": d.language}
            entries[d.id] = _entry_view(d.id, DOCUMENT, d.title, d.description, data, d.file)
        return cls(events, awards, entries)

    @classmethod
    def from_session(cls, session: Session) -> KnowledgeIndex:
        """From the database: three queries, once, at start-up or after a knowledge load."""
        events = [
            EventView(
                id=e.id,
                kind=e.kind,
                name=dict(e.name or {}),
                number=e.number,
                theme=dict(e.theme or {}),
                description=dict(e.description or {}),
                starts_on=e.starts_on,
                ends_on=e.ends_on,
                precision=e.date_precision if e.starts_on else "unknown",
                city=e.city,
                country=e.country,
                url=e.url,
                topics=tuple(e.topics or ()),
                organiser=e.organiser,
                organiser_names=_organiser_names(e),
                time=e.time,
                source_doc=e.source_doc,
            )
            for e in session.scalars(select(Event))
        ]
        awards = [
            AwardView(
                id=a.id,
                name=dict(a.name or {}),
                edition=a.edition,
                year=a.year,
                description=dict(a.description or {}),
                url=a.url,
                steps={
                    s.step: StepView(
                        s.step,
                        s.starts_on,
                        s.ends_on,
                        s.date_precision if s.starts_on else "unknown",
                        dict(s.description or {}),
                    )
                    for s in a.steps
                },
                source_doc=a.source_doc,
            )
            for a in session.scalars(select(Award).options(selectinload(Award.steps)))
        ]
        entries = {
            e.id: _entry_view(e.id, e.kind, e.name, e.body, e.data, e.source_doc)
            for e in session.scalars(select(KnowledgeEntry))
        }
        return cls(events, awards, entries)


def _entry_view(
    id_: str,
    kind: str,
    name: dict[str, str] | None,
    body: dict[str, str] | None,
    data: dict[str, Any] | None,
    source_doc: str | None,
) -> EntryView:
    """An entry as the assistant reads it; a document's translations held apart (:class:`Said`)."""
    data = dict(data or {})
    if kind != DOCUMENT:
        return EntryView(id_, kind, dict(name or {}), dict(body or {}), data, source_doc)
    own = [str(data.get("language", "en"))]
    return EntryView(id_, kind, Said(name or {}, own), Said(body or {}, own), data, source_doc)


def _organiser_names(event: Event) -> dict[str, str]:
    """A stored event's organiser by language: its English name is the ``organiser`` column
    (what the console edits), the other languages are ``organiser_names``."""
    if not event.organiser:
        return {}
    return {**(event.organiser_names or {}), "en": event.organiser}


def text_in(translations: dict[str, str], language: str) -> tuple[str, str]:
    """The text in ``language`` if the record has it (its own words, else the hub's
    translation held apart by :class:`Said`), else English; and the language used."""
    apart = translations.translated if isinstance(translations, Said) else {}
    if language not in translations and language in apart:
        return apart[language], language
    for code in (language, "en", *translations):
        if code in translations:
            return translations[code], code
    return "", language


def ids(records: Iterable[Any]) -> list[str]:
    return [r.id for r in records]
