"""The Apprise sink: the ``apprise`` library notifying one Apprise URL.

The secret is the Apprise URL (``ntfys://TOKEN@ntfy.sh/topic``, ``gotify://host/TOKEN``,
``json://host/path``, ... see github.com/caronc/apprise/wiki); ``channel.target``
names the channel for people, and ``channel.base_url`` is not used (the URL says
where). A URL Apprise cannot read stops the channel (``ChannelGone``).

Apprise answers a notification with success or failure, not with the service's
status; its plugins log the status (``error=429``, ``error=404``), which the sink
reads from the call's captured logs: 429 is ``RateLimited`` (a minute: Apprise passes
on no wait), 401/403 ``Forbidden``, 404/410 ``ChannelGone``, another 4xx
``BadPayload``; anything else, a 5xx, a connection error or a timeout, is transient.
Apprise's own throttling (a sleep between requests in many plugins) is turned off:
the hub's limiter paces the sends by the budget the sink declares.

Send-only: a notification cannot be edited or withdrawn, and a sent one cannot be
looked up, so a correction or a retraction is refused with words, and a send in doubt
is sent again.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, ClassVar

import apprise

from bots.apprise.format import requests_for
from bots.http_errors import DEFAULT_WAIT, status_error
from bots.limits import APPRISE
from hub.core.errors import (
    BadPayload,
    ChannelGone,
    DeliveryError,
    Forbidden,
    RateLimited,
    Timeout,
    TransientError,
)
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt

_STATUS = re.compile(r"error=(\d{3})\b")


def failure(result: Any) -> DeliveryError:
    """The hub error for a failed notification, from the status its plugin logged."""
    if getattr(result, "timeout_count", 0):
        return Timeout("the Apprise service did not answer in time")
    said = ""
    for entry in result.logs() if hasattr(result, "logs") else ():
        if entry.level in ("WARNING", "ERROR"):
            said = str(entry.message)
    found = _STATUS.search(said)
    words = f"Apprise could not notify: {said[:200]}" if said else "Apprise could not notify"
    if found is None:
        return TransientError(words)
    status = int(found.group(1))
    if status == 429:
        return RateLimited(DEFAULT_WAIT, words)
    return status_error(status, words)


class AppriseSink:
    """Notifies through one Apprise URL."""

    platform: ClassVar[str] = "apprise"

    def __init__(self, channel: ChannelInfo, url: str, *, timeout: float = 15.0) -> None:
        self.channel = channel
        self.timeout = timeout
        self._key = hashlib.sha256(url.encode()).hexdigest()[:16]
        self._apprise = apprise.Apprise()
        if not self._apprise.add(url):
            raise ChannelGone(
                f"channel {channel.key}: Apprise cannot read its URL (an unknown scheme or a"
                " missing part; see github.com/caronc/apprise/wiki)"
            )
        for service in self._apprise:
            service.request_rate_per_sec = 0  # the hub's limiter paces, Apprise must not sleep
            service.socket_read_timeout = timeout

    async def start(self) -> None:
        """Nothing to check ahead: most services can only be tried by notifying."""

    async def send(self, message: Message) -> Receipt:
        """Notify; the receipt is the hub's id for it (services return none through Apprise)."""
        if message.edit_of is not None:
            raise BadPayload(
                "an Apprise notification cannot be edited or withdrawn: this channel is"
                " send-only, what was sent stays as it was"
            )
        [request] = requests_for(message)
        result = await self._apprise.async_notify(
            body=request.body["body"],
            title=request.body["title"],
            body_format=apprise.NotifyFormat.TEXT,
            timeout=self.timeout,
        )
        if not result:
            raise failure(result)
        return Receipt(f"apprise-{message.delivery_id}")

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """One budget per Apprise URL: the hub's own modest pace (services' limits vary)."""
        return [RateLimit(f"apprise:{self._key}", APPRISE.per_second, APPRISE.burst)]

    async def close(self) -> None:
        self._apprise.clear()


def apprise_sink(channel: ChannelInfo, secret: str | None) -> AppriseSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the Apprise URL."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Apprise URL configured")
    return AppriseSink(channel, secret)
