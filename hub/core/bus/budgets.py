"""Taking the rate budgets of the sends that ask together, in one transaction.

The worker's sends ask :class:`Budgets` for a token of every budget they spend
(:mod:`hub.core.bus.ratelimit` keeps the buckets); tokens leased to the process are
spent without the database, and leases running low are renewed together.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable

from hub.core.bus.queue import DatabaseThreads
from hub.core.bus.ratelimit import DatabaseRateLimiter, Grant
from hub.core.ports import RateLimit

Clock = Callable[[], dt.datetime]

_LEASED = Grant(True, 0.0, dt.datetime.min, leased=True)
"""A send that spent leased tokens: taken now, nothing to wait for (its moment and
monotonic time are not read: :meth:`Worker._deliver` looks at ``leased`` first)."""

LATE_TOLERANCE = 0.015
"""How late (s) a reservation may reach its send and still be sent (see Budgets.in_time):
half of what the limiter's margin leaves in a second's window of a budget spent back to
back (3% of a second), the other half for the trip to the platform."""
LOOK_INTERVAL = 0.005
"""How often (s) at most a send spending leased tokens looks whether its budgets' leases
run low (:meth:`DatabaseRateLimiter.running_low`, a look at every lease of the key):
a lease lasts a second and is renewed at its half, so a look 5 ms late changes nothing,
and a fast budget's thousands of sends a second no longer each pay for it."""
_LOOK_INTERVAL = dt.timedelta(seconds=LOOK_INTERVAL)
RENEW_TOGETHER = 0.25
"""A renewal round renews, beside the key running low, every fast key of the process
that would run low within this many seconds (a quarter of a lease): a process sending
to many fast keys renews them in one transaction, not one each every half second."""


class Budgets:
    """Takes the rate budgets of the sends that ask together in one transaction.

    A send asks and waits; the first ask starts a round in a database thread,
    and every ask made while a round is under way joins the next one, so under
    load a round serves many sends (a group commit) and an idle worker's lone
    send is not delayed. Each ask is still all-or-nothing, as if asked alone
    (:meth:`DatabaseRateLimiter.try_acquire_many`).
    """

    def __init__(
        self,
        limiter: DatabaseRateLimiter,
        db: DatabaseThreads,
        clock: Clock,
        *,
        within: float = 0.0,
        lead: float = 0.0,
    ) -> None:
        self.limiter = limiter
        self.db = db
        self.clock = clock
        self.within = within
        self.lead = self.base_lead = lead
        self._asks: list[tuple[int, list[RateLimit], asyncio.Future[Grant]]] = []
        self._renew: dict[str, RateLimit] = {}
        self._round: asyncio.Task[None] | None = None
        self._next_look: dict[str | tuple[str, ...], dt.datetime] = {}
        """When the sends of these keys next look whether their leases run low."""
        self._fast: dict[str, RateLimit] = {}
        """Every budget whose renewal this process asked for: renewed together."""
        self._renewing: set[str] = set()
        """The keys the round under way renews."""

    async def take(self, limits: list[RateLimit], order: int = 0) -> Grant:
        """A token of every budget, taken for a moment at most ``within`` seconds ahead,
        or none and the seconds to wait before asking again.

        A token leased to this process is spent at once, without the database; a
        lease running low is renewed in the background, before it runs out.
        """
        if self.take_leased(limits):
            return _LEASED
        answer: asyncio.Future[Grant] = asyncio.get_running_loop().create_future()
        self._asks.append((order, limits, answer))
        self._start()
        return await answer

    def take_leased(self, limits: list[RateLimit], now: dt.datetime | None = None) -> bool:
        """A leased token of every budget, now (``now``, when the caller just read the
        clock), or none (False: ask with :meth:`take`). A lease running low is renewed in
        the background, before it runs out."""
        if now is None:
            now = self.clock()
        if self.limiter.take_leased(limits, now):
            keys = limits[0].key if len(limits) == 1 else tuple(lim.key for lim in limits)
            look = self._next_look.get(keys)
            if look is None or now >= look:
                self._next_look[keys] = now + _LOOK_INTERVAL
                if self.limiter.running_low(limits, now):
                    # every fast key of the process that runs low soon joins the round:
                    # one transaction renews them all, not one each every half second
                    for lim in limits:
                        self._fast.setdefault(lim.key, lim)
                    low = self.limiter.running_low(self._fast.values(), now, soon=RENEW_TOGETHER)
                    # a key the round under way renews is not renewed again right after it
                    self._renew.update(
                        {lim.key: lim for lim in low if lim.key not in self._renewing}
                    )
                    if self._renew:
                        self._start()
            return True
        return False

    def in_time(self, grant: Grant, *, woke: bool = False) -> bool:
        """Whether a taken grant reached its send by its moment (within
        :data:`LATE_TOLERANCE`). One that did not tells the next rounds to reserve
        further ahead (the lead grows by its lateness, up to half of ``within``); the
        lead shrinks back slowly while grants come in time."""
        late = time.monotonic() - grant.leaves
        if late > max(LATE_TOLERANCE, grant.late):  # a slow budget's burst allows more
            if not woke:  # the database's answer came late: reserve further ahead
                self.lead = min(max(self.within / 2, self.base_lead), self.lead + late)
            return False
        if grant.wait > 0:  # a reservation made in the database, in time
            self.lead = max(self.base_lead, self.lead * 0.99)
        return True

    def _acquire(self, requests: list[list[RateLimit]], renew: list[RateLimit]) -> list[Grant]:
        """The round's transaction, in a database thread. The clock is read here, as the
        transaction starts, not on the loop before: a round that waited for a busy thread
        would count its tokens as taken that much earlier than they go out, and the
        bucket would refill that much early (another worker's send to the same chat
        then reached Telegram within the second, a 429)."""
        return self.limiter.reserve_many(
            requests,
            self.clock(),
            within=self.within,
            lead=self.lead,
            clock=self.clock,
            renew=renew,
        )

    def _start(self) -> None:
        if self._round is None or self._round.done():
            self._round = asyncio.create_task(self._rounds())

    async def _rounds(self) -> None:
        while self._asks or self._renew:
            # the oldest claims first: within a round, the first ask a budget can serve gets it
            asks, self._asks = sorted(self._asks, key=lambda ask: ask[0]), []
            renew, self._renew = list(self._renew.values()), {}
            self._renewing = {lim.key for lim in renew}
            try:
                grants = await self.db.run(self._acquire, [limits for _, limits, _ in asks], renew)
            except Exception as error:  # every ask of the round hears of it
                for _, _, answer in asks:
                    if not answer.done():
                        answer.set_exception(error)
                continue
            finally:
                self._renewing = set()
            for (_, _, answer), grant in zip(asks, grants, strict=True):
                if not answer.done():  # a send cancelled meanwhile forfeits its tokens
                    answer.set_result(grant)
