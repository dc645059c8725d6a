"""The worker loop: a rolling window of claims, sent as slots free, recorded as they end.

One loop, async once. The worker holds at most ``batch_size`` deliveries it
claimed and has not finished; whenever half of that window is free it claims
again (one transaction for up to half a batch), so no send waits for the
slowest of its batch; while rate budgets hold its sends back, the window is only
``concurrency`` claims (``Worker._window``). ``concurrency`` sends are in flight at a
time, let in oldest claim first (:class:`hub.core.bus.gate.OrderedGate`); a claim
nothing holds back (its sink started, a slot free, its budgets' tokens leased) is sent
in the step that claimed it, and one whose send ends at once needs no task of its own
(``Worker._send_at_once``). Results are recorded as they come
(:class:`hub.core.bus.recorder.Recorder`: one write at a time, every result that
arrived meanwhile in the next), so a send hanging until its
timeout holds up nothing and leaves only itself unrecorded. When nothing is
due, the worker waits for a PostgreSQL notification, the poll interval or the
stop event, whichever comes first.

Every claim is fenced by its token (``leased_by``) and its lease: the worker
renews the leases of every claim not yet recorded, and does not send a claim
whose lease ran out before its turn (another worker's sweep may have taken it
back); it gives it back instead. A worker that dies stops renewing, and any
worker's sweep gives its rows back to the queue, in doubt.

Every database call (claims, records, lease renewals, the rate limiter's
buckets) runs in the worker's database threads (:class:`hub.core.bus.queue.
DatabaseThreads`), never on its event loop: a slow query or a bucket another
worker holds delays only the send waiting for it, not every send and lease
renewal of the process. Rate budgets are taken in a short transaction
committed before the send begins (no lock is held across a send); the sends
that ask while one is under way share the next one (:class:`hub.core.bus.budgets.Budgets`), and a
fast budget's tokens are leased to the process ahead of its demand
(:mod:`hub.core.bus.ratelimit`), so most sends spend one without the database.

Stopping (SIGTERM): sends already handed to a sink finish and are recorded;
claims not yet sent are given back unsent; :meth:`Worker.run` then returns.
Database trouble (a restarted server) is logged and retried with backoff;
results are recorded as soon as the database answers again.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import itertools
import json
import logging
import os
import random
import signal
import socket
import time
import types
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Generator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from hub.core.bus import outbox
from hub.core.bus.budgets import Budgets
from hub.core.bus.gate import OrderedGate
from hub.core.bus.messages import ChannelRow, ChannelSinks, claim_messages
from hub.core.bus.outbox import Claim, Result
from hub.core.bus.queue import DatabaseThreads
from hub.core.bus.ratelimit import DatabaseRateLimiter, Grant
from hub.core.bus.recorder import Recorder
from hub.core.bus.retry import DATABASE_RETRY, RetryPolicy
from hub.core.bus.statement_connections import StatementConnections
from hub.core.bus.states import AttemptOutcome, ErrorKind
from hub.core.clock import clock_of
from hub.core.errors import DeliveryError, RateLimited, Timeout, TransientError
from hub.core.logs import redact
from hub.core.ports import Message, RateLimit, Sink

log = logging.getLogger(__name__)
Clock = Callable[[], dt.datetime]
_UNLIMITED = Grant(True, 0.0, dt.datetime.min, leased=True)
"""A send with no budget: nothing to take, wait for or look at."""
HELD_BACK_SECONDS = 2.0
"""A worker one of whose sends a rate budget held back within this many seconds holds no
more claims than it sends at once (``Worker._window``)."""
_heap_frozen = False


def freeze_startup_heap() -> None:
    """Move every object alive now (modules, the ORM's mappings, settings, the engine) to
    the collector's permanent generation, once per process: the cyclic collector then
    scans only what the work itself allocates.

    A worker process holds a few hundred thousand long-lived objects from its imports
    alone, and each claim allocates thousands of short-lived ones (rows, claims,
    messages, results), which soon trigger a full collection that walks them all: one
    took 0.1-0.3 s in each worker process of ``hub bench bus`` (5,000 deliveries each),
    whose CPU per delivery fell by a sixth without it (49 -> 40 us). What is frozen is
    never collected, so it is done once, not at each run (a test process runs many
    workers)."""
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.freeze()


CHAOS_KILL_AFTER_ACCEPT = "HUB_CHAOS_KILL_AFTER_ACCEPT"
"""Chaos testing only (``hub bench chaos``): with this probability per send, the worker
SIGKILLs its own process right after the platform accepted a message and before the
result is recorded, the worst moment for a crash. Unset (the default), nothing happens."""
CHAOS_LOG = "HUB_CHAOS_LOG"
"""Chaos testing only: a file to which that self-kill first appends which delivery it hit."""


@dataclass(frozen=True)
class WorkerConfig:
    """How a worker paces itself; the defaults suit production."""

    concurrency: int = 16
    batch_size: int = 100
    lease_seconds: float = 60.0
    poll_interval: float = 1.0
    sweep_interval: float = 5.0
    max_rate_wait: float = 2.0
    """A send that would wait longer than this for its budget is given back, due later."""
    reserve_ahead: float = 0.5
    """A send reserves its budget's next free moment when it is at most this far ahead,
    and leaves at that moment (:meth:`DatabaseRateLimiter.reserve_many`): a budget
    wanted by more sends than it allows is spent back to back, none of it lost to the
    time a worker takes to ask again, and the database is out of the way of the send."""
    reserve_lead: float = 0.05
    """A reservation is at least this far after its transaction got its budgets' rows:
    the commit and the trip back to the send fit before its moment, so the send leaves
    at the moment its bucket counts (an idle budget's send waits this long)."""
    send_timeout: float = 30.0
    until_idle: bool = False
    """Return once nothing is due (benchmarks, tests, ``hub worker --once``)."""
    record_each: bool = False
    """A send keeps its slot until its result is written: slower, but a crash can then
    repeat at most ``concurrency`` messages (those sent and not yet recorded). Without
    it, results are written as they end too, but a slot does not wait for the write."""


@dataclass
class WorkerStats:
    """What a worker did; ``latencies`` (claim to recorded, s) only when measured."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    dead: int = 0
    released: int = 0
    stale: int = 0
    lapsed: int = 0
    """Claims given back unsent because their lease had run out before their turn."""
    forfeited: int = 0
    """Reservations of rate budgets that came back after their moment, not sent."""
    batches: int = 0
    db_errors: int = 0
    latencies: list[float] = field(default_factory=list)


AlertHook = Callable[[Engine, list[Result], dt.datetime], None]


class Worker:
    """Claims due deliveries and hands them to their channels' sinks."""

    def __init__(
        self,
        engine: Engine,
        sinks: ChannelSinks,
        *,
        config: WorkerConfig | None = None,
        policy: RetryPolicy | None = None,
        limiter: DatabaseRateLimiter | None = None,
        clock: Clock | None = None,
        name: str | None = None,
        on_failures: AlertHook | None = None,
        measure: bool = False,
    ) -> None:
        self.engine = engine
        self.sinks = sinks
        self.config = config or WorkerConfig()
        self.policy = policy or RetryPolicy()
        self.limiter = limiter or DatabaseRateLimiter(engine)
        # the engine's clock when none is given (hub.core.clock): a hub bound to another
        # clock claims, leases and paces on that clock, never on the machine's
        self.clock = clock = clock or clock_of(engine)
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.on_failures = on_failures
        self.measure = measure
        self.stats = WorkerStats()
        self.db = DatabaseThreads(engine, name="hub-worker-db")
        self.budgets = Budgets(
            self.limiter,
            self.db,
            clock,
            within=min(self.config.reserve_ahead, self.config.max_rate_wait),
            lead=self.config.reserve_lead,
        )
        self.recorder = Recorder(self._record)
        self._deliveries: set[asyncio.Task[Result]] = set()
        self._leases: dict[str, TokenLease] = {}
        self._changed = asyncio.Event()
        self._gate = OrderedGate(self.config.concurrency)
        self._order = itertools.count()
        self._channels: dict[int, ChannelRow] = {}
        self._batches = 0
        self._held_back: dt.datetime | None = None  # when a rate budget last held one back
        self._last_sweep = 0.0
        self._rng = random.Random()
        self._listener: Any = None
        self._chaos_kill = float(os.environ.get(CHAOS_KILL_AFTER_ACCEPT) or 0)
        self._connections = StatementConnections(engine)

    # --- the loop -------------------------------------------------------------------

    async def run(self, stop: asyncio.Event | None = None) -> WorkerStats:
        """Work until ``stop`` is set (or, with ``until_idle``, until nothing is due)."""
        freeze_startup_heap()
        stop = stop or asyncio.Event()
        self._changed = asyncio.Event()  # bound to this run's loop
        self._gate = OrderedGate(self.config.concurrency)
        self._connections.reopen()
        failures = 0
        renewer = asyncio.create_task(self._renew_leases())
        try:
            while not stop.is_set():
                try:
                    claimed = await self.claim_more(stop)
                    failures = 0
                except DBAPIError as error:
                    failures += 1
                    self.stats.db_errors += 1
                    delay = DATABASE_RETRY.backoff(failures)
                    log.warning("database error (retrying in %.1f s): %s", delay, error.orig)
                    await _sleep_or_stop(stop, delay)
                    continue
                if claimed:
                    continue
                if self.config.until_idle:
                    if not self._busy():
                        break
                    await self._settled(stop)  # its retries may be due: claim once more
                    continue
                await self._wait(stop)
            await self._drain()
        finally:
            await self._abandon()
            renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewer
            await self.sinks.close()
            await self._close_listener()
            self.db.close()
            self._connections.let_go_all()
        return self.stats

    async def claim_more(self, stop: asyncio.Event) -> bool:
        """Sweep if it is time; claim as many as the window has room for once it has room
        for half a batch; False when the database had nothing due."""
        if time.monotonic() - self._last_sweep >= self.config.sweep_interval:
            swept = await self.db.run(self._sweep, self.clock())
            self._last_sweep = time.monotonic()
            if swept:
                log.info("took back %d deliveries whose lease expired", swept)
        await self._room(stop)
        if stop.is_set():
            return True
        return await self._claim_something(stop)

    def _busy(self) -> bool:
        """Deliveries claimed and not yet recorded (waiting, sending, or recording)."""
        return bool(self._deliveries) or self.recorder.busy()

    def _window(self) -> int:
        """How many claims the worker holds: a batch, or while rate budgets hold its sends
        back (:data:`HELD_BACK_SECONDS`), no more than it sends at once (``concurrency``):
        a claim it could not send for seconds stays in the queue, where the first worker
        with room takes it in the queue's order.

        Four workers each holding a batch of a broadcast to 50 chats held 400 claims,
        two for every chat in each window, the oldest and the newest side by side: at the
        end the last batches went out from several workers at once in the same order of
        chats, each of their chats twice within its second, and the bot's budget waited
        for the chats (``hub bench ratelimit``: 0.6 to 1 s of the last second's sends)."""
        batch = self.config.batch_size
        held = self._held_back
        if held is None or (self.clock() - held).total_seconds() > HELD_BACK_SECONDS:
            return batch
        return min(batch, self.config.concurrency)

    def _window_room(self) -> int:
        return self._window() - len(self._deliveries)

    async def _room(self, stop: asyncio.Event) -> None:
        """Until the window has room for half of it (at least one), results are not
        piling up unrecorded, or the worker stops."""
        while not stop.is_set() and (
            self._window_room() < max(1, self._window() // 2)
            or self.recorder.backlog() >= 2 * self.config.batch_size
        ):
            self._changed.clear()
            await _wait_either(self._changed, stop)

    async def _settled(self, stop: asyncio.Event) -> None:
        """Until every claimed delivery is recorded (or the worker stops)."""
        while self._busy() and not stop.is_set():
            self._changed.clear()
            await _wait_either(self._changed, stop)

    async def _claim_something(self, stop: asyncio.Event) -> bool:
        room = self._window_room()
        if room <= 0:
            return True
        self._batches += 1
        token = f"{self.name}/{self._batches}"
        claimed = await self.db.run(self._claim_batch, token, room)
        if claimed is None:
            return False
        claims, messages = claimed
        self.stats.batches += 1
        lease = self._leases[token] = TokenLease(
            len(claims), self.clock() + dt.timedelta(seconds=self.config.lease_seconds)
        )
        lease.claimed_at = time.monotonic()
        for claim in sorted(claims, key=lambda c: c.id):  # oldest first through the gate
            order = next(self._order)
            message = messages[claim.id]
            if self._send_at_once(claim, message, stop):
                continue
            self._track(self._deliver_safely(claim, message, stop, order))
        return True

    def _track(self, deliver: Coroutine[Any, Any, Result]) -> None:
        task = asyncio.create_task(deliver)
        self._deliveries.add(task)
        task.add_done_callback(self._delivered)

    def _send_at_once(
        self, claim: Claim, message: Message | DeliveryError, stop: asyncio.Event
    ) -> bool:
        """Send ``claim`` now, in this step of the loop, when nothing stands in its way:
        its sink is started, a slot of the gate is free and nobody waits for one, and
        every budget it spends has a leased token (or it spends none). A send that ends
        at once (a sink that queues, a stand-in) is then handed to the recorder without a
        task of its own; one that waits goes on in a task that keeps its slot, under the
        send's timeout, as any other. False: nothing was done, the claim takes the way
        of :meth:`_deliver` (which checks again and waits for what stood in the way).

        The checks are :meth:`_deliver`'s, in its order: stop, budget, lease. A send
        spending leased tokens awaits nothing between them and its start there either.
        """
        if isinstance(message, DeliveryError) or self.config.record_each or stop.is_set():
            return False
        sink = self.sinks.started(claim.channel_id)
        if sink is None or not self._gate.try_acquire():
            return False
        handed_on = False
        try:
            try:
                limits = sink.rate_limits(message)
            except Exception:  # _deliver records it as the attempt's failure
                return False
            now = self.clock()  # the lease's moment is the send's
            if limits and not self.budgets.take_leased(limits, now):
                return False
            if now >= self._leases[claim.token].until:  # no longer ours to send
                self.stats.lapsed += 1
                self.recorder.add(self._released(claim, now, now))
                return True
            rest: Awaitable[Any] | None = None
            failed: Exception | None = None
            held = None
            receipt = None
            try:
                sending = sink.send(message)
                if not isinstance(sending, types.CoroutineType):
                    rest = sending
                else:
                    try:
                        waiting = sending.send(None)
                    except StopIteration as done:
                        receipt = done.value
                    else:
                        rest = _resumed(sending, waiting)
            except Exception as error:
                failed = error
                held = self._hold(error, limits)  # before the next send of this step
            if rest is not None or failed is not None:
                self._track(self._send_rest(claim, message, limits, now, rest, failed, held))
                handed_on = True  # the task gives the slot back
                return True
            if self._chaos_kill:
                self._chaos_after_accept(claim)
            self.recorder.add(self._sent(claim, message, receipt, now))
            return True
        finally:
            if not handed_on:
                self._gate.release()

    async def _send_rest(
        self,
        claim: Claim,
        message: Message,
        limits: list[RateLimit],
        started: dt.datetime,
        rest: Awaitable[Any] | None,
        failed: Exception | None,
        held: tuple[dt.datetime, dt.datetime] | None,
    ) -> Result:
        """The rest of a send :meth:`_send_at_once` began (``rest`` to await, or the
        error its first step raised), in the gate's slot it took; the result recorded."""
        try:
            result = await self._send(
                claim, message, limits, started, sending=rest, failed=failed, held=held
            )
        except Exception as error:
            log.exception("delivery %d: the worker failed", claim.id)
            result = self._failure(claim, error, started)
        finally:
            self._gate.release()
        self.recorder.add(result)
        return result

    def _delivered(self, task: asyncio.Task[Result]) -> None:
        self._deliveries.discard(task)
        self._changed.set()

    async def _drain(self) -> None:
        """The sends already handed to a sink finish; every result is recorded."""
        if self._deliveries:
            await asyncio.gather(*self._deliveries, return_exceptions=True)
        await self.recorder.flush()

    async def _abandon(self) -> None:
        """On the way out by an error: stop what is left (its leases will expire)."""
        for task in list(self._deliveries):
            task.cancel()
        if self._deliveries:
            await asyncio.gather(*self._deliveries, return_exceptions=True)
        await self.recorder.close()

    # --- one delivery ---------------------------------------------------------------

    def _sweep(self, now: dt.datetime) -> int:
        with self.engine.begin() as conn:
            return outbox.sweep_expired(conn, now)

    def _claim_batch(
        self, token: str, limit: int
    ) -> tuple[list[Claim], dict[int, Message | DeliveryError]] | None:
        with self._connections.statement() as conn:
            claims, messages = claim_messages(
                conn,
                token=token,
                now=self.clock(),
                limit=limit,
                lease_seconds=self.config.lease_seconds,
                channel_rows=self._channels,
                progress_of=self._progress_of,
            )
        return (claims, messages) if claims else None

    async def _deliver_safely(
        self, claim: Claim, message: Message | DeliveryError, stop: asyncio.Event, order: int
    ) -> Result:
        """:meth:`_deliver`; a bug of the worker's own is recorded as the attempt's failure
        (retried as any unexpected error), so that its claim leaves the window."""
        started = self.clock()
        try:
            return await self._deliver(claim, message, stop, started, order)
        except Exception as error:
            log.exception("delivery %d: the worker failed", claim.id)
            return await self._finish(self._failure(claim, error, started))

    async def _deliver(
        self,
        claim: Claim,
        message: Message | DeliveryError,
        stop: asyncio.Event,
        started: dt.datetime,
        order: int = 0,
    ) -> Result:
        """Wait for the budget (not holding a place in the gate), then send within it.

        The gate lets the claims in by ``order`` (claim order): a send whose budget
        was not free goes back to its place, not behind the claims made since."""
        if isinstance(message, DeliveryError):
            return await self._finish(self._failure(claim, message, started))
        try:
            sink = self.sinks.started(claim.channel_id) or await self.sinks.get(
                self._channels[claim.channel_id]
            )
            limits = sink.rate_limits(message)
        except Exception as error:  # unknown errors are transient for the retry policy
            return await self._finish(self._failure(claim, error, started))
        while True:
            async with self._gate.slot(order):
                if stop.is_set():
                    return await self._finish(self._released(claim, started, self.clock()))
                try:
                    grant = await self.budgets.take(limits, order) if limits else _UNLIMITED
                except DBAPIError as error:  # no budget without the database: give it back
                    log.warning("rate limiter unavailable: %s", error.orig)
                    return await self._finish(self._released(claim, started, self.clock()))
                wait = 0.0 if grant.taken else grant.wait
                if wait > 0:
                    self._held_back = self.clock()
                if grant.leased:
                    # spent from the lease in this step of the loop, a 429's hold looked at
                    # as it was: nothing to wait for, nothing to look at again
                    pass
                elif grant.taken and not self.budgets.in_time(grant):
                    # it came back after its moment: sent now, it would crowd the budget's
                    # next reservation, so its tokens are forfeited and it asks again
                    self.stats.forfeited += 1
                    continue
                elif grant.taken:
                    # a reservation leaves at its moment, never before (in the gate: late
                    # by nothing but the loop); stopping meanwhile forfeits its tokens
                    await _sleep_until(grant.leaves, stop)
                    if stop.is_set():
                        return await self._finish(self._released(claim, started, self.clock()))
                    if not self.budgets.in_time(grant, woke=True):  # the loop woke it late
                        self.stats.forfeited += 1
                        continue
                    # the tokens were taken off the loop; a 429 that came meanwhile wins
                    wait = self.limiter.held_for(limits, self.clock()) if limits else 0.0
                if wait <= 0:  # nothing awaited between these checks and the send's start
                    now = self.clock()
                    if now >= self._leases[claim.token].until:  # no longer ours to send
                        self.stats.lapsed += 1
                        return await self._finish(self._released(claim, started, now))
                    result = await self._send(claim, message, limits, now, sink=sink)
                    if grant.taken and not grant.leased:  # leased budgets are never pushed
                        pushes = self.limiter.pushes(limits, time.monotonic() - grant.leaves)
                        if pushes:
                            await self._push_back(pushes)
                    if self.config.record_each:
                        return await self._finish(result)
                    self.recorder.add(result)
                    return result
            if wait > self.config.max_rate_wait or stop.is_set():
                due = self.clock() + dt.timedelta(seconds=wait)
                return await self._finish(self._released(claim, started, due))
            await asyncio.sleep(wait)

    async def _push_back(self, pushes: list[tuple[RateLimit, float]]) -> None:
        """A send the platform may have counted late pushes its budgets back for every
        worker (:meth:`DatabaseRateLimiter.pushes`), before this slot sends again."""
        try:
            await self.db.run(self.limiter.push, pushes, self.clock())
        except DBAPIError as error:  # the window's other half of the margin still holds
            log.warning("could not push back %s: %s", [lim.key for lim, _ in pushes], error.orig)

    async def _finish(self, result: Result) -> Result:
        """Hand the result to the recorder; with ``record_each``, wait until it is written
        (still inside the gate: at most ``concurrency`` sends unrecorded)."""
        recorded = self.recorder.add(result, wait=self.config.record_each)
        if recorded is not None:
            await recorded
        return result

    async def _send(
        self,
        claim: Claim,
        message: Message,
        limits: list[RateLimit],
        started: dt.datetime,
        *,
        sink: Sink | None = None,
        sending: Awaitable[Any] | None = None,
        failed: Exception | None = None,
        held: tuple[dt.datetime, dt.datetime] | None = None,
    ) -> Result:
        """Send ``message`` through ``sink``, or await ``sending``, the rest of a send
        :meth:`_send_at_once` began, or take ``failed``, the error its first step
        raised (and ``held``, the hold it put on the budgets then: :meth:`_hold`);
        the result."""
        try:
            # The send runs in this task: it starts in the same step of the loop as the
            # check of the process's holds, and a 429 holds its keys (below) before
            # anything else runs; the database hears of the pause afterwards. Its first
            # step runs here at once: a send that ends without waiting (a sink that
            # queues, a stand-in) needs no timer; one that waits gets its timeout then.
            if failed is not None:
                raise failed
            if sending is None:
                assert sink is not None
                sending = sink.send(message)
            if not isinstance(sending, types.CoroutineType):  # any other awaitable
                async with asyncio.timeout(self.config.send_timeout):
                    receipt = await sending
            else:
                try:
                    waiting = sending.send(None)
                except StopIteration as done:
                    receipt = done.value
                else:
                    async with asyncio.timeout(self.config.send_timeout):
                        receipt = await _resumed(sending, waiting)
            if self._chaos_kill:
                self._chaos_after_accept(claim)
        except Exception as error:  # a sink's bug must not stop the worker
            if isinstance(error, TimeoutError):
                error = Timeout(f"no answer in {self.config.send_timeout:g} s")
            held = self._hold(error, limits) if failed is None else held
            if held is not None:
                try:
                    await self.db.run(self.limiter.pause, limits, *held)
                except DBAPIError as db_error:  # the delivery itself still waits retry_after
                    log.warning("could not pause %s: %s", [lim.key for lim in limits], db_error)
            return self._failure(claim, error, started)
        return self._sent(claim, message, receipt, started)

    def _hold(
        self, error: Exception, limits: list[RateLimit]
    ) -> tuple[dt.datetime, dt.datetime] | None:
        """After a 429, this process's hold on the send's budgets, at once (before any
        other send of this loop's step); until when and since when, for the pause that
        tells every worker, or None for any other error."""
        if not isinstance(error, RateLimited) or not limits:
            return None
        now = self.clock()
        until = now + dt.timedelta(seconds=error.retry_after)
        self.limiter.hold(limits, until)
        return until, now

    def _sent(self, claim: Claim, message: Message, receipt: Any, started: dt.datetime) -> Result:
        self.stats.sent += 1
        return Result(
            claim,
            AttemptOutcome.SENT,
            started,
            self.clock(),
            platform_message_id=receipt.platform_message_id,
            # sent without something it had (a picture the platform or the hub refused)
            error=redact(note)[:2000] if (note := receipt.note or _refused(message)) else None,
            worker=self.name,
        )

    def _progress_of(self, claim: Claim) -> Callable[[tuple[str, ...]], Awaitable[None]]:
        """What a sink posting a thread calls after each part: the ids go to the ledger
        before the next part is posted, so a crash repeats at most the part in flight."""

        async def progress(ids: tuple[str, ...]) -> None:
            written = await self.db.run(self._record_parts, claim, ids)
            if not written:
                raise TransientError(
                    "the lease was lost while posting a thread: the parts posted so far "
                    "are left to the worker that holds it now"
                )

        return progress

    def _record_parts(self, claim: Claim, ids: tuple[str, ...]) -> int:
        with self.engine.begin() as conn:
            return outbox.record_parts(conn, claim, ids)

    def _chaos_after_accept(self, claim: Claim) -> None:
        """Chaos testing only: maybe die now, the message sent and its result not recorded."""
        if self._rng.random() >= self._chaos_kill:
            return
        log_path = os.environ.get(CHAOS_LOG)
        if log_path:
            line = json.dumps({"pid": os.getpid(), "delivery_id": claim.id}) + "\n"
            descriptor = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            os.write(descriptor, line.encode())
            os.close(descriptor)
        os.kill(os.getpid(), signal.SIGKILL)

    def _failure(self, claim: Claim, error: BaseException, started: dt.datetime) -> Result:
        decision = self.policy.decide(error, claim.attempt, claim.max_attempts, self._rng)
        now = self.clock()
        counter = {"retry": "retried", "failed": "failed", "dead": "dead"}[decision.outcome]
        setattr(self.stats, counter, getattr(self.stats, counter) + 1)
        if not isinstance(error, DeliveryError):
            log.warning("delivery %d: sink raised %r", claim.id, error)
        return Result(
            claim,
            AttemptOutcome(decision.outcome),
            started,
            now,
            # platform error text may echo what was sent (a token in a URL, a key):
            # the ledger, the console and the secretariat's alert never hold a secret
            error=redact(decision.reason)[:2000],
            error_kind=error_kind_of(error),
            due_at=now + dt.timedelta(seconds=decision.delay),
            worker=self.name,
        )

    def _released(self, claim: Claim, started: dt.datetime, due: dt.datetime) -> Result:
        self.stats.released += 1
        released = AttemptOutcome.RELEASED
        return Result(claim, released, started, self.clock(), due_at=due, worker=self.name)

    async def _renew_leases(self) -> None:
        """Push the leases of every claim not yet recorded, a third of a lease at a time."""
        period = self.config.lease_seconds / 3
        while True:
            await asyncio.sleep(period)
            tokens = [token for token, lease in self._leases.items() if lease.outstanding]
            if not tokens:
                continue
            until = self.clock() + dt.timedelta(seconds=self.config.lease_seconds)
            try:
                renewed = await self.db.run(self._renew, tokens, until)
            except DBAPIError as error:
                log.warning("could not renew leases: %s", error.orig)
                continue
            for token in tokens:
                lease = self._leases.get(token)
                if lease is None:
                    continue
                if token in renewed:
                    lease.until = until
                else:  # swept while this worker was starved: its unsent claims are not its own
                    lease.until = min(lease.until, self.clock())

    def _renew(self, tokens: list[str], until: dt.datetime) -> set[str]:
        with self.engine.begin() as conn:
            return outbox.renew_lease_tokens(conn, tokens, until)

    def _record_batch(self, results: list[Result]) -> int:
        with self._connections.statement() as conn:
            return outbox.record_results(conn, results)

    async def _record(self, results: list[Result]) -> None:
        """Write results, insisting through database trouble (the sends happened); then
        the claims they end leave the window."""
        try:
            await self._write(results)
        finally:
            done = time.monotonic()
            for result in results:
                lease = self._leases.get(result.claim.token)
                if lease is None:
                    continue
                if self.measure and result.outcome == AttemptOutcome.SENT:
                    self.stats.latencies.append(done - lease.claimed_at)
                lease.outstanding -= 1
                if lease.outstanding <= 0:
                    del self._leases[result.claim.token]
            self._changed.set()

    async def _write(self, results: list[Result]) -> None:
        for attempt in range(1, 9):
            try:
                self.stats.stale += await self.db.run(self._record_batch, results)
                break
            except DBAPIError as error:
                self.stats.db_errors += 1
                delay = DATABASE_RETRY.backoff(attempt)
                log.warning("could not record results (retrying in %.1f s): %s", delay, error.orig)
                await asyncio.sleep(delay)
        else:
            log.error("gave up recording %d results; their leases will expire", len(results))
            return
        failures = [r for r in results if r.outcome in ("failed", "dead")]
        if failures and self.on_failures is not None:
            try:
                await self.db.run(self.on_failures, self.engine, failures, self.clock())
            except DBAPIError as error:
                log.warning("could not queue the failure alert: %s", error.orig)

    # --- waiting --------------------------------------------------------------------

    async def _wait(self, stop: asyncio.Event) -> None:
        """Until a notification, the poll interval or the stop event."""
        timeout = self.config.poll_interval
        if self.engine.dialect.name != "postgresql":
            await _sleep_or_stop(stop, timeout)
            return
        try:
            listener = await self._listen()
            notified = asyncio.ensure_future(_next_notification(listener, timeout))
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait({notified, stopped}, return_when=asyncio.FIRST_COMPLETED)
            for task in (notified, stopped):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task  # a broken listener raises here: handled below
        except Exception as error:  # the listener is an optimisation; polling still works
            log.info("LISTEN unavailable (%s); polling", error)
            await self._close_listener()
            await _sleep_or_stop(stop, timeout)

    async def _listen(self) -> Any:
        import psycopg

        if self._listener is None or self._listener.closed:
            url = self.engine.url.set(drivername="postgresql")
            conninfo = url.render_as_string(hide_password=False)
            listener = await psycopg.AsyncConnection.connect(conninfo, autocommit=True)
            await listener.execute(f"LISTEN {outbox.NOTIFY_CHANNEL}")
            self._listener = listener
        return self._listener

    async def _close_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                await self._listener.close()
            self._listener = None


@dataclass
class TokenLease:
    """The claims made under one token: how many are not yet recorded, and until when
    the database holds them for this worker (as last renewed)."""

    outstanding: int
    until: dt.datetime
    claimed_at: float = 0.0


def error_kind_of(error: BaseException) -> str:
    """What ``deliveries.error_kind`` records: a delivery error's class, else unexpected."""
    if isinstance(error, DeliveryError):
        return type(error).__name__
    return ErrorKind.UNEXPECTED


@types.coroutine
def _resumed(coroutine: Any, waiting: Any) -> Generator[Any, Any, Any]:
    """The rest of ``coroutine``, whose first step was run by hand and waits for
    ``waiting`` (what it yielded to the loop): ``await coroutine`` from there on, with
    what the task sends or throws passed on to it (PEP 380's ``yield from``)."""
    while True:
        try:
            sent = yield waiting
        except GeneratorExit:
            coroutine.close()
            raise
        except BaseException as error:  # a cancellation (the timeout) goes to the send
            try:
                waiting = coroutine.throw(error)
            except StopIteration as done:
                return done.value
        else:
            try:
                waiting = coroutine.send(sent)
            except StopIteration as done:
                return done.value


async def _next_notification(listener: Any, seconds: float) -> None:
    async for _ in listener.notifies(timeout=seconds, stop_after=1):
        return


async def _wait_either(first: asyncio.Event, second: asyncio.Event) -> None:
    """Until either event is set."""
    if first.is_set() or second.is_set():
        return
    waits = [asyncio.ensure_future(first.wait()), asyncio.ensure_future(second.wait())]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in waits:
            task.cancel()


async def _sleep_until(moment: float, stop: asyncio.Event) -> None:
    """Until ``time.monotonic()`` reaches ``moment``, or the worker stops."""
    while not stop.is_set():
        ahead = moment - time.monotonic()
        if ahead <= 0:
            return
        await _sleep_or_stop(stop, ahead)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


def _refused(message: Message) -> str | None:
    """The note of a post sent as text because the hub refused the item's picture."""
    if message.picture_refused is None:
        return None
    return f"the item's picture was refused ({message.picture_refused}): sent as text"
