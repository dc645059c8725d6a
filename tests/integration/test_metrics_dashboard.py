"""The dashboard's 30-day series and their SVG charts (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

from sqlalchemy import select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import (
    Channel,
    Delivery,
    DeliveryAttempt,
    Item,
    NewsletterEdition,
    Question,
    Source,
)
from hub.core.stats import (
    DayCount,
    EditionEngagement,
    deliveries_per_day,
    items_per_day,
    newsletter_engagement,
    questions_per_day,
)
from hub.web.charts import daily_bars, dashboard_charts, edition_bars

NOW = dt.datetime(2026, 11, 22, 0, 30, tzinfo=dt.UTC)  # just after midnight UTC
SETTINGS = Settings.model_validate(
    {
        "sources": {"site": {"kind": "feed", "url": "https://example.org/feed"}},
        "channels": {"news": {"platform": "memory", "target": "#news"}},
    }
)


def seed(engine) -> None:
    yesterday_late = dt.datetime(2026, 11, 21, 23, 50, tzinfo=dt.UTC)
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        channel_id = session.scalar(select(Channel.id).where(Channel.key == "news"))
        source_id = session.scalar(select(Source.id).where(Source.key == "site"))
        for moment in (yesterday_late, NOW, NOW - dt.timedelta(days=40)):
            session.add(Item(title="x", source_id=source_id, created_at=moment))
            session.add(
                Delivery(channel_id=channel_id, status="sent", sent_at=moment, due_at=moment)
            )
        failed = Delivery(channel_id=channel_id, status="dead", due_at=NOW)
        session.add(failed)
        session.flush()
        for attempt, outcome in ((1, "retry"), (2, "dead")):
            session.add(
                DeliveryAttempt(
                    delivery_id=failed.id,
                    attempt=attempt,
                    started_at=NOW,
                    finished_at=NOW,
                    outcome=outcome,
                )
            )
        session.add_all(
            [
                Question(platform="slack", text="a", created_at=yesterday_late),
                Question(platform="slack", text="b", created_at=yesterday_late, handoff=True),
                NewsletterEdition(
                    language="en",
                    period_start=dt.date(2026, 10, 1),
                    period_end=dt.date(2026, 10, 31),
                    status="sent",
                    sent_at=NOW,
                    report={"unique_opens": 120, "unique_clicks": 30, "emails_sent": 400},
                ),
                NewsletterEdition(
                    language="es",
                    period_start=dt.date(2026, 10, 1),
                    period_end=dt.date(2026, 10, 31),
                    status="draft",
                ),
            ]
        )


def test_series_cover_thirty_utc_days_with_zeros(engine):
    seed(engine)
    with transaction(engine) as session:
        deliveries = deliveries_per_day(session, NOW)
        items = items_per_day(session, NOW)
        questions = questions_per_day(session, NOW)
        editions = newsletter_engagement(session)
    series = deliveries["news"]
    assert len(series) == 30 and series[-1].day == dt.date(2026, 11, 22)
    assert series[0].day == dt.date(2026, 10, 24)
    assert (series[-2].first, series[-1].first, series[-1].second) == (1, 1, 1)
    assert sum(d.first for d in series) == 2  # the 40-day-old one is outside the window
    assert [(d.first, d.second) for d in questions[-2:]] == [(2, 1), (0, 0)]
    assert [d.first for d in items["site"][-2:]] == [1, 1]
    assert editions == [EditionEngagement(editions[0].edition_id, "2026-10 en", 120, 30, 400)]


def test_charts_are_well_formed_svg_with_escaped_labels(engine):
    seed(engine)
    with transaction(engine) as session:
        charts = dashboard_charts(session, NOW)
    titles = [title for title, _ in charts]
    assert titles[0] == "news: sent and failed per day"
    assert any("Questions per day" in t for t in titles)
    for _, svg in charts:
        root = ElementTree.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_hostile_names_stay_text():
    days = [DayCount(dt.date(2026, 11, 1) + dt.timedelta(days=n), n, n % 2) for n in range(5)]
    svg = daily_bars('<script>alert("x")</script> & co', days, first_label="<b>", second_label="&")
    ElementTree.fromstring(svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    editions = [EditionEngagement(1, "<img src=x onerror=alert(1)>", 5, 1, 10)]
    svg = edition_bars("opens", editions)
    ElementTree.fromstring(svg)
    assert "<img" not in svg


def test_empty_series_still_draw():
    ElementTree.fromstring(daily_bars("nothing", [], first_label="sent"))
    assert "no edition report yet" in edition_bars("opens", [])
