"""Polling mode: ``getUpdates`` for deployments without a public URL.

Each batch is committed to the inbox before the offset moves past it: the
next ``getUpdates`` call (with ``offset`` = last ``update_id`` + 1) is what
tells Telegram the batch may be forgotten, so a crash between the two only
makes Telegram send the batch again, and the inbox ignores what it holds.
The updates are stored as python-telegram-bot serialises them back
(``Update.to_dict``), the same JSON shape the webhook receives.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from telegram import Bot

from bots.telegram.ingress import PLATFORM
from hub.core.bus.inbox import accept
from hub.core.db import transaction
from hub.core.models import utcnow

log = logging.getLogger(__name__)


@dataclass
class TelegramPoller:
    """Moves updates from ``getUpdates`` into the inbox."""

    engine: Engine
    bot: Bot
    clock: Callable[[], dt.datetime] = utcnow
    long_poll_seconds: int = 25
    error_pause: float = 5.0
    idle_pause: float = 0.5
    """After an empty answer: a server that does not long-poll (a stand-in) is not hammered."""
    offset: int = 0
    stored: int = 0

    async def poll_once(self, long_poll: int | None = None) -> int:
        """One ``getUpdates`` call; returns how many updates it brought."""
        wait = self.long_poll_seconds if long_poll is None else long_poll
        got = await self.bot.get_updates(
            offset=self.offset, timeout=wait, limit=100, read_timeout=wait + 10
        )
        updates = [u.to_dict() for u in got]
        valid = [u for u in updates if isinstance(u.get("update_id"), int)]
        if valid:
            await asyncio.to_thread(self._store, valid, self.clock())
            # only now, with the batch committed, may the next call confirm it
            self.offset = max(int(u["update_id"]) for u in valid) + 1
        return len(updates)

    def _store(self, updates: list[dict[str, Any]], now: dt.datetime) -> None:
        with transaction(self.engine) as session:
            for update in updates:
                if accept(session, PLATFORM, str(update["update_id"]), update, now):
                    self.stored += 1

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` is set; a failing call waits ``error_pause`` and tries again."""
        while not stop.is_set():
            poll = asyncio.create_task(self.poll_once())
            stopped = asyncio.create_task(stop.wait())
            done, _ = await asyncio.wait({poll, stopped}, return_when=asyncio.FIRST_COMPLETED)
            if poll not in done:
                poll.cancel()  # nothing of an unfinished call was stored or confirmed
                await asyncio.gather(poll, return_exceptions=True)
                break
            stopped.cancel()
            try:
                pause = 0.0 if poll.result() else self.idle_pause
            except Exception as error:  # Telegram or the database: log, pause, go on
                log.warning("telegram polling: %s; trying again", error)
                pause = self.error_pause
            if pause:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), pause)
