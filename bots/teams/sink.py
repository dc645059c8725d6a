"""The Microsoft Teams sink: httpx posting the Adaptive Card ``format`` builds.

The secret is the webhook's whole URL (an incoming webhook's
``https://TENANT.webhook.office.com/webhookb2/...`` or a Workflows trigger's
``https://...logic.azure.com/workflows/.../paths/invoke?...&sig=...``): whoever has it
can post, so it never appears in an error or a log line. ``channel.target`` names the
channel for people; ``channel.base_url``, when set, takes the place of the URL's scheme
and host (the demo points it at the stand-in).

Answers (learn.microsoft.com, microsoftteams/platform/webhooks-and-connectors/how-to/
connectors-using and add-incoming-webhook): 200 (an incoming webhook answers ``1``) or
202 (Workflows) is posted; 429 is throttling (``RateLimited``, after ``Retry-After``
when given, else a minute); 413 and 400 refuse the card for good; 401/403 and 404 stop
the channel. Incoming webhooks have also been seen answering 200 with the text
``Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP
error 429 ...``: that text's status counts, not the 200.

The item's picture: when the hub has a public address (``[hub] public_url``, see
:mod:`hub.core.picture_links`) and its stored copy is within Teams' rules for card images
(:data:`bots.limits.TEAMS_IMAGE`: PNG, JPEG or GIF, 1024 x 1024, under 1 MB), the Image's
``url`` is that address and Teams fetches the picture at its own size. Otherwise it goes
inline: the hub's copy shrunk to a thumbnail (:data:`bots.limits.TEAMS_THUMBNAIL`) as the
Image's ``data:`` URI, since a card is all a webhook can send. A picture that cannot be
shrunk so, or that would leave the card over 28 KB, leaves the card without it, and the
receipt says why.

Send-only: a webhook cannot edit or delete its post; a correction or a retraction is
refused as ``BadPayload`` with a sentence saying so. Nor can a post be looked up, so a
send in doubt is sent again (a duplicate is possible in that window).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar
from urllib.parse import urlsplit

import httpx

from bots.http_errors import error_for, network_error, retry_after, status_error
from bots.limits import TEAMS, TEAMS_IMAGE, TEAMS_THUMBNAIL
from bots.teams.format import encoded, fits, payload
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited
from hub.core.picture_links import PictureAddress
from hub.core.pictures import PictureRefused, fit, within
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit, Receipt

TEAMS_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})
"""What a card's image may be (TEAMS_IMAGE's source); the hub's copies are never animated."""

FAILED_DELIVERY = re.compile(
    r"Webhook message delivery failed with error: .*?returned HTTP error (\d{3})", re.DOTALL
)
_URL_SECRET = re.compile(r"(/webhookb2/|/IncomingWebhook/|/workflows/)[^\s\"']+|sig=[^&\s\"']+")


class RedactWebhookUrls(logging.Filter):
    """Hide Teams webhook URLs' secret parts in httpx's log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _URL_SECRET.sub(lambda m: (m.group(1) or "sig=") + "<redacted>", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def _install_redaction() -> None:
    for name in ("httpx", "httpcore.http11", "httpcore.connection"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactWebhookUrls) for f in logger.filters):
            logger.addFilter(RedactWebhookUrls())


def target_url(channel: ChannelInfo, webhook_url: str) -> str:
    """The URL to post to: the webhook's, its scheme and host replaced by ``base_url``."""
    parts = urlsplit(webhook_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ChannelGone(f"channel {channel.key}: the Teams webhook URL is not an http(s) URL")
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    origin = (
        channel.base_url.rstrip("/") if channel.base_url else f"{parts.scheme}://{parts.netloc}"
    )
    return origin + rest


class TeamsSink:
    """Posts Adaptive Cards through one Teams webhook."""

    platform: ClassVar[str] = "teams"

    def __init__(
        self,
        channel: ChannelInfo,
        webhook_url: str,
        *,
        timeout: float = 15.0,
        wall_clock: Callable[[], float] = time.time,
        transport: httpx.AsyncBaseTransport | None = None,
        picture_url: PictureAddress | None = None,
    ) -> None:
        self.channel = channel
        self._url = target_url(channel, webhook_url)
        self._picture_url = picture_url
        self._key = hashlib.sha256(self._url.encode()).hexdigest()[:16]
        self._wall_clock = wall_clock
        _install_redaction()
        self.client = httpx.AsyncClient(
            timeout=timeout, transport=transport, follow_redirects=False
        )

    async def start(self) -> None:
        """Nothing to check ahead: a webhook can only be tried by posting."""

    async def send(self, message: Message) -> Receipt:
        """Post the card; the receipt is the hub's id for it (Teams returns none)."""
        if message.edit_of is not None:
            raise BadPayload(
                "Microsoft Teams webhooks cannot edit or delete a message they posted:"
                " this channel is send-only, the post stays as it was"
            )
        inline, note = None, None
        linked = self._linked(message.picture)
        if linked is not None:
            body = payload(message, picture_url=linked)
            if fits(body):
                return await self._post(body, message)
        if message.picture is not None:
            try:
                inline = await asyncio.to_thread(fit, message.picture, TEAMS_THUMBNAIL)
            except PictureRefused as exc:
                note = f"{exc}; the card went without the picture"
        body = payload(message, inline=inline)
        if inline is not None and not fits(body):
            body = payload(message)
            note = "the card with its picture would be over Teams' 28 KB: sent without it"
        receipt = await self._post(body, message)
        return replace(receipt, note=note) if note else receipt

    def _linked(self, picture: Picture | None) -> str | None:
        """The public address of the hub's copy of ``picture``, when there is one and
        Teams would show the stored copy as it is (else the card carries a thumbnail)."""
        if picture is None or self._picture_url is None:
            return None
        if picture.mime not in TEAMS_TYPES or not within(picture, TEAMS_IMAGE):
            return None
        return self._picture_url(picture)

    async def _post(self, body: dict[str, object], message: Message) -> Receipt:
        try:
            response = await self.client.post(
                self._url,
                content=encoded(body),
                headers={"Content-Type": "application/json"},
            )
        except httpx.HTTPError as exc:
            raise network_error(exc, "Microsoft Teams") from None
        text = response.text[:300].strip() if response.content else ""
        failed = FAILED_DELIVERY.search(text)
        if failed and response.is_success:
            status = int(failed.group(1))
            said = f"Microsoft Teams answered {status}: {_without_context(text)}"
            if status == 429:
                raise RateLimited(retry_after(response.headers, None, self._wall_clock), said)
            raise status_error(status, said)
        if not response.is_success:
            raise error_for(response, "Microsoft Teams", self._wall_clock, _without_context(text))
        return Receipt(f"teams-{message.delivery_id}")

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """One budget per webhook: 100 posts an hour, at most 4 at once."""
        return [RateLimit(f"teams:{self._key}", TEAMS.per_hour / 3600, TEAMS.sink_burst)]

    async def close(self) -> None:
        await self.client.aclose()


def _without_context(text: str) -> str:
    """Teams' error words without the ``ContextId`` tail, which says nothing to a person."""
    return text.split(" with ContextId", 1)[0][:200]


def teams_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> TeamsSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the webhook's URL;
    ``picture_url`` gives the public address of the hub's copy of a picture, if any."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Microsoft Teams webhook URL configured")
    return TeamsSink(channel, secret, picture_url=picture_url)
