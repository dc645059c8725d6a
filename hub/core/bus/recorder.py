"""Recording delivery results as they come, one write at a time (a group commit).

Used by the worker (:class:`hub.core.bus.worker.Worker`): a send hanging until its
timeout holds up nothing and leaves only itself unrecorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from hub.core.bus.outbox import Result

log = logging.getLogger(__name__)


class Recorder:
    """Records results as they come, one write at a time (a group commit).

    A result handed over while a write is under way goes into the next one, so
    under load a write carries many results and an idle worker's lone result is
    written at once. ``write`` insists through database trouble on its own.
    """

    def __init__(self, write: Callable[[list[Result]], Awaitable[None]]) -> None:
        self.write = write
        self._pending: list[Result] = []
        self._waiters: list[asyncio.Future[None]] = []
        self._writing = 0
        self._task: asyncio.Task[None] | None = None

    def add(self, result: Result, *, wait: bool = False) -> asyncio.Future[None] | None:
        """Queue ``result``; with ``wait``, a future done once it is written."""
        self._pending.append(result)
        waiter = None
        if wait:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._writes())
        return waiter

    def backlog(self) -> int:
        """Results handed over and not yet written."""
        return len(self._pending) + self._writing

    def busy(self) -> bool:
        return self.backlog() > 0

    async def flush(self) -> None:
        """Until every result handed over so far is written."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def close(self) -> None:
        """Stop writing (on the way out by an error: what is left waits for its lease)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _writes(self) -> None:
        while self._pending:
            await asyncio.sleep(0)  # the sends ending in this turn of the loop join the write
            results, waiters = self._pending, self._waiters
            self._pending, self._waiters = [], []
            self._writing = len(results)
            try:
                await self.write(results)
            except Exception:  # a bug must not stop the writes: the leases will expire
                log.exception("could not record %d results", len(results))
            finally:
                self._writing = 0
                for waiter in waiters:
                    if not waiter.done():
                        waiter.set_result(None)
