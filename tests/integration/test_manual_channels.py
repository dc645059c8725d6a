"""Manual channels (X, LinkedIn, ...): held drafts, mark as posted, the daily digest.

An item routed to a manual channel is held (no worker claims it); "mark as posted"
makes it sent with the post's URL and an attempt in the history; the ``drafts``
schedule tells the secretariat's channel what waits, once a day, and nothing when
nothing waits.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select

from hub.core.bus.drafts import waiting_drafts
from hub.core.bus.outbox import claim_due, mark_posted
from hub.core.bus.router import approve_item
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.errors import HubError
from hub.core.models import Delivery, DeliveryAttempt, Item
from hub.core.schedule.scheduler import Scheduler

NOW = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)


def settings() -> Settings:
    return Settings.model_validate(
        {
            "hub": {"name": "Test", "languages": ["en", "es"], "secretariat_channel": "office"},
            "sources": {"console": {"kind": "console", "trusted": True}},
            "channels": {
                "office": {"platform": "memory", "target": "office"},
                "x": {"platform": "x", "target": "@oidp", "title": "X @oidp"},
                "linkedin": {"platform": "linkedin", "target": "oidp", "language": "es"},
            },
            "routes": [{"name": "social", "to": ["x", "linkedin"]}],
            "schedules": {"drafts": {"kind": "drafts", "period": "day", "time": "09:00"}},
        }
    )


def approve(engine: Engine, config: Settings, title: str) -> list[int]:
    with transaction(engine) as session:
        sync_config(session, config)
        item = Item(title=title, summary_text="Body.", language="en", status="pending")
        session.add(item)
        session.flush()
        return [d.id for d in approve_item(session, item, config, by="t", now=NOW)]


def test_drafts_are_held_and_marked_as_posted_with_the_url(engine: Engine) -> None:
    config = settings()
    ids = approve(engine, config, "Assembly in Lyon")
    with engine.begin() as conn:  # no worker claims a draft
        assert claim_due(conn, token="w/1", now=NOW, limit=10, lease_seconds=30) == []
    with transaction(engine) as session:
        drafts = waiting_drafts(session, config)
        assert sorted(d.platform for d in drafts) == ["linkedin", "x"]
        delivery = session.get(Delivery, ids[0])
        assert delivery is not None and delivery.mode == "manual"
        mark_posted(session, delivery, url="https://x.com/oidp/status/9", by="ana", now=NOW)
    with transaction(engine) as session:
        sent = session.get(Delivery, ids[0])
        assert sent is not None and sent.status == "sent" and sent.sent_at is not None
        assert sent.platform_message_id == "https://x.com/oidp/status/9"
        attempts = session.scalars(
            select(DeliveryAttempt).where(DeliveryAttempt.delivery_id == ids[0])
        ).all()
        assert [(a.outcome, a.worker) for a in attempts] == [("sent", "by hand: ana")]
        with pytest.raises(HubError, match="not a draft waiting"):
            mark_posted(session, sent, url="https://x.com/oidp/status/10", by="ana", now=NOW)
        assert len(waiting_drafts(session, config)) == 1


def test_the_daily_digest_lists_waiting_drafts_once_a_day(engine: Engine) -> None:
    config = settings()
    approve(engine, config, "Assembly in Lyon")
    scheduler = Scheduler(engine, config)
    [fired] = scheduler.tick(NOW + dt.timedelta(hours=2))
    assert "queued a digest of 2 waiting draft(s) to office" in fired.outcome
    assert scheduler.tick(NOW + dt.timedelta(hours=3)) == []
    with transaction(engine) as session:
        alerts = session.scalars(select(Delivery).where(Delivery.kind == "alert")).all()
        assert len(alerts) == 1
        assert "#1 Assembly in Lyon" in alerts[0].payload["text"]
        for draft in waiting_drafts(session, config):
            delivery = session.get(Delivery, draft.delivery_id)
            assert delivery is not None
            mark_posted(session, delivery, url="https://x.com/oidp/status/1", by="a", now=NOW)
    [next_day] = scheduler.tick(NOW + dt.timedelta(days=1, hours=2))
    assert next_day.outcome == "no draft waiting"
