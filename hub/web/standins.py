"""What each platform stand-in received, shown as the platform would show it.

The demo hands the console a mapping ``platform -> stand-in``. A stand-in
that follows :class:`hub.core.ports.StandIn` gives its ``posts()`` with the
platform's rich text already turned into HTML by the platform module; older
shapes are read through ``messages()`` (in-process) or over HTTP at
``<base_url>/_standin/messages``; one that only records requests
(``received``, like the Mailchimp stand-in) is listed as requests. Nothing
from ``bots/`` is imported: the shapes are read as plain data.

Raw Slack messages are rendered from their blocks (header in bold, mrkdwn
text, links), raw Telegram messages from their HTML. Whatever the source,
the HTML goes through the hub's sanitiser before reaching the page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from markupsafe import Markup
from starlette.responses import Response

from hub.web.i18n import _, format_when
from hub.web.page import Page
from hub.web.render import sanitised, slack_mrkdwn

SHOWN = 50


@dataclass
class ShownMessage:
    """One message as the console shows it."""

    where: str
    when: str
    body: Markup
    note: str = ""


@dataclass
class StandInView:
    platform: str
    base_url: str | None
    messages: list[ShownMessage] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    error: str | None = None


def _plain(value: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return dict(value) if isinstance(value, Mapping) else {"text": str(value)}


def _base_url(standin: Any) -> str | None:
    for name in ("base_url", "url"):
        value = getattr(standin, name, None)
        if isinstance(value, str) and value:
            return value
    return None


def slack_body(message: Mapping[str, Any]) -> Markup:
    """A Slack message's blocks as HTML: header bold, sections as mrkdwn, context small."""
    parts: list[str] = []
    for block in message.get("blocks") or []:
        kind = block.get("type") if isinstance(block, Mapping) else None
        if kind == "header":
            parts.append(
                f"<p><strong>{html.escape(str(block['text'].get('text', '')))}</strong></p>"
            )
        elif kind == "section" and isinstance(block.get("text"), Mapping):
            parts.append(f"<p>{slack_mrkdwn(str(block['text'].get('text', '')))}</p>")
        elif kind == "context":
            texts = [
                str(e.get("text", "")) for e in block.get("elements", []) if isinstance(e, Mapping)
            ]
            parts.append(f"<p><small>{slack_mrkdwn(' '.join(texts))}</small></p>")
        elif kind == "image":
            parts.append(
                f"<p><small>[image: {html.escape(str(block.get('alt_text', '')))}]</small></p>"
            )
        elif kind == "divider":
            parts.append("<hr>")
    if not parts:
        parts.append(f"<p>{slack_mrkdwn(str(message.get('text', '')))}</p>")
    return sanitised("".join(parts))


def telegram_body(message: Mapping[str, Any]) -> Markup:
    """A Telegram message's HTML (or text), sanitised; line breaks kept by the stylesheet."""
    if message.get("html"):
        return sanitised(str(message["html"]))
    return Markup(html.escape(str(message.get("text", ""))))


def _when(value: Any) -> str:
    if isinstance(value, int | float) and value > 1_000_000:
        return format_when(dt.datetime.fromtimestamp(value, dt.UTC), dt.UTC) + " UTC"
    if isinstance(value, str):
        try:
            return _when(float(value))
        except ValueError:
            return value
    return ""


def shown_message(platform: str, message: Mapping[str, Any]) -> ShownMessage:
    if platform == "slack":
        return ShownMessage(
            str(message.get("channel", "")), _when(message.get("ts")), slack_body(message)
        )
    if platform == "telegram":
        note = "photo" if message.get("photo") else ""
        return ShownMessage(
            str(message.get("chat_id", "")),
            _when(message.get("date")),
            telegram_body(message),
            note,
        )
    text = message.get("text") or message.get("html") or message
    return ShownMessage(str(message.get("channel", "")), "", Markup(html.escape(str(text))))


def _shown_post(post: Mapping[str, Any]) -> ShownMessage:
    body = (
        sanitised(post["html"]) if post.get("html") else Markup(html.escape(post.get("text", "")))
    )
    note = "edited" if post.get("edited") else ""
    when = f"message {post['message_id']}" if post.get("message_id") else ""
    return ShownMessage(str(post.get("channel", "")), when, body, note)


def read_standin(platform: str, standin: Any) -> StandInView:
    """What one stand-in holds, newest first; a stand-in that does not answer says so."""
    view = StandInView(platform, _base_url(standin))
    try:
        raw: list[Any] | None = None
        if callable(getattr(standin, "posts", None)):
            posts = [_plain(p) for p in standin.posts()]
            view.messages = [
                _shown_post(p) for p in reversed(posts[-SHOWN:]) if not p.get("deleted")
            ]
            return view
        if callable(getattr(standin, "messages", None)):
            raw = list(standin.messages())
        elif view.base_url and not hasattr(standin, "received"):
            response = httpx.get(f"{view.base_url}/_standin/messages", timeout=3.0)
            response.raise_for_status()
            raw = list(response.json())
        if raw is not None:
            messages = [_plain(m) for m in raw]
            messages = [m for m in messages if not m.get("deleted")]
            view.messages = [shown_message(platform, m) for m in reversed(messages[-SHOWN:])]
        for request in list(getattr(standin, "received", []) or [])[-SHOWN:][::-1]:
            data = _plain(request)
            words = [str(data.get(k, "")) for k in ("method", "path", "status") if k in data]
            view.requests.append(" ".join(words))
    except (httpx.HTTPError, ValueError, TypeError, AttributeError, KeyError) as exc:
        view.error = _("could not read the stand-in: %(error)s") % {"error": type(exc).__name__}
    return view


def standins_page(page: Page) -> Response:
    views = [read_standin(p, s) for p, s in sorted(page.console.standins.items())]
    return page.render("standins.html", views=views)
