"""The scheduler: fires each configured schedule exactly once per period.

Three layers, each testable alone:

- **Periods** (pure, :mod:`hub.core.schedule.periods`): which firing of a
  schedule is the most recent one at ``now``, and the name of its period.
- **Runs** (database): a firing is recorded in ``scheduled_runs`` (unique
  ``(job, period_key)``) *before* anything is done, with insert-or-skip: of
  any number of processes and restarts, exactly one inserts the row and acts.
  A roundup is built and enqueued in the same transaction as its record, so a
  crash in between leaves neither and the restart fires it again. Jobs of
  other packages (newsletter drafts, audience sync, reminders) run after their
  record is committed: at most once, never twice. Those talk to the outside
  world and are given by the application layer (``jobs``). Reminders and the
  members' digests only write to the database and run in their record's
  transaction, like roundups.
- **Leadership**: only one scheduler acts at a time. On PostgreSQL it holds
  ``pg_try_advisory_lock`` on a dedicated connection (lost with the
  connection, re-tried at each tick); on SQLite a lease row in
  ``scheduled_runs`` (job ``scheduler.leader``, holder in ``outcome``, expiry
  in ``finished_at``). The unique record is what guarantees exactly-once;
  leadership only keeps followers from doing the work twice to find out.

On start, the latest due period of each schedule fires if it has no record
(so a restart neither repeats nor skips it); older missed periods are not
replayed. So only each job's newest record guards anything: once a day the
leader deletes records older than :data:`RUN_HISTORY` that are not their
job's newest (a five-minute job writes 288 a day), keeping the history
`hub schedules` and the metrics read.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import Connection, Engine, Table, delete, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from hub.core.assistant.store import due_reminders
from hub.core.bus.drafts import queue_drafts_digest
from hub.core.clock import clock_of
from hub.core.config.settings import ScheduleSettings, Settings
from hub.core.models import ScheduledRun
from hub.core.schedule.digests import run_digests
from hub.core.schedule.periods import latest_due
from hub.core.schedule.roundups import run_roundup

log = logging.getLogger(__name__)

LEADER_JOB = "scheduler.leader"
ADVISORY_LOCK_KEY = 0x6875625F73636864  # "hub_schd": the scheduler's advisory lock id
Clock = Callable[[], dt.datetime]
runs = cast(Table, ScheduledRun.__table__)
RUN_HISTORY = dt.timedelta(days=90)
"""How long a run's record is kept once it is no longer its job's newest."""


# --- runs (database) ------------------------------------------------------------------


def job_name(schedule_key: str) -> str:
    """The ``scheduled_runs.job`` of a configured schedule."""
    return f"schedule.{schedule_key}"


def claim_run(session: Session, job: str, period: str, now: dt.datetime) -> int | None:
    """Record that ``job`` fires for ``period``; the run's id, or None if recorded already.

    Insert-or-skip on the unique ``(job, period_key)``: on PostgreSQL a second
    process waits for the first one's transaction and then skips.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(runs)
        .values(job=job, period_key=period, started_at=now, outcome="running")
        .on_conflict_do_nothing(index_elements=["job", "period_key"])
        .returning(runs.c.id)
    )
    return session.execute(statement).scalar()


def finish_run(session: Session, run_id: int, outcome: str, now: dt.datetime) -> None:
    session.execute(
        update(runs).where(runs.c.id == run_id).values(outcome=outcome[:2000], finished_at=now)
    )


# --- leadership -----------------------------------------------------------------------


def prune_runs(session: Session, now: dt.datetime, keep: dt.timedelta = RUN_HISTORY) -> int:
    """Delete run records older than ``keep`` except each job's newest; how many went.

    The newest record of a job is what stops its period firing twice, and the
    leader's lease row is the newest of its job, so neither is ever deleted.
    """
    same_job = runs.alias("same_job")
    newest = (
        select(func.max(same_job.c.started_at))
        .where(same_job.c.job == runs.c.job)
        .scalar_subquery()
    )
    result = session.execute(
        delete(runs).where(runs.c.started_at < now - keep, runs.c.started_at < newest)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Leadership:
    """Who may act: an advisory lock on PostgreSQL, a lease row on SQLite.

    :meth:`acquire` is called at every tick and says whether this process leads
    now; it re-acquires a lost lock. :meth:`release` gives it up (at shutdown).
    """

    def __init__(self, engine: Engine, name: str | None = None, lease_seconds: float = 90.0):
        self.engine = engine
        self.name = name or worker_name()
        self.lease_seconds = lease_seconds
        self._connection: Connection | None = None
        self.leading = False
        self._announced = False

    def acquire(self, now: dt.datetime) -> bool:
        was = self.leading if self._announced else None
        try:
            if self.engine.dialect.name == "postgresql":
                self.leading = self._advisory_lock()
            else:
                self.leading = self._lease(now)
        except Exception as exc:  # a lost database is a lost leadership, not a crash
            log.warning("scheduler %s: leadership check failed: %s", self.name, exc)
            self._drop_connection()
            self.leading = False
        if self.leading != was:
            self._announced = True
            log.info(
                "scheduler %s %s", self.name, "is the leader" if self.leading else "is a follower"
            )
        return self.leading

    def _advisory_lock(self) -> bool:
        if self._connection is not None:
            if self.leading:
                self._connection.execute(text("SELECT 1"))  # raises if the connection died
                self._connection.commit()
                return True
        else:
            self._connection = self.engine.connect()
        got = self._connection.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
        ).scalar()
        self._connection.commit()  # session-level lock survives; no idle transaction kept
        return bool(got)

    def _lease(self, now: dt.datetime) -> bool:
        until = now + dt.timedelta(seconds=self.lease_seconds)
        expired = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        with Session(self.engine) as session, session.begin():
            statement = (
                sqlite.insert(runs)
                .values(
                    job=LEADER_JOB,
                    period_key="lease",
                    started_at=now,
                    finished_at=expired,
                    outcome="",
                )
                .on_conflict_do_nothing(index_elements=["job", "period_key"])
            )
            session.execute(statement)
            taken = session.execute(
                update(runs)
                .where(runs.c.job == LEADER_JOB, runs.c.period_key == "lease")
                .where((runs.c.outcome == self.name) | (runs.c.finished_at < now))
                .values(outcome=self.name, finished_at=until, started_at=now)
            )
        return int(getattr(taken, "rowcount", 0)) == 1

    def release(self) -> None:
        if self.engine.dialect.name != "postgresql" and self.leading:
            with Session(self.engine) as session, session.begin():
                session.execute(
                    update(runs)
                    .where(runs.c.job == LEADER_JOB, runs.c.outcome == self.name)
                    .values(outcome="", finished_at=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
                )
        if self._connection is not None and self.leading:
            # Unlocked here, at once: a closed connection frees the lock only when its
            # server process has ended, a moment later, when another may already ask.
            try:
                self._connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY}
                )
                self._connection.commit()
            except Exception as exc:  # a lost connection frees the lock by itself
                log.debug("scheduler %s: unlock failed: %s", self.name, exc)
        self._drop_connection()
        self.leading = False

    def _drop_connection(self) -> None:
        if self._connection is not None:
            try:
                self._connection.invalidate()
                self._connection.close()
            except Exception:
                log.debug("the scheduler's lock connection was already gone")
            self._connection = None


# --- actions --------------------------------------------------------------------------


OutsideJob = Callable[[Engine, Settings, ScheduleSettings, dt.datetime], str]
"""A job that talks to the outside world (a newsletter draft, an audience sync): it runs
after its record is committed and returns its outcome line. The application layer wires
these by kind (``hub.wiring.SCHEDULED_JOBS``); the core names no package outside itself."""

IN_TRANSACTION = {"reminders", "digests", "drafts"}
"""Jobs that only write to the database run in the transaction that records them."""


def not_wired(schedule: ScheduleSettings) -> str:
    message = f"skipped: no {schedule.kind!r} job is wired into this hub"
    log.warning("schedule %s (%s) %s", schedule.kind, schedule.period, message)
    return message


def run_in_transaction(session: Session, schedule: ScheduleSettings, now: dt.datetime) -> str:
    """Run a database-only job in the caller's transaction; its outcome line."""
    if schedule.kind != "reminders":
        raise ValueError(f"no way to run a {schedule.kind!r} job in a transaction")
    queued = due_reminders(session, now)
    return f"queued {queued} reminder(s)"


def run_digests_job(
    session: Session,
    settings: Settings,
    schedule: ScheduleSettings,
    now: dt.datetime,
    text_limits: Mapping[str, int],
) -> str:
    """The members' personal digests of ``schedule.period``, in the caller's transaction."""
    return run_digests(session, settings, schedule, now, text_limits=text_limits).outcome


# --- the loop -------------------------------------------------------------------------


@dataclass
class Firing:
    """What one tick did for one schedule."""

    schedule: str
    period: str
    outcome: str


@dataclass
class Scheduler:
    """Fires due schedules once per period while it leads; see the module docstring."""

    engine: Engine
    settings: Settings
    clock: Clock | None = None
    """The scheduler's time; the engine's clock (:func:`hub.core.clock.clock_of`) when None."""
    interval: float = 20.0
    leadership: Leadership | None = None
    jobs: Mapping[str, OutsideJob] = field(default_factory=dict)
    text_limits: Mapping[str, int] = field(default_factory=dict)
    """Platform -> characters a member's message may hold (digests split past it)."""
    fired: dict[str, str] = field(default_factory=dict)
    pruned_on: dt.date | None = None
    """The UTC day old run records were last pruned (once a day, by the leader)."""

    def __post_init__(self) -> None:
        if self.leadership is None:
            self.leadership = Leadership(self.engine)

    def now(self) -> dt.datetime:
        """The time on the scheduler's clock."""
        return (self.clock or clock_of(self.engine))()

    def tick(self, now: dt.datetime | None = None) -> list[Firing]:
        """Fire every schedule whose latest due period has no record (if leading)."""
        now = now or self.now()
        assert self.leadership is not None
        if not self.leadership.acquire(now):
            return []
        firings = []
        for key, schedule in sorted(self.settings.schedules.items()):
            if not schedule.enabled:
                continue
            period = latest_due(schedule, now, self.settings.hub.timezone)
            if self.fired.get(key) == period.key:
                continue
            try:
                outcome = self.fire(key, schedule, period.key, now)
            except Exception as exc:
                log.exception("schedule %s for %s failed: %s", key, period.key, exc)
                continue
            self.fired[key] = period.key
            if outcome is not None:
                firings.append(Firing(key, period.key, outcome))
        if self.pruned_on != now.date():
            with Session(self.engine) as session, session.begin():
                pruned = prune_runs(session, now)
            self.pruned_on = now.date()
            if pruned:
                log.info("pruned %d schedule run records older than %s", pruned, RUN_HISTORY)
        return firings

    def fire(
        self, key: str, schedule: ScheduleSettings, period: str, now: dt.datetime
    ) -> str | None:
        """Record and run one schedule for ``period``; None if it had been recorded already."""
        job = job_name(key)
        if schedule.kind == "roundup" or schedule.kind in IN_TRANSACTION:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                run_id = claim_run(session, job, period, now)
                if run_id is None:
                    return None
                outcome = self._in_transaction(session, schedule, period, now)
                finish_run(session, run_id, outcome, now)
            log.info(
                "schedule %s fired for %s: %s",
                key,
                period,
                outcome,
                extra={"channel": schedule.channel} if schedule.channel else None,
            )
            return outcome
        with Session(self.engine) as session, session.begin():
            run_id = claim_run(session, job, period, now)
        if run_id is None:
            return None
        try:
            job_function = self.jobs.get(schedule.kind)
            if job_function is None:
                outcome = not_wired(schedule)
            else:
                outcome = job_function(self.engine, self.settings, schedule, now)
        except Exception as exc:
            outcome = f"failed: {type(exc).__name__}: {exc}"
            log.error("schedule %s for %s failed: %s", key, period, outcome)
        with Session(self.engine) as session, session.begin():
            finish_run(session, run_id, outcome, self.now())
        log.info("schedule %s fired for %s: %s", key, period, outcome)
        return outcome

    def _in_transaction(
        self, session: Session, schedule: ScheduleSettings, period: str, now: dt.datetime
    ) -> str:
        if schedule.kind == "digests":
            return run_digests_job(session, self.settings, schedule, now, self.text_limits)
        if schedule.kind == "drafts":
            return queue_drafts_digest(session, self.settings, schedule, now, period)
        if schedule.kind != "roundup":
            return run_in_transaction(session, schedule, now)
        assert schedule.channel is not None
        result = run_roundup(
            session,
            self.settings,
            schedule.channel,
            schedule.period,
            now,
            period_key=period,
            language=schedule.language,
        )
        return result.outcome

    async def run(self, stop: asyncio.Event) -> None:
        """Tick until ``stop`` is set; then give up leadership."""
        assert self.leadership is not None
        log.info(
            "scheduler %s started (%d schedules)",
            self.leadership.name,
            len(self.settings.schedules),
        )
        try:
            while not stop.is_set():
                await asyncio.to_thread(self.tick)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.interval)
        finally:
            await asyncio.to_thread(self.leadership.release)
            log.info("scheduler %s stopped", self.leadership.name)
