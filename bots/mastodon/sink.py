"""The Mastodon sink: Mastodon.py sending what ``format`` builds.

``channel.target`` is the account (``@iopd@mastodon.social``); the instance is
``channel.base_url`` or else the account's domain. Mastodon.py is a blocking
library, so each call runs in a worker thread; its rate limiter is set to
``throw`` so it never sleeps, and a 429 becomes ``RateLimited`` with the
seconds until the server's ``X-RateLimit-Reset``. Each post carries an
``Idempotency-Key`` made of the delivery id, so a retried post within the
server's idempotency window does not appear twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import math
import time
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar, ParamSpec, TypeVar

from mastodon import Mastodon
from mastodon import errors as md

from bots.api import ApiRequest, is_retraction
from bots.limits import MASTODON, MASTODON_DESCRIPTION, MASTODON_IMAGE
from bots.mastodon.format import render, reply_request, requests_for, thread_statuses
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

P = ParamSpec("P")
R = TypeVar("R")


def instance_url(channel: ChannelInfo) -> str:
    """The instance's base URL: configured, or the domain of ``@user@domain``."""
    if channel.base_url:
        return channel.base_url.rstrip("/")
    domain = channel.target.rsplit("@", 1)[-1] if channel.target.count("@") >= 1 else ""
    if not domain or "." not in domain:
        raise ChannelGone(f"channel {channel.key}: no Mastodon instance in {channel.target!r}")
    return f"https://{domain}"


def map_error(exc: Exception, retry_after: float) -> DeliveryError:
    """The hub error for a Mastodon.py exception."""
    if isinstance(exc, md.MastodonRatelimitError):
        return RateLimited(retry_after, "Mastodon rate limit")
    if isinstance(exc, md.MastodonReadTimeout):
        return Timeout(f"Mastodon did not answer in time: {exc}")
    if isinstance(exc, md.MastodonNetworkError):
        return TransientError(f"Mastodon network error: {exc}")
    if isinstance(exc, md.MastodonUnauthorizedError):
        return Forbidden("Mastodon refused the access token")
    if isinstance(exc, md.MastodonServerError):
        return TransientError(f"Mastodon server error: {exc.args[1:]}")
    if isinstance(exc, md.MastodonAPIError):
        status, _, message = [*exc.args[1:4], None, None, None][:3]
        if status == 403:
            return Forbidden(f"Mastodon: {message}")
        if status in (404, 410):
            return ChannelGone(f"Mastodon: {message}")
        return BadPayload(f"Mastodon: {message} ({status})")
    return TransientError(f"Mastodon: {exc}")


class MastodonSink:
    """Posts statuses to one Mastodon account."""

    platform: ClassVar[str] = "mastodon"

    def __init__(
        self,
        channel: ChannelInfo,
        token: str,
        *,
        timeout: float = 15.0,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.channel = channel
        self.base_url = instance_url(channel)
        self._key = hashlib.sha256(token.encode()).hexdigest()[:16]
        self._wall_clock = wall_clock
        self.client = Mastodon(
            access_token=token,
            api_base_url=self.base_url,
            ratelimit_method="throw",
            request_timeout=timeout,
            version_check_mode="none",
        )

    async def start(self) -> None:
        """Check the token with verify_credentials."""
        await self._run(self.client.account_verify_credentials)

    async def send(self, message: Message) -> Receipt:
        """Post, edit or delete a status; the receipt is the status id.

        A new status with the item's picture uploads it first (``POST /api/v2/media``
        with its description) and attaches it; a picture Mastodon refuses leaves the
        status as text, with the reason in the receipt's note.
        """
        retraction = is_retraction(message.kind, message.edit_of)
        threaded = message.extra.get("thread") or len(part_ids(message.edit_of)) > 1
        if not retraction and (threaded or message.posted):
            return await self.send_thread(message)
        receipt = Receipt(message.edit_of or "")
        media_id, note = None, None
        if message.picture is not None and message.edit_of is None:
            media_id, note = await self._upload_picture(message.picture)
        for request in requests_for(message, self.channel):
            if media_id is not None and request.method == "POST":
                request = replace(request, body={**request.body, "media_ids": [media_id]})
                media_id = None  # the first post of the message carries it
            receipt = await self._call(request, message)
        if retraction:
            return Receipt(str(message.edit_of))
        return replace(receipt, note=note) if note else receipt

    async def send_thread(self, message: Message) -> Receipt:
        """Post (or edit) the statuses of a thread, each a reply to the one before.

        Parts recorded by an earlier attempt (``message.posted``) are not posted again;
        each new part carries its own ``Idempotency-Key`` and its id goes to the ledger
        (``message.progress``) before the next. An edit changes the old statuses in
        place, posts the extra parts as replies to the last, and deletes those left over.
        """
        statuses = thread_statuses(message) if message.extra.get("thread") else [render(message)]
        old = part_ids(message.edit_of)
        ids = list(message.posted)
        media_id, note = None, None
        if message.picture is not None and message.edit_of is None and not ids:
            # the thread's first status carries the picture, as a single status would
            media_id, note = await self._upload_picture(message.picture)
        for index, text in enumerate(statuses):
            if index < len(ids):
                continue
            if index < len(old):
                edit = ApiRequest("PUT", f"/api/v1/statuses/{old[index]}", {"status": text})
                receipt = await self._call(edit, message)
            else:
                post = reply_request(message, text, ids[-1] if ids else None)
                if index == 0 and media_id is not None:
                    post = replace(post, body={**post.body, "media_ids": [media_id]})
                key = f"hub-delivery-{message.delivery_id}" + (f"-part-{index}" if index else "")
                result = await self._run(self.client.status_post, idempotency_key=key, **post.body)
                receipt = Receipt(str(result["id"]))
            ids.append(receipt.platform_message_id)
            if message.progress is not None:
                await message.progress(tuple(ids))
        kept = ids[: len(statuses)]
        for part in dict.fromkeys([*old[len(statuses) :], *ids[len(statuses) :]]):
            if part not in kept:
                await self._call(ApiRequest("DELETE", f"/api/v1/statuses/{part}", {}), None)
        return Receipt(" ".join(kept), note=note)

    async def _upload_picture(self, picture: Picture) -> tuple[str | None, str | None]:
        """The id of the uploaded picture, or None and why it could not be."""
        try:
            fitted = await asyncio.to_thread(fit, picture, MASTODON_IMAGE)
        except PictureRefused as exc:
            return None, f"{exc}; sent as text"
        extension = "png" if fitted.mime == "image/png" else "jpg"
        try:
            media = await self._run(
                self.client.media_post,
                io.BytesIO(fitted.data),
                mime_type=fitted.mime,
                description=fitted.alt[:MASTODON_DESCRIPTION] or None,
                file_name=f"picture.{extension}",
            )
        except BadPayload as exc:
            return None, f"{exc}: the picture was refused, sent as text"
        return str(media["id"]), None

    async def _call(self, request: ApiRequest, message: Message | None) -> Receipt:
        status_id = request.path.rsplit("/", 1)[-1]
        if request.method == "POST":
            key = f"hub-delivery-{message.delivery_id}" if message else None
            result = await self._run(self.client.status_post, idempotency_key=key, **request.body)
        elif request.method == "PUT":
            result = await self._run(self.client.status_update, status_id, **request.body)
        else:
            with contextlib.suppress(ChannelGone):  # already deleted is deleted
                await self._run(self.client.status_delete, status_id)
            return Receipt(status_id)
        return Receipt(str(result["id"]))

    async def _run(self, call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await asyncio.to_thread(call, *args, **kwargs)
        except md.MastodonError as exc:
            raise map_error(exc, self._retry_after()) from None

    def _retry_after(self) -> float:
        reset = self.client.ratelimit_reset
        wait = (reset - self._wall_clock()) if reset else 60.0
        return float(max(1, math.ceil(wait)))

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """Mastodon's posting budget per account; deleting has its own, smaller one."""
        key = f"mastodon:{self._key}"
        if is_retraction(message.kind, message.edit_of):
            deletes = f"{key}:deletes"
            return [RateLimit(deletes, MASTODON.deletes_per_second, MASTODON.delete_burst)]
        return [RateLimit(key, MASTODON.per_account_per_second, MASTODON.burst)]

    async def close(self) -> None:
        session = getattr(self.client, "session", None)
        if session is not None:
            session.close()


def mastodon_sink(channel: ChannelInfo, secret: str | None) -> MastodonSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the account's access token."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Mastodon access token configured")
    return MastodonSink(channel, secret)
