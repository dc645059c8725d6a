"""Periods (pure): which firing of a schedule is the latest at ``now``, and its name.

:func:`latest_due` says which firing of a schedule is the most recent one at
``now``, in the schedule's time zone, and names its period (``2026-11-23``,
``2026-W48``, ``2026-11``; every few minutes from the hour in UTC, ``2026-11-23T08:05``,
for reminders). A wall time that does not exist when the clocks go
forward fires at the instant one hour later would; a wall time that happens
twice fires at its first occurrence. The scheduler and the roundups both read
these; neither imports the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from hub.core.config.settings import ScheduleSettings

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Period:
    """One firing of a schedule: the key of its period and the UTC instant it falls due."""

    key: str
    fires_at: dt.datetime


def period_key(period: str, local_day: dt.date) -> str:
    """The key of the period whose firing happens on ``local_day``."""
    if period == "day":
        return local_day.isoformat()
    if period == "week":
        year, week, _ = local_day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{local_day.year}-{local_day.month:02d}"
    raise ValueError(f"unknown period {period!r} (day, week or month)")


def _previous_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _firing_day_on_or_before(schedule: ScheduleSettings, today: dt.date) -> dt.date:
    if schedule.period == "day":
        return today
    if schedule.period == "week":
        wanted = WEEKDAYS.index(schedule.weekday or "mon")
        return today - dt.timedelta(days=(today.weekday() - wanted) % 7)
    candidate = today.replace(day=schedule.day or 1)
    if candidate <= today:
        return candidate
    return _previous_month(today).replace(day=schedule.day or 1)


def _firing_day_before(schedule: ScheduleSettings, day: dt.date) -> dt.date:
    if schedule.period == "day":
        return day - dt.timedelta(days=1)
    if schedule.period == "week":
        return day - dt.timedelta(days=7)
    return _previous_month(day).replace(day=schedule.day or 1)


def _instant(day: dt.date, time: str, zone: ZoneInfo) -> dt.datetime:
    hour, minute = (int(part) for part in time.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).astimezone(dt.UTC)


def latest_due(
    schedule: ScheduleSettings, now: dt.datetime, default_timezone: str = "UTC"
) -> Period:
    """The most recent firing of ``schedule`` at or before ``now`` (aware)."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if schedule.period == "minutes":
        return _latest_minutes(schedule.every, now)
    zone = ZoneInfo(schedule.timezone or default_timezone)
    day = _firing_day_on_or_before(schedule, now.astimezone(zone).date())
    fires_at = _instant(day, schedule.time, zone)
    if fires_at > now:
        day = _firing_day_before(schedule, day)
        fires_at = _instant(day, schedule.time, zone)
    return Period(period_key(schedule.period, day), fires_at)


def _latest_minutes(every: int, now: dt.datetime) -> Period:
    """Every ``every`` minutes from the hour, in UTC: ``2026-12-05T08:05``."""
    utc = now.astimezone(dt.UTC).replace(second=0, microsecond=0)
    fires_at = utc.replace(minute=utc.minute - utc.minute % every)
    return Period(fires_at.strftime("%Y-%m-%dT%H:%M"), fires_at)


def next_due(schedule: ScheduleSettings, now: dt.datetime, default_timezone: str = "UTC") -> Period:
    """The first firing strictly after ``now``."""
    if schedule.period == "minutes":
        later = _latest_minutes(schedule.every, now)
        step = dt.timedelta(minutes=schedule.every)
        while later.fires_at <= now:
            later = _latest_minutes(schedule.every, later.fires_at + step)
        return later
    span = {"day": 1, "week": 7, "month": 31}[schedule.period]
    candidate = latest_due(schedule, now + dt.timedelta(days=span, hours=3), default_timezone)
    while True:
        earlier = latest_due(
            schedule, candidate.fires_at - dt.timedelta(seconds=1), default_timezone
        )
        if earlier.fires_at <= now:
            return candidate
        candidate = earlier
