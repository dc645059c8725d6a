"""Put a validated :class:`KnowledgeSet` into the database, changing only what changed.

Rows are matched by id (award steps by award and step). A row whose columns
already equal the record is left alone, so a second load writes nothing and
reports every record as unchanged. A row is removed only when it came from
the knowledge files and its record is gone from them:

- events and awards: no calendar source (``source_id`` is null) and a
  ``source_doc`` that is a document registered in the knowledge files;
- award steps of a kept award: a ``source_doc`` that is a registered document;
- knowledge entries: ``data["origin"] == "seed"``, which the loader writes.

So events that came from calendar feeds and anything the secretariat adds by
hand without a registered document are never touched.

A row edited in the console (``edited_at`` set, see
:class:`~hub.core.models.ConsoleEdited`) is kept as the console left it: neither
updated nor removed, and listed in :attr:`LoadReport.kept`. ``sync(...,
replace_edits=True)`` (``hub knowledge load --replace-console-edits``) takes
the files' version instead and clears the mark.

Rows the load creates or changes are stamped with the caller's ``now`` (its injected
clock), not the database's or the process's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hub.core.knowledge.files import KnowledgeSet, json_ready
from hub.core.knowledge.schema import (
    AwardRecord,
    AwardStepRecord,
    DocumentRecord,
    EntryRecord,
    EventRecord,
)
from hub.core.models import (
    Award,
    AwardStep,
    ConsoleEdited,
    Event,
    KnowledgeEntry,
    Timestamped,
)

ORIGIN = "seed"
"""``KnowledgeEntry.data["origin"]`` of entries written by this loader."""
LOADER_KEYS = frozenset({"origin", "note", "also_in", "translated"})
"""Keys this loader adds to an entry's ``data`` beside the record's own fields (where it
came from, what its documents leave implicit, its other documents, its translations):
bookkeeping, not what the entry says."""
DOCUMENT_KIND = "source_document"
"""The ``KnowledgeEntry.kind`` under which registered documents are stored."""


@dataclass
class TableReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class LoadReport:
    """What a load did, in total and table by table."""

    tables: dict[str, TableReport] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    """Ids the files declare but a calendar source owns in the database."""
    kept: list[str] = field(default_factory=list)
    """Rows edited in the console that the load left alone (``table:id``)."""

    def table(self, name: str) -> TableReport:
        return self.tables.setdefault(name, TableReport())

    @property
    def created(self) -> int:
        return sum(t.created for t in self.tables.values())

    @property
    def updated(self) -> int:
        return sum(t.updated for t in self.tables.values())

    @property
    def unchanged(self) -> int:
        return sum(t.unchanged for t in self.tables.values())

    @property
    def removed(self) -> int:
        return sum(t.removed for t in self.tables.values())


def sync(
    session: Session, knowledge: KnowledgeSet, *, now: dt.datetime, replace_edits: bool = False
) -> LoadReport:
    """Make the database hold ``knowledge`` as of ``now``; the caller commits (or rolls back)
    the session.

    Rows edited in the console are kept unless ``replace_edits``.
    """
    report = LoadReport()
    if replace_edits:
        _forget_edits(session)
    seed_documents = knowledge.document_files() | _documents_loaded_before(session)

    wanted_entries = [*map(_document_entry, knowledge.documents), *map(_entry, knowledge.entries)]
    _sync_rows(
        session, KnowledgeEntry, wanted_entries, report.table("knowledge_entries"), report, now
    )
    stale = session.scalars(select(KnowledgeEntry)).all()
    keep = {row["id"] for row in wanted_entries}
    _remove(session, [e for e in stale if e.id not in keep and _is_seed(e)], report)

    wanted_events = [_event(record) for record in knowledge.events]
    owned = {
        event.id
        for event in session.scalars(select(Event).where(Event.source_id.is_not(None))).all()
    }
    report.skipped.extend(sorted(owned & {row["id"] for row in wanted_events}))
    wanted_events = [row for row in wanted_events if row["id"] not in owned]
    _sync_rows(session, Event, wanted_events, report.table("events"), report, now)
    keep = {record.id for record in knowledge.events}
    stale_events = session.scalars(
        select(Event).where(Event.source_id.is_(None), Event.source_doc.in_(seed_documents))
    ).all()
    _remove(session, [e for e in stale_events if e.id not in keep], report, "events")

    _sync_rows(
        session, Award, [_award(r) for r in knowledge.awards], report.table("awards"), report, now
    )
    keep = {record.id for record in knowledge.awards}
    stale_awards = session.scalars(select(Award).where(Award.source_doc.in_(seed_documents))).all()
    _remove(session, [a for a in stale_awards if a.id not in keep], report, "awards")
    session.flush()

    _sync_steps(session, knowledge.award_steps, seed_documents, report, now)
    session.flush()
    return report


def document_titles(session: Session) -> dict[str, dict[str, str]]:
    """The title per language of every registered document, by its file name (``001_….txt``).

    Records name their document by file (``source_doc``); people read its title.
    """
    rows = session.execute(
        select(KnowledgeEntry.source_doc, KnowledgeEntry.name).where(
            KnowledgeEntry.kind == DOCUMENT_KIND
        )
    )
    return {str(file): dict(name or {}) for file, name in rows if file}


def title_in(titles: dict[str, str], language: str, fallback: str) -> str:
    """A document's title in ``language``, else English, else any language, else ``fallback``."""
    return titles.get(language) or titles.get("en") or next(iter(titles.values()), fallback)


def _documents_loaded_before(session: Session) -> set[str]:
    """Documents registered by an earlier load: their records stay ours to remove."""
    rows = session.scalars(select(KnowledgeEntry).where(KnowledgeEntry.kind == DOCUMENT_KIND)).all()
    return {str(row.data["file"]) for row in rows if _is_seed(row) and "file" in row.data}


def _is_seed(entry: KnowledgeEntry) -> bool:
    return isinstance(entry.data, dict) and entry.data.get("origin") == ORIGIN


def _sync_rows(
    session: Session,
    model: type[Any],
    rows: Iterable[dict[str, Any]],
    table: TableReport,
    report: LoadReport,
    now: dt.datetime,
) -> None:
    stamped = issubclass(model, Timestamped)
    existing = {row.id: row for row in session.scalars(select(model)).all()}
    for values in rows:
        row = existing.get(values["id"])
        if row is None:
            made = {**values, "created_at": now, "updated_at": now} if stamped else values
            session.add(model(**made))
            table.created += 1
        elif _edited(row, report):
            continue
        elif _apply(row, values):
            if stamped:
                row.updated_at = now
            table.updated += 1
        else:
            table.unchanged += 1


def _apply(row: Any, values: dict[str, Any]) -> bool:
    """Set the columns that differ; True when anything did."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _edited(row: Any, report: LoadReport) -> bool:
    """True (and noted in the report) when the console edited ``row``: the load keeps it."""
    if row.edited_at is None:
        return False
    key = f"{row.award_id}/{row.step}" if isinstance(row, AwardStep) else row.id
    report.kept.append(f"{row.__tablename__}:{key}")
    return True


def _forget_edits(session: Session) -> None:
    """Clear every console-edit mark, so this load writes the files' version over them."""
    models: tuple[type[ConsoleEdited], ...] = (Event, Award, AwardStep, KnowledgeEntry)
    for model in models:
        session.execute(
            update(model).where(model.edited_at.is_not(None)).values(edited_at=None, edited_by=None)
        )


def _remove(session: Session, rows: list[Any], report: LoadReport, table: str = "") -> None:
    for row in rows:
        if _edited(row, report):
            continue
        session.delete(row)
        report.table(table or row.__tablename__).removed += 1


def _sync_steps(
    session: Session,
    steps: Iterable[AwardStepRecord],
    seed_documents: set[str],
    report: LoadReport,
    now: dt.datetime,
) -> None:
    """Steps by award and step name; an award whose steps change counts as updated too
    (its ``updated_at`` moves to ``now``), so readers watching the awards see the change."""
    table = report.table("award_steps")
    existing = {(row.award_id, row.step): row for row in session.scalars(select(AwardStep)).all()}
    keep: set[tuple[str, str]] = set()
    touched: set[str] = set()
    for record in steps:
        key = (record.award, record.step)
        keep.add(key)
        values = _step(record)
        row = existing.get(key)
        if row is None:
            session.add(AwardStep(**values))
            table.created += 1
            touched.add(record.award)
        elif _edited(row, report):
            continue
        elif _apply(row, values):
            table.updated += 1
            touched.add(record.award)
        else:
            table.unchanged += 1
    for key, row in existing.items():
        if key not in keep and row.source_doc in seed_documents and row in session:
            if _edited(row, report):
                continue
            session.delete(row)
            table.removed += 1
            touched.add(row.award_id)
    for award in session.scalars(select(Award).where(Award.id.in_(touched))):
        award.updated_at = now


# --- records to column values ------------------------------------------------------------


def _event(record: EventRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "kind": record.kind,
        "number": record.number,
        "name": dict(record.name),
        "theme": dict(record.theme),
        "description": dict(record.description),
        "starts_on": record.starts_on,
        "ends_on": record.ends_on,
        "date_precision": record.precision,
        "time": record.time,
        "city": record.city,
        "country": record.country,
        "venue": record.venue,
        "organiser": record.organiser_names.get("en"),
        "organiser_names": {k: v for k, v in record.organiser_names.items() if k != "en"},
        "url": record.url,
        "topics": list(record.topics),
        "source_doc": record.source_doc,
        "translated": sorted(record.translated),
    }


def _award(record: AwardRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "edition": record.edition,
        "year": record.year,
        "name": dict(record.name),
        "description": dict(record.description),
        "url": record.url,
        "source_doc": record.source_doc,
        "translated": sorted(record.translated),
    }


def _step(record: AwardStepRecord) -> dict[str, Any]:
    return {
        "award_id": record.award,
        "step": record.step,
        "starts_on": record.starts_on,
        "ends_on": record.ends_on,
        "date_precision": record.precision,
        "description": dict(record.description),
        "source_doc": record.source_doc,
        "translated": sorted(record.translated),
    }


def _entry(record: EntryRecord) -> dict[str, Any]:
    data = json_ready(dict(record.data))
    data["origin"] = ORIGIN
    if record.note:
        data["note"] = record.note
    if record.also_in:
        data["also_in"] = list(record.also_in)
    if record.translated:
        data["translated"] = sorted(set(data.get("translated", [])) | set(record.translated))
    return {
        "id": record.id,
        "kind": record.kind,
        "name": dict(record.name),
        "body": dict(record.body),
        "data": data,
        "source_doc": record.source_doc,
    }


def _document_entry(record: DocumentRecord) -> dict[str, Any]:
    data: dict[str, Any] = {"origin": ORIGIN, "file": record.file, "language": record.language}
    if record.dated:
        data["dated"] = record.dated.isoformat()
    if record.note:
        data["note"] = record.note
    if record.translated:
        data["translated"] = sorted(record.translated)
    return {
        "id": record.id,
        "kind": DOCUMENT_KIND,
        "name": dict(record.title),
        "body": dict(record.description),
        "data": data,
        "source_doc": record.file,
    }
