"""Hub message -> the signed webhook's JSON event (pure); the contract is in ``__init__``."""

from __future__ import annotations

import base64
import json
from urllib.parse import urlsplit

from bots.api import ApiRequest, is_retraction
from bots.formatting import machine_mark, safe_link, shorten
from bots.limits import WEBHOOK, WebhookLimits
from hub.core.pictures import PictureLimits
from hub.core.ports import ChannelInfo, Message, Picture

CREATED, UPDATED, DELETED = "message.created", "message.updated", "message.deleted"


def message_id(message: Message) -> str:
    """The id the receiver knows the message by: the first delivery's, kept by edits."""
    return message.edit_of or f"hub-{message.delivery_id}"


def encoded(body: dict[str, object]) -> bytes:
    """The exact bytes sent and signed: compact JSON in UTF-8."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def picture_limits(limits: WebhookLimits = WEBHOOK) -> PictureLimits:
    """The copy of the item's picture an event carries (the sink fits it)."""
    return PictureLimits(max_bytes=limits.picture_bytes, max_side=limits.picture_side)


def picture_field(picture: Picture | None, url: str | None = None) -> dict[str, object] | None:
    """The event's ``picture``: the copy's facts and its bytes in base64, and ``url``, the
    full-size picture's public address on the hub, when the hub has one."""
    if picture is None:
        return None
    field: dict[str, object] = {
        "content_type": picture.mime,
        "width": picture.width,
        "height": picture.height,
        "alt": picture.alt,
        "bytes": len(picture.data),
        "data": base64.b64encode(picture.data).decode("ascii"),
    }
    if url:
        field["url"] = url
    return field


def event(
    message: Message,
    channel: ChannelInfo,
    limits: WebhookLimits = WEBHOOK,
    picture: Picture | None = None,
    picture_url: str | None = None,
) -> dict[str, object]:
    """The event for ``message``, at most ``limits.body_bytes`` once encoded; ``picture``
    is the copy of the item's picture fitted to :func:`picture_limits`, ``picture_url``
    the public address of the hub's full-size copy (``[hub] public_url``), if any."""
    base: dict[str, object] = {
        "event": DELETED,
        "id": message_id(message),
        "delivery_id": message.delivery_id,
        "channel": channel.key,
    }
    if is_retraction(message.kind, message.edit_of):
        return base
    body = base | {
        "event": UPDATED if message.edit_of else CREATED,
        "kind": message.kind,
        "title": shorten(message.title, 1000),
        "text": shorten(message.text, limits.text),
        "html": message.html if len(message.html) <= limits.text else "",
        "link": safe_link(message.link),
        "image_url": safe_link(message.image_url),
        "language": message.language,
        "tags": list(message.tags),
        "machine_translated": _machine(message),
        "picture": picture_field(picture, picture_url),
    }
    room = limits.body_bytes
    while len(encoded(body)) > room and len(str(body["text"])) > 1:
        body["html"] = ""
        text = str(body["text"])
        body["text"] = shorten(text, len(text) // 2)
    return body


def _machine(message: Message) -> dict[str, object] | None:
    mark = machine_mark(message)
    if mark is None:
        return None
    return {"from": message.machine_from, "label": mark.text, "original_link": mark.link}


def path_of(channel: ChannelInfo) -> str:
    """The target URL's path and query (the host comes from the URL or ``base_url``)."""
    parts = urlsplit(channel.target.strip())
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def requests_for(
    message: Message,
    channel: ChannelInfo,
    limits: WebhookLimits = WEBHOOK,
    picture: Picture | None = None,
    picture_url: str | None = None,
) -> list[ApiRequest]:
    """One POST of the event to the receiver."""
    body = event(message, channel, limits, picture, picture_url)
    return [ApiRequest("POST", path_of(channel), body)]
