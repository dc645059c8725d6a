"""The worker's gate lets sends in by claim order, not by who came first; a worker whose
rate budgets hold its sends back claims a few seconds of them, not a whole batch."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import create_engine

from hub.core.bus.gate import OrderedGate
from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.worker import HELD_BACK_SECONDS, Worker, WorkerConfig
from hub.core.ports import Sink


def test_a_freed_slot_goes_to_the_waiter_first_in_order_not_first_come():
    async def main() -> list[int]:
        gate = OrderedGate(1)
        entered: list[int] = []
        holder_in, release = asyncio.Event(), asyncio.Event()

        async def holder() -> None:
            async with gate.slot(0):
                holder_in.set()
                await release.wait()

        async def waiter(order: int) -> None:
            async with gate.slot(order):
                entered.append(order)

        first = asyncio.create_task(holder())
        await holder_in.wait()
        waiters = [asyncio.create_task(waiter(order)) for order in (7, 2, 5)]
        await asyncio.sleep(0)  # every waiter is queued behind the holder
        assert entered == []
        release.set()
        await asyncio.gather(first, *waiters)
        return entered

    assert asyncio.run(main()) == [2, 5, 7]


def test_a_cancelled_waiter_is_skipped_and_its_slot_not_lost():
    async def main() -> list[int]:
        gate = OrderedGate(1)
        entered: list[int] = []
        release = asyncio.Event()

        async def holder() -> None:
            async with gate.slot(0):
                await release.wait()

        async def waiter(order: int) -> None:
            async with gate.slot(order):
                entered.append(order)

        first = asyncio.create_task(holder())
        await asyncio.sleep(0)
        cancelled = asyncio.create_task(waiter(1))
        later = asyncio.create_task(waiter(9))
        await asyncio.sleep(0)
        cancelled.cancel()
        release.set()
        await asyncio.gather(first, later)
        async with gate.slot(3):  # the slot came back: free again, no waiting
            entered.append(3)
        return entered

    assert asyncio.run(main()) == [9, 3]


def test_slots_are_shared_up_to_their_number():
    async def main() -> int:
        gate = OrderedGate(3)
        inside, most = 0, 0

        async def send(order: int) -> None:
            nonlocal inside, most
            async with gate.slot(order):
                inside += 1
                most = max(most, inside)
                await asyncio.sleep(0)
                inside -= 1

        await asyncio.gather(*(send(order) for order in range(10)))
        return most

    assert asyncio.run(main()) == 3


class _Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def _no_sink(row: ChannelRow) -> Sink:
    raise AssertionError("nothing is sent here")


def _worker(clock: _Clock) -> Worker:
    return Worker(create_engine("sqlite://"), ChannelSinks(_no_sink), clock=clock)


def test_a_worker_claims_whole_batches_unless_its_budgets_hold_sends_back():
    clock = _Clock()
    worker = _worker(clock)
    config = WorkerConfig()
    assert worker._window() == config.batch_size
    worker._held_back = clock()
    clock.advance(HELD_BACK_SECONDS / 2)
    assert worker._window() == config.concurrency  # no more than it sends at once
    clock.advance(HELD_BACK_SECONDS)
    assert worker._window() == config.batch_size  # nothing held back of late: a batch
