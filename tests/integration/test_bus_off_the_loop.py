"""The worker's database work runs off its event loop.

A rate bucket another worker holds (simulated: a limiter whose acquisition
blocks its thread until released) delays only the sends that wait for that
budget: the other channels' sends go out and the loop keeps ticking meanwhile.
Before the worker moved its database calls to threads, the same blocked call
froze the whole loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest
from sqlalchemy import Engine, func, select

from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.queue import POSTGRES_THREADS, SWITCH_INTERVAL, DatabaseThreads
from hub.core.bus.ratelimit import DatabaseRateLimiter, Grant
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.models import Delivery
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt
from hub.testing.bus import bus_settings, seed_deliveries
from hub.testing.sinks import InstantSink, SlowSink

LIMITED = "c0"
START = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


class TickingClock:
    """The hub's clock for a worker whose rate budgets must refill: it starts at START and
    moves as the test's time passes (``time.monotonic``), so no test reads the real date."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.start, self.began = start, time.monotonic()

    def __call__(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=time.monotonic() - self.began)


class StuckLimiter(DatabaseRateLimiter):
    """Its acquisitions block their thread until ``release`` is set (a row lock held)."""

    def __init__(self, engine: Engine, release: threading.Event) -> None:
        super().__init__(engine, stall_seconds=None)
        self.release = release
        self.blocked = 0

    def reserve_many(
        self,
        requests: Sequence[Sequence[RateLimit]],
        now: dt.datetime,
        *,
        within: float = 0.0,
        lead: float = 0.0,
        clock: Callable[[], dt.datetime] | None = None,
        renew: Sequence[RateLimit] = (),
    ) -> list[Grant]:
        self.blocked += 1
        if not self.release.wait(20):
            raise AssertionError("the test never released the bucket")
        return super().reserve_many(
            requests, now, within=within, lead=lead, clock=clock, renew=renew
        )


def sent_count(engine: Engine) -> int:
    with engine.connect() as conn:
        query = select(func.count()).where(Delivery.status == "sent")
        return int(conn.execute(query.select_from(Delivery)).scalar() or 0)


def test_a_blocked_bucket_stalls_only_its_own_sends(engine: Engine) -> None:
    clock = TickingClock()
    ids = seed_deliveries(engine, bus_settings(channels=4), 20, now=clock())
    instant: list[InstantSink] = []

    def build(row: ChannelRow) -> InstantSink | SlowSink:
        channel = ChannelInfo(row.key, row.platform, row.target)
        if row.key == LIMITED:
            return SlowSink(channel, latency=0.0)  # declares a budget: takes the limiter
        instant.append(InstantSink(channel))
        return instant[-1]

    release = threading.Event()
    limiter = StuckLimiter(engine, release)
    config = WorkerConfig(concurrency=16, batch_size=50, poll_interval=0.02)
    worker = Worker(engine, ChannelSinks(build), config=config, limiter=limiter, clock=clock)

    async def scenario() -> tuple[int, int, int]:
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        for _ in range(500):  # up to 5 s for the bucket's wait and the others' 15 sends
            await asyncio.sleep(0.01)
            if limiter.blocked and sum(len(sink.sent) for sink in instant) == 15:
                break
        others_sent = sum(len(sink.sent) for sink in instant)
        blocked = limiter.blocked
        # The bucket is still held: the loop must still turn (a frozen loop never gets here).
        ticks = 0
        for _ in range(3):
            await asyncio.sleep(0.01)
            ticks += 1 if not release.is_set() and limiter.blocked else 0
        release.set()
        for _ in range(1000):
            if await asyncio.to_thread(sent_count, engine) == len(ids):
                break
            await asyncio.sleep(0.01)
        stop.set()
        await task
        return others_sent, ticks, blocked

    others_sent, ticks, blocked = asyncio.run(scenario())
    assert blocked >= 1  # the limited channel's sends were waiting on the bucket...
    assert others_sent == 15  # ...while every other channel's went out
    assert ticks == 3  # and the loop kept running while the bucket was held
    assert sent_count(engine) == len(ids)
    assert sent_on_the_clock(engine, clock)


def sent_on_the_clock(engine: Engine, clock: TickingClock) -> bool:
    """Whether every delivery was sent between the clock's start and its reading now."""
    with engine.connect() as conn:
        times = list(conn.scalars(select(Delivery.sent_at)))
    return all(when is not None and clock.start <= when <= clock() for when in times)


def test_database_threads_run_off_the_loop_and_pass_errors_back(engine: Engine) -> None:
    threads = DatabaseThreads(engine)
    assert threads.threads == (1 if engine.dialect.name == "sqlite" else POSTGRES_THREADS)

    def which_thread() -> int:
        return threading.get_ident()

    def fails() -> None:
        raise LookupError("no such row")

    async def scenario() -> tuple[int, str]:
        ident = await threads.run(which_thread)
        try:
            await threads.run(fails)
        except LookupError as error:
            return ident, str(error)
        return ident, ""

    ident, error = asyncio.run(scenario())
    threads.close()
    assert ident != threading.get_ident() and error == "no such row"


def test_database_threads_hand_the_gil_back_to_the_loop_within_a_millisecond(
    engine: Engine,
) -> None:
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        threads = DatabaseThreads(engine)
        asyncio.run(threads.run(threading.get_ident))
        threads.close()
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
        sys.setswitchinterval(0.0005)  # never raised
        asyncio.run(DatabaseThreads(engine).run(threading.get_ident))
        assert sys.getswitchinterval() == pytest.approx(0.0005)
    finally:
        sys.setswitchinterval(before)


class LateLimiter(DatabaseRateLimiter):
    """Its first ``late`` reservations reach the worker after their moment, as they do
    when a commit stalls on a busy machine; the others come back in time whatever the
    machine's load.

    Whether a grant is late is measured on ``time.monotonic`` (the worker's own, not the
    injected clock), so the test decides it: a late grant's moment lies ``LATE_BY``
    behind it with no allowance (waiting only makes it later), an in-time grant allows
    ``IN_TIME_ROOM`` (no scheduler stall on a loaded machine comes near it). The count
    of forfeits is then the count of late grants, not of the machine's hiccups (with
    the limiter's 15 ms allowance, a busy machine made in-time grants late too)."""

    LATE_BY = 0.2
    IN_TIME_ROOM = 60.0

    def __init__(self, engine: Engine, late: int) -> None:
        super().__init__(engine)
        self.late = late
        self.moments: list[float] = []

    def reserve_many(
        self,
        requests: Sequence[Sequence[RateLimit]],
        now: dt.datetime,
        *,
        within: float = 0.0,
        lead: float = 0.0,
        clock: Callable[[], dt.datetime] | None = None,
        renew: Sequence[RateLimit] = (),
    ) -> list[Grant]:
        grants = super().reserve_many(
            requests, now, within=within, lead=lead, clock=clock, renew=renew
        )
        for index, grant in enumerate(grants):
            if grant.taken and self.late > 0:
                self.late -= 1
                grants[index] = replace(grant, leaves=time.monotonic() - self.LATE_BY, late=0.0)
            elif grant.taken:
                grants[index] = replace(grant, late=self.IN_TIME_ROOM)
                self.moments.append(grant.leaves)
        return grants


def test_a_reservation_that_comes_back_late_is_forfeited_and_asked_again(engine: Engine) -> None:
    clock = TickingClock()
    ids = seed_deliveries(engine, bus_settings(channels=1), 4, now=clock())
    sends: list[float] = []

    class TimedSink(InstantSink):
        async def send(self, message: Message) -> Receipt:
            sends.append(time.monotonic())
            return await super().send(message)

    sink = TimedSink(ChannelInfo("c0", "memory", "#c0"), rate=20.0)  # never leased
    limiter = LateLimiter(engine, late=2)
    config = WorkerConfig(concurrency=4, batch_size=8, poll_interval=0.02, until_idle=True)
    worker = Worker(
        engine, ChannelSinks(lambda row: sink), config=config, limiter=limiter, clock=clock
    )
    stats = asyncio.run(worker.run())
    assert stats.forfeited == 2  # the late ones were not sent on their stale moment...
    assert len(sink.sent) == len(ids) and sent_count(engine) == len(ids)  # ...but asked again
    assert sent_on_the_clock(engine, clock)
    # and every send left at or after the moment its bucket counted it
    assert len(limiter.moments) == len(ids)
    assert all(sent >= moment for sent, moment in zip(sorted(sends), limiter.moments, strict=True))
