"""The Bluesky sink: the atproto SDK's ``AsyncClient`` writing what ``format`` builds.

``channel.target`` is the account's handle and the secret its app password;
``channel.base_url`` is the PDS (default ``https://bsky.social``). The sink
logs in at start (the SDK refreshes the session itself, by its own reading
of the token's expiry against the sink's ``wall_clock``). A session the PDS
no longer accepts is answered with HTTP 400 ``ExpiredToken`` or ``InvalidToken`` (the PDS's
auth-verifier.ts; the AppView says 401): the sink logs in again and repeats
the call once, which cannot write twice since the refused call wrote
nothing. It never sleeps or retries otherwise: a 429 becomes
``RateLimited`` with the seconds until the PDS's ``ratelimit-reset``. The
receipt is the post's ``at://`` URI, which corrections (putRecord) and
retractions (deleteRecord) name later.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, ClassVar

import httpx
from atproto import AsyncClient
from atproto import exceptions as at
from atproto_client.request import AsyncRequest

from bots.api import ApiRequest, is_retraction
from bots.bluesky.format import COLLECTION, record, requests_for, split_uri, thread_records
from bots.limits import BLUESKY, BLUESKY_IMAGE
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

DEFAULT_BASE_URL = "https://bsky.social"
GONE = {"RepoNotFound", "RepoDeactivated", "RepoTakendown", "RepoSuspended", "AccountTakedown"}
GONE |= {"AccountDeactivated"}
# What the PDS answers (400, or 401 from the AppView) for a session it no longer accepts:
# expired, revoked, or signed with a key it has rotated (bluesky-social/atproto,
# packages/pds/src/auth-verifier.ts and api/com/atproto/server/refreshSession.ts).
SESSION_REFUSED = {"ExpiredToken", "InvalidToken"}


def session_refused(exc: Exception) -> bool:
    """Whether the PDS refused the session itself (logging in again helps), not the call."""
    if not isinstance(exc, at.RequestErrorBase) or exc.response is None:
        return False
    return exc.response.status_code in (400, 401) and _error_name(exc) in SESSION_REFUSED


def _error_name(exc: at.RequestErrorBase) -> str:
    content = exc.response.content if exc.response is not None else None
    return str(getattr(content, "error", "") or "")


def map_error(exc: Exception, wall_clock: Callable[[], float]) -> DeliveryError:
    """The hub error for an atproto SDK exception."""
    if isinstance(exc, at.RateLimitExceededError):
        if exc.reset_at is not None:
            wait = exc.reset_at.timestamp() - wall_clock()
        else:
            wait = exc.retry_after if exc.retry_after is not None else 60.0
        return RateLimited(float(max(1, math.ceil(wait))), "Bluesky rate limit")
    if isinstance(exc, at.InvokeTimeoutError):
        return Timeout("Bluesky did not answer in time")
    if isinstance(exc, at.NetworkError):
        return TransientError(f"Bluesky network error: {exc}")
    if session_refused(exc):
        return TransientError(
            f"Bluesky: the session was refused ({_error_name(exc)}); the next send logs in again"
        )
    if isinstance(exc, at.UnauthorizedError | at.LoginRequiredError):
        name = _error_name(exc) if isinstance(exc, at.UnauthorizedError) else "login required"
        return Forbidden(f"Bluesky refused the account: {name}")
    if isinstance(exc, at.RequestErrorBase):
        name = _error_name(exc)
        status = exc.response.status_code if exc.response is not None else 0
        if name in GONE:
            return ChannelGone(f"Bluesky: {name}")
        if status >= 500:
            return TransientError(f"Bluesky server error {status}")
        return BadPayload(f"Bluesky: {exc}")
    return TransientError(f"Bluesky: {exc}")


BLOB_REFUSED = ("BlobTooLarge", "InvalidMimeType", "InvalidBlob", "InvalidImageDimensions")
"""createRecord's errors for a blob it will not take (lexicons/com/atproto/repo/createRecord)."""


def with_picture(request: ApiRequest, blob: dict[str, Any], picture: Picture) -> ApiRequest:
    """``request`` (a createRecord) with the uploaded picture: the link card's ``thumb``, or
    an images embed with its alt text and aspect ratio when the post has no card."""
    record = dict(request.body["record"])
    embed = record.get("embed")
    if isinstance(embed, dict) and embed.get("$type") == "app.bsky.embed.external":
        record["embed"] = {**embed, "external": {**embed["external"], "thumb": blob}}
    else:
        image = {
            "image": blob,
            "alt": picture.alt,
            "aspectRatio": {"width": picture.width, "height": picture.height},
        }
        record["embed"] = {"$type": "app.bsky.embed.images", "images": [image]}
    return replace(request, body={**request.body, "record": record})


class ClockedClient(AsyncClient):  # type: ignore[misc,unused-ignore]  # an untyped SDK
    """The SDK's client with the hub's clock: it decides that its access token is about
    to expire (and refreshes the session first) by ``wall_clock``, not by the real clock
    it reads by default (``TimeMethodsMixin.get_current_time``)."""

    def __init__(self, *args: Any, wall_clock: Callable[[], float], **kwargs: Any) -> None:
        self._wall_clock = wall_clock
        super().__init__(*args, **kwargs)

    def get_current_time(self) -> datetime:
        return datetime.fromtimestamp(self._wall_clock(), UTC)


class BlueskySink:
    """Posts to one Bluesky account."""

    platform: ClassVar[str] = "bluesky"

    def __init__(
        self,
        channel: ChannelInfo,
        app_password: str,
        *,
        timeout: float = 15.0,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.channel = channel
        self._password = app_password
        self._wall_clock = wall_clock
        self._logged_in = False
        self._key = hashlib.sha256(f"{channel.target}:{app_password}".encode()).hexdigest()[:16]
        base = (channel.base_url or DEFAULT_BASE_URL).rstrip("/")
        self._request = AsyncRequest(timeout=httpx.Timeout(timeout))
        self.client = ClockedClient(
            base_url=f"{base}/xrpc", request=self._request, wall_clock=wall_clock
        )
        repo = self.client.com.atproto.repo
        # each XRPC procedure called with a request's body as its input; only the answer's
        # ``uri`` is read (createRecord's and putRecord's; deleteRecord has none)
        self._calls: dict[str, Callable[[dict[str, Any]], Awaitable[object]]] = {
            "com.atproto.repo.createRecord": lambda body: repo.create_record(data=body),
            "com.atproto.repo.putRecord": lambda body: repo.put_record(data=body),
            "com.atproto.repo.deleteRecord": lambda body: repo.delete_record(data=body),
        }

    async def start(self) -> None:
        """Log in with the app password (createSession)."""
        try:
            await self.client.login(self.channel.target, self._password, fetch_bsky_profile=False)
        except at.AtProtocolError as exc:
            raise map_error(exc, self._wall_clock) from None
        self._logged_in = True

    async def send(self, message: Message) -> Receipt:
        """Create, put or delete the post; the receipt is its at:// URI."""
        if not self._logged_in:
            await self.start()
        now = datetime.fromtimestamp(self._wall_clock(), UTC)
        retraction = is_retraction(message.kind, message.edit_of)
        threaded = message.extra.get("thread") or len(part_ids(message.edit_of)) > 1
        if not retraction and (threaded or message.posted):
            return await self.send_thread(message, now)
        if message.picture is not None and not retraction:
            # a correction too: putRecord replaces the whole record, so a record written
            # without its thumb (or images) would lose the picture the post had
            return await self._send_picture(message, message.picture, now)
        receipt = Receipt(message.edit_of or "")
        for request in requests_for(message, self.channel, now=now):
            receipt = await self._call(request)
        return Receipt(str(message.edit_of)) if retraction else receipt

    async def send_thread(self, message: Message, now: datetime) -> Receipt:
        """Create (or put) the posts of a thread, each a reply to the one before.

        A reply names its root and parent by URI and CID; the CIDs of the parts an
        earlier attempt recorded (``message.posted``) are read back with getRecord, and
        those parts are not posted again. Each new part's URI goes to the ledger
        (``message.progress``) before the next. An edit puts the old posts in place
        (their CIDs change, so each reply is written after the part it names), creates
        the extra parts as replies to the last, and deletes those left over.
        """
        posts = (
            thread_records(message, now) if message.extra.get("thread") else [record(message, now)]
        )
        old = part_ids(message.edit_of)
        refs = [await self._strong_ref(uri) for uri in message.posted]
        note = None
        for index, post in enumerate(posts):
            if index < len(refs):
                continue
            if refs:
                post = {**post, "reply": {"root": refs[0], "parent": refs[-1]}}
            if index < len(old):
                repo, rkey = split_uri(old[index], self.channel.target)
                body = {"repo": repo, "collection": COLLECTION, "rkey": rkey, "record": post}
                method = "com.atproto.repo.putRecord"
            else:
                body = {"repo": self.channel.target, "collection": COLLECTION, "record": post}
                method = "com.atproto.repo.createRecord"
            request = ApiRequest("POST", f"/xrpc/{method}", body)
            if index == 0 and message.picture is not None and message.edit_of is None:
                # the thread's first post carries the picture, as a single post would
                response, note = await self._head_with_picture(request, message.picture)
            else:
                response = await self._invoke(request)
            refs.append({"uri": str(response.uri), "cid": str(response.cid)})  # type: ignore[attr-defined]
            if message.progress is not None:
                await message.progress(tuple(ref["uri"] for ref in refs))
        kept = [ref["uri"] for ref in refs[: len(posts)]]
        extra = [ref["uri"] for ref in refs[len(posts) :]]
        for uri in dict.fromkeys([*old[len(posts) :], *extra]):
            if uri not in kept:
                repo, rkey = split_uri(uri, self.channel.target)
                body = {"repo": repo, "collection": COLLECTION, "rkey": rkey}
                await self._call(ApiRequest("POST", "/xrpc/com.atproto.repo.deleteRecord", body))
        return Receipt(" ".join(kept), note=note)

    async def _head_with_picture(
        self, request: ApiRequest, picture: Picture
    ) -> tuple[object, str | None]:
        """Create a thread's first post with the picture (as :meth:`_send_picture` does);
        one Bluesky refuses leaves the post without it, and the note says why."""
        try:
            fitted = await asyncio.to_thread(fit, picture, BLUESKY_IMAGE)
            uploaded = await self._upload(fitted.data)
        except (PictureRefused, BadPayload) as exc:
            return await self._invoke(request), f"{exc}; sent without the picture"
        try:
            return await self._invoke(with_picture(request, uploaded, fitted)), None
        except BadPayload as exc:
            if not any(name in str(exc) for name in BLOB_REFUSED):
                raise
            return await self._invoke(request), f"{exc}; sent without the picture"

    async def _strong_ref(self, uri: str) -> dict[str, str]:
        """A recorded part's URI and current CID (getRecord), for the replies after it."""
        repo, rkey = split_uri(uri, self.channel.target)
        params = {"repo": repo, "collection": COLLECTION, "rkey": rkey}
        try:
            found = await self.client.com.atproto.repo.get_record(params=params)
        except at.AtProtocolError as exc:
            raise map_error(exc, self._wall_clock) from None
        return {"uri": str(found.uri), "cid": str(found.cid)}

    async def _send_picture(self, message: Message, picture: Picture, now: datetime) -> Receipt:
        """A post (new, or a correction's putRecord) with the item's picture: the bytes
        fitted under the lexicon's 1,000,000 and uploaded (``uploadBlob``: the same bytes
        are the same blob, so a correction adds nothing), then the link card's ``thumb``
        when the post has a card, else an ``app.bsky.embed.images`` embed with the alt
        text. A picture Bluesky refuses leaves a post without it, and the note says why."""
        [request] = requests_for(message, self.channel, now=now)
        try:
            fitted = await asyncio.to_thread(fit, picture, BLUESKY_IMAGE)
            uploaded = await self._upload(fitted.data)
        except (PictureRefused, BadPayload) as exc:
            return replace(await self._call(request), note=f"{exc}; sent without the picture")
        try:
            return await self._call(with_picture(request, uploaded, fitted))
        except BadPayload as exc:
            if not any(name in str(exc) for name in BLOB_REFUSED):
                raise
            return replace(await self._call(request), note=f"{exc}; sent without the picture")

    async def _upload(self, data: bytes) -> dict[str, Any]:
        """``com.atproto.repo.uploadBlob``: the blob as a record names it."""
        try:
            response = await self.client.com.atproto.repo.upload_blob(data)
        except at.AtProtocolError as exc:
            raise map_error(exc, self._wall_clock) from None
        blob = response.blob
        return {
            "$type": "blob",
            "ref": {"$link": str(blob.ref.link if hasattr(blob.ref, "link") else blob.ref)},
            "mimeType": blob.mime_type,
            "size": blob.size,
        }

    async def _call(self, request: ApiRequest) -> Receipt:
        response = await self._invoke(request)
        uri = getattr(response, "uri", None)
        if uri is None:  # deleteRecord answers without a URI
            body = request.body
            return Receipt(f"at://{body['repo']}/{body['collection']}/{body['rkey']}")
        return Receipt(str(uri))

    async def _invoke(self, request: ApiRequest) -> object:
        """One XRPC procedure; a refused session logs in again and repeats it once."""
        try:
            response = await self._calls[request.name](request.body)
        except at.AtProtocolError as exc:
            if not session_refused(exc):
                raise map_error(exc, self._wall_clock) from None
            self._logged_in = False
            await self.start()  # a fresh session, then the same call once more
            try:
                response = await self._calls[request.name](request.body)
            except at.AtProtocolError as again:
                if session_refused(again):
                    self._logged_in = False
                    name = _error_name(again)
                    raise Forbidden(f"Bluesky refused a fresh session: {name}") from None
                raise map_error(again, self._wall_clock) from None
        return response

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """The account's write budgets (5,000 points an hour and 35,000 a day; a post
        costs 3): one bucket per window (see :class:`bots.limits.BlueskyLimits`)."""
        key = f"bluesky:{self._key}"
        return [
            RateLimit(key, BLUESKY.per_account_per_second, BLUESKY.burst),
            RateLimit(f"{key}:day", BLUESKY.per_account_per_day_second, BLUESKY.day_burst),
        ]

    async def close(self) -> None:
        await self._request.close()


def bluesky_sink(channel: ChannelInfo, secret: str | None) -> BlueskySink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the account's app password."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Bluesky app password configured")
    return BlueskySink(channel, secret)
