"""The Microsoft Teams sink (httpx) against the webhook stand-in, with a hand-moved clock."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest

from bots.limits import TEAMS, TeamsLimits
from bots.teams.sink import TeamsSink, teams_sink
from bots.teams.standin import BAD_PAYLOAD, TeamsStandIn, delivery_failed
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

HOOK = "/webhookb2/1f2e@tenant/IncomingWebhook/SeCrEt0123456789/owner"
FLOW = "/workflows/a1b2/triggers/manual/paths/invoke"
SIG = "SeCrEt-workflow-sig-0123456789"
T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(
    test: Callable[[TeamsStandIn, ManualClock], Awaitable[T]], limits: TeamsLimits = TEAMS
) -> T:
    async def main() -> T:
        clock = ManualClock()
        async with TeamsStandIn(hooks={HOOK: "", FLOW: SIG}, clock=clock, limits=limits) as server:
            return await test(server, clock)

    return asyncio.run(main())


def hook_url(path: str = HOOK) -> str:
    return f"https://iopd.webhook.office.com{path}"


def flow_url(sig: str = SIG) -> str:
    return f"https://prod-00.westeurope.logic.azure.com:443{FLOW}?api-version=2016-06-01&sig={sig}"


@asynccontextmanager
async def sink_for(standin: TeamsStandIn, url: str) -> AsyncIterator[TeamsSink]:
    sink = teams_sink(ChannelInfo("tm", "teams", "IOPD / News", "es", None, standin.url), url)
    await sink.start()
    try:
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 5, "kind": "item", "title": "Premio 2027", "text": "En Barcelona."}
    return Message(**{**base, "link": "https://oidp.net/c", "language": "es", **fields})


def test_an_item_is_posted_as_an_adaptive_card_to_a_webhook_and_a_workflow() -> None:
    async def test(standin: TeamsStandIn, clock: ManualClock) -> None:
        html = "<p>Las ciudades <b>hasta el 31</b> *ganan* [x]</p>"
        async with sink_for(standin, hook_url()) as sink:
            receipt = await sink.send(item(html=html, image_url="https://oidp.net/a.png"))
        async with sink_for(standin, flow_url()) as sink:
            await sink.send(item(delivery_id=6))
        assert receipt.platform_message_id == "teams-5"
        assert [r.status for r in standin.received] == [200, 202]
        first = standin.stored[0].card
        assert first["type"] == "AdaptiveCard"
        title, text, image = first["body"]
        assert (title["text"], title["weight"]) == ("Premio 2027", "Bolder")
        assert text["text"] == "Las ciudades **hasta el 31** \\*ganan\\* \\[x\\]"
        assert image == {
            "type": "Image",
            "url": "https://oidp.net/a.png",
            "altText": "Premio 2027",
            "size": "Stretch",
        }
        assert first["actions"] == [
            {"type": "Action.OpenUrl", "title": "Leer más", "url": "https://oidp.net/c"}
        ]

    run(test)


def test_a_refused_card_is_a_bad_payload_and_too_large_a_card_is_cut_to_fit() -> None:
    async def test(standin: TeamsStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, hook_url()) as sink:
            standin.fail_next(400, BAD_PAYLOAD)
            with pytest.raises(BadPayload, match="Bad payload received"):
                await sink.send(item())
            # the formatter keeps a long item within 28 KB; Teams takes it
            await sink.send(item(delivery_id=7, text="participación " * 10_000))
            assert standin.received[-1].body_bytes <= TEAMS.payload_bytes
            assert standin.received[-1].status == 200
        # and past 28 KB Teams refuses it for good
        async with sink_for(standin, hook_url()) as sink:
            standin.limits = TeamsLimits(payload_bytes=500)
            with pytest.raises(BadPayload, match="HTTP error 413"):
                await sink.send(item(delivery_id=8, text="x " * 400))

    run(test)


def test_past_four_a_second_429_is_retried_later_and_then_posted() -> None:
    async def test(standin: TeamsStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, hook_url()) as sink:
            for number in range(TEAMS.per_second):
                await sink.send(item(delivery_id=number + 1))
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(delivery_id=9))
            assert "HTTP error 429" in str(limited.value)
            assert "ContextId" not in str(limited.value)
            assert limited.value.retry_after > 1.0  # no Retry-After: the sink waits a minute
            clock.now += 1.0
            await sink.send(item(delivery_id=9))
            assert len(standin.stored) == TEAMS.per_second + 1

    run(test)


def test_a_delivery_failure_answered_with_200_counts_as_its_status() -> None:
    async def test(standin: TeamsStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, hook_url()) as sink:
            standin.fail_next(200, delivery_failed(429))
            with pytest.raises(RateLimited):
                await sink.send(item())
            standin.fail_next(200, delivery_failed(413))
            with pytest.raises(BadPayload):
                await sink.send(item())
            standin.fail_next(502, "Bad Gateway")
            with pytest.raises(TransientError):
                await sink.send(item())

    run(test)


def test_edits_and_retractions_are_refused_with_words_and_nothing_is_posted() -> None:
    async def test(standin: TeamsStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, hook_url()) as sink:
            with pytest.raises(BadPayload, match="send-only"):
                await sink.send(item(edit_of="teams-5"))
            with pytest.raises(BadPayload, match="cannot edit or delete"):
                await sink.send(item(kind="retraction", edit_of="teams-5"))
        assert standin.received == []

    run(test)


def test_a_wrong_signature_is_forbidden_an_unknown_hook_gone_and_neither_shown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def test(standin: TeamsStandIn, clock: ManualClock) -> None:
        caplog.set_level(logging.DEBUG)
        async with sink_for(standin, flow_url("SeCrEt-wrong")) as sink:
            with pytest.raises(Forbidden) as forbidden:
                await sink.send(item())
        unknown = HOOK.replace("SeCrEt0123456789", "SeCrEtOther")
        async with sink_for(standin, hook_url(unknown)) as sink:
            with pytest.raises(ChannelGone) as gone:
                await sink.send(item())
        for shown in (str(forbidden.value), str(gone.value), caplog.text):
            assert "SeCrEt" not in shown

    run(test)


def test_the_factory_needs_a_webhook_url() -> None:
    with pytest.raises(Forbidden):
        SINKS["teams"](ChannelInfo("tm", "teams", "News"), None)
    with pytest.raises(ChannelGone, match="not an http"):
        SINKS["teams"](ChannelInfo("tm", "teams", "News"), "teams.example/hook")
