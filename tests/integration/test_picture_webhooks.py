"""Items' pictures on Discord, Microsoft Teams and the signed webhook, against each stand-in.

Discord gets the picture uploaded with the message (multipart, ``payload_json`` and
``files[0]``, the embed showing ``attachment://``); Teams a small copy inside the card as
a ``data:`` URI, within the 28 KB a card may weigh; the webhook's receiver the picture's
facts and its bytes in base64. The stand-ins decode what they received and check it as
each platform does; a picture a platform refuses leaves a text post with a note.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, TypeVar

import httpx
import pytest
from picture_samples import item, picture
from PIL import Image

from bots.discord.sink import discord_sink
from bots.discord.standin import DiscordStandIn
from bots.limits import DISCORD, WEBHOOK, DiscordLimits
from bots.teams.sink import teams_sink
from bots.teams.standin import CardImage, TeamsStandIn, card_image
from bots.webhook.format import encoded, event, picture_field, picture_limits
from bots.webhook.sink import webhook_sink
from bots.webhook.standin import WebhookStandIn
from bots.webhook.standin import _picture as receiver_picture
from hub.core.pictures import fit, prepare
from hub.core.ports import ChannelInfo, Message
from hub.web.standins import read_standin
from hub.wiring import SINKS, STANDINS

T = TypeVar("T")
DISCORD_TOKEN = "discord-stand-in-token"
WEBHOOK_ID = "1100"


# --- Discord --------------------------------------------------------------------------


def discord(
    test: Callable[[DiscordStandIn], Awaitable[T]], limits: DiscordLimits | None = None
) -> T:
    async def main() -> T:
        rules = limits or DISCORD
        async with DiscordStandIn(webhooks={WEBHOOK_ID: DISCORD_TOKEN}, limits=rules) as standin:
            return await test(standin)

    return asyncio.run(main())


async def discord_send(standin: DiscordStandIn, message: Message) -> Any:
    channel = ChannelInfo("dc", "discord", WEBHOOK_ID, "en", base_url=standin.url)
    sink = discord_sink(channel, DISCORD_TOKEN)
    try:
        return await sink.send(message)
    finally:
        await sink.close()


def test_discord_uploads_the_picture_and_the_embed_shows_it() -> None:
    async def body(standin: DiscordStandIn) -> None:
        receipt = await discord_send(standin, item(picture=picture(1200, 800)))
        [held] = standin.messages()
        assert (held.id, receipt.note) == (receipt.platform_message_id, None)
        [upload] = held.attachments
        assert (upload.filename, upload.width, upload.height, upload.has_exif) == (
            "picture.jpg",
            1200,
            800,
            False,
        )
        assert upload.description == "Young people voting in Cascais"
        [embed] = held.embeds
        assert embed["image"] == {"url": "attachment://picture.jpg"}
        assert standin.embedded(held, embed) is upload
        # the file is served where the message says, as Discord's CDN serves it
        shown = standin._shape(held)["embeds"][0]["image"]["url"]
        async with httpx.AsyncClient() as client:
            served = await client.get(shown)
        assert served.status_code == 200 and served.content == upload.data

    discord(body)


def test_discord_edit_replaces_the_picture_and_an_edit_without_one_removes_it() -> None:
    async def body(standin: DiscordStandIn) -> None:
        first = await discord_send(standin, item(picture=picture(600, 400)))
        mid = first.platform_message_id
        await discord_send(standin, item(title="Corrected", picture=picture(300, 200), edit_of=mid))
        [held] = standin.messages()
        assert [(a.width, a.height) for a in held.attachments] == [(300, 200)]
        assert held.embeds[0]["title"] == "Corrected"
        await discord_send(standin, item(title="No picture", edit_of=mid))
        [held] = standin.messages()
        assert held.attachments == [] and "image" not in held.embeds[0]

    discord(body)


def test_discord_refuses_a_file_over_its_limit_and_the_post_goes_as_text() -> None:
    async def body(standin: DiscordStandIn) -> None:
        receipt = await discord_send(standin, item(picture=picture(400, 300)))
        [held] = standin.messages()
        assert held.attachments == [] and "image" not in held.embeds[0]
        assert held.embeds[0]["title"] == "Cascais opens the vote"
        assert "Request entity too large (code 40005)" in (receipt.note or "")
        assert "sent as text" in (receipt.note or "")
        refused = [r for r in standin.received if r.status == 413]
        assert len(refused) == 1

    discord(body, DiscordLimits(attachment_bytes=1000))


def test_discord_standin_checks_uploads_as_discord_does() -> None:
    async def body(standin: DiscordStandIn) -> None:
        url = f"{standin.url}/webhooks/{WEBHOOK_ID}/{DISCORD_TOKEN}?wait=true"
        jpeg = picture(80, 60).data

        async def post(payload: dict[str, Any], name: str, data: bytes) -> httpx.Response:
            async with httpx.AsyncClient() as client:
                return await client.post(
                    url,
                    data={"payload_json": json.dumps(payload)},
                    files={"files[0]": (name, data, "application/octet-stream")},
                )

        embed = {"title": "t", "image": {"url": "attachment://p.txt"}}
        listed = [{"id": 0, "filename": "p.txt"}]
        # an extension an embed may not show: the file stays a plain attachment
        answer = await post({"embeds": [embed], "attachments": listed}, "p.txt", jpeg)
        assert answer.status_code == 200
        assert "image" not in answer.json()["embeds"][0]
        assert answer.json()["attachments"][0]["filename"] == "p.txt"
        # bytes that are no image are not shown either
        embed_png = {"title": "t", "image": {"url": "attachment://p.png"}}
        answer = await post({"embeds": [embed_png]}, "p.png", b"<html>no</html>")
        assert "image" not in answer.json()["embeds"][0]
        # an attachments entry with no file of that id
        answer = await post({"embeds": [embed_png], "attachments": [{"id": 7}]}, "p.png", jpeg)
        assert (answer.status_code, answer.json()["code"]) == (400, 50035)
        assert "attachments" in answer.json()["errors"]
        # a PATCH with no attachments key keeps the files; one that lists none removes them
        answer = await post({"embeds": [embed_png]}, "p.png", jpeg)
        mid = answer.json()["id"]
        edit = f"{standin.url}/webhooks/{WEBHOOK_ID}/{DISCORD_TOKEN}/messages/{mid}"
        async with httpx.AsyncClient() as client:
            kept = await client.patch(edit, json={"content": "edited"})
            assert [a["filename"] for a in kept.json()["attachments"]] == ["p.png"]
            assert kept.json()["embeds"][0]["image"]["width"] == 80
            gone = await client.patch(edit, json={"attachments": []})
            assert gone.status_code == 200, gone.text
            assert gone.json()["attachments"] == [] and "image" not in gone.json()["embeds"][0]
        # past the file limit (10 MiB; here 20,000 bytes)
        answer = await post({"embeds": [embed_png]}, "p.png", b"x" * 20_001)
        assert answer.status_code == 413
        assert answer.json() == {"message": "Request entity too large", "code": 40005}

    discord(body, DiscordLimits(attachment_bytes=20_000, per_window=50))  # many requests


def test_discord_a_retraction_deletes_the_message_with_its_picture() -> None:
    async def body(standin: DiscordStandIn) -> None:
        posted = await discord_send(standin, item(picture=picture(200, 100)))
        mid = posted.platform_message_id
        await discord_send(standin, replace(item(kind="retraction"), edit_of=mid))
        assert standin.messages() == []

    discord(body)


# --- Microsoft Teams ------------------------------------------------------------------

FLOW = "/workflows/flow1/triggers/manual/paths/invoke"
SIG = "stand-in-workflow-sig"


def teams(test: Callable[[TeamsStandIn], Awaitable[T]]) -> T:
    async def main() -> T:
        async with TeamsStandIn(hooks={FLOW: SIG}) as standin:
            return await test(standin)

    return asyncio.run(main())


async def teams_send(standin: TeamsStandIn, message: Message) -> Any:
    url = f"https://prod-00.westeurope.logic.azure.com:443{FLOW}?api-version=2016-06-01&sig={SIG}"
    sink = teams_sink(ChannelInfo("tm", "teams", "News", base_url=standin.url), url)
    try:
        return await sink.send(message)
    finally:
        await sink.close()


def test_teams_card_carries_a_thumbnail_inline_within_28_kb() -> None:
    async def body(standin: TeamsStandIn) -> None:
        long_text = "Young people vote until the end of the month. " * 400  # 18,400 chars
        receipt = await teams_send(standin, item(text=long_text, picture=picture(1600, 1000)))
        [stored] = standin.stored
        [image] = stored.images
        assert receipt.note is None
        assert image.inline and image.refused is None and image.facts is not None
        assert max(image.facts.width, image.facts.height) <= 1024
        assert (image.facts.format, image.facts.has_exif) == ("JPEG", False)
        [element] = [e for e in stored.card["body"] if e["type"] == "Image"]
        assert element["altText"] == "Young people voting in Cascais"
        [received] = standin.received
        assert received.body_bytes <= 28 * 1024  # the stand-in refuses more with 413

    teams(body)


def test_teams_standin_tells_which_inline_pictures_teams_would_not_show() -> None:
    big = Image.new("RGB", (1100, 200), (10, 20, 30))
    out = io.BytesIO()
    big.save(out, format="PNG")
    wide = "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()
    webp = io.BytesIO()
    Image.new("RGB", (20, 20)).save(webp, format="WEBP")
    small = picture(40, 30).data
    cases = {
        wide: "larger than 1024 x 1024 pixels",
        "data:image/webp;base64," + base64.b64encode(webp.getvalue()).decode(): "not a PNG",
        "data:image/png;base64," + base64.b64encode(small).decode(): "type is not the image's",
        "data:image/jpeg;base64," + base64.b64encode(small).decode(): None,
    }
    for url, refused in cases.items():
        found = card_image(url, "1.4").refused
        assert found is None if refused is None else refused in (found or ""), (url[:30], found)
    ok = "data:image/jpeg;base64," + base64.b64encode(small).decode()
    assert card_image(ok, "1.0").refused == "data URIs need schema 1.2 or later"
    assert card_image("https://oidp.net/p.jpg", "1.4") == CardImage(inline=False)


def test_teams_a_picture_that_leaves_no_room_goes_without_it_and_says_so() -> None:
    async def body(standin: TeamsStandIn) -> None:
        # tags of characters that take 4 bytes each, about 20 KB of them: the text is cut to
        # make room, but the tags are not, and a thumbnail no longer fits beside them
        tags = tuple(f"tag{'𝔄' * 100}{n}" for n in range(50))
        receipt = await teams_send(standin, item(tags=tags, picture=picture(900, 600)))
        [stored] = standin.stored
        assert stored.images == []
        assert "28 KB" in (receipt.note or "")

    teams(body)


# --- the signed webhook ---------------------------------------------------------------

SECRET = "stand-in-webhook-secret"


def receiver(test: Callable[[WebhookStandIn], Awaitable[T]]) -> T:
    async def main() -> T:
        async with WebhookStandIn(secret_key=SECRET) as standin:
            return await test(standin)

    return asyncio.run(main())


async def webhook_send(standin: WebhookStandIn, message: Message) -> Any:
    channel = ChannelInfo("wh", "webhook", "https://intranet.example.org/hooks/iopd", "en")
    sink = webhook_sink(replace(channel, base_url=standin.url), SECRET)
    try:
        return await sink.send(message)
    finally:
        await sink.close()


def test_webhook_event_carries_the_picture_in_base64_with_its_facts() -> None:
    async def body(standin: WebhookStandIn) -> None:
        flat = io.BytesIO()
        Image.new("RGB", (2400, 1500), (200, 40, 40)).save(flat, format="JPEG")
        large = prepare(flat.getvalue(), alt="Young people voting in Cascais")
        receipt = await webhook_send(standin, item(picture=large))
        [held] = standin.messages()
        assert receipt.note is None
        assert held.picture is not None and not held.picture.has_exif
        assert (held.picture.format, held.picture.width, held.picture.height) == (
            "JPEG",
            1600,
            1000,
        )
        assert held.picture_alt == "Young people voting in Cascais"
        # an edit with no picture clears it
        await webhook_send(standin, item(delivery_id=2, edit_of=receipt.platform_message_id))
        [held] = standin.messages()
        assert held.updated and held.picture is None

    receiver(body)


def test_webhook_event_stays_within_256_kib_with_a_picture_and_a_long_text() -> None:
    noisy = picture(1600, 1600)  # noise compresses badly: the copy is squeezed to 96 KiB
    message = item(text="participation " * 3000, picture=noisy)
    copy = fit(noisy, picture_limits())
    body = event(message, ChannelInfo("wh", "webhook", "https://x.example/h"), picture=copy)
    size = len(encoded(body))
    assert size <= WEBHOOK.body_bytes
    shown = body["picture"]
    assert isinstance(shown, dict) and shown["bytes"] == len(copy.data) <= WEBHOOK.picture_bytes
    assert base64.b64decode(str(shown["data"])) == copy.data
    # existing keys are kept as they were: the picture only extends the event
    for key in ("event", "id", "title", "text", "html", "link", "image_url", "tags"):
        assert key in body


def test_webhook_receiver_refuses_a_picture_that_is_not_what_it_declares() -> None:
    good = picture_field(picture(30, 20))
    assert good is not None
    with pytest.raises(Exception, match="not the image its fields declare"):
        receiver_picture({**good, "width": 31})
    with pytest.raises(Exception, match="not base64"):
        receiver_picture({**good, "data": "@@@"})
    facts = receiver_picture(good)
    assert facts is not None and (facts.width, facts.height) == (30, 20)


# --- the console's sandbox ------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "target", "size"),
    [
        ("discord", "1234567890123456789", "900×600 JPEG"),
        ("teams", "IOPD / News", r"\d{2,3}×\d{2,3} JPEG"),  # a thumbnail, within 12,000 bytes
        # noise compresses badly: squeezed within the event's 96 KiB, the ratio kept
        ("webhook", "https://intranet.example.org/hooks/iopd", r"(\d{3})×\d{3} JPEG"),
    ],
)
def test_the_sandbox_shows_the_picture_each_stand_in_received(
    platform: str, target: str, size: str
) -> None:
    async def main() -> list[str]:
        standin = STANDINS[platform]()
        await standin.start()
        try:
            channel = ChannelInfo("demo", platform, target, "en", None, standin.url)
            standin.prepare(channel)
            sink = SINKS[platform](channel, standin.secret())
            await sink.send(item(picture=picture(900, 600)))
            await sink.close()
            return [m.note for m in read_standin(platform, standin).messages]
        finally:
            await standin.close()

    [shown] = asyncio.run(main())
    assert re.fullmatch(f"picture: {size}", shown), shown
