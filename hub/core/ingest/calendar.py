"""iCalendar sources (a website's agenda, a Decidim meetings export) -> Event rows.

Each VEVENT becomes one :class:`~hub.core.models.Event` keyed by the source and
the event's UID, updated in place when the calendar changes (a moved
meeting keeps its row). All-day events keep their dates; timed events are
converted to their own time zone (``TZID``, else the calendar's
``X-WR-TIMEZONE``, else UTC) for the day and the ``HH:MM`` shown to members.
Text is cleaned like feed text: Decidim puts HTML in DESCRIPTION.

An event whose CATEGORIES or title name a conference (conference,
conferencia, conférence, conferència, conferência, and their plurals, with
or without accents) is stored as a ``conference``, so the assistant's "when
is the next conference?" finds it; the rest keep the calendar's kind
(``event``, or ``meeting`` for a Decidim export). Migration 0010 applies the
title rule to events stored before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.ingest.errors import FeedError
from hub.core.ingest.language import detector_for
from hub.core.ingest.sanitise import clean_summary, clean_title, usable_base
from hub.core.ingest.tags import default_tagger
from hub.core.models import Event, Source

MAX_EVENTS = 2000
CONFERENCE_WORD = re.compile(r"\bconferen(?:ce|cia|cie)s?\b")
"""A conference in en, es, fr, ca, pt (singular or plural), once accents are taken off."""


def _plain(text: str) -> str:
    """Lower case without accents: ``Conférence`` -> ``conference``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_conference(title: str, categories: Iterable[str] = ()) -> bool:
    """Whether a calendar event is a conference: by its CATEGORIES, else by its title."""
    return any(CONFERENCE_WORD.search(_plain(text)) for text in (*categories, title))


@dataclass
class CalendarEvent:
    """One VEVENT, cleaned."""

    uid: str
    title: str
    description: str
    starts_on: dt.date
    ends_on: dt.date | None
    time: str | None
    timezone: str | None
    venue: str | None
    url: str | None
    language: str | None
    topics: list[str]
    country: str | None
    cancelled: bool = False
    categories: list[str] = field(default_factory=list)

    @property
    def conference(self) -> bool:
        return is_conference(self.title, self.categories)


@dataclass
class ParsedCalendar:
    """The events of a calendar and what was wrong with it."""

    name: str
    kind: str
    events: list[CalendarEvent]
    problems: list[str] = field(default_factory=list)


def _zone(name: Any) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _local(value: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    if value.tzinfo is None:  # floating time: the calendar's zone, else as written
        return value.replace(tzinfo=zone) if zone else value
    return value.astimezone(zone) if zone else value


def parse_calendar(
    data: bytes,
    *,
    language: str | None = None,
    timezone: str | None = None,
    now: dt.datetime | None = None,
) -> ParsedCalendar:
    """Read an ``.ics`` body; raises :class:`FeedError` when it is not a calendar.

    Times without a TZID are shown in the calendar's ``X-WR-TIMEZONE``, else in
    ``timezone`` (the deployment's), else as given. A recurring event (RRULE)
    is stored as its next occurrence from ``now`` (EXDATEs are not applied);
    overrides of single occurrences (RECURRENCE-ID) are skipped.
    """
    from icalendar import Calendar

    if not data.strip():
        raise FeedError("empty", "empty: the server sent an empty body")
    if not data.lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCALENDAR"):
        raise FeedError(
            "not_a_feed", "not a calendar: the body does not start with BEGIN:VCALENDAR"
        )
    try:
        calendar = Calendar.from_ical(data.decode("utf-8", errors="replace"))
    except (ValueError, KeyError, IndexError) as exc:
        raise FeedError("unreadable", f"unreadable calendar: {exc}") from None
    default_zone = _zone(calendar.get("X-WR-TIMEZONE")) or _zone(timezone)
    prodid = str(calendar.get("PRODID", ""))
    urls = [str(c.get("URL", "")) for c in calendar.walk("VEVENT")]
    decidim = "decidim" in prodid.lower() or any("/meetings/" in u for u in urls)
    kind = "meeting" if decidim else "event"
    problems: list[str] = []
    events: list[CalendarEvent] = []
    for position, component in enumerate(calendar.walk("VEVENT")):
        if component.get("RECURRENCE-ID") is not None:
            continue
        if len(events) >= MAX_EVENTS:
            problems.append(f"more than {MAX_EVENTS} events: the rest were skipped")
            break
        try:
            event = _event(component, default_zone, language, now)
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"event {position + 1}: unreadable ({exc}); skipped")
            continue
        if event is None:
            problems.append(f"event {position + 1}: no UID or no start; skipped")
            continue
        events.append(event)
    name = clean_title(str(calendar.get("X-WR-CALNAME", "")))
    return ParsedCalendar(name, kind, events, problems)


def _next_occurrence(component: Any, start: Any, end: Any, now: dt.datetime | None) -> Any:
    """(start, end) of the first occurrence on or after ``now`` of a recurring event."""
    rule = component.get("RRULE")
    if rule is None or now is None:
        return start, end
    from dateutil.rrule import rrulestr

    timed = isinstance(start, dt.datetime)
    anchor = start if timed else dt.datetime.combine(start, dt.time())
    after = now if anchor.tzinfo else now.replace(tzinfo=None)
    if not timed:
        after = dt.datetime.combine(now.date(), dt.time())
    try:
        following = rrulestr(rule.to_ical().decode(), dtstart=anchor).after(after, inc=True)
    except (ValueError, TypeError):
        return start, end
    if following is None:  # the series is over: keep its first date
        return start, end
    shift = following - anchor
    moved_end = end + shift if end is not None else None
    return (following if timed else following.date()), moved_end


def _event(
    component: Any, default_zone: dt.tzinfo | None, language: str | None, now: dt.datetime | None
) -> CalendarEvent | None:
    uid = " ".join(str(component.get("UID", "")).split())
    start_prop = component.get("DTSTART")
    if not uid or start_prop is None:
        return None
    end_prop = component.get("DTEND")
    start, end = _next_occurrence(
        component, start_prop.dt, end_prop.dt if end_prop is not None else None, now
    )
    zone_name: str | None = None
    time: str | None = None
    if isinstance(start, dt.datetime):
        tzid = start_prop.params.get("TZID")
        zone = _zone(tzid) or default_zone or start.tzinfo
        start = _local(start, zone)
        zone_name = str(tzid or getattr(zone, "key", None) or (start.tzname() or "")) or None
        time = start.strftime("%H:%M")
        starts_on = start.date()
        ends_on = _local(end, zone).date() if isinstance(end, dt.datetime) else None
    else:
        starts_on = start
        # DTEND of an all-day event is exclusive: the day after the last day.
        ends_on = end - dt.timedelta(days=1) if isinstance(end, dt.date) else None
    if ends_on is not None and ends_on <= starts_on:
        ends_on = None
    title = clean_title(str(component.get("SUMMARY", ""))) or "untitled event"
    url = usable_base(str(component.get("URL", "")) or None)
    description = clean_summary(str(component.get("DESCRIPTION", "")), url).text
    venue = clean_title(str(component.get("LOCATION", "")), 300) or None
    text = f"{title}\n{description}\n{venue or ''}"
    detected = detector_for().detect(text) or language
    tagger = default_tagger()
    countries = tagger.countries_in(f"{venue or ''} {title}")
    return CalendarEvent(
        uid=uid,
        title=title,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        time=time,
        timezone=zone_name,
        venue=venue,
        url=url,
        language=detected,
        topics=tagger.topics_in(text, detected),
        country=countries[0] if countries else None,
        cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
        categories=_categories(component.get("CATEGORIES")),
    )


def _categories(prop: Any) -> list[str]:
    """The words of every CATEGORIES line (icalendar gives one value, or a list of them)."""
    values = prop if isinstance(prop, list) else [prop] if prop is not None else []
    words: list[str] = []
    for value in values:
        for word in getattr(value, "cats", None) or [value]:
            text = clean_title(str(word), 100)
            if text:
                words.append(text)
    return words


def event_id(source_key: str, uid: str) -> str:
    """The primary key of a calendar event: stable for a (source, UID) pair, at most 120 chars."""
    digest = hashlib.sha256(f"{source_key}\x1f{uid}".encode()).hexdigest()[:24]
    return f"ical-{source_key[:80]}-{digest}"


@dataclass
class EventsReport:
    """How many events were added, changed or left as they were."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated


def store_events(
    session: Session,
    source: Source,
    events: list[CalendarEvent],
    *,
    now: dt.datetime,
    kind: str = "event",
) -> EventsReport:
    """Insert or update the events of ``source`` by UID (in the caller's transaction)."""
    report = EventsReport()
    existing = {
        row.external_uid: row
        for row in session.scalars(select(Event).where(Event.source_id == source.id))
    }
    for event in events:
        language = event.language or "en"
        values: dict[str, Any] = {
            "kind": "cancelled" if event.cancelled else "conference" if event.conference else kind,
            "name": {language: event.title},
            "description": {language: event.description} if event.description else {},
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
            "date_precision": "day",
            "time": f"{event.time}" if event.time else None,
            "venue": event.venue,
            "country": event.country,
            "url": event.url,
            "topics": event.topics,
        }
        row = existing.get(event.uid)
        if row is None:
            row = Event(
                id=event_id(source.key, event.uid),
                source_id=source.id,
                external_uid=event.uid[:500],
                created_at=now,
                updated_at=now,
                **values,
            )
            session.add(row)
            existing[event.uid] = row
            report.added += 1
            continue
        changed = False
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if changed:
            row.updated_at = now
            report.updated += 1
        else:
            report.unchanged += 1
    session.flush()
    return report
