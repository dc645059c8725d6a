"""Items' pictures uploaded the platform's way, against each stand-in, with the real library.

Each stand-in decodes what it received and checks it as its platform does (size,
type, dimensions); the tests read back the dimensions it decoded and whether any
EXIF reached it. A picture a platform cannot take makes a text post with a note.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, TypeVar

import pytest
from picture_samples import item, photograph, picture
from PIL import Image

from bots.bluesky.sink import BlueskySink
from bots.bluesky.standin import BlueskyStandIn
from bots.mastodon.sink import mastodon_sink
from bots.mastodon.standin import MastodonStandIn
from bots.telegram.sink import telegram_sink
from bots.telegram.standin import TelegramStandIn
from hub.core.pictures import PictureLimits, prepare
from hub.core.ports import ChannelInfo, Message, Picture

pytestmark = [
    pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning"),
    # the atproto SDK hands uploadBlob's bytes to httpx as data=, which httpx deprecates
    pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning"),
]
T = TypeVar("T")
TOKEN = "123456:stand-in-token"
CHAT = -1001000000001


def telegram(test: Callable[[TelegramStandIn], Awaitable[T]]) -> T:
    async def main() -> T:
        async with TelegramStandIn((TOKEN,)) as standin:
            standin.add_chat(CHAT, type="channel", username="iopd_news")
            return await test(standin)

    return asyncio.run(main())


async def telegram_send(standin: TelegramStandIn, message: Message) -> Any:
    sink = telegram_sink(ChannelInfo("tg", "telegram", str(CHAT), base_url=standin.url), TOKEN)
    await sink.start()
    try:
        return await sink.send(message)
    finally:
        await sink.close()


def test_prepare_strips_exif_and_gps_and_keeps_the_pixels() -> None:
    raw = photograph(640, 480)
    assert Image.open(io.BytesIO(raw)).getexif()  # the camera's data is there before
    clean = prepare(raw)
    image = Image.open(io.BytesIO(clean.data))
    assert (clean.mime, image.size, (clean.width, clean.height)) == (
        "image/jpeg",
        (640, 480),
        (640, 480),
    )
    assert not image.getexif()
    assert b"Camera maker" not in clean.data


def test_telegram_receives_the_uploaded_photo_without_exif() -> None:
    async def body(standin: TelegramStandIn) -> None:
        receipt = await telegram_send(standin, item(picture=picture(1200, 800)))
        [held] = standin.messages(CHAT)
        assert (held.kind, str(held.message_id), receipt.note) == (
            "photo",
            receipt.platform_message_id,
            None,
        )
        assert held.photo_upload is not None
        assert (held.photo_upload.width, held.photo_upload.height) == (1200, 800)
        assert not held.photo_upload.has_exif
        assert "Cascais opens the vote" in held.text

    telegram(body)


def test_telegram_photo_is_resized_under_width_plus_height_10000() -> None:
    # A stored picture may be as large as 4096 a side; Telegram wants width + height <= 10000
    # (the stand-in refuses more with PHOTO_INVALID_DIMENSIONS): built here past the limit.
    big = Image.new("RGB", (9000, 2000), (40, 90, 160))
    out = io.BytesIO()
    big.save(out, format="JPEG", quality=50)
    wide = Picture(out.getvalue(), "image/jpeg", 9000, 2000, "")

    async def body(standin: TelegramStandIn) -> None:
        receipt = await telegram_send(standin, item(picture=wide))
        [held] = standin.messages(CHAT)
        assert held.photo_upload is not None and receipt.note is None
        assert held.photo_upload.width + held.photo_upload.height <= 10_000
        assert held.photo_upload.width == pytest.approx(4.5 * held.photo_upload.height, rel=0.01)

    telegram(body)


def test_telegram_standin_refuses_photo_dimensions_as_telegram_does() -> None:
    async def body(standin: TelegramStandIn) -> None:
        import telegram as tg

        thin = Image.new("RGB", (2100, 100), (10, 20, 30))  # ratio 21 > 20
        out = io.BytesIO()
        thin.save(out, format="PNG")
        bot = tg.Bot(TOKEN, base_url=f"{standin.url}/bot")
        async with bot:
            with pytest.raises(tg.error.BadRequest, match=r"(?i)photo_invalid_dimensions"):
                await bot.send_photo(CHAT, out.getvalue())
            with pytest.raises(tg.error.BadRequest, match=r"(?i)image_process_failed"):
                await bot.send_photo(CHAT, tg.InputFile(b"<html>no</html>", filename="p.jpg"))

    telegram(body)


def test_telegram_a_picture_with_a_ratio_over_20_goes_as_text_with_a_note() -> None:
    thin = Picture(picture(2100, 100).data, "image/jpeg", 2100, 100, "")

    async def body(standin: TelegramStandIn) -> None:
        receipt = await telegram_send(standin, item(picture=thin))
        [held] = standin.messages(CHAT)
        assert held.kind == "text"
        assert "ratio" in receipt.note and "sent as text" in receipt.note

    telegram(body)


def test_telegram_a_picture_the_platform_refuses_degrades_to_text() -> None:
    async def body(standin: TelegramStandIn) -> None:
        standin.fail_next("sendPhoto", 400, "Bad Request: IMAGE_PROCESS_FAILED")
        receipt = await telegram_send(standin, item(picture=picture(300, 200)))
        [held] = standin.messages(CHAT)
        assert (held.kind, str(held.message_id)) == ("text", receipt.platform_message_id)
        assert "image_process_failed" in receipt.note.lower()

    telegram(body)


def test_telegram_a_text_longer_than_a_caption_goes_whole_as_text() -> None:
    long_text = "Participatory budgets grow. " * 60  # about 1,700 characters

    async def body(standin: TelegramStandIn) -> None:
        receipt = await telegram_send(standin, item(text=long_text, picture=picture(300, 200)))
        [held] = standin.messages(CHAT)
        assert held.kind == "text"
        assert held.text.count("Participatory budgets grow.") == 60
        assert "caption" in receipt.note

    telegram(body)


def test_an_item_without_a_picture_is_unchanged() -> None:
    async def body(standin: TelegramStandIn) -> None:
        receipt = await telegram_send(standin, replace(item(), picture=None))
        [held] = standin.messages(CHAT)
        assert held.kind == "text" and receipt.note is None

    telegram(body)


async def mastodon_send(standin: MastodonStandIn, message: Message) -> Any:
    channel = ChannelInfo("md", "mastodon", "@iopd@mastodon.standin", base_url=standin.url)
    sink = mastodon_sink(channel, "stand-in-token")
    try:
        await sink.start()
        return await sink.send(message)
    finally:
        await sink.close()


def test_mastodon_uploads_the_picture_with_its_description_then_attaches_it() -> None:
    async def body() -> None:
        async with MastodonStandIn() as standin:
            receipt = await mastodon_send(standin, item(picture=picture(1200, 800)))
            assert [r.path for r in standin.received][-2:] == ["/api/v2/media", "/api/v1/statuses"]
            [status] = standin.messages()
            assert (status.id, receipt.note) == (receipt.platform_message_id, None)
            [media] = status.media
            assert (media.facts.width, media.facts.height) == (1200, 800)
            assert not media.facts.has_exif
            assert media.description == "Young people voting in Cascais"

    asyncio.run(body())


def test_mastodon_picture_is_resized_under_the_matrix_limit() -> None:
    big = Image.new("RGB", (4096, 4096), (200, 120, 40))
    out = io.BytesIO()
    big.save(out, format="JPEG")
    huge = Picture(out.getvalue(), "image/jpeg", 4096, 4096, "x" * 2000)

    async def body() -> None:
        async with MastodonStandIn() as standin:
            receipt = await mastodon_send(standin, item(picture=huge))
            [media] = standin.messages()[0].media
            assert media.facts.width * media.facts.height <= 8_294_400
            assert len(media.description) == 1500 and receipt.note is None

    asyncio.run(body())


def test_mastodon_standin_refuses_as_mastodon_does_and_the_status_goes_as_text() -> None:
    async def body() -> None:
        async with MastodonStandIn() as standin:
            from mastodon import Mastodon, MastodonAPIError

            client = Mastodon(
                access_token="stand-in-token", api_base_url=standin.url, version_check_mode="none"
            )
            with pytest.raises(MastodonAPIError, match="content type is invalid"):
                await asyncio.to_thread(
                    client.media_post, io.BytesIO(b"<html></html>"), mime_type="image/png"
                )
            with pytest.raises(MastodonAPIError, match="Description is too long"):
                await asyncio.to_thread(
                    client.media_post,
                    io.BytesIO(picture(10, 10).data),
                    mime_type="image/jpeg",
                    description="x" * 1501,
                )
            # bytes Mastodon cannot read as an image (the hub's own check bypassed here)
            unreadable = Picture(b"<html></html>", "image/jpeg", 300, 200, "")
            receipt = await mastodon_send(standin, item(picture=unreadable))
            [status] = standin.messages()
            assert status.media == [] and "content type is invalid" in (receipt.note or "")

    asyncio.run(body())


async def bluesky_send(standin: BlueskyStandIn, message: Message) -> Any:
    channel = ChannelInfo("sky", "bluesky", "iopd.bsky.social", base_url=standin.url)
    sink = BlueskySink(channel, "app-pass")
    try:
        await sink.start()
        return await sink.send(message)
    finally:
        await sink.close()


def bluesky(test: Callable[[BlueskyStandIn], Awaitable[T]]) -> T:
    async def main() -> T:
        async with BlueskyStandIn() as standin:
            standin.add_account("iopd.bsky.social", "app-pass")
            return await test(standin)

    return asyncio.run(main())


def test_bluesky_link_card_gets_the_picture_as_its_thumb_under_1000000_bytes() -> None:
    async def body(standin: BlueskyStandIn) -> None:
        receipt = await bluesky_send(standin, item(picture=picture(3000, 2000)))
        [post] = standin.messages()
        embed = post.record["embed"]
        assert embed["$type"] == "app.bsky.embed.external" and receipt.note is None
        [blob] = standin.blobs.values()
        assert embed["external"]["thumb"]["ref"]["$link"] == blob.cid
        assert blob.size <= 1_000_000 and blob.facts is not None and not blob.facts.has_exif
        assert max(blob.facts.width, blob.facts.height) == 2000  # resized from 3000 x 2000
        assert blob.used_in == ["Record/embed/external/thumb"]

    bluesky(body)


def test_bluesky_post_without_a_link_embeds_the_image_with_its_alt() -> None:
    async def body(standin: BlueskyStandIn) -> None:
        await bluesky_send(standin, item(link=None, picture=picture(800, 600)))
        [post] = standin.messages()
        [image] = post.record["embed"]["images"]
        assert image["alt"] == "Young people voting in Cascais"
        assert (image["aspectRatio"]["width"], image["aspectRatio"]["height"]) == (800, 600)

    bluesky(body)


def test_bluesky_refuses_a_blob_over_1000000_bytes_and_the_post_goes_without_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    noisy = Image.effect_noise((1900, 1900), 128).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, format="PNG")
    assert len(out.getvalue()) > 1_000_000
    # a picture claiming to be small enough bypasses the hub's fitting: the PDS refuses it
    unfitted = Picture(out.getvalue(), "image/png", 1900, 1900, "noise")

    # the sink's own fitting loosened, to see what the PDS does with a blob over its limit
    monkeypatch.setattr("bots.bluesky.sink.BLUESKY_IMAGE", PictureLimits(max_bytes=10_000_000))

    async def body(standin: BlueskyStandIn) -> None:
        receipt = await bluesky_send(standin, item(picture=unfitted))
        [post] = standin.messages()
        assert "thumb" not in post.record["embed"]["external"]
        assert "BlobTooLarge" in (receipt.note or "")
        assert [(r.method.rsplit(".", 1)[-1], r.status) for r in standin.received][-3:] == [
            ("uploadBlob", 200),
            ("createRecord", 400),
            ("createRecord", 200),
        ]

    bluesky(body)


@pytest.mark.parametrize(
    ("url", "block"),
    [
        ("https://oidp.net/p.jpg", True),
        ("http://oidp.net/p.jpg", False),  # Slack fetches https only
        ("https://127.0.0.1/p.jpg", False),  # an address, not a public site
        ("https://localhost/p.jpg", False),
        (None, False),
    ],
)
def test_slack_and_discord_get_an_image_only_at_a_public_https_address(
    url: str | None, block: bool
) -> None:
    from bots.discord.format import requests_for as discord_requests
    from bots.slack.format import requests_for as slack_requests

    message = item(image_url=url, picture=picture(40, 30))
    [slack] = slack_requests(message, ChannelInfo("s", "slack", "C0NEWS"))
    images = [b for b in slack.body["blocks"] if b["type"] == "image"]
    assert bool(images) == block
    if block:
        assert images[0]["alt_text"] == "Young people voting in Cascais"  # the picture's alt
    [discord] = discord_requests(message, ChannelInfo("d", "discord", "https://d.example/w"))
    assert ("image" in discord.body["embeds"][0]) == block


def test_slack_notes_a_picture_it_could_not_download() -> None:
    from bots.slack.sink import slack_sink
    from bots.slack.standin import SlackStandIn

    async def body() -> None:
        async with SlackStandIn(tokens=("xoxb-stand-in-token",)) as standin:
            standin.add_channel("C0NEWS", "news")
            standin.unreachable_images.add("https://oidp.net/gone.jpg")
            channel = ChannelInfo("s", "slack", "C0NEWS", base_url=standin.url)
            sink = slack_sink(channel, "xoxb-stand-in-token")
            try:
                receipt = await sink.send(item(image_url="https://oidp.net/gone.jpg"))
            finally:
                await sink.close()
            [posted] = standin.messages("C0NEWS")
            assert not [b for b in posted.blocks if b["type"] == "image"]
            assert "downloading image failed" in (receipt.note or "")

    asyncio.run(body())


def test_telegram_corrects_a_post_whatever_kind_it_went_out_as() -> None:
    async def body(standin: TelegramStandIn) -> None:
        # went out as text (the picture refused), corrected with the item's image address
        thin = Picture(picture(2100, 100).data, "image/jpeg", 2100, 100, "")
        as_text = await telegram_send(standin, item(picture=thin))
        correction = item(title="Corrected", image_url="https://oidp.net/p.jpg")
        await telegram_send(standin, replace(correction, edit_of=as_text.platform_message_id))
        # went out as a photo, corrected with no image address
        as_photo = await telegram_send(standin, item(picture=picture(300, 200)))
        await telegram_send(
            standin, replace(item(title="Fixed"), edit_of=as_photo.platform_message_id)
        )
        text, photo = standin.messages(CHAT)
        assert (text.kind, text.text.splitlines()[0]) == ("text", "Corrected")
        assert (photo.kind, photo.text.splitlines()[0]) == ("photo", "Fixed")

    telegram(body)


# --- Slack: files_upload_v2, then the post shows the file by its id ------------------------


class SlackClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def slack(test: Callable[[Any, SlackClock], Awaitable[T]], **standin_fields: Any) -> T:
    from bots.slack.standin import SlackStandIn

    async def main() -> T:
        clock = SlackClock()
        async with SlackStandIn(tokens=("xoxb-stand-in-token",), clock=clock) as standin:
            for name, value in standin_fields.items():
                setattr(standin, name, value)
            standin.add_channel("C0NEWS", "news")
            return await test(standin, clock)

    return asyncio.run(main())


async def slack_send(standin: Any, message: Message) -> Any:
    from bots.slack.sink import slack_sink

    channel = ChannelInfo("s", "slack", "C0NEWS", base_url=standin.url)
    sink = slack_sink(channel, "xoxb-stand-in-token")
    try:
        return await sink.send(message)
    finally:
        await sink.close()


def slack_images(posted: Any) -> list[dict[str, Any]]:
    return [b for b in posted.blocks if b["type"] == "image"]


def test_slack_uploads_the_picture_privately_and_the_post_shows_it_by_its_file_id() -> None:
    async def body(standin: Any, clock: SlackClock) -> None:
        receipt = await slack_send(standin, item(picture=picture(1200, 800)))
        [posted] = standin.messages("C0NEWS")
        [image] = slack_images(posted)
        [uploaded] = standin.files.values()
        assert image["slack_file"] == {"id": uploaded.id}
        assert image["alt_text"] == "Young people voting in Cascais"
        assert receipt.platform_message_id == f"C0NEWS:{posted.ts} {uploaded.id}"
        assert receipt.note is None
        # the bytes went to the stand-in's own upload URL, decoded there without EXIF
        assert uploaded.facts is not None
        assert (uploaded.facts.width, uploaded.facts.height) == (1200, 800)
        assert not uploaded.facts.has_exif
        assert uploaded.alt_txt == "Young people voting in Cascais"
        assert uploaded.channels == []  # private to the bot: only the post shows it
        methods = [r.method for r in standin.received if not r.error]
        assert methods == [
            "files.getUploadURLExternal",
            "files.completeUploadExternal",
            "chat.postMessage",
        ]
        assert posted.metadata["event_payload"]["file_id"] == uploaded.id

    slack(body)


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"uploads_disabled": True}, "file_uploads_disabled"),
        ({"max_upload_bytes": 1000}, "file_upload_size_restricted"),
    ],
)
def test_slack_a_picture_the_workspace_refuses_goes_as_text_with_a_note(
    fields: dict[str, Any], error: str
) -> None:
    async def body(standin: Any, clock: SlackClock) -> None:
        receipt = await slack_send(standin, item(picture=picture(600, 400)))
        [posted] = standin.messages("C0NEWS")
        assert slack_images(posted) == []
        assert error in (receipt.note or "")
        assert receipt.platform_message_id == f"C0NEWS:{posted.ts}"  # no file to remember
        assert "Cascais opens the vote" in posted.text

    slack(body, **fields)


def test_slack_standin_refuses_upload_arguments_as_slack_does() -> None:
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    async def body(standin: Any, clock: SlackClock) -> None:
        client = AsyncWebClient(token="xoxb-stand-in-token", base_url=f"{standin.url}/api/")
        with pytest.raises(SlackApiError, match="alt_txt_too_large"):
            await client.files_getUploadURLExternal(filename="p.jpg", length=10, alt_txt="a" * 1001)
        with pytest.raises(SlackApiError, match="missing_argument"):
            await client.files_getUploadURLExternal(filename="p.jpg", length=0)
        with pytest.raises(SlackApiError, match="file_not_found"):  # never uploaded
            url = await client.files_getUploadURLExternal(filename="p.jpg", length=10)
            await client.files_completeUploadExternal(files=[{"id": url["file_id"]}])
        with pytest.raises(SlackApiError, match="not_in_channel"):
            standin.add_channel("C0PRIV", "private", is_member=False)
            await client.files_upload_v2(content=b"x" * 10, filename="a.txt", channel="C0PRIV")
        # a text file is not a picture: an image block cannot show it
        done = await client.files_upload_v2(content=b"plain text", filename="a.txt")
        block = {"type": "image", "slack_file": {"id": done["file"]["id"]}, "alt_text": "x"}
        with pytest.raises(SlackApiError, match="invalid slack file"):
            await client.chat_postMessage(channel="C0NEWS", text="x", blocks=[block])

    slack(body)


def test_slack_edit_keeps_the_picture_and_retraction_deletes_post_and_file() -> None:
    async def body(standin: Any, clock: SlackClock) -> None:
        sent = await slack_send(standin, item(picture=picture(800, 600)))
        [uploaded] = standin.files.values()
        clock.now += 5  # past the channel's posting window
        edited = await slack_send(
            standin,
            item(delivery_id=2, title="Cascais extends the vote", edit_of=sent.platform_message_id),
        )
        assert edited.platform_message_id == sent.platform_message_id
        [posted] = standin.messages("C0NEWS")
        assert posted.edited and "Cascais extends the vote" in posted.text
        assert slack_images(posted)[0]["slack_file"] == {"id": uploaded.id}
        retraction = item(delivery_id=3, kind="retraction", edit_of=sent.platform_message_id)
        gone = await slack_send(standin, retraction)
        assert gone.platform_message_id == sent.platform_message_id and gone.note is None
        assert standin.messages("C0NEWS") == [] and uploaded.deleted
        again = await slack_send(standin, retraction)  # retried: already gone is gone
        assert again.note is None

    slack(body)


def test_slack_a_picture_post_in_doubt_is_found_with_its_file() -> None:
    async def body(standin: Any, clock: SlackClock) -> None:
        first = await slack_send(standin, item(picture=picture(500, 400)))
        clock.now += 5
        found = await slack_send(standin, item(picture=picture(500, 400), in_doubt=True))
        assert found.platform_message_id == first.platform_message_id
        assert len(standin.messages("C0NEWS")) == 1 and len(standin.files) == 1

    slack(body)


def test_slack_waits_for_an_upload_slack_has_not_processed_then_posts_it() -> None:
    from hub.core.errors import TransientError

    async def body(standin: Any, clock: SlackClock) -> None:
        from bots.slack.sink import FILE_ATTEMPTS, slack_sink

        channel = ChannelInfo("s", "slack", "C0NEWS", base_url=standin.url)
        sink = slack_sink(channel, "xoxb-stand-in-token")
        message = item(picture=picture(500, 400))
        try:
            with pytest.raises(TransientError, match="not ready"):
                await sink.send(message)
            assert standin.messages("C0NEWS") == []
            clock.now += 30  # Slack has processed it now
            receipt = await sink.send(replace(message, attempt=2))
            [uploaded] = standin.files.values()  # the same upload, not a second one
            assert receipt.platform_message_id.endswith(f" {uploaded.id}")
            # one that is never ready: the last attempt posts text rather than lose the post
            other = item(delivery_id=9, picture=picture(300, 200), attempt=FILE_ATTEMPTS)
            clock.now += 5
            standin.file_processing_seconds = 10_000
            as_text = await sink.send(other)
            assert "sent as text" in (as_text.note or "")
            assert len(as_text.platform_message_id.split()) == 1
        finally:
            await sink.close()
        assert [bool(slack_images(m)) for m in standin.messages("C0NEWS")] == [True, False]

    slack(body, file_processing_seconds=20)


# --- Matrix: the media repository, then an m.image event after the text ---------------------

MX_TOKEN = "matrix-stand-in-token"
MX_ROOM = "!news:standin.local"


def matrix(test: Callable[[Any], Awaitable[T]], **standin_fields: Any) -> T:
    from bots.matrix.standin import MatrixStandIn

    async def main() -> T:
        standin = MatrixStandIn(
            tokens={MX_TOKEN: "@hub:standin.local"}, rooms={MX_ROOM: {"@hub:standin.local"}}
        )
        for name, value in standin_fields.items():
            setattr(standin, name, value)
        async with standin:
            return await test(standin)

    return asyncio.run(main())


async def matrix_send(standin: Any, message: Message) -> Any:
    from bots.matrix.sink import matrix_sink

    channel = ChannelInfo("mx", "matrix", MX_ROOM, base_url=standin.url)
    sink = matrix_sink(channel, MX_TOKEN)
    try:
        await sink.start()
        return await sink.send(message)
    finally:
        await sink.close()


def test_matrix_sends_the_text_then_the_uploaded_picture_as_an_m_image() -> None:
    async def body(standin: Any) -> None:
        receipt = await matrix_send(standin, item(picture=picture(1200, 800)))
        text, image = standin.messages(MX_ROOM)
        assert receipt.platform_message_id == f"{text.event_id} {image.event_id}"
        assert receipt.note is None
        assert text.content["msgtype"] == "m.text" and "Cascais opens the vote" in text.body
        [uploaded] = standin.media.values()
        assert image.content == {
            "msgtype": "m.image",
            "body": "Young people voting in Cascais",
            "url": uploaded.content_uri,
            "info": {"mimetype": "image/jpeg", "size": len(uploaded.data), "w": 1200, "h": 800},
        }
        assert uploaded.content_type == "image/jpeg"
        assert uploaded.facts is not None and not uploaded.facts.has_exif
        assert (uploaded.facts.width, uploaded.facts.height) == (1200, 800)
        paths = [r.path for r in standin.received if r.status == 200]
        assert paths.index("/_matrix/media/v3/upload") > 1  # whoami, the text, then the upload

    matrix(body)


def test_matrix_a_picture_over_the_upload_limit_leaves_the_text_post_with_a_note() -> None:
    async def body(standin: Any) -> None:
        receipt = await matrix_send(standin, item(picture=picture(400, 300)))
        [text] = standin.messages(MX_ROOM)
        assert receipt.platform_message_id == text.event_id
        assert "M_TOO_LARGE" in (receipt.note or "") and "sent as text" in (receipt.note or "")
        assert standin.media == {}

    matrix(body, max_upload_size=1000)  # a homeserver's max_upload_size lower than the copy


def test_matrix_standin_refuses_an_upload_as_synapse_does() -> None:
    import nio

    async def body(standin: Any) -> None:
        client = nio.AsyncClient(standin.url)
        client.access_token = MX_TOKEN
        try:
            data = photograph(50, 40)
            answer, _ = await client.upload(
                io.BytesIO(data), content_type="image/jpeg", filesize=len(data)
            )
            assert isinstance(answer, nio.UploadResponse)
            assert answer.content_uri.startswith("mxc://standin.local/")
            standin.max_upload_size = 10
            too_big, _ = await client.upload(
                io.BytesIO(data), content_type="image/jpeg", filesize=len(data)
            )
            assert isinstance(too_big, nio.UploadError)
            assert (too_big.status_code, too_big.message) == (
                "M_TOO_LARGE",
                "Upload request body is too large",
            )
            client.access_token = "wrong"
            refused, _ = await client.upload(
                io.BytesIO(b"x"), content_type="image/jpeg", filesize=1
            )
            assert isinstance(refused, nio.UploadError) and refused.status_code == "M_UNKNOWN_TOKEN"
        finally:
            await client.close()

    matrix(body)


def test_matrix_edit_replaces_the_text_and_retraction_redacts_every_event() -> None:
    async def body(standin: Any) -> None:
        sent = await matrix_send(standin, item(picture=picture(600, 400)))
        text_id, image_id = sent.platform_message_id.split()
        edit = item(
            delivery_id=2, title="Cascais extends the vote", edit_of=sent.platform_message_id
        )
        edited = await matrix_send(standin, edit)
        assert edited.platform_message_id == sent.platform_message_id
        text, image = standin.messages(MX_ROOM)
        assert (text.event_id, text.edits, image.event_id) == (text_id, 1, image_id)
        assert text.body.startswith("Cascais extends the vote")
        retraction = item(delivery_id=3, kind="retraction", edit_of=sent.platform_message_id)
        await matrix_send(standin, retraction)
        assert standin.messages(MX_ROOM) == []
        assert standin.events[text_id].redacted and standin.events[image_id].redacted
        await matrix_send(standin, retraction)  # retried: redacted is redacted

    matrix(body)


def test_matrix_a_picture_post_sent_again_in_doubt_posts_nothing_twice() -> None:
    async def body(standin: Any) -> None:
        first = await matrix_send(standin, item(picture=picture(500, 400)))
        again = await matrix_send(standin, item(picture=picture(500, 400), in_doubt=True))
        # the homeserver answers each repeated transaction id with its first event
        assert again.platform_message_id == first.platform_message_id
        assert len(standin.messages(MX_ROOM)) == 2

    matrix(body)


def test_slack_an_edit_whose_uploaded_picture_is_gone_is_made_without_it() -> None:
    async def body(standin: Any, clock: SlackClock) -> None:
        sent = await slack_send(standin, item(picture=picture(400, 300)))
        [uploaded] = standin.files.values()
        uploaded.deleted = True  # removed in Slack by a workspace admin
        edit = item(delivery_id=2, title="Corrected", edit_of=sent.platform_message_id)
        edited = await slack_send(standin, edit)
        [posted] = standin.messages("C0NEWS")
        assert posted.edited and slack_images(posted) == []
        assert "gone" in (edited.note or "")

    slack(body)
