"""``GET /events.ics``: the hub's events as an iCalendar feed anyone may subscribe to.

Public (no sign-in, no cookies): it holds only what the knowledge pages
publish. Decisions, so that a calendar never says more than the hub knows:

- only events known to the day (``date_precision == "day"``) are in the feed,
  each as an all-day event (``DTEND`` is the day after the last day, as
  RFC 5545 wants). Events known only to the month or the year are left out:
  shown as all-day spans they would fill a whole month or year of a member's
  calendar and read as if they lasted that long. The knowledge page says how
  many are left out.
- each event's ``UID`` is its knowledge id at the hub's host
  (``cascais-2013@hub.example.org``), so it stays the same across edits and a
  calendar updates the event instead of adding it again; ``SEQUENCE`` is not
  kept, ``LAST-MODIFIED`` and ``DTSTAMP`` say when it changed.
- ``?lang=es`` picks the language of titles and descriptions (English when an
  event has no text in it). The ``icalendar`` library escapes every text value
  (commas, semicolons, new lines) and folds long lines.
- a text no calendar can carry (a lone surrogate kept in a JSON column from before
  the inputs refused it, a control character) is written as
  :func:`hub.web.feed_text.writable` makes it, so one such event never fails the
  feed for every subscriber.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from hub.core.config.settings import Settings
from hub.core.models import Event
from hub.web.feed_text import writable
from hub.web.knowledge_forms import LANGUAGES
from hub.web.render import web_url

MEDIA_TYPE = "text/calendar; charset=utf-8"


def feed_events(session: Session) -> list[Event]:
    """The events the feed holds: dated to the day, in date order."""
    query = (
        select(Event)
        .where(Event.starts_on.is_not(None), Event.date_precision == "day")
        .order_by(Event.starts_on, Event.id)
    )
    return list(session.scalars(query))


def _text(translations: dict[str, str] | None, language: str) -> str:
    texts = translations or {}
    chosen = texts.get(language) or texts.get("en") or next(iter(texts.values()), "")
    return writable(chosen)


def _host(settings: Settings) -> str:
    return urlsplit(settings.hub.public_url or "").hostname or "iopd-hub.invalid"


def calendar_of(events: list[Event], settings: Settings, language: str) -> Calendar:
    """The feed as an :class:`icalendar.Calendar` (one ``VEVENT`` per event)."""
    feed = Calendar()
    feed.add("prodid", f"-//{settings.hub.network_name()}//iopd-hub knowledge//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", writable(settings.hub.network_name(language)))
    host = _host(settings)
    for event in events:
        feed.add_component(_vevent(event, host, language))
    return feed


def _vevent(event: Event, host: str, language: str) -> CalendarEvent:
    assert event.starts_on is not None
    entry = CalendarEvent()
    entry.add("uid", writable(f"{event.id}@{host}"))
    entry.add("summary", _text(event.name, language) or writable(event.id))
    entry.add("dtstart", event.starts_on)
    entry.add("dtend", (event.ends_on or event.starts_on) + dt.timedelta(days=1))
    changed = event.updated_at or event.created_at
    if changed is not None:
        entry.add("dtstamp", changed.astimezone(dt.UTC))
        entry.add("last-modified", changed.astimezone(dt.UTC))
    place = ", ".join(part for part in (event.venue, event.city, event.country) if part)
    if place:
        entry.add("location", writable(place))
    lines = [_text(event.description, language)]
    if event.time:
        lines.append(writable(event.time))
    link = web_url(event.url)
    if link:
        entry.add("url", link)
        lines.append(link)
    description = "\n\n".join(line for line in lines if line)
    if description:
        entry.add("description", description)
    entry.add("categories", [writable(event.kind)])
    if event.kind == "cancelled":  # a calendar source said so
        entry.add("status", "CANCELLED")
    return entry


def _build(engine: Engine, settings: Settings, language: str) -> bytes:
    with Session(engine) as session:
        ical: bytes = calendar_of(feed_events(session), settings, language).to_ical()
        return ical


async def events_ics(request: Request) -> Response:
    """The feed; public, so it reads nothing of the request but ``?lang=``."""
    console = request.app.state.console
    language = request.query_params.get("lang", "en")
    if language not in LANGUAGES:
        language = "en"
    body = await run_in_threadpool(_build, console.engine, console.settings, language)
    headers = {
        "cache-control": "public, max-age=300",
        "content-disposition": 'inline; filename="events.ics"',
    }
    return Response(body, media_type=MEDIA_TYPE, headers=headers)
