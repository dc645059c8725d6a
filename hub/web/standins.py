"""What each platform stand-in received, shown as the platform would show it.

The demo hands the console a mapping ``platform -> stand-in``. A stand-in
follows :class:`hub.core.ports.StandIn`: its ``posts()`` come with the
platform's rich text already turned into HTML by the platform module, so the
console knows no platform's message format; one that also records requests
(``received``, like the Mailchimp stand-in) has them listed. The HTML goes
through the hub's sanitiser before reaching the page.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from starlette.responses import Response

from hub.web.i18n import _
from hub.web.page import Page
from hub.web.render import sanitised

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


def _shown_post(post: Mapping[str, Any]) -> ShownMessage:
    body = (
        sanitised(post["html"]) if post.get("html") else Markup(html.escape(post.get("text", "")))
    )
    notes = ["edited"] if post.get("edited") else []
    if post.get("picture"):  # as the platform decoded the upload (``1200×800 JPEG``)
        notes.append(_("picture: %(picture)s") % {"picture": post["picture"]})
    note = " · ".join(notes)
    when = f"message {post['message_id']}" if post.get("message_id") else ""
    return ShownMessage(str(post.get("channel", "")), when, body, note)


def read_standin(platform: str, standin: Any) -> StandInView:
    """What one stand-in holds, newest first; a stand-in that does not answer says so."""
    view = StandInView(platform, _base_url(standin))
    try:
        posts = [_plain(p) for p in standin.posts()]
        view.messages = [_shown_post(p) for p in reversed(posts[-SHOWN:]) if not p.get("deleted")]
        for request in list(getattr(standin, "received", []) or [])[-SHOWN:][::-1]:
            data = _plain(request)
            words = [str(data.get(k, "")) for k in ("method", "path", "status") if k in data]
            view.requests.append(" ".join(words))
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        view.error = _("could not read the stand-in: %(error)s") % {"error": type(exc).__name__}
    return view


def standins_page(page: Page) -> Response:
    views = [read_standin(p, s) for p, s in sorted(page.console.standins.items())]
    return page.render("standins.html", views=views)
