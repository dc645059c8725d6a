"""The Discord sink: httpx executing a channel webhook with what ``format`` builds.

``channel.target`` is the webhook's id and the secret its token (the two parts
of ``https://discord.com/api/webhooks/ID/TOKEN``); ``channel.base_url`` is the
API root (``https://discord.com/api/v10`` by default); ``channel.thread_id``
posts into a thread. A post uses ``?wait=true`` so Discord answers with the
message, whose id is the receipt. Errors are Discord's JSON
``{"code", "message"}`` bodies (developers/topics/opcodes-and-status-codes.mdx):
429 is ``RateLimited`` with the body's ``retry_after``
(developers/topics/rate-limits.mdx), a deleted message (10008) is deleted.
Webhook messages carry no nonce the hub could look up, so a send in doubt is
sent again. The token is never in an error or a log line.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable
from typing import Any, ClassVar

import httpx

from bots.api import ApiRequest
from bots.discord.format import TOKEN, requests_for
from bots.http_errors import error_for, network_error
from bots.limits import DISCORD
from hub.core.errors import BadPayload, ChannelGone, Forbidden
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt

API = "https://discord.com/api/v10"
UNKNOWN_MESSAGE = 10008
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
    ) -> None:
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
        """Post, edit or delete the webhook's message; the receipt is the message id."""
        receipt = Receipt(message.edit_of or "")
        for request in requests_for(message, self.channel):
            receipt = await self._call(request, message)
        return receipt

    async def _call(self, request: ApiRequest, message: Message) -> Receipt:
        url = self.base_url + request.path.replace(TOKEN, self._token)
        body = request.body if request.method != "DELETE" else None
        try:
            response = await self.client.request(request.method, url, json=body)
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
        raise error_for(response, "Discord", self._wall_clock, detail)

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """One budget per webhook, which Discord limits as a whole."""
        return [RateLimit(f"discord:{self._key}", DISCORD.per_webhook_per_second, DISCORD.burst)]

    async def close(self) -> None:
        await self.client.aclose()


def _json(response: httpx.Response) -> dict[str, Any]:
    if response.status_code == 204 or not response.content:
        return {}
    try:
        found = response.json()
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def discord_sink(channel: ChannelInfo, secret: str | None) -> DiscordSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the webhook's token."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Discord webhook token configured")
    return DiscordSink(channel, secret)
