"""The worker's rolling window: no send waits for the slowest of its batch.

A send that hangs holds its own slot only: the worker records the others as
they end and claims more meanwhile. A claim whose lease ran out before its
turn is given back unsent, never sent (another worker may have taken it over).
"""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import Engine, func, select

from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.models import Delivery, utcnow
from hub.core.ports import ChannelInfo, Message, Receipt
from hub.testing.bus import bus_settings, seed_deliveries
from hub.testing.sinks import InstantSink


class HangingSink(InstantSink):
    """Instant, except that the send of ``hang_id`` waits until ``go`` is set."""

    def __init__(self, hang_id: int, go: asyncio.Event) -> None:
        super().__init__(ChannelInfo("c0", "memory", "#c0"))
        self.hang_id, self.go = hang_id, go
        self.hanging = asyncio.Event()

    async def send(self, message: Message) -> Receipt:
        if message.delivery_id == self.hang_id:
            self.hanging.set()
            await self.go.wait()
        return await super().send(message)


def statuses(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
        return dict(rows.all())


async def until(condition, tries: int = 1000) -> bool:
    for _ in range(tries):
        if await asyncio.to_thread(condition):
            return True
        await asyncio.sleep(0.01)
    return False


def test_a_hanging_send_holds_up_nothing_else(engine: Engine) -> None:
    ids = seed_deliveries(engine, bus_settings(channels=1), 30, now=utcnow())
    config = WorkerConfig(concurrency=4, batch_size=10, poll_interval=0.02)

    async def scenario() -> tuple[dict[str, int], bool, int]:
        go, stop = asyncio.Event(), asyncio.Event()
        sink = HangingSink(ids[0], go)
        worker = Worker(engine, ChannelSinks(lambda row: sink), config=config)
        task = asyncio.create_task(worker.run(stop))
        # every other delivery, three batches' worth, is sent and recorded meanwhile
        others_done = await until(lambda: statuses(engine).get("sent", 0) == len(ids) - 1)
        while_hanging = statuses(engine)
        still_hanging = sink.hanging.is_set() and not go.is_set()
        go.set()
        await until(lambda: statuses(engine) == {"sent": len(ids)})
        stop.set()
        await task
        assert others_done
        return while_hanging, still_hanging, worker.stats.batches

    while_hanging, still_hanging, claims = asyncio.run(scenario())
    assert still_hanging
    assert while_hanging == {"sent": len(ids) - 1, "in_flight": 1}
    assert claims >= 3  # more claims were made while the first batch's send hung
    assert statuses(engine) == {"sent": len(ids)}


def test_a_claim_whose_lease_ran_out_before_its_turn_is_given_back_unsent(engine: Engine) -> None:
    ids = seed_deliveries(engine, bus_settings(channels=1), 3, now=utcnow())
    now = [utcnow()]
    config = WorkerConfig(concurrency=1, batch_size=3, lease_seconds=60.0, poll_interval=0.02)

    async def scenario() -> tuple[HangingSink, Worker, int]:
        go, stop = asyncio.Event(), asyncio.Event()
        sink = HangingSink(ids[0], go)
        worker = Worker(engine, ChannelSinks(lambda row: sink), config=config, clock=lambda: now[0])
        task = asyncio.create_task(worker.run(stop))
        await sink.hanging.wait()  # the first send is out; the other two wait their turn
        now[0] += dt.timedelta(seconds=61)  # ...past their lease, which nobody renewed
        claims_before = worker.stats.batches
        go.set()
        await until(lambda: statuses(engine) == {"sent": 3})
        stop.set()
        await task
        return sink, worker, worker.stats.batches - claims_before

    sink, worker, claims_after = asyncio.run(scenario())
    assert worker.stats.lapsed == 2  # not sent under the lapsed lease, given back...
    assert claims_after >= 1  # ...and sent under a claim of their own
    assert sorted(m.delivery_id for m in sink.sent) == sorted(ids)  # each once
    with engine.connect() as conn:
        attempts = conn.execute(select(Delivery.attempts).order_by(Delivery.id)).scalars().all()
    assert attempts == [1, 1, 1]  # the claims given back unsent were not attempts
