"""The signed webhook sink (httpx) against the receiver stand-in.

Both sides' wall clocks are fixed (the signature's timestamp) and the receiver's
window runs on a hand-moved clock, so Retry-After is exact.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from bots.limits import WEBHOOK
from bots.webhook.sink import WebhookSink
from bots.webhook.standin import WebhookStandIn
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

SECRET = "webhook-SeCrEt-signing-key-0123456789"
WALL = 1_800_000_000.0
T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(test: Callable[[WebhookStandIn, ManualClock], Awaitable[T]]) -> T:
    async def main() -> T:
        clock = ManualClock()
        server = WebhookStandIn(secret_key=SECRET, clock=clock, wall_clock=lambda: WALL)
        async with server:
            return await test(server, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(
    standin: WebhookStandIn, secret: str = SECRET, wall: float = WALL
) -> AsyncIterator[WebhookSink]:
    channel = ChannelInfo(
        "wh", "webhook", "https://intranet.example.org/hooks/iopd", "en", None, standin.url
    )
    sink = WebhookSink(channel, secret, wall_clock=lambda: wall)
    await sink.start()
    try:
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 5, "kind": "item", "title": "Award 2027", "text": "In Barcelona."}
    return Message(**{**base, "link": "https://oidp.net/c", "language": "en", **fields})


def test_send_edit_and_retract() -> None:
    async def test(standin: WebhookStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            receipt = await sink.send(item())
            assert receipt.platform_message_id == "hub-5"
            [stored] = standin.messages()
            assert (stored.title, stored.text, stored.channel) == (
                "Award 2027",
                "In Barcelona.",
                "wh",
            )
            await sink.send(item(delivery_id=6, title="Award 2027 (dates)", edit_of="hub-5"))
            assert stored.title == "Award 2027 (dates)" and stored.updated
            await sink.send(item(delivery_id=7, kind="retraction", edit_of="hub-5"))
            assert standin.messages() == [] and stored.deleted
        assert [(r.path, r.event, r.status) for r in standin.received] == [
            ("/hooks/iopd", "message.created", 200),
            ("/hooks/iopd", "message.updated", 200),
            ("/hooks/iopd", "message.deleted", 200),
        ]

    run(test)


def test_a_send_in_doubt_sent_again_is_one_message() -> None:
    async def test(standin: WebhookStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            first = await sink.send(item())
            again = await sink.send(item(attempt=2, in_doubt=True))
        assert first == again
        assert len(standin.messages()) == 1

    run(test)


def test_past_the_window_429_gives_retry_after_then_the_send_succeeds() -> None:
    async def test(standin: WebhookStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            for number in range(WEBHOOK.per_window):
                await sink.send(item(delivery_id=number))
            clock.now += 3
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(delivery_id=99))
            assert limited.value.retry_after == WEBHOOK.window_seconds - 3
            clock.now += limited.value.retry_after
            await sink.send(item(delivery_id=99))
        assert len(standin.messages()) == WEBHOOK.per_window + 1

    run(test)


def test_the_sinks_budget_stays_within_the_receivers_window() -> None:
    [limit] = WebhookSink(ChannelInfo("wh", "webhook", "https://x.example/h"), SECRET).rate_limits(
        item()
    )
    assert limit.burst + limit.rate * WEBHOOK.window_seconds <= WEBHOOK.per_window


@pytest.mark.parametrize(
    ("status", "retry", "error"),
    [
        (503, None, TransientError),
        (500, None, TransientError),
        (429, 42, RateLimited),
        (400, None, BadPayload),
        (422, None, BadPayload),
        (410, None, ChannelGone),
    ],
)
def test_statuses_are_transient_or_permanent(
    status: int, retry: int | None, error: type[Exception]
) -> None:
    async def test(standin: WebhookStandIn, clock: ManualClock) -> None:
        standin.fail_next(status, "refused", retry)
        async with sink_for(standin) as sink:
            with pytest.raises(error) as raised:
                await sink.send(item())
            if retry is not None:
                assert isinstance(raised.value, RateLimited)
                assert raised.value.retry_after == retry
            await sink.send(item())
        assert len(standin.messages()) == 1

    run(test)


def test_a_wrong_secret_or_an_old_timestamp_is_forbidden_and_the_secret_never_shown() -> None:
    async def test(standin: WebhookStandIn, clock: ManualClock) -> list[str]:
        said = []
        async with sink_for(standin, secret="webhook-SeCrEt-wrong-key") as sink:
            with pytest.raises(Forbidden) as refused:
                await sink.send(item())
            said.append(str(refused.value))
        late = WALL - WEBHOOK.signature_tolerance_seconds - 1
        async with sink_for(standin, wall=late) as sink:
            with pytest.raises(Forbidden) as refused:
                await sink.send(item())
            said.append(str(refused.value))
        assert standin.messages() == []
        return said

    bad_signature, too_old = run(test)
    assert "bad signature" in bad_signature and "SeCrEt" not in bad_signature
    assert "timestamp" in too_old


def test_an_update_of_a_message_the_receiver_lacks_is_gone() -> None:
    async def test(standin: WebhookStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            with pytest.raises(ChannelGone):
                await sink.send(item(delivery_id=8, edit_of="hub-1"))

    run(test)


def test_the_factory_needs_a_secret_and_an_http_target() -> None:
    channel = ChannelInfo("wh", "webhook", "https://x.example/h")
    with pytest.raises(Forbidden):
        SINKS["webhook"](channel, None)
    with pytest.raises(ChannelGone):
        SINKS["webhook"](replace(channel, target="ftp://x.example/h"), SECRET)
