"""The Bot API stand-in itself: it refuses what Telegram refuses, in Telegram's words.

Driven with a bare ``telegram.Bot`` (form bodies) and httpx (JSON bodies), not
the hub's sink, so the checks do not depend on the hub's formatter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, InvalidToken, RetryAfter

from bots.telegram.standin import TelegramStandIn

TOKEN = "123456:stand-in-token"
CHAT = -100777
T = TypeVar("T")


def run(test: Callable[[TelegramStandIn, Bot], Awaitable[T]]) -> T:
    async def main() -> T:
        async with TelegramStandIn((TOKEN,)) as standin:
            standin.add_chat(CHAT, type="channel")
            async with Bot(TOKEN, base_url=f"{standin.url}/bot") as bot:
                return await test(standin, bot)

    return asyncio.run(main())


@pytest.mark.parametrize(
    ("kwargs", "description"),
    [
        ({"text": "x" * 4097}, "Message is too long"),
        ({"text": "😀" * 4097}, "Message is too long"),  # code points, not UTF-16 units
        ({"text": "<b>xx</b>" * 2049, "parse_mode": "HTML"}, "Message is too long"),
        ({"text": "x" * 32769}, "Text is too long"),  # bytes before parsing: Client.cpp
        ({"text": "<p>x</p>", "parse_mode": "HTML"}, 'Unsupported start tag "p"'),
        ({"text": "<b>x", "parse_mode": "HTML"}, "Can't find end tag"),
        ({"text": "   \n "}, "Text must be non-empty"),  # fix_formatted_text's words
    ],
)
def test_refuses_what_telegram_refuses(kwargs: dict[str, Any], description: str) -> None:
    async def body(standin: TelegramStandIn, bot: Bot) -> None:
        with pytest.raises(BadRequest, match=f"(?i){description}"):
            await bot.send_message(chat_id=CHAT, **kwargs)
        assert standin.received[-1].status == 400
        assert standin.messages() == []

    run(body)


def test_accepts_the_limit_exactly_and_plain_text_without_parse_mode() -> None:
    async def body(standin: TelegramStandIn, bot: Bot) -> str:
        sent = await bot.send_message(chat_id=CHAT, text="<p>" + "x" * 4090)
        return str(sent.text)

    assert run(body).startswith("<p>xxx")


@pytest.mark.parametrize(
    ("kwargs", "shown"),
    [
        # td/telegram/MessageContent.cpp: utf8_length(text) > message_text_length_max,
        # code points after parsing: 4096 emoji are 8192 UTF-16 units and still fit
        ({"text": "😀" * 4096}, "😀" * 4096),
        ({"text": "<b>" + "x" * 4096 + "</b>", "parse_mode": "HTML"}, "x" * 4096),
        # trimmed before counting (fix_formatted_text): newlines around do not count
        ({"text": "\n\n" + "x" * 4096 + "  \n"}, "x" * 4096),
        ({"text": "<pre><b>x</b></pre>", "parse_mode": "HTML"}, "x"),  # tdlib drops the b
    ],
)
def test_accepts_what_telegram_accepts(kwargs: dict[str, Any], shown: str) -> None:
    async def body(standin: TelegramStandIn, bot: Bot) -> str:
        sent = await bot.send_message(chat_id=CHAT, **kwargs)
        return str(sent.text)

    assert run(body) == shown


def test_an_edit_to_the_same_text_and_entities_is_not_modified() -> None:
    """The server compares what is shown, not the HTML written: <strong> is <b>
    (telegram-bot-api/Client.cpp words MESSAGE_NOT_MODIFIED)."""

    async def body(standin: TelegramStandIn, bot: Bot) -> str:
        sent = await bot.send_message(chat_id=CHAT, text="<b>News</b>", parse_mode="HTML")
        with pytest.raises(BadRequest, match=r"(?i)^Message is not modified: specified new"):
            await bot.edit_message_text(
                "<strong>News</strong>", chat_id=CHAT, message_id=sent.message_id, parse_mode="HTML"
            )
        edited = await bot.edit_message_text(
            "<i>News</i>", chat_id=CHAT, message_id=sent.message_id, parse_mode="HTML"
        )
        assert not isinstance(edited, bool)
        return str(edited.text)

    assert run(body) == "News"


@pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")  # PTB 22's own
def test_edits_count_in_the_chats_flood_window() -> None:
    """Edits were never limited: 20 a minute in a channel were followed by any number
    of edits. They now share the window (an assumption the stand-in names)."""

    async def body(standin: TelegramStandIn, bot: Bot) -> int:
        standin.add_chat(-100888, type="channel")
        sent = await bot.send_message(chat_id=-100888, text="edit me")
        edits = 0
        with pytest.raises(RetryAfter):
            for number in range(60):
                await bot.edit_message_text(
                    f"v{number}", chat_id=-100888, message_id=sent.message_id
                )
                edits += 1
        return edits

    assert run(body) == 19  # the send and 19 edits fill the 20-a-minute window


def test_json_bodies_error_shape_and_get_updates() -> None:
    async def body(standin: TelegramStandIn, bot: Bot) -> list[dict[str, Any]]:
        async with httpx.AsyncClient(base_url=standin.url) as client:
            ok = await client.post(f"/bot{TOKEN}/sendMessage", json={"chat_id": CHAT, "text": "hi"})
            missing = await client.post(
                f"/bot{TOKEN}/sendMessage", json={"chat_id": 1, "text": "x"}
            )
            unauthorised = await client.get("/bot1:nope/getMe")
            updates = await client.get(f"/bot{TOKEN}/getUpdates")
        return [r.json() for r in (ok, missing, unauthorised, updates)]

    ok, missing, unauthorised, updates = run(body)
    assert ok["ok"] is True and ok["result"]["text"] == "hi" and ok["result"]["chat"]["id"] == CHAT
    assert missing == {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
    assert unauthorised == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    assert updates == {"ok": True, "result": []}


def test_wrong_token_is_invalid_token_for_ptb() -> None:
    async def main() -> None:
        async with TelegramStandIn((TOKEN,)) as standin:
            bot = Bot("1:wrong", base_url=f"{standin.url}/bot")
            with pytest.raises(InvalidToken):
                await bot.initialize()
            await bot.shutdown()

    asyncio.run(main())
