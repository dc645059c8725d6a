"""Pictures through the whole bus: stored pictures reach the platform, refused ones make text
posts, and a picture the platform refuses leaves a sent delivery with the reason (both
databases; the Telegram stand-in with python-telegram-bot)."""

from __future__ import annotations

import asyncio
import io

from PIL import Image
from sqlalchemy import select, update

from bots.telegram.sink import TelegramSink, telegram_sink
from bots.telegram.standin import TelegramStandIn
from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.ingest.pictures import Outcome, store
from hub.core.models import Delivery, DeliveryAttempt, Item
from hub.core.pictures import prepare
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit
from hub.testing.bus import bus_settings, seed_deliveries
from hub.web.testing import SteppingClock

TOKEN = "123456:stand-in-token"
CHAT = -1001000000001
FAST = WorkerConfig(concurrency=1, batch_size=10, poll_interval=0.02, until_idle=True)


class HubClock(SteppingClock):
    """The hub's clock, which the stand-ins' wall clocks read too: no real clock, so the
    tests pass on any date. It stands still while the worker runs: the sinks here keep no
    rate budget that would wait for it to move."""

    def seconds(self) -> float:
        return self.now.timestamp()


class Unthrottled(TelegramSink):
    """The real sink without its per-chat budget (20 a minute would slow the test down)."""

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return []


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), (200, 40, 40)).save(out, format="JPEG")
    return out.getvalue()


def test_pictures_through_the_bus(engine) -> None:
    clock = HubClock()
    settings = bus_settings(channels=1, platform="telegram")
    ids = seed_deliveries(engine, settings, 4, now=clock())
    with engine.begin() as conn:
        items = dict(conn.execute(select(Delivery.id, Delivery.item_id)).all())
        stored, refused, plain, turned_down = (items[i] for i in ids)
        for item_id in (stored, refused, turned_down):
            url = f"https://pictures.example.org/{item_id}.jpg"
            conn.execute(update(Item).where(Item.id == item_id).values(image_url=url))
            if item_id == refused:
                outcome = Outcome(item_id, url, error="not an image: the bytes are an HTML page")
            elif item_id == turned_down:  # bytes Telegram cannot read (the hub's check bypassed)
                unreadable = Picture(b"<html></html>", "image/jpeg", 900, 600, "")
                outcome = Outcome(item_id, url, unreadable)
            else:
                outcome = Outcome(item_id, url, prepare(photo(), "A red square"))
            store(conn, outcome, clock())
    clock.advance(seconds=1)

    async def main() -> TelegramStandIn:
        async with TelegramStandIn((TOKEN,), wall_clock=clock.seconds) as standin:
            standin.add_chat(CHAT, type="channel", username="iopd_news")

            def build(row: ChannelRow) -> TelegramSink:
                sink = telegram_sink(row_info(row, standin.url), TOKEN)
                return Unthrottled(sink.channel, TOKEN)

            await Worker(engine, ChannelSinks(build), config=FAST, clock=clock).run(None)
            return standin

    standin = asyncio.run(main())
    kinds = [(m.kind, m.photo_upload is not None) for m in standin.messages(CHAT)]
    assert kinds == [("photo", True), ("text", False), ("text", False), ("text", False)]
    [uploaded] = [m.photo_upload for m in standin.messages(CHAT) if m.photo_upload]
    assert (uploaded.width, uploaded.height, uploaded.has_exif) == (900, 600, False)
    with engine.connect() as conn:
        rows = dict(conn.execute(select(Delivery.item_id, Delivery.status)).all())
        notes = dict(conn.execute(select(Delivery.item_id, Delivery.last_error)).all())
        history = conn.execute(select(DeliveryAttempt.outcome, DeliveryAttempt.error)).all()
        sent_at = set(conn.scalars(select(Delivery.sent_at)))
    assert set(rows.values()) == {"sent"} and sent_at == {clock.now}  # on the hub's clock
    assert notes[stored] is None and notes[plain] is None
    # the picture the hub refused: the text post says why on its delivery
    assert notes[refused] == (
        "the item's picture was refused (not an image: the bytes are an HTML page): sent as text"
    )
    assert "image_process_failed" in (notes[turned_down] or "").lower()
    assert ("sent", notes[turned_down]) in [tuple(row) for row in history]


def row_info(row: ChannelRow, url: str) -> ChannelInfo:
    return ChannelInfo(row.key, "telegram", str(CHAT), base_url=url)


def test_slack_and_matrix_picture_posts_through_the_bus_keep_every_part_in_the_ledger(
    engine,
) -> None:
    """A Slack post's receipt keeps its uploaded file after the ts, a Matrix post its
    m.image event after the text: what a later edit or retraction reaches."""
    from bots.matrix.sink import MatrixSink, matrix_sink
    from bots.matrix.standin import MatrixStandIn
    from bots.slack.sink import SlackSink, slack_sink
    from bots.slack.standin import SlackStandIn

    clock = HubClock()
    settings = bus_settings(channels=2, platform="slack")
    ids = seed_deliveries(engine, settings, 4, now=clock())
    with engine.begin() as conn:
        rows = conn.execute(select(Delivery.id, Delivery.item_id, Delivery.channel_id)).all()
        channels = sorted({row.channel_id for row in rows})
        for row in rows:
            url = f"https://pictures.example.org/{row.item_id}.jpg"
            conn.execute(update(Item).where(Item.id == row.item_id).values(image_url=url))
            store(conn, Outcome(row.item_id, url, prepare(photo(), "A red square")), clock())
    clock.advance(seconds=1)
    room = "!news:standin.local"

    class UnthrottledSlack(SlackSink):
        def rate_limits(self, message: Message) -> list[RateLimit]:
            return []

    class UnthrottledMatrix(MatrixSink):
        def rate_limits(self, message: Message) -> list[RateLimit]:
            return []

    async def main() -> tuple[SlackStandIn, MatrixStandIn]:
        wall = clock.seconds
        slack = SlackStandIn(tokens=("xoxb-t",), wall_clock=wall)  # two posts: within four
        matrix = MatrixStandIn(tokens={"mx-t": "@hub:standin.local"}, wall_clock=wall)
        async with slack, matrix:
            slack.add_channel("C0NEWS", "news")

            def build(row: ChannelRow) -> SlackSink | MatrixSink:
                if row.id == channels[0]:
                    info = ChannelInfo(row.key, "slack", "C0NEWS", base_url=slack.url)
                    return UnthrottledSlack(slack_sink(info, "xoxb-t").channel, "xoxb-t")
                info = ChannelInfo(row.key, "matrix", room, base_url=matrix.url)
                return UnthrottledMatrix(matrix_sink(info, "mx-t").channel, "mx-t")

            await Worker(engine, ChannelSinks(build), config=FAST, clock=clock).run(None)
            return slack, matrix

    slack, matrix = asyncio.run(main())
    with engine.connect() as conn:
        ledger = conn.execute(
            select(
                Delivery.id,
                Delivery.channel_id,
                Delivery.status,
                Delivery.platform_message_id,
                Delivery.sent_at,
            )
        ).all()
    assert {row.status for row in ledger} == {"sent"} and len(ledger) == len(ids)
    assert {row.sent_at for row in ledger} == {clock.now}
    slack_posts = {f"{m.channel}:{m.ts}": m for m in slack.messages("C0NEWS")}
    for row in ledger:
        head, picture_part = row.platform_message_id.split()
        if row.channel_id == channels[0]:
            [image] = [b for b in slack_posts[head].blocks if b["type"] == "image"]
            assert image["slack_file"] == {"id": picture_part}
            assert slack.files[picture_part].facts is not None
        else:
            assert matrix.events[head].content["msgtype"] == "m.text"
            assert matrix.events[picture_part].content["msgtype"] == "m.image"
    assert len(slack_posts) == 2 and len(matrix.messages(room)) == 4
