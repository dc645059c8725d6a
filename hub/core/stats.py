"""The dashboard's series: the last 30 days, day by day, read from the database.

Every series is a list of :class:`DayCount` covering each UTC day of the
window, zeros included, so a chart needs no gap handling. Days are counted
in SQL (``date()`` of the UTC timestamp on SQLite, ``timezone('UTC', ...)``
on PostgreSQL); the deliveries' past days come from the ledger's sealed days
(:mod:`hub.core.bus.ledger_days`), so a month of busy deliveries is a few
hundred rows, not every delivery.

- :func:`deliveries_per_day`: per channel, posts sent (by ``sent_at``) and
  deliveries that failed (an attempt ending ``failed`` or ``dead``), as the
  dashboard's "Sent today" and "Failed today" count them: private replies to
  members and newsletter test sends are not the channel's posts
  (:data:`hub.core.bus.status.REPLY_KINDS`, :data:`~hub.core.bus.status.TEST_KINDS`);
- :func:`items_per_day`: per source, items stored (by ``created_at``);
- :func:`questions_per_day`: questions asked and, of those, handed off;
- :func:`newsletter_engagement`: unique opens and clicks per sent edition,
  from ``NewsletterEdition.report`` (what ``hub newsletter report`` pulled).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from hub.core.bus import ledger_days
from hub.core.bus.status import REPLY_KINDS, TEST_KINDS
from hub.core.models import (
    Item,
    NewsletterEdition,
    Question,
    Source,
)

WINDOW_DAYS = 30


@dataclass(frozen=True)
class DayCount:
    """One day of a series: ``first`` (sent, items, asked) and ``second`` (failed, handed off)."""

    day: dt.date
    first: int = 0
    second: int = 0


@dataclass(frozen=True)
class EditionEngagement:
    edition_id: int
    label: str
    opens: int
    clicks: int
    sent: int


def window(now: dt.datetime, days: int = WINDOW_DAYS) -> tuple[dt.datetime, list[dt.date]]:
    """The window's start (midnight UTC, ``days - 1`` days before today) and its days."""
    today = now.astimezone(dt.UTC).date()
    first = today - dt.timedelta(days=days - 1)
    start = dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC)
    return start, [first + dt.timedelta(days=n) for n in range(days)]


def _day(session: Session, column: Any) -> ColumnElement[Any]:
    if session.get_bind().dialect.name == "postgresql":
        return func.date(func.timezone("UTC", column))
    return func.date(column)


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _fill(days: list[dt.date], counts: dict[dt.date, tuple[int, int]]) -> list[DayCount]:
    return [DayCount(day, *counts.get(day, (0, 0))) for day in days]


def deliveries_per_day(
    session: Session, now: dt.datetime, days: int = WINDOW_DAYS
) -> dict[str, list[DayCount]]:
    """Per channel: posts sent (first) and posts failed (second) each day.

    Sealed days come from the ledger's days (:mod:`hub.core.bus.ledger_days`), the days
    still open from the ledger itself: call :func:`hub.core.bus.ledger_days.seal` first
    (the dashboard does) and only the open days are counted here."""
    start, span = window(now, days)
    found: dict[str, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for (channel, day, kind), counted in ledger_days.daily(session, start.date()).items():
        if counted.sent and kind not in REPLY_KINDS + TEST_KINDS:
            found[channel][day][0] += counted.sent
        if counted.failed and kind not in REPLY_KINDS:
            found[channel][day][1] += counted.failed
    return {
        channel: _fill(span, {day: (a, b) for day, (a, b) in by_day.items()})
        for channel, by_day in sorted(found.items())
    }


def items_per_day(
    session: Session, now: dt.datetime, days: int = WINDOW_DAYS
) -> dict[str, list[DayCount]]:
    """Per source (``(console)`` for items with none): items stored each day."""
    start, span = window(now, days)
    created = _day(session, Item.created_at)
    found: dict[str, dict[dt.date, tuple[int, int]]] = defaultdict(dict)
    for source, day, count in session.execute(
        select(func.coalesce(Source.key, "(console)"), created, func.count())
        .select_from(Item)
        .outerjoin(Source, Source.id == Item.source_id)
        .where(Item.created_at >= start)
        .group_by(Source.key, created)
    ):
        found[source][_as_date(day)] = (count, 0)
    return {source: _fill(span, by_day) for source, by_day in sorted(found.items())}


def questions_per_day(
    session: Session, now: dt.datetime, days: int = WINDOW_DAYS
) -> list[DayCount]:
    """Questions asked (first) and handed off to the secretariat (second) each day."""
    start, span = window(now, days)
    asked = _day(session, Question.created_at)
    handed = func.sum(case((Question.handoff.is_(True), 1), else_=0))
    counts = {
        _as_date(day): (int(total), int(off or 0))
        for day, total, off in session.execute(
            select(asked, func.count(), handed).where(Question.created_at >= start).group_by(asked)
        )
    }
    return _fill(span, counts)


def newsletter_engagement(session: Session, limit: int = 12) -> list[EditionEngagement]:
    """Unique opens and clicks of the latest sent editions that have a report, oldest first."""
    editions = session.scalars(
        select(NewsletterEdition)
        .where(NewsletterEdition.sent_at.is_not(None))
        .order_by(NewsletterEdition.sent_at.desc(), NewsletterEdition.id.desc())
        .limit(limit)
    ).all()
    rows = []
    for edition in reversed(editions):
        report = edition.report or {}
        if not report:
            continue
        rows.append(
            EditionEngagement(
                edition.id,
                f"{edition.period_end:%Y-%m} {edition.language}",
                int(report.get("unique_opens", 0) or 0),
                int(report.get("unique_clicks", 0) or 0),
                int(report.get("emails_sent", 0) or 0),
            )
        )
    return rows
