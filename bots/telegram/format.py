"""Hub message -> Bot API request, in HTML parse mode (pure).

A post reads: the title in bold, the body (the hub's sanitised HTML turned
into Telegram's tag subset), the tags as hashtags, the machine-translation mark
when a machine translated it, and a link to the full item. It fits Telegram's
limits measured on the HTML source in UTF-16 code units, which is never less than
what Telegram measures (the shown text), so the platform never refuses it for length.
With an image the post is a photo whose caption has the tighter caption limit.
"""

from __future__ import annotations

import re
from typing import Any

from bots.api import ApiRequest, is_retraction
from bots.formatting import (
    fit_runs,
    machine_mark,
    read_more_label,
    safe_link,
    shorten,
    utf16_len,
)
from bots.limits import TELEGRAM, TelegramLimits
from bots.richtext import Run, runs_from_html, runs_from_text
from bots.telegram.thread import shown_length, split_html
from hub.core.ports import ChannelInfo, Message, part_ids

PARSE_MODE = "HTML"
# Outermost first; code and pre stand alone because Telegram nests nothing in them.
_TAG_OF_STYLE = (
    ("quote", "blockquote"),
    ("bold", "b"),
    ("italic", "i"),
    ("underline", "u"),
    ("strike", "s"),
    ("spoiler", "tg-spoiler"),
)
_HASHTAG_JUNK = re.compile(r"\W+")


def escape(text: str) -> str:
    """Escape text for Telegram HTML: ``&``, ``<`` and ``>``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(value: str) -> str:
    """Escape a double-quoted attribute value."""
    return escape(value).replace('"', "&quot;")


def wrap(run: Run, escaped: str) -> str:
    """Put escaped text inside the tags of the run's styles and link, outermost first."""
    if "pre" in run.styles:
        return f"<pre>{escaped}</pre>"
    if "code" in run.styles:
        return f"<code>{escaped}</code>"
    tags = [(f"<{tag}>", f"</{tag}>") for style, tag in _TAG_OF_STYLE if style in run.styles]
    if run.href:
        at = 1 if "quote" in run.styles else 0
        tags.insert(at, (f'<a href="{escape_attribute(run.href)}">', "</a>"))
    opening = "".join(open_tag for open_tag, _ in tags)
    closing = "".join(close_tag for _, close_tag in reversed(tags))
    return f"{opening}{escaped}{closing}"


def hashtags(tags: tuple[str, ...]) -> str:
    """Tags as Telegram hashtags (letters, digits and underscores only)."""
    cleaned = (_HASHTAG_JUNK.sub("_", tag).strip("_") for tag in tags)
    return " ".join(f"#{tag}" for tag in cleaned if tag)


def body_runs(message: Message) -> list[Run]:
    """The message body as runs, from its HTML if any, else its text."""
    return runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)


def marked(message: Message) -> str:
    """The machine-translation mark in italics, linked to the original when it can be."""
    mark = machine_mark(message)
    if mark is None:
        return ""
    if mark.link:
        return f'<i><a href="{escape_attribute(mark.link)}">{escape(mark.text)}</a></i>'
    return f"<i>{escape(mark.text)}</i>"


def render(message: Message, limit: int) -> str:
    """The post as Telegram HTML, at most ``limit`` UTF-16 units of source."""
    cost = utf16_len
    title = shorten(message.title.strip(), limit // 4, lambda g: cost(escape(g)))
    header = f"<b>{escape(title)}</b>" if title else ""
    tags = escape(shorten(hashtags(message.tags), limit // 8, cost))
    footer = ""
    link = safe_link(message.link)
    if link and cost(link) < limit // 2:
        label = escape(read_more_label(message.language))
        footer = f'<a href="{escape_attribute(link)}">{label}</a>'
    mark = marked(message)
    fixed = [part for part in (header, tags, mark, footer) if part]
    separators = 2 * len(fixed)  # "\n\n" before each fixed part after the body
    room = limit - sum(cost(part) for part in fixed) - separators
    body, _ = fit_runs(body_runs(message), room, escape=escape, wrap=wrap, cost=cost)
    body = body.replace("</blockquote><blockquote>", "")  # one quote, not one per style run
    parts = [header, body.strip("\n"), tags, mark, footer]
    return "\n\n".join(part for part in parts if part.strip())


def chat_id(target: str) -> int | str:
    """A numeric chat id as int, a public ``@username`` as is."""
    stripped = target.strip()
    return int(stripped) if re.fullmatch(r"-?\d+", stripped) else stripped


def reply_chat(message: Message) -> str | None:
    """The member's own chat (``extra["reply_to"]`` or ``extra["to"]``) of a ``reply``."""
    if message.kind != "reply":
        return None
    raw = str(message.extra.get("reply_to") or message.extra.get("to") or "").strip()
    return raw or None


CALLBACK_ANSWER_MAX = 200
"""core.telegram.org/bots/api#answercallbackquery: ``text``, 0-200 characters."""


def inline_keyboard(message: Message) -> dict[str, Any] | None:
    """``extra["buttons"]`` (rows of ``[label, callback_data]``) as an InlineKeyboardMarkup."""
    rows = message.extra.get("buttons")
    if not rows:
        return None
    keyboard = [
        [{"text": str(text), "callback_data": str(data)} for text, data in row] for row in rows
    ]
    return {"inline_keyboard": keyboard}


def requests_for(
    message: Message, channel: ChannelInfo, limits: TelegramLimits = TELEGRAM
) -> list[ApiRequest]:
    """The Bot API calls that deliver ``message`` to ``channel``.

    A text post previews the item's own link (not whichever link the body
    mentions first).
    """
    own_chat = reply_chat(message)
    chat = chat_id(own_chat or channel.target)
    callback_query = message.extra.get("callback_query_id")
    if callback_query:  # the answer to a member's tap, shown on their screen for a moment
        answer = {"callback_query_id": str(callback_query)}
        if message.text:
            answer["text"] = shorten(message.text, CALLBACK_ANSWER_MAX, len)
        return [ApiRequest("POST", "/answerCallbackQuery", answer)]
    body: dict[str, Any]
    keyboard = inline_keyboard(message)
    markup = {"reply_markup": keyboard} if keyboard else {}
    if message.extra.get("markup_only") and message.edit_of is not None:
        body = {"chat_id": chat, "message_id": int(message.edit_of), **markup}
        return [ApiRequest("POST", "/editMessageReplyMarkup", body)]
    if is_retraction(message.kind, message.edit_of):  # every part of a thread
        return [
            ApiRequest("POST", "/deleteMessage", {"chat_id": chat, "message_id": int(part)})
            for part in part_ids(message.edit_of)
        ]
    photo = safe_link(message.image_url)
    text = render(message, limits.caption if photo else limits.text)
    link = safe_link(message.link)
    preview = {"link_preview_options": {"url": link}} if link else {}
    if message.edit_of is not None:
        target: dict[str, Any] = {"chat_id": chat, "message_id": int(message.edit_of)}
        if photo:
            body = {**target, "caption": text, "parse_mode": PARSE_MODE}
            return [ApiRequest("POST", "/editMessageCaption", body)]
        body = {**target, "text": text, "parse_mode": PARSE_MODE, **preview, **markup}
        return [ApiRequest("POST", "/editMessageText", body)]
    body = {"chat_id": chat}
    if channel.thread_id is not None and own_chat is None:
        body["message_thread_id"] = channel.thread_id
    if photo:
        body |= {"photo": photo, "caption": text, "parse_mode": PARSE_MODE}
        return [ApiRequest("POST", "/sendPhoto", body)]
    body |= {"text": text, "parse_mode": PARSE_MODE, **preview, **markup}
    return [ApiRequest("POST", "/sendMessage", body)]


def part_texts(message: Message, limits: TelegramLimits = TELEGRAM) -> list[str]:
    """A text post as one message or, past ``limits.text`` shown characters, a thread.

    The whole post is rendered (up to ``limits.thread_parts`` messages' worth, the hub's
    own cap for a short thread) and cut by :func:`bots.telegram.thread.split_html`.
    """
    whole = render(message, limits.text * limits.thread_parts)
    if shown_length(whole) <= limits.text:
        return [whole]
    return split_html(whole, limits.text)


def part_request(
    message: Message,
    channel: ChannelInfo,
    text: str,
    *,
    reply_to: str | None = None,
    edit: str | None = None,
) -> ApiRequest:
    """One part of a text post: sent as a reply to the part before, or edited in place."""
    own_chat = reply_chat(message)
    chat = chat_id(own_chat or channel.target)
    body: dict[str, Any] = {"chat_id": chat}
    if edit is not None:  # one part of a thread
        body |= {"message_id": int(edit), "text": text, "parse_mode": PARSE_MODE}
        return ApiRequest("POST", "/editMessageText", body | _preview(message, reply_to))
    if channel.thread_id is not None and own_chat is None:
        body["message_thread_id"] = channel.thread_id
    body |= {"text": text, "parse_mode": PARSE_MODE, **_preview(message, reply_to)}
    if reply_to is not None:
        body["reply_parameters"] = {"message_id": int(reply_to)}
    return ApiRequest("POST", "/sendMessage", body)


def _preview(message: Message, reply_to: str | None) -> dict[str, Any]:
    """The head of a thread previews the item's link; the parts after it preview nothing."""
    link = safe_link(message.link)
    if reply_to is not None or not link:
        return {"link_preview_options": {"is_disabled": True}} if link else {}
    return {"link_preview_options": {"url": link}}
