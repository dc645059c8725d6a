"""The feed's description of a picture is stored as its alt text with the new item, kept
when the picture arrives, and never replaces words a person gave."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.ingest.parse import parse_feed
from hub.core.ingest.pictures import Outcome, load_pictures, offer_alt, set_alt, store
from hub.core.ingest.store import store_candidates
from hub.core.models import ItemPicture, Source
from hub.core.pictures import prepare

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
SETTINGS = Settings.model_validate(
    {
        "hub": {"languages": ["en"]},
        "sources": {"site": {"kind": "feed", "url": "https://oidp.net/rss", "trusted": True}},
        "channels": {"news": {"platform": "memory", "target": "#news"}},
        "routes": [{"name": "all", "to": ["news"]}],
    }
)
FEED = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>IOPD</title><link>https://oidp.net</link>
<item><title>Cascais wins the award</title><link>https://oidp.net/news/cascais</link>
<guid>https://oidp.net/news/cascais</guid><description>The jury chose Cascais.</description>
<media:content url="https://oidp.net/media/cascais.jpg" medium="image">
<media:description>The mayor of Cascais holds the award on stage</media:description>
</media:content></item>
</channel></rss>"""
URL = "https://oidp.net/media/cascais.jpg"


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), (90, 20, 160)).save(out, format="JPEG")
    return out.getvalue()


def test_the_feeds_description_is_the_pictures_alt_until_a_person_changes_it(
    engine: Engine,
) -> None:
    parsed = parse_feed(FEED, url="https://oidp.net/rss", now=NOW)
    with Session(engine) as session, session.begin():
        sync_config(session, SETTINGS)
        session.flush()
        source = session.scalars(select(Source).where(Source.key == "site")).one()
        report = store_candidates(session, source, parsed.candidates, settings=SETTINGS, now=NOW)
        [item] = report.created
        item_id = item.id
        assert item.status == "approved"  # a trusted source: sent with this alt at once
    said = "The mayor of Cascais holds the award on stage"
    with engine.begin() as conn:
        row = conn.execute(select(ItemPicture).where(ItemPicture.item_id == item_id)).one()
        assert row.alt == said and row.data is None  # waiting for the picture itself
        store(conn, Outcome(item_id, URL, prepare(jpeg())), NOW)
        assert load_pictures(conn, {item_id})[item_id].alt == said
        set_alt(conn, item_id, URL, "Mayor and jury, Cascais")  # a moderator's words
        offer_alt(conn, item_id, URL, said)  # the feed again: never over a person's
        assert load_pictures(conn, {item_id})[item_id].alt == "Mayor and jury, Cascais"
