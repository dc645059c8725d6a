"""Rows are stamped on the hub's clock, the one the engine carries, not the machine's.

``created_at`` and ``updated_at`` are set by column defaults and by a flush hook that
no caller passes a time to; they read the clock of the engine the row is written
through (hub.core.clock). A hub whose clock says 2013 writes 2013 on its rows, on
any day the test runs.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from hub.core.clock import clock_of, utcnow, with_clock
from hub.core.ingest.mailbox import MailboxPoller
from hub.core.ingest.pictures import picture_fetcher
from hub.core.ingest.poller import Poller
from hub.core.models import Item, ItemTranslation, Source
from hub.testing.bus import bus_settings

CREATED = dt.datetime(2013, 5, 14, 9, 30, tzinfo=dt.UTC)
EDITED = dt.datetime(2013, 6, 1, 17, 0, tzinfo=dt.UTC)


class SetClock:
    """A clock that says what the test sets it to."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def test_rows_carry_the_engines_clock_on_insert_update_and_translation_edits(
    engine: Engine,
) -> None:
    clock = SetClock(CREATED)
    hub = with_clock(engine, clock)
    assert clock_of(hub) is clock and clock_of(engine) is utcnow
    with Session(hub) as session, session.begin():
        source = Source(key="news", kind="rss", url="https://example.org/feed")
        session.add(source)
        session.flush()
        session.add(Item(title="Congress", source_id=source.id))
    with Session(hub) as session:
        item = session.scalars(select(Item)).one()
        source = session.scalars(select(Source)).one()
        assert (item.created_at, item.updated_at) == (CREATED, CREATED)
        assert (source.created_at, source.updated_at) == (CREATED, CREATED)

    clock.now = EDITED
    with Session(hub) as session, session.begin():  # the ORM's onupdate
        session.scalars(select(Item)).one().title = "The congress"
    with hub.begin() as conn:  # Core's onupdate too
        conn.execute(update(Source).values(title="News"))
    with Session(hub) as session:
        item = session.scalars(select(Item)).one()
        source = session.scalars(select(Source)).one()
        assert (item.created_at, item.updated_at) == (CREATED, EDITED)
        assert (source.created_at, source.updated_at) == (CREATED, EDITED)

    later = EDITED + dt.timedelta(days=3)
    clock.now = later
    with Session(hub) as session, session.begin():  # the flush hook: a translation added
        item = session.scalars(select(Item)).one()
        session.add(ItemTranslation(item=item, language="es", title="El congreso"))
    with Session(hub) as session:
        item = session.scalars(select(Item)).one()
        assert item.translations[0].title == "El congreso"
        assert (item.created_at, item.updated_at) == (CREATED, later)  # moved with it


def test_the_ingress_runs_on_the_engines_clock_unless_given_its_own(engine: Engine) -> None:
    clock = SetClock(CREATED)
    hub = with_clock(engine, clock)
    settings = bus_settings(channels=1)
    client = httpx.AsyncClient()
    try:
        fetcher = picture_fetcher(client, settings)
        poller = Poller(hub, settings, client, pictures=fetcher)
        assert poller.clock is clock and poller.pictures is not None
        assert poller.pictures.clock is clock  # the fetcher it runs is on the same clock
        own = SetClock(EDITED)
        assert Poller(hub, settings, client, clock=own).clock is own
        assert MailboxPoller(hub, settings).clock is clock
        assert MailboxPoller(engine, settings).clock is utcnow  # an engine with no clock
    finally:
        asyncio.run(client.aclose())


def test_the_workers_run_on_the_engines_clock_unless_given_their_own(engine: Engine) -> None:
    from hub.core.bus.inbox import InboxRecord, InboxWorker, accept
    from hub.core.bus.messages import ChannelSinks
    from hub.core.bus.worker import Worker
    from hub.core.models import InboxEvent

    clock = SetClock(CREATED)
    hub = with_clock(engine, clock)
    seen: list[dt.datetime] = []

    async def handler(item: InboxRecord, now: dt.datetime) -> None:
        seen.append(now)
        raise RuntimeError("the platform is down")

    with Session(hub) as session, session.begin():
        assert accept(session, "telegram", "1", {"update_id": 1}, CREATED)
    asyncio.run(InboxWorker(hub, {"telegram": handler}).run_once())
    with Session(hub) as session:
        event = session.scalars(select(InboxEvent)).one()
    assert seen == [CREATED]  # the handler is told the hub's time, not the machine's
    assert event.next_attempt_at is not None
    retry_at = event.next_attempt_at.replace(tzinfo=event.next_attempt_at.tzinfo or dt.UTC)
    assert CREATED < retry_at < CREATED + dt.timedelta(days=1)  # retried on the hub's clock

    sinks = ChannelSinks(lambda channel: None)  # type: ignore[arg-type,return-value]
    assert Worker(hub, sinks).clock is clock
    own = SetClock(EDITED)
    assert Worker(hub, sinks, clock=own).clock is own
    assert Worker(engine, sinks).clock is utcnow
