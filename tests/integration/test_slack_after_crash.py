"""A Slack post in doubt after a crash is looked up in history by a new sink, not reposted.

The first worker's sink posted and its process died before the hub recorded
the result: the next attempt runs in another process, with a new sink that
knows nothing of the first one. The bus marks the message ``in_doubt``; the
sink reads ``conversations.history`` (with ``include_all_metadata``, paging
with the cursor) for the hub's ``hub_delivery`` metadata with this delivery id
and returns that message's ts as the receipt.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.limits import SLACK
from bots.slack.sink import SlackSink
from bots.slack.standin import SlackStandIn
from hub.core.ports import ChannelInfo, Message

TOKEN = "xoxb-stand-in-token"
UNHURRIED = replace(SLACK, per_channel_burst=10_000)


def item(delivery_id: int, **fields: Any) -> Message:
    return replace(
        Message(delivery_id=delivery_id, kind="item", title=f"News {delivery_id}"), **fields
    )


def with_standin(body: Callable[[SlackStandIn, ChannelInfo], Awaitable[None]]) -> None:
    async def main() -> None:
        # a burst large enough for these tests to post quickly (the limit is not under test)
        async with SlackStandIn(tokens=(TOKEN,), limits=UNHURRIED) as standin:
            standin.add_channel("C0NEWS", "news")
            await body(standin, ChannelInfo("slack", "slack", "C0NEWS", base_url=standin.url))

    asyncio.run(main())


async def send_with_new_sink(channel: ChannelInfo, message: Message) -> str:
    """One send by a sink of its own, as a freshly started worker process would."""
    sink = SlackSink(channel, TOKEN)
    try:
        await sink.start()
        return (await sink.send(message)).platform_message_id
    finally:
        await sink.close()


def posts(standin: SlackStandIn) -> int:
    return sum(1 for r in standin.received if r.method == "chat.postMessage" and not r.error)


def test_a_new_sink_finds_the_post_of_a_killed_worker_and_does_not_post_again() -> None:
    async def body(standin: SlackStandIn, channel: ChannelInfo) -> None:
        first = await send_with_new_sink(channel, item(41))  # then the worker is killed
        await send_with_new_sink(channel, item(42))  # others post meanwhile
        retry = await send_with_new_sink(channel, item(41, attempt=2, in_doubt=True))
        assert retry == first
        assert posts(standin) == 2
        assert "conversations.history" in [r.method for r in standin.received]

    with_standin(body)


def test_an_in_doubt_message_that_never_reached_slack_is_posted_once() -> None:
    async def body(standin: SlackStandIn, channel: ChannelInfo) -> None:
        await send_with_new_sink(channel, item(50))
        receipt = await send_with_new_sink(channel, item(51, attempt=3, in_doubt=True))
        assert posts(standin) == 2
        [posted] = [
            m
            for m in standin.messages()
            if m.metadata is not None and m.metadata["event_payload"]["delivery_id"] == 51
        ]
        assert receipt == f"C0NEWS:{posted.ts}"

    with_standin(body)


def test_a_first_attempt_does_not_read_history() -> None:
    async def body(standin: SlackStandIn, channel: ChannelInfo) -> None:
        await send_with_new_sink(channel, item(60))
        assert "conversations.history" not in [r.method for r in standin.received]

    with_standin(body)


def test_the_lookup_pages_back_through_a_busy_channel() -> None:
    async def body(standin: SlackStandIn, channel: ChannelInfo) -> None:
        first = await send_with_new_sink(channel, item(70))
        sink = SlackSink(channel, TOKEN)
        await sink.start()
        for n in range(450):  # more than two pages of newer messages
            await sink.send(item(1000 + n))
        await sink.close()
        retry = await send_with_new_sink(channel, item(70, attempt=2, in_doubt=True))
        assert retry == first
        pages = [r for r in standin.received if r.method == "conversations.history"]
        assert len(pages) == 3
        assert posts(standin) == 451

    with_standin(body)


def test_the_stand_in_pages_history_like_slack() -> None:
    async def body(standin: SlackStandIn, channel: ChannelInfo) -> None:
        for n in range(5):
            await send_with_new_sink(channel, item(n))
        client = AsyncWebClient(token=TOKEN, base_url=f"{standin.url}/api/")
        first = await client.conversations_history(channel="C0NEWS", limit=2)
        assert [m.get("metadata") for m in first["messages"]] == [None, None]
        assert first["has_more"] is True
        cursor = first["response_metadata"]["next_cursor"]
        rest = await client.conversations_history(
            channel="C0NEWS", limit=10, cursor=cursor, include_all_metadata=True
        )
        ids = [m["metadata"]["event_payload"]["delivery_id"] for m in rest["messages"]]
        assert ids == [2, 1, 0]
        assert rest["has_more"] is False and rest["response_metadata"]["next_cursor"] == ""
        newest = first["messages"][0]["ts"]
        before = await client.conversations_history(channel="C0NEWS", latest=newest)
        assert [m["ts"] for m in before["messages"]] == [first["messages"][1]["ts"]] + [
            m["ts"] for m in rest["messages"]
        ]

    with_standin(body)


def test_a_channel_given_by_name_is_found_with_conversations_list() -> None:
    async def body(standin: SlackStandIn, channel: ChannelInfo) -> None:
        for n in range(450):  # the channel is on the third page of conversations.list
            standin.add_channel(f"C0A{n:05d}", f"other-{n}")
        standin.add_channel("C0ZZNAMED", "iopd-news")
        by_name = ChannelInfo("slack", "slack", "#iopd-news", base_url=standin.url)
        first = await send_with_new_sink(by_name, item(61))
        retry = await send_with_new_sink(by_name, item(61, attempt=2, in_doubt=True))
        assert retry == first and first.startswith("C0ZZNAMED:")
        assert posts(standin) == 1
        methods = [r.method for r in standin.received]
        assert methods.count("conversations.list") == 3 and "conversations.history" in methods

    with_standin(body)


def test_history_by_name_is_refused_like_slack_and_an_unknown_name_posts() -> None:
    async def body(standin: SlackStandIn, channel: ChannelInfo) -> None:
        client = AsyncWebClient(token=TOKEN, base_url=f"{standin.url}/api/")
        with pytest.raises(SlackApiError) as refused:
            await client.conversations_history(channel="#news")
        assert refused.value.response["error"] == "channel_not_found"
        standin.add_channel("C0ARCHIVED", "old-news", is_archived=True)
        gone = ChannelInfo("slack", "slack", "#nowhere", base_url=standin.url)
        sink = SlackSink(gone, TOKEN)
        await sink.start()
        try:
            assert await sink._channel_id("#nowhere") is None
            assert await sink._channel_id("#old-news") is None  # archived ones are skipped
            assert await sink._channel_id("C0NEWS") == "C0NEWS"  # an id needs no lookup
        finally:
            await sink.close()

    with_standin(body)
