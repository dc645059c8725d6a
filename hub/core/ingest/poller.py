"""Polling many sources at once, each at its own pace, none able to stop the others.

One cycle takes the enabled feed and calendar sources that are due
(``next_fetch_at`` empty or past), fetches them concurrently (at most
``concurrency`` at a time), parses each in a worker thread, and stores the
results one source at a time (one writer). Every source ends the cycle with
its status written: success (validators kept, problems recorded, next fetch
after its interval) or failure (the reason in words, one more consecutive
failure, the next fetch pushed back exponentially up to a cap). Crossing
:attr:`PollPolicy.failing_after` failures, and recovering after that, tells
the source's owner once (see :mod:`hub.core.ingest.owners`).

A 304 answer costs one request and no parsing.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import httpx
from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from hub.core.clock import Clock, clock_of
from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.ingest.errors import IngestError
from hub.core.ingest.fetch import Fetched, FetchLimits, fetch
from hub.core.ingest.netguard import NetGuard
from hub.core.ingest.owners import tell_owner
from hub.core.ingest.pictures import Outcome, PictureFetcher
from hub.core.ingest.store import NEAR_WINDOW, RecentItems, fingerprints, store_candidates
from hub.core.logs import redact
from hub.core.metrics import count_feed_fetch
from hub.core.models import Source

log = logging.getLogger(__name__)
POLLED_KINDS = ("feed", "ical")
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class PollPolicy:
    """How hard the poller works and how it backs off."""

    concurrency: int = 10
    limits: FetchLimits = field(default_factory=FetchLimits)
    backoff_cap: dt.timedelta = dt.timedelta(hours=12)
    failing_after: int = 3


@dataclass
class SourceOutcome:
    """What happened to one source in one cycle."""

    key: str
    status: str  # "changed", "not_modified", "failed"
    error: str | None = None
    created: int = 0
    updated: int = 0
    merged: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class CycleReport:
    """One cycle's outcomes, by source."""

    outcomes: list[SourceOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def backoff_delay(interval: dt.timedelta, failures: int, cap: dt.timedelta) -> dt.timedelta:
    """The wait before retrying a source after ``failures`` failures in a row: doubling, capped."""
    if failures <= 0:
        return interval
    delay: dt.timedelta = interval * (2 ** min(failures - 1, 20))
    return min(delay, max(cap, interval))


def due_sources(session: Session, now: dt.datetime) -> list[Source]:
    query = (
        select(Source)
        .where(Source.enabled.is_(True), Source.kind.in_(POLLED_KINDS), Source.url.is_not(None))
        .where(or_(Source.next_fetch_at.is_(None), Source.next_fetch_at <= now))
        .order_by(Source.next_fetch_at.is_not(None), Source.next_fetch_at, Source.id)
    )
    return list(session.scalars(query))


def member_guard(settings: Settings | None) -> NetGuard:
    """The SSRF guard for member-owned feeds, allowing the deployment's internal blocks."""
    return NetGuard.from_blocks(settings.hub.fetch_allow_private if settings else ())


class Poller:
    """Polls the database's sources; ``clock`` gives the current time (the engine's when not
    given: :func:`hub.core.clock.clock_of`)."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings | None,
        client: httpx.AsyncClient,
        *,
        policy: PollPolicy | None = None,
        clock: Clock | None = None,
        guard: NetGuard | None = None,
        pictures: PictureFetcher | None = None,
    ) -> None:
        """``guard`` checks the URLs of member-owned sources (see :func:`member_guard`);
        ``pictures`` fetches the new items' pictures after each cycle. Without ``clock``
        the poller runs on the engine's (:func:`hub.core.clock.clock_of`); a fetcher
        given no clock of its own runs on the poller's."""
        self.clock = clock or clock_of(engine)
        self.guard = guard
        if pictures is not None and pictures.clock is None:
            pictures = replace(pictures, clock=self.clock)
        self.pictures = pictures
        self._ahead: dict[int, dict[str, Outcome]] = {}  # pictures fetched, by source
        self.engine = engine
        self.settings = settings
        self.client = client
        self.policy = policy or PollPolicy()
        self._write_lock = asyncio.Lock()
        self._warm = False
        self._cpu: ThreadPoolExecutor  # both made afresh by each cycle
        self._db: ThreadPoolExecutor

    async def run_once(self) -> CycleReport:
        """Poll every due source once; returns what happened to each."""
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as session:
            sources = [(s.id, s.key) for s in due_sources(session, now)]
        if sources and not self._warm:
            # Load the language models before any deadline starts ticking (once).
            from hub.core.ingest.language import detector_for

            await asyncio.to_thread(detector_for().detect, "warming up the language models")
            self._warm = True
        recent = RecentItems(since=now - NEAR_WINDOW)
        gate = asyncio.Semaphore(self.policy.concurrency)
        # CPU work (parsing) and database writes each get one thread: more threads would
        # only fight over the GIL, and a writer waiting for it holds SQLite's lock longer.
        self._cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hub-parse")
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hub-store")

        async def one(source_id: int, key: str) -> SourceOutcome:
            async with gate:
                try:
                    return await self._poll(source_id, recent)
                except Exception as exc:  # a bug must not stop the other sources
                    log.exception("polling %s failed unexpectedly", key)
                    outcome = SourceOutcome(key, "failed", f"internal error: {exc}")
                    try:
                        await self._record_failure(source_id, outcome)
                    except Exception:  # the database itself is failing: say so, go on
                        log.exception("could not record the failure of %s", key)
                    return outcome

        try:
            outcomes = await asyncio.gather(*(one(i, k) for i, k in sources))
        finally:
            self._cpu.shutdown(wait=False)
            self._db.shutdown(wait=False)
        for outcome in outcomes:
            fetched = {"changed": "ok", "not_modified": "not_modified"}.get(outcome.status, "error")
            count_feed_fetch(outcome.key, fetched)
        if self.pictures is not None:
            try:
                await self.pictures.collect(self.engine)
            except Exception:  # the pictures must not stop the feeds
                log.exception("fetching the items' pictures failed")
        return CycleReport(list(outcomes))

    async def run(
        self,
        stop: asyncio.Event,
        *,
        idle_seconds: float = 30.0,
        on_cycle: Callable[[CycleReport], None] | None = None,
    ) -> None:
        """Poll until ``stop`` is set, sleeping between cycles until a source is due."""
        while not stop.is_set():
            report = await self.run_once()
            if on_cycle is not None and report.outcomes:
                on_cycle(report)
            wait = idle_seconds
            with Session(self.engine) as session:
                upcoming = session.scalar(
                    select(Source.next_fetch_at)
                    .where(Source.enabled.is_(True), Source.kind.in_(POLLED_KINDS))
                    .order_by(Source.next_fetch_at)
                    .limit(1)
                )
            if upcoming is not None:
                wait = max(1.0, min(idle_seconds, (upcoming - self.clock()).total_seconds()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)

    async def _poll(self, source_id: int, recent: RecentItems) -> SourceOutcome:
        with Session(self.engine, expire_on_commit=False) as session:
            source = session.get(Source, source_id)
            assert source is not None
            key, kind, url = source.key, source.kind, source.url or ""
            etag, modified = source.etag, source.last_modified
            guard = self.guard if source.member_id is not None else None
        try:
            fetched = await fetch(
                self.client,
                url,
                etag=etag,
                last_modified=modified,
                limits=self.policy.limits,
                guard=guard,
            )
        except IngestError as exc:
            outcome = SourceOutcome(key, "failed", exc.reason)
            await self._record_failure(source_id, outcome)
            return outcome
        if fetched.not_modified:
            outcome = SourceOutcome(key, "not_modified")
            await self._record_success(source_id, outcome, fetched, None)
            return outcome
        try:
            loop = asyncio.get_running_loop()
            prepared = await loop.run_in_executor(
                self._cpu, self._prepare, kind, fetched, source_id
            )
        except IngestError as exc:
            outcome = SourceOutcome(key, "failed", exc.reason)
            await self._record_failure(source_id, outcome)
            return outcome
        from hub.core.ingest.parse import ParsedFeed

        if self.pictures is not None and isinstance(prepared, ParsedFeed):
            urls = [c.image_url for c in prepared.candidates if c.image_url and not c.unchanged]
            self._ahead[source_id] = await self.pictures.ahead(self.engine, urls)
        outcome = SourceOutcome(key, "changed")
        await self._record_success(source_id, outcome, fetched, (prepared, recent))
        return outcome

    def _prepare(self, kind: str, fetched: Fetched, source_id: int) -> object:
        """CPU work outside the event loop: parse and enrich (feeds) or read events (ical)."""
        now = self.clock()
        if kind == "ical":
            from hub.core.ingest.calendar import parse_calendar

            timezone = self.settings.hub.timezone if self.settings else None
            return parse_calendar(fetched.body, timezone=timezone, now=now)
        from hub.core.ingest.pipeline import read_feed

        language = None
        with Session(self.engine) as session:
            known = fingerprints(session, source_id)
            if self.settings is not None:
                source = session.get(Source, source_id)
                configured = self.settings.sources.get(source.key) if source else None
                language = configured.language if configured else None
        return read_feed(
            fetched.body,
            url=fetched.url,
            now=now,
            content_type=fetched.content_type,
            default_language=language,
            known=known,
        )

    async def _record_success(
        self,
        source_id: int,
        outcome: SourceOutcome,
        fetched: Fetched,
        prepared: tuple[object, RecentItems] | None,
    ) -> None:
        async with self._write_lock:
            await asyncio.get_running_loop().run_in_executor(
                self._db, self._write_success, source_id, outcome, fetched, prepared
            )

    def _write_success(
        self,
        source_id: int,
        outcome: SourceOutcome,
        fetched: Fetched,
        prepared: tuple[object, RecentItems] | None,
    ) -> None:
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            source = session.get(Source, source_id)
            assert source is not None
            if prepared is not None:
                self._store(session, source, outcome, *prepared, now=now)
                source.last_problems = outcome.problems[:MAX_PROBLEMS]
                ahead = self._ahead.pop(source_id, {})
                if self.pictures is not None and ahead:
                    session.flush()  # the new items, with their ids, before their pictures
                    self.pictures.store_ahead(session.connection(), ahead, now)
            if fetched.not_modified:  # a 304 may omit validators: keep ours then
                source.etag = fetched.etag or source.etag
                source.last_modified = fetched.last_modified or source.last_modified
            else:
                source.etag, source.last_modified = fetched.etag, fetched.last_modified
            source.last_fetched_at = now
            source.last_success_at = now
            source.last_error = None
            source.consecutive_failures = 0
            source.next_fetch_at = now + dt.timedelta(minutes=source.interval_minutes)
            if source.owner_told_failing:
                source.owner_told_failing = False
                self._tell(session, source, "recovered", None, now, outcome)

    def _store(
        self,
        session: Session,
        source: Source,
        outcome: SourceOutcome,
        prepared: object,
        recent: RecentItems,
        *,
        now: dt.datetime,
    ) -> None:
        from hub.core.ingest.parse import ParsedFeed

        if isinstance(prepared, ParsedFeed):
            outcome.problems = list(prepared.problems)
            report = store_candidates(
                session, source, prepared.candidates, settings=self.settings, now=now, recent=recent
            )
            outcome.created = len(report.created)
            outcome.updated = len(report.updated)
            outcome.merged = len(report.merged)
            return
        from hub.core.ingest.calendar import ParsedCalendar, store_events

        assert isinstance(prepared, ParsedCalendar)
        outcome.problems = list(prepared.problems)
        events = store_events(session, source, prepared.events, now=now, kind=prepared.kind)
        outcome.events = events.changed

    async def _record_failure(self, source_id: int, outcome: SourceOutcome) -> None:
        async with self._write_lock:
            await asyncio.get_running_loop().run_in_executor(
                self._db, self._write_failure, source_id, outcome
            )

    def _write_failure(self, source_id: int, outcome: SourceOutcome) -> None:
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            source = session.get(Source, source_id)
            assert source is not None
            source.last_fetched_at = now
            source.last_error = redact(outcome.error) if outcome.error else outcome.error
            source.consecutive_failures = (source.consecutive_failures or 0) + 1
            interval = dt.timedelta(minutes=source.interval_minutes)
            delay = backoff_delay(interval, source.consecutive_failures, self.policy.backoff_cap)
            source.next_fetch_at = now + delay
            failing = source.consecutive_failures >= self.policy.failing_after
            if failing and not source.owner_told_failing:
                source.owner_told_failing = True
                self._tell(session, source, "failing", outcome.error, now, outcome)

    def _tell(
        self,
        session: Session,
        source: Source,
        state: str,
        reason: str | None,
        now: dt.datetime,
        outcome: SourceOutcome,
    ) -> None:
        try:
            with session.begin_nested():
                tell_owner(
                    session,
                    source,
                    state="failing" if state == "failing" else "recovered",
                    reason=reason,
                    settings=self.settings,
                    now=now,
                )
        except HubError as exc:
            outcome.problems.append(f"could not tell the feed's owner ({state}): {exc}")
