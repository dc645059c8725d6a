"""The poller against a real HTTP server on 127.0.0.1: good, unchanged, slow and broken feeds."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.ingest.fetch import FetchLimits, make_client
from hub.core.ingest.poller import CycleReport, Poller, PollPolicy, backoff_delay
from hub.core.metrics import FEED_FETCHES
from hub.core.models import Delivery, Event, Item, Member, Source
from hub.testing.feedserver import FeedServer, Route, rss, serving

CORPUS = Path(__file__).parents[1] / "fixtures" / "feeds"
START = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
POLICY = PollPolicy(
    concurrency=4,
    limits=FetchLimits(deadline_seconds=2.0, max_bytes=200_000),
    failing_after=3,
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def settings_for(urls: dict[str, str], trusted: tuple[str, ...] = ()) -> Settings:
    return Settings.model_validate(
        {
            "hub": {"languages": ["en", "es", "fr", "ca", "pt"], "secretariat_channel": "secr"},
            "sources": {
                key: {
                    "kind": "ical" if url.endswith(".ics") else "feed",
                    "url": url,
                    "trusted": key in trusted,
                    "interval_minutes": 15,
                }
                for key, url in urls.items()
            },
            "channels": {
                "news": {"platform": "memory", "target": "#news"},
                "secr": {"platform": "memory", "target": "#secretariat"},
                "dm": {"platform": "slack", "target": "direct"},
            },
            "routes": [{"name": "all", "to": ["news"]}],
        }
    )


def poll(engine, settings: Settings, clock: Clock) -> CycleReport:
    async def go() -> CycleReport:
        async with make_client() as client:
            return await Poller(engine, settings, client, policy=POLICY, clock=clock).run_once()

    return asyncio.run(go())


def outcomes(report: CycleReport) -> dict[str, tuple[str, str | None]]:
    return {o.key: (o.status, o.error) for o in report.outcomes}


@pytest.fixture
def server():
    with serving() as running:
        yield running


def add_corpus(server: FeedServer, name: str, content_type: str = "application/rss+xml") -> str:
    return server.add(
        f"/{name}", Route(body=(CORPUS / name).read_bytes(), content_type=content_type)
    )


def test_one_cycle_over_good_slow_and_broken_feeds(engine, server: FeedServer) -> None:
    urls = {
        "good": add_corpus(server, "good_rss.xml"),
        "atom": add_corpus(server, "good_atom.xml"),
        "bomb": add_corpus(server, "billion_laughs.xml"),
        "xxe": add_corpus(server, "external_entity.xml"),
        "page": add_corpus(server, "html_page.html", "text/html"),
        "garbage": add_corpus(server, "binary_garbage.bin"),
        "empty": add_corpus(server, "empty.xml"),
        "cut": add_corpus(server, "truncated.xml"),
        "hostile": add_corpus(server, "script_entries.xml"),
        "dates": add_corpus(server, "bad_dates.xml"),
        "agenda": add_corpus(server, "website_agenda.ics", "text/calendar"),
        "silent": server.add("/silent", Route(hang=True)),
        "endless": server.add("/endless", Route(endless=True)),
        "gzipbomb": server.add("/gz", Route(gzip_bomb_bytes=20_000_000)),
        "loop": server.add("/loop-a", Route(redirect_to=server.url("/loop-b"))),
        "missing": server.url("/nothing-here"),
        "refused": f"http://127.0.0.1:{closed_port()}/rss",
    }
    server.add("/loop-b", Route(redirect_to=server.url("/loop-a")))
    settings = settings_for(urls, trusted=("good",))
    with transaction(engine) as session:
        sync_config(session, settings)
    clock = Clock()
    fetches = FEED_FETCHES.labels(source="good", outcome="ok")
    refusals = FEED_FETCHES.labels(source="bomb", outcome="error")
    before = (fetches._value.get(), refusals._value.get())

    result = outcomes(poll(engine, settings, clock))

    # /metrics counts each fetch by source and outcome.
    assert (fetches._value.get(), refusals._value.get()) == (before[0] + 1, before[1] + 1)
    for key in ("good", "atom", "cut", "hostile", "dates", "agenda"):
        assert result[key] == ("changed", None), key
    expected = {
        "bomb": "entity-expansion bomb",
        "xxe": "external entity",
        "page": "HTML page",
        "garbage": "binary",
        "empty": "empty",
        "silent": "timed out",
        "endless": "too large",
        "gzipbomb": "too large",
        "loop": "redirect loop",
        "missing": "HTTP 404",
        "refused": "refused",
    }
    for key, words in expected.items():
        status, error = result[key]
        assert status == "failed" and error is not None and words in error, (key, error)
    with transaction(engine) as session:
        assert session.scalar(select(func.count(Item.id))) == 3 + 2 + 1 + 1 + 3
        statuses = dict(session.execute(select(Item.source_id, Item.status)).all())
        assert "approved" in statuses.values() and "pending" in statuses.values()
        assert session.scalar(select(func.count(Delivery.id))) == 3  # good is trusted
        rows = {s.key: s for s in session.scalars(select(Source))}
        assert rows["good"].etag and rows["good"].last_error is None
        assert rows["silent"].consecutive_failures == 1
        assert "timed out" in (rows["silent"].last_error or "")
        assert rows["cut"].last_problems and "ill-formed" in rows["cut"].last_problems[0]
        assert rows["good"].next_fetch_at == START + dt.timedelta(minutes=15)
        assert session.scalar(select(func.count(Event.id))) == 3
        assert rows["agenda"].last_problems == ["event 4: no UID or no start; skipped"]


def test_unchanged_feeds_cost_one_conditional_request(engine, server: FeedServer) -> None:
    route = Route(body=rss("Feed", [("a", "First story", "Participatory budget news.")]))
    settings = settings_for({"feed": server.add("/feed", route)})
    with transaction(engine) as session:
        sync_config(session, settings)
    clock = Clock()
    assert outcomes(poll(engine, settings, clock))["feed"] == ("changed", None)
    assert poll(engine, settings, clock).outcomes == []  # not due yet
    clock.advance(minutes=16)
    assert outcomes(poll(engine, settings, clock))["feed"] == ("not_modified", None)
    assert route.hits == 2
    route.body = rss("Feed", [("a", "First story, edited", "Participatory budget news.")])
    clock.advance(minutes=16)
    report = poll(engine, settings, clock)
    assert report.outcomes[0].updated == 1 and report.outcomes[0].created == 0
    with transaction(engine) as session:
        assert session.scalar(select(Item.title)) == "First story, edited"


def test_backoff_and_owner_told_once_when_failing_and_once_when_recovered(
    engine, server: FeedServer
) -> None:
    route = Route(status=500, body=b"oops")
    settings = settings_for({"owned": server.add("/owned", route)})
    with transaction(engine) as session:
        sync_config(session, settings)
        session.flush()
        member = Member(organisation="Ville d'Exemple", slack_user_id="U123", language="fr")
        session.add(member)
        session.flush()
        session.scalars(select(Source)).one().member_id = member.id
    clock = Clock()
    delays = []
    for _ in range(5):
        poll(engine, settings, clock)
        with transaction(engine) as session:
            source = session.scalars(select(Source)).one()
            assert source.next_fetch_at is not None
            delays.append(source.next_fetch_at - clock.now)
            clock.now = source.next_fetch_at
    assert delays == [
        backoff_delay(dt.timedelta(minutes=15), n, POLICY.backoff_cap) for n in range(1, 6)
    ]
    assert delays[1] == 2 * delays[0] and delays[2] == 4 * delays[0]
    with transaction(engine) as session:
        notices = list(session.scalars(select(Delivery).where(Delivery.kind == "reply")))
        assert len(notices) == 1
        assert notices[0].payload["extra"] == {"reply_to": "U123", "platform": "slack"}
        assert "HTTP 500" in notices[0].payload["text"] and "flux" in notices[0].payload["text"]
    route.status, route.body = 200, rss("Back", [("x", "Back again", "Working feed.")])
    poll(engine, settings, clock)
    clock.advance(minutes=16)
    poll(engine, settings, clock)
    with transaction(engine) as session:
        texts = [
            d.payload["text"]
            for d in session.scalars(select(Delivery).where(Delivery.kind == "reply"))
        ]
        assert len(texts) == 2 and "de nouveau lisible" in texts[1]
        assert session.scalars(select(Source)).one().consecutive_failures == 0


def test_backoff_is_capped() -> None:
    cap = dt.timedelta(hours=12)
    assert backoff_delay(dt.timedelta(minutes=15), 30, cap) == cap
    assert backoff_delay(dt.timedelta(minutes=15), 0, cap) == dt.timedelta(minutes=15)


def test_a_polled_member_feed_approved_by_the_secretariat_is_routed(
    engine, server: FeedServer
) -> None:
    from hub.core.moderation.decisions import approve

    body = rss("Member", [("m1", "Youth budget in Lisboa", "Os jovens votaram no orçamento.")])
    settings = settings_for({"member": server.add("/member", Route(body=body))})
    with transaction(engine) as session:
        sync_config(session, settings)
    poll(engine, settings, Clock())
    with transaction(engine) as session:
        item = session.scalars(select(Item)).one()
        assert item.status == "pending" and item.language == "pt"
        assert session.scalar(select(func.count(Delivery.id))) == 0
        deliveries = approve(session, item, settings, by="secretariat@oidp.net", now=START)
        assert [d.status for d in deliveries] == ["pending"]


def test_run_polls_until_stopped(engine, server: FeedServer) -> None:
    route = Route(body=rss("F", [("a", "Story", "Text of the story.")]))
    settings = settings_for({"feed": server.add("/feed", route)})
    with transaction(engine) as session:
        sync_config(session, settings)

    async def go() -> None:
        stop = asyncio.Event()
        async with make_client() as client:
            poller = Poller(engine, settings, client, policy=POLICY, clock=Clock())
            task = asyncio.create_task(poller.run(stop, idle_seconds=0.05))
            while route.hits == 0:  # noqa: ASYNC110 (the server counts in its own thread)
                await asyncio.sleep(0.01)
            stop.set()
            await asyncio.wait_for(task, timeout=10)

    asyncio.run(go())
    assert route.hits == 1
