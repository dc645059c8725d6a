"""A Slack post retried after an ambiguous failure is not posted twice.

The answer to chat.postMessage is lost (the request reached the stand-in,
the sink saw a timeout): the retry looks in conversations.history for the
hub's metadata with the delivery id and returns that message as the receipt.
A post that never left, or that Slack refused, is posted normally on retry;
a first attempt never reads history.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bots.slack.sink import SlackSink
from bots.slack.standin import SlackStandIn
from hub.core.errors import BadPayload, RateLimited, Timeout
from hub.core.ports import ChannelInfo, Message

TOKEN = "xoxb-stand-in-token"


def item(delivery_id: int = 31) -> Message:
    return Message(delivery_id=delivery_id, kind="item", title="Conference 2027", text="Hi.")


def run(body: Callable[[SlackStandIn, SlackSink], Awaitable[None]], target: str = "C0NEWS") -> None:
    async def main() -> None:
        async with SlackStandIn(tokens=(TOKEN,)) as standin:
            standin.add_channel("C0NEWS", "news")
            sink = SlackSink(ChannelInfo("slack", "slack", target, base_url=standin.url), TOKEN)
            try:
                await body(standin, sink)
            finally:
                await sink.close()

    asyncio.run(main())


def lose_answers(sink: SlackSink, *, deliver: bool) -> None:
    """The next chat.postMessage times out, after reaching Slack when ``deliver``."""
    real = sink._calls["chat.postMessage"]

    async def post(body: dict[str, Any]) -> AsyncSlackResponse:
        sink._calls["chat.postMessage"] = real  # only once
        if deliver:
            await real(body)
        raise TimeoutError("answer lost")

    sink._calls["chat.postMessage"] = post


def methods(standin: SlackStandIn) -> list[str]:
    return [r.method for r in standin.received]


def test_a_post_whose_answer_was_lost_is_found_in_history_not_posted_again() -> None:
    async def body(standin: SlackStandIn, sink: SlackSink) -> None:
        lose_answers(sink, deliver=True)
        with pytest.raises(Timeout):
            await sink.send(item())
        receipt = await sink.send(item())
        [posted] = standin.messages("C0NEWS")
        assert receipt.platform_message_id == f"C0NEWS:{posted.ts}"
        assert methods(standin) == ["chat.postMessage", "conversations.history"]
        # Once settled, the delivery is no longer in doubt: a new post reads no history.
        await sink.send(item(32))
        assert methods(standin)[-1] == "chat.postMessage"

    run(body)


def test_a_post_that_never_left_is_posted_on_retry() -> None:
    async def body(standin: SlackStandIn, sink: SlackSink) -> None:
        await sink.send(item(30))  # another delivery in the channel's history
        lose_answers(sink, deliver=False)
        with pytest.raises(Timeout):
            await sink.send(item())
        await sink.send(item())
        assert len(standin.messages("C0NEWS")) == 2
        assert methods(standin) == ["chat.postMessage", "conversations.history", "chat.postMessage"]

    run(body)


def test_a_refused_post_is_not_in_doubt() -> None:
    async def body(standin: SlackStandIn, sink: SlackSink) -> None:
        standin.fail_next("chat.postMessage", "invalid_blocks")
        with pytest.raises(BadPayload):
            await sink.send(item())
        standin.fail_next("chat.postMessage", "ratelimited", status=429, retry_after=3)
        with pytest.raises(RateLimited):
            await sink.send(item())
        await sink.send(item())
        assert methods(standin) == ["chat.postMessage"] * 3

    run(body)


def test_a_target_named_by_name_uses_the_channel_id_learnt_from_an_earlier_post() -> None:
    async def body(standin: SlackStandIn, sink: SlackSink) -> None:
        await sink.send(item(30))
        lose_answers(sink, deliver=True)
        with pytest.raises(Timeout):
            await sink.send(item())
        receipt = await sink.send(item())
        assert receipt.platform_message_id.startswith("C0NEWS:")
        assert len(standin.messages("C0NEWS")) == 2
        history = [r for r in standin.received if r.method == "conversations.history"]
        assert [r.params["channel"] for r in history] == ["C0NEWS"]

    run(body, target="#news")
