"""The inbox worker: leases of a dead worker are taken over, fenced, and retries end."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import Engine, select

from hub.core.bus.inbox import InboxRecord, InboxRetry, InboxWorker, Outcome, accept, claim, record
from hub.core.db import transaction
from hub.core.models import InboxEvent

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def stored(engine: Engine) -> InboxEvent:
    with transaction(engine) as session:
        [row] = session.scalars(select(InboxEvent)).all()
        return row


def test_a_dead_workers_lease_is_taken_over_and_its_late_result_ignored(engine: Engine) -> None:
    with transaction(engine) as session:
        assert accept(session, "telegram", "1", {"update_id": 1}, NOW)
    [first] = claim(engine, NOW, limit=10, lease_seconds=60)
    assert claim(engine, NOW + dt.timedelta(seconds=59), limit=10, lease_seconds=60) == []
    later = NOW + dt.timedelta(seconds=61)  # the first worker died holding it
    [second] = claim(engine, later, limit=10, lease_seconds=60)
    assert (first.attempt, second.attempt) == (1, 2)
    record(engine, [Outcome(second)], later)
    record(engine, [Outcome(first, "late failure", later)], later)  # fenced out
    row = stored(engine)
    assert (row.status, row.last_error, row.attempts) == ("done", None, 2)


def test_a_failing_event_is_retried_with_backoff_then_dead_and_revived_by_a_retry(
    engine: Engine,
) -> None:
    clock = [NOW]

    async def failing(item: InboxRecord, now: dt.datetime) -> None:
        raise ValueError("bad update")

    worker = InboxWorker(
        engine,
        {"telegram": failing},
        clock=lambda: clock[0],
        retry=InboxRetry(base=2, cap=600, max_attempts=3),
    )
    with transaction(engine) as session:
        accept(session, "telegram", "9", {"update_id": 9}, NOW)
    waits = []
    for _ in range(3):
        assert asyncio.run(worker.run_once()) == 1
        row = stored(engine)
        waits.append((row.next_attempt_at - clock[0]).total_seconds())
        clock[0] = row.next_attempt_at
    assert waits[:2] == [2.0, 4.0]
    row = stored(engine)
    assert (row.status, row.attempts) == ("dead", 3)
    assert "ValueError: bad update" in (row.last_error or "")
    with transaction(engine) as session:  # the platform sends it again: a new chance
        assert accept(session, "telegram", "9", {"update_id": 9}, clock[0])
    assert stored(engine).status == "pending"


def test_an_event_of_a_platform_without_handler_fails_instead_of_vanishing(
    engine: Engine,
) -> None:
    with transaction(engine) as session:
        accept(session, "mastodon", "m1", {}, NOW)
    asyncio.run(InboxWorker(engine, {}, clock=lambda: NOW).run_once())
    row = stored(engine)
    assert row.status == "failed" and "no inbox handler" in (row.last_error or "")


def test_lanes_run_side_by_side_and_each_in_order(engine: Engine) -> None:
    seen: list[str] = []

    async def scenario() -> None:
        other_chat_done = asyncio.Event()

        async def handler(item: InboxRecord, now: dt.datetime) -> None:
            chat, text = item.payload["chat"], item.payload["text"]
            if text == "a1":  # a slow chat: waits for the other chat to be served
                await asyncio.wait_for(other_chat_done.wait(), 5)
            seen.append(text)
            if chat == "b":
                other_chat_done.set()

        worker = InboxWorker(
            engine,
            {"telegram": handler},
            clock=lambda: NOW,
            concurrency=4,
            lanes={"telegram": lambda item: item.payload["chat"]},
        )
        assert await worker.run_once() == 3
        assert worker.failed == 0

    with transaction(engine) as session:
        for key, chat, text in (("1", "a", "a1"), ("2", "b", "b1"), ("3", "a", "a2")):
            accept(session, "telegram", key, {"chat": chat, "text": text}, NOW)
    asyncio.run(scenario())
    assert seen == ["b1", "a1", "a2"]
