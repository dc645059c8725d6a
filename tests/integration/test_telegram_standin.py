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
from telegram.error import BadRequest, InvalidToken

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
        ({"text": "😀" * 2049}, "Message is too long"),  # 4098 UTF-16 units
        ({"text": "<p>x</p>", "parse_mode": "HTML"}, 'Unsupported start tag "p"'),
        ({"text": "<b>x", "parse_mode": "HTML"}, "Can't find end tag"),
        ({"text": "   "}, "Message text is empty"),
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
