"""A long post on a ``thread = true`` route continues as Mastodon replies (Mastodon.py
against the stand-in, which counts 500 with every URL as 23 and refuses a reply to a
status it does not hold, as Mastodon does)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from bots.limits import MASTODON
from bots.mastodon.format import status_length, thread_statuses
from bots.mastodon.sink import mastodon_sink
from bots.mastodon.standin import MastodonStandIn
from hub.core.errors import ChannelGone
from hub.core.ports import ChannelInfo, Message

TOKEN = "stand-in-token"
T = TypeVar("T")
LONG = " ".join(
    f"Sentence {n} about participatory budgets, see https://oidp.net/report/{n}/" + "x" * 60 + "."
    for n in range(40)
)


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {"delivery_id": 5, "kind": "item", "title": "Report", "text": LONG}
    return Message(**{**base, "link": "https://oidp.net/r", "language": "en", **fields})


def run(test: Callable[[MastodonStandIn], Awaitable[T]]) -> T:
    async def main() -> T:
        async with MastodonStandIn() as server:
            return await test(server)

    return asyncio.run(main())


def sink(standin: MastodonStandIn) -> Any:
    channel = ChannelInfo("md", "mastodon", "@iopd@mastodon.standin", base_url=standin.url)
    return mastodon_sink(channel, TOKEN)


def test_parts_count_as_mastodon_counts_and_lose_nothing() -> None:
    parts = thread_statuses(item(extra={"thread": True}))
    assert len(parts) > 1
    assert all(status_length(part) <= MASTODON.status for part in parts)
    # each URL counts 23 however long: parts hold far more than 500 characters
    assert max(len(part) for part in parts) > MASTODON.status
    joined = " ".join(parts).split()
    assert "https://oidp.net/report/39/" + "x" * 60 + "." in joined
    assert joined[-1] == "https://oidp.net/r"


def test_without_thread_a_long_post_is_shortened_as_before() -> None:
    async def body(standin: MastodonStandIn) -> None:
        md = sink(standin)
        receipt = await md.send(item())
        await md.close()
        assert len(receipt.platform_message_id.split()) == 1

    run(body)


def test_a_thread_posts_replies_edits_each_part_and_deletes_each_part() -> None:
    async def body(standin: MastodonStandIn) -> None:
        md = sink(standin)
        recorded: list[tuple[str, ...]] = []

        async def progress(ids: tuple[str, ...]) -> None:
            recorded.append(ids)

        message = item(extra={"thread": True}, progress=progress)
        ids = (await md.send(message)).platform_message_id.split()
        assert len(ids) > 1 and recorded[-1] == tuple(ids)
        held = [standin.statuses[i] for i in ids]
        assert held[0].in_reply_to_id is None
        assert [s.in_reply_to_id for s in held[1:]] == ids[:-1]
        # a crash after the first two parts: the next attempt posts only the rest
        posts = len(standin.statuses)
        retried = await md.send(replace(message, posted=tuple(ids[:2]), delivery_id=6))
        assert len(standin.statuses) - posts == len(ids) - 2
        assert retried.platform_message_id.split()[:2] == ids[:2]
        # an edit with less text keeps the head and deletes what is left over
        edit = item(
            kind="correction", edit_of=" ".join(ids), text="Short now.", extra={"thread": True}
        )
        edited = (await md.send(edit)).platform_message_id
        assert edited == ids[0] and standin.statuses[ids[0]].text.startswith("Report")
        assert all(standin.statuses[i].deleted for i in ids[1:])
        gone = item(kind="retraction", edit_of=retried.platform_message_id)
        await md.send(gone)
        await md.close()
        assert all(standin.statuses[i].deleted for i in retried.platform_message_id.split())

    run(body)


def test_a_reply_to_a_missing_status_is_refused() -> None:
    async def body(standin: MastodonStandIn) -> None:
        md = sink(standin)
        with pytest.raises(ChannelGone, match="does not appear to exist"):
            await md.send(item(extra={"thread": True}, posted=("999",)))
        await md.close()

    run(body)
