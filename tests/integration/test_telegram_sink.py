"""The Telegram sink through python-telegram-bot against the Bot API stand-in.

Each test starts a stand-in on loopback with a hand-moved clock (so flood
limits and their retry_after are exact without sleeping), points a real
``telegram.Bot`` at it through the sink, and checks what the stand-in
received and which hub error the sink raised.
"""

from __future__ import annotations

import asyncio
import logging
import math
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, TypeVar

import httpx
import pytest

from bots.telegram.sink import (
    BOT_JITTER_SECONDS,
    CHAT_JITTER_SECONDS,
    TelegramSink,
    _tls,
    telegram_sink,
)
from bots.telegram.standin import TelegramStandIn
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, Timeout, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.wiring import SINKS

# PTB 22 itself warns, while building RetryAfter, that retry_after becomes a timedelta;
# the sink reads either form.
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")

TOKEN = "123456:stand-in-token"
CHANNEL_ID = -1001000000001
PRIVATE_ID = 424242
T = TypeVar("T")


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run(test: Callable[[TelegramStandIn, ManualClock], Awaitable[T]]) -> T:
    """Run an async test body with a started stand-in that knows a channel, a group,
    a private chat, a forum and a chat the bot was kicked from."""

    async def main() -> T:
        clock = ManualClock()
        async with TelegramStandIn((TOKEN,), clock=clock) as standin:
            standin.add_chat(CHANNEL_ID, type="channel", username="iopd_news")
            standin.add_chat(-1002, type="supergroup", title="Forum", is_forum=True)
            standin.add_chat(PRIVATE_ID, type="private", title="Ada")
            standin.add_chat(-1003, type="group", kicked=True)
            return await test(standin, clock)

    return asyncio.run(main())


@asynccontextmanager
async def sink_for(
    standin: TelegramStandIn, target: str, **info: Any
) -> AsyncIterator[TelegramSink]:
    sink = telegram_sink(ChannelInfo("tg", "telegram", target, base_url=standin.url, **info), TOKEN)
    await sink.start()
    try:
        yield sink
    finally:
        await sink.close()


def item(**fields: Any) -> Message:
    base = {"delivery_id": 1, "kind": "item", "title": "Award call open", "text": "Apply now."}
    return Message(**{**base, "link": "https://oidp.net/award", **fields})


def test_wired_as_the_telegram_platform() -> None:
    channel = ChannelInfo("wired", "telegram", "@iopd")
    assert isinstance(SINKS["telegram"](channel, "123456:ABCdef"), TelegramSink)


def test_send_returns_the_message_id_and_the_standin_holds_the_html() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, str(CHANNEL_ID)) as sink:
            first = await sink.send(item())
            clock.now += 3
            second = await sink.send(item(title="Second"))
        assert (first.platform_message_id, second.platform_message_id) == ("1", "2")
        [held, _] = standin.messages(CHANNEL_ID)
        assert held.html.startswith("<b>Award call open</b>")
        assert held.text.startswith("Award call open\n\nApply now.")
        assert {"type": "text_link", "url": "https://oidp.net/award"}.items() <= held.entities[
            -1
        ].items()
        assert [r.method for r in standin.received] == ["getMe", "sendMessage", "sendMessage"]

    run(body)


def test_public_username_photo_and_forum_topic() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, "@iopd_news") as sink:
            photo = await sink.send(item(image_url="https://oidp.net/p.jpg"))
        async with sink_for(standin, "-1002", thread_id=12) as sink:
            topic = await sink.send(item())
        assert photo.platform_message_id == topic.platform_message_id == "1"
        [held_photo] = standin.messages(CHANNEL_ID)
        assert (held_photo.kind, held_photo.photo) == ("photo", "https://oidp.net/p.jpg")
        [held_topic] = standin.messages(-1002)
        assert held_topic.thread_id == 12

    run(body)


def test_an_unreachable_image_posts_the_item_as_text() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        standin.unreachable_photos.add("https://oidp.net/gone.jpg")
        async with sink_for(standin, str(CHANNEL_ID)) as sink:
            receipt = await sink.send(item(image_url="https://oidp.net/gone.jpg"))
        [held] = standin.messages(CHANNEL_ID)
        assert (held.kind, str(held.message_id)) == ("text", receipt.platform_message_id)
        assert [(r.method, r.status) for r in standin.received][1:] == [
            ("sendPhoto", 400),
            ("sendMessage", 200),
        ]

    run(body)


def test_corrections_edit_and_retractions_delete() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, str(CHANNEL_ID)) as sink:
            sent = await sink.send(item())
            edit = replace(
                item(title="Award call open (corrected)"), edit_of=sent.platform_message_id
            )
            edited = await sink.send(edit)
            again = await sink.send(edit)  # "message is not modified" is success
            photo = await sink.send(item(image_url="https://oidp.net/p.jpg"))
            await sink.send(
                replace(
                    item(image_url="https://oidp.net/p.jpg", title="New"),
                    edit_of=photo.platform_message_id,
                )
            )
            retraction = replace(item(), kind="retraction", edit_of=sent.platform_message_id)
            await sink.send(retraction)
            await sink.send(retraction)  # already gone: still fine
        assert edited == again == sent
        held = {m.message_id: m for m in standin.messages(CHANNEL_ID)}
        assert held[1].deleted and held[1].text.startswith("Award call open (corrected)")
        assert held[1].edit_date is not None
        assert held[2].text.startswith("New")
        methods = [r.method for r in standin.received]
        assert methods[1:] == [
            "sendMessage",
            "editMessageText",
            "editMessageText",
            "sendPhoto",
            "editMessageCaption",
            "deleteMessage",
            "deleteMessage",
        ]

    run(body)


def test_flood_limits_answer_rate_limited_with_the_exact_retry_after() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> list[float]:
        waits = []
        async with (
            sink_for(standin, str(PRIVATE_ID)) as private,
            sink_for(standin, str(CHANNEL_ID)) as channel,
        ):
            await private.send(item())
            with pytest.raises(RateLimited) as private_flood:
                await private.send(item())
            waits.append(private_flood.value.retry_after)
            for minute_budget in range(20):
                clock.now += 0.5 if minute_budget else 2
                await channel.send(item())
            with pytest.raises(RateLimited) as group_flood:
                await channel.send(item())
            waits.append(group_flood.value.retry_after)
            standin.fail_next(
                "sendMessage", 429, "Too Many Requests: retry after 17", retry_after=17
            )
            clock.now += 60
            with pytest.raises(RateLimited) as told:
                await channel.send(item())
            waits.append(told.value.retry_after)
        return waits

    # 20 a minute per channel: the first of 20 sends, 9.5 s ago, frees a slot in 50.5 s.
    assert run(body) == [1.0, 51.0, 17.0]


@pytest.mark.parametrize("target", [str(CHANNEL_ID), str(PRIVATE_ID)])
def test_buckets_declared_by_the_sink_never_cross_the_standin_windows(target: str) -> None:
    """Spending the declared budgets as the bus would, the stand-in never answers 429."""

    async def body(standin: TelegramStandIn, clock: ManualClock) -> int:
        sent = 0
        async with sink_for(standin, target) as sink:
            limits = sink.rate_limits(item())
            tokens = [limit.burst for limit in limits]
            for _ in range(240):  # a minute in quarter seconds
                clock.now += 0.25
                tokens = [
                    min(limit.burst, have + 0.25 * limit.rate)
                    for limit, have in zip(limits, tokens, strict=True)
                ]
                while all(have >= 1 for have in tokens):
                    tokens = [have - 1 for have in tokens]
                    await sink.send(item())
                    sent += 1
        assert all(r.status == 200 for r in standin.received)
        return sent

    # 1 a second paced CHAT_JITTER_SECONDS apart, a token at the first quarter second after
    # (48 in a minute), or 20 a minute
    steps = math.ceil((1 + CHAT_JITTER_SECONDS) / 0.25)
    expected = int(60 / (steps * 0.25)) if target == str(PRIVATE_ID) else 20
    assert run(body) in (expected - 1, expected)


@pytest.mark.parametrize(
    ("target", "failure", "error", "text"),
    [
        ("-999", None, ChannelGone, "chat not found"),
        ("@nobody", None, ChannelGone, "chat not found"),
        ("-1003", None, Forbidden, "bot was kicked"),
        (str(PRIVATE_ID), (403, "Forbidden: bot was blocked by the user"), Forbidden, "blocked"),
        (str(CHANNEL_ID), (400, "Bad Request: can't parse entities: x"), BadPayload, "parse"),
        (str(CHANNEL_ID), (400, "Bad Request: message is too long"), BadPayload, "too long"),
        (
            str(CHANNEL_ID),
            (400, "Bad Request: need administrator rights in the channel chat"),
            Forbidden,
            "administrator",
        ),
        (
            str(CHANNEL_ID),
            (400, "Bad Request: message to edit not found"),
            BadPayload,
            "edit not found",
        ),
        (str(CHANNEL_ID), (502, "Bad Gateway"), TransientError, "Bad Gateway"),
        (str(CHANNEL_ID), (500, "Internal Server Error"), TransientError, "Internal"),
        (str(PRIVATE_ID), (400, "Bad Request: message thread not found"), ChannelGone, "thread"),
    ],
)
def test_bot_api_errors_map_to_hub_errors(
    target: str, failure: tuple[int, str] | None, error: type[Exception], text: str
) -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        if failure:
            standin.fail_next("sendMessage", *failure)
        async with sink_for(standin, target) as sink:
            with pytest.raises(error, match=f"(?i){text}"):
                await sink.send(item())

    run(body)


def test_wrong_token_is_forbidden_at_start_and_never_echoed() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        sink = telegram_sink(
            ChannelInfo("tg", "telegram", "-1", base_url=standin.url), "9:wrong-secret"
        )
        with pytest.raises(Forbidden) as refused:
            await sink.start()
        assert "wrong-secret" not in str(refused.value)
        await sink.close()

    run(body)


def test_no_answer_in_time_is_a_timeout() -> None:
    async def body() -> None:
        answered = asyncio.Event()

        async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await answered.wait()  # accept the request, never answer it
            writer.close()
            await writer.wait_closed()

        server = await asyncio.start_server(silent, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        channel = ChannelInfo("tg", "telegram", "-1", base_url=f"http://127.0.0.1:{port}")
        sink = TelegramSink(channel, TOKEN, timeout=0.2)
        with pytest.raises(Timeout):
            await sink.send(item())
        await sink.close()
        answered.set()
        await asyncio.sleep(0)
        server.close()
        await server.wait_closed()

    asyncio.run(body())


def test_rate_limit_keys_never_contain_the_token() -> None:
    sink = telegram_sink(ChannelInfo("tg", "telegram", "-100"), TOKEN)
    limits = sink.rate_limits(item())
    # 30 a second spread over a second and BOT_JITTER_SECONDS; 20 a minute per group
    assert [(limit.rate) for limit in limits] == [
        pytest.approx(30 / (1 + BOT_JITTER_SECONDS)),
        pytest.approx(20 / 60),
    ]
    assert all("stand-in-token" not in limit.key and TOKEN not in limit.key for limit in limits)
    private = telegram_sink(ChannelInfo("tg", "telegram", "42"), TOKEN).rate_limits(item())
    # one a second per private chat, paced CHAT_JITTER_SECONDS further apart
    assert private[-1].rate == pytest.approx(1 / (1 + CHAT_JITTER_SECONDS))
    assert private[-1].rate < 1.0
    assert private[-1].key != limits[-1].key


def test_console_endpoint_lists_what_was_received() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> list[dict[str, Any]]:
        async with sink_for(standin, str(CHANNEL_ID)) as sink:
            await sink.send(item())
        async with httpx.AsyncClient() as client:
            response = await client.get(f"{standin.url}/_standin/messages")
        return list(response.json())

    [listed] = run(body)
    assert listed["chat_id"] == CHANNEL_ID and listed["html"].startswith("<b>Award")


def test_the_token_never_reaches_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        async with sink_for(standin, str(CHANNEL_ID)) as sink:
            await sink.send(item())

    with caplog.at_level(logging.DEBUG):
        run(body)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "bot<redacted>" in logged
    assert "stand-in-token" not in logged


# core.telegram.org/bots/api#deletemessage: a message can be deleted only within 48 hours
# of being sent, unless the bot has can_delete_messages in the chat.
DELETE_RULES = [
    pytest.param(47, False, None, id="within-48-hours"),
    pytest.param(49, False, Forbidden, id="older-without-the-right"),
    pytest.param(49, True, None, id="older-with-can_delete_messages"),
]


@pytest.mark.parametrize(("hours", "may_delete", "error"), DELETE_RULES)
def test_retracting_an_old_message_follows_telegrams_48_hours(
    hours: int, may_delete: bool, error: type[Exception] | None
) -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        standin.chats[CHANNEL_ID].can_delete_messages = may_delete
        sent_at = 1_800_000_000.0
        standin.wall_clock = lambda: sent_at
        async with sink_for(standin, str(CHANNEL_ID)) as sink:
            sent = await sink.send(item())
            standin.wall_clock = lambda: sent_at + hours * 3600
            retraction = replace(item(), kind="retraction", edit_of=sent.platform_message_id)
            if error is None:
                await sink.send(retraction)
                assert [m.deleted for m in standin.messages(CHANNEL_ID)] == [True]
            else:
                with pytest.raises(error, match="older than 48 hours"):
                    await sink.send(retraction)
                assert [m.deleted for m in standin.messages(CHANNEL_ID)] == [False]

    run(body)


def test_a_tap_is_answered_once_and_a_repeat_after_a_lost_record_is_not_an_error() -> None:
    """answerCallbackQuery through the sink; answering again is refused by Telegram, which
    the sink takes as done only when an earlier attempt may have reached it (in_doubt)."""

    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        keyboard = {"buttons": [[("Remind me", "rm:x")]], "reply_to": str(PRIVATE_ID)}
        shown = Message(1, "reply", "", text="The 20th conference", extra=keyboard)
        async with sink_for(standin, "-100") as sink:
            receipt = await sink.send(shown)
            query = standin.tap(PRIVATE_ID, int(receipt.platform_message_id), "rm:x")
            tap = {"reply_to": str(PRIVATE_ID), "callback_query_id": query["callback_query"]["id"]}
            answer = Message(2, "reply", "", text="Done: I'll remind you.", extra=tap)
            assert [limit.key.count(":chat:") for limit in sink.rate_limits(answer)] == [0]
            await sink.send(answer)
            await sink.send(replace(answer, attempt=2, in_doubt=True))
            with pytest.raises(BadPayload, match=r"(?i)query is too old"):
                await sink.send(replace(answer, attempt=2))
        [tapped] = standin.callback_queries.values()
        assert tapped.answer == {"text": "Done: I'll remind you.", "show_alert": False}

    run(body)


def test_the_sinks_of_one_bot_share_one_bot_until_the_last_closes() -> None:
    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        channel = telegram_sink(
            ChannelInfo("a", "telegram", str(CHANNEL_ID), base_url=standin.url), TOKEN
        )
        private = telegram_sink(
            ChannelInfo("b", "telegram", str(PRIVATE_ID), base_url=standin.url), TOKEN
        )
        assert channel.bot is private.bot  # one HTTP client for every chat of the bot
        await channel.start()
        await private.start()
        await channel.send(item())
        await channel.close()
        clock.now += 2
        await private.send(item(delivery_id=2))  # still open: the other sink closed
        await private.close()
        assert [r.method for r in standin.received] == ["getMe", "sendMessage", "sendMessage"]
        again = telegram_sink(
            ChannelInfo("c", "telegram", str(PRIVATE_ID), base_url=standin.url), TOKEN
        )
        assert again.bot is not private.bot  # the last close shut that one down
        await again.close()

    run(body)


def test_a_sink_that_shares_a_bot_builds_no_http_client_of_its_own(monkeypatch) -> None:
    """Building an HTTP client costs the loop about 60 ms (its TLS context): fifty chats
    of one bot built fifty and stalled a worker's loop for seconds."""
    from telegram.request import HTTPXRequest

    import bots.telegram.sink as module

    built = []

    def counting(*args: object, **kwargs: object) -> object:
        built.append(1)
        return HTTPXRequest(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "HTTPXRequest", counting)

    async def body(standin: TelegramStandIn, clock: ManualClock) -> None:
        sinks = [
            telegram_sink(
                ChannelInfo(f"c{n}", "telegram", str(PRIVATE_ID + n), base_url=standin.url), TOKEN
            )
            for n in range(5)
        ]
        assert len(built) == 1
        for sink in sinks:
            await sink.close()

    run(body)


def test_every_bot_client_shares_one_tls_context_that_verifies() -> None:
    """Building a client loads the CA bundle unless it is handed a context: the process
    builds one, and it still checks certificates and host names."""
    context = _tls()
    assert _tls() is context
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname
