"""A long item that continues as a thread (route ``thread = true``) keeps its picture: the
thread's first post carries it on Mastodon and Bluesky, as a single post would."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import pytest
from PIL import Image

from bots.bluesky.sink import BlueskySink
from bots.bluesky.standin import BlueskyStandIn
from bots.mastodon.sink import mastodon_sink
from bots.mastodon.standin import MastodonStandIn
from hub.core.pictures import prepare
from hub.core.ports import ChannelInfo, Message, Picture

pytestmark = [
    pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning"),
]
LONG = " ".join(f"Sentence {n} of the call for candidacies, with its details." for n in range(40))


def picture(width: int, height: int) -> Picture:
    out = io.BytesIO()
    Image.effect_noise((width, height), 64).convert("RGB").save(out, format="JPEG")
    return prepare(out.getvalue(), alt="The award ceremony")


def thread_item(**fields: Any) -> Message:
    base: dict[str, Any] = {
        "delivery_id": 7,
        "kind": "item",
        "title": "Call for candidacies",
        "text": LONG,
        "link": "https://oidp.net/award",
        "extra": {"thread": True},
    }
    return Message(**{**base, **fields})


def test_mastodon_thread_carries_the_picture_on_its_first_status() -> None:
    async def body() -> None:
        async with MastodonStandIn() as standin:
            channel = ChannelInfo("md", "mastodon", "@iopd@mastodon.standin", base_url=standin.url)
            sink = mastodon_sink(channel, "stand-in-token")
            try:
                await sink.start()
                receipt = await sink.send(thread_item(picture=picture(900, 600)))
            finally:
                await sink.close()
            statuses = standin.messages()
            assert len(statuses) > 1 and receipt.note is None
            assert [len(s.media) for s in statuses] == [1] + [0] * (len(statuses) - 1)
            [media] = statuses[0].media
            assert (media.facts.width, media.description) == (900, "The award ceremony")

    asyncio.run(body())


def test_bluesky_thread_carries_the_picture_on_its_first_post() -> None:
    async def body() -> None:
        async with BlueskyStandIn() as standin:
            standin.add_account("iopd.bsky.social", "app-pass")
            channel = ChannelInfo("sky", "bluesky", "iopd.bsky.social", base_url=standin.url)
            sink = BlueskySink(channel, "app-pass")
            try:
                await sink.start()
                receipt = await sink.send(thread_item(picture=picture(900, 600)))
            finally:
                await sink.close()
            posts = standin.messages()
            assert len(posts) > 1 and receipt.note is None
            [blob] = standin.blobs.values()
            assert blob.used_in and blob.facts is not None and blob.facts.width == 900
            with_blob = [p for p in posts if blob.cid in repr(p.record.get("embed"))]
            assert with_blob == [posts[0]]

    asyncio.run(body())
