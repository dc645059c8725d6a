"""The public address of the hub's copy of an approved item's picture, and the sinks that
name it (the signed webhook beside its bytes, Teams instead of an inline thumbnail)."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import pytest
from PIL import Image
from sqlalchemy import Engine, select, update

from bots.teams.sink import teams_sink
from bots.teams.standin import TeamsStandIn
from bots.webhook.standin import WebhookStandIn
from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.ingest.pictures import Outcome, load_pictures, store
from hub.core.models import Item
from hub.core.picture_links import PictureLinks, picture_links, picture_token
from hub.core.pictures import prepare
from hub.core.ports import ChannelInfo, Message, Picture
from hub.web.testing import TEST_SECRET_KEY, ConsoleClient, console_app, example_settings
from hub.wiring import SINKS, sink_factories

PUBLIC = "https://hub.example.org"
NEWS = {
    "title": "Participatory budgeting opens in Porto Alegre",
    "text": "The city council opened the new cycle of participatory budgeting.",
    "link": "https://example.org/porto-alegre-pb",
    "image_url": "https://example.org/pb.jpg",
    "image_alt": "An assembly in a school hall",
    "language": "",
}
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # a stored row's fetch time, never compared
SECRET = "stand-in-webhook-secret"
FLOW, SIG = "/workflows/0123abcd/triggers/manual/paths/invoke", "sig-0123456789"


def jpeg(width: int, height: int, colour: tuple[int, int, int] = (10, 200, 90)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def app(engine: Engine):
    settings = example_settings(public_url=PUBLIC)
    with transaction(engine) as session:
        sync_config(session, settings)
    return console_app(settings, engine)


@pytest.fixture
def visitor(app) -> Iterator[ConsoleClient]:
    with ConsoleClient(app, base_url=PUBLIC) as client:
        yield client


def submitted(
    engine: Engine, client: ConsoleClient, status: str, **news: str
) -> tuple[int, Picture]:
    """A member's submission with a stored picture, its item set to ``status``."""
    assert client.submit("/submit-news", "/submit-news", NEWS | news).status_code == 303
    with engine.begin() as conn:
        item_id = conn.scalars(select(Item.id).order_by(Item.id.desc())).first()
        assert item_id is not None
        store(conn, Outcome(item_id, NEWS["image_url"], prepare(jpeg(640, 480))), WHEN)
        conn.execute(update(Item).where(Item.id == item_id).values(status=status))
        [picture] = load_pictures(conn, {item_id}).values()
    return item_id, picture


def path_of(picture: Picture) -> str:
    links = picture_links(example_settings(public_url=PUBLIC))
    assert links is not None
    url = links.url(picture)
    assert url is not None and url.startswith(PUBLIC + "/pictures/")
    return urlsplit(url).path


def test_an_approved_items_picture_is_served_to_anyone_at_its_signed_address(
    engine: Engine, visitor: ConsoleClient
) -> None:
    item_id, picture = submitted(engine, visitor, "approved")
    assert picture.item_id == item_id
    served = visitor.get(path_of(picture))
    assert served.status_code == 200
    assert served.content == picture.data
    assert served.headers["content-type"] == "image/jpeg"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert "immutable" in served.headers["cache-control"]
    assert "public" in served.headers["cache-control"]
    assert Image.open(io.BytesIO(served.content)).size == (640, 480)
    # the console's own address stays behind the sign-in
    assert visitor.get(f"/items/{item_id}/picture").status_code in (302, 303, 401, 403)


@pytest.mark.parametrize("status", ["pending", "declined", "retracted"])
def test_a_picture_of_an_item_not_approved_is_not_found(
    engine: Engine, visitor: ConsoleClient, status: str
) -> None:
    _item_id, picture = submitted(engine, visitor, status)
    assert visitor.get(path_of(picture)).status_code == 404


def test_an_item_retracted_after_approval_stops_serving_its_picture(
    engine: Engine, visitor: ConsoleClient
) -> None:
    item_id, picture = submitted(engine, visitor, "approved")
    path = path_of(picture)
    assert visitor.get(path).status_code == 200
    with engine.begin() as conn:
        conn.execute(update(Item).where(Item.id == item_id).values(status="retracted"))
    assert visitor.get(path).status_code == 404


def test_a_tampered_or_guessed_address_is_not_found(engine: Engine, visitor: ConsoleClient) -> None:
    item_id, picture = submitted(engine, visitor, "approved")
    path = path_of(picture)
    token = path.rsplit("/", 1)[1].split(".")[0]
    flipped = token[:-1] + ("0" if token[-1] != "0" else "1")
    other = {"title": "Youth budget in Cascais", "link": "https://example.org/cascais"}
    other_id, _ = submitted(engine, visitor, "approved", **other)
    assert other_id != item_id
    wrong_key = picture_token("another-key-" + TEST_SECRET_KEY, item_id, picture.data)
    for tampered in (
        path.replace(token, flipped),
        path.replace(".jpg", ".png"),
        f"/pictures/{other_id}/{token}.jpg",  # the same token on another item
        f"/pictures/{item_id}/{wrong_key}.jpg",
        f"/pictures/{item_id}/{token}.jpg/x",
        f"/pictures/{item_id}/",
    ):
        assert visitor.get(tampered).status_code == 404, tampered
    assert visitor.get(path).status_code == 200


def test_a_new_picture_gets_a_new_address_and_the_old_one_is_gone(
    engine: Engine, visitor: ConsoleClient
) -> None:
    item_id, picture = submitted(engine, visitor, "approved")
    old = path_of(picture)
    new_url = "https://example.org/pb-2.jpg"
    with engine.begin() as conn:
        conn.execute(update(Item).where(Item.id == item_id).values(image_url=new_url))
        store(conn, Outcome(item_id, new_url, prepare(jpeg(320, 200, (200, 0, 0)))), WHEN)
        [again] = load_pictures(conn, {item_id}).values()
    assert path_of(again) != old
    assert visitor.get(old).status_code == 404
    assert visitor.get(path_of(again)).content == again.data


def test_without_a_public_url_there_are_no_public_addresses(engine: Engine) -> None:
    settings = example_settings()
    assert picture_links(settings) is None
    assert sink_factories(settings) is SINKS
    no_key = example_settings(public_url=PUBLIC).model_copy(update={"secrets": {}})
    assert picture_links(no_key) is None
    with transaction(engine) as session:
        sync_config(session, settings)
    app = console_app(settings, engine)
    with ConsoleClient(app) as client:
        _item_id, picture = submitted(engine, client, "approved")
        assert client.get(path_of(picture)).status_code == 404


# --- the sinks -------------------------------------------------------------------------


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {
        "delivery_id": 1,
        "kind": "item",
        "title": "Cascais opens the vote",
        "text": "Young people vote until the end of the month.",
        "link": "https://oidp.net/cascais",
    }
    return Message(**{**base, **fields})


def stored_picture(width: int, height: int, item_id: int = 7) -> Picture:
    return replace(prepare(jpeg(width, height), alt="Young people voting"), item_id=item_id)


async def webhook_send(standin: WebhookStandIn, message: Message, factory: Any) -> Any:
    channel = ChannelInfo("wh", "webhook", "https://intranet.example.org/hooks/iopd", "en")
    sink = factory(replace(channel, base_url=standin.url), SECRET)
    try:
        return await sink.send(message)
    finally:
        await sink.close()


def test_the_webhook_event_names_the_public_address_beside_the_bytes_when_configured() -> None:
    settings = example_settings(public_url=PUBLIC)
    links = picture_links(settings)
    assert links is not None
    picture = stored_picture(800, 600)

    async def main() -> None:
        async with WebhookStandIn(secret_key=SECRET) as standin:
            configured = sink_factories(settings)["webhook"]
            await webhook_send(standin, item(picture=picture), configured)
            [held] = standin.messages()
            assert held.picture_url == links.url(picture)
            assert held.picture_url == f"{PUBLIC}{path_of(picture)}"
            assert held.picture is not None and held.picture.width == 800  # bytes still there

    asyncio.run(main())


def test_the_webhook_event_has_no_url_without_a_public_address() -> None:
    async def main() -> None:
        async with WebhookStandIn(secret_key=SECRET) as standin:
            factory = sink_factories(example_settings())["webhook"]
            await webhook_send(standin, item(picture=stored_picture(800, 600)), factory)
            [held] = standin.messages()
            assert held.picture is not None and held.picture_url is None

    asyncio.run(main())


def test_the_webhook_picture_object_only_gains_url() -> None:
    from bots.webhook.format import event

    channel = ChannelInfo("wh", "webhook", "https://intranet.example.org/hooks/iopd", "en")
    copy = stored_picture(100, 80)
    plain = event(item(), channel, picture=copy)["picture"]
    named = event(item(), channel, picture=copy, picture_url=f"{PUBLIC}/pictures/7/x.jpg")[
        "picture"
    ]
    assert isinstance(plain, dict) and isinstance(named, dict)
    assert "url" not in plain
    assert named == {**plain, "url": f"{PUBLIC}/pictures/7/x.jpg"}


async def teams_send(standin: TeamsStandIn, message: Message, links: PictureLinks | None) -> Any:
    url = f"https://prod-00.westeurope.logic.azure.com:443{FLOW}?api-version=2016-06-01&sig={SIG}"
    channel = ChannelInfo("tm", "teams", "News", base_url=standin.url)
    sink = teams_sink(channel, url, links.url if links else None)
    try:
        return await sink.send(message)
    finally:
        await sink.close()


def test_teams_shows_the_full_size_public_copy_when_configured() -> None:
    links = PictureLinks(PUBLIC, TEST_SECRET_KEY)
    picture = stored_picture(1000, 700)

    async def main() -> None:
        async with TeamsStandIn(hooks={FLOW: SIG}) as standin:
            receipt = await teams_send(standin, item(picture=picture), links)
            [stored] = standin.stored
            [image] = stored.images
            assert receipt.note is None and not image.inline
            [element] = [e for e in stored.card["body"] if e.get("type") == "Image"]
            assert element["url"] == links.url(picture)
            assert element["altText"] == "Young people voting"
            # without a public address: the inline thumbnail, as before
            await teams_send(standin, item(delivery_id=2, picture=picture), None)
            assert standin.stored[1].images[0].inline

    asyncio.run(main())


def test_teams_keeps_the_thumbnail_for_a_picture_over_its_card_image_limits() -> None:
    links = PictureLinks(PUBLIC, TEST_SECRET_KEY)

    async def main() -> None:
        async with TeamsStandIn(hooks={FLOW: SIG}) as standin:
            await teams_send(standin, item(picture=stored_picture(1600, 900)), links)
            [image] = standin.stored[0].images
            assert image.inline and image.refused is None

    asyncio.run(main())


def test_slack_names_the_hubs_copy_when_the_workspace_refuses_the_upload() -> None:
    from bots.slack.sink import slack_sink
    from bots.slack.standin import SlackStandIn

    links = PictureLinks(PUBLIC, TEST_SECRET_KEY)
    picture = stored_picture(600, 400)
    stranger = "https://images.example.net/vote.jpg"

    async def main() -> None:
        async with SlackStandIn(tokens=("xoxb-stand-in-token",)) as standin:
            standin.add_channel("C0NEWS", "news")
            standin.uploads_disabled = True
            channel = ChannelInfo("s", "slack", "C0NEWS", base_url=standin.url)
            for picture_url in (links.url, None):
                sink = slack_sink(channel, "xoxb-stand-in-token", picture_url)
                try:
                    message = item(picture=picture, image_url=stranger)
                    receipt = await sink.send(message)
                finally:
                    await sink.close()
                posted = standin.messages("C0NEWS")[-1]
                [image] = [b for b in posted.blocks if b["type"] == "image"]
                if picture_url is None:  # as before: the item's own address
                    assert image["image_url"] == stranger
                    assert "sent as text" in (receipt.note or "")
                else:
                    assert image["image_url"] == links.url(picture)
                    assert "file_uploads_disabled" in (receipt.note or "")
                    assert "public address" in (receipt.note or "")

    asyncio.run(main())


def test_discord_embed_names_the_hubs_copy_when_the_upload_is_refused() -> None:
    from bots.discord.sink import discord_sink
    from bots.discord.standin import DiscordStandIn
    from bots.limits import DiscordLimits

    links = PictureLinks(PUBLIC, TEST_SECRET_KEY)
    noise = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(noise, format="JPEG")
    picture = replace(prepare(noise.getvalue(), alt="Young people voting"), item_id=7)

    async def main() -> None:
        limits = DiscordLimits(attachment_bytes=1000)  # the picture's upload is refused
        async with DiscordStandIn(webhooks={"1100": "token"}, limits=limits) as standin:
            channel = ChannelInfo("dc", "discord", "1100", "en", base_url=standin.url)
            sink = discord_sink(channel, "token", links.url)
            try:
                receipt = await sink.send(item(picture=picture))
            finally:
                await sink.close()
            [held] = standin.messages()
            assert held.attachments == []
            assert held.embeds[0]["image"]["url"] == links.url(picture)
            assert "Request entity too large" in (receipt.note or "")
            assert "public address" in (receipt.note or "")

    asyncio.run(main())
