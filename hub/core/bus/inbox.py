"""The durable inbox: what platforms send the hub, stored before they are answered.

Slack wants an answer within 3 seconds and retries otherwise; Telegram
re-sends an update until it gets a 200. The ingress endpoints therefore do
one thing before answering: :func:`accept` commits the event to
``inbox_events`` under the platform's own key (Slack's ``event_id``,
Telegram's ``update_id``). The :class:`InboxWorker` then claims pending rows
in batches, hands each to the handler registered for its platform, and
records ``done`` or ``failed`` (retried with backoff, ``dead`` after the
last attempt).

Statuses: ``pending`` -> ``processing`` (leased until ``lease_until``; the
``attempts`` count fences the lease) -> ``done``, or ``failed`` (due again at
``next_attempt_at``) or ``dead``. A platform's retry of an event already
stored is ignored, unless its processing failed: then the retry puts it back
to ``pending`` at once, so a retry is never swallowed by a failure.

The claim's lock and order, the lease, the insert that skips duplicates,
the backoff and the database threads are the outbox's too
(:mod:`hub.core.bus.queue`, which also says where the two queues differ and
why). This module names no platform: ``bots.runtime`` registers the handlers.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Engine, Table, delete, select, update
from sqlalchemy.orm import Session

from hub.core.bus import queue
from hub.core.bus.retry import RetryPolicy
from hub.core.bus.states import DEFAULT_MAX_ATTEMPTS
from hub.core.clock import clock_of
from hub.core.logs import redact
from hub.core.models import InboxEvent

log = logging.getLogger(__name__)
inbox = cast("Table", InboxEvent.__table__)
RETRYABLE = ("pending", "failed")
UNIQUE = ("platform", "event_key")


def accept(
    session: Session, platform: str, event_key: str, payload: dict[str, Any], now: dt.datetime
) -> bool:
    """Store an incoming event once; True when it is new or a failed one is due again.

    Works in the caller's transaction; the caller commits before answering
    the platform. A retry of an event already done or being processed is a
    no-op (False).
    """
    statement = (
        queue.insert_ignoring_duplicates(inbox, queue.dialect_of(session), UNIQUE)
        .values(
            platform=platform,
            event_key=event_key[:200],
            received_at=now,
            payload=payload,
            status="pending",
            attempts=0,
            next_attempt_at=now,
        )
        .returning(inbox.c.id)
    )
    if session.execute(statement).scalar() is not None:
        return True
    revived = session.execute(
        update(inbox)
        .where(
            inbox.c.platform == platform,
            inbox.c.event_key == event_key[:200],
            inbox.c.status.in_(("failed", "dead")),
        )
        .values(status="pending", next_attempt_at=now, last_error=None)
        .returning(inbox.c.id)
    )
    return revived.scalar() is not None


@dataclass(frozen=True)
class InboxRecord:
    """A claimed event as a handler sees it."""

    id: int
    platform: str
    event_key: str
    payload: dict[str, Any]
    attempt: int
    received_at: dt.datetime


Handler = Callable[[InboxRecord, dt.datetime], Awaitable[None]]
"""Processes one event; raises to have it retried. Must be idempotent (at least once)."""


@dataclass(frozen=True)
class InboxRetry:
    """When to try a failed event again: doubling from ``base`` up to ``cap`` seconds."""

    base: float = 2.0
    cap: float = 600.0
    max_attempts: int = DEFAULT_MAX_ATTEMPTS

    def delay(self, attempt: int) -> dt.timedelta:
        """The wait after failed attempt number ``attempt`` (1-based): no jitter."""
        policy = RetryPolicy(base_delay=self.base, factor=2.0, max_delay=self.cap, jitter=0.0)
        return dt.timedelta(seconds=policy.backoff(attempt))


def claim(engine: Engine, now: dt.datetime, limit: int, lease_seconds: float) -> list[InboxRecord]:
    """Lease up to ``limit`` due events (``FOR UPDATE SKIP LOCKED`` on PostgreSQL).

    Due means pending or failed with ``next_attempt_at`` passed, or processing
    with an expired lease (a worker that died mid-way).
    """
    due = queue.due_ids(inbox.c.id, inbox.c.status, RETRYABLE, inbox.c.next_attempt_at, now, limit)
    expired = queue.due_ids(
        inbox.c.id, inbox.c.status, ["processing"], inbox.c.lease_until, now, limit
    )
    lease_until = queue.lease_end(now, lease_seconds)
    records: list[InboxRecord] = []
    with engine.begin() as conn:
        ids = list(conn.execute(due).scalars()) + list(conn.execute(expired).scalars())
        if not ids:
            return []
        conn.execute(
            update(inbox)
            .where(inbox.c.id.in_(ids[:limit]))
            .values(status="processing", lease_until=lease_until, attempts=inbox.c.attempts + 1)
        )
        rows = conn.execute(
            select(
                inbox.c.id,
                inbox.c.platform,
                inbox.c.event_key,
                inbox.c.payload,
                inbox.c.attempts,
                inbox.c.received_at,
            )
            .where(inbox.c.id.in_(ids[:limit]))
            .order_by(inbox.c.id)
        )
        for row in rows:
            records.append(InboxRecord(*row))
    return records


@dataclass
class Outcome:
    """How one claimed event ended: ``done``, or an error and when to retry (None: dead)."""

    record: InboxRecord
    error: str | None = None
    retry_at: dt.datetime | None = None


def record(engine: Engine, outcomes: list[Outcome], now: dt.datetime) -> None:
    """Write the outcomes of a batch in one transaction, fenced by the attempt number."""
    with engine.begin() as conn:
        for outcome in outcomes:
            fence = (
                (inbox.c.id == outcome.record.id)
                & (inbox.c.attempts == outcome.record.attempt)
                & (inbox.c.status == "processing")
            )
            if outcome.error is None:
                values: dict[str, Any] = {"status": "done", "processed_at": now, "last_error": None}
            elif outcome.retry_at is None:
                values = {"status": "dead", "last_error": redact(outcome.error)[:2000]}
            else:
                values = {
                    "status": "failed",
                    "last_error": redact(outcome.error)[:2000],
                    "next_attempt_at": outcome.retry_at,
                }
            conn.execute(update(inbox).where(fence).values(lease_until=None, **values))


def purge_done(engine: Engine, before: dt.datetime, *, limit: int = 10_000) -> int:
    """Delete up to ``limit`` events processed before ``before``; returns how many.

    A platform retries for minutes (Slack) to a day (Telegram), so keeping done
    events a few days is enough for deduplication; the scheduler or an operator
    calls this.
    """
    old = (
        select(inbox.c.id)
        .where(inbox.c.status == "done", inbox.c.processed_at < before)
        .limit(limit)
    )
    with engine.begin() as conn:
        ids = list(conn.execute(old).scalars())
        if ids:
            conn.execute(delete(inbox).where(inbox.c.id.in_(ids)))
    return len(ids)


Lane = Callable[[InboxRecord], str]
"""Names the conversation an event belongs to (a chat); events of one lane run in order."""


@dataclass
class InboxWorker:
    """Claims due inbox events in batches and runs the handler of each one's platform.

    Events of one lane (by default: one platform; ``lanes`` may name a chat per
    platform) run one after another in arrival order, so the steps of a
    member's conversation are seen in order; up to ``concurrency`` lanes run
    at once. Keep ``concurrency`` at 1 on SQLite, whose single writer gains
    nothing from it.
    """

    engine: Engine
    handlers: Mapping[str, Handler]
    clock: Callable[[], dt.datetime] | None = None
    """The time events are claimed and retried on; the engine's clock (hub.core.clock) when none."""
    retry: InboxRetry = field(default_factory=InboxRetry)
    batch: int = 50
    lease_seconds: float = 120.0
    poll_interval: float = 0.5
    lanes: Mapping[str, Lane] = field(default_factory=dict)
    concurrency: int = 1
    processed: int = 0
    failed: int = 0
    db: queue.DatabaseThreads = field(init=False)
    _now: Callable[[], dt.datetime] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.db = queue.DatabaseThreads(self.engine, name="hub-inbox-db")
        self._now = self.clock or clock_of(self.engine)

    def lane_of(self, item: InboxRecord) -> str:
        lane = self.lanes.get(item.platform)
        try:
            return f"{item.platform}:{lane(item)}" if lane is not None else item.platform
        except Exception:  # a payload the lane function cannot read: its own lane
            return f"{item.platform}:event:{item.event_key}"

    async def run_once(self) -> int:
        """Process one batch of due events; returns how many were claimed."""
        now = self._now()
        records = await self.db.run(claim, self.engine, now, self.batch, self.lease_seconds)
        by_lane: dict[str, list[InboxRecord]] = {}
        for item in records:
            by_lane.setdefault(self.lane_of(item), []).append(item)
        gate = asyncio.Semaphore(max(1, self.concurrency))

        async def run_lane(items: list[InboxRecord]) -> list[Outcome]:
            async with gate:
                return [await self._process(item) for item in items]

        results = await asyncio.gather(*(run_lane(items) for items in by_lane.values()))
        outcomes = [outcome for lane in results for outcome in lane]
        if outcomes:
            await self.db.run(record, self.engine, outcomes, self._now())
        return len(records)

    async def drain(self) -> int:
        """Process batches until nothing is due; returns how many events were claimed."""
        total = 0
        while claimed := await self.run_once():
            total += claimed
        return total

    async def run(self, stop: asyncio.Event) -> None:
        """Drain, then wait for the poll interval or the stop event; until stopped."""
        try:
            while not stop.is_set():
                try:
                    claimed = await self.run_once()
                except Exception:  # a database hiccup must not end the role
                    log.exception("inbox: claiming failed; trying again")
                    claimed = 0
                if claimed:
                    continue
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.poll_interval)
        finally:
            self.db.close()

    async def _process(self, item: InboxRecord) -> Outcome:
        handler = self.handlers.get(item.platform)
        try:
            if handler is None:
                raise LookupError(f"no inbox handler for platform {item.platform!r}")
            await handler(item, self._now())
        except Exception as error:  # the handler's failure is the event's, not the worker's
            self.failed += 1
            text = f"{type(error).__name__}: {error}"
            log.warning(
                "inbox %s %s failed (attempt %d): %s",
                item.platform,
                item.event_key,
                item.attempt,
                text,
            )
            if item.attempt >= self.retry.max_attempts:
                return Outcome(item, text, None)
            return Outcome(item, text, self._now() + self.retry.delay(item.attempt))
        self.processed += 1
        return Outcome(item)
