"""The Discord sink (httpx) against the webhook stand-in.

The stand-in's bucket runs on a hand-moved clock, so a 429's retry_after is exact.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from bots.discord.sink import DiscordSink, discord_sink
from bots.discord.standin import DiscordStandIn
from bots.limits import DISCORD
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

TOKEN = "discord-SeCrEt-webhook-token-0123456789"
WEBHOOK = "1100"
WALL = 1_800_000_000.0
T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(test: Callable[[DiscordStandIn, ManualClock], Awaitable[T]]) -> T:
    async def main() -> T:
        clock = ManualClock()
        server = DiscordStandIn(webhooks={WEBHOOK: TOKEN}, clock=clock, wall_clock=lambda: WALL)
        async with server:
            return await test(server, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(
    standin: DiscordStandIn, token: str = TOKEN, webhook: str = WEBHOOK, thread: int | None = None
) -> AsyncIterator[DiscordSink]:
    channel = ChannelInfo("dc", "discord", webhook, "en", thread, standin.url)
    sink = discord_sink(channel, token)
    await sink.start()
    try:
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 5, "kind": "item", "title": "Award 2027", "text": "In Barcelona."}
    return Message(**{**base, "link": "https://oidp.net/c", "language": "en", **fields})


def test_send_edit_and_retract() -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            receipt = await sink.send(item())
            [stored] = standin.messages()
            assert receipt.platform_message_id == stored.id
            assert stored.embeds[0]["title"] == "Award 2027"
            assert stored.embeds[0]["description"] == "In Barcelona."
            edited = await sink.send(item(title="Award 2027 (dates)", edit_of=stored.id))
            assert edited.platform_message_id == stored.id
            assert stored.embeds[0]["title"] == "Award 2027 (dates)"
            assert stored.edited_timestamp is not None
            clock.now += DISCORD.window_seconds
            await sink.send(item(kind="retraction", edit_of=stored.id))
            assert standin.messages() == [] and stored.deleted
            # already deleted is deleted: Discord's 10008 Unknown Message is no failure
            await sink.send(item(kind="retraction", edit_of=stored.id))
        assert [r.method for r in standin.received] == ["POST", "PATCH", "DELETE", "DELETE"]
        assert [r.status for r in standin.received] == [200, 200, 204, 404]
        # what the console's stand-ins page shows of the requests keeps the token out
        assert standin.received[0].path == f"/webhooks/{WEBHOOK}/{{token}}"

    run(test)


def test_a_thread_id_posts_into_that_thread() -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, thread=9001) as sink:
            await sink.send(item())
        assert standin.messages()[0].thread_id == "9001"

    run(test)


def test_past_the_bucket_429_gives_retry_after_then_the_send_succeeds() -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            for number in range(DISCORD.per_window):
                await sink.send(item(delivery_id=number))
            clock.now += 0.5
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(delivery_id=99))
            assert limited.value.retry_after == pytest.approx(DISCORD.window_seconds - 0.5)
            clock.now += limited.value.retry_after
            await sink.send(item(delivery_id=99))
        assert len(standin.messages()) == DISCORD.per_window + 1
        assert [r.status for r in standin.received].count(429) == 1

    run(test)


def test_the_sinks_budget_stays_within_the_bucket() -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            [limit] = sink.rate_limits(item())
        # a token bucket spends at most burst + rate x window in any window
        assert limit.burst + limit.rate * DISCORD.window_seconds <= DISCORD.per_window

    run(test)


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (400, {"code": 50035, "message": "Invalid Form Body", "errors": {}}, BadPayload),
        (403, {"code": 50013, "message": "Missing Permissions"}, Forbidden),
        (500, {"message": "500: Internal Server Error", "code": 0}, TransientError),
        (502, {}, TransientError),
    ],
)
def test_errors_map_to_transient_or_permanent(
    status: int, body: dict[str, Any], error: type[Exception]
) -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        standin.fail_next(status, body)
        async with sink_for(standin) as sink:
            with pytest.raises(error):
                await sink.send(item())
            await sink.send(item())  # the next one goes through
        assert len(standin.messages()) == 1

    run(test)


def test_a_429_body_without_headers_still_gives_its_retry_after() -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        standin.fail_next(
            429, {"message": "You are being rate limited.", "retry_after": 3.25, "global": True}
        )
        async with sink_for(standin) as sink:
            with pytest.raises(RateLimited) as limited:
                await sink.send(item())
        assert limited.value.retry_after == 3.25

    run(test)


def test_a_wrong_token_is_forbidden_and_never_shown(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    async def test(standin: DiscordStandIn, clock: ManualClock) -> str:
        async with sink_for(standin, token="discord-SeCrEt-wrong-token") as sink:
            with pytest.raises(Forbidden) as refused:
                await sink.send(item())
        return str(refused.value)

    said = run(test)
    assert "50027" in said
    assert "SeCrEt" not in said and "SeCrEt" not in caplog.text


def test_an_unknown_webhook_is_gone_and_an_unknown_message_cannot_be_edited() -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, webhook="4040") as sink:
            with pytest.raises(ChannelGone, match="10015"):
                await sink.send(item())
        async with sink_for(standin) as sink:
            with pytest.raises(ChannelGone, match="10008"):
                await sink.send(item(edit_of="123"))

    run(test)


def test_discord_refuses_too_long_an_embed_and_the_sink_says_so() -> None:
    async def test(standin: DiscordStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            path = f"/webhooks/{WEBHOOK}/{TOKEN}?wait=true"
            response = await sink.client.post(
                standin.url + path, json={"embeds": [{"title": "x" * 257}]}
            )
        assert response.status_code == 400
        assert response.json()["errors"]["embeds"]["0"]["title"]["_errors"][0]["code"] == (
            "BASE_TYPE_MAX_LENGTH"
        )

    run(test)


def test_the_factory_needs_a_token_and_a_numeric_webhook_id() -> None:
    channel = ChannelInfo("dc", "discord", WEBHOOK)
    with pytest.raises(Forbidden):
        SINKS["discord"](channel, None)
    with pytest.raises(ChannelGone):
        discord_sink(replace(channel, target="https://discord.com/api/webhooks/1/x"), TOKEN)
