"""Sinks of the bus itself: for tests, benchmarks and demos (no platform behind them).

- :class:`InstantSink` (platform ``memory``) accepts everything at once and
  keeps what it got in memory.
- :class:`RecordingSink` (platform ``recording``) appends one JSON line per
  message to the file named by the channel's ``target``, so that several worker
  processes can be checked afterwards for lost or duplicated deliveries.
- :class:`SlowSink` (platform ``slow``) takes a set time per send, as a
  platform's round trip would (``hub bench worker``).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
from typing import ClassVar

from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt


class InstantSink:
    """Accepts every message immediately; ``sent`` holds them in arrival order.

    With ``rate``, it declares a budget of that many sends a second on its channel,
    as every real sink declares one, so the worker's rate limiter runs on its path.
    """

    platform: ClassVar[str] = "memory"

    def __init__(
        self,
        channel: ChannelInfo,
        secret: str | None = None,
        *,
        keep: bool = True,
        rate: float | None = None,
    ):
        self.channel = channel
        self.keep = keep
        self.rate = rate
        self.sent: list[Message] = []
        self.count = 0
        # the same budget for every message: made once (a sink's limits are data)
        self._limits = (
            [] if rate is None else [RateLimit(f"instant:{channel.key}", rate=rate, burst=rate)]
        )

    async def start(self) -> None:
        return None

    async def send(self, message: Message) -> Receipt:
        self.count += 1
        if self.keep:
            self.sent.append(message)
        return Receipt(f"{self.channel.key}:{message.delivery_id}")

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return self._limits

    async def close(self) -> None:
        return None


class RecordingSink:
    """Appends ``{"delivery_id", "channel", "pid", "at"}`` per message to the target file.

    Each line is written with one ``write`` on a file opened in append mode,
    which POSIX keeps whole even when several processes append at once.
    """

    platform: ClassVar[str] = "recording"

    def __init__(self, channel: ChannelInfo, secret: str | None = None):
        self.channel = channel
        self.path = channel.target
        self._fd: int | None = None

    async def start(self) -> None:
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    async def send(self, message: Message) -> Receipt:
        if self._fd is None:
            await self.start()
        assert self._fd is not None
        line = {
            "delivery_id": message.delivery_id,
            "channel": self.channel.key,
            "title": message.title,
            "pid": os.getpid(),
            "at": time.time(),
        }
        os.write(self._fd, (json.dumps(line) + "\n").encode())
        return Receipt(f"rec:{message.delivery_id}")

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return []

    async def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def read_recording(path: str) -> list[dict[str, object]]:
    """The lines a :class:`RecordingSink` wrote (a torn last line is ignored)."""
    records = []
    try:
        with open(path, encoding="utf-8") as file:
            for line in file:
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
    except FileNotFoundError:
        return []
    return records


class SlowSink:
    """Takes ``latency`` seconds per send (``slow_latency`` for a ``slow_fraction`` of them).

    It stands for a platform's round trip without a platform: the send awaits
    ``asyncio.sleep``, so a worker's loop stays free while it waits, as with a
    real HTTP client. Which sends are slow depends only on the delivery id, so
    two runs over the same queue meet the same slow sends. Like every real sink
    it declares a budget (far above any pace it can reach unless ``rate`` is
    given), so the worker's rate limiter runs on its path.
    """

    platform: ClassVar[str] = "slow"

    def __init__(
        self,
        channel: ChannelInfo,
        secret: str | None = None,
        *,
        latency: float = 0.05,
        slow_fraction: float = 0.0,
        slow_latency: float = 2.0,
        rate: float | None = 10_000.0,
    ) -> None:
        self.channel = channel
        self.latency = latency
        self.slow_fraction = slow_fraction
        self.slow_latency = slow_latency
        self.rate = rate
        self.count = 0

    def latency_of(self, delivery_id: int) -> float:
        """How long the send of ``delivery_id`` takes (the same in every run)."""
        if self.slow_fraction > 0 and random.Random(delivery_id).random() < self.slow_fraction:
            return self.slow_latency
        return self.latency

    async def start(self) -> None:
        return None

    async def send(self, message: Message) -> Receipt:
        await asyncio.sleep(self.latency_of(message.delivery_id))
        self.count += 1
        return Receipt(f"slow:{message.delivery_id}")

    def rate_limits(self, message: Message) -> list[RateLimit]:
        if self.rate is None:
            return []
        return [RateLimit(f"slow:{self.channel.key}", rate=self.rate, burst=self.rate)]

    async def close(self) -> None:
        return None
