"""The console shows each item's picture (or why it was refused) and edits its alt text."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from PIL import Image
from sqlalchemy import Engine, select

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.ingest.pictures import Outcome, store
from hub.core.models import Item, ItemPicture
from hub.core.pictures import prepare
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings

EMAIL, PASSWORD = "editor@example.org", "correct horse battery"
NEWS = {
    "title": "Participatory budgeting opens in Porto Alegre",
    "text": "The city council opened the new cycle of participatory budgeting.",
    "link": "https://example.org/porto-alegre-pb",
    "image_url": "https://example.org/pb.jpg",
    "image_alt": "An assembly in a school hall",
    "language": "",
}
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # a stored row's fetch time, never compared


@pytest.fixture
def app(engine: Engine):
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, EMAIL, PASSWORD)
    return console_app(settings, engine, clock=SteppingClock())


@pytest.fixture
def editor(app) -> Iterator[ConsoleClient]:
    with ConsoleClient(app) as client:
        client.sign_in(EMAIL, PASSWORD)
        yield client


def submitted(engine: Engine, app) -> int:
    with ConsoleClient(app) as member:
        assert member.submit("/submit-news", "/submit-news", NEWS).status_code == 303
    with transaction(engine) as session:
        return session.scalars(select(Item.id)).one()


def test_the_submitters_alt_waits_for_the_picture_and_a_moderator_edits_it(
    engine: Engine, app, editor: ConsoleClient
) -> None:
    item_id = submitted(engine, app)
    page = editor.get("/moderation").text
    assert "has not been fetched yet" in page and NEWS["image_alt"] in page
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 200, 90)).save(out, format="JPEG")
    with engine.begin() as conn:
        store(conn, Outcome(item_id, NEWS["image_url"], prepare(out.getvalue())), WHEN)
    page = editor.get("/moderation").text
    assert "640 × 480" in page and f'src="/items/{item_id}/picture"' in page
    served = editor.get(f"/items/{item_id}/picture")
    assert served.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(served.content)).size == (640, 480)
    assert served.headers["x-content-type-options"] == "nosniff"

    response = editor.submit(
        "/moderation", f"/items/{item_id}/picture", {"alt": "Voters queue", "back": "/moderation"}
    )
    assert "Saved the picture" in editor.follow(response).text
    with transaction(engine) as session:
        row = session.get(ItemPicture, item_id)
        assert row is not None and row.alt == "Voters queue" and row.data is not None


def test_a_refused_picture_is_shown_with_its_reason(
    engine: Engine, app, editor: ConsoleClient
) -> None:
    item_id = submitted(engine, app)
    reason = "not an image: the bytes are an HTML page, not JPEG, PNG, GIF or WebP"
    with engine.begin() as conn:
        store(conn, Outcome(item_id, NEWS["image_url"], error=reason), WHEN)
    page = editor.get(f"/items/{item_id}").text
    assert "The picture was refused, so the posts go as text" in page
    assert "an HTML page" in page
    assert editor.get(f"/items/{item_id}/picture").status_code == 404


@pytest.mark.parametrize(
    ("platform", "target"), [("slack", "C0DEMO"), ("matrix", "!n:standin.local")]
)
def test_the_sandbox_shows_the_picture_a_slack_or_matrix_post_uploaded(
    platform: str, target: str
) -> None:
    import asyncio

    from hub.core.ports import ChannelInfo, Message
    from hub.web.standins import read_standin
    from hub.wiring import SINKS, STANDINS

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 60)).save(out, format="JPEG")
    picture = prepare(out.getvalue(), "A green field")

    async def main() -> list[str]:
        standin = STANDINS[platform]()
        await standin.start()
        try:
            channel = ChannelInfo("demo", platform, target, "en", None, standin.url)
            standin.prepare(channel)
            sink = SINKS[platform](channel, standin.secret())
            await sink.start()
            await sink.send(Message(delivery_id=1, kind="item", title="Field day", picture=picture))
            await sink.close()
            return [m.note for m in read_standin(platform, standin).messages]
        finally:
            await standin.close()

    notes = asyncio.run(main())
    assert "picture: 640×480 JPEG" in notes


def test_the_matrix_sandbox_pairs_a_picture_with_its_own_text_when_other_posts_interleave() -> None:
    """Two workers post to one room: another item's text lands between an item's text and
    its ``m.image``; the picture is still shown with its own post, not the one before it."""
    import asyncio

    from hub.core.ports import ChannelInfo, Message
    from hub.web.standins import read_standin
    from hub.wiring import SINKS, STANDINS

    out = io.BytesIO()
    Image.new("RGB", (320, 200), (30, 120, 60)).save(out, format="JPEG")
    picture = prepare(out.getvalue(), "A green field")

    async def main() -> list[tuple[str, str]]:
        standin = STANDINS["matrix"]()
        await standin.start()
        try:
            channel = ChannelInfo("demo", "matrix", "!n:standin.local", "en", None, standin.url)
            standin.prepare(channel)
            first = SINKS["matrix"](channel, standin.secret())
            other = SINKS["matrix"](channel, standin.secret())
            await first.start()
            await other.start()
            upload = first.client.upload  # type: ignore[attr-defined]

            async def upload_after_another_post(*args: object, **kwargs: object) -> object:
                await other.send(Message(delivery_id=2, kind="item", title="Roundup"))
                return await upload(*args, **kwargs)

            first.client.upload = upload_after_another_post  # type: ignore[attr-defined]
            await first.send(
                Message(delivery_id=1, kind="item", title="Field day", picture=picture)
            )
            await first.close()
            await other.close()
            return [(str(m.body), m.note) for m in read_standin("matrix", standin).messages]
        finally:
            await standin.close()

    posts = asyncio.run(main())
    assert len(posts) == 2
    pictured = [text for text, note in posts if "picture: 320×200 JPEG" in note]
    assert len(pictured) == 1 and "Field day" in pictured[0]
