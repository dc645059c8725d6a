"""The Matrix sink: matrix-nio's ``AsyncClient`` sending what ``format`` builds.

``channel.target`` is the room id (``!abc:example.org``; the bot's account must have
joined it), the secret the account's access token, ``channel.base_url`` the
homeserver (``https://<the room id's server>`` by default). ``start`` asks
``/account/whoami`` who the token belongs to. Every send carries the transaction id
``hub-<delivery id>``: a homeserver answers a repeated transaction with the first
event's id (matrix-org/matrix-spec, content/client-server-api/_index.md,
Transaction identifiers), so a send in doubt is sent again without a duplicate, as
long as the homeserver still remembers the transaction (Synapse keeps them for about
30 minutes, synapse/rest/client/transactions.py) and the token is the same.

nio would sleep and retry on 429 by itself; the sink turns that off
(``max_limit_exceeded=0``, ``max_timeouts=0``) and maps the homeserver's
``{"errcode", "error"}`` answers (the spec's Standard error response):
``M_LIMIT_EXCEEDED`` is ``RateLimited`` after ``retry_after_ms``; ``M_UNKNOWN_TOKEN``,
``M_MISSING_TOKEN`` and ``M_FORBIDDEN`` are ``Forbidden``; ``M_TOO_LARGE`` and
``M_BAD_JSON`` are ``BadPayload``; others by their HTTP status
(:func:`bots.http_errors.status_error`). A redaction of an event the homeserver no
longer knows is done. The token is never in an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import re
from typing import Any, ClassVar

import aiohttp
from nio import AsyncClient, AsyncClientConfig, ErrorResponse, WhoamiResponse

from bots.api import is_retraction
from bots.http_errors import DEFAULT_WAIT, status_error
from bots.limits import MATRIX, MATRIX_UPLOAD
from bots.matrix.format import image_content, requests_for, txn_id
from hub.core.errors import (
    BadPayload,
    ChannelGone,
    DeliveryError,
    Forbidden,
    RateLimited,
    Timeout,
    TransientError,
)
from hub.core.pictures import PictureRefused, fit
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit, Receipt, part_ids

ROOM_ID = re.compile(r"^![^:\s]+:[^\s]+$")
FORBIDDEN = frozenset({"M_UNKNOWN_TOKEN", "M_MISSING_TOKEN", "M_FORBIDDEN"})
REFUSED = frozenset({"M_TOO_LARGE", "M_BAD_JSON", "M_NOT_JSON", "M_INVALID_PARAM"})


def homeserver_of(channel: ChannelInfo) -> str:
    """``base_url``, or ``https://`` and the server part of the room id."""
    if channel.base_url:
        return channel.base_url.rstrip("/")
    return "https://" + channel.target.strip().split(":", 1)[1]


def matrix_error(response: ErrorResponse) -> DeliveryError:
    """The hub error for a homeserver's error answer."""
    transport: Any = getattr(response, "transport_response", None)
    status = int(getattr(transport, "status", 0) or 0)
    code = response.status_code or ""
    said = f"the Matrix homeserver answered {status}" + (
        f": {code} {response.message}"[:220] if code else f": {response.message}"[:220]
    )
    if code == "M_LIMIT_EXCEEDED" or status == 429:
        wait = (response.retry_after_ms or 0) / 1000
        if wait <= 0:
            header = transport.headers.get("Retry-After", "") if transport is not None else ""
            wait = float(header) if header.isdigit() else DEFAULT_WAIT
        return RateLimited(max(wait, 0.001), said)
    if code in FORBIDDEN:
        return Forbidden(said)
    if code in REFUSED:
        return BadPayload(said)
    if code == "M_NOT_FOUND" and status in (0, 404):
        return ChannelGone(said)
    return status_error(status or 500, said)


class MatrixSink:
    """Posts, edits and redacts messages in one Matrix room."""

    platform: ClassVar[str] = "matrix"

    def __init__(self, channel: ChannelInfo, token: str, *, timeout: float = 15.0) -> None:
        self.room = channel.target.strip()
        if not ROOM_ID.match(self.room):
            raise ChannelGone(
                f"channel {channel.key}: a Matrix room id looks like !abc123:example.org"
            )
        self.channel = channel
        self.homeserver = homeserver_of(channel)
        self._key = hashlib.sha256(f"{self.homeserver}:{token}".encode()).hexdigest()[:16]
        config = AsyncClientConfig(
            max_limit_exceeded=0,
            max_timeouts=0,
            request_timeout=timeout,
            encryption_enabled=False,
            store_sync_tokens=False,
        )
        self.client = AsyncClient(self.homeserver, config=config)
        self.client.access_token = token

    async def start(self) -> None:
        """Ask the homeserver whose token this is (a wrong token fails here, as Forbidden)."""
        response = await self._call(self.client.whoami())
        if isinstance(response, WhoamiResponse):
            self.client.user_id = response.user_id

    async def send(self, message: Message) -> Receipt:
        """Send, edit (``m.replace``) or redact; the receipt is the original event's id,
        then the picture's ``m.image`` event's id when the item had one.

        A new item with a picture is sent as its text, then the picture uploaded to the
        media repository (``POST /_matrix/media/v3/upload``, an ``mxc://`` URI) and shown
        by an ``m.image`` event: text first, so a picture the homeserver refuses leaves
        the text post, with a note, and nothing dangling. An edit replaces the text
        event; a retraction redacts every event of the item.
        """
        [request] = requests_for(message, self.channel)
        if is_retraction(message.kind, message.edit_of):
            original = str(message.edit_of)
            reason = request.body.get("reason")
            for index, event in enumerate(part_ids(original) or (original,)):
                txn = txn_id(message, f"part-{index}" if index else "")
                with contextlib.suppress(ChannelGone):  # gone already: redacted is redacted
                    await self._call(self.client.room_redact(self.room, event, reason, tx_id=txn))
            return Receipt(original)
        response = await self._call(
            self.client.room_send(self.room, "m.room.message", request.body, tx_id=txn_id(message))
        )
        if message.edit_of is not None:
            return Receipt(message.edit_of)  # later edits must name the original event
        event_id = getattr(response, "event_id", None)
        if not isinstance(event_id, str) or not event_id:
            raise BadPayload("the Matrix homeserver answered without an event id")
        if message.picture is None:
            return Receipt(event_id)
        image_id, note = await self._send_picture(message, message.picture)
        return Receipt(f"{event_id} {image_id}" if image_id else event_id, note=note)

    async def _send_picture(
        self, message: Message, picture: Picture
    ) -> tuple[str | None, str | None]:
        """The ``m.image`` event's id of the item's picture, or None and why not. A refusal
        (too large, a type the homeserver will not take) is a note; a rate limit or a
        homeserver that did not answer is raised, and the retry sends the text again under
        the same transaction id, which the homeserver answers with the first event."""
        try:
            fitted = await asyncio.to_thread(fit, picture, MATRIX_UPLOAD)
        except PictureRefused as exc:
            return None, f"{exc}; sent as text"
        extension = "png" if fitted.mime == "image/png" else "jpg"
        try:
            uploaded, _keys = await self._call(  # nio answers (response, encryption keys)
                self.client.upload(
                    io.BytesIO(fitted.data),
                    content_type=fitted.mime,
                    filename=f"picture-{message.delivery_id}.{extension}",
                    filesize=len(fitted.data),
                )
            )
            if isinstance(uploaded, ErrorResponse):
                raise matrix_error(uploaded)
            content_uri = getattr(uploaded, "content_uri", None)
            if not isinstance(content_uri, str) or not content_uri.startswith("mxc://"):
                return None, "the Matrix homeserver answered the upload without an mxc URI"
            content = image_content(content_uri, fitted, message.title)
            sent = await self._call(
                self.client.room_send(
                    self.room, "m.room.message", content, tx_id=txn_id(message, "image")
                )
            )
        except (BadPayload, Forbidden) as exc:
            return None, f"{exc}: the picture was refused, sent as text"
        image_id = getattr(sent, "event_id", None)
        return (image_id, None) if isinstance(image_id, str) and image_id else (None, None)

    async def _call(self, pending: Any) -> Any:
        try:
            response = await pending
        except TimeoutError:
            raise Timeout("the Matrix homeserver did not answer in time") from None
        except aiohttp.ClientError as exc:
            raise TransientError(f"the Matrix homeserver: {type(exc).__name__}") from None
        if isinstance(response, ErrorResponse):
            raise matrix_error(response)
        return response

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """One budget per account: Synapse limits messages per user (``rc_message``)."""
        return [RateLimit(f"matrix:{self._key}", MATRIX.per_second, MATRIX.sink_burst)]

    async def close(self) -> None:
        await self.client.close()


def matrix_sink(channel: ChannelInfo, secret: str | None) -> MatrixSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the account's access token."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Matrix access token configured")
    return MatrixSink(channel, secret)
