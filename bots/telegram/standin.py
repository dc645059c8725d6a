"""A Telegram Bot API stand-in on loopback.

Speaks ``/bot<TOKEN>/<method>`` for getMe, sendMessage, sendPhoto,
editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage,
answerCallbackQuery, setMyCommands, getMyCommands, deleteMyCommands and
getUpdates with JSON, form or multipart bodies, and answers ``{"ok": true, "result": ...}`` with
real Message shapes, so python-telegram-bot parses them unchanged. It checks
the token, the chat, forum topics, text and caption length and HTML
validity, answers errors as the Bot API does (``{"ok": false, "error_code":
400, "description": "Bad Request: ..."}``) and enforces the flood limits
(30 messages a second per bot, 1 a second per private chat, 20 a minute per
group or channel) with 429 and ``parameters.retry_after``. Everything
received is recorded: ``received`` and ``messages()`` in-process, and
``GET /_standin/messages`` as JSON for the console.

Inline keyboards (``reply_markup``) are read as telegram-bot-api's
Client.cpp reads them and kept on the message; :meth:`TelegramStandIn.tap`
plays a member tapping one of their buttons (a ``callback_query`` update with
a query id the bot must answer once, in time).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass
from typing import Any

from aiohttp import web

from bots.limits import TELEGRAM, TelegramLimits
from bots.standin import (
    Clock,
    FloodWindow,
    ImageFacts,
    LoopbackServer,
    Upload,
    default_clock,
    image_facts,
    request_files,
    request_params,
    whole_seconds,
)
from bots.telegram.html import HtmlError, parse

SENDING = {"sendMessage", "sendPhoto"}
# sendPhoto's rules for an uploaded photo (core.telegram.org/bots/api#sendphoto; tdlib's
# InputMessagePhoto says the same): at most 10 MB, width + height at most 10000, the
# longer side at most 20 times the shorter.
PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_SIDES = 10_000
PHOTO_MAX_RATIO = 20
BOT_ID = 7000000001


DELETE_WITHIN_SECONDS = 48 * 3600

CALLBACK_DATA_MAX_BYTES = 64
"""core.telegram.org/bots/api#inlinekeyboardbutton: ``callback_data``, 1-64 bytes; Telegram's
server refuses more with BUTTON_DATA_INVALID, passed on as it is by Client.cpp."""
CALLBACK_ANSWER_SECONDS = 15.0
"""How long a callback query may wait for its answer before Telegram forgets it
(QUERY_ID_INVALID). Telegram publishes no figure; clients stop waiting after about 15
seconds, so the stand-in takes that. An assumption, not a published rule."""
COMMANDS_MAX = 100
"""core.telegram.org/bots/api#setmycommands: "At most 100 commands can be specified"."""
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
"""core.telegram.org/bots/api#botcommand: "1-32 characters. Can contain only lowercase
English letters, digits and underscores"."""
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
"""telegram-bot-api/Client.cpp, fail_query_with_error: MESSAGE_NOT_MODIFIED, reworded."""
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
"""telegram-bot-api/Client.cpp, fail_query_with_error: QUERY_ID_INVALID, reworded."""


@dataclass
class Chat:
    """A chat the bot is in (or was: ``kicked``)."""

    id: int
    type: str = "channel"  # private, group, supergroup, channel
    title: str = "Stand-in chat"
    username: str | None = None
    is_forum: bool = False
    kicked: bool = False
    can_delete_messages: bool = False  # the bot's administrator right to delete any message

    def shape(self) -> dict[str, Any]:
        shape: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.type == "private":
            shape["first_name"] = self.title
        else:
            shape["title"] = self.title
        if self.username:
            shape["username"] = self.username
        if self.is_forum:
            shape["is_forum"] = True
        return shape


@dataclass
class StoredMessage:
    """A message the stand-in holds, as the console shows it."""

    chat_id: int
    message_id: int
    kind: str  # text or photo
    html: str
    text: str
    entities: list[dict[str, Any]]
    date: int
    photo: str | None = None
    thread_id: int | None = None
    photo_upload: ImageFacts | None = None  # an uploaded photo, as Telegram decoded it
    edit_date: int | None = None
    deleted: bool = False
    reply_markup: Any = None
    reply_to: int | None = None


@dataclass
class Received:
    """One request as it arrived, and what the stand-in answered."""

    method: str
    params: dict[str, Any]
    status: int
    description: str = ""


@dataclass
class CallbackQuery:
    """A tap the stand-in delivered: the bot must answer it once, in time."""

    id: str
    chat_id: int
    message_id: int
    data: str
    sent_at: float
    answer: dict[str, Any] | None = None


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


@dataclass
class _Failure:
    code: int
    description: str
    retry_after: int | None = None


class TelegramStandIn(LoopbackServer):
    """The Bot API for the given bot tokens; add chats with :meth:`add_chat`."""

    def __init__(
        self,
        tokens: tuple[str, ...] = ("123456:stand-in-token",),
        *,
        clock: Clock = default_clock,
        wall_clock: Clock = time.time,
        limits: TelegramLimits = TELEGRAM,
    ) -> None:
        super().__init__()
        self.tokens = set(tokens)
        self.clock = clock
        self.wall_clock = wall_clock
        self.limits = limits
        self.chats: dict[int, Chat] = {}
        self.received: list[Received] = []
        self.stored: dict[tuple[int, int], StoredMessage] = {}
        self._next_id: dict[int, int] = {}
        self._failures: dict[str, list[_Failure]] = {}
        self.unreachable_photos: set[str] = set()  # photo URLs Telegram "cannot fetch"
        self._uploads: dict[str, Upload] = {}
        self._per_bot = FloodWindow(int(limits.overall_per_second), 1.0)
        self._per_private = FloodWindow(int(limits.private_chat_per_second), 1.0)
        self._per_group = FloodWindow(int(limits.group_per_minute), 60.0)
        self.updates: list[dict[str, Any]] = []  # queued for getUpdates, oldest first
        self.webhook: dict[str, str] = {}  # set by setWebhook: url and secret_token
        self.allow_http_webhook = True  # Telegram wants https; loopback tests serve http
        self.last_update_id = 100000  # update ids grow, as Telegram's do; a test may move it
        self._next_member_message = 0
        self.callback_queries: dict[str, CallbackQuery] = {}
        self.callback_answer_seconds = CALLBACK_ANSWER_SECONDS
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}  # (scope, language)

    # --- arranging -------------------------------------------------------------

    def add_chat(self, chat_id: int, **details: Any) -> Chat:
        """Make a chat known (``type``, ``title``, ``username``, ``is_forum``, ``kicked``,
        ``can_delete_messages``)."""
        chat = Chat(chat_id, **details)
        self.chats[chat_id] = chat
        return chat

    def fail_next(
        self, method: str, code: int, description: str, retry_after: int | None = None
    ) -> None:
        """Answer the next call of ``method`` with this error instead."""
        self._failures.setdefault(method, []).append(_Failure(code, description, retry_after))

    # --- playing the member ----------------------------------------------------

    def member_update(
        self,
        chat_id: int,
        text: str,
        *,
        chat_type: str = "private",
        first_name: str = "Member",
        user_id: int | None = None,
        language_code: str | None = None,
    ) -> dict[str, Any]:
        """An update as Telegram would send it for a member's text message (entities
        mark a leading ``/command`` and ``@mentions``); the chat becomes known."""
        if chat_id not in self.chats:
            title = first_name if chat_type == "private" else "Stand-in group"
            self.add_chat(chat_id, type=chat_type, title=title)
        self.last_update_id += 1
        self._next_member_message += 1
        sender: dict[str, Any] = {"id": user_id or abs(chat_id), "is_bot": False}
        sender["first_name"] = first_name
        if language_code:
            sender["language_code"] = language_code
        message: dict[str, Any] = {
            "message_id": self._next_member_message,
            "date": int(self.wall_clock()),
            "chat": self.chats[chat_id].shape(),
            "from": sender,
            "text": text,
        }
        entities = []
        if text.startswith("/"):
            entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        at = 0
        for word in text.split():  # Bot API "MessageEntity": a mention anywhere, the first too
            at = text.index(word, at)
            if word.startswith("@") and len(word) > 1:
                entities.append({"type": "mention", "offset": at, "length": len(word)})
            at += len(word)
        if entities:
            message["entities"] = entities
        return {"update_id": self.last_update_id, "message": message}

    def tap(
        self,
        chat_id: int,
        message_id: int,
        data: str,
        *,
        first_name: str = "Member",
        language_code: str | None = None,
    ) -> dict[str, Any]:
        """The ``callback_query`` update Telegram sends when a member taps the button
        carrying ``data`` under the bot's message ``message_id`` (Client.cpp,
        JsonCallbackQuery: id, from, message, chat_instance, data). A member can only tap
        a button the message has: anything else is a ValueError here."""
        stored = self.stored.get((chat_id, message_id))
        if stored is None or stored.deleted:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        buttons = (stored.reply_markup or {}).get("inline_keyboard", [])
        if data not in [b.get("callback_data") for row in buttons for b in row]:
            raise ValueError(f"message {message_id} has no button with {data!r}")
        self.last_update_id += 1
        query = CallbackQuery(
            str(8_000_000_000 + self.last_update_id), chat_id, message_id, data, self.clock()
        )
        self.callback_queries[query.id] = query
        sender: dict[str, Any] = {"id": abs(chat_id), "is_bot": False, "first_name": first_name}
        if language_code:
            sender["language_code"] = language_code
        callback = {
            "id": query.id,
            "from": sender,
            "message": self._shape(self.chats[chat_id], stored),
            "chat_instance": str(abs(chat_id) * 7919),
            "data": data,
        }
        return {"update_id": self.last_update_id, "callback_query": callback}

    def queue_update(self, update: dict[str, Any]) -> int:
        """Hold ``update`` for getUpdates (polling mode); returns its update_id."""
        self.updates.append(update)
        return int(update["update_id"])

    async def post_webhook(
        self, url: str, update: dict[str, Any] | bytes, secret_token: str | None
    ) -> tuple[int, str]:
        """POST ``update`` to the hub's webhook as Telegram does (with the secret token
        header when given); returns the HTTP status and body."""
        import httpx

        body = update if isinstance(update, bytes) else json.dumps(update).encode()
        headers = {"Content-Type": "application/json"}
        if secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(url, content=body, headers=headers)
        return response.status_code, response.text

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Updates from ``offset`` on; asking with an offset confirms every earlier one."""
        offset = int(params.get("offset") or 0)
        if offset:
            self.updates = [u for u in self.updates if int(u["update_id"]) >= offset]
        limit = int(params.get("limit") or 100)
        return self.updates[:limit]

    # --- reading ---------------------------------------------------------------

    def messages(self, chat_id: int | None = None) -> list[StoredMessage]:
        """The messages held, oldest first, optionally of one chat."""
        return [m for m in self.stored.values() if chat_id is None or m.chat_id == chat_id]

    # --- serving ---------------------------------------------------------------

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/_standin/messages", self._list_messages)

    async def _list_messages(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(m) for m in self.messages()])

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await request_params(request)
        self._uploads = await request_files(request)  # _dispatch runs before the next request
        try:
            if request.match_info["token"] not in self.tokens:
                raise ApiError(401, "Unauthorized")
            result = self._dispatch(method, params, request.match_info["token"])
        except ApiError as exc:
            self.received.append(Received(method, params, exc.code, exc.description))
            body: dict[str, Any] = {
                "ok": False,
                "error_code": exc.code,
                "description": exc.description,
            }
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return web.json_response(body, status=exc.code)
        self.received.append(Received(method, params, 200))
        return web.json_response({"ok": True, "result": result})

    def _dispatch(self, method: str, params: dict[str, Any], token: str) -> Any:
        failures = self._failures.get(method)
        if failures:
            failure = failures.pop(0)
            raise ApiError(failure.code, failure.description, failure.retry_after)
        if method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Hub stand-in",
                "username": "hub_standin_bot",
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method == "getUpdates":
            if self.webhook.get("url"):
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active;"
                    " use deleteWebhook to delete the webhook first",
                )
            return self._get_updates(params)
        if method == "setWebhook":
            url = str(params.get("url") or "")
            if url and not url.startswith("https://") and not self.allow_http_webhook:
                raise ApiError(400, "Bad Request: bad webhook: HTTPS url must be provided")
            self.webhook = {"url": url, "secret_token": str(params.get("secret_token") or "")}
            return True
        if method == "deleteWebhook":
            self.webhook = {}
            return True
        if method == "getWebhookInfo":
            return {
                "url": self.webhook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self.updates),
            }
        if method in SENDING:
            return self._send(method, params, token)
        if method in ("editMessageText", "editMessageCaption"):
            return self._edit(method, params, token)
        if method == "editMessageReplyMarkup":
            return self._edit_markup(params, token)
        if method == "deleteMessage":
            return self._delete(params)
        if method == "answerCallbackQuery":
            return self._answer_callback(params)
        if method in ("setMyCommands", "getMyCommands", "deleteMyCommands"):
            return self._my_commands(method, params)
        raise ApiError(404, "Not Found")

    def _chat(self, params: dict[str, Any]) -> Chat:
        raw = str(params.get("chat_id", "")).strip()
        if not raw:
            raise ApiError(400, "Bad Request: chat_id is empty")
        chat: Chat | None
        if raw.startswith("@"):
            chat = next((c for c in self.chats.values() if f"@{c.username}" == raw), None)
        else:
            try:
                chat = self.chats.get(int(raw))
            except ValueError:
                chat = None
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat.kicked:
            where = "channel chat" if chat.type == "channel" else f"{chat.type} chat"
            raise ApiError(403, f"Forbidden: bot was kicked from the {where}")
        return chat

    def _text(
        self, params: dict[str, Any], key: str, limit: int
    ) -> tuple[str, str, list[dict[str, Any]]]:
        """The text (or caption) as the Bot API reads it.

        telegram-bot-api/Client.cpp: an empty ``text`` is "Message text is empty";
        more than 32,768 bytes before parsing is "Text is too long"
        (get_formatted_text); then tdlib parses the HTML (parse_html) and trims
        (fix_formatted_text: whitespace at the end, spaces and newlines at the start;
        nothing left is "Text must be non-empty"); the limit counts code points of
        what is left, not UTF-16 units (td/telegram/MessageContent.cpp:
        ``utf8_length(text) > message_text_length_max``, 4096; 1024 for captions).
        Errors reach the bot with the first letter lowered, after "Bad Request: ".
        """
        html = str(params.get(key, ""))
        if key == "text" and not html:
            raise ApiError(400, "Bad Request: message text is empty")
        if len(html.encode("utf-8", "surrogatepass")) > 1 << 15:
            raise ApiError(400, "Bad Request: text is too long")
        if html and str(params.get("parse_mode", "")).lower() == "html":
            try:
                text, entities = parse(html)
            except HtmlError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from exc
        else:
            text, entities = html, []
        text, entities = _trimmed(text, entities)
        if key == "text" and not text:
            raise ApiError(400, "Bad Request: text must be non-empty")
        if len(text) > limit:
            what = "message is too long" if key == "text" else "message caption is too long"
            raise ApiError(400, f"Bad Request: {what}")
        return html, text, entities

    def _check_flood(self, chat: Chat, token: str) -> None:
        """Telegram's flood limits as core.telegram.org/bots/faq ("My bot is hitting
        limits, how do I avoid this?") states them: "not more than 30 messages per second
        or so" for a bot, "avoid sending more than one message per second" in a chat ("we
        may allow short bursts": may, so none here), "not ... more than 20 messages per
        minute to the same group". Each is read as at most that many in any window of
        that length, sliding (the strictest reading of the FAQ, never more lenient than
        Telegram, and no stricter than its numbers): the 31st send within a second of the
        first of 30 is answered 429."""
        now = self.clock()
        group = chat.type != "private"
        chat_window = self._per_group if group else self._per_private
        wait = max(self._per_bot.wait(token, now), chat_window.wait(str(chat.id), now))
        if wait > 0:
            raise ApiError(
                429, f"Too Many Requests: retry after {whole_seconds(wait)}", whole_seconds(wait)
            )
        self._per_bot.record(token, now)
        chat_window.record(str(chat.id), now)

    def _send(self, method: str, params: dict[str, Any], token: str) -> dict[str, Any]:
        chat = self._chat(params)
        thread = params.get("message_thread_id")
        thread_id = int(thread) if thread not in (None, "") else None
        if thread_id is not None and not chat.is_forum:
            raise ApiError(400, "Bad Request: message thread not found")
        photo_upload = None
        if method == "sendMessage":
            html, text, entities = self._text(params, "text", self.limits.text)
            photo = None
        else:
            photo = str(params.get("photo", ""))
            upload = self._uploads.get("photo")
            if upload is not None:
                photo_upload = self._uploaded_photo(upload)
                photo = f"upload:{upload.filename}"
            elif not photo:
                raise ApiError(400, "Bad Request: there is no photo in the request")
            elif not photo.startswith(("http://", "https://")):
                raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
            if photo in self.unreachable_photos:
                raise ApiError(400, "Bad Request: failed to get HTTP URL content")
            html, text, entities = self._text(params, "caption", self.limits.caption)
        markup = _reply_markup(params)
        reply_to = self._replied(chat, params)
        self._check_flood(chat, token)
        message_id = self._next_id.get(chat.id, 0) + 1
        self._next_id[chat.id] = message_id
        stored = StoredMessage(
            chat.id,
            message_id,
            "photo" if photo else "text",
            html,
            text,
            entities,
            int(self.wall_clock()),
            photo,
            thread_id,
            photo_upload,
        )
        stored.reply_markup = markup
        stored.reply_to = reply_to
        self.stored[(chat.id, message_id)] = stored
        return self._shape(chat, stored)

    def _replied(self, chat: Chat, params: dict[str, Any]) -> int | None:
        """The message a send replies to (``reply_parameters``, core.telegram.org/bots/api#
        replyparameters), which must exist in the chat: telegram-bot-api/Client.cpp answers
        "Bad Request: message to be replied not found" unless the parameters say
        ``allow_sending_without_reply``, when the message goes out as no reply."""
        raw = params.get("reply_parameters")
        if isinstance(raw, str) and raw:
            raw = json.loads(raw)
        if not isinstance(raw, dict) or raw.get("message_id") in (None, ""):
            return None
        found = self.stored.get((chat.id, int(raw["message_id"])))
        if found is None or found.deleted:
            if raw.get("allow_sending_without_reply"):
                return None
            raise ApiError(400, "Bad Request: message to be replied not found")
        return found.message_id

    def _uploaded_photo(self, upload: Upload) -> ImageFacts:
        """An uploaded photo checked as the Bot API does (core.telegram.org/bots/api#sendphoto:
        "The photo must be at most 10 MB in size. The photo's width and height must not
        exceed 10000 in total. Width and height ratio must be at most 20.")."""
        if len(upload.data) > PHOTO_MAX_BYTES:
            # the error Telegram gives an oversized photo (zhukov/webogram#1011)
            raise ApiError(400, "Bad Request: PHOTO_SAVE_FILE_INVALID")
        facts = image_facts(upload.data)
        if facts is None:
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        width, height = facts.width, facts.height
        if width + height > PHOTO_MAX_SIDES or max(width, height) > PHOTO_MAX_RATIO * min(
            width, height
        ):
            raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        return facts

    def _find(self, chat: Chat, params: dict[str, Any], missing: str) -> StoredMessage:
        try:
            stored = self.stored.get((chat.id, int(params.get("message_id", ""))))
        except ValueError:
            stored = None
        if stored is None or stored.deleted:
            raise ApiError(400, f"Bad Request: {missing}")
        return stored

    def _edit(self, method: str, params: dict[str, Any], token: str) -> dict[str, Any]:
        chat = self._chat(params)
        stored = self._find(chat, params, "message to edit not found")
        if method == "editMessageText":
            if stored.kind != "text":
                raise ApiError(400, "Bad Request: there is no text in the message to edit")
            html, text, entities = self._text(params, "text", self.limits.text)
        else:
            if stored.kind != "photo":
                raise ApiError(400, "Bad Request: there is no caption in the message to edit")
            html, text, entities = self._text(params, "caption", self.limits.caption)
        # the server answers MESSAGE_NOT_MODIFIED when the shown text, its entities and the
        # reply markup are unchanged (telegram-bot-api/Client.cpp words it), however the
        # HTML was written: <b> and <strong> are the same bold
        # (an edit without reply_markup takes the inline keyboard away)
        markup = _reply_markup(params)
        if (text, entities, markup) == (stored.text, stored.entities, stored.reply_markup):
            raise ApiError(400, NOT_MODIFIED)
        # Telegram publishes no limit of its own for edits; bots that edit fast are
        # answered 429 all the same, so the stand-in counts an edit like a message in
        # the documented windows (core.telegram.org/bots/faq, "My bot is hitting limits").
        # An assumption, not a published rule. (The 48-hour edit window of
        # core.telegram.org/bots/api#editmessagetext is for business messages only,
        # which the hub never sends.)
        self._check_flood(chat, token)
        stored.html, stored.text, stored.entities = html, text, entities
        stored.reply_markup = markup
        stored.edit_date = int(self.wall_clock())
        return self._shape(chat, stored)

    def _edit_markup(self, params: dict[str, Any], token: str) -> dict[str, Any]:
        """core.telegram.org/bots/api#editmessagereplymarkup: the keyboard alone; none given
        removes it; the same one again is MESSAGE_NOT_MODIFIED."""
        chat = self._chat(params)
        stored = self._find(chat, params, "message to edit not found")
        markup = _reply_markup(params)
        if markup == stored.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        self._check_flood(chat, token)  # counted like an edit of the text (see _edit)
        stored.reply_markup = markup
        stored.edit_date = int(self.wall_clock())
        return self._shape(chat, stored)

    def _answer_callback(self, params: dict[str, Any]) -> bool:
        """core.telegram.org/bots/api#answercallbackquery. A query is answered once, and only
        while the member's client waits (``callback_answer_seconds``); an unknown,
        answered or expired id is QUERY_ID_INVALID (Client.cpp words it)."""
        query = self.callback_queries.get(str(params.get("callback_query_id", "")))
        late = query is not None and self.clock() - query.sent_at > self.callback_answer_seconds
        if query is None or query.answer is not None or late:
            raise ApiError(400, QUERY_INVALID)
        query.answer = {
            "text": str(params.get("text", "")),
            "show_alert": str(params.get("show_alert", "")).lower() in ("true", "1"),
        }
        return True

    def _my_commands(self, method: str, params: dict[str, Any]) -> Any:
        """setMyCommands, getMyCommands, deleteMyCommands per scope and language
        (core.telegram.org/bots/api#setmycommands). Checks as tdlib's BotCommand.cpp
        (set_commands: language code, trimmed command and description, 32 and 256
        characters) and Telegram's server (BOT_COMMAND_INVALID for other characters than
        a-z, 0-9 and _, BOT_COMMANDS_TOO_MUCH past 100), worded as Client.cpp passes them."""
        scope = _json_param(params, "scope", "can't parse BotCommandScope JSON object")
        scope_type = str((scope or {}).get("type", "default"))
        language = str(params.get("language_code", "") or "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise ApiError(400, "Bad Request: invalid language code specified")
        key = (scope_type, language)
        if method == "getMyCommands":
            return self.commands.get(key, [])
        if method == "deleteMyCommands":
            self.commands.pop(key, None)
            return True
        raw = _json_param(params, "commands", "can't parse commands JSON object")
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            raise ApiError(400, "Bad Request: expected an Array of BotCommand")
        commands = [_command(entry) for entry in raw]
        if len(commands) > COMMANDS_MAX:
            raise ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH")
        if commands:
            self.commands[key] = commands
        else:
            self.commands.pop(key, None)
        return True

    def _delete(self, params: dict[str, Any]) -> bool:
        """core.telegram.org/bots/api#deletemessage: "a message can only be deleted if it
        was sent less than 48 hours ago", unless the bot has can_delete_messages in the
        chat; the refusal reads "Bad Request: message can't be deleted"."""
        chat = self._chat(params)
        stored = self._find(chat, params, "message to delete not found")
        too_old = self.wall_clock() - stored.date >= DELETE_WITHIN_SECONDS
        if too_old and not chat.can_delete_messages:
            raise ApiError(400, "Bad Request: message can't be deleted")
        stored.deleted = True
        return True

    def _shape(self, chat: Chat, stored: StoredMessage) -> dict[str, Any]:
        shape: dict[str, Any] = {
            "message_id": stored.message_id,
            "date": stored.date,
            "chat": chat.shape(),
        }
        if chat.type == "channel":
            shape["sender_chat"] = chat.shape()
        else:
            shape["from"] = {"id": BOT_ID, "is_bot": True, "first_name": "Hub stand-in"}
        if stored.thread_id is not None:
            shape["message_thread_id"] = stored.thread_id
            shape["is_topic_message"] = True
        if stored.edit_date is not None:
            shape["edit_date"] = stored.edit_date
        if stored.reply_markup:
            shape["reply_markup"] = stored.reply_markup
        replied = self.stored.get((chat.id, stored.reply_to)) if stored.reply_to else None
        if replied is not None:
            shape["reply_to_message"] = self._shape(chat, replied)
        if stored.kind == "photo":
            shape["photo"] = [
                {
                    "file_id": f"photo-{chat.id}-{stored.message_id}",
                    "file_unique_id": f"u{stored.message_id}",
                    "width": 1280,
                    "height": 720,
                }
            ]
            shape["caption"] = stored.text
            if stored.entities:
                shape["caption_entities"] = stored.entities
        else:
            shape["text"] = stored.text
            if stored.entities:
                shape["entities"] = stored.entities
        return shape


def _json_param(params: dict[str, Any], key: str, unreadable: str) -> Any:
    """A parameter that is JSON: as sent in a JSON body, or a string to parse (a form)."""
    value = params.get(key)
    if not isinstance(value, str):
        return value
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        raise ApiError(400, f"Bad Request: {unreadable}") from None


def _reply_markup(params: dict[str, Any]) -> dict[str, Any] | None:
    """An inline keyboard as Client.cpp's get_reply_markup reads it, or None (none sent).

    Only inline keyboards are kept (the hub sends no other); each button needs a text and
    a callback_data (or a url), and callback_data over 64 bytes is refused by Telegram's
    server with BUTTON_DATA_INVALID."""
    markup = _json_param(params, "reply_markup", "can't parse reply keyboard markup JSON object")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: object expected as reply markup")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ApiError(
            400,
            'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array '
            "of Arrays",
        )
    kept: list[list[dict[str, str]]] = []
    for row in rows:
        kept.append([_button(button) for button in row])
    return {"inline_keyboard": kept} if any(kept) else None


def _button(button: Any) -> dict[str, str]:
    why = "Bad Request: can't parse inline keyboard button: "
    if not isinstance(button, dict):
        raise ApiError(400, why + "InlineKeyboardButton must be an Object")
    text = button.get("text")
    if not isinstance(text, str):
        raise ApiError(400, why + 'Field "text" must be of type String')
    if button.get("url"):
        return {"text": text, "url": str(button["url"])}
    data = button.get("callback_data")
    if not data:
        raise ApiError(400, why + "Text buttons are unallowed in the inline keyboard")
    if len(str(data).encode("utf-8")) > CALLBACK_DATA_MAX_BYTES:
        raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return {"text": text, "callback_data": str(data)}


def _command(entry: Any) -> dict[str, str]:
    why = "Bad Request: can't parse BotCommand: "
    if not isinstance(entry, dict):
        raise ApiError(400, why + "expected an Object")
    command, description = entry.get("command"), entry.get("description")
    if not isinstance(command, str) or not isinstance(description, str):
        missing = "command" if not isinstance(command, str) else "description"
        raise ApiError(400, why + f'Field "{missing}" must be of type String')
    command = command.strip().removeprefix("/")
    description = description.strip()
    if not command:
        raise ApiError(400, "Bad Request: command must be non-empty")
    if len(command) > 32:
        raise ApiError(400, "Bad Request: command length must not exceed 32")
    if not description:
        raise ApiError(400, "Bad Request: command description must be non-empty")
    if len(description) > 256:
        raise ApiError(400, "Bad Request: command description length must not exceed 256")
    if not COMMAND_NAME.fullmatch(command):
        raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
    return {"command": command, "description": description}


def _trimmed(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """tdlib's fix_formatted_text trim: whitespace off the end, then spaces and newlines
    off the start up to the first entity; entities shifted and cut to what is left."""
    end = len(text.rstrip())
    start = len(text[:end]) - len(text[:end].lstrip(" \n"))
    if entities:
        first = min(_code_points(text, e["offset"]) for e in entities)
        start = min(start, first)
    kept = text[start:end]
    shift = len(text[:start].encode("utf-16-le", "surrogatepass")) // 2
    limit = len(kept.encode("utf-16-le", "surrogatepass")) // 2
    fixed = []
    for entity in entities:
        offset = entity["offset"] - shift
        length = min(entity["length"], limit - offset)
        if length > 0:
            fixed.append({**entity, "offset": offset, "length": length})
    return kept, fixed


def _code_points(text: str, utf16_offset: int) -> int:
    """The index in ``text`` of the code point at ``utf16_offset`` UTF-16 units."""
    units = 0
    for index, char in enumerate(text):
        if units >= utf16_offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)
