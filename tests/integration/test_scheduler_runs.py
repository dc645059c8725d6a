"""Exactly once per period across two scheduler instances and restarts (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from hub.core.bus.router import approve_item
from hub.core.clock import with_clock
from hub.core.config.catalog import sync_config
from hub.core.config.settings import ScheduleSettings, Settings
from hub.core.db import make_engine, transaction
from hub.core.models import Delivery, Item, ScheduledRun
from hub.core.schedule.scheduler import Leadership, Scheduler, job_name

MONDAY_0900_MADRID = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
SETTINGS = Settings.model_validate(
    {
        "hub": {"timezone": "Europe/Madrid"},
        "channels": {"weekly": {"platform": "memory", "target": "#w", "mode": "digest"}},
        "routes": [{"name": "all", "to": ["weekly"]}],
        "schedules": {
            "weekly_roundup": {
                "kind": "roundup",
                "channel": "weekly",
                "period": "week",
                "weekday": "mon",
                "time": "09:00",
            },
            "reminders": {"kind": "reminders", "period": "day", "time": "08:30"},
        },
    }
)


def approve(engine, title: str, now: dt.datetime) -> None:
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        item = Item(title=title, language="en", link="https://example.org/" + title)
        session.add(item)
        session.flush()
        approve_item(session, item, SETTINGS, by="test", now=now)


def runs(engine, schedule: str = "weekly_roundup") -> list[tuple[str, str]]:
    with transaction(engine) as session:
        rows = session.execute(
            select(ScheduledRun.period_key, ScheduledRun.outcome)
            .where(ScheduledRun.job == job_name(schedule))
            .order_by(ScheduledRun.period_key)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def roundups(engine) -> int:
    with transaction(engine) as session:
        query = select(func.count()).select_from(Delivery).where(Delivery.kind == "roundup")
        return int(session.scalar(query) or 0)


_made: list[Leadership] = []


def scheduler(engine, name: str) -> Scheduler:
    leadership = Leadership(engine, name=name)
    _made.append(leadership)
    return Scheduler(engine, SETTINGS, leadership=leadership)


def leader(scheduler: Scheduler) -> Leadership:
    """The scheduler's leadership (every scheduler here is made with one)."""
    assert scheduler.leadership is not None
    return scheduler.leadership


@pytest.fixture(autouse=True)
def _release_leaders():
    """Close each scheduler's lock connection (as ``Scheduler.run`` does when it stops)."""
    yield
    while _made:
        _made.pop().release()


def test_fires_once_per_period_and_nothing_before_it_is_due(engine):
    approve(engine, "a", MONDAY_0900_MADRID - dt.timedelta(days=2))
    first = scheduler(engine, "one")
    first.tick(MONDAY_0900_MADRID - dt.timedelta(days=1))  # fires W47 at start (latest due)
    assert [key for key, _ in runs(engine)] == ["2026-W47"]
    assert roundups(engine) == 1
    approve(engine, "b", MONDAY_0900_MADRID - dt.timedelta(minutes=5))
    first.tick(MONDAY_0900_MADRID - dt.timedelta(seconds=1))
    assert roundups(engine) == 1
    first.tick(MONDAY_0900_MADRID)
    first.tick(MONDAY_0900_MADRID + dt.timedelta(hours=3))
    assert [key for key, _ in runs(engine)] == ["2026-W47", "2026-W48"]
    assert roundups(engine) == 2


def test_two_instances_and_a_restart_fire_each_period_once(engine, database_url):
    approve(engine, "a", MONDAY_0900_MADRID - dt.timedelta(hours=1))
    other_engine = make_engine(database_url)
    try:
        first, second = scheduler(engine, "one"), scheduler(other_engine, "two")
        barrier = threading.Barrier(2)

        def tick(s: Scheduler) -> None:
            barrier.wait()
            s.tick(MONDAY_0900_MADRID + dt.timedelta(minutes=1))

        threads = [threading.Thread(target=tick, args=(s,)) for s in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # Leadership lets only one act; even a follower that acted would skip the recorded run.
        leader(second).leading = True
        second.fire(
            "weekly_roundup", SETTINGS.schedules["weekly_roundup"], "2026-W48", MONDAY_0900_MADRID
        )
        assert [key for key, _ in runs(engine)] == ["2026-W48"]
        assert roundups(engine) == 1
        leader(first).release()
        leader(second).release()
        # A restart (a new instance with no memory) neither repeats nor skips.
        restarted = scheduler(other_engine, "three")
        assert [
            f.schedule for f in restarted.tick(MONDAY_0900_MADRID + dt.timedelta(hours=2))
        ] == []
        approve(engine, "b", MONDAY_0900_MADRID + dt.timedelta(days=1))
        leader(restarted).release()
        later = scheduler(engine, "four")
        fired = later.tick(MONDAY_0900_MADRID + dt.timedelta(days=7, minutes=30))
        assert ("weekly_roundup", "2026-W49") in [(f.schedule, f.period) for f in fired]
        assert roundups(engine) == 2
    finally:
        other_engine.dispose()


def test_a_missed_period_fires_when_the_scheduler_comes_back(engine):
    approve(engine, "a", MONDAY_0900_MADRID - dt.timedelta(hours=1))
    # The hub was down at Monday 09:00 and comes back on Wednesday: W48 fires then, once.
    back = scheduler(engine, "one")
    fired = back.tick(MONDAY_0900_MADRID + dt.timedelta(days=2))
    assert ("weekly_roundup", "2026-W48") in [(f.schedule, f.period) for f in fired]
    assert runs(engine)[0][1].startswith("queued delivery")


def test_an_empty_period_is_recorded_as_skipped(engine):
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
    scheduler(engine, "one").tick(MONDAY_0900_MADRID)
    assert runs(engine) == [("2026-W48", "skipped: nothing to report")]
    assert roundups(engine) == 0


def test_reminders_run_through_the_assistant_once_per_day(engine):
    scheduler(engine, "one").tick(MONDAY_0900_MADRID)
    scheduler(engine, "two").tick(MONDAY_0900_MADRID + dt.timedelta(hours=1))
    assert runs(engine, "reminders") == [("2026-11-23", "queued 0 reminder(s)")]


def test_a_job_the_application_did_not_wire_is_recorded_as_skipped(engine, caplog):
    settings = SETTINGS.model_copy(
        update={
            "schedules": {
                "drafts": ScheduleSettings.model_validate(
                    {"kind": "newsletter_draft", "period": "day", "time": "08:00"}
                )
            }
        }
    )
    Scheduler(engine, settings, leadership=Leadership(engine, name="one")).tick(MONDAY_0900_MADRID)
    assert runs(engine, "drafts") == [
        ("2026-11-23", "skipped: no 'newsletter_draft' job is wired into this hub")
    ]
    assert "is wired" in caplog.text


def test_a_wired_outside_job_runs_once_after_its_record(engine):
    calls: list[tuple[str, dt.datetime]] = []

    def draft(engine_, settings, schedule, now):
        calls.append((schedule.kind, now))
        return "drafted 2 edition(s)"

    settings = SETTINGS.model_copy(
        update={
            "schedules": {
                "drafts": ScheduleSettings.model_validate(
                    {"kind": "newsletter_draft", "period": "day", "time": "08:00"}
                )
            }
        }
    )
    jobs = {"newsletter_draft": draft}
    for name in ("one", "two"):
        leadership = Leadership(engine, name=name)
        Scheduler(engine, settings, leadership=leadership, jobs=jobs).tick(MONDAY_0900_MADRID)
        leadership.release()
    assert calls == [("newsletter_draft", MONDAY_0900_MADRID)]
    assert runs(engine, "drafts") == [("2026-11-23", "drafted 2 edition(s)")]


def test_only_one_leader_at_a_time(engine, database_url):
    other_engine = make_engine(database_url)
    one, two = Leadership(engine, name="one"), Leadership(other_engine, name="two")
    try:
        assert one.acquire(MONDAY_0900_MADRID) is True
        assert two.acquire(MONDAY_0900_MADRID) is False
        assert one.acquire(MONDAY_0900_MADRID + dt.timedelta(seconds=30)) is True
        one.release()
        assert two.acquire(MONDAY_0900_MADRID + dt.timedelta(seconds=31)) is True
        assert one.acquire(MONDAY_0900_MADRID + dt.timedelta(seconds=32)) is False
        two.release()
    finally:  # a failed check leaves no lock connection open for a later test to trip on
        one.release()
        two.release()
        other_engine.dispose()


def test_an_expired_lease_passes_to_another_on_sqlite(sqlite_engine):
    one, two = Leadership(sqlite_engine, name="one"), Leadership(sqlite_engine, name="two")
    assert one.acquire(MONDAY_0900_MADRID)
    assert not two.acquire(MONDAY_0900_MADRID + dt.timedelta(seconds=89))
    # "one" died without releasing: its lease runs out.
    assert two.acquire(MONDAY_0900_MADRID + dt.timedelta(seconds=91))
    assert not one.acquire(MONDAY_0900_MADRID + dt.timedelta(seconds=92))


@pytest.mark.postgres
def test_a_lost_lock_connection_is_noticed_and_the_lock_taken_again(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("the advisory lock is PostgreSQL's")
    from sqlalchemy import text

    from hub.core.schedule.scheduler import ADVISORY_LOCK_KEY

    leader = Leadership(engine, name="one")
    _made.append(leader)
    assert leader.acquire(MONDAY_0900_MADRID)
    with engine.connect() as admin:  # the server drops the leader's connection (a restart, say)
        pids = (
            admin.execute(
                text(
                    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = :low AND"
                    " database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                ),
                {"low": ADVISORY_LOCK_KEY & 0xFFFFFFFF},
            )
            .scalars()
            .all()
        )
        assert len(pids) == 1
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pids[0]})
        admin.commit()
    assert leader.acquire(MONDAY_0900_MADRID) is False  # noticed: not leading any more
    assert leader.acquire(MONDAY_0900_MADRID) is True  # a new connection, the lock again


def test_hub_schedules_shows_last_run_and_next_firing(engine, database_url, tmp_path):
    from typer.testing import CliRunner

    from hub.cli import _register, app

    approve(engine, "a", MONDAY_0900_MADRID - dt.timedelta(hours=1))
    scheduler(engine, "one").tick(MONDAY_0900_MADRID)
    config = tmp_path / "hub.toml"
    config.write_text(
        '[hub]\ntimezone = "Europe/Madrid"\n'
        '[channels.weekly]\nplatform = "memory"\ntarget = "#w"\nmode = "digest"\n'
        '[schedules.weekly_roundup]\nkind = "roundup"\nchannel = "weekly"\nperiod = "week"\n'
        'weekday = "mon"\ntime = "09:00"\n'
        '[schedules.quiet]\nkind = "reminders"\nperiod = "day"\nenabled = false\n'
    )
    _register()
    result = CliRunner().invoke(
        app, ["--config", str(config), "schedules", "--database-url", database_url]
    )
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "weekly_roundup" in line)
    assert "2026-W48" in row and "queued delivery" in row
    assert "quiet (disabled)" in result.output and "never ran" in result.output


def test_old_run_records_are_pruned_daily_but_each_jobs_newest_is_kept(engine):
    now = MONDAY_0900_MADRID
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        for days in range(1, 121):  # a daily job's records for four months
            started = now - dt.timedelta(days=days)
            session.add(
                ScheduledRun(
                    job="schedule.daily",
                    period_key=f"{started:%Y-%m-%d}",
                    started_at=started,
                    outcome="sent",
                )
            )
        # a job that last ran long ago: its one record still guards its period
        session.add(
            ScheduledRun(
                job="schedule.yearly",
                period_key="2025",
                started_at=now - dt.timedelta(days=400),
                outcome="sent",
            )
        )
    first = scheduler(engine, "one")
    first.tick(now)
    with transaction(engine) as session:
        kept = session.execute(
            select(ScheduledRun.job, func.min(ScheduledRun.started_at), func.count()).group_by(
                ScheduledRun.job
            )
        ).all()
    by_job = {job: (oldest, count) for job, oldest, count in kept}
    assert by_job["schedule.daily"][1] == 90  # days 1..90; 91..120 are gone
    oldest = by_job["schedule.daily"][0].replace(tzinfo=dt.UTC)
    assert oldest == now - dt.timedelta(days=90)
    assert by_job["schedule.yearly"][1] == 1
    assert by_job[job_name("weekly_roundup")][1] == 1  # what this tick fired
    # once a day: an old record written later the same day waits for tomorrow's pass
    with transaction(engine) as session:
        session.add(
            ScheduledRun(
                job="schedule.daily",
                period_key="old",
                started_at=now - dt.timedelta(days=200),
                outcome="sent",
            )
        )
    first.tick(now + dt.timedelta(hours=1))
    assert count_runs(engine, "schedule.daily") == 91
    first.tick(now + dt.timedelta(days=1))
    assert count_runs(engine, "schedule.daily") == 89  # the old one, and day 90 now too old


def count_runs(engine, job: str) -> int:
    with transaction(engine) as session:
        return int(session.scalar(select(func.count()).where(ScheduledRun.job == job)) or 0)


def test_a_scheduler_given_no_clock_runs_on_its_engine_s_clock(engine):
    """With no clock of its own, the scheduler's time is the one its engine carries (the
    clock the outermost wiring bound), so a hub on a clock a year away fires that year's
    periods, not the machine's."""
    a_year_on = MONDAY_0900_MADRID + dt.timedelta(days=364)  # a Monday, 09:00 in Madrid
    approve(engine, "news", a_year_on)
    bound = with_clock(engine, lambda: a_year_on)
    leadership = Leadership(bound, name="one")
    _made.append(leadership)
    made = Scheduler(bound, SETTINGS, leadership=leadership)
    assert made.now() == a_year_on
    made.tick()
    [(period, outcome)] = runs(engine)
    assert period == "2027-W47"
    assert outcome.endswith("with 1 items")
