"""The Slack sink through slack_sdk's AsyncWebClient against the Web API stand-in.

A hand-moved clock drives the stand-in's per-channel window, so the 429's
Retry-After is exact without sleeping.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, TypeVar

import httpx
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.limits import SLACK
from bots.slack.sink import SlackSink, slack_sink
from bots.slack.standin import SlackStandIn
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, Timeout, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

TOKEN = "xoxb-stand-in-token"
T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def run(test: Callable[[SlackStandIn, ManualClock], Awaitable[T]]) -> T:
    """Run an async test body with a started stand-in that knows a few channels."""

    async def main() -> T:
        clock = ManualClock()
        async with SlackStandIn(tokens=(TOKEN,), clock=clock) as standin:
            standin.add_channel("C0NEWS", "news")
            standin.add_channel("C0OLD", "old", is_archived=True)
            standin.add_channel("C0PRIV", "private", is_member=False)
            return await test(standin, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(
    standin: SlackStandIn, target: str, token: str = TOKEN
) -> AsyncIterator[SlackSink]:
    sink = slack_sink(ChannelInfo("slack", "slack", target, base_url=standin.url), token)
    try:
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 31, "kind": "item", "title": "Conference 2027", "text": "In Barcelona."}
    return Message(**{**base, "link": "https://oidp.net/conf", **fields})


def test_wired_as_the_slack_platform() -> None:
    channel = ChannelInfo("wired", "slack", "C0IOPD")
    assert isinstance(SINKS["slack"](channel, "xoxb-1-2-abc"), SlackSink)


def test_post_returns_channel_and_ts_and_history_shows_the_delivery_id() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> dict[str, Any]:
        async with sink_for(standin, "#news") as sink:
            await sink.start()
            receipt = await sink.send(item())
        client = AsyncWebClient(token=TOKEN, base_url=f"{standin.url}/api/")
        history = await client.conversations_history(channel="C0NEWS", include_all_metadata=True)
        return {"receipt": receipt.platform_message_id, "history": history.data}

    got = run(body)
    channel, ts = got["receipt"].split(":")
    assert channel == "C0NEWS"
    [posted] = got["history"]["messages"]
    assert posted["ts"] == ts
    assert posted["metadata"] == {
        "event_type": "hub_delivery",
        "event_payload": {"delivery_id": 31, "kind": "item"},
    }
    assert posted["blocks"][0]["text"]["text"] == "Conference 2027"


def test_corrections_update_and_retractions_delete_idempotently() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, "C0NEWS") as sink:
            sent = await sink.send(item())
            clock.now += 5
            edited = await sink.send(
                replace(item(title="Conference 2027 (new dates)"), edit_of=sent.platform_message_id)
            )
            retraction = replace(item(), kind="retraction", edit_of=sent.platform_message_id)
            await sink.send(retraction)
            await sink.send(retraction)  # already gone: still fine
        assert edited == sent
        assert standin.messages() == []
        [held] = standin.stored.values()
        assert held.edited and held.deleted
        assert held.blocks[0]["text"]["text"] == "Conference 2027 (new dates)"
        methods = [r.method for r in standin.received]
        assert methods == ["chat.postMessage", "chat.update", "chat.delete", "chat.delete"]

    run(body)


def test_per_channel_limit_answers_rate_limited_with_the_exact_retry_after() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> list[float]:
        waits = []
        async with sink_for(standin, "C0NEWS") as sink:
            window = int(
                SLACK.per_channel_burst + SLACK.per_channel_per_second * SLACK.flood_window_seconds
            )
            for _ in range(window):
                await sink.send(item())
            clock.now += 0.5
            with pytest.raises(RateLimited) as flood:
                await sink.send(item())
            waits.append(flood.value.retry_after)
            standin.fail_next("chat.postMessage", "ratelimited", status=429, retry_after=30)
            with pytest.raises(RateLimited) as told:
                await sink.send(item())
            waits.append(told.value.retry_after)
        assert standin.received[-1].status == 429
        return waits

    # Four posts at t=500 fill the 2-second window; at t=500.5 the first frees in 1.5 s.
    assert run(body) == [2.0, 30.0]


def test_bucket_declared_by_the_sink_never_crosses_the_standin_window() -> None:
    """Spending the declared bucket exactly as the bus would, the stand-in never answers 429."""

    async def body(standin: SlackStandIn, clock: ManualClock) -> int:
        async with sink_for(standin, "C0NEWS") as sink:
            [limit] = sink.rate_limits(item())
            tokens, sent = limit.burst, 0
            for step in range(41):
                clock.now += 0.25
                tokens = min(limit.burst, tokens + 0.25 * limit.rate) if step else tokens
                while tokens >= 1:
                    tokens -= 1
                    await sink.send(item())
                    sent += 1
        return sent

    assert run(body) == 2 + 10  # the burst, then one a second for ten seconds


@pytest.mark.parametrize(
    ("target", "token", "failure", "error", "text"),
    [
        ("C0NOPE", TOKEN, None, ChannelGone, "channel_not_found"),
        ("#nope", TOKEN, None, ChannelGone, "channel_not_found"),
        ("C0OLD", TOKEN, None, ChannelGone, "is_archived"),
        ("C0PRIV", TOKEN, None, Forbidden, "not_in_channel"),
        ("C0NEWS", "xoxb-revoked", None, Forbidden, "invalid_auth"),
        ("C0NEWS", TOKEN, "account_inactive", Forbidden, "account_inactive"),
        ("C0NEWS", TOKEN, "msg_too_long", BadPayload, "msg_too_long"),
        ("C0NEWS", TOKEN, "invalid_blocks", BadPayload, "invalid_blocks"),
        ("C0NEWS", TOKEN, "internal_error", TransientError, "internal_error"),
    ],
)
def test_web_api_errors_map_to_hub_errors(
    target: str, token: str, failure: str | None, error: type[Exception], text: str
) -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> None:
        if failure:
            standin.fail_next("chat.postMessage", failure)
        async with sink_for(standin, target, token) as sink:
            with pytest.raises(error, match=text) as raised:
                await sink.send(item())
        assert token not in str(raised.value)

    run(body)


def test_server_error_is_transient() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> None:
        standin.fail_next("chat.postMessage", "service_unavailable", status=503)
        async with sink_for(standin, "C0NEWS") as sink:
            with pytest.raises(TransientError):
                await sink.send(item())

    run(body)


def test_standin_refuses_invalid_blocks_like_slack() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> list[dict[str, Any]]:
        client = AsyncWebClient(token=TOKEN, base_url=f"{standin.url}/api/", retry_handlers=[])
        section = {"type": "section", "text": {"type": "mrkdwn", "text": "x"}}
        long_section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
        answers = []
        for blocks in ([section] * 51, [long_section]):
            with pytest.raises(SlackApiError) as refused:
                await client.chat_postMessage(channel="C0NEWS", text="t", blocks=blocks)
            answers.append(refused.value.response.data)
        if client.session:
            await client.session.close()
        async with httpx.AsyncClient(base_url=standin.url) as raw:
            headers = {"Authorization": f"Bearer {TOKEN}"}
            empty = await raw.post(
                "/api/chat.postMessage", data={"channel": "C0NEWS"}, headers=headers
            )
        answers.append(empty.json())
        return answers

    too_many, too_long, empty = run(body)
    assert too_many["error"] == too_long["error"] == "invalid_blocks"
    assert "no more than 50 items" in too_many["errors"][0]
    assert "less than 3001 characters" in too_long["errors"][0]
    assert empty == {"ok": False, "error": "no_text"}


SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 2900}}
IMAGE = {"type": "image", "image_url": "https://oidp.net/p.jpg", "alt_text": "p"}

# Each rule: the blocks, the error Slack answers, a detail it lists, and where the rule is.
SLACK_RULES = [
    pytest.param(
        [SECTION] * 5,
        "msg_blocks_too_long",
        None,
        id="total-block-text: api.slack.com/methods/chat.postMessage, bolt-js#2509",
    ),
    pytest.param(
        [{**IMAGE, "image_url": "https://oidp.net/gone.jpg"}],
        "invalid_blocks",
        "downloading image failed [json-pointer:/blocks/0/image_url]",
        id="image-fetched: Block Kit reference, image block (publicly hosted image_url)",
    ),
    pytest.param(
        [{**IMAGE, "image_url": "http://127.0.0.1:8080/p.jpg"}],
        "invalid_blocks",
        "downloading image failed",
        id="image-on-a-private-host: Slack fetches from the internet",
    ),
    pytest.param([SECTION] * 4, None, None, id="four-full-sections-pass"),
    pytest.param([IMAGE], None, None, id="public-image-passes"),
]


@pytest.mark.parametrize(("blocks", "error", "detail"), SLACK_RULES)
def test_standin_refuses_what_slack_refuses(
    blocks: list[dict[str, Any]], error: str | None, detail: str | None
) -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> dict[str, Any]:
        standin.unreachable_images.add("https://oidp.net/gone.jpg")
        async with httpx.AsyncClient(base_url=standin.url) as raw:
            headers = {"Authorization": f"Bearer {TOKEN}"}
            answer = await raw.post(
                "/api/chat.postMessage",
                json={"channel": "C0NEWS", "text": "t", "blocks": blocks},
                headers=headers,
            )
        data: dict[str, Any] = answer.json()
        return data

    data = run(body)
    assert data.get("error") == error
    if detail:
        assert any(detail in found for found in data["errors"])


def test_a_long_item_with_everything_is_posted_whole_within_slacks_total() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> list[dict[str, Any]]:
        long = item(
            title="T" * 300,
            text=" ".join(f"word{i}" for i in range(4000)),
            tags=tuple(f"tag{i}" for i in range(300)),
            image_url="https://oidp.net/p.jpg",
        )
        async with sink_for(standin, "C0NEWS") as sink:
            await sink.send(long)
        [posted] = standin.messages("C0NEWS")
        return posted.blocks

    blocks = run(body)
    assert blocks[-1]["text"]["text"] == "<https://oidp.net/conf|Read more>"


def test_an_image_slack_cannot_download_posts_the_item_without_it() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> None:
        standin.unreachable_images.add("https://oidp.net/gone.jpg")
        async with sink_for(standin, "C0NEWS") as sink:
            receipt = await sink.send(item(image_url="https://oidp.net/gone.jpg"))
            edit = replace(item(image_url="https://oidp.net/gone.jpg", title="New"))
            await sink.send(replace(edit, edit_of=receipt.platform_message_id))
        [posted] = standin.messages("C0NEWS")
        assert f"{posted.channel}:{posted.ts}" == receipt.platform_message_id
        assert [b["type"] for b in posted.blocks] == ["header", "section", "section"]
        assert posted.blocks[0]["text"]["text"] == "New"
        assert [(r.method, r.error) for r in standin.received] == [
            ("chat.postMessage", "invalid_blocks"),
            ("chat.postMessage", ""),
            ("chat.update", "invalid_blocks"),
            ("chat.update", ""),
        ]

    run(body)


def test_rate_limit_key_never_contains_the_token() -> None:
    [limit] = slack_sink(ChannelInfo("s", "slack", "C0NEWS"), TOKEN).rate_limits(item())
    assert TOKEN not in limit.key and "C0NEWS" in limit.key
    assert (limit.rate, limit.burst) == (SLACK.per_channel_per_second, SLACK.per_channel_burst)


def test_console_endpoint_lists_what_was_posted() -> None:
    async def body(standin: SlackStandIn, clock: ManualClock) -> list[dict[str, Any]]:
        async with sink_for(standin, "C0NEWS") as sink:
            await sink.send(item())
        async with httpx.AsyncClient() as client:
            return list((await client.get(f"{standin.url}/_standin/messages")).json())

    [listed] = run(body)
    assert (
        listed["channel"] == "C0NEWS" and listed["metadata"]["event_payload"]["delivery_id"] == 31
    )


@pytest.mark.parametrize(
    ("status", "content_type", "body"),
    [(502, "text/html", "<html>Bad gateway</html>"), (200, "application/json", "{not json")],
)
def test_answers_that_are_not_web_api_json_are_transient(
    status: int, content_type: str, body: str
) -> None:
    from aiohttp import web

    async def main() -> None:
        async def broken(request: web.Request) -> web.Response:
            return web.Response(status=status, text=body, content_type=content_type)

        app = web.Application()
        app.router.add_post("/api/chat.postMessage", broken)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        channel = ChannelInfo("s", "slack", "C0NEWS", base_url=f"http://127.0.0.1:{port}")
        sink = slack_sink(channel, TOKEN)
        try:
            with pytest.raises(TransientError):
                await sink.send(item())
        finally:
            await sink.close()
            await runner.cleanup()

    asyncio.run(main())


def test_no_answer_in_time_is_a_timeout() -> None:
    async def main() -> None:
        answered = asyncio.Event()

        async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await answered.wait()  # accept the request, never answer it
            writer.close()
            await writer.wait_closed()

        server = await asyncio.start_server(silent, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        channel = ChannelInfo("s", "slack", "C0NEWS", base_url=f"http://127.0.0.1:{port}")
        sink = SlackSink(channel, TOKEN, timeout=0.2)
        with pytest.raises(Timeout):
            await sink.start()
        await sink.close()
        answered.set()
        await asyncio.sleep(0)
        server.close()
        await server.wait_closed()

    asyncio.run(main())
