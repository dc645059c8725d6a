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

**Late sends push their budget back.** A reserved send leaves at its moment, but
the platform counts it when the request reaches it, which a busy host delays by
anything from a millisecond to a tenth of a second (a process waiting for a core,
the platform's own loop). Constant delay is harmless; a delay that varies lets a
late send and the punctual sends a window after it crowd that window (Telegram
answers 429). After each send the worker tells :meth:`DatabaseRateLimiter.pushes`
how long it took from its moment to the platform's answer; the part of that beyond
this process's quickest recent answer bounds how much later than its moment the
platform can have counted it. Whatever exceeds the budget's tolerance (half of what
the margin leaves of a window, :meth:`DatabaseRateLimiter.tolerance`) moves the
budget's clock forward by as much, for every worker: the sends reserved from then
on (a window later is always after, reservations being at most ``reserve_ahead``
ahead) leave that much later, so a window never holds the late send and a full
window of punctual ones. A punctual host pays nothing; a loaded one pays in pace
what its delays cost, never a 429. The push is capped (:data:`MAX_PUSH`): a send
that was slow for another reason (a thread of several messages) costs at most that.

The share is per process: with ``N`` worker processes on one fast budget, up to
``N`` times :data:`LEASE_SHARE` may be outstanding, which the margin covers only for
one. No platform budget the sinks declare is fast enough to be leased (the fastest,
Telegram's 30 a second per bot, is worth less than one token at that share); a sink
declaring a budget of about 41 a second or more, run by several processes, needs the
share divided by their number first.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
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
IDLE_TOKENS = 0.5
"""A reservation is put off when it would let one of its budgets refill past its burst
by more than this many tokens before its moment (see ``reserve_many``)."""
LEASE_SHARE = 0.025
"""The most a lease holds, as a share of the budget's tokens per second."""
MAX_PUSH = 0.5
"""The most one late send moves its budgets' clocks forward (see ``pushes``)."""
ANSWER_SAMPLES = 64
"""How many recent answer times per budget give the quickest (see ``pushes``)."""


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


def ready_at(bucket: Bucket, limit: RateLimit, margin: float = 1.0) -> dt.datetime:
    """The first moment ``bucket`` (its tokens counted at ``updated_at``, which may be a
    reservation's moment ahead) can give a token."""
    short = max(0.0, 1.0 - bucket.tokens)
    return bucket.updated_at + dt.timedelta(seconds=short / (limit.rate * margin))


@dataclass(frozen=True)
class Grant:
    """The answer to one request of :meth:`DatabaseRateLimiter.reserve_many`: ``taken``,
    the send may leave at ``at`` (``wait`` seconds after the asked moment) and not before;
    else nothing was taken and asking again can succeed in ``wait`` seconds. ``leaves``
    is ``at`` on this process's monotonic clock (``time.monotonic``): the send waits
    for it, and a grant that reaches its send after it is late, whatever the injected
    clock says."""

    taken: bool
    wait: float
    at: dt.datetime
    leaves: float = 0.0
    late: float = 0.0
    """How late after ``leaves`` the send may still leave: what the margin leaves of its
    budgets' bursts (:meth:`DatabaseRateLimiter.late_allowance`); a caller may allow
    more of its own (the worker never less than its ``LATE_TOLERANCE``)."""
    leased: bool = False
    """Spent from this process's lease (:meth:`DatabaseRateLimiter.take_leased`): taken
    now, with no database between the take and the send, and no 429's hold meanwhile."""


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
        self._answers: dict[str, deque[float]] = {}
        self._pushed: dict[str, deque[tuple[float, float]]] = {}

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
        keys = (
            [limits[0].key] if len(limits) == 1 else list(dict.fromkeys(lim.key for lim in limits))
        )
        with self._lock:
            for key in keys:
                leases = self._leases.get(key)
                if not leases:
                    return False
                head = leases[0]
                if head.until <= now or head.tokens < 1:  # spent or ended: drop what is
                    self._leases[key] = leases = live(leases, now)
                    if not leases:
                        return False
                if self._held and self._held_at(key, now):
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

    def running_low(
        self, limits: Iterable[RateLimit], now: dt.datetime, *, soon: float = 0.0
    ) -> list[RateLimit]:
        """The budgets among ``limits`` whose leased tokens lasting past half a lease
        period (and ``soon`` seconds more) fall short of this process's demand: renew
        them before they run out. A renewal round asks with ``soon`` for every fast key
        of the process, so keys running low within ``soon`` of each other are renewed in
        one transaction, not one each."""
        low = []
        half_time = now + dt.timedelta(seconds=self.lease_seconds / 2 + soon)
        with self._lock:
            for lim in limits:
                demand = self._demand.get(lim.key)
                if demand is None or self._cap(lim) < 1:
                    continue
                leases = live(self._leases.get(lim.key, []), now)
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
        grants = self.reserve_many(requests, now, renew=renew)
        return [0.0 if grant.taken else grant.wait for grant in grants]

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
        """Reserve one token of every budget of each request, for the earliest moment
        its budgets allow, when that moment is at most ``within`` seconds after ``now``.

        A reservation is all-or-nothing and is taken for its moment (``Grant.at``),
        not for ``now``: the bucket's clock moves to that moment, so the next
        reservation of the same budget comes a full token's time after the send that
        waits for it, whenever the transactions ran. The send must not leave before
        ``at`` (it may leave later: that only widens the gap before it). Sends that
        want more of a budget than it has line up in reservations back to back, so
        none of the budget is lost while a worker asks again. A request whose moment
        lies further ahead (or that a 429 paused) takes nothing; its grant's ``wait``
        says when asking again can succeed. ``within=0`` is :meth:`try_acquire_many`.

        With ``clock``, the moment is read again once the budgets' rows are locked:
        a transaction that waited for another worker's lock then reserves from the
        moment it got it, not from ``now`` (a reservation made for a moment already past
        would let the send leave later than its bucket counts it, and the next send of
        the budget then crowds it). ``lead`` puts every reservation at least that far
        after that moment, so the commit and the trip back to the sender happen before
        it: the send leaves at its moment, not late by the database's time. The lead is
        for slow budgets, whose every send is a reservation: a request whose budgets are
        all fast (worth a lease, see :meth:`_cap`) that they can serve now is taken now,
        so its bucket's clock stays at ``now`` and the same transaction leases the
        process's demand ahead; with a lead it would be reserved ahead and never leased,
        and every send of a fast budget would cost a transaction. A caller
        that passes ``clock`` must not send a grant that reaches it after its ``at``
        (it forfeits the tokens and asks again): no second transaction then moves the
        buckets' clocks for a slow commit (``_shift``).
        """
        grants = [Grant(True, 0.0, now, time.monotonic())] * len(requests)
        asking: list[int] = []
        for index, limits in enumerate(requests):
            local = self._local_wait([lim.key for lim in limits], now) if limits else 0.0
            if local > within:
                grants[index] = Grant(False, local - within, now)
            elif limits:
                asking.append(index)
        renewing = {lim.key: lim for lim in renew if self._local_wait([lim.key], now) <= 0}
        if not asking and not renewing:
            return grants
        by_key = {lim.key: lim for index in asking for lim in requests[index]}
        by_key.update({k: lim for k, lim in renewing.items() if k not in by_key})
        began = time.monotonic()
        taken: set[str] = set()
        ahead: dict[str, int] = {}
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
            if clock is not None:  # the locks may have taken a while: count from now
                now, began = max(now, clock()), time.monotonic()
            earliest = now + dt.timedelta(seconds=lead)
            # each budget as tokens at a moment: now, or a reservation's moment ahead
            left = {
                k: Bucket(refill(states[k], by_key[k], now, self.margin), max(now, b.updated_at))
                for k, b in states.items()
                if k in by_key
            }
            for index in asking:
                keys = {lim.key for lim in requests[index]}
                paused = max(
                    (p for k in keys if (p := states[k].paused_until) is not None), default=now
                )
                if paused > now:
                    grants[index] = Grant(False, (paused - now).total_seconds(), now)
                    continue
                at = max(ready_at(left[k], by_key[k], self.margin) for k in keys)
                wait = max(0.0, (at - now).total_seconds())
                if wait > within:
                    grants[index] = Grant(False, wait - within, now)
                    continue
                if not all(self._cap(by_key[k]) >= 1 for k in keys):
                    at = max(at, earliest)  # a fast budget's token is taken now (see `lead`)
                wait = (at - now).total_seconds()
                idle = max(self._idles(left, by_key, keys, earliest, at), default=0.0)
                if idle > IDLE_TOKENS:
                    # one budget (a chat's) would hold back another (the bot's) that could
                    # give its tokens before ``at`` to other sends: ask again just before
                    # ``at``, when those are taken or nobody wanted them
                    grants[index] = Grant(False, (at - earliest).total_seconds(), now)
                    continue
                for key in keys:
                    tokens = refill(left[key], by_key[key], at, self.margin)
                    left[key] = Bucket(tokens - 1.0, at)
                allowance = self.late_allowance(requests[index])
                grants[index] = Grant(True, wait, at, began + wait, allowance)
                taken |= keys
            ahead = self._ahead(by_key, left, states, taken, renewing, now)
            for key, count in ahead.items():
                left[key] = Bucket(left[key].tokens - count, left[key].updated_at)
            taken |= set(ahead)
            if taken:
                # the tokens count as taken now (or at their reservation), not at `now` read
                # before the transaction (see _shift); and another worker may have written a
                # later time (its clock read after ours): never move a bucket's clock back,
                # or the next refill would count time twice
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
                            "b_tokens": left[k].tokens,
                            "b_at": max(taken_at, left[k].updated_at, states[k].updated_at),
                        }
                        for k in sorted(taken)
                    ],
                )
        # known once committed: another thread of this process skips a known key's insert
        # and must find its row
        self._known.update(by_key)
        stall = time.monotonic() - began
        self._lease(ahead, now + dt.timedelta(seconds=written), now, requests, asking, grants)
        sent_at = now + dt.timedelta(seconds=stall)
        # with ``clock`` the caller forfeits a reservation it gets after its moment (see
        # hub.core.bus.worker.Budgets): no send leaves later than its bucket counts it
        if (
            taken
            and clock is None
            and self.stall_seconds is not None
            and stall - written > self.stall_seconds
        ):
            # only the budgets whose send leaves at once, not at a reservation still ahead
            late = [k for k in sorted(taken) if left[k].updated_at < sent_at]
            if late:
                self._shift(late, sent_at)
        for key, bucket in left.items():  # a try before these moments is bound to fail
            pause = states[key].paused_until
            if pause is not None and pause > now:
                self._not_before[key] = pause
            else:
                ready = ready_at(bucket, by_key[key], self.margin)
                if ready > now:
                    self._not_before[key] = ready
        return grants

    def late_allowance(self, limits: Sequence[RateLimit]) -> float:
        """How late a send may leave after its reservation's moment and stay within every
        one of ``limits``: half the time the margin leaves of each budget's burst
        (``(1 - margin) x burst / rate``), the least of them. A late send is counted
        earlier than it leaves, so the next ones crowd it; within this allowance the
        margin over the burst absorbs that. Telegram's bot (a burst of one token at
        29/s) allows half a millisecond; Slack's channel (2 at 1/s) 30 ms; Mastodon's
        account (10 at one per 37 s) five seconds: a cold worker's first sends, late
        by a slow start, no longer forfeit ten tokens that take six minutes to come back.
        """
        if not limits:
            return 0.0
        return min((1 - self.margin) * lim.burst / lim.rate / 2 for lim in limits)

    def tolerance(self, limit: RateLimit) -> float:
        """How much later than its moment a send of ``limit`` may reach the platform,
        unlike the sends around it, and the budget still hold: half of what the margin
        leaves of a window of a second (or of one token's time, for a budget slower than
        one a second). Telegram's bot and Slack's channel: 15 ms; Mastodon's account
        (one per 37 s) half a second."""
        return (1 - self.margin) * max(1.0, 1 / limit.rate) / 2

    def pushes(self, limits: Sequence[RateLimit], answered: float) -> list[tuple[RateLimit, float]]:
        """After a reserved send, ``answered`` seconds from its moment (``Grant.leaves``)
        to the platform's answer: how far to move forward the clock of each budget the
        send may have reached late beyond its :meth:`tolerance` (see the module's
        docstring); none, most of the time. No database: :meth:`push` applies them.

        The pushes this process made since the send's moment count against its own:
        they move every reservation made after them, so sends late together (one
        stall of the host) push once, not once each.

        Leased budgets are left alone (their sends never wait for a moment); the
        quickest of this process's recent answers on any of the send's budgets is taken
        as the trip every send makes, so a distant platform costs nothing, only a
        varying delay.
        """
        answered = max(0.0, answered)
        waited = [lim for lim in limits if self._cap(lim) < 1]
        pushes = []
        with self._lock:
            for lim in waited:
                answers = self._answers.get(lim.key)
                if answers is None:
                    answers = self._answers[lim.key] = deque(maxlen=ANSWER_SAMPLES)
                answers.append(answered)
            # the trip is the request's, whichever budget saw it quickest: a chat's few
            # sends take their trip from the bot's many
            trip = min((min(self._answers[lim.key]) for lim in waited), default=answered)
            now = time.monotonic()
            for lim in waited:
                # the pushes made since this send's moment already move every later
                # reservation: sends late together (one stall of the host) push once
                pushed = self._pushed.setdefault(lim.key, deque())
                while pushed and pushed[0][0] < now - 2 * MAX_PUSH - answered:
                    pushed.popleft()
                since = sum(push for moment, push in pushed if moment >= now - answered)
                push = min(MAX_PUSH, answered - trip - self.tolerance(lim)) - since
                if push > 0:
                    pushes.append((lim, push))
                    pushed.append((now, push))
        return pushes

    def push(self, pushes: Sequence[tuple[RateLimit, float]], now: dt.datetime) -> None:
        """Move each budget's clock forward by its push, for every worker: from a
        reservation standing ahead, or from ``now`` (what the bucket held by then is
        kept, its refill over the push forfeited)."""
        if not pushes:
            return
        by_key = {lim.key: (lim, push) for lim, push in pushes}
        moved = []
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(buckets.c.key, buckets.c.tokens, buckets.c.updated_at)
                .where(buckets.c.key.in_(sorted(by_key)))
                .order_by(buckets.c.key)
                .with_for_update()
            ).all()
            for key, tokens, updated in rows:
                limit, push = by_key[key]
                at = max(updated, now)
                left = refill(Bucket(tokens, updated), limit, at, self.margin)
                moved.append((key, left, at + dt.timedelta(seconds=push)))
            if moved:
                conn.execute(
                    update(buckets)
                    .where(buckets.c.key == bindparam("b_key"))
                    .values(tokens=bindparam("b_tokens"), updated_at=bindparam("b_at")),
                    [{"b_key": k, "b_tokens": t, "b_at": at} for k, t, at in moved],
                )
        with self._lock:  # a try before these moments is bound to fail
            for key, tokens, at in moved:
                ready = ready_at(Bucket(tokens, at), by_key[key][0], self.margin)
                self._not_before[key] = max(ready, self._not_before.get(key, ready))

    def _idles(
        self,
        left: dict[str, Bucket],
        by_key: dict[str, RateLimit],
        keys: set[str],
        earliest: dt.datetime,
        at: dt.datetime,
    ) -> list[float]:
        """Per budget of a reservation for ``at``, the tokens it would lose: those it would
        refill past its burst between the moment it could give one (not before
        ``earliest``) and ``at``, and so never give to any send."""
        lost = []
        for key in keys:
            bucket, limit = left[key], by_key[key]
            ready = max(ready_at(bucket, limit, self.margin), earliest)
            pace = limit.rate * self.margin

            def unspent(moment: dt.datetime, b: Bucket = bucket, p: float = pace) -> float:
                return b.tokens + max(0.0, (moment - b.updated_at).total_seconds()) * p

            lost.append(
                max(0.0, unspent(at) - limit.burst) - max(0.0, unspent(ready) - limit.burst)
            )
        return lost

    def _ahead(
        self,
        by_key: dict[str, RateLimit],
        left: dict[str, Bucket],
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
        # what outlives three quarters of a lease: a renewal's tokens outlast the half
        # (when the next one is due) by the quarter within which keys renew together
        kept = now + dt.timedelta(seconds=self.lease_seconds * 3 / 4)
        with self._lock:
            for key, limit in by_key.items():
                if key not in taken and key not in renewing:
                    continue
                paused = states[key].paused_until
                if self._held_at(key, now) or (paused is not None and paused > now):
                    continue
                if left[key].updated_at > now:  # reserved ahead: nothing to lease now
                    continue
                demand = self._demand.get(key)
                leases = live(self._leases.get(key, []), now)
                held = sum(lease.tokens for lease in leases)
                # the demand of a renewal's time, beside the tokens that will still be
                # there: those that end sooner, counted too, made renewals too small to
                # last (a new round every few sends' time once the older lease ran out)
                lasting = sum(lease.tokens for lease in leases if lease.until > kept)
                want = 2 * (demand.expected(now) if demand else 0) - lasting
                count = min(self._cap(limit) - held, want, math.floor(left[key].tokens))
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
        grants: list[Grant],
    ) -> None:
        """Keep the tokens taken ahead for this process, and count the tokens its sends took."""
        with self._lock:
            for index in asking:
                if grants[index].taken:
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
                    select(buckets.c.paused_until, buckets.c.updated_at)
                    .where(buckets.c.key == key)
                    .with_for_update()
                ).first()
                current = row[0] if row else None
                if current is None or current < until:
                    # a reservation may already stand beyond ``until`` (another worker's
                    # send waits for it): the bucket's clock never moves back, or the next
                    # reservation would crowd that send (a second 429, on a chat's budget)
                    reserved = row[1] if row else None
                    conn.execute(
                        update(buckets)
                        .where(buckets.c.key == key)
                        .values(
                            paused_until=until,
                            tokens=0.0,
                            updated_at=max(until, reserved) if reserved else until,
                        )
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
