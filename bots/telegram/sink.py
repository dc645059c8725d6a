"""The Telegram sink: python-telegram-bot's ``Bot`` sending what ``format`` builds.

``channel.target`` is a chat id (``-100...``) or a public ``@username``;
``channel.thread_id`` a forum topic; ``channel.base_url`` points the bot at
another Bot API server (the stand-in, or a self-hosted one). The sink never
sleeps or retries: PTB's rate limiter is not used, each Bot API error maps to
a hub error and the bus decides.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import re
import ssl
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any, ClassVar

import httpx
from telegram import Bot, InputFile
from telegram import Message as TelegramMessage
from telegram import error as tg_error
from telegram.request import HTTPXRequest

from bots.api import ApiRequest, is_retraction
from bots.formatting import safe_link
from bots.limits import TELEGRAM, TELEGRAM_PHOTO
from bots.telegram.format import part_request, part_texts, render, reply_chat, requests_for
from hub.core.errors import (
    BadPayload,
    ChannelGone,
    DeliveryError,
    Forbidden,
    RateLimited,
    Timeout,
    TransientError,
)
from hub.core.pictures import PictureRefused, fit
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit, Receipt, part_ids

DEFAULT_BASE_URL = "https://api.telegram.org"
CHAT_JITTER_SECONDS = 0.05
"""Messages to one private chat are paced this much further apart than Telegram's one a
second (core.telegram.org/bots/faq, "avoid sending more than one message per second"), on
top of the limiter's margin: a chat's 429 pauses only that chat, and a send that reached
Telegram late pushes the chat's budget back (:meth:`hub.core.bus.ratelimit.
DatabaseRateLimiter.pushes`), but a chat's few sends make a poor sample of the trip. More
than this costs the end of a broadcast: its last messages wait for their chats' pace (at
0.25 s, 50 chats at 30 a second lost about 2% of the run to them)."""
BOT_JITTER_SECONDS = 0.01
"""The bot's 30 messages in any second are paced to span that much more than a second
(29.7 a second, before the limiter's own 3% margin). A send that reached Telegram late
pushes the bot's budget back for every worker (:meth:`hub.core.bus.ratelimit.
DatabaseRateLimiter.pushes`), which alone kept a loaded host from 429s; without this
widening, 2 runs of 7 of ``hub bench ratelimit`` on an unloaded host still met one (a
late send the push-back does not see), with 0.03 none, at 3% of the pace."""
_TOKEN = re.compile(r"bot\d+:[A-Za-z0-9_-]+")
_NO_RIGHTS = (
    "need administrator rights",
    "not enough rights",
    "have no rights to send",
    "chat_write_forbidden",
    "chat_admin_required",
)
_PHOTO_UNUSABLE = re.compile(
    r"wrong file identifier|failed to get http url|wrong type of the web page content"
    r"|photo_invalid_dimensions|image_process_failed|wrong remote file",
    re.IGNORECASE,
)
_EDITED_OTHER_KIND = re.compile(r"there is no (caption|text) in the message to edit", re.IGNORECASE)
_ANY_PHOTO = "https://photo.invalid/"  # makes format choose editMessageCaption; never sent
TEXT_ONLY = ("text", "link_preview_options", "parse_mode")
"""sendMessage's fields that sendPhoto does not take (parse_mode is set again)."""
_GONE = (
    "chat not found",
    "channel_private",
    "group chat was deleted",
    "peer_id_invalid",
    "message thread not found",
    "topic_deleted",
    "topic_closed",
)


class RedactBotTokens(logging.Filter):
    """Hide bot tokens in log records: PTB logs its API URL and httpx every request
    URL, and Telegram's URLs carry the token (``/bot<TOKEN>/sendMessage``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _TOKEN.sub("bot<redacted>", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


# Filters do not apply to records from child loggers, so each logger that writes
# request URLs is named.
_URL_LOGGERS = (
    "httpx",
    "httpcore.http11",
    "telegram.Bot",
    "telegram.request.BaseRequest",
    "telegram.request.HTTPXRequest",
    "telegram.ext.Application",
    "telegram.ext.Updater",
)


def _install_redaction() -> None:
    for name in _URL_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactBotTokens) for f in logger.filters):
            logger.addFilter(RedactBotTokens())


def token_key(token: str) -> str:
    """A stable name for a bot token that does not reveal it (for shared budgets)."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def _retry_after(exc: tg_error.RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the int form is going away
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def map_error(exc: tg_error.TelegramError) -> DeliveryError:
    """The hub error for a Bot API error (PTB has already parsed the answer)."""
    if isinstance(exc, tg_error.RetryAfter):
        return RateLimited(_retry_after(exc), "Telegram flood control")
    if isinstance(exc, tg_error.TimedOut):
        return Timeout(f"Telegram did not answer in time: {exc.message}")
    if isinstance(exc, tg_error.InvalidToken):
        return Forbidden("Telegram refused the bot token")
    if isinstance(exc, tg_error.Forbidden):
        return Forbidden(f"Telegram: {exc.message}")
    if isinstance(exc, tg_error.ChatMigrated):
        return ChannelGone(f"Telegram: the group moved to chat {exc.new_chat_id}")
    if isinstance(exc, tg_error.BadRequest):
        text = exc.message.lower()
        if any(marker in text for marker in _GONE):
            return ChannelGone(f"Telegram: {exc.message}")
        if any(marker in text for marker in _NO_RIGHTS):
            return Forbidden(f"Telegram: {exc.message}")
        if "message can't be deleted" in text:
            return Forbidden(
                f"Telegram: {exc.message}: a message older than 48 hours can be deleted only by "
                "a bot with the right to delete messages in the chat (or by hand)"
            )
        return BadPayload(f"Telegram: {exc.message}")
    if isinstance(exc, tg_error.NetworkError):
        return TransientError(f"Telegram network error: {exc.message}")
    return TransientError(f"Telegram: {exc.message}")


@dataclass
class _SharedBot:
    bot: Bot
    loop: asyncio.AbstractEventLoop
    users: int = 0


_SHARED_BOTS: dict[tuple[str, str, float], _SharedBot] = {}
"""One ``Bot`` (one HTTP connection pool) per token and server in an event loop, shared
by the sinks of every chat it posts to: building a ``Bot`` builds an HTTP client and its
TLS context, a few hundred milliseconds of the loop's time on a busy machine, which a
worker posting to fifty chats of one bot would otherwise spend fifty times, stalling its
sends and the renewals of its leases. The last sink to close shuts it down."""


@functools.cache
def _tls() -> ssl.SSLContext:
    """The TLS context of every Bot's client in the process: httpx's own default (the CA
    bundle of certifi, verification on), built once. Loading the bundle is most of the
    ~60 ms a client takes to build; a context is made to be shared by many connections."""
    return httpx.create_ssl_context()


def _request(timeout: float) -> HTTPXRequest:
    """A Bot's HTTP client: only ever built for a new ``Bot``, never for a sink that shares
    one, and on the process's one TLS context."""
    return HTTPXRequest(
        connection_pool_size=16,  # the sends of every chat of this bot in this process
        read_timeout=timeout,
        write_timeout=timeout,
        connect_timeout=timeout,
        pool_timeout=timeout,
        httpx_kwargs={"verify": _tls()},
    )


def _bot(token: str, base_url: str, timeout: float) -> tuple[Bot, _SharedBot | None]:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # built outside a loop: its own Bot, bound to none yet
        return Bot(token, base_url=base_url, request=_request(timeout)), None
    key = (token, base_url, timeout)
    shared = _SHARED_BOTS.get(key)
    if shared is None or shared.loop is not loop or loop.is_closed():
        bot = Bot(token, base_url=base_url, request=_request(timeout))
        shared = _SHARED_BOTS[key] = _SharedBot(bot, loop)
    shared.users += 1
    return shared.bot, shared


class TelegramSink:
    """Posts to one Telegram chat (or forum topic) with one bot token; the sinks of one
    token built in one event loop share one ``Bot``."""

    platform: ClassVar[str] = "telegram"

    def __init__(self, channel: ChannelInfo, token: str, *, timeout: float = 15.0) -> None:
        _install_redaction()
        self.channel = channel
        self._token_key = token_key(token)
        base = (channel.base_url or DEFAULT_BASE_URL).rstrip("/")
        self.bot, self._shared = _bot(token, f"{base}/bot", timeout)
        self._closed = False
        # each Bot API method called with a request's body as its keyword arguments: a sent or
        # edited message, or True (a deletion; an edit of an inline message)
        self._calls: dict[str, Callable[[dict[str, Any]], Awaitable[TelegramMessage | bool]]] = {
            "sendMessage": lambda body: self.bot.send_message(**body),
            "sendPhoto": lambda body: self.bot.send_photo(**body),
            "editMessageText": lambda body: self.bot.edit_message_text(**body),
            "editMessageCaption": lambda body: self.bot.edit_message_caption(**body),
            "deleteMessage": lambda body: self.bot.delete_message(**body),
            "editMessageReplyMarkup": lambda body: self.bot.edit_message_reply_markup(**body),
            "answerCallbackQuery": lambda body: self.bot.answer_callback_query(**body),
        }

    async def start(self) -> None:
        """Check the token with getMe."""
        try:
            await self.bot.initialize()
        except tg_error.TelegramError as exc:
            raise map_error(exc) from None

    async def send(self, message: Message) -> Receipt:
        """Send, edit or delete as ``message`` asks; the receipt holds the message id.

        When Telegram cannot fetch a new post's image, the post goes out as text
        instead: a broken image URL must not keep the news from the channel. That
        is a different message, not a retry; nothing was posted by the first call.
        """
        retraction = is_retraction(message.kind, message.edit_of)
        if not retraction and (message.picture is not None or not safe_link(message.image_url)):
            # a text past one message continues as a thread, without the picture (a photo's
            # caption holds 1,024 characters; a thread's parts are text messages)
            text_only = replace(message, image_url=None, picture=None)
            texts = part_texts(text_only)
            if len(texts) > 1 or len(part_ids(message.edit_of)) > 1 or message.posted:
                return await self.send_thread(text_only, texts)
        if message.picture is not None and message.edit_of is None:
            return await self._send_picture(message, message.picture)
        receipt = Receipt(message.edit_of or "")
        for request in requests_for(message, self.channel):
            try:
                receipt = await self._call(request, message)
            except BadPayload as exc:
                if _EDITED_OTHER_KIND.search(str(exc)):
                    return await self._edit_other_kind(message, request)
                if request.name != "sendPhoto" or not _PHOTO_UNUSABLE.search(str(exc)):
                    raise
                [as_text] = requests_for(replace(message, image_url=None), self.channel)
                receipt = await self._call(as_text, message)
        if is_retraction(message.kind, message.edit_of):
            return Receipt(str(message.edit_of))  # every part deleted
        return receipt

    async def send_thread(self, message: Message, texts: list[str]) -> Receipt:
        """Post (or edit) a long text as a thread, each part a reply to the one before.

        The parts an earlier attempt recorded (``message.posted``) are not posted again;
        each new part's id goes to the ledger (``message.progress``) before the next is
        sent. An edit changes the old parts in place; when the new text needs more
        parts, the extra ones are posted as replies to the last; when it needs fewer,
        the old parts left over are deleted. The receipt names every part.
        """
        old = part_ids(message.edit_of)
        ids = list(message.posted)
        for index, text in enumerate(texts):
            if index < len(ids):
                continue
            before = ids[-1] if ids else None
            if index < len(old):
                request = part_request(
                    message, self.channel, text, reply_to=before, edit=old[index]
                )
                receipt = await self._call(request, replace(message, edit_of=old[index]))
            else:
                request = part_request(message, self.channel, text, reply_to=before)
                receipt = await self._call(request, None)
            ids.append(receipt.platform_message_id)
            if message.progress is not None:
                await message.progress(tuple(ids))
        kept = ids[: len(texts)]
        left_over = [part for part in [*old[len(texts) :], *ids[len(texts) :]] if part not in kept]
        for part in dict.fromkeys(left_over):
            chat = part_request(message, self.channel, "").body["chat_id"]
            delete = ApiRequest(
                "POST", "/deleteMessage", {"chat_id": chat, "message_id": int(part)}
            )
            await self._call(delete, None)
        return Receipt(" ".join(kept))

    async def _edit_other_kind(self, message: Message, request: ApiRequest) -> Receipt:
        """A correction of a post that went out as the other kind: text (its picture was
        refused, or its text was longer than a caption) or photo. The same text is sent
        as the edit that kind takes (editMessageText or editMessageCaption)."""
        if request.name == "editMessageCaption":
            [other] = requests_for(replace(message, image_url=None), self.channel)
        else:
            [other] = requests_for(replace(message, image_url=_ANY_PHOTO), self.channel)
        return await self._call(other, message)

    async def _send_picture(self, message: Message, picture: Picture) -> Receipt:
        """A new post with the hub's copy of the item's picture: ``sendPhoto`` with the bytes
        fitted to Telegram's rules and the post as caption.

        A text longer than a caption (1,024 after entities) goes as a text message with
        the link's preview instead, whole rather than cut; a picture Telegram cannot take
        makes a text post too, and the receipt's note says why.
        """
        as_text = replace(message, image_url=None, picture=None)
        [text_request] = requests_for(as_text, self.channel)
        caption = render(as_text, TELEGRAM.caption)
        if caption != render(as_text, TELEGRAM.text):
            note = (
                f"the text is longer than a photo caption ({TELEGRAM.caption} characters): "
                "sent as text with the link's preview, without the picture"
            )
            return replace(await self._call(text_request, message), note=note)
        try:
            fitted = await asyncio.to_thread(fit, picture, TELEGRAM_PHOTO)
        except PictureRefused as exc:
            return replace(await self._call(text_request, message), note=f"{exc}; sent as text")
        body = {k: v for k, v in text_request.body.items() if k not in TEXT_ONLY}
        extension = "png" if fitted.mime == "image/png" else "jpg"
        photo = InputFile(fitted.data, filename=f"picture.{extension}", attach=False)
        body |= {"photo": photo, "caption": caption, "parse_mode": text_request.body["parse_mode"]}
        try:
            return await self._call(ApiRequest("POST", "/sendPhoto", body), message)
        except BadPayload as exc:
            if "photo" not in str(exc).lower() and "image" not in str(exc).lower():
                raise
            receipt = await self._call(text_request, message)
            return replace(receipt, note=f"{exc}: the picture was refused, sent as text")

    async def _call(self, request: ApiRequest, message: Message | None) -> Receipt:
        try:
            result = await self._calls[request.name](request.body)
        except tg_error.BadRequest as exc:
            text = exc.message.lower()
            if "message is not modified" in text and message is not None:
                return Receipt(str(message.edit_of))  # the edit is already there
            if "message to delete not found" in text:
                return Receipt(str(request.body["message_id"]))  # already deleted
            if "query is too old" in text and message is not None and message.in_doubt:
                # an earlier attempt may have answered it (a query is answered once)
                return Receipt(str(message.edit_of or ""))
            raise map_error(exc) from None
        except tg_error.TelegramError as exc:
            raise map_error(exc) from None
        if isinstance(result, TelegramMessage):
            return Receipt(str(result.message_id))
        return Receipt(str(message.edit_of if message else ""))

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """30 a second per bot, then 1 a second per private chat or 20 a minute per group;
        the answer to a tap posts nothing in the chat, so only the bot's budget counts."""
        bot = f"telegram:bot:{self._token_key}"
        if message.extra.get("callback_query_id"):
            return [RateLimit(bot, TELEGRAM.overall_per_second)]
        target = reply_chat(message) or self.channel.target
        chat = f"{bot}:chat:{target}"
        private = not target.startswith(("-", "@"))
        per_chat = (
            RateLimit(chat, 1 / (1 / TELEGRAM.private_chat_per_second + CHAT_JITTER_SECONDS))
            if private
            else RateLimit(chat, TELEGRAM.group_per_minute / 60)
        )
        overall = 1 / (1 / TELEGRAM.overall_per_second + BOT_JITTER_SECONDS / 30)
        return [RateLimit(bot, overall), per_chat]

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        shared = self._shared
        if shared is not None:
            shared.users -= 1
            if shared.users > 0:
                return
            for key, entry in list(_SHARED_BOTS.items()):
                if entry is shared:
                    del _SHARED_BOTS[key]
        await self.bot.shutdown()


def telegram_sink(channel: ChannelInfo, secret: str | None) -> TelegramSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the bot token."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Telegram bot token configured")
    return TelegramSink(channel, secret)
