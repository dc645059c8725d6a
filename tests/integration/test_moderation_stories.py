"""The secretariat merges two items into one story, or splits a language off."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Channel, Delivery, Item, ItemOrigin, Source
from hub.core.moderation.decisions import ModerationError, approve
from hub.core.moderation.stories import merge_stories, split_story

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
BY = "ana@oidp.net"
SETTINGS = Settings.model_validate(
    {
        "hub": {"languages": ["en", "es"]},
        "sources": {"site": {"kind": "feed", "url": "https://oidp.net/rss"}},
        "channels": {
            "news_en": {"platform": "memory", "target": "#news", "language": "en"},
            "news_es": {"platform": "memory", "target": "#noticias", "language": "es"},
        },
        "routes": [
            {"name": "all", "to": ["news_en"]},
            {"name": "spanish", "match": {"languages": ["es"]}, "to": ["news_es"]},
        ],
    }
)


def two_items(engine: Engine) -> tuple[int, int]:
    """The same story stored twice (translated slugs), both approved."""
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        source = session.scalars(select(Source)).one()
        ids = []
        for language, title, link in (
            ("en", "A new guide on youth participation", "https://oidp.net/en/youth-guide"),
            ("es", "Una guía sobre participación juvenil", "https://oidp.net/es/guia-juventud"),
        ):
            item = Item(title=title, link=link, language=language, tags=["youth"])
            item.source_id, item.status = source.id, "pending"
            session.add(item)
            session.flush()
            origin = ItemOrigin(item_id=item.id, source_id=source.id, seen_at=NOW)
            origin.external_id = f"guid:{language}"
            session.add(origin)
            approve(session, item, SETTINGS, by=BY, now=NOW)
            ids.append(item.id)
        return ids[0], ids[1]


def deliveries(engine: Engine) -> list[tuple[int | None, str, str]]:
    with transaction(engine) as session:
        rows = session.execute(
            select(Delivery.item_id, Channel.key, Delivery.status)
            .join(Channel, Channel.id == Delivery.channel_id)
            .where(Delivery.kind == "item")
            .order_by(Delivery.id)
        )
        return [(item_id, key, status) for item_id, key, status in rows]


def test_merging_makes_one_story_posted_once_per_channel_in_its_language(
    engine: Engine,
) -> None:
    english, spanish = two_items(engine)
    assert deliveries(engine) == [
        (english, "news_en", "pending"),
        (spanish, "news_en", "pending"),
        (spanish, "news_es", "pending"),
    ]
    with transaction(engine) as session:
        keep, other = session.get(Item, english), session.get(Item, spanish)
        assert keep is not None and other is not None
        added = merge_stories(session, keep, other, settings=SETTINGS, by=BY, now=NOW)
        assert [d.item_id for d in added] == [english, english]
    assert deliveries(engine) == [
        (english, "news_en", "pending"),
        (spanish, "news_en", "cancelled"),
        (spanish, "news_es", "cancelled"),
        (english, "news_es", "pending"),
    ]
    with transaction(engine) as session:
        keep = session.get(Item, english)
        other = session.get(Item, spanish)
        assert keep is not None and other is not None
        assert {t.language: t.link for t in keep.translations} == {
            "es": "https://oidp.net/es/guia-juventud"
        }
        assert other.status == "retracted" and other.decline_reason == f"merged into item {english}"
        origins = {
            o.external_id: (o.item_id, o.language) for o in session.scalars(select(ItemOrigin))
        }
        assert origins == {"guid:en": (english, None), "guid:es": (english, "es")}
        with pytest.raises(ModerationError, match="only pending or approved"):
            merge_stories(session, keep, other, settings=SETTINGS, by=BY, now=NOW)

        alone = split_story(session, keep, "es", now=NOW)
        assert alone.title.startswith("Una guía") and alone.status == "pending"
        assert alone.link == "https://oidp.net/es/guia-juventud" and alone.language == "es"
        assert keep.translations == []
        moved = session.scalars(select(ItemOrigin).where(ItemOrigin.external_id == "guid:es")).one()
        assert (moved.item_id, moved.language) == (alone.id, None)
        with pytest.raises(ModerationError, match="no es version"):
            split_story(session, keep, "es", now=NOW)


def test_two_items_in_one_language_are_not_a_story(engine: Engine) -> None:
    english, spanish = two_items(engine)
    with transaction(engine) as session:
        keep, other = session.get(Item, english), session.get(Item, spanish)
        assert keep is not None and other is not None
        other.language = "en"
        with pytest.raises(ModerationError, match="different languages"):
            merge_stories(session, keep, other, settings=SETTINGS, by=BY, now=NOW)
