"""A member's link gives the item its picture: the page's ``og:image`` and ``og:image:alt``,
read through the picture's SSRF guard from the first 256 KB of the page (both databases).

The pages and pictures come from a loopback server (``hub.testing.feedserver``); the
guard lets the pictures through only because ``[hub] picture_allow_private`` names
127.0.0.1, as an intranet deployment would.
"""

from __future__ import annotations

import asyncio
import io

import httpx
import pytest
from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.ingest.errors import FetchError
from hub.core.ingest.fetch import FetchLimits, fetch, make_client
from hub.core.ingest.link_picture import PAGE_LIMITS, picture_in
from hub.core.ingest.pictures import PictureFetcher, load_pictures, picture_errors, picture_guard
from hub.core.models import Item, ItemPicture, Source
from hub.testing.feedserver import FeedServer, Route, serving

LOOPBACK = ["127.0.0.1/32"]


def jpeg(width: int = 800, height: int = 600) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


def page(head: str, body: str = "<p>The news itself.</p>") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>News</title>{head}</head>"
        f"<body>{body}</body></html>"
    ).encode()


def settings() -> Settings:
    return Settings.model_validate(
        {
            "hub": {"languages": ["en"]},
            "sources": {
                "web_form": {"kind": "web", "title": "Members' web form"},
                "site": {"kind": "feed", "url": "https://example.org/feed.rss"},
            },
            "channels": {"news": {"platform": "memory", "target": "#news"}},
            "routes": [{"name": "all", "to": ["news"]}],
        }
    )


def add_item(engine: Engine, link: str, *, source: str = "web_form", **fields: str) -> int:
    with transaction(engine) as session:
        sync_config(session, settings())
    with Session(engine) as session, session.begin():
        source_id = session.scalars(select(Source.id).where(Source.key == source)).one()
        item = Item(title="Cascais opens the vote", link=link, source_id=source_id, **fields)
        session.add(item)
        session.flush()
        return item.id


def collect(engine: Engine, allow: list[str] = LOOPBACK) -> None:
    async def main() -> None:
        async with make_client() as client:
            await PictureFetcher(client, picture_guard(allow)).collect(engine)

    asyncio.run(main())


def stored(engine: Engine, item_id: int) -> tuple[str | None, ItemPicture | None]:
    with Session(engine) as session:
        item = session.get(Item, item_id)
        assert item is not None
        return item.image_url, session.get(ItemPicture, item_id)


def test_a_members_link_gives_its_pages_og_image_with_its_alt(engine: Engine) -> None:
    with serving() as server:
        server.add("/media/vote.jpg", Route(body=jpeg(), content_type="image/jpeg"))
        head = (
            '<meta property="og:title" content="Cascais opens the vote">'
            '<meta property="og:image" content="/media/vote.jpg">'
            '<meta property="og:image:alt" content="Young people queue to vote &amp; talk">'
        )
        # the body names another picture: only the head counts
        body = '<meta property="og:image" content="/media/other.jpg">'
        link = server.add("/news/cascais", Route(body=page(head, body), content_type="text/html"))
        item_id = add_item(engine, link)
        collect(engine)
        image_url, row = stored(engine, item_id)
        assert image_url == server.url("/media/vote.jpg")
        assert (
            row is not None
            and row.error is None
            and row.alt == ("Young people queue to vote & talk")
        )
        with engine.connect() as conn:
            [picture] = load_pictures(conn, {item_id}).values()
        assert (picture.width, picture.height) == (800, 600)
        collect(engine)  # read once: nothing is fetched again
        assert (server.routes["/news/cascais"].hits, server.routes["/media/vote.jpg"].hits) == (
            1,
            1,
        )


def test_a_page_with_no_og_image_leaves_the_item_without_a_picture_and_says_why(
    engine: Engine,
) -> None:
    with serving() as server:
        link = server.add("/plain", Route(body=page(""), content_type="text/html"))
        item_id = add_item(engine, link)
        collect(engine)
        collect(engine)
        image_url, row = stored(engine, item_id)
        assert image_url is None
        assert row is not None and row.data is None and "no og:image" in (row.error or "")
        assert server.routes["/plain"].hits == 1
        with Session(engine) as session:
            assert session.get(Item, item_id).status == "pending"  # type: ignore[union-attr]


def test_an_og_image_that_is_no_picture_is_refused_like_any_picture(engine: Engine) -> None:
    with serving() as server:
        server.add("/fake.jpg", Route(body=page(""), content_type="image/jpeg"))
        head = '<meta property="og:image" content="/fake.jpg">'
        link = server.add("/news", Route(body=page(head), content_type="text/html"))
        item_id = add_item(engine, link)
        collect(engine)
        image_url, row = stored(engine, item_id)
        assert image_url == server.url("/fake.jpg")
        assert row is not None and row.data is None
        with engine.connect() as conn:
            refused = picture_errors(conn, {item_id})
        assert "not" in refused[item_id] and "image" in refused[item_id]


def test_the_guard_refuses_a_private_page_without_picture_allow_private(engine: Engine) -> None:
    with serving() as server:
        server.add("/p.jpg", Route(body=jpeg(), content_type="image/jpeg"))
        head = '<meta property="og:image" content="/p.jpg">'
        link = server.add("/news", Route(body=page(head), content_type="text/html"))
        item_id = add_item(engine, link)
        collect(engine, allow=[])
        image_url, row = stored(engine, item_id)
        assert image_url is None and server.routes["/news"].hits == 0
        assert row is not None and "could not read the link's page" in (row.error or "")


def test_only_members_submissions_have_their_links_read(engine: Engine) -> None:
    with serving() as server:
        head = '<meta property="og:image" content="/p.jpg">'
        link = server.add("/news", Route(body=page(head), content_type="text/html"))
        feed_item = add_item(engine, link, source="site")
        declined = add_item(engine, link + "?declined", status="declined")
        collect(engine)
        assert server.routes["/news"].hits == 0
        assert stored(engine, feed_item) == (None, None)
        assert stored(engine, declined) == (None, None)


def test_a_page_is_read_only_up_to_its_first_256_kb(engine: Engine) -> None:
    filler = "<p>" + "x" * 1000 + "</p>"
    with serving() as server:
        server.add("/early.jpg", Route(body=jpeg(), content_type="image/jpeg"))
        early = page('<meta property="og:image" content="/early.jpg">', filler * 2000)
        late = page(
            "<style>"
            + "x" * 300_000
            + "</style>"
            + '<meta property="og:image" content="/late.jpg">'
        )
        assert len(early) > 2_000_000
        first = add_item(engine, server.add("/big", Route(body=early, content_type="text/html")))
        second = add_item(engine, server.add("/late", Route(body=late, content_type="text/html")))
        collect(engine)
        assert stored(engine, first)[0] == server.url("/early.jpg")
        image_url, row = stored(engine, second)
        assert image_url is None and row is not None and "no og:image" in (row.error or "")


def test_fetch_head_only_keeps_the_first_bytes_instead_of_refusing(server: FeedServer) -> None:
    server.add("/big", Route(body=b"a" * 500_000, content_type="text/html"))
    server.add("/bomb", Route(gzip_bomb_bytes=50_000_000, content_type="text/html"))
    limits = FetchLimits(deadline_seconds=10, max_bytes=1000, head_only=True)

    async def main() -> None:
        async with httpx.AsyncClient() as client:
            for path in ("/big", "/bomb"):
                got = await fetch(client, server.url(path), limits=limits)
                assert len(got.body) == 1000
            with pytest.raises(FetchError) as refused:
                await fetch(client, server.url("/big"), limits=FetchLimits(max_bytes=1000))
            assert refused.value.kind == "too_large"

    asyncio.run(main())
    assert PAGE_LIMITS.max_bytes == 256 * 1024 and PAGE_LIMITS.head_only


@pytest.fixture
def server():
    with serving() as running:
        yield running


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="og:image" content="https://cdn.example.org/a.jpg">',
            "https://cdn.example.org/a.jpg",
        ),
        ('<meta name="og:image" content="b.png">', "https://example.org/news/b.png"),
        (
            '<meta property="og:image" content="/plain.jpg">'
            '<meta property="og:image:secure_url" content="https://example.org/secure.jpg">',
            "https://example.org/secure.jpg",
        ),
        ('<meta property="og:image" content="javascript:alert(1)">', None),
        ('<meta property="og:image" content="">', None),
        ("", None),
    ],
)
def test_picture_in_reads_the_heads_og_image(head: str, expected: str | None) -> None:
    found = picture_in(page(head), "https://example.org/news/item")
    assert (found.url if found else None) == expected


def test_the_item_page_says_why_the_link_gave_no_picture(engine: Engine) -> None:
    from hub.web.testing import ConsoleClient, add_user, console_app, example_settings

    with serving() as server:
        link = server.add("/plain", Route(body=page(""), content_type="text/html"))
        item_id = add_item(engine, link)
        collect(engine)
    console = example_settings()
    with transaction(engine) as session:
        sync_config(session, console)
    add_user(engine, "editor@example.org", "correct horse battery")
    with ConsoleClient(console_app(console, engine)) as editor:
        editor.sign_in("editor@example.org", "correct horse battery")
        shown = editor.get(f"/items/{item_id}").text
    assert "No picture from the link" in shown and "no og:image in its head" in shown
