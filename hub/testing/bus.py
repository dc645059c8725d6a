"""Helpers shared by the bus's tests and benchmarks: settings, seeded queues, test sinks.

Nothing here is used by the hub in production; it lives in the package so
that ``hub bench`` can use it without the test suite being installed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import time
from collections import Counter
from typing import ClassVar

from sqlalchemy import Engine, insert

from hub.core.bus.states import DEFAULT_MAX_ATTEMPTS
from hub.core.config.catalog import channel_ids, sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.errors import RateLimited, TransientError
from hub.core.models import Delivery, Item
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt


def bus_settings(channels: int = 4, platform: str = "memory", **hub: object) -> Settings:
    """A deployment with ``channels`` channels ``c0``.. on ``platform`` and one catch-all route."""
    keys = [f"c{i}" for i in range(channels)]
    return Settings.model_validate(
        {
            "hub": {"languages": ["en", "es", "fr"], **hub},
            "channels": {k: {"platform": platform, "target": f"#{k}"} for k in keys},
            "routes": [{"name": "all", "to": keys}],
        }
    )


def seed_deliveries(
    engine: Engine, settings: Settings, count: int, *, now: dt.datetime, with_items: bool = True
) -> list[int]:
    """Queue ``count`` due deliveries spread over the configured channels; returns their ids."""
    with transaction(engine) as session:
        sync_config(session, settings)
        ids = list(channel_ids(session).values())
    rows = []
    with engine.begin() as conn:
        item_ids: list[int | None] = [None] * count
        if with_items:
            result = conn.execute(
                insert(Item).returning(Item.id),
                [
                    {
                        "title": f"News {n}",
                        "summary_text": f"Body {n}",
                        "summary_html": "",
                        "language": "en",
                        "tags": [],
                        "countries": [],
                        "regions": [],
                        "status": "approved",
                        "created_at": now,
                        "updated_at": now,
                    }
                    for n in range(count)
                ],
            )
            item_ids = [row[0] for row in result]
        for n in range(count):
            rows.append(
                {
                    "item_id": item_ids[n],
                    "channel_id": ids[n % len(ids)],
                    "kind": "item" if with_items else "alert",
                    "dedup_key": None if with_items else f"seed-{n}",
                    "payload": {} if with_items else {"title": f"Alert {n}"},
                    "mode": "immediate",
                    "status": "pending",
                    "attempts": 0,
                    "max_attempts": DEFAULT_MAX_ATTEMPTS,
                    "due_at": now,
                    "created_at": now,
                }
            )
        result = conn.execute(insert(Delivery).returning(Delivery.id), rows)
        return [row[0] for row in result]


class FlakySink:
    """A sink that fails like a real platform: 5xx, 429 with retry-after, timeouts.

    It records what it accepted and every send that arrived while its key was
    paused by a 429 it gave (``violations``).
    """

    platform: ClassVar[str] = "flaky"

    def __init__(
        self,
        channel: ChannelInfo,
        *,
        seed: int = 7,
        p_5xx: float = 0.10,
        p_429: float = 0.05,
        p_timeout: float = 0.02,
        retry_after: float = 0.05,
        hang: float = 1.0,
    ) -> None:
        self.channel = channel
        self.rng = random.Random(seed)
        self.p_5xx, self.p_429, self.p_timeout = p_5xx, p_429, p_timeout
        self.retry_after = retry_after
        self.hang = hang
        self.accepted: Counter[int] = Counter()
        self.paused_until = 0.0
        self.violations = 0
        self.answers: Counter[str] = Counter()

    @property
    def key(self) -> str:
        return f"flaky:{self.channel.key}"

    async def start(self) -> None:
        return None

    async def send(self, message: Message) -> Receipt:
        if time.monotonic() < self.paused_until:
            self.violations += 1
        roll = self.rng.random()
        if roll < self.p_5xx:
            self.answers["5xx"] += 1
            raise TransientError("503 Service Unavailable")
        if roll < self.p_5xx + self.p_429:
            self.answers["429"] += 1
            self.paused_until = time.monotonic() + self.retry_after
            raise RateLimited(self.retry_after)
        if roll < self.p_5xx + self.p_429 + self.p_timeout:
            self.answers["timeout"] += 1
            await asyncio.sleep(self.hang)  # the worker's send timeout fires first
        self.answers["ok"] += 1
        self.accepted[message.delivery_id] += 1
        return Receipt(f"flaky-{message.delivery_id}")

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return [RateLimit(self.key, rate=10_000.0, burst=10_000.0)]

    async def close(self) -> None:
        return None
