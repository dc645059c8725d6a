"""The Mastodon sink through Mastodon.py against the REST stand-in.

The stand-in's window runs on a hand-moved clock and its wall clock is fixed
at a whole second, so the 429's X-RateLimit-Reset gives an exact retry_after.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, TypeVar

import httpx
import pytest

from bots.limits import MASTODON, MastodonLimits
from bots.mastodon.sink import MastodonSink, instance_url, mastodon_sink
from bots.mastodon.standin import MastodonStandIn
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

TOKEN = "stand-in-token"
WALL = 1_800_000_000.0
T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(test: Callable[[MastodonStandIn, ManualClock], Awaitable[T]], **standin: Any) -> T:
    async def main() -> T:
        clock = ManualClock()
        async with MastodonStandIn(clock=clock, wall_clock=lambda: WALL, **standin) as server:
            return await test(server, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(standin: MastodonStandIn, token: str = TOKEN) -> AsyncIterator[MastodonSink]:
    channel = ChannelInfo("md", "mastodon", "@iopd@mastodon.standin", base_url=standin.url)
    sink = mastodon_sink(channel, token)
    try:
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 5, "kind": "item", "title": "Conferencia 2027", "text": "En Barcelona."}
    return Message(**{**base, "link": "https://oidp.net/c", "language": "es", **fields})


def test_registered_and_instance_from_the_account() -> None:
    wired = SINKS["mastodon"](ChannelInfo("wired", "mastodon", "@iopd@mastodon.social"), "token")
    assert isinstance(wired, MastodonSink)
    assert instance_url(ChannelInfo("m", "mastodon", "@iopd@mastodon.social")) == (
        "https://mastodon.social"
    )
    with pytest.raises(ChannelGone):
        instance_url(ChannelInfo("m", "mastodon", "iopd"))


def test_post_edit_delete_and_idempotent_retry() -> None:
    async def body(standin: MastodonStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            await sink.start()
            posted = await sink.send(item())
            retried = await sink.send(item())  # same delivery: same Idempotency-Key
            edited = await sink.send(
                replace(item(title="Nueva fecha"), edit_of=posted.platform_message_id)
            )
            retraction = replace(item(), kind="retraction", edit_of=posted.platform_message_id)
            await sink.send(retraction)
            await sink.send(retraction)  # already gone is fine
        assert posted == retried == edited
        [status] = standin.statuses.values()
        assert status.language == "es" and status.visibility == "public"
        assert status.text.startswith("Nueva fecha\n\nEn Barcelona.")
        assert status.edited_at and status.deleted
        methods = [(r.method, r.status) for r in standin.received]
        assert methods[1:] == [
            ("POST", 200),
            ("POST", 200),
            ("PUT", 200),
            ("DELETE", 200),
            ("DELETE", 404),
        ]

    run(body)


def test_spent_window_is_rate_limited_until_the_reset() -> None:
    async def body(standin: MastodonStandIn, clock: ManualClock) -> float:
        async with sink_for(standin) as sink:
            for delivery in range(3):
                clock.now += 100
                await sink.send(item(delivery_id=delivery))
            clock.now += 50
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(delivery_id=99))
        return limited.value.retry_after

    limits = MastodonLimits(statuses_per_window=3, window_seconds=600)
    # The first of three posts was at t=100; the window frees at t=700, now is t=350.
    assert run(body, limits=limits) == 350.0


@pytest.mark.parametrize(
    ("token", "failure", "error", "text"),
    [
        ("wrong", None, Forbidden, "access token"),
        (
            TOKEN,
            (422, "Validation failed: Text character limit of 500 exceeded"),
            BadPayload,
            "500",
        ),
        (TOKEN, (403, "This action is not allowed"), Forbidden, "not allowed"),
        (TOKEN, (410, "Gone"), ChannelGone, "Gone"),
        (TOKEN, (503, "Service Unavailable"), TransientError, "server error"),
    ],
)
def test_errors_map_to_hub_errors(
    token: str, failure: tuple[int, str] | None, error: type[Exception], text: str
) -> None:
    async def body(standin: MastodonStandIn, clock: ManualClock) -> None:
        if failure:
            standin.fail_next(*failure)
        async with sink_for(standin, token) as sink:
            with pytest.raises(error, match=text) as raised:
                await sink.send(item())
        assert token not in str(raised.value)

    run(body)


# Mastodon's app/validators/status_length_validator.rb: graphemes, each URL twitter-text
# extracts (protocol, known TLD, no trailing punctuation) as 23, @user@domain as @user.
LENGTH_RULES = [
    pytest.param("x" * 476 + " https://a.io", 200, id="url-counts-23"),
    pytest.param("x" * 477 + " https://a.io", 422, id="one-over"),
    pytest.param(
        "x" * 470 + " https://oidp.unknowntld/" + "p" * 20, 422, id="unknown-tld-counts-whole"
    ),
    pytest.param("x" * 476 + " https://a.io.", 422, id="trailing-period-counts"),
    pytest.param("x" * 470 + " oidp.net/" + "p" * 40, 422, id="no-protocol-counts-whole"),
    pytest.param("x" * 480 + " @alice@example.social", 200, id="mention-counts-as-@user"),
]


@pytest.mark.parametrize(("text", "status"), LENGTH_RULES)
def test_standin_counts_like_mastodon(text: str, status: int) -> None:
    async def body(standin: MastodonStandIn, clock: ManualClock) -> httpx.Response:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(base_url=standin.url, headers=headers) as client:
            return await client.post("/api/v1/statuses", data={"status": text})

    answer = run(body)
    assert answer.status_code == status
    if status == 422:
        assert answer.json() == {"error": "Validation failed: Text character limit of 500 exceeded"}


def test_a_body_full_of_addresses_mastodon_does_not_shorten_is_posted() -> None:
    """Addresses on unknown top-level domains and links followed by a period count in
    full for Mastodon; the hub used to count each as 23 and lose the item to a 422."""
    text = " ".join(f"see https://event{i}.unknowntld/{'p' * 30}." for i in range(40))

    async def body(standin: MastodonStandIn, clock: ManualClock) -> list[int]:
        async with sink_for(standin) as sink:
            await sink.send(item(text=text, link="https://oidp.net/x"))
        return [r.status for r in standin.received]

    assert run(body)[-1] == 200


def test_standin_forgets_an_idempotency_key_after_an_hour_like_mastodon() -> None:
    """app/services/post_status_service.rb keeps the key in Redis for 3,600 seconds."""

    async def body(standin: MastodonStandIn, clock: ManualClock) -> list[str]:
        headers = {"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": "hub-delivery-5"}
        ids = []
        async with httpx.AsyncClient(base_url=standin.url, headers=headers) as client:
            for wait in (0, 3599, 1):
                clock.now += wait
                answer = await client.post("/api/v1/statuses", data={"status": "Premi"})
                ids.append(answer.json()["id"])
        return ids

    first, within_the_hour, after_it = run(body)
    assert first == within_the_hour != after_it


def test_deleting_has_its_own_budget_of_thirty_in_thirty_minutes() -> None:
    """config/initializers/rack_attack.rb: throttle_api_delete, 30 per 30 minutes."""

    async def body(standin: MastodonStandIn, clock: ManualClock) -> float:
        async with sink_for(standin) as sink:
            posted = []
            for delivery in range(MASTODON.deletes_per_window + 1):
                clock.now += 1
                posted.append(await sink.send(item(delivery_id=delivery)))
            for number, receipt in enumerate(posted[:-1]):
                clock.now += 1
                retraction = item(delivery_id=100 + number, kind="retraction")
                await sink.send(replace(retraction, edit_of=receipt.platform_message_id))
            clock.now += 10
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(kind="retraction", edit_of=posted[-1].platform_message_id))
        return limited.value.retry_after

    # Posts at t=1..31, deletes at t=32..61: the first frees at t=1832, now is t=71.
    assert run(body) == 1832 - 71


def test_the_sinks_delete_bucket_stays_within_mastodons_window() -> None:
    channel = ChannelInfo("m", "mastodon", "iopd@mastodon.example")
    sink = MastodonSink(channel, TOKEN)
    [bucket] = sink.rate_limits(item(kind="retraction", edit_of="1"))
    assert bucket.key.endswith(":deletes")
    spendable = bucket.burst + bucket.rate * MASTODON.delete_window_seconds
    assert spendable <= MASTODON.deletes_per_window
