"""The Slack sink: slack_sdk's ``AsyncWebClient`` sending what ``format`` builds.

``channel.target`` is a channel id (``C0123``) or name; ``channel.base_url``
points the client at another Web API root (the stand-in). The client's retry
handlers are switched off: the sink never sleeps or retries, each Web API
error maps to a hub error and the bus decides. A message Slack refuses
because it could not download its image (``invalid_blocks`` with
"downloading image failed") is sent again at once without the image block:
nothing was posted by the refused call, so this cannot post twice. The receipt is
``<channel id>:<ts>``, which is what chat.update and chat.delete need later, and
then, space-separated, the id of the picture the post uploaded (``files.delete``
removes it with the post).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, ClassVar

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bots.api import ApiRequest, is_retraction
from bots.formatting import shorten, with_hub_picture
from bots.limits import SLACK, SLACK_ALT_TEXT, SLACK_IMAGE
from bots.slack.format import METADATA_EVENT, reply_address, requests_for, uploaded_file
from hub.core.errors import (
    BadPayload,
    ChannelGone,
    DeliveryError,
    Forbidden,
    RateLimited,
    Timeout,
    TransientError,
)
from hub.core.picture_links import PictureAddress
from hub.core.pictures import PictureRefused, fit
from hub.core.ports import ChannelInfo, Message, Picture, RateLimit, Receipt

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://slack.com"
GONE = {"channel_not_found", "is_archived", "channel_is_archived", "team_not_found"}
FORBIDDEN = {"not_in_channel", "invalid_auth", "account_inactive", "token_revoked", "not_authed"}
FORBIDDEN |= {"token_expired", "missing_scope", "restricted_action", "no_permission"}
FORBIDDEN |= {"ekm_access_denied", "access_denied", "cant_update_message", "cant_delete_message"}
TRANSIENT = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
HISTORY_PAGE = 200  # messages per conversations.history page (Slack allows up to 999)
HISTORY_PAGES = 5  # pages searched for an in-doubt post: the channel's 1,000 most recent
LIST_PAGES = 20  # conversations.list pages read to find a channel given by name (200 each)
CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{4,}$")  # names are lowercase; ids never
IN_DOUBT_LIMIT = 10_000  # delivery ids remembered as in doubt (oldest forgotten first)


def token_key(token: str) -> str:
    """A stable name for a token that does not reveal it (for shared budgets)."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


class ImageRefused(BadPayload):
    """Slack could not download an image block's ``image_url`` and refused the message."""


IMAGE_DOWNLOAD_FAILED = "downloading image failed"
INVALID_FILE = "invalid slack file"
FILE_ATTEMPTS = 3  # attempts that wait for Slack to process an upload before posting text


class UnprocessedFile(TransientError):
    """An image block's ``slack_file`` Slack refused ("invalid slack file"): uploads are
    processed asynchronously, and a file used at once may not be ready yet
    (slackapi/python-slack-sdk#1521, #1658; java-slack-sdk#1349)."""


def map_error(exc: SlackApiError) -> DeliveryError:
    """The hub error for a Web API error answer (or an answer that was not JSON)."""
    response = exc.response
    status = int(getattr(response, "status_code", None) or getattr(response, "status", 0) or 0)
    data = getattr(response, "data", None)
    error = str(data.get("error", "")) if isinstance(data, dict) else ""
    headers = getattr(response, "headers", None) or {}
    if status == 429 or error in ("ratelimited", "rate_limited"):
        retry_after = float(headers.get("Retry-After") or headers.get("retry-after") or 1)
        return RateLimited(retry_after, "Slack rate limit")
    if error in GONE:
        return ChannelGone(f"Slack: {error}")
    if error in FORBIDDEN:
        return Forbidden(f"Slack: {error}")
    if error in TRANSIENT or status >= 500 or (not error and status != 200):
        return TransientError(f"Slack: {error or f'HTTP {status}'}")
    if not error:
        return TransientError("Slack answered something that is not the Web API's JSON")
    details = data.get("errors") if isinstance(data, dict) else None
    if error == "invalid_blocks" and any(IMAGE_DOWNLOAD_FAILED in str(d) for d in details or ()):
        return ImageRefused(f"Slack: {error} {details}")
    if error == "invalid_blocks" and any(INVALID_FILE in str(d) for d in details or ()):
        return UnprocessedFile(f"Slack: {error} {details}: the uploaded picture is not ready")
    return BadPayload(f"Slack: {error}" + (f" {details}" if details else ""))


class SlackSink:
    """Posts to one Slack channel with one bot token."""

    platform: ClassVar[str] = "slack"

    def __init__(
        self,
        channel: ChannelInfo,
        token: str,
        *,
        timeout: float = 15,
        picture_url: PictureAddress | None = None,
    ) -> None:
        self.channel = channel
        self._picture_url = picture_url
        self._timeout = timeout
        self._token_key = token_key(token)
        self._in_doubt: dict[int, None] = {}  # delivery ids whose post got no answer (ordered)
        self._channel_ids: dict[str, str] = {}  # target as written -> Slack's channel id
        self._uploaded: dict[int, str] = {}  # delivery id -> its picture's file id, not yet posted
        base = (channel.base_url or DEFAULT_BASE_URL).rstrip("/")
        self.client = AsyncWebClient(
            token=token, base_url=f"{base}/api/", timeout=max(1, round(timeout)), retry_handlers=[]
        )
        # each Web API method called with a request's body as its keyword arguments
        self._calls: dict[str, Callable[[dict[str, Any]], Awaitable[AsyncSlackResponse]]] = {
            "chat.postMessage": lambda body: self.client.chat_postMessage(**body),
            "chat.update": lambda body: self.client.chat_update(**body),
            "chat.delete": lambda body: self.client.chat_delete(**body),
        }

    async def start(self) -> None:
        """Open one HTTP session for the sink's life and check the token with auth.test."""
        if self.client.session is None:
            timeout = aiohttp.ClientTimeout(total=self._timeout)
            self.client.session = aiohttp.ClientSession(timeout=timeout)
        await self._guarded(self.client.auth_test())

    async def send(self, message: Message) -> Receipt:
        """Post, update or delete as ``message`` asks; the receipt is ``channel:ts``, then
        the uploaded picture's file id when the post has one (``C123:ts F0123``).

        A post that may already be in the channel is first looked for in the
        channel's recent history, by the delivery id in the hub's message
        metadata: if it is there, that is the receipt and nothing is posted
        twice. A post may be there when the bus says so (``message.in_doubt``:
        an earlier attempt, in any process, ended without a recorded result,
        e.g. its worker was killed after Slack accepted the post) or when an
        earlier attempt through this sink got no answer (a timeout or a dropped
        connection after the request left).

        A new post with the item's picture first uploads it with ``files_upload_v2``
        (``files.getUploadURLExternal``, the bytes to its ``upload_url``,
        ``files.completeUploadExternal`` with no channel: the file stays private to
        the bot) and shows it in an image block by its id (``slack_file``), so the post
        is still one ``chat.postMessage`` with the hub's metadata: found again when in
        doubt, updated by ``chat.update``, deleted by ``chat.delete`` and then
        ``files.delete``. A picture Slack refuses leaves the post as text, with a note.
        """
        if is_retraction(message.kind, message.edit_of):
            return await self._retract(message)
        # where an image block names an address, the hub's checked copy, not the stranger's
        linked = with_hub_picture(message, self._picture_url)
        hub_copy = linked.image_url if linked is not message else None
        message = linked
        if message.edit_of is not None:
            [request] = requests_for(message, self.channel)
            try:
                receipt = await self._call(request)  # chat.update is idempotent
            except UnprocessedFile:  # its file is gone (deleted in Slack): edit without it
                [request] = requests_for(message, self.channel, slack_file="")
                receipt = await self._call(request)
                receipt = replace(receipt, note="the post's uploaded picture is gone from Slack")
            file_id = uploaded_file(message.edit_of)
            if file_id:
                receipt = replace(
                    receipt, platform_message_id=f"{receipt.platform_message_id} {file_id}"
                )
            return receipt
        [request] = requests_for(message, self.channel)
        if message.in_doubt or message.delivery_id in self._in_doubt:
            found = await self._posted_earlier(request, message.delivery_id)
            if found is not None:
                self._in_doubt.pop(message.delivery_id, None)
                return found
        file_id, note = None, None
        if message.picture is not None and request.body.get("thread_ts") is None:
            file_id, note = await self._picture_file(message, message.picture)
        if file_id is not None:
            [request] = requests_for(message, self.channel, slack_file=file_id)
        self._in_doubt[message.delivery_id] = None  # until Slack's answer is read
        while len(self._in_doubt) > IN_DOUBT_LIMIT:
            self._in_doubt.pop(next(iter(self._in_doubt)))
        try:
            receipt = await self._call(request)
        except UnprocessedFile:
            self._in_doubt.pop(message.delivery_id, None)  # Slack answered: not posted
            if message.attempt < FILE_ATTEMPTS:
                raise  # Slack has not processed the upload yet: the bus tries again later
            self._uploaded.pop(message.delivery_id, None)
            [request] = requests_for(message, self.channel)
            self._in_doubt[message.delivery_id] = None  # a post again: in doubt till answered
            receipt = await self._call(request)
            file_id, note = None, "Slack did not take the uploaded picture in time; sent as text"
        except RateLimited:
            self._in_doubt.pop(message.delivery_id, None)  # Slack answered: not posted
            raise
        except (Timeout, TransientError):
            raise  # no answer, or a 5xx: the post may have happened; stay in doubt
        except BaseException as exc:
            if not isinstance(exc, DeliveryError):
                raise  # cancelled (the worker's deadline) or a bug: stay in doubt
            self._in_doubt.pop(message.delivery_id, None)  # Slack answered: refused
            raise
        self._in_doubt.pop(message.delivery_id, None)
        self._uploaded.pop(message.delivery_id, None)
        if file_id is not None:
            receipt = replace(
                receipt, platform_message_id=f"{receipt.platform_message_id} {file_id}"
            )
        elif note and hub_copy and _linked(request, hub_copy):
            note = note.removesuffix("; sent as text") + (
                "; Slack showed the hub's copy from its public address instead"
            )
        return replace(receipt, note=note) if note and not receipt.note else receipt

    async def _retract(self, message: Message) -> Receipt:
        """``chat.delete`` of the post, then ``files.delete`` of its uploaded picture (a
        file already gone is deleted; one Slack will not delete is noted, the post is gone)."""
        [request] = requests_for(message, self.channel)
        await self._call(request)
        file_id = uploaded_file(message.edit_of)
        note = None
        if file_id:
            try:
                await self._guarded(self.client.files_delete(file=file_id))
            except (Timeout, TransientError, RateLimited):
                raise  # chat.delete again is harmless: the bus retries the whole retraction
            except DeliveryError as exc:
                if not any(gone in str(exc) for gone in ("file_not_found", "file_deleted")):
                    note = f"the post is deleted but not its uploaded picture ({exc})"
        return Receipt(str(message.edit_of), note=note)

    async def _picture_file(
        self, message: Message, picture: Picture
    ) -> tuple[str | None, str | None]:
        """The id of the item's picture uploaded to Slack (private to the bot until a post
        shows it), or None and why not. An upload kept from an earlier attempt of the same
        delivery (Slack had not processed it yet) is used again."""
        kept = self._uploaded.get(message.delivery_id)
        if kept is not None:
            return kept, None
        try:
            fitted = await asyncio.to_thread(fit, picture, SLACK_IMAGE)
        except PictureRefused as exc:
            return None, f"{exc}; sent as text"
        extension = "png" if fitted.mime == "image/png" else "jpg"
        alt = (fitted.alt or message.title).strip()
        try:
            response = await self._guarded(
                self.client.files_upload_v2(
                    file=fitted.data,
                    filename=f"picture-{message.delivery_id}.{extension}",
                    title=shorten(alt, 250) or "picture",
                    alt_txt=shorten(alt, SLACK_ALT_TEXT) or None,
                ),
                uploading=True,
            )
        except (BadPayload, Forbidden) as exc:
            return None, f"Slack refused the picture ({exc}); sent as text"
        file_id = str((response.get("file") or {}).get("id") or "")
        if not file_id:
            return None, "Slack answered the upload without a file id; sent as text"
        self._uploaded[message.delivery_id] = file_id
        while len(self._uploaded) > IN_DOUBT_LIMIT:
            self._uploaded.pop(next(iter(self._uploaded)))
        return file_id, None

    async def _posted_earlier(self, request: ApiRequest, delivery_id: int) -> Receipt | None:
        """The receipt of this delivery's message if the channel's recent history holds it.

        Reads up to ``HISTORY_PAGES`` pages of ``conversations.history`` (newest
        first, with ``include_all_metadata``) for a message whose metadata is the
        hub's ``hub_delivery`` event with this delivery id. History wants a
        channel id: a target given by name is found with ``conversations.list``
        (once per sink). A lookup Slack refuses (a missing ``channels:history`` or
        ``channels:read`` scope, say) means posting as before, with a warning.
        """
        target = str(request.body["channel"])
        channel = await self._channel_id(target)
        if channel is None:
            log.warning(
                "delivery %d may be posted twice: no channel id for %s", delivery_id, target
            )
            return None
        cursor = ""
        for _ in range(HISTORY_PAGES):
            page: dict[str, Any] = {"limit": HISTORY_PAGE, "include_all_metadata": True}
            if cursor:
                page["cursor"] = cursor
            try:
                response = await self._guarded(
                    self.client.conversations_history(channel=channel, **page)
                )
            except (Timeout, TransientError, RateLimited):
                raise  # still in doubt: the bus retries later
            except DeliveryError as exc:
                log.warning("cannot look for delivery %d in Slack history: %s", delivery_id, exc)
                return None
            for posted in response.get("messages") or []:
                if delivery_of(posted) == delivery_id:
                    file_id = file_of(posted)
                    found = f"{channel}:{posted['ts']}" + (f" {file_id}" if file_id else "")
                    return Receipt(found)
            cursor = str((response.get("response_metadata") or {}).get("next_cursor") or "")
            if not response.get("has_more") or not cursor:
                return None
        return None

    async def _channel_id(self, target: str) -> str | None:
        """Slack's id of the channel ``target`` names: as written when it is an id, else
        learnt from an earlier answer or looked up by name in ``conversations.list``."""
        if CHANNEL_ID.match(target):
            return target
        if target in self._channel_ids:
            return self._channel_ids[target]
        name, cursor = target.lstrip("#"), ""
        for _ in range(LIST_PAGES):
            page: dict[str, Any] = {
                "types": "public_channel,private_channel",
                "exclude_archived": True,
                "limit": HISTORY_PAGE,
            }
            if cursor:
                page["cursor"] = cursor
            try:
                response = await self._guarded(self.client.conversations_list(**page))
            except (Timeout, TransientError, RateLimited):
                raise  # still in doubt: the bus retries later
            except DeliveryError as exc:
                log.warning("cannot look up the Slack channel %s: %s", target, exc)
                return None
            for found in response.get("channels") or []:
                if found.get("name") == name:
                    self._channel_ids[target] = str(found["id"])
                    return str(found["id"])
            cursor = str((response.get("response_metadata") or {}).get("next_cursor") or "")
            if not cursor:
                return None
        return None

    async def _call(self, request: ApiRequest) -> Receipt:
        note = None
        try:
            response = await self._guarded(self._calls[request.name](request.body))
        except ImageRefused:
            blocks = request.body.get("blocks") or []
            text_only = [block for block in blocks if block.get("type") != "image"]
            if len(text_only) == len(blocks):
                raise
            log.warning("Slack could not download the image of %s: sent without it", request.name)
            body = {**request.body, "blocks": text_only}
            response = await self._guarded(self._calls[request.name](body))
            note = (
                f"Slack could not download the picture ({IMAGE_DOWNLOAD_FAILED}): sent without it"
            )
        except BadPayload as exc:
            if request.name == "chat.delete" and "message_not_found" in str(exc):
                return Receipt(f"{request.body['channel']}:{request.body['ts']}")  # already gone
            raise
        if "channel" in request.body:
            self._channel_ids[str(request.body["channel"])] = str(response["channel"])
        return Receipt(f"{response['channel']}:{response['ts']}", note=note)

    async def _guarded(self, call: Awaitable[Any], *, uploading: bool = False) -> Any:
        try:
            return await call
        except SlackApiError as exc:
            raise map_error(exc) from None
        except SlackRequestError as exc:
            if uploading:  # the upload URL answered other than 200 (slack_sdk's message)
                raise BadPayload(f"Slack's upload URL refused the picture: {exc}") from None
            raise TransientError(f"Slack request failed: {exc}") from None
        except TimeoutError as exc:
            raise Timeout(f"Slack did not answer in time: {exc}") from None
        except (aiohttp.ClientError, SlackClientError) as exc:
            raise TransientError(f"Slack connection failed: {exc}") from None

    def rate_limits(self, message: Message) -> list[RateLimit]:
        """About one post a second per channel (a reply's own conversation), small bursts."""
        address = reply_address(message)
        conversation = address[0] if address else self.channel.target
        key = f"slack:{self._token_key}:channel:{conversation}"
        return [RateLimit(key, SLACK.per_channel_per_second, SLACK.per_channel_burst)]

    async def close(self) -> None:
        session = self.client.session
        if session is not None and not session.closed:
            await session.close()
        self.client.session = None


def delivery_of(posted: dict[str, Any]) -> int | None:
    """The hub delivery id in a history message's metadata (None if not the hub's)."""
    metadata = posted.get("metadata") or {}
    if metadata.get("event_type") != METADATA_EVENT:
        return None
    found = (metadata.get("event_payload") or {}).get("delivery_id")
    return found if isinstance(found, int) else None


def file_of(posted: dict[str, Any]) -> str | None:
    """The uploaded picture's file id in a history message's hub metadata, if any."""
    payload = (posted.get("metadata") or {}).get("event_payload") or {}
    found = payload.get("file_id")
    return found if isinstance(found, str) and found else None


def _linked(request: ApiRequest, url: str | None) -> bool:
    """Whether the post's blocks show the picture at ``url`` (an image block's address)."""
    blocks = request.body.get("blocks") or []
    return bool(url) and any(
        isinstance(b, dict) and b.get("type") == "image" and b.get("image_url") == url
        for b in blocks
    )


def slack_sink(
    channel: ChannelInfo, secret: str | None, picture_url: PictureAddress | None = None
) -> SlackSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the bot token (``xoxb-...``);
    ``picture_url`` gives the public address of the hub's copy of a picture, if any."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Slack bot token configured")
    return SlackSink(channel, secret, picture_url=picture_url)
