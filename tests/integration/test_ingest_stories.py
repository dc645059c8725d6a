"""One story in several languages, stored once: the demo's award call in English and Spanish."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from hub.core.bus.messages import content_for, item_contents
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings, load_settings
from hub.core.db import transaction
from hub.core.ingest.pipeline import read_feed
from hub.core.ingest.store import fingerprints, store_candidates
from hub.core.models import Channel, Delivery, Item, ItemOrigin, ItemTranslation, Source

SHIPPED = Path(__file__).parents[2] / "config" / "hub.toml"
NEWS = files("hub.demo").joinpath("news.rss").read_bytes()
# The demo feed's entries are dated November 2026; the clock is a few days later.
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def shipped_settings() -> Settings:
    def switch_on(data: dict[str, Any]) -> None:
        for key in ("mastodon", "bluesky"):
            data["channels"][key]["enabled"] = True

    return load_settings(SHIPPED, overrides=switch_on)


def poll(engine: Engine, settings: Settings, body: bytes, now: dt.datetime) -> None:
    with transaction(engine) as session:
        sync_config(session, settings)
        source = session.scalars(select(Source).where(Source.key == "website_news")).one()
        parsed = read_feed(
            body,
            url="https://oidp.net/en/news.rss",
            now=now,
            known=fingerprints(session, source.id),
        )
        store_candidates(session, source, parsed.candidates, settings=settings, now=now)


def deliveries_by_channel(engine: Engine, item_id: int) -> dict[str, int]:
    with transaction(engine) as session:
        rows = session.execute(
            select(Channel.key, func.count(Delivery.id))
            .join(Delivery, Delivery.channel_id == Channel.id)
            .where(Delivery.item_id == item_id)
            .group_by(Channel.key)
        )
        return {key: count for key, count in rows}


def test_the_award_call_in_two_languages_is_one_story_posted_once_per_channel(
    engine: Engine,
) -> None:
    settings = shipped_settings()
    poll(engine, settings, NEWS, NOW)
    with transaction(engine) as session:
        award = session.scalars(select(Item).where(Item.title.like("Call for candidacies%"))).one()
        assert (
            session.scalar(select(func.count(Item.id)).where(Item.title.like("Convocatoria%"))) == 0
        )
        spanish = {t.language: t for t in award.translations}["es"]
        assert spanish.title.startswith("Convocatoria")
        assert spanish.link == "https://oidp.net/es/award.php"
        origins = {o.external_id: o.language for o in award.origins}
        assert origins == {"guid:demo-award-call": None, "guid:demo-award-call-es": "es"}
        assert "latin-america" in award.regions  # from the Spanish text
        award_id = award.id
        total = session.scalar(select(func.count(Item.id)))
    assert total == 5  # six entries, one of them the award call's Spanish version
    sent = deliveries_by_channel(engine, award_id)
    assert sent == {
        "slack_news": 1,
        "slack_roundups": 1,
        "mastodon": 1,
        "bluesky": 1,
        "telegram_latam_es": 1,
        "x": 1,  # drafted once for each network posted by hand (held on the Drafts page)
        "linkedin": 1,
    }
    with engine.connect() as conn:
        rows, translated = item_contents(conn, {award_id}, {"es", "en"})
        spanish_post = content_for(rows[award_id], translated, "es")
        english_post = content_for(rows[award_id], translated, "en")
    assert spanish_post.title.startswith("Convocatoria") and spanish_post.language == "es"
    assert spanish_post.link == "https://oidp.net/es/award.php"
    assert english_post.title.startswith("Call for candidacies")

    # Polled again: nothing new; the Spanish entry edited: only the translation changes.
    poll(engine, settings, NEWS, NOW + dt.timedelta(minutes=15))
    edited = NEWS.replace(b"Convocatoria: Distinci", b"Convocatoria abierta: Distinci")
    poll(engine, settings, edited, NOW + dt.timedelta(minutes=30))
    with transaction(engine) as session:
        assert session.scalar(select(func.count(Item.id))) == 5
        found = session.get(Item, award_id)
        assert found is not None
        award = found
        assert award is not None and award.title.startswith("Call for candidacies")
        titles = {t.language: t.title for t in award.translations}
        assert titles["es"].startswith("Convocatoria abierta")
    assert deliveries_by_channel(engine, award_id) == sent


def test_a_translation_arriving_later_reaches_the_channels_of_its_language(
    engine: Engine,
) -> None:
    settings = shipped_settings()
    english_first = NEWS.split(b"<item>\n      <title>Convocatoria")[0] + b"</channel></rss>"
    poll(engine, settings, english_first, NOW)
    poll(engine, settings, NEWS, NOW + dt.timedelta(hours=1))
    with transaction(engine) as session:
        award = session.scalars(select(Item).where(Item.title.like("Call for candidacies%"))).one()
        assert [t.language for t in award.translations] == ["es"]
        award_id = award.id
    assert deliveries_by_channel(engine, award_id)["telegram_latam_es"] == 1


def test_a_person_s_translation_is_kept_and_a_same_language_copy_is_one_more_origin(
    engine: Engine,
) -> None:
    settings = shipped_settings()
    poll(engine, settings, NEWS, NOW)
    with transaction(engine) as session:
        award = session.scalars(select(Item).where(Item.title.like("Call for candidacies%"))).one()
        spanish = {t.language: t for t in award.translations}["es"]
        spanish.title, spanish.content_hash = "Convocatoria (revisada por la secretaría)", None
        award_id = award.id
    edited = NEWS.replace(b"Convocatoria: Distinci", b"Convocatoria abierta: Distinci")
    poll(engine, settings, edited, NOW + dt.timedelta(minutes=15))
    with transaction(engine) as session:
        title = session.scalar(
            select(ItemTranslation.title).where(ItemTranslation.item_id == award_id)
        )
        assert title == "Convocatoria (revisada por la secretaría)"
        assert (
            session.scalar(select(func.count(ItemOrigin.id)).where(ItemOrigin.item_id == award_id))
            == 2
        )
