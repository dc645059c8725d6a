"""The Matrix sink (matrix-nio's AsyncClient) against the homeserver stand-in.

The stand-in's leaky bucket runs on a hand-moved clock, so a 429's retry_after_ms is exact.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest

from bots.limits import MATRIX, MatrixLimits
from bots.matrix.sink import MatrixSink, matrix_sink
from bots.matrix.standin import SERVER, MatrixStandIn
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

TOKEN = "matrix-SeCrEt-access-token-0123456789"
USER = f"@iopd:{SERVER}"
ROOM = f"!news:{SERVER}"
T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(
    test: Callable[[MatrixStandIn, ManualClock], Awaitable[T]], limits: MatrixLimits = MATRIX
) -> T:
    async def main() -> T:
        clock = ManualClock()
        server = MatrixStandIn(
            tokens={TOKEN: USER}, rooms={ROOM: {USER}}, clock=clock, limits=limits
        )
        async with server:
            return await test(server, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(
    standin: MatrixStandIn, token: str = TOKEN, room: str = ROOM
) -> AsyncIterator[MatrixSink]:
    sink = matrix_sink(ChannelInfo("mx", "matrix", room, "en", None, standin.url), token)
    try:
        await sink.start()
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 5, "kind": "item", "title": "Award 2027", "text": "In Barcelona."}
    return Message(**{**base, "link": "https://oidp.net/c", "language": "en", **fields})


def test_send_edit_and_redact() -> None:
    async def test(standin: MatrixStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            html = "<p>Cities apply <b>until 31 March</b> &amp; win.</p>"
            receipt = await sink.send(item(html=html, tags=("award",)))
            [stored] = standin.messages(ROOM)
            assert receipt.platform_message_id == stored.event_id
            assert stored.content["msgtype"] == "m.text"
            assert stored.content["format"] == "org.matrix.custom.html"
            assert "<b>until 31 March</b> &amp; win." in stored.formatted_body
            assert '<a href="https://oidp.net/c"><b>Award 2027</b></a>' in stored.formatted_body
            assert stored.body.startswith("Award 2027\n\nCities apply until 31 March & win.")
            edit = item(delivery_id=6, title="Award 2027 (new dates)", edit_of=stored.event_id)
            edited = await sink.send(edit)
            assert edited.platform_message_id == stored.event_id  # later edits name the original
            assert stored.edits == 1 and stored.body.startswith("Award 2027 (new dates)")
            [replacement] = [e for e in standin.events.values() if e.replaces]
            assert replacement.content["m.relates_to"] == {
                "rel_type": "m.replace",
                "event_id": stored.event_id,
            }
            assert replacement.body.startswith("* Award 2027 (new dates)")
            retraction = item(delivery_id=7, kind="retraction", edit_of=stored.event_id)
            assert (await sink.send(retraction)).platform_message_id == stored.event_id
            assert standin.messages(ROOM) == [] and stored.redacted and stored.content == {}
            # redacting again (a retried retraction) is done, not an error
            await sink.send(item(delivery_id=8, kind="retraction", edit_of=stored.event_id))

    run(test)


def test_a_send_in_doubt_reuses_its_transaction_id_and_is_not_posted_twice() -> None:
    async def test(standin: MatrixStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            first = await sink.send(item())
            again = await sink.send(item(attempt=2, in_doubt=True))
            assert again == first
            assert len(standin.messages(ROOM)) == 1
            puts = [r.path for r in standin.received if r.method == "PUT"]
            assert puts[0] == puts[1] and puts[0].endswith("/send/m.room.message/hub-5")
            # another delivery is another transaction
            await sink.send(item(delivery_id=9))
            assert len(standin.messages(ROOM)) == 2

    run(test)


def test_past_the_bucket_429_gives_retry_after_then_the_send_succeeds() -> None:
    limits = MatrixLimits(per_second=0.5, burst_count=2)

    async def test(standin: MatrixStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            await sink.send(item(delivery_id=1))
            await sink.send(item(delivery_id=2))
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(delivery_id=3))
            assert limited.value.retry_after == pytest.approx(2.0)
            assert "M_LIMIT_EXCEEDED" in str(limited.value)
            clock.now += limited.value.retry_after
            await sink.send(item(delivery_id=3))
            assert len(standin.messages(ROOM)) == 3

    run(test, limits)


def test_the_sinks_budget_stays_within_synapses_default_bucket() -> None:
    sink = matrix_sink(ChannelInfo("mx", "matrix", ROOM, base_url="http://x"), TOKEN)
    [budget] = sink.rate_limits(item())
    assert budget.rate <= MATRIX.per_second and budget.burst <= MATRIX.burst_count
    assert TOKEN not in budget.key


@pytest.mark.parametrize(
    ("status", "errcode", "error"),
    [
        (403, "M_FORBIDDEN", Forbidden),
        (413, "M_TOO_LARGE", BadPayload),
        (404, "M_NOT_FOUND", ChannelGone),
        (502, "M_UNKNOWN", TransientError),
        (400, "M_UNKNOWN", BadPayload),
    ],
)
def test_errors_map_to_transient_or_permanent(
    status: int, errcode: str, error: type[Exception]
) -> None:
    async def test(standin: MatrixStandIn, clock: ManualClock) -> None:
        standin.fail_next(status, errcode, "refused")
        async with sink_for(standin) as sink:
            with pytest.raises(error) as raised:
                await sink.send(item())
            assert errcode in str(raised.value)

    run(test)


def test_a_wrong_token_is_forbidden_at_start_and_never_shown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def test(standin: MatrixStandIn, clock: ManualClock) -> None:
        caplog.set_level(logging.DEBUG)
        wrong = "matrix-SeCrEt-wrong-token-9876543210"
        with pytest.raises(Forbidden) as raised:
            async with sink_for(standin, token=wrong):
                pass
        assert "M_UNKNOWN_TOKEN" in str(raised.value)
        assert wrong not in str(raised.value) and wrong not in caplog.text
        assert TOKEN not in caplog.text

    run(test)


def test_a_room_the_account_has_not_joined_is_forbidden() -> None:
    async def test(standin: MatrixStandIn, clock: ManualClock) -> None:
        other = f"!elsewhere:{SERVER}"
        async with sink_for(standin, room=other) as sink:
            with pytest.raises(Forbidden, match="not in room"):
                await sink.send(item())

    run(test)


def test_too_large_an_event_is_refused_by_the_homeserver_and_the_formatter_stays_within() -> None:
    async def test(standin: MatrixStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            # the homeserver refuses an event over 65,536 bytes ...
            content = {"msgtype": "m.text", "body": "é" * 40_000}
            response = await sink.client.room_send(ROOM, "m.room.message", content)
            assert getattr(response, "status_code", None) == "M_TOO_LARGE"
            # ... and the formatter keeps a long item within it, also as an edit
            long = item(text="Participation " * 20_000)
            receipt = await sink.send(long)
            edit = item(delivery_id=6, text=long.text, edit_of=receipt.platform_message_id)
            await sink.send(edit)
            [stored] = standin.messages(ROOM)
            assert stored.edits == 1 and stored.body.startswith("Award 2027\n\nParticipation")

    run(test)


def test_the_factory_needs_a_token_and_a_room_id() -> None:
    with pytest.raises(Forbidden):
        SINKS["matrix"](ChannelInfo("mx", "matrix", ROOM), None)
    with pytest.raises(ChannelGone, match="room id"):
        SINKS["matrix"](ChannelInfo("mx", "matrix", "#news:example.org"), TOKEN)
