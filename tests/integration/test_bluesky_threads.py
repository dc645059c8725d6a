"""A long post on a ``thread = true`` route continues as Bluesky replies (the atproto SDK
against the PDS stand-in, which checks each record against app.bsky.feed.post, the
``reply`` strong references included)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, TypeVar

from bots.bluesky.sink import BlueskySink
from bots.bluesky.standin import BlueskyStandIn
from bots.formatting import grapheme_len
from bots.limits import BLUESKY
from hub.core.ports import ChannelInfo, Message

HANDLE = "iopd.bsky.social"
WALL = float(int(time.time()))  # the SDK reads the real clock for its token (see test_bluesky_sink)
T = TypeVar("T")
HTML = "".join(
    f'<p>Budget {n} in <a href="https://oidp.net/b/{n}">city number {n}</a> grew. More words.</p>'
    for n in range(25)
)


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {"delivery_id": 8, "kind": "item", "title": "Report", "html": HTML}
    return Message(**{**base, "link": "https://oidp.net/r", "language": "en", **fields})


def run(test: Callable[[BlueskyStandIn, BlueskySink], Awaitable[T]]) -> T:
    async def main() -> T:
        async with BlueskyStandIn(wall_clock=lambda: WALL) as server:
            channel = ChannelInfo("sky", "bluesky", HANDLE, base_url=server.url)
            sink = BlueskySink(channel, "app-pass", wall_clock=lambda: WALL)
            await sink.start()
            try:
                return await test(server, sink)
            finally:
                await sink.close()

    return asyncio.run(main())


def test_a_thread_of_replies_with_facets_cut_to_each_part() -> None:
    async def body(standin: BlueskyStandIn, sink: BlueskySink) -> None:
        recorded: list[tuple[str, ...]] = []

        async def progress(ids: tuple[str, ...]) -> None:
            recorded.append(ids)

        uris = (
            await sink.send(item(extra={"thread": True}, progress=progress))
        ).platform_message_id
        parts = uris.split()
        assert len(parts) > 1 and recorded[-1] == tuple(parts)
        posts = [standin.records[uri].record for uri in parts]
        assert all(grapheme_len(p["text"]) <= BLUESKY.graphemes for p in posts)
        assert "reply" not in posts[0] and "embed" in posts[0]
        for before, post in zip(parts, posts[1:], strict=False):
            assert post["reply"]["root"]["uri"] == parts[0]
            assert post["reply"]["parent"]["uri"] == before
        for post in posts:  # every link facet covers its words in its own part
            data = post["text"].encode()
            for facet in post.get("facets", []):
                words = data[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode()
                feature = facet["features"][0]
                if "uri" in feature and feature["uri"].startswith("https://oidp.net/b/"):
                    n = feature["uri"].rsplit("/", 1)[1]
                    assert words in f"city number {n}"
        assert "Budget 24" in " ".join(p["text"] for p in posts)

    run(body)


def test_a_crash_mid_thread_resumes_with_the_recorded_parts_cids() -> None:
    async def body(standin: BlueskyStandIn, sink: BlueskySink) -> None:
        message = item(extra={"thread": True})
        parts = (await sink.send(message)).platform_message_id.split()
        for uri in parts[2:]:  # as if the attempt died after recording two parts
            del standin.records[uri]
        again = await sink.send(replace(message, posted=tuple(parts[:2]), attempt=2))
        resumed = again.platform_message_id.split()
        assert resumed[:2] == parts[:2] and len(resumed) == len(parts)
        third = standin.records[resumed[2]].record
        parent = third["reply"]["parent"]
        assert (parent["uri"], parent["cid"]) == (parts[1], standin.records[parts[1]].cid)
        created = [r for r in standin.received if r.method == "com.atproto.repo.createRecord"]
        assert len(created) == len(parts) + len(parts) - 2

    run(body)


def test_an_edit_puts_each_part_and_a_retraction_deletes_each() -> None:
    async def body(standin: BlueskyStandIn, sink: BlueskySink) -> None:
        parts = (await sink.send(item(extra={"thread": True}))).platform_message_id.split()
        changed = item(
            kind="correction",
            edit_of=" ".join(parts),
            html=HTML.replace("grew", "fell"),
            extra={"thread": True},
        )
        edited = (await sink.send(changed)).platform_message_id.split()
        assert edited == parts
        assert all(standin.records[u].edited for u in parts)
        assert "fell" in standin.records[parts[1]].record["text"]
        # the reply names the head's new CID, written after the head was put
        head_cid = standin.records[parts[0]].cid
        assert standin.records[parts[1]].record["reply"]["root"]["cid"] == head_cid
        await sink.send(item(kind="retraction", edit_of=" ".join(edited)))
        assert all(standin.records[u].deleted for u in parts)

    run(body)
