"""The Slack sink: slack_sdk's ``AsyncWebClient`` sending what ``format`` builds.

``channel.target`` is a channel id (``C0123``) or name; ``channel.base_url``
points the client at another Web API root (the stand-in). The client's retry
handlers are switched off: the sink never sleeps or retries, each Web API
error maps to a hub error and the bus decides. A message Slack refuses
because it could not download its image (``invalid_blocks`` with
"downloading image failed") is sent again at once without the image block:
nothing was posted by the refused call, so this cannot post twice. The receipt is
``<channel id>:<ts>``, which is what chat.update and chat.delete need later.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bots.api import ApiRequest
from bots.limits import SLACK
from bots.slack.format import METADATA_EVENT, reply_address, requests_for
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
    return BadPayload(f"Slack: {error}" + (f" {details}" if details else ""))


class SlackSink:
    """Posts to one Slack channel with one bot token."""

    platform: ClassVar[str] = "slack"

    def __init__(self, channel: ChannelInfo, token: str, *, timeout: float = 15) -> None:
        self.channel = channel
        self._timeout = timeout
        self._token_key = token_key(token)
        self._in_doubt: dict[int, None] = {}  # delivery ids whose post got no answer (ordered)
        self._channel_ids: dict[str, str] = {}  # target as written -> Slack's channel id
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
        """Post, update or delete as ``message`` asks; the receipt is ``channel:ts``.

        A post that may already be in the channel is first looked for in the
        channel's recent history, by the delivery id in the hub's message
        metadata: if it is there, that is the receipt and nothing is posted
        twice. A post may be there when the bus says so (``message.in_doubt``:
        an earlier attempt, in any process, ended without a recorded result,
        e.g. its worker was killed after Slack accepted the post) or when an
        earlier attempt through this sink got no answer (a timeout or a dropped
        connection after the request left).
        """
        receipt = Receipt(message.edit_of or "")
        for request in requests_for(message, self.channel):
            if request.name != "chat.postMessage":
                receipt = await self._call(request)  # update and delete are idempotent
                continue
            if message.in_doubt or message.delivery_id in self._in_doubt:
                found = await self._posted_earlier(request, message.delivery_id)
                if found is not None:
                    self._in_doubt.pop(message.delivery_id, None)
                    return found
            self._in_doubt[message.delivery_id] = None  # until Slack's answer is read
            while len(self._in_doubt) > IN_DOUBT_LIMIT:
                self._in_doubt.pop(next(iter(self._in_doubt)))
            try:
                receipt = await self._call(request)
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
        return receipt

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
                    return Receipt(f"{channel}:{posted['ts']}")
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

    async def _guarded(self, call: Awaitable[Any]) -> Any:
        try:
            return await call
        except SlackApiError as exc:
            raise map_error(exc) from None
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


def slack_sink(channel: ChannelInfo, secret: str | None) -> SlackSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the bot token (``xoxb-...``)."""
    if not secret:
        raise Forbidden(f"channel {channel.key}: no Slack bot token configured")
    return SlackSink(channel, secret)
