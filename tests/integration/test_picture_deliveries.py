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
from hub.core.models import Delivery, DeliveryAttempt, Item, utcnow
from hub.core.pictures import prepare
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit
from hub.testing.bus import bus_settings, seed_deliveries

TOKEN = "123456:stand-in-token"
CHAT = -1001000000001
FAST = WorkerConfig(concurrency=1, batch_size=10, poll_interval=0.02, until_idle=True)


class Unthrottled(TelegramSink):
    """The real sink without its per-chat budget (20 a minute would slow the test down)."""

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return []


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), (200, 40, 40)).save(out, format="JPEG")
    return out.getvalue()


def test_pictures_through_the_bus(engine) -> None:
    settings = bus_settings(channels=1, platform="telegram")
    ids = seed_deliveries(engine, settings, 4, now=utcnow())
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
            store(conn, outcome, utcnow())

    async def main() -> TelegramStandIn:
        async with TelegramStandIn((TOKEN,)) as standin:
            standin.add_chat(CHAT, type="channel", username="iopd_news")

            def build(row: ChannelRow) -> TelegramSink:
                sink = telegram_sink(row_info(row, standin.url), TOKEN)
                return Unthrottled(sink.channel, TOKEN)

            await Worker(engine, ChannelSinks(build), config=FAST).run(None)
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
    assert set(rows.values()) == {"sent"}
    assert notes[stored] is None and notes[plain] is None
    # the picture the hub refused: the text post says why on its delivery
    assert notes[refused] == (
        "the item's picture was refused (not an image: the bytes are an HTML page): sent as text"
    )
    assert "image_process_failed" in (notes[turned_down] or "").lower()
    assert ("sent", notes[turned_down]) in [tuple(row) for row in history]


def row_info(row: ChannelRow, url: str) -> ChannelInfo:
    return ChannelInfo(row.key, "telegram", str(CHAT), base_url=url)
