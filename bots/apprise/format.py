"""Hub message -> one Apprise notification (pure): a title and a plain-text body.

Plain text, because Apprise converts the body to what each service takes and plain
text converts everywhere; the body is the item's text cut at a word boundary
(:class:`bots.limits.AppriseLimits`), then its link and its tags. Apprise cuts further
for services with smaller limits (each plugin's ``body_maxlen``). The Apprise URL is the
secret (it usually holds a token): requests carry ``{apprise_url}``.
"""

from __future__ import annotations

from bots.api import ApiRequest
from bots.formatting import safe_link, shorten
from bots.limits import APPRISE, AppriseLimits
from bots.richtext import plain_text, runs_from_html
from hub.core.ports import Message

APPRISE_URL = "{apprise_url}"


def notification(message: Message, limits: AppriseLimits = APPRISE) -> dict[str, str]:
    """``title``, ``body`` and ``body_format`` as ``Apprise.notify`` takes them."""
    text = plain_text(runs_from_html(message.html)) if message.html.strip() else message.text
    parts = [shorten(text.strip(), limits.body)]
    link = safe_link(message.link)
    if link:
        parts.append(link)
    tags = " ".join(f"#{t}" for t in message.tags if t.strip())
    if tags:
        parts.append(tags)
    title = shorten(" ".join(message.title.split()), 250)
    body = "\n\n".join(p for p in parts if p) or title or "…"
    return {"title": title, "body": body, "body_format": "text"}


def requests_for(message: Message, limits: AppriseLimits = APPRISE) -> list[ApiRequest]:
    """One notification; nothing for a correction or a retraction (the sink refuses them)."""
    if message.edit_of is not None:
        return []
    return [ApiRequest("NOTIFY", APPRISE_URL, notification(message, limits))]
