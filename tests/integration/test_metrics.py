"""/metrics: the database's figures in the Prometheus text format, the same as ``hub status``."""

from __future__ import annotations

import datetime as dt

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import update

from hub.core.bus.router import approve_item
from hub.core.bus.status import bus_status
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import make_engine, transaction
from hub.core.metrics import count_feed_fetch, observe_answer_latency, render_metrics
from hub.core.models import (
    Delivery,
    DeliveryAttempt,
    Item,
    NewsletterEdition,
    Question,
    RateBucket,
    Source,
)

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
SETTINGS = Settings.model_validate(
    {
        "sources": {"site": {"kind": "feed", "url": "https://example.org/feed"}},
        "channels": {
            "news": {"platform": "memory", "target": "#news"},
            "weekly": {"platform": "memory", "target": "#weekly", "mode": "digest"},
        },
        "routes": [{"name": "all", "to": ["news", "weekly"]}],
    }
)


def samples(body: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(body.decode()):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def seed(engine) -> None:
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        source = session.query(Source).filter_by(key="site").one()
        source.consecutive_failures = 2
        source.last_success_at = NOW - dt.timedelta(hours=1)
        for n in range(3):
            item = Item(title=f"n{n}", language="en", source_id=source.id)
            session.add(item)
            session.flush()
            approve_item(session, item, SETTINGS, by="t", now=NOW - dt.timedelta(minutes=10))
        session.add(Item(title="waiting", language="en", source_id=source.id))
        session.add_all(
            [
                Question(platform="slack", text="When?", status="answered"),
                Question(platform="telegram", text="Who?", status="handed_off", handoff=True),
                NewsletterEdition(
                    language="en",
                    period_start=NOW.date(),
                    period_end=NOW.date(),
                    status="scheduled",
                    mailchimp_campaign_id="c1",
                ),
                RateBucket(
                    key="slack:team",
                    tokens=0.0,
                    updated_at=NOW,
                    paused_until=NOW + dt.timedelta(seconds=30),
                ),
            ]
        )
        first = session.query(Delivery).filter_by(status="pending").order_by(Delivery.id).first()
        assert first is not None
        session.add(
            DeliveryAttempt(
                delivery_id=first.id,
                attempt=1,
                started_at=NOW,
                finished_at=NOW,
                outcome="retry",
                error="RateLimited: slow down (retry after 30 s)",
            )
        )
    with engine.begin() as conn:
        conn.execute(
            update(Delivery)
            .where(Delivery.status == "pending")
            .values(due_at=NOW - dt.timedelta(minutes=5))
        )


def test_metrics_read_the_shared_truth(engine, database_url):
    seed(engine)
    other = make_engine(database_url)  # another process's engine sees the same figures
    try:
        body = render_metrics(other, now=NOW)
    finally:
        other.dispose()
    found = samples(body)

    def value(name: str, **labels: str) -> float:
        return found[(name, tuple(sorted(labels.items())))]

    assert value("hub_database_up") == 1
    assert value("hub_deliveries", channel="news", kind="item", status="pending") == 3
    assert value("hub_deliveries", channel="weekly", kind="item", status="held") == 3
    assert value("hub_queue_oldest_due_age_seconds", channel="news") == 300
    assert value("hub_rate_limit_paused_seconds", key="slack:team") == 30
    assert value("hub_rate_limited_attempts_total", channel="news") == 1
    assert value("hub_source_consecutive_failures", source="site") == 2
    assert (
        value("hub_source_last_success_timestamp_seconds", source="site")
        == (NOW - dt.timedelta(hours=1)).timestamp()
    )
    assert value("hub_items_ingested_total", source="site", status="approved") == 3
    assert value("hub_items_ingested_total", source="site", status="pending") == 1
    assert value("hub_questions_total", platform="telegram", status="handed_off") == 1
    assert value("hub_question_handoffs_total", platform="telegram") == 1
    assert value("hub_newsletter_editions_pushed", language="en") == 1
    # The hub_channel_* gauges are hub status's columns, figure for figure.
    with engine.connect() as conn:
        status = bus_status(conn, NOW)
    for figures in status.channels:
        for column in ("queued", "due", "in_flight", "held", "sent_last_hour"):
            metric = value(f"hub_channel_{column}", channel=figures.channel)
            assert metric == getattr(figures, column), (figures.channel, column)


def test_process_local_metrics_are_included(engine):
    observe_answer_latency(0.3)
    count_feed_fetch("site", "error")
    found = samples(render_metrics(engine, now=NOW))
    assert found[("hub_answer_latency_seconds_bucket", (("le", "0.5"),))] >= 1
    assert found[("hub_feed_fetches_total", (("outcome", "error"), ("source", "site")))] >= 1


def test_an_unreachable_database_reports_down_not_an_error(tmp_path):
    broken = make_engine(f"sqlite:///{tmp_path / 'missing' / 'no-tables.db'}")
    try:
        found = samples(render_metrics(broken, now=NOW))
    finally:
        broken.dispose()
    assert found[("hub_database_up", ())] == 0


def test_the_starlette_endpoint_serves_the_text_format(engine):
    import asyncio

    import httpx
    from starlette.applications import Starlette
    from starlette.routing import Route

    from hub.core.metrics import metrics_endpoint

    app = Starlette(routes=[Route("/metrics", metrics_endpoint)])
    app.state.engine = engine

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            return await client.get("/metrics")

    response = asyncio.run(get())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert "hub_database_up 1.0" in response.text


def test_the_endpoint_finds_the_consoles_engine(engine):
    import asyncio
    from types import SimpleNamespace

    import httpx
    from starlette.applications import Starlette
    from starlette.routing import Route

    from hub.core.metrics import metrics_endpoint

    app = Starlette(routes=[Route("/metrics", metrics_endpoint)])
    app.state.console = SimpleNamespace(engine=engine)

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            return await client.get("/metrics")

    assert "hub_database_up 1.0" in asyncio.run(get()).text


def test_the_endpoint_places_its_windows_by_the_consoles_clock(engine):
    """The console's clock, not the machine's, is now for /metrics as for every page: the
    oldest due delivery's age is measured from it (300 s here, whatever today's date)."""
    import asyncio
    from types import SimpleNamespace

    import httpx
    from starlette.applications import Starlette
    from starlette.routing import Route

    from hub.core.metrics import metrics_endpoint

    seed(engine)
    app = Starlette(routes=[Route("/metrics", metrics_endpoint)])
    app.state.console = SimpleNamespace(engine=engine, clock=lambda: NOW)

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            return await client.get("/metrics")

    found = samples(asyncio.run(get()).content)
    assert found[("hub_queue_oldest_due_age_seconds", (("channel", "news"),))] == 300


def test_the_endpoint_serves_a_snapshot_no_older_than_its_age(engine):
    """Scrapes within ``max_age`` share one reading of the database; the first one after
    it takes a new one, which shows what was written meanwhile."""
    from hub.core.metrics import Snapshots

    seed(engine)
    moment = [1000.0]
    snapshots = Snapshots(max_age=10.0, clock=lambda: moment[0])
    first = samples(snapshots.text(engine))
    key = ("hub_source_consecutive_failures", (("source", "site"),))
    assert first[key] == 2
    with transaction(engine) as session:
        session.query(Source).filter_by(key="site").one().consecutive_failures = 5
    moment[0] += 9.9
    assert samples(snapshots.text(engine))[key] == 2  # the snapshot, 9.9 s old
    moment[0] += 0.1
    assert samples(snapshots.text(engine))[key] == 5  # 10 s old: read again
