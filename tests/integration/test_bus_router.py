"""approve_item writes one delivery per chosen channel, once, in the caller's transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from hub.core.bus.router import approve_item
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Channel, Delivery, Item, Route, Source
from hub.wiring import PLATFORMS

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
SETTINGS = Settings.model_validate(
    {
        "hub": {"languages": ["en", "es"]},
        "sources": {"site": {"kind": "feed", "url": "https://example.org/feed"}},
        "channels": {
            "news": {"platform": "memory", "target": "#news"},
            "weekly": {"platform": "memory", "target": "#weekly", "mode": "digest"},
            "off": {"platform": "memory", "target": "#off", "enabled": False},
            "masto": {"platform": "no-such-platform", "target": "@hub"},
        },
        "routes": [
            {"name": "site", "match": {"sources": ["site"]}, "to": ["news", "weekly", "off"]},
            {"name": "social", "to": ["masto"]},
        ],
    }
)


@pytest.fixture
def item_id(engine) -> int:
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        source = session.scalar(select(Source).where(Source.key == "site"))
        assert source is not None
        item = Item(title="Award call", source_id=source.id, language="en", tags=["award"])
        session.add(item)
        session.flush()
        return item.id


def test_sync_config_mirrors_sources_channels_and_routes(engine):
    for _ in range(2):  # idempotent
        with transaction(engine) as session:
            sync_config(session, SETTINGS)
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(Channel)) == 4
        assert session.scalar(select(Channel.enabled).where(Channel.key == "off")) is False
        assert [r.name for r in session.scalars(select(Route).order_by(Route.position))] == [
            "site",
            "social",
        ]


def test_approval_writes_deliveries_once(engine, item_id):
    for attempt in range(2):
        with transaction(engine) as session:
            item = session.get(Item, item_id)
            assert item is not None
            deliveries = approve_item(
                session, item, SETTINGS, by=f"ana{attempt}", now=NOW, platforms=PLATFORMS
            )
            assert {(d.route, d.status, d.mode) for d in deliveries} == {
                ("site", "pending", "immediate"),
                ("site", "held", "digest"),
            }
    with transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None
        assert (item.status, item.approved_by, item.approved_at) == ("approved", "ana0", NOW)
        assert session.scalar(select(func.count()).select_from(Delivery)) == 2


def test_a_failed_approval_leaves_no_delivery(engine, item_id):
    with pytest.raises(RuntimeError), transaction(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None
        approve_item(session, item, SETTINGS, by="ana", now=NOW)
        raise RuntimeError("the moderator's transaction fails later")
    with transaction(engine) as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 0
        item = session.get(Item, item_id)
        assert item is not None and item.status == "pending"
