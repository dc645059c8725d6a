"""Items' pictures fetched once through the SSRF guard, checked, and stored (both databases).

The guard resolves through an injected resolver (a public address for the
picture host, a private one for the intranet host); the HTTP answers come from
an ``httpx.MockTransport``, which also counts the requests.
"""

from __future__ import annotations

import asyncio
import io

import httpx
from PIL import Image
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.ingest.fetch import make_client
from hub.core.ingest.netguard import NetGuard
from hub.core.ingest.pictures import (
    Outcome,
    PictureFetcher,
    load_pictures,
    picture_guard,
    refused_pictures,
    set_alt,
)
from hub.core.ingest.poller import Poller
from hub.core.models import Delivery, Item, ItemPicture
from hub.testing.feedserver import Route, rss, serving

ADDRESSES = {"pictures.example.org": "93.184.216.34", "intranet.example.org": "10.0.0.5"}


async def resolver(host: str, port: int) -> list[str]:
    return [ADDRESSES[host]]


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (41.0, 23.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def bomb() -> bytes:
    out = io.BytesIO()
    Image.new("1", (7_000, 6_000)).save(out, format="PNG")  # 42 MP in a few KB
    return out.getvalue()


BODIES = {
    "/photo.jpg": (jpeg_with_gps(), "image/jpeg"),
    "/page.jpg": (b"<!DOCTYPE html><html><body>Not found</body></html>", "image/jpeg"),
    "/bomb.png": (bomb(), "image/png"),
}


def add_items(engine: Engine, urls: list[str]) -> list[int]:
    with Session(engine) as session, session.begin():
        items = [Item(title=f"News {n}", image_url=url) for n, url in enumerate(urls)]
        session.add_all(items)
        session.flush()
        return [item.id for item in items]


def collect(engine: Engine, requests: list[str]) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request.url.path)
        body, content_type = BODIES[request.url.path]
        headers = {"content-type": content_type}
        return httpx.Response(200, stream=httpx.ByteStream(body), headers=headers)

    async def main() -> None:
        transport = httpx.MockTransport(answer)
        async with httpx.AsyncClient(transport=transport) as client:
            await PictureFetcher(client, NetGuard(resolver=resolver)).collect(engine)

    asyncio.run(main())


def test_pictures_are_fetched_once_checked_and_refused_with_a_reason(engine: Engine) -> None:
    ok, private, html, bombed = add_items(
        engine,
        [
            "https://pictures.example.org/photo.jpg",
            "https://intranet.example.org/photo.jpg",
            "https://pictures.example.org/page.jpg",
            "https://pictures.example.org/bomb.png",
        ],
    )
    requests: list[str] = []
    collect(engine, requests)
    assert sorted(requests) == ["/bomb.png", "/page.jpg", "/photo.jpg"]  # never the intranet
    with engine.connect() as conn:
        stored = load_pictures(conn, {ok, private, html, bombed})
        refused = refused_pictures(conn, {ok, private, html, bombed})
        rows = conn.execute(select(ItemPicture.item_id, ItemPicture.error)).all()
        errors = {item_id: error or "" for item_id, error in rows}
    assert set(stored) == {ok} and refused == {private, html, bombed}
    picture = stored[ok]
    assert (picture.mime, picture.width, picture.height, picture.alt) == (
        "image/jpeg",
        800,
        600,
        "News 0",  # no alt given: the title
    )
    assert not Image.open(io.BytesIO(picture.data)).getexif()  # no GPS position left
    assert "10.0.0.5" in errors[private] and "private" in errors[private]
    assert "not an image" in errors[html] and "HTML" in errors[html]
    assert "decompression bomb" in errors[bombed]

    collect(engine, requests)  # once: nothing is fetched again
    assert len(requests) == 3


def test_a_new_image_url_is_fetched_again_and_the_alt_text_is_kept(engine: Engine) -> None:
    [item_id] = add_items(engine, ["https://pictures.example.org/page.jpg"])
    with engine.begin() as conn:
        set_alt(conn, item_id, "https://pictures.example.org/page.jpg", "A square in Porto")
    requests: list[str] = []
    collect(engine, requests)
    with Session(engine) as session, session.begin():
        item = session.get(Item, item_id)
        assert item is not None
        item.image_url = "https://pictures.example.org/photo.jpg"
    collect(engine, requests)
    assert requests == ["/page.jpg", "/photo.jpg"]
    with engine.connect() as conn:
        [picture] = load_pictures(conn, {item_id}).values()
        assert refused_pictures(conn, {item_id}) == set()
    assert picture.alt == "A square in Porto"


class AheadOnly(PictureFetcher):
    """The fetcher with its end-of-cycle sweep turned off: only what the poll fetched ahead."""

    async def collect(self, engine: Engine, item_ids: set[int] | None = None) -> list[Outcome]:
        return []


def test_a_trusted_feed_item_is_approved_with_its_picture_already_stored(engine: Engine) -> None:
    with serving() as server:
        photo = server.add("/p.jpg", Route(body=jpeg_with_gps(), content_type="image/jpeg"))
        feed = rss("News", [("a", "Award call open", "Apply now.")]).replace(
            b"</description>",
            f'</description><enclosure url="{photo}" type="image/jpeg" length="0"/>'.encode(),
        )
        url = server.add("/news.rss", Route(body=feed))
        settings = Settings.model_validate(
            {
                "hub": {"languages": ["en"], "picture_allow_private": ["127.0.0.1/32"]},
                "sources": {"site": {"kind": "feed", "url": url, "trusted": True}},
                "channels": {"news": {"platform": "memory", "target": "#news"}},
                "routes": [{"name": "all", "to": ["news"]}],
            }
        )
        with transaction(engine) as session:
            sync_config(session, settings)

        async def go() -> None:
            async with make_client() as client:
                pictures = AheadOnly(client, picture_guard(settings.hub.picture_allow_private))
                await Poller(engine, settings, client, pictures=pictures).run_once()

        asyncio.run(go())
        assert server.routes["/p.jpg"].hits == 1
    with engine.connect() as conn:
        item_id, status = conn.execute(select(Item.id, Item.status)).one()
        assert status == "approved"
        assert conn.scalar(select(func.count()).select_from(Delivery)) == 1
        [picture] = load_pictures(conn, {item_id}).values()
    assert (picture.width, picture.height) == (800, 600)
