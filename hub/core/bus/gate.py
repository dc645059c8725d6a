"""A gate of a fixed number of slots, a free slot going to the waiter lowest in order.

The worker lets ``concurrency`` sends through at a time, oldest claim first
(:class:`hub.core.bus.worker.Worker`).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import AsyncIterator


class OrderedGate:
    """At most ``slots`` holders at once, a free slot going to the waiter lowest in order.

    An :class:`asyncio.Semaphore` serves waiters as they came: a send that found its
    budget taken (a chat's second, the bot's horizon) and waited outside the gate came
    back behind every claim made meanwhile, again and again, and sat in the window for
    the whole of a long broadcast; its chat then had several messages left at the end,
    each a chat's second apart, while the bot's budget went unused. In claim order the
    oldest claims are asked for first, and what is left at the end is spread over the
    chats as the queue was.
    """

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._arrivals = itertools.count()  # ties (the same order) as they came

    @contextlib.asynccontextmanager
    async def slot(self, order: int) -> AsyncIterator[None]:
        await self._acquire(order)
        try:
            yield
        finally:
            self._release()

    def try_acquire(self) -> bool:
        """Take a free slot now if one is free and nobody waits for one."""
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return True
        return False

    def release(self) -> None:
        """Give back a slot taken by :meth:`try_acquire`."""
        self._release()

    async def _acquire(self, order: int) -> None:
        if self._free > 0:  # a free slot means nobody waits: _release hands them out
            self._free -= 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (order, next(self._arrivals), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():  # handed a slot as it was cancelled
                self._release()
            raise

    def _release(self) -> None:
        self._free += 1
        while self._free > 0 and self._waiting:
            future = heapq.heappop(self._waiting)[2]
            if not future.done():  # a cancelled waiter's future is done: skipped
                self._free -= 1
                future.set_result(None)
