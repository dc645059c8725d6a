"""The signed webhook sink: httpx posting the events ``format`` builds, signed.

``channel.target`` is the receiver's URL; ``channel.base_url``, when set, takes
the place of its scheme and host (the demo points it at the stand-in). The
secret is the HMAC key. Errors follow the contract of :mod:`bots.webhook`
through :mod:`bots.http_errors`: 429 waits its ``Retry-After``, 5xx is retried,
other 4xx is final. Every retry of a delivery carries the same
``X-Hub-Delivery`` and the same message id, so a send in doubt is simply sent
again and the receiver drops the repeat.

The item's picture travels in the event (``picture``, see :mod:`bots.webhook`): the hub's
copy fitted within 96 KiB and 1600 pixels a side. One that cannot be fitted leaves
``picture`` null, and the receipt's note says why.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar
from urllib.parse import urlsplit

import httpx

from bots.api import is_retraction
from bots.http_errors import error_for, network_error
from bots.limits import WEBHOOK
from bots.webhook.format import encoded, message_id, picture_limits, requests_for
from hub.core.errors import ChannelGone, Forbidden
from hub.core.picture_links import PictureAddress
from hub.core.pictures import PictureRefused, fit
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit, Receipt

SIGNATURE = "X-Hub-Signature-256"
TIMESTAMP = "X-Hub-Timestamp"
DELIVERY = "X-Hub-Delivery"
EVENT = "X-Hub-Event"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 of ``<timestamp>.<body>`` with the channel's secret."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def origin_of(channel: ChannelInfo) -> str:
    """``scheme://host[:port]`` of the receiver: ``base_url`` or the target's own."""
    if channel.base_url:
        return channel.base_url.rstrip("/")
    parts = urlsplit(channel.target.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ChannelGone(f"channel {channel.key}: the webhook target is not an http(s) URL")
    return f"{parts.scheme}://{parts.netloc}"


class WebhookSink:
    """Posts signed JSON events to one receiver."""

    platform: ClassVar[str] = "webhook"

    def __init__(
        self,
        channel: ChannelInfo,
        secret: str,
        *,
        timeout: float = 15.0,
        wall_clock: Callable[[], float] = time.time,
        transport: httpx.AsyncBaseTransport | None = None,
        picture_url: PictureAddress | None = None,
    ) -> None:
        self.channel = channel
        self.origin = origin_of(channel)
        self._picture_url = picture_url
        self._secret = secret
        self._wall_clock = wall_clock
        self._key = hashlib.sha256(self.origin.encode()).hexdigest()[:16]
        self.client = httpx.AsyncClient(
            timeout=timeout, transport=transport, follow_redirects=False
        )

    async def start(self) -> None:
        """Nothing to check ahead: the receiver answers the first event."""

    async def send(self, message: Message) -> Receipt:
        """Post the event; the receipt is the receiver's id for it, or the hub's."""
        copy: Picture | None = None
        note, url = None, None
        if message.picture is not None and not is_retraction(message.kind, message.edit_of):
            try:
                copy = await asyncio.to_thread(fit, message.picture, picture_limits())
            except PictureRefused as exc:
                note = f"{exc}; the event went without the picture"
            if copy is not None and self._picture_url is not None:
                url = self._picture_url(message.picture)
        request = requests_for(message, self.channel, picture=copy, picture_url=url)[0]
        body = encoded(request.body)
        timestamp = str(int(self._wall_clock()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "iopd-hub-webhook/1",
            EVENT: str(request.body["event"]),
            DELIVERY: str(message.delivery_id),
            TIMESTAMP: timestamp,
            SIGNATURE: signature(self._secret, timestamp, body),
        }
        try:
            response = await self.client.post(
                self.origin + request.path, content=body, headers=headers
            )
        except httpx.HTTPError as exc:
            raise network_error(exc, "the webhook receiver") from None
        if not response.is_success:
            detail = response.text[:200].strip() if response.content else ""
            raise error_for(response, "the webhook receiver", self._wall_clock, detail)
        receipt = Receipt(_answered_id(response) or message_id(message))
        return replace(receipt, note=note) if note else receipt

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """One budget per receiver host."""
        return [RateLimit(f"webhook:{self._key}", WEBHOOK.per_receiver_per_second, WEBHOOK.burst)]

    async def close(self) -> None:
        await self.client.aclose()


def _answered_id(response: httpx.Response) -> str | None:
    try:
        found = response.json() if response.content else None
    except ValueError:
        return None
    value = found.get("id") if isinstance(found, dict) else None
    return str(value) if isinstance(value, (str, int)) and str(value).strip() else None


def webhook_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> WebhookSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` signs every event;
    ``picture_url`` gives the public address of the hub's copy of a picture, if any."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no webhook signing secret configured")
    return WebhookSink(channel, secret, picture_url=picture_url)
