"""The Bluesky sink through the atproto SDK against the PDS stand-in."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from bots.bluesky.sink import BlueskySink
from bots.bluesky.standin import BlueskyStandIn, check_post
from bots.limits import BLUESKY, BlueskyLimits
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

HANDLE = "iopd.bsky.social"
PASSWORD = "app-pass"
# One fixed moment for the stand-in's and the sink's wall clocks: the sink hands its clock to
# the atproto SDK, which decides by it when its access token (2 h, minted by the stand-in
# from ``wall_clock``) needs a refresh, so no test reads the real clock.
WALL = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC).timestamp()
T = TypeVar("T")


def created_at(wall: float) -> str:
    """atproto's datetime for a wall-clock reading, as the sink writes ``createdAt``."""
    return dt.datetime.fromtimestamp(wall, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(test: Callable[[BlueskyStandIn, ManualClock], Awaitable[T]], **standin: Any) -> T:
    async def main() -> T:
        clock = ManualClock()
        async with BlueskyStandIn(clock=clock, wall_clock=lambda: WALL, **standin) as server:
            return await test(server, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(standin: BlueskyStandIn, password: str = PASSWORD) -> AsyncIterator[BlueskySink]:
    channel = ChannelInfo("sky", "bluesky", HANDLE, base_url=standin.url)
    sink = BlueskySink(channel, password, wall_clock=lambda: WALL)
    try:
        await sink.start()
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 8, "kind": "item", "title": "Premi OIDP", "text": "Obert fins al març."}
    return Message(**{**base, "link": "https://oidp.net/premi", "language": "ca", **fields})


def test_wired_as_the_bluesky_platform() -> None:
    channel = ChannelInfo("wired", "bluesky", "iopd.bsky.social")
    assert isinstance(SINKS["bluesky"](channel, "app-pass"), BlueskySink)


def test_create_put_delete_with_the_at_uri() -> None:
    async def body(standin: BlueskyStandIn, clock: ManualClock) -> None:
        async with sink_for(standin) as sink:
            created = await sink.send(item())
            edited = await sink.send(
                replace(item(title="Premi OIDP 2027"), edit_of=created.platform_message_id)
            )
            retraction = replace(item(), kind="retraction", edit_of=created.platform_message_id)
            await sink.send(retraction)
            await sink.send(retraction)  # deleting twice is fine
        assert created == edited
        assert created.platform_message_id.startswith(
            f"at://{standin.did_of(HANDLE)}/app.bsky.feed.post/"
        )
        [stored] = standin.records.values()
        assert stored.edited and stored.deleted
        assert stored.record["text"].startswith("Premi OIDP 2027\n\nObert fins al març.")
        assert stored.record["langs"] == ["ca"] and stored.record["createdAt"] == created_at(WALL)
        assert stored.record["embed"]["external"]["uri"] == "https://oidp.net/premi"
        methods = [r.method.rsplit(".", 1)[-1] for r in standin.received]
        assert methods == [
            "createSession",
            "createRecord",
            "putRecord",
            "deleteRecord",
            "deleteRecord",
        ]

    run(body)


def test_spent_write_budget_is_rate_limited_until_the_reset() -> None:
    async def body(standin: BlueskyStandIn, clock: ManualClock) -> float:
        async with sink_for(standin) as sink:
            for delivery in range(2):
                clock.now += 60
                await sink.send(item(delivery_id=delivery))
            clock.now += 1000
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(delivery_id=9))
        return limited.value.retry_after

    # The first of two writes was at t=60; the hour frees at t=3660, now is t=1120.
    # Two creates spend 6 points: the limit here.
    assert run(body, limits=BlueskyLimits(write_points_per_hour=6)) == 2540.0


def test_the_day_refuses_what_each_hour_allows() -> None:
    async def body(standin: BlueskyStandIn, clock: ManualClock) -> float:
        async with sink_for(standin) as sink:
            for delivery in range(2):
                clock.now += 3600  # each create in an hour of its own
                await sink.send(item(delivery_id=delivery))
            clock.now += 60
            with pytest.raises(RateLimited) as limited:
                await sink.send(item(delivery_id=9))
        return limited.value.retry_after

    # The first create (t=3600) leaves the day at t=90000; now is t=7260. Two creates
    # spend the day's 6 points here, while every hour had room for more.
    limits = BlueskyLimits(write_points_per_hour=100, write_points_per_day=6)
    assert run(body, limits=limits) == 82740.0


def test_the_sinks_budgets_stay_within_the_hour_and_the_day() -> None:
    """Each bucket lets out at most its burst plus its rate over its window: counted
    as creates (3 points), within 5,000 points an hour and 35,000 a day."""
    sink = BlueskySink(ChannelInfo("sky", "bluesky", HANDLE), "app-pass")
    hour, day = sink.rate_limits(item())
    assert hour.key != day.key
    assert 3 * (hour.burst + hour.rate * 3600) <= BLUESKY.write_points_per_hour
    assert 3 * (day.burst + day.rate * 86400) <= BLUESKY.write_points_per_day
    assert day.rate < hour.rate  # the day's pace is the one a long busy spell meets


# docs.bsky.app/docs/advanced-guides/rate-limits: 5,000 points an hour per account,
# a create costs 3, an update 2, a delete 1. Here the hour holds 10 points.
POINTS = [
    pytest.param(["create", "create", "update", "delete", "delete"], None, id="ten-points-fit"),
    pytest.param(["create", "create", "create", "update"], "update", id="eleven-refused"),
    pytest.param(["create", "create", "create", "delete"], None, id="delete-costs-one"),
]


@pytest.mark.parametrize(("writes", "refused"), POINTS)
def test_standin_spends_write_points_per_kind_of_write(
    writes: list[str], refused: str | None
) -> None:
    async def body(standin: BlueskyStandIn, clock: ManualClock) -> str | None:
        async with sink_for(standin) as sink:
            first = await sink.send(item())
            for number, write in enumerate(writes[1:]):
                edit = replace(item(title=f"v{number}"), edit_of=first.platform_message_id)
                message = {"create": item(), "update": edit}.get(write)
                if message is None:
                    message = replace(item(), kind="retraction", edit_of=first.platform_message_id)
                try:
                    await sink.send(message)
                except RateLimited:
                    return write
        return None

    assert run(body, limits=BlueskyLimits(write_points_per_hour=10)) == refused


@pytest.mark.parametrize(
    ("failure", "error", "text"),
    [
        (
            (400, "InvalidRequest", "Record/text must not be longer than 300 graphemes"),
            BadPayload,
            "300",
        ),
        ((400, "RepoDeactivated", "Repo has been deactivated"), ChannelGone, "RepoDeactivated"),
        ((401, "AuthenticationRequired", "Bad token"), Forbidden, "AuthenticationRequired"),
        ((500, "InternalServerError", "Internal Server Error"), TransientError, "500"),
        ((502, "UpstreamFailure", "Bad gateway"), TransientError, "network"),
    ],
)
def test_errors_map_to_hub_errors(
    failure: tuple[int, str, str], error: type[Exception], text: str
) -> None:
    async def body(standin: BlueskyStandIn, clock: ManualClock) -> None:
        standin.fail_next(*failure)
        async with sink_for(standin) as sink:
            with pytest.raises(error, match=text):
                await sink.send(item())

    run(body)


class WallClock:
    """The stand-in's wall clock, moved by hand (the tokens' expiry reads it)."""

    def __init__(self) -> None:
        self.now = WALL

    def __call__(self) -> float:
        return self.now


# How the PDS answers a session it no longer accepts, each with its source in
# bluesky-social/atproto: the sink must log in again and send, not fail the item.
SESSION_ENDINGS = [
    pytest.param("expire", 400, "ExpiredToken", id="expired: pds/src/auth-verifier.ts (400)"),
    pytest.param("revoke", 400, "InvalidToken", id="revoked: pds/src/auth-verifier.ts (400)"),
    pytest.param("garble", 400, "InvalidToken", id="unverifiable: pds/src/auth-verifier.ts"),
]


@pytest.mark.parametrize(("ending", "status", "error"), SESSION_ENDINGS)
def test_a_session_the_pds_no_longer_accepts_is_renewed_and_the_post_sent(
    ending: str, status: int, error: str
) -> None:
    wall = WallClock()  # the PDS's: the sink's stays at WALL, so the SDK sees no expiry

    async def body(standin: BlueskyStandIn, clock: ManualClock) -> list[tuple[str, int, str]]:
        channel = ChannelInfo("sky", "bluesky", HANDLE, base_url=standin.url)
        sink = BlueskySink(channel, PASSWORD, wall_clock=lambda: WALL)
        try:
            await sink.start()
            if ending == "expire":
                wall.now += 2 * 3600  # the access token lived 120 minutes on the PDS's clock
            elif ending == "revoke":
                standin.revoke_sessions(HANDLE)
            else:
                session = sink.client._session
                assert session is not None
                session.access_jwt = session.access_jwt[:-3] + "bad"
            receipt = await sink.send(item())
        finally:
            await sink.close()
        assert receipt.platform_message_id in {r.uri for r in standin.messages()}
        return [(r.method.rsplit(".", 1)[-1], r.status, r.error) for r in standin.received]

    received = asyncio.run(main_with(body, wall))
    assert received == [
        ("createSession", 200, ""),
        ("createRecord", status, error),
        ("createSession", 200, ""),
        ("createRecord", 200, ""),
    ]


@pytest.mark.parametrize(("minutes", "refreshed"), [(100, False), (110, True)])
def test_the_sdk_refreshes_the_session_by_the_sinks_clock(minutes: int, refreshed: bool) -> None:
    """The SDK refreshes an access token 15 minutes before it expires (120 minutes after
    it was minted), as the sink's wall clock tells it, not the real clock."""
    wall = WallClock()  # the sink's and the PDS's

    async def body(standin: BlueskyStandIn, clock: ManualClock) -> list[str]:
        channel = ChannelInfo("sky", "bluesky", HANDLE, base_url=standin.url)
        sink = BlueskySink(channel, PASSWORD, wall_clock=wall)
        try:
            await sink.start()
            wall.now += minutes * 60
            await sink.send(item())
        finally:
            await sink.close()
        assert all(r.status == 200 for r in standin.received)
        return [r.method.rsplit(".", 1)[-1] for r in standin.received]

    received = asyncio.run(main_with(body, wall))
    refresh = ["refreshSession"] if refreshed else []
    assert received == ["createSession", *refresh, "createRecord"]


async def main_with(
    test: Callable[[BlueskyStandIn, ManualClock], Awaitable[T]], wall: WallClock
) -> T:
    async with BlueskyStandIn(clock=ManualClock(), wall_clock=wall) as server:
        return await test(server, ManualClock())


@pytest.mark.parametrize(
    ("token", "refreshing", "status", "error", "message"),
    [
        pytest.param(None, False, 401, "AuthMissing", "Authentication Required", id="none"),
        pytest.param("junk", False, 400, "InvalidToken", "could not be verified", id="junk"),
        pytest.param(
            "refresh",
            False,
            400,
            "InvalidToken",
            "could not be verified",
            id="refresh-token-used-for-a-write",
        ),
        pytest.param("expired", False, 400, "ExpiredToken", "Token has expired", id="expired"),
        pytest.param(
            "rotated",
            True,
            400,
            "ExpiredToken",
            "Token has been revoked",
            id="refresh-token-used-twice: server/refreshSession.ts",
        ),
    ],
)
def test_standin_answers_tokens_like_the_pds(
    token: str | None, refreshing: bool, status: int, error: str, message: str
) -> None:
    import httpx

    wall = WallClock()

    async def body(standin: BlueskyStandIn, clock: ManualClock) -> httpx.Response:
        async with httpx.AsyncClient(base_url=f"{standin.url}/xrpc/") as raw:
            login = {"identifier": HANDLE, "password": PASSWORD}
            session = (await raw.post("com.atproto.server.createSession", json=login)).json()
            bearer = {
                None: None,
                "junk": "junk",
                "refresh": session["refreshJwt"],
                "expired": session["accessJwt"],
                "rotated": session["refreshJwt"],
            }[token]
            if token == "expired":
                wall.now += 120 * 60
            if token == "rotated":
                headers = {"Authorization": f"Bearer {bearer}"}
                await raw.post("com.atproto.server.refreshSession", headers=headers)
            headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
            if refreshing:
                return await raw.post("com.atproto.server.refreshSession", headers=headers)
            record = {"$type": "app.bsky.feed.post", "text": "x", "createdAt": created_at(WALL)}
            write = {"repo": HANDLE, "collection": "app.bsky.feed.post", "record": record}
            return await raw.post("com.atproto.repo.createRecord", json=write, headers=headers)

    answer = asyncio.run(main_with(body, wall))
    assert answer.status_code == status
    assert answer.json()["error"] == error and message in answer.json()["message"]


def test_wrong_app_password_is_forbidden_and_not_echoed() -> None:
    async def body(standin: BlueskyStandIn, clock: ManualClock) -> None:
        with pytest.raises(Forbidden) as refused:
            async with sink_for(standin, "wrong-secret"):
                pass
        assert "wrong-secret" not in str(refused.value)

    run(body)


LINK = "app.bsky.richtext.facet#link"


def facet(start: int, end: int, feature: dict[str, Any]) -> dict[str, Any]:
    return {"index": {"byteStart": start, "byteEnd": end}, "features": [feature]}


# Each rule of lexicons/app/bsky/feed/post.json and richtext/facet.json (bluesky-social/
# atproto), with the record the PDS refuses (400 InvalidRequest) or, message None, accepts.
LEXICON_RULES = [
    pytest.param({"text": "x" * 301}, "300 graphemes", id="text-maxGraphemes"),
    pytest.param({"text": "é" * 1501}, "3000", id="text-maxLength-bytes"),
    pytest.param({"createdAt": "yesterday"}, "createdAt", id="createdAt-datetime"),
    pytest.param({"createdAt": "2026-01-01T00:00:00"}, "createdAt", id="datetime-needs-zone"),
    pytest.param({"langs": ["en", "fr", "ca", "es"]}, "3 elements", id="langs-maxLength"),
    pytest.param({"langs": ["not a language"]}, "langs/0", id="langs-language-format"),
    pytest.param({"tags": [f"t{i}" for i in range(9)]}, "8 elements", id="tags-maxLength"),
    pytest.param({"tags": ["x" * 65]}, "64 graphemes", id="tag-maxGraphemes"),
    pytest.param(
        {"facets": [facet(0, 2, {"$type": LINK, "uri": "not a uri"})]}, "uri", id="link-uri-format"
    ),
    pytest.param(
        {"facets": [facet(-1, 2, {"$type": LINK, "uri": "https://oidp.net"})]},
        "byteStart",
        id="index-minimum-0",
    ),
    pytest.param(
        {"text": "é", "facets": [facet(0, 1, {"$type": LINK, "uri": "https://a.io"})]},
        None,
        id="range-splitting-a-character-is-not-the-pds-concern",
    ),
    pytest.param(
        {"text": "ab", "facets": [facet(1, 5, {"$type": LINK, "uri": "https://a.io"})]},
        None,
        id="range-past-the-text-is-not-the-pds-concern",
    ),
    pytest.param({"langs": ["pt-BR"], "tags": ["OIDP"]}, None, id="valid"),
]


@pytest.mark.parametrize(("record", "message"), LEXICON_RULES)
def test_standin_validates_posts_like_the_lexicon(
    record: dict[str, Any], message: str | None
) -> None:
    from bots.bluesky.standin import XrpcError

    post = {"$type": "app.bsky.feed.post", "text": "ok", "createdAt": "2026-01-01T00:00:00Z"}
    post |= record
    if message is None:
        check_post(post)
        return
    with pytest.raises(XrpcError, match=message) as refused:
        check_post(post)
    assert (refused.value.status, refused.value.error) == (400, "InvalidRequest")
