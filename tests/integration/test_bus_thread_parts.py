"""The ledger knows every part of a thread as it is posted (the worker's ``progress``).

A sink that posts three parts and fails after the second leaves both parts'
ids in the delivery's ``platform_message_id``; the next attempt is handed them
(``Message.posted``) and posts only the third, and the sent delivery names all
three.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from sqlalchemy import select, update

from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.retry import RetryPolicy
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.errors import TransientError
from hub.core.models import Delivery, utcnow
from hub.core.ports import Message, RateLimit, Receipt
from hub.testing.bus import bus_settings, seed_deliveries

FAST = WorkerConfig(concurrency=1, batch_size=2, poll_interval=0.02, until_idle=True)


class ThreadSink:
    """Posts three parts; the first attempt fails after posting the second."""

    platform: ClassVar[str] = "test"

    def __init__(self) -> None:
        self.posted: list[str] = []
        self.handed: list[tuple[str, ...]] = []

    async def start(self) -> None:
        pass

    async def send(self, message: Message) -> Receipt:
        self.handed.append(message.posted)
        ids = list(message.posted)
        for index in range(len(ids), 3):
            part = f"{message.delivery_id}-{index}"
            self.posted.append(part)
            ids.append(part)
            assert message.progress is not None
            await message.progress(tuple(ids))
            if message.attempt == 1 and index == 1:
                raise TransientError("connection reset after the second part")
        return Receipt(" ".join(ids))

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return []

    async def close(self) -> None:
        pass


def test_a_thread_interrupted_mid_way_resumes_after_the_recorded_parts(engine):
    settings = bus_settings(channels=1)
    [delivery_id] = seed_deliveries(engine, settings, 1, now=utcnow())
    sink = ThreadSink()

    def build(row: ChannelRow) -> ThreadSink:
        return sink

    policy = RetryPolicy(base_delay=0.01, max_delay=0.02)
    asyncio.run(Worker(engine, ChannelSinks(build), config=FAST, policy=policy).run())
    with engine.begin() as conn:  # the retry falls due now, whether or not the run saw it
        conn.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status == "pending")
            .values(due_at=utcnow())
        )
    asyncio.run(Worker(engine, ChannelSinks(build), config=FAST, policy=policy).run())
    assert sink.posted == [f"{delivery_id}-0", f"{delivery_id}-1", f"{delivery_id}-2"]
    assert sink.handed == [(), (f"{delivery_id}-0", f"{delivery_id}-1")]
    with engine.connect() as conn:
        row = conn.execute(
            select(Delivery.status, Delivery.platform_message_id).where(Delivery.id == delivery_id)
        ).one()
    assert row.status == "sent"
    assert row.platform_message_id == " ".join(sink.posted)


def test_a_lost_lease_stops_the_thread(engine):
    """Once another worker holds the row, the parts are its to post: progress refuses."""
    settings = bus_settings(channels=1)
    [delivery_id] = seed_deliveries(engine, settings, 1, now=utcnow())

    class Stolen(ThreadSink):
        async def send(self, message: Message) -> Receipt:
            with engine.begin() as conn:
                conn.execute(
                    update(Delivery)
                    .where(Delivery.id == delivery_id)
                    .values(leased_by="someone-else/1")
                )
            assert message.progress is not None
            await message.progress(("x-0",))
            return Receipt("x-0")

    sink = Stolen()
    policy = RetryPolicy(base_delay=0.01, max_delay=0.02)
    worker = Worker(engine, ChannelSinks(lambda row: sink), config=FAST, policy=policy)
    stats = asyncio.run(worker.run())
    assert stats.sent == 0
    with engine.connect() as conn:
        mid = conn.execute(select(Delivery.platform_message_id).where(Delivery.id == delivery_id))
        assert mid.scalar() is None
