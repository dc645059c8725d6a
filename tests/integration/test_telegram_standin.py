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
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup
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


# --- inline keyboards, callback queries and the command menu -------------------------


class Ticking:
    """The stand-in's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run_private(test: Callable[[TelegramStandIn, Bot, Ticking], Awaitable[T]]) -> T:
    async def main() -> T:
        clock = Ticking()
        async with TelegramStandIn((TOKEN,), clock=clock) as standin:
            standin.add_chat(PRIVATE, type="private")
            async with Bot(TOKEN, base_url=f"{standin.url}/bot") as bot:
                return await test(standin, bot, clock)

    return asyncio.run(main())


PRIVATE = 4242


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d[:10], callback_data=d)] for d in data])


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        ("x" * 65, "BUTTON_DATA_INVALID"),  # 1-64 bytes
        ("é" * 33, "BUTTON_DATA_INVALID"),  # 66 bytes in 33 characters
    ],
)
def test_callback_data_over_64_bytes_is_refused(data: str, refusal: str) -> None:
    async def body(standin: TelegramStandIn, bot: Bot, clock: Ticking) -> None:
        with pytest.raises(BadRequest, match=f"(?i){refusal}"):
            await bot.send_message(PRIVATE, "hi", reply_markup=keyboard(data))
        assert standin.received[-1].description == f"Bad Request: {refusal}"  # as the server
        sent = await bot.send_message(PRIVATE, "hi", reply_markup=keyboard("x" * 64))
        assert sent.reply_markup is not None  # the keyboard comes back on the message
        assert sent.reply_markup.inline_keyboard[0][0].callback_data == "x" * 64
        assert len(standin.messages()) == 1

    run_private(body)


def test_a_button_without_data_or_url_is_refused_in_client_cpp_s_words() -> None:
    async def body(standin: TelegramStandIn, bot: Bot, clock: Ticking) -> None:
        async with httpx.AsyncClient() as client:
            answer = await client.post(
                f"{standin.url}/bot{TOKEN}/sendMessage",
                json={
                    "chat_id": PRIVATE,
                    "text": "hi",
                    "reply_markup": {"inline_keyboard": [[{"text": "bare"}]]},
                },
            )
        assert answer.json()["description"] == (
            "Bad Request: can't parse inline keyboard button: "
            "Text buttons are unallowed in the inline keyboard"
        )

    run_private(body)


def test_a_tap_is_answered_once_and_only_in_time() -> None:
    async def body(standin: TelegramStandIn, bot: Bot, clock: Ticking) -> None:
        sent = await bot.send_message(PRIVATE, "pick", reply_markup=keyboard("a", "b"))
        with pytest.raises(ValueError, match="no button"):
            standin.tap(PRIVATE, sent.message_id, "c")  # a member taps what is there
        first = standin.tap(PRIVATE, sent.message_id, "a")["callback_query"]
        assert first["data"] == "a" and first["message"]["message_id"] == sent.message_id
        assert await bot.answer_callback_query(first["id"], text="Done")
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query(first["id"], text="Again")
        late = standin.tap(PRIVATE, sent.message_id, "b")["callback_query"]
        clock.now += 16  # the member's client stopped waiting
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query(late["id"])
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query("12345")
        assert standin.callback_queries[first["id"]].answer == {"text": "Done", "show_alert": False}

    run_private(body)


def test_the_keyboard_is_edited_removed_and_not_modified_as_telegram_says() -> None:
    async def body(standin: TelegramStandIn, bot: Bot, clock: Ticking) -> None:
        sent = await bot.send_message(PRIVATE, "pick", reply_markup=keyboard("a", "b"))
        clock.now += 2  # the private chat's one message a second
        await bot.edit_message_reply_markup(PRIVATE, sent.message_id, reply_markup=keyboard("a"))
        with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
            await bot.edit_message_reply_markup(
                PRIVATE, sent.message_id, reply_markup=keyboard("a")
            )
        clock.now += 2
        await bot.edit_message_text("picked", PRIVATE, sent.message_id)  # no markup: it goes
        assert standin.stored[(PRIVATE, sent.message_id)].reply_markup is None
        with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
            await bot.edit_message_reply_markup(PRIVATE, sent.message_id)

    run_private(body)


@pytest.mark.parametrize(
    ("command", "description", "refusal"),
    [
        ("Next", "The next event", "BOT_COMMAND_INVALID"),  # lowercase only
        ("next-event", "The next event", "BOT_COMMAND_INVALID"),
        ("n" * 33, "The next event", "command length must not exceed 32"),
        ("next", "   ", "command description must be non-empty"),
        ("next", "d" * 257, "command description length must not exceed 256"),
    ],
)
def test_set_my_commands_refuses_what_telegram_refuses(
    command: str, description: str, refusal: str
) -> None:
    async def body(standin: TelegramStandIn, bot: Bot, clock: Ticking) -> None:
        with pytest.raises(BadRequest, match=f"(?i){refusal}"):
            await bot.set_my_commands([BotCommand(command, description)])
        assert standin.received[-1].description == f"Bad Request: {refusal}"
        assert standin.commands == {}

    run_private(body)


def test_commands_are_kept_per_language_and_at_most_a_hundred() -> None:
    async def body(standin: TelegramStandIn, bot: Bot, clock: Ticking) -> None:
        many = [BotCommand(f"c{n}", "x") for n in range(101)]
        with pytest.raises(BadRequest, match=r"(?i)BOT_COMMANDS_TOO_MUCH"):
            await bot.set_my_commands(many)
        assert await bot.set_my_commands(many[:100])
        assert await bot.set_my_commands([BotCommand("proximo", "El próximo")], language_code="es")
        with pytest.raises(BadRequest, match=r"(?i)invalid language code"):
            await bot.set_my_commands([BotCommand("x", "y")], language_code="spanish")
        spanish = await bot.get_my_commands(language_code="es")
        assert [(c.command, c.description) for c in spanish] == [("proximo", "El próximo")]
        assert len(await bot.get_my_commands()) == 100
        assert await bot.delete_my_commands(language_code="es")
        assert await bot.get_my_commands(language_code="es") == ()

    run_private(body)
