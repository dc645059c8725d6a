"""Rate limits shared by every worker: token buckets in the ``rate_buckets`` table.

A sink declares the budgets a message spends (:meth:`hub.core.ports.Sink.rate_limits`);
before sending, the worker takes one token from every bucket at once or from
none (all-or-nothing, rows locked in key order so two workers never
deadlock). A platform's 429 pauses the message's keys until the time it
asked for, for every worker, through the same rows. On PostgreSQL the rows
are shared by every process and machine; on SQLite by the one process.

The buckets spend ``margin`` (default 97%) of the declared rate, so that the
small jitter between taking a token and the platform receiving the message
never crosses the platform's own window. Times come from the caller's clock;
workers on several machines need their clocks in step (NTP).

**The in-process lease.** A fast budget would otherwise cost a transaction
for every few sends. When a transaction takes this process's tokens, it also
takes, per key, up to twice what this process spent on that key in the last
:data:`LEASE_SECONDS` (its demand: the second half covers the time a renewal
takes), never more than :data:`LEASE_SHARE` of a
second's budget, and keeps them in memory for :data:`LEASE_SECONDS`: sends
spend them without the database (:meth:`DatabaseRateLimiter.take_leased`);
what is left when the lease ends is forfeited, never given to a later send.

Why this never crosses the platform's window: the bucket counts a leased
token when it is taken, and the token may go out later. Sends in a window
of ``W`` seconds are then at most what the bucket allows in ``W`` plus the
leased tokens outstanding at the window's start, ``LEASE_SHARE`` (2.5%) of a
second's budget, which the margin (3%) covers for windows of a second or more.
A slow budget (Telegram's 30 a second per bot, Slack's one a second per
channel, Mastodon's and Bluesky's) is worth less than one token at that share
and is never leased: each of its sends takes its token from the database as
before. A 429 drops the key's lease at once.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Engine, Table, bindparam, select, text, update

from hub.core.bus import queue
from hub.core.models import RateBucket
from hub.core.ports import RateLimit

buckets = cast("Table", RateBucket.__table__)
STALL_SECONDS = 0.008
"""A limiter transaction slower than this shifts its buckets' clocks (see ``_shift``)."""
LEASE_SECONDS = 1.0
"""How long tokens taken ahead stay this process's (see the module's docstring)."""
LEASE_SHARE = 0.025
"""The most a lease holds, as a share of the budget's tokens per second."""


@dataclass
class Lease:
    """Tokens of one key taken ahead by this process in one transaction, spendable
    until ``until`` (a key may hold several, the earliest spent first)."""

    tokens: int
    until: dt.datetime


def live(leases: list[Lease], now: dt.datetime) -> list[Lease]:
    """The leases of ``leases`` not ended by ``now`` and not spent, in order."""
    return [lease for lease in leases if lease.until > now and lease.tokens >= 1]


@dataclass
class Demand:
    """Tokens this process spent on one key: in the lease period from ``since``, and in
    the one before."""

    since: dt.datetime
    spent: int = 0
    before: int = 0

    def note(self, now: dt.datetime, count: int = 1) -> None:
        elapsed = (now - self.since).total_seconds()
        if elapsed >= LEASE_SECONDS:
            self.before = self.spent if elapsed < 2 * LEASE_SECONDS else 0
            self.spent, self.since = 0, now
        self.spent += count

    def expected(self, now: dt.datetime) -> int:
        """Tokens this process will likely spend in the next lease period: the last
        period's, or this one's so far at its pace (from a quarter of a period on)."""
        elapsed = (now - self.since).total_seconds()
        if elapsed >= 2 * LEASE_SECONDS:
            return 0
        if elapsed >= LEASE_SECONDS:
            return self.spent
        pace = self.spent * LEASE_SECONDS / max(elapsed, LEASE_SECONDS / 4)
        return max(self.before, math.ceil(pace))


@dataclass(frozen=True)
class Bucket:
    """A bucket's state: ``tokens`` at ``updated_at``, and a pause set by a 429."""

    tokens: float
    updated_at: dt.datetime
    paused_until: dt.datetime | None = None


def refill(bucket: Bucket, limit: RateLimit, now: dt.datetime, margin: float = 1.0) -> float:
    """The tokens in ``bucket`` at ``now`` (never more than the burst)."""
    elapsed = max(0.0, (now - bucket.updated_at).total_seconds())
    return min(limit.burst, bucket.tokens + elapsed * limit.rate * margin)


def wait_for(bucket: Bucket, limit: RateLimit, now: dt.datetime, margin: float = 1.0) -> float:
    """Seconds until ``bucket`` can give a token (0 when it can now)."""
    if bucket.paused_until is not None and bucket.paused_until > now:
        return (bucket.paused_until - now).total_seconds()
    tokens = refill(bucket, limit, now, margin)
    return 0.0 if tokens >= 1.0 else (1.0 - tokens) / (limit.rate * margin)


class DatabaseRateLimiter:
    """Token buckets in the database, one row per key, shared by all workers.

    The database decides. The limiter also remembers, per key, the earliest
    moment its last look at the database allows another token (``_not_before``):
    tokens only ever appear by refill and other workers only take them, so a
    try before that moment is bound to fail and is answered without a query.
    This keeps a process's waiting sends from all polling the same row at the
    moment a token appears: the first one to wake takes it and moves the mark.

    Fast budgets are leased (see the module's docstring): ``lease_seconds=0``
    turns the lease off, every token then costs a transaction.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        margin: float = 0.97,
        stall_seconds: float | None = STALL_SECONDS,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        self.engine = engine
        self.margin = margin
        self.stall_seconds = stall_seconds
        self.lease_seconds = lease_seconds
        self._leases: dict[str, list[Lease]] = {}
        self._demand: dict[str, Demand] = {}
        self._lock = threading.Lock()  # the loop spends leases while a thread fills them
        self._insert = queue.insert_ignoring_duplicates(buckets, engine.dialect.name, ["key"])
        self._known: set[str] = set()
        self._not_before: dict[str, dt.datetime] = {}
        self._held: dict[str, dt.datetime] = {}

    def _ensure(self, conn: Connection, limits: Sequence[RateLimit], now: dt.datetime) -> None:
        rows = [  # in key order, as the rows are locked: two inserters never deadlock
            {"key": lim.key, "tokens": lim.burst, "updated_at": now}
            for lim in sorted(limits, key=lambda lim: lim.key)
            if lim.key not in self._known
        ]
        if rows:
            conn.execute(self._insert, rows)

    def _local_wait(self, keys: Sequence[str], now: dt.datetime) -> float:
        marks = [self._not_before[k] for k in keys if k in self._not_before]
        return max(((m - now).total_seconds() for m in marks), default=0.0)

    def take_leased(self, limits: Sequence[RateLimit], now: dt.datetime) -> bool:
        """Spend one leased token of every budget and return True, or spend none.

        No database: a send that gets True goes out at once; False means it asks
        the database (:meth:`try_acquire_many`), which may also renew the lease.
        """
        if not limits:
            return True
        keys = {lim.key for lim in limits}
        with self._lock:
            for key in keys:
                self._leases[key] = leases = live(self._leases.get(key, []), now)
                if not leases or self._held_at(key, now):
                    return False
            for key in keys:
                self._leases[key][0].tokens -= 1
                self._note(key, now)
        return True

    def _held_at(self, key: str, now: dt.datetime) -> bool:
        held = self._held.get(key)
        return held is not None and held > now

    def leased(self, key: str, now: dt.datetime) -> int:
        """Tokens of ``key`` this process holds by lease at ``now``."""
        with self._lock:
            return sum(lease.tokens for lease in live(self._leases.get(key, []), now))

    def running_low(self, limits: Sequence[RateLimit], now: dt.datetime) -> list[RateLimit]:
        """The budgets among ``limits`` whose leased tokens lasting past half a lease
        period fall short of this process's demand: renew them before they run out."""
        low = []
        with self._lock:
            for lim in limits:
                demand = self._demand.get(lim.key)
                if demand is None or self._cap(lim) < 1:
                    continue
                leases = live(self._leases.get(lim.key, []), now)
                half_time = now + dt.timedelta(seconds=self.lease_seconds / 2)
                lasting = sum(lease.tokens for lease in leases if lease.until > half_time)
                if lasting < demand.expected(now):
                    low.append(lim)
        return low

    def _note(self, key: str, now: dt.datetime, count: int = 1) -> None:
        demand = self._demand.get(key)
        if demand is None:
            demand = self._demand[key] = Demand(now)
        demand.note(now, count)

    def _cap(self, limit: RateLimit) -> int:
        """The most tokens of ``limit`` a lease may hold (0: a slow budget, never leased)."""
        return min(int(limit.burst), math.floor(limit.rate * self.margin * LEASE_SHARE))

    def try_acquire(self, limits: Sequence[RateLimit], now: dt.datetime) -> float:
        """Take one token from every bucket and return 0, or take none and return the wait."""
        if not limits:
            return 0.0
        return self.try_acquire_many([limits], now)[0]

    def try_acquire_many(
        self,
        requests: Sequence[Sequence[RateLimit]],
        now: dt.datetime,
        *,
        renew: Sequence[RateLimit] = (),
    ) -> list[float]:
        """:meth:`try_acquire` for several sends at once, in one transaction, in order.

        Each request is all-or-nothing on its own, exactly as if asked alone at
        ``now`` one after another; only the transaction is shared (a group commit),
        so sends that ask together cost one round of locks and one commit. The
        same transaction leases fast budgets ahead for this process's demand,
        those of the requests and those in ``renew`` (:meth:`running_low`).
        """
        waits = [0.0] * len(requests)
        asking: list[int] = []
        for index, limits in enumerate(requests):
            local = self._local_wait([lim.key for lim in limits], now) if limits else 0.0
            if local > 0:
                waits[index] = local
            elif limits:
                asking.append(index)
        renewing = {lim.key: lim for lim in renew if self._local_wait([lim.key], now) <= 0}
        if not asking and not renewing:
            return waits
        by_key = {lim.key: lim for index in asking for lim in requests[index]}
        by_key.update({k: lim for k, lim in renewing.items() if k not in by_key})
        began = time.monotonic()
        taken: set[str] = set()
        written = 0.0
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # a bucket's last few milliseconds need not survive a crash; a steady, fast
                # commit keeps the moment a token is taken close to the moment of the send
                conn.execute(text("SET LOCAL synchronous_commit = off"))
            self._ensure(conn, list(by_key.values()), now)
            rows = conn.execute(
                select(
                    buckets.c.key, buckets.c.tokens, buckets.c.updated_at, buckets.c.paused_until
                )
                .where(buckets.c.key.in_(list(by_key)))
                .order_by(buckets.c.key)
                .with_for_update()
            ).all()
            states = {key: Bucket(tokens, updated, paused) for key, tokens, updated, paused in rows}
            left = {k: refill(states[k], by_key[k], now, self.margin) for k in by_key}
            for index in asking:
                keys = {lim.key for lim in requests[index]}
                wait = max(
                    wait_for(
                        Bucket(left[k], now, states[k].paused_until), by_key[k], now, self.margin
                    )
                    for k in keys
                )
                if wait > 0:
                    waits[index] = wait
                    continue
                for key in keys:
                    left[key] -= 1.0
                taken |= keys
            ahead = self._ahead(by_key, left, states, taken, renewing, now)
            for key, count in ahead.items():
                left[key] -= count
            taken |= set(ahead)
            if taken:
                # the tokens count as taken now, not at `now` read before the transaction
                # (see _shift); and another worker may have written a later time (its clock
                # read after ours): never move a bucket's clock back, or the next refill
                # would count time twice
                if self.stall_seconds is not None:  # None: a test's clock, no correction
                    written = time.monotonic() - began
                taken_at = now + dt.timedelta(seconds=written)
                conn.execute(
                    update(buckets)
                    .where(buckets.c.key == bindparam("b_key"))
                    .values(tokens=bindparam("b_tokens"), updated_at=bindparam("b_at")),
                    [
                        {
                            "b_key": k,
                            "b_tokens": left[k],
                            "b_at": max(taken_at, states[k].updated_at),
                        }
                        for k in sorted(taken)
                    ],
                )
        # known once committed: another thread of this process skips a known key's insert
        # and must find its row
        self._known.update(by_key)
        stall = time.monotonic() - began
        self._lease(ahead, now + dt.timedelta(seconds=written), now, requests, asking, waits)
        if taken and self.stall_seconds is not None and stall - written > self.stall_seconds:
            self._shift(sorted(taken), now + dt.timedelta(seconds=stall))
        for key, tokens in left.items():  # a try before these moments is bound to fail
            paused = states[key].paused_until
            if paused is not None and paused > now:
                self._not_before[key] = paused
            elif tokens < 1.0:
                seconds = (1.0 - tokens) / (by_key[key].rate * self.margin)
                self._not_before[key] = now + dt.timedelta(seconds=seconds)
        return waits

    def _ahead(
        self,
        by_key: dict[str, RateLimit],
        left: dict[str, float],
        states: dict[str, Bucket],
        taken: set[str],
        renewing: dict[str, RateLimit],
        now: dt.datetime,
    ) -> dict[str, int]:
        """How many tokens to lease ahead per key: this process's demand, within the cap
        and what the bucket holds, for keys whose sends got tokens or that are renewed."""
        if self.lease_seconds <= 0:
            return {}
        ahead = {}
        with self._lock:
            for key, limit in by_key.items():
                if key not in taken and key not in renewing:
                    continue
                paused = states[key].paused_until
                if self._held_at(key, now) or (paused is not None and paused > now):
                    continue
                demand = self._demand.get(key)
                held = sum(lease.tokens for lease in live(self._leases.get(key, []), now))
                want = 2 * (demand.expected(now) if demand else 0) - held  # a renewal's time
                count = min(self._cap(limit) - held, want, math.floor(left[key]))
                if count > 0:
                    ahead[key] = count
        return ahead

    def _lease(
        self,
        ahead: dict[str, int],
        taken_at: dt.datetime,
        now: dt.datetime,
        requests: Sequence[Sequence[RateLimit]],
        asking: list[int],
        waits: list[float],
    ) -> None:
        """Keep the tokens taken ahead for this process, and count the tokens its sends took."""
        with self._lock:
            for index in asking:
                if waits[index] <= 0:
                    for key in {lim.key for lim in requests[index]}:
                        self._note(key, now)
            until = taken_at + dt.timedelta(seconds=self.lease_seconds)
            for key, count in ahead.items():  # after the leases already held: spent last
                self._leases[key] = [*live(self._leases.get(key, []), now), Lease(count, until)]

    def _shift(self, keys: list[str], sent_at: dt.datetime) -> None:
        """Count a token taken in a slow transaction as taken when the send really starts.

        Tokens are reckoned at the ``now`` read before the transaction; when the
        transaction stalls (a slow commit, a garbage collection), the message leaves
        later than its token says and could crowd the next second's window. Moving the
        bucket's clock forward forfeits that bit of refill, which is always safe. The
        time up to the bucket's update is forfeited in the same transaction; this
        second one runs only when the update and commit themselves took longer than
        ``stall_seconds``.
        """
        # one row at a time in key order, as every transaction here locks them: an UPDATE
        # of several keys locks in the table's order and could deadlock with a take
        with self.engine.begin() as conn:
            conn.execute(
                update(buckets)
                .where(buckets.c.key == bindparam("b_key"), buckets.c.updated_at < sent_at)
                .values(updated_at=sent_at),
                [{"b_key": key} for key in sorted(keys)],
            )

    def pause(self, limits: Sequence[RateLimit], until: dt.datetime, now: dt.datetime) -> None:
        """Stop every worker from spending these budgets before ``until`` (after a 429)."""
        if not limits:
            return
        self.hold(limits, until)
        keys = sorted({lim.key for lim in limits})
        with self.engine.begin() as conn:
            self._ensure(conn, list({lim.key: lim for lim in limits}.values()), now)
            for key in keys:
                row = conn.execute(
                    select(buckets.c.paused_until).where(buckets.c.key == key).with_for_update()
                ).first()
                current = row[0] if row else None
                if current is None or current < until:
                    conn.execute(
                        update(buckets)
                        .where(buckets.c.key == key)
                        .values(paused_until=until, tokens=0.0, updated_at=until)
                    )

    def hold(self, limits: Sequence[RateLimit], until: dt.datetime) -> None:
        """Stop this process's sends on these budgets before ``until``, at once, without
        the database: a worker calls it the moment a 429 arrives, before :meth:`pause`
        (in a database thread) tells every other worker."""
        with self._lock:
            for key in {lim.key for lim in limits}:
                self._held[key] = max(until, self._held.get(key, until))
                self._not_before[key] = max(until, self._not_before.get(key, until))
                self._leases.pop(key, None)  # leased tokens of a paused budget are forfeited

    def held_for(self, limits: Sequence[RateLimit], now: dt.datetime) -> float:
        """Seconds this process still holds any of these budgets (0 when none is held).

        Checked right before a send, after the tokens were taken: a 429 that arrived
        while the tokens were being taken stops the send (its tokens are forfeited).
        """
        ends = [self._held[lim.key] for lim in limits if lim.key in self._held]
        return max([0.0, *((end - now).total_seconds() for end in ends)])

    def paused_until(self, key: str) -> dt.datetime | None:
        """When the pause on ``key`` ends (None if it was never paused)."""
        with self.engine.connect() as conn:
            return conn.execute(select(buckets.c.paused_until).where(buckets.c.key == key)).scalar()
