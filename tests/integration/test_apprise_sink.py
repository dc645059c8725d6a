"""The Apprise sink (the apprise library, its json:// plugin) against the JSON receiver."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest

from bots.apprise.sink import AppriseSink, apprise_sink
from bots.apprise.standin import AppriseJsonStandIn
from hub.core.errors import (
    BadPayload,
    ChannelGone,
    Forbidden,
    RateLimited,
    TransientError,
)
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(test: Callable[[AppriseJsonStandIn, ManualClock], Awaitable[T]]) -> T:
    async def main() -> T:
        clock = ManualClock()
        async with AppriseJsonStandIn(per_window=2, clock=clock) as server:
            return await test(server, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(url: str) -> AsyncIterator[AppriseSink]:
    sink = apprise_sink(ChannelInfo("ap", "apprise", "ntfy: iopd-news", "en"), url)
    await sink.start()
    try:
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 5, "kind": "item", "title": "Award 2027", "text": "In Barcelona."}
    return Message(**{**base, "link": "https://oidp.net/c", "language": "en", **fields})


def test_an_item_reaches_the_receiver_as_apprises_json_plugin_sends_it() -> None:
    async def test(standin: AppriseJsonStandIn, clock: ManualClock) -> None:
        async with sink_for(standin.apprise_url()) as sink:
            html = "<p>Cities <b>apply</b> now.</p>"
            receipt = await sink.send(item(html=html, tags=("award",)))
        assert receipt.platform_message_id == "apprise-5"
        [stored] = standin.stored
        assert (stored.title, stored.type) == ("Award 2027", "info")
        assert stored.message == "Cities apply now.\n\nhttps://oidp.net/c\n\n#award"
        assert standin.received[0].user_agent == "Apprise"

    run(test)


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, ChannelGone), (401, Forbidden), (400, BadPayload), (500, TransientError)],
)
def test_a_failing_url_maps_the_status_apprise_logged(status: int, error: type[Exception]) -> None:
    async def test(standin: AppriseJsonStandIn, clock: ManualClock) -> None:
        async with sink_for(standin.apprise_url()) as sink:
            standin.fail_next(status, "refused")
            with pytest.raises(error, match=f"error={status}"):
                await sink.send(item())
        assert standin.stored == []

    run(test)


def test_a_path_the_receiver_does_not_know_is_gone_and_a_closed_port_is_transient() -> None:
    async def test(standin: AppriseJsonStandIn, clock: ManualClock) -> None:
        async with sink_for(standin.apprise_url("/elsewhere")) as sink:
            with pytest.raises(ChannelGone):
                await sink.send(item())
        async with sink_for("json://127.0.0.1:9/notify") as sink:
            with pytest.raises(TransientError):
                await sink.send(item())

    run(test)


def test_a_429_is_retried_later_and_then_delivered() -> None:
    async def test(standin: AppriseJsonStandIn, clock: ManualClock) -> None:
        async with sink_for(standin.apprise_url()) as sink:
            await sink.send(item(delivery_id=1))
            await sink.send(item(delivery_id=2))
            with pytest.raises(RateLimited):
                await sink.send(item(delivery_id=3))
            clock.now += standin.window_seconds
            await sink.send(item(delivery_id=3))
        assert len(standin.stored) == 3

    run(test)


def test_edits_and_retractions_are_refused_with_words_and_nothing_is_sent() -> None:
    async def test(standin: AppriseJsonStandIn, clock: ManualClock) -> None:
        async with sink_for(standin.apprise_url()) as sink:
            with pytest.raises(BadPayload, match="send-only"):
                await sink.send(item(edit_of="apprise-5"))
            with pytest.raises(BadPayload, match="cannot be edited or withdrawn"):
                await sink.send(item(kind="retraction", edit_of="apprise-5"))
        assert standin.received == []

    run(test)


def test_the_factory_needs_a_url_apprise_can_read() -> None:
    with pytest.raises(Forbidden):
        SINKS["apprise"](ChannelInfo("ap", "apprise", "x"), None)
    with pytest.raises(ChannelGone, match="cannot read its URL"):
        SINKS["apprise"](ChannelInfo("ap", "apprise", "x"), "nosuchscheme://SeCrEt@host/x")
