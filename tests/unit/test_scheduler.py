"""When schedules fall due: time zones, DST, weekdays and months (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.config.settings import ScheduleSettings
from hub.core.schedule.periods import latest_due, next_due, period_key

UTC = dt.UTC


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def schedule(**kwargs) -> ScheduleSettings:
    return ScheduleSettings.model_validate({"kind": "roundup", "channel": "c", **kwargs})


@pytest.mark.parametrize(
    ("now", "key", "fires_at"),
    [
        ("2026-11-22T08:59:59", "2026-11-21", "2026-11-21T09:00"),
        ("2026-11-22T09:00:00", "2026-11-22", "2026-11-22T09:00"),
        ("2026-11-22T23:59:00", "2026-11-22", "2026-11-22T09:00"),
    ],
)
def test_daily_in_utc(now, key, fires_at):
    due = latest_due(schedule(period="day", time="09:00"), at(now))
    assert (due.key, due.fires_at) == (key, at(fires_at))


def test_daily_in_madrid_winter_and_summer():
    madrid = schedule(period="day", time="09:00", timezone="Europe/Madrid")
    assert latest_due(madrid, at("2026-01-15T08:00")).fires_at == at("2026-01-15T08:00")
    assert latest_due(madrid, at("2026-01-15T07:59")).key == "2026-01-14"
    assert latest_due(madrid, at("2026-07-15T07:00")).fires_at == at("2026-07-15T07:00")


def test_local_date_decides_the_key_not_the_utc_date():
    tokyo = schedule(period="day", time="08:00", timezone="Asia/Tokyo")
    # 23:30 UTC on the 21st is 08:30 on the 22nd in Tokyo.
    due = latest_due(tokyo, at("2026-11-21T23:30"))
    assert due.key == "2026-11-22"
    assert due.fires_at == at("2026-11-21T23:00")


def test_the_default_time_zone_is_the_deployments():
    plain = schedule(period="day", time="09:00")
    assert latest_due(plain, at("2026-11-22T08:30"), "Europe/Madrid").key == "2026-11-22"
    assert latest_due(plain, at("2026-11-22T08:30"), "UTC").key == "2026-11-21"


def test_spring_forward_a_missing_wall_time_still_fires_once_that_day():
    night = schedule(period="day", time="02:30", timezone="Europe/Madrid")
    # 2026-03-29: clocks jump from 02:00 to 03:00 in Madrid; 02:30 does not exist.
    due = latest_due(night, at("2026-03-29T01:30"))
    assert due.key == "2026-03-29"
    assert due.fires_at == at("2026-03-29T01:30")  # 03:30 CEST
    before = latest_due(night, at("2026-03-29T01:29"))
    assert before.key == "2026-03-28"
    keys = {
        latest_due(night, at("2026-03-28T12:00") + dt.timedelta(minutes=m)).key
        for m in range(0, 48 * 60, 10)
    }
    assert keys == {"2026-03-28", "2026-03-29", "2026-03-30"}


def test_fall_back_a_repeated_wall_time_fires_at_its_first_occurrence():
    night = schedule(period="day", time="02:30", timezone="Europe/Madrid")
    # 2026-10-25: 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    first = latest_due(night, at("2026-10-25T00:30"))
    assert (first.key, first.fires_at) == ("2026-10-25", at("2026-10-25T00:30"))
    assert latest_due(night, at("2026-10-25T01:45")) == first


def test_a_23_and_a_25_hour_day_each_have_one_firing():
    morning = schedule(period="day", time="09:00", timezone="Europe/Madrid")
    for start in ("2026-03-28T00:00", "2026-10-24T00:00"):
        fired = [
            latest_due(morning, at(start) + dt.timedelta(minutes=m)) for m in range(0, 72 * 60, 5)
        ]
        keys = sorted({f.key for f in fired})
        assert len(keys) == 4  # the day before the start, and the three days of the window
        assert len({f.fires_at for f in fired}) == 4


@pytest.mark.parametrize(
    ("now", "key", "fires_at"),
    [
        ("2026-11-23T07:59", "2026-W47", "2026-11-16T08:00"),  # Monday before 09:00 Madrid
        ("2026-11-23T08:00", "2026-W48", "2026-11-23T08:00"),
        ("2026-11-29T22:00", "2026-W48", "2026-11-23T08:00"),  # Sunday night
    ],
)
def test_weekly_on_monday_in_madrid(now, key, fires_at):
    weekly = schedule(period="week", weekday="mon", time="09:00", timezone="Europe/Madrid")
    due = latest_due(weekly, at(now))
    assert (due.key, due.fires_at) == (key, at(fires_at))


def test_weekly_across_the_year_end_uses_iso_weeks():
    friday = schedule(period="week", weekday="fri", time="17:00")
    assert latest_due(friday, at("2027-01-02T12:00")).key == "2026-W53"
    assert latest_due(friday, at("2027-01-08T17:00")).key == "2027-W01"


@pytest.mark.parametrize(
    ("now", "key", "fires_at"),
    [
        ("2026-11-01T08:59", "2026-10", "2026-10-01T09:00"),
        ("2026-11-01T09:00", "2026-11", "2026-11-01T09:00"),
        ("2026-01-01T00:00", "2025-12", "2025-12-01T09:00"),
    ],
)
def test_monthly_on_the_first(now, key, fires_at):
    monthly = schedule(period="month", day=1, time="09:00")
    due = latest_due(monthly, at(now))
    assert (due.key, due.fires_at) == (key, at(fires_at))


def test_monthly_on_the_28th_in_february_and_before_the_day():
    monthly = schedule(period="month", day=28, time="10:00")
    assert latest_due(monthly, at("2027-02-28T10:00")).key == "2027-02"
    assert latest_due(monthly, at("2027-03-27T00:00")).fires_at == at("2027-02-28T10:00")


def test_next_due_is_the_first_firing_after_now():
    weekly = schedule(period="week", weekday="wed", time="09:00", timezone="Europe/Madrid")
    upcoming = next_due(weekly, at("2026-11-22T12:00"))
    assert (upcoming.key, upcoming.fires_at) == ("2026-W48", at("2026-11-25T08:00"))
    assert next_due(weekly, upcoming.fires_at).fires_at == at("2026-12-02T08:00")
    daily = schedule(period="day", time="09:00")
    assert next_due(daily, at("2026-11-22T08:00")).fires_at == at("2026-11-22T09:00")


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="aware"):
        latest_due(schedule(period="day"), dt.datetime(2026, 1, 1))


def test_period_keys():
    assert period_key("day", dt.date(2026, 1, 5)) == "2026-01-05"
    assert period_key("week", dt.date(2026, 1, 5)) == "2026-W02"
    assert period_key("month", dt.date(2026, 1, 5)) == "2026-01"
    with pytest.raises(ValueError):
        period_key("year", dt.date(2026, 1, 5))


def test_reminders_every_five_minutes_from_the_hour_in_utc() -> None:
    every = schedule(kind="reminders", period="minutes", every=5)
    assert latest_due(every, at("2026-11-22T08:03"), "Europe/Madrid").key == "2026-11-22T08:00"
    assert latest_due(every, at("2026-11-22T08:05"), "Asia/Tokyo").key == "2026-11-22T08:05"
    upcoming = next_due(every, at("2026-11-22T23:58"), "UTC")
    assert (upcoming.key, upcoming.fires_at) == ("2026-11-23T00:00", at("2026-11-23T00:00"))
    assert next_due(every, at("2026-11-22T08:05"), "UTC").key == "2026-11-22T08:10"
