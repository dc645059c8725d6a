"""iCalendar sources become events, updated in place by UID."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from hub.core.db import transaction
from hub.core.ingest.calendar import parse_calendar, store_events
from hub.core.ingest.errors import FeedError
from hub.core.models import Event, Source

CORPUS = Path(__file__).parents[1] / "fixtures" / "feeds"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def agenda() -> bytes:
    return (CORPUS / "website_agenda.ics").read_bytes()


def test_all_day_timed_and_utc_events() -> None:
    calendar = parse_calendar(agenda())
    events = {e.uid: e for e in calendar.events}
    conference = events["conf-2027@oidp.net"]
    assert (conference.starts_on, conference.ends_on, conference.time) == (
        dt.date(2027, 6, 15),
        dt.date(2027, 6, 17),  # DTEND of an all-day event is exclusive
        None,
    )
    assert conference.country == "BR" and "conference" in conference.topics
    webinar = events["webinar-budgets@oidp.net"]
    assert (webinar.time, webinar.timezone, webinar.language) == ("17:00", "Europe/Madrid", "es")
    board = events["utc-meeting@oidp.net"]  # 23:00 UTC is past midnight in Madrid
    assert (board.starts_on, board.time) == (dt.date(2026, 12, 6), "00:00")
    assert calendar.problems == ["event 4: no UID or no start; skipped"]


def test_decidim_meetings_export() -> None:
    calendar = parse_calendar(
        (CORPUS / "decidim_meetings.ics").read_bytes(), timezone="Europe/Madrid"
    )
    assert calendar.kind == "meeting"
    first, cancelled = calendar.events
    assert first.time == "17:00" and first.language == "ca"
    assert "<" not in first.description and "alert" not in first.description
    assert first.venue and first.venue.startswith("Ajuntament de Barcelona")
    assert cancelled.cancelled


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"", "empty"),
        (b"<html>page</html>", "not_a_feed"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", None),
    ],
)
def test_bad_calendars_fail_clearly_or_give_nothing(body: bytes, kind: str | None) -> None:
    if kind is None:
        try:
            assert parse_calendar(body).events == []
        except FeedError as exc:
            assert exc.kind == "unreadable"
        return
    with pytest.raises(FeedError) as caught:
        parse_calendar(body)
    assert caught.value.kind == kind


def test_events_are_updated_in_place_by_uid(engine) -> None:
    with transaction(engine) as session:
        source = Source(key="agenda", kind="ical", url="https://oidp.net/agenda.ics")
        session.add(source)
        session.flush()
        first = store_events(session, source, parse_calendar(agenda()).events, now=NOW)
        assert (first.added, first.updated) == (3, 0)
        moved = agenda().replace(b"20261210T170000", b"20261211T180000")
        second = store_events(session, source, parse_calendar(moved).events, now=NOW)
        assert (second.added, second.updated, second.unchanged) == (0, 1, 2)
        rows = list(session.scalars(select(Event).where(Event.source_id == source.id)))
        assert len(rows) == 3
        webinar = next(r for r in rows if r.external_uid == "webinar-budgets@oidp.net")
        assert (webinar.starts_on, webinar.time) == (dt.date(2026, 12, 11), "18:00")
        assert webinar.name == {"es": "Webinar: presupuestos participativos y juventud"}


def test_recurring_events_show_their_next_occurrence() -> None:
    data = (CORPUS / "recurring.ics").read_bytes()
    events = {e.uid: e for e in parse_calendar(data, now=NOW).events}
    assert len(events) == 2  # the moved occurrence (RECURRENCE-ID) does not replace the series
    weekly = events["wg-weekly@oidp.net"]
    assert (weekly.starts_on, weekly.time) == (dt.date(2026, 11, 24), "16:00")  # next Tuesday
    yearly = events["assembly-yearly@oidp.net"]
    assert yearly.starts_on == dt.date(2027, 3, 15)
    first = {e.uid: e for e in parse_calendar(data).events}
    assert first["wg-weekly@oidp.net"].starts_on == dt.date(2026, 10, 6)  # no clock: as written
