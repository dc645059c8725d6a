"""The worker loop end to end in one process, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import func, select, update

from hub.core.bus.alerts import failure_alerter
from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.retry import RetryPolicy
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.db import make_engine, transaction
from hub.core.errors import BadPayload, ChannelGone
from hub.core.models import Channel, Delivery, DeliveryAttempt, Item, ItemTranslation, utcnow
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt
from hub.testing.bus import FlakySink, bus_settings, seed_deliveries
from hub.testing.sinks import InstantSink
from hub.wiring import SINKS

FAST = WorkerConfig(
    concurrency=8,
    batch_size=25,
    poll_interval=0.02,
    until_idle=True,
    send_timeout=0.2,
    max_rate_wait=1.0,
)
QUICK_RETRIES = RetryPolicy(base_delay=0.01, max_delay=0.05)


def info(row: ChannelRow) -> ChannelInfo:
    return ChannelInfo(row.key, row.platform, row.target, row.language)


def run(worker: Worker, stop: asyncio.Event | None = None):
    return asyncio.run(worker.run(stop))


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
        return dict(rows.all())


def test_instant_sink_gets_everything_once_with_the_platform_id(engine):
    settings = bus_settings(channels=3)
    ids = seed_deliveries(engine, settings, 120, now=utcnow())
    sinks: dict[str, InstantSink] = {}

    def build(row: ChannelRow) -> InstantSink:
        return sinks.setdefault(row.key, InstantSink(info(row)))

    stats = run(Worker(engine, ChannelSinks(build), config=FAST))
    assert stats.sent == 120 and counts(engine) == {"sent": 120}
    received = sorted(m.delivery_id for s in sinks.values() for m in s.sent)
    assert received == sorted(ids)
    with engine.connect() as conn:
        mid = conn.execute(select(Delivery.platform_message_id).where(Delivery.id == ids[0]))
        assert mid.scalar() == f"c0:{ids[0]}"


def test_messages_use_the_channels_translation(engine):
    settings = bus_settings(channels=1)
    (delivery_id,) = seed_deliveries(engine, settings, 1, now=utcnow())
    with transaction(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        assert delivery is not None
        channel = session.get(Channel, delivery.channel_id)
        assert channel is not None
        channel.language = "es"
    sink_box: list[InstantSink] = []

    def build(row: ChannelRow) -> InstantSink:
        sink_box.append(InstantSink(info(row)))
        return sink_box[-1]

    with transaction(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        assert delivery is not None
        item_id = delivery.item_id
        session.add(
            ItemTranslation(item_id=item_id, language="es", title="Noticia", summary_text="Cuerpo")
        )
    run(Worker(engine, ChannelSinks(build), config=FAST))
    (message,) = sink_box[0].sent
    assert (message.title, message.text, message.language) == ("Noticia", "Cuerpo", "es")


def test_flaky_sink_ends_all_sent_and_nothing_goes_out_while_paused(engine):
    settings = bus_settings(channels=4)
    ids = seed_deliveries(engine, settings, 200, now=utcnow())
    sinks: dict[str, FlakySink] = {}

    def build(row: ChannelRow) -> FlakySink:
        return sinks.setdefault(row.key, FlakySink(info(row), seed=row.id, hang=1.0))

    config = WorkerConfig(
        concurrency=8, batch_size=25, poll_interval=0.02, send_timeout=0.1, max_rate_wait=1.0
    )
    stop = asyncio.Event()

    async def until_all_sent(worker: Worker) -> None:
        task = asyncio.create_task(worker.run(stop))
        while counts(engine).get("sent", 0) < len(ids):
            assert not task.done()
            await asyncio.sleep(0.05)
        stop.set()
        await task

    asyncio.run(
        until_all_sent(Worker(engine, ChannelSinks(build), config=config, policy=QUICK_RETRIES))
    )
    answers = sum((s.answers for s in sinks.values()), start=__import__("collections").Counter())
    assert answers["5xx"] and answers["429"] and answers["timeout"]  # the faults happened
    assert sum(s.violations for s in sinks.values()) == 0
    accepted = sum((s.accepted for s in sinks.values()), start=__import__("collections").Counter())
    assert sorted(accepted) == sorted(ids) and set(accepted.values()) == {1}
    assert counts(engine) == {"sent": 200}
    with engine.connect() as conn:
        retried = conn.execute(
            select(func.count())
            .select_from(DeliveryAttempt)
            .where(DeliveryAttempt.outcome == "retry")
        ).scalar()
    assert retried >= answers["5xx"] + answers["429"]


class GoneSink(InstantSink):
    async def send(self, message: Message) -> Receipt:
        if message.kind == "alert":
            return await super().send(message)
        raise ChannelGone("chat not found")


def test_permanent_errors_fail_at_once_and_alert_the_secretariat(engine):
    settings = bus_settings(channels=2, secretariat_channel="c1")
    ids = seed_deliveries(engine, settings, 4, now=utcnow())
    sinks: dict[str, InstantSink] = {}

    def build(row: ChannelRow) -> InstantSink:
        cls = GoneSink if row.key == "c0" else InstantSink
        return sinks.setdefault(row.key, cls(info(row)))

    worker = Worker(engine, ChannelSinks(build), config=FAST, on_failures=failure_alerter("c1"))
    run(worker)
    with transaction(engine) as session:
        failed = session.scalars(select(Delivery).where(Delivery.status == "failed")).all()
        assert sorted(d.id for d in failed) == [ids[0], ids[2]]
        assert all(d.attempts == 1 and "chat not found" in (d.last_error or "") for d in failed)
        alert = session.scalar(select(Delivery).where(Delivery.kind == "alert"))
        assert alert is not None
        assert alert.status == "sent" and "2 deliveries failed" in alert.payload["title"]
    alerts = [m for m in sinks["c1"].sent if m.kind == "alert"]
    assert len(alerts) == 1 and "chat not found" in alerts[0].text


ECHOED_TOKEN = "987654321:AAH-echoed-secret-token-0123456789abcdef"


class EchoingSink(InstantSink):
    """A platform (or a proxy) that echoes the request URL, token and all, in its error."""

    async def send(self, message: Message) -> Receipt:
        if message.kind == "alert":
            return await super().send(message)
        raise BadPayload(
            f"Bad Request: can't parse https://api.telegram.org/bot{ECHOED_TOKEN}/sendMessage"
            " (key 0123456789abcdef0123456789abcdef-us21, xoxb-1-2-secretvalue)"
        )


def test_a_secret_echoed_by_the_platform_is_never_stored_in_the_ledger(engine):
    """Security finding: a bot token echoed in an error reached /deliveries and the alert."""
    settings = bus_settings(channels=2, secretariat_channel="c1")
    seed_deliveries(engine, settings, 2, now=utcnow())
    sinks: dict[str, InstantSink] = {}

    def build(row: ChannelRow) -> InstantSink:
        cls = EchoingSink if row.key == "c0" else InstantSink
        return sinks.setdefault(row.key, cls(info(row)))

    run(Worker(engine, ChannelSinks(build), config=FAST, on_failures=failure_alerter("c1")))
    with transaction(engine) as session:
        failed = session.scalars(select(Delivery).where(Delivery.status == "failed")).all()
        errors = [d.last_error or "" for d in failed]
        errors += [a.error or "" for a in session.scalars(select(DeliveryAttempt)).all()]
    alerts = [m.text for m in sinks["c1"].sent if m.kind == "alert"]
    assert failed and alerts and all("can't parse" in e for e in errors[:1])
    for text in (*errors, *alerts):
        assert "echoed-secret" not in text
        assert "0123456789abcdef0123456789abcdef" not in text and "secretvalue" not in text


class AlwaysDown(InstantSink):
    async def send(self, message: Message) -> Receipt:
        raise ConnectionError("connection refused")


def test_too_many_attempts_make_a_delivery_dead(engine):
    settings = bus_settings(channels=1)
    (delivery_id,) = seed_deliveries(engine, settings, 1, now=utcnow())
    with engine.begin() as conn:
        conn.execute(update(Delivery).values(max_attempts=3))
    stop = asyncio.Event()

    async def until_dead(worker: Worker) -> None:
        task = asyncio.create_task(worker.run(stop))
        while counts(engine) != {"dead": 1}:  # noqa: ASYNC110 (polls the database)
            await asyncio.sleep(0.02)
        stop.set()
        await task

    config = WorkerConfig(poll_interval=0.01)
    asyncio.run(
        until_dead(
            Worker(
                engine,
                ChannelSinks(lambda row: AlwaysDown(info(row))),
                config=config,
                policy=QUICK_RETRIES,
            )
        )
    )
    with engine.connect() as conn:
        outcomes = (
            conn.execute(
                select(DeliveryAttempt.outcome)
                .where(DeliveryAttempt.delivery_id == delivery_id)
                .order_by(DeliveryAttempt.attempt)
            )
            .scalars()
            .all()
        )
    assert outcomes == ["retry", "retry", "dead"]


class SlowSink(InstantSink):
    """Holds each send until the test lets it go; counts sends in progress."""

    def __init__(self, channel: ChannelInfo, started: asyncio.Event, go: asyncio.Event):
        super().__init__(channel)
        self.started, self.go = started, go

    async def send(self, message: Message) -> Receipt:
        self.started.set()
        await self.go.wait()
        return await super().send(message)


def test_stop_finishes_sends_in_flight_and_gives_back_the_rest(engine):
    settings = bus_settings(channels=1)
    seed_deliveries(engine, settings, 10, now=utcnow())

    async def scenario() -> tuple[InstantSink, Worker]:
        started, go, stop = asyncio.Event(), asyncio.Event(), asyncio.Event()
        sink = SlowSink(ChannelInfo("c0", "memory", "#c0"), started, go)
        worker = Worker(
            engine,
            ChannelSinks(lambda row: sink),
            config=WorkerConfig(concurrency=2, batch_size=10, poll_interval=0.01),
        )
        task = asyncio.create_task(worker.run(stop))
        await started.wait()
        stop.set()  # what SIGTERM does
        go.set()
        await task
        return sink, worker

    sink, worker = asyncio.run(scenario())
    assert len(sink.sent) == 2 == worker.stats.sent
    assert counts(engine) == {"sent": 2, "pending": 8}
    with engine.connect() as conn:
        attempts = conn.execute(select(func.sum(Delivery.attempts))).scalar()
    assert attempts == 2  # the deliveries given back did not spend an attempt


def test_deleted_item_fails_with_a_reason(engine):
    settings = bus_settings(channels=1)
    (delivery_id,) = seed_deliveries(engine, settings, 1, now=utcnow())
    with transaction(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        assert delivery is not None
        session.delete(session.get(Item, delivery.item_id))
    run(Worker(engine, ChannelSinks(lambda row: InstantSink(info(row))), config=FAST))
    with transaction(engine) as session:
        delivery = session.get(Delivery, delivery_id)
        assert delivery is not None
        assert delivery.status == "failed" and "deleted" in (delivery.last_error or "")


def test_a_channel_left_out_of_the_config_fails_permanently(engine):
    settings = bus_settings(channels=2)
    seed_deliveries(engine, settings, 2, now=utcnow())
    smaller = bus_settings(channels=1)
    run(Worker(engine, ChannelSinks.from_settings(smaller, SINKS), config=FAST))
    assert counts(engine) == {"sent": 1, "failed": 1}


@pytest.mark.postgres
def test_an_idle_postgres_worker_wakes_on_notify_not_on_its_poll(postgres_databases):
    """With a one-minute poll, only the insert trigger's NOTIFY can wake the worker in time."""
    name = postgres_databases.create()
    engine = make_engine(postgres_databases.url_for(name))
    settings = bus_settings(channels=1)
    seed_deliveries(engine, settings, 1, now=utcnow())

    async def scenario() -> None:
        stop = asyncio.Event()
        config = WorkerConfig(poll_interval=60.0)
        worker = Worker(engine, ChannelSinks(lambda row: InstantSink(info(row))), config=config)
        task = asyncio.create_task(worker.run(stop))
        while counts(engine) != {"sent": 1} or worker._listener is None:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)  # the worker is now waiting on LISTEN
        seed_deliveries(engine, settings, 1, now=utcnow())
        async with asyncio.timeout(30):  # far below the poll interval
            while counts(engine) != {"sent": 2}:  # noqa: ASYNC110
                await asyncio.sleep(0.02)
        stop.set()
        await task

    try:
        asyncio.run(scenario())
    finally:
        engine.dispose()
        postgres_databases.drop(name)


class MeteredSink(InstantSink):
    """Declares 10 sends a second on one key and notes when each send arrives."""

    RATE = 10.0

    def __init__(self, channel: ChannelInfo) -> None:
        super().__init__(channel)
        self.arrivals: list[float] = []

    async def send(self, message: Message) -> Receipt:
        self.arrivals.append(time.monotonic())
        return await super().send(message)

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return [RateLimit("metered", rate=self.RATE, burst=1.0)]


def test_the_worker_spends_the_budget_and_gives_back_what_must_wait(engine):
    settings = bus_settings(channels=1)
    seed_deliveries(engine, settings, 8, now=utcnow())
    sink = MeteredSink(ChannelInfo("c0", "memory", "#c0"))
    config = WorkerConfig(concurrency=4, batch_size=8, poll_interval=0.02, max_rate_wait=0.05)
    stop = asyncio.Event()

    async def until_all_sent(worker: Worker) -> None:
        task = asyncio.create_task(worker.run(stop))
        while counts(engine) != {"sent": 8}:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        stop.set()
        await task

    worker = Worker(engine, ChannelSinks(lambda row: sink), config=config)
    asyncio.run(until_all_sent(worker))
    assert len(sink.sent) == 8
    assert worker.stats.released > 0  # waits longer than max_rate_wait were given back
    gaps = [b - a for a, b in zip(sink.arrivals, sink.arrivals[1:], strict=False)]
    assert min(gaps) >= 0.8 / MeteredSink.RATE  # never faster than the budget allows
    with engine.connect() as conn:
        assert conn.execute(select(func.max(Delivery.attempts))).scalar() == 1
