"""Hub message -> a Teams webhook's Adaptive Card (pure).

The body Microsoft documents for sending a card through an incoming webhook or a
Workflows "post to a channel when a webhook request is received" flow:
``{"type": "message", "attachments": [{"contentType":
"application/vnd.microsoft.card.adaptive", "contentUrl": null, "content": CARD}]}``
(learn.microsoft.com, microsoftteams/platform/webhooks-and-connectors/how-to/
connectors-using, Send Adaptive Cards using an incoming webhook). The card: the title
as a bold ``TextBlock``, the text in the card's Markdown (bold, italics, links; the
rest escaped), the tags, the picture as an ``Image`` (the hub's small copy inline as a
``data:`` URI, :func:`data_uri`, or the item's own public address) and "Read more" as an
``Action.OpenUrl`` (adaptivecards.io, schema 1.4, which Teams renders). The whole
payload stays within 28 KB (:class:`bots.limits.TeamsLimits`). The webhook's URL is
the secret: paths carry ``{webhook_url}`` and the sink fills it in.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from bots.api import ApiRequest
from bots.formatting import fit_runs, read_more_label, safe_link, shorten
from bots.limits import TEAMS, TeamsLimits
from bots.richtext import Run, runs_from_html, runs_from_text
from hub.core.ports import Message, Picture

WEBHOOK_URL = "{webhook_url}"
CARD_TYPE = "application/vnd.microsoft.card.adaptive"
_INLINE = re.compile(r"([\\*_~`\[\]<>])")
_LINE_START = re.compile(r"^(\s*)([#>\-+]|\d+\.)", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """``text`` shown as typed in a TextBlock's Markdown (CommonMark backslash escapes)."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _INLINE.sub(r"\\\1", text))


def _wrap(run: Run, text: str) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if "bold" in run.styles:
        core = f"**{core}**"
    if "italic" in run.styles:
        core = f"_{core}_"
    url = safe_link(run.href)
    if url:
        core = f"[{core}]({url.replace(')', '%29').replace(' ', '%20')})"
    return lead + core + trail


def encoded(payload: dict[str, Any]) -> bytes:
    """The bytes the sink posts (compact UTF-8 JSON), which the 28 KB counts."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def data_uri(picture: Picture) -> str:
    """The picture inline, as an Image's ``url`` may be (Adaptive Cards 1.2+)."""
    return f"data:{picture.mime};base64," + base64.b64encode(picture.data).decode("ascii")


def card(
    message: Message, chars: int, inline: Picture | None = None, picture_url: str | None = None
) -> dict[str, Any]:
    """The Adaptive Card with at most ``chars`` characters of the item's text, and the
    ``inline`` copy of its picture, else the hub's copy at its public ``picture_url``
    (which Teams fetches), else the item's image address, if public."""
    title = shorten(" ".join(message.title.split()), 500)
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    text, _cut = fit_runs(runs, chars, escape=escape_markdown, wrap=_wrap)
    body: list[dict[str, Any]] = []
    if title:
        body.append(
            {"type": "TextBlock", "text": title, "weight": "Bolder", "size": "Medium", "wrap": True}
        )
    if text.strip():
        body.append({"type": "TextBlock", "text": text.strip(), "wrap": True})
    tags = " ".join(f"#{t}" for t in message.tags if t.strip())
    if tags:
        body.append(
            {"type": "TextBlock", "text": escape_markdown(tags), "isSubtle": True, "wrap": True}
        )
    image = (
        data_uri(inline)
        if inline is not None
        else safe_link(picture_url) or safe_link(message.image_url)
    )
    if image:
        described = inline or (message.picture if picture_url else None)
        alt = (described.alt if described is not None else "") or title or ""
        body.append({"type": "Image", "url": image, "altText": alt, "size": "Stretch"})
    if not body:
        body.append({"type": "TextBlock", "text": "…", "wrap": True})
    content: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    link = safe_link(message.link)
    if link:
        label = read_more_label(message.language)
        content["actions"] = [{"type": "Action.OpenUrl", "title": label, "url": link}]
    return content


def payload(
    message: Message,
    limits: TeamsLimits = TEAMS,
    inline: Picture | None = None,
    picture_url: str | None = None,
) -> dict[str, Any]:
    """The webhook's body, within ``limits.payload_bytes`` once encoded (the text is
    shortened to make room; see :func:`fits`)."""
    chars = limits.body
    while True:
        content = card(message, chars, inline, picture_url)
        found = {
            "type": "message",
            "attachments": [{"contentType": CARD_TYPE, "contentUrl": None, "content": content}],
        }
        if len(encoded(found)) <= limits.payload_bytes or chars <= 1:
            return found
        chars //= 2


def fits(body: dict[str, Any], limits: TeamsLimits = TEAMS) -> bool:
    return len(encoded(body)) <= limits.payload_bytes


def requests_for(
    message: Message, limits: TeamsLimits = TEAMS, inline: Picture | None = None
) -> list[ApiRequest]:
    """One POST of the card; nothing for a correction or a retraction, which a webhook
    cannot make (the sink refuses them). A card whose inline picture leaves it over the
    limit even with its text shortened goes without the picture."""
    if message.edit_of is not None:
        return []
    body = payload(message, limits, inline)
    if inline is not None and not fits(body, limits):
        body = payload(message, limits)
    return [ApiRequest("POST", WEBHOOK_URL, body)]
