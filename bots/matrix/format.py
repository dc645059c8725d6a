"""Hub message -> Matrix Client-Server API requests (pure).

An item is one ``m.room.message`` of ``msgtype: m.text`` with a plain ``body`` and the
same in HTML (``format: org.matrix.custom.html``, ``formatted_body``), the title bold
and linked, tags last (matrix-org/matrix-spec, content/client-server-api/modules/
instant_messaging.md: m.text, and its list of HTML tags clients should accept).
An edit is an ``m.replace`` event: ``m.new_content`` holds the new message and the
outer content a ``* ``-prefixed fallback, ``m.relates_to`` names the ORIGINAL event
(content/client-server-api/modules/event_replacements.md). A retraction redacts the
original event (``PUT /rooms/{roomId}/redact/{eventId}/{txnId}``).

An item with a picture is two events: the text, then an ``m.image`` whose ``url`` is the
``mxc://`` URI the media repository gave the uploaded bytes, ``body`` the alt text and
``info`` its ``mimetype``, ``size``, ``w`` and ``h`` (modules/instant_messaging.md,
m.image); the image's transaction id is ``hub-<delivery id>-image``. The ledger keeps
both event ids, the text's first (``$text $image``): an edit replaces the text event, a
retraction redacts every event.

Every request carries a transaction id made from the hub's delivery id
(``hub-<delivery id>``): the homeserver answers a repeated PUT with the same
transaction id with the first event's id instead of sending again
(content/client-server-api/_index.md, Transaction identifiers), so a send in doubt
is simply sent again. The event must fit 65,536 bytes as canonical JSON with its
envelope (:class:`bots.limits.MatrixLimits`).
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import quote

from bots.api import ApiRequest, is_retraction
from bots.formatting import fit_runs, safe_link, shorten
from bots.limits import MATRIX, MatrixLimits
from bots.richtext import Run, runs_from_html, runs_from_text
from hub.core.ports import ChannelInfo, Message, Picture, thread_head

API = "/_matrix/client/v3"
HTML_FORMAT = "org.matrix.custom.html"
_TAGS = (("bold", "b"), ("italic", "i"), ("underline", "u"), ("strike", "del"))


def txn_id(message: Message, part: str = "") -> str:
    """The transaction id of a delivery (``part`` names its other events): the same on
    every retry of it."""
    return f"hub-{message.delivery_id}" + (f"-{part}" if part else "")


def image_content(content_uri: str, picture: Picture, fallback: str) -> dict[str, Any]:
    """The ``m.image`` event of an uploaded picture: ``body`` its alt text, ``info`` what a
    client needs to lay it out before downloading it."""
    alt = " ".join((picture.alt or fallback).split())
    return {
        "msgtype": "m.image",
        "body": shorten(alt, 1000) or "picture",
        "url": content_uri,
        "info": {
            "mimetype": picture.mime,
            "size": len(picture.data),
            "w": picture.width,
            "h": picture.height,
        },
    }


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _wrap(run: Run, text: str) -> str:
    if not text:
        return text
    for style, tag in _TAGS:
        if style in run.styles:
            text = f"<{tag}>{text}</{tag}>"
    url = safe_link(run.href)
    if url:
        text = f'<a href="{html.escape(url)}">{text}</a>'
    return text


def _size(content: dict[str, Any]) -> int:
    """Bytes of ``content`` as canonical JSON (sorted keys, no spaces, UTF-8)."""
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return len(encoded.encode())


def message_content(
    message: Message, limits: MatrixLimits = MATRIX, *, budget: int = 0
) -> dict[str, Any]:
    """The ``m.text`` content for ``message``, within ``budget`` bytes (default: one event)."""
    room = budget or limits.event_bytes - limits.envelope_bytes
    title = " ".join(message.title.split())
    link = safe_link(message.link)
    tags = " ".join(f"#{t}" for t in message.tags if t.strip())
    runs = runs_from_html(message.html) if message.html.strip() else runs_from_text(message.text)
    chars = limits.body
    while True:
        shown, _cut = fit_runs(runs, chars, escape=_escape, wrap=_wrap)
        plain, _cut = fit_runs(runs, chars, escape=str, wrap=lambda r, t: t)
        head = f"<b>{_escape(title)}</b>" if title else ""
        if head and link:
            head = f'<a href="{html.escape(link)}">{head}</a>'
        parts_html = [p for p in (head, shown.strip().replace("\n", "<br>")) if p]
        parts_text = [p for p in (title, plain.strip()) if p]
        if link:
            parts_text.append(link)
        if tags:
            parts_html.append(f"<i>{_escape(tags)}</i>")
            parts_text.append(tags)
        content = {
            "msgtype": "m.text",
            "body": "\n\n".join(parts_text) or shorten(message.text.strip(), 200) or "…",
            "format": HTML_FORMAT,
            "formatted_body": "<br><br>".join(parts_html) or _escape("…"),
        }
        if _size(content) <= room or chars <= 1:
            return content
        chars //= 2


def edit_content(message: Message, original: str, limits: MatrixLimits = MATRIX) -> dict[str, Any]:
    """An ``m.replace`` of ``original``: the new content, and a ``* `` fallback for clients
    without edits; both copies share one event, so each gets half of it."""
    half = (limits.event_bytes - limits.envelope_bytes) // 2 - 200
    new = message_content(message, limits, budget=half)
    return {
        "msgtype": "m.text",
        "body": "* " + str(new["body"]),
        "format": HTML_FORMAT,
        "formatted_body": "* " + str(new["formatted_body"]),
        "m.new_content": new,
        "m.relates_to": {"rel_type": "m.replace", "event_id": original},
    }


def room_path(channel: ChannelInfo) -> str:
    """``/_matrix/client/v3/rooms/{roomId}``, the room id percent-encoded as nio does."""
    return f"{API}/rooms/{quote(channel.target.strip(), safe='')}"


def requests_for(
    message: Message, channel: ChannelInfo, limits: MatrixLimits = MATRIX
) -> list[ApiRequest]:
    """One PUT: the message, its ``m.replace`` edit, or the original's redaction."""
    room, txn = room_path(channel), quote(txn_id(message), safe="")
    if is_retraction(message.kind, message.edit_of):
        event = quote(thread_head(str(message.edit_of)), safe="")
        reason = shorten(message.text.strip() or message.title.strip(), 500)
        body = {"reason": reason} if reason else {}
        return [ApiRequest("PUT", f"{room}/redact/{event}/{txn}", body)]
    if message.edit_of is not None:
        content = edit_content(message, thread_head(message.edit_of), limits)
    else:
        content = message_content(message, limits)
    return [ApiRequest("PUT", f"{room}/send/m.room.message/{txn}", content)]
