"""The Discord sink: httpx executing a channel webhook with what ``format`` builds.

``channel.target`` is the webhook's id and the secret its token (the two parts
of ``https://discord.com/api/webhooks/ID/TOKEN``); ``channel.base_url`` is the
API root (``https://discord.com/api/v10`` by default); ``channel.thread_id``
posts into a thread. A post uses ``?wait=true`` so Discord answers with the
message, whose id is the receipt. Errors are Discord's JSON
``{"code", "message"}`` bodies (developers/topics/opcodes-and-status-codes.mdx):
429 is ``RateLimited`` with the body's ``retry_after``
(developers/topics/rate-limits.mdx), a deleted message (10008) is deleted.

The item's picture is uploaded with the message, the way Discord documents it
(developers/reference.mdx, Uploading Files): a ``multipart/form-data`` body with the
JSON as ``payload_json`` and the file as ``files[0]``, which the embed shows as
``attachment://NAME``; an edit uploads it again, and the PATCH's ``attachments`` lists
only it, so the old file is replaced (or, with no picture, removed). A picture that cannot
be fitted within Discord's 10 MiB, or that Discord refuses (``40005 Request entity too
large``, a ``50035`` about the file), leaves the post as text, and the receipt's note
says why.
Webhook messages carry no nonce the hub could look up, so a send in doubt is
sent again. The token is never in an error or a log line.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, ClassVar

import httpx

from bots.api import ApiRequest, is_retraction
from bots.discord.format import TOKEN, Attachment, attachment_for, requests_for
from bots.formatting import fetchable_image, with_hub_picture
from bots.http_errors import error_for, network_error
from bots.limits import DISCORD, DISCORD_IMAGE
from hub.core.errors import BadPayload, ChannelGone, Forbidden
from hub.core.picture_links import PictureAddress
from hub.core.pictures import PictureRefused, fit
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit, Receipt

API = "https://discord.com/api/v10"
UNKNOWN_MESSAGE = 10008
ENTITY_TOO_LARGE = 40005
INVALID_FORM_BODY = 50035
_WEBHOOK_TOKEN = re.compile(r"(/webhooks/\d+/)[^/?#\s\"']+")


class RedactWebhookTokens(logging.Filter):
    """Hide webhook tokens in log records: httpx logs every request's URL, and a
    webhook's URL carries its token (``/webhooks/ID/TOKEN``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _WEBHOOK_TOKEN.sub(r"\1<redacted>", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def _install_redaction() -> None:
    # Filters do not apply to records from child loggers: each URL-writing logger is named.
    for name in ("httpx", "httpcore.http11", "httpcore.connection"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactWebhookTokens) for f in logger.filters):
            logger.addFilter(RedactWebhookTokens())


class DiscordSink:
    """Posts embeds through one Discord webhook."""

    platform: ClassVar[str] = "discord"

    def __init__(
        self,
        channel: ChannelInfo,
        token: str,
        *,
        timeout: float = 15.0,
        wall_clock: Callable[[], float] = time.time,
        transport: httpx.AsyncBaseTransport | None = None,
        picture_url: PictureAddress | None = None,
    ) -> None:
        self._picture_url = picture_url
        if not channel.target.strip().isdigit():
            raise ChannelGone(f"channel {channel.key}: a Discord webhook id is a number")
        self.channel = channel
        self.base_url = (channel.base_url or API).rstrip("/")
        self._token = token
        self._key = hashlib.sha256(f"{channel.target}:{token}".encode()).hexdigest()[:16]
        self._wall_clock = wall_clock
        _install_redaction()
        self.client = httpx.AsyncClient(timeout=timeout, transport=transport)

    async def start(self) -> None:
        """Nothing to check ahead: a wrong token shows as Forbidden on the first send."""

    async def send(self, message: Message) -> Receipt:
        """Post, edit or delete the webhook's message; the receipt is the message id.

        A post or an edit with the item's picture uploads it beside the body; a picture
        that cannot be fitted or that Discord refuses leaves the message as text, with the
        reason in the receipt's note.
        """
        upload, note = None, None
        # an embed that names an address names the hub's checked copy, not the stranger's
        linked = with_hub_picture(message, self._picture_url)
        shown = linked is not message and fetchable_image(linked.image_url) is not None
        message = linked
        if message.picture is not None and not is_retraction(message.kind, message.edit_of):
            upload, note = await self._fitted(message.picture)
        attachment = attachment_for(upload.mime, upload.alt) if upload else None
        receipt = Receipt(message.edit_of or "")
        for request in requests_for(message, self.channel, attachment=attachment):
            try:
                receipt = await self._call(request, message, upload, attachment)
            except FileRefused as exc:
                [as_text] = requests_for(message, self.channel)
                receipt = await self._call(as_text, message)
                note = f"{exc}: the picture was refused, sent as text"
        if note and shown:
            note += " (the embed shows the hub's copy from its public address)"
        return replace(receipt, note=note) if note else receipt

    async def _fitted(self, picture: Picture) -> tuple[Picture | None, str | None]:
        try:
            return await asyncio.to_thread(fit, picture, DISCORD_IMAGE), None
        except PictureRefused as exc:
            return None, f"{exc}; sent as text"

    async def _call(
        self,
        request: ApiRequest,
        message: Message,
        upload: Picture | None = None,
        attachment: Attachment | None = None,
    ) -> Receipt:
        url = self.base_url + request.path.replace(TOKEN, self._token)
        try:
            if request.method == "DELETE":
                response = await self.client.request(request.method, url)
            elif upload is not None and attachment is not None:
                response = await self.client.request(
                    request.method,
                    url,
                    data={"payload_json": json.dumps(request.body, ensure_ascii=False)},
                    files={"files[0]": (attachment.filename, upload.data, upload.mime)},
                )
            else:
                response = await self.client.request(request.method, url, json=request.body)
        except httpx.HTTPError as exc:
            raise network_error(exc, "Discord") from None
        answer = _json(response)
        if response.is_success:
            if request.method == "DELETE":
                return Receipt(message.edit_of or "")
            found = answer.get("id")
            if not isinstance(found, str) or not found:
                raise BadPayload("Discord answered without a message id")
            return Receipt(found)
        if request.method == "DELETE" and answer.get("code") == UNKNOWN_MESSAGE:
            return Receipt(message.edit_of or "")  # already deleted is deleted
        detail = str(answer.get("message") or "")[:200]
        code = answer.get("code")
        if code is not None:
            detail = f"{detail} (code {code})"
        error = error_for(response, "Discord", self._wall_clock, detail)
        about_file = response.status_code == 413 or _about_the_file(answer)
        if upload is not None and isinstance(error, BadPayload) and about_file:
            raise FileRefused(str(error)) from None
        raise error

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """One budget per webhook, which Discord limits as a whole."""
        return [RateLimit(f"discord:{self._key}", DISCORD.per_webhook_per_second, DISCORD.burst)]

    async def close(self) -> None:
        await self.client.aclose()


class FileRefused(BadPayload):
    """Discord refused the message because of its uploaded file (the text alone may pass)."""


def _about_the_file(answer: dict[str, Any]) -> bool:
    """Whether Discord's error names the upload: too large (40005), or a form error under
    ``attachments``, ``files[0]`` or an embed's ``image``."""
    if answer.get("code") == ENTITY_TOO_LARGE:
        return True
    errors = json.dumps(answer.get("errors") or {})
    return answer.get("code") == INVALID_FORM_BODY and any(
        key in errors for key in ('"attachments"', '"files[0]"', '"image"')
    )


def _json(response: httpx.Response) -> dict[str, Any]:
    if response.status_code == 204 or not response.content:
        return {}
    try:
        found = response.json()
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def discord_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> DiscordSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the webhook's token;
    ``picture_url`` gives the public address of the hub's copy of a picture, if any."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Discord webhook token configured")
    return DiscordSink(channel, secret, picture_url=picture_url)
