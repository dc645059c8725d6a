"""A correction of a Bluesky post keeps its picture: the link card's thumb (or the image
embed) is written again with the new text, against the stand-in with the real atproto SDK."""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace
from typing import Any

import pytest
from PIL import Image

from bots.bluesky.sink import BlueskySink
from bots.bluesky.standin import BlueskyStandIn
from hub.core.pictures import prepare
from hub.core.ports import ChannelInfo, Message, Picture

pytestmark = [
    # the atproto SDK hands uploadBlob's bytes to httpx as data=, which httpx deprecates
    pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning"),
]
HANDLE = "iopd.bsky.social"


def picture(width: int, height: int, alt: str = "Young people voting in Cascais") -> Picture:
    out = io.BytesIO()
    Image.effect_noise((width, height), 64).convert("RGB").save(out, format="JPEG")
    return prepare(out.getvalue(), alt=alt)


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {
        "delivery_id": 1,
        "kind": "item",
        "title": "Cascais opens the vote",
        "text": "Young people vote until the end of the month.",
        "link": "https://oidp.net/cascais",
    }
    return Message(**{**base, **fields})


async def send(standin: BlueskyStandIn, *messages: Message) -> list[Any]:
    sink = BlueskySink(ChannelInfo("sky", "bluesky", HANDLE, base_url=standin.url), "app-pass")
    try:
        await sink.start()
        return [await sink.send(message) for message in messages]
    finally:
        await sink.close()


def run(test: Any) -> None:
    async def main() -> None:
        async with BlueskyStandIn() as standin:
            standin.add_account(HANDLE, "app-pass")
            await test(standin)

    asyncio.run(main())


def test_a_correction_keeps_the_link_cards_thumb() -> None:
    async def body(standin: BlueskyStandIn) -> None:
        shot = picture(1200, 800)
        [sent] = await send(standin, item(picture=shot))
        [post] = standin.messages()
        thumb = post.record["embed"]["external"]["thumb"]
        correction = item(title="Cascais opens the vote (corrected)", picture=shot)
        [fixed] = await send(standin, replace(correction, edit_of=sent.platform_message_id))
        assert fixed.platform_message_id == sent.platform_message_id and fixed.note is None
        [edited] = standin.messages()
        assert edited.edited and edited.record["text"].startswith("Cascais opens the vote (corr")
        card = edited.record["embed"]["external"]
        assert card["thumb"]["ref"] == thumb["ref"]  # the same blob, the same picture
        assert card["uri"] == "https://oidp.net/cascais"
        assert len(standin.blobs) == 1  # content-addressed: uploading it again adds nothing

    run(body)


def test_a_correction_keeps_an_image_embed_with_its_new_alt() -> None:
    async def body(standin: BlueskyStandIn) -> None:
        [sent] = await send(standin, item(link=None, picture=picture(800, 600)))
        corrected = item(link=None, text="Young people vote until 30 November.")
        again = picture(800, 600, alt="Young people queue to vote in Cascais")
        [_fixed] = await send(
            standin, replace(corrected, picture=again, edit_of=sent.platform_message_id)
        )
        [edited] = standin.messages()
        [image] = edited.record["embed"]["images"]
        assert image["alt"] == "Young people queue to vote in Cascais"
        assert "30 November" in edited.record["text"]

    run(body)


def test_a_correction_whose_picture_is_refused_still_corrects_the_text() -> None:
    async def body(standin: BlueskyStandIn) -> None:
        [sent] = await send(standin, item(picture=picture(600, 400)))
        standin.fail_next(400, "BlobTooLarge", "This file is too large.")
        correction = replace(item(title="Fixed title", picture=picture(600, 400)))
        [fixed] = await send(standin, replace(correction, edit_of=sent.platform_message_id))
        [edited] = standin.messages()
        assert edited.record["text"].startswith("Fixed title")
        assert "BlobTooLarge" in (fixed.note or "")

    run(body)
