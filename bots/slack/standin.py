"""A Slack Web API stand-in on loopback.

Speaks ``/api/<method>`` for auth.test, chat.postMessage, chat.update,
chat.delete and conversations.history with JSON, form or query parameters,
as slack_sdk's ``AsyncWebClient`` sends them. It checks the Bearer token
(or a ``token`` parameter), the channel (known, not archived, the bot a
member), the text and Block Kit limits (at most 50 blocks, section text at
most 3000 characters, header at most 150), answers errors in Slack's shape
(HTTP 200 with ``{"ok": false, "error": "..."}``), refuses blocks holding
too much text in all (``msg_blocks_too_long``) and a message whose image
Slack cannot download (``invalid_blocks``, "downloading image failed"), and
enforces the
per-channel posting limit with HTTP 429, ``Retry-After`` and
``{"ok": false, "error": "ratelimited"}``. It records every request
(``received``), keeps the posted messages with their ``metadata``
(``messages()``, conversations.history) and lists them as JSON at
``GET /_standin/messages`` for the console.

Files as slack_sdk's ``files_upload_v2`` sends them (docs.slack.dev/reference/methods/
files.getUploadURLExternal, files.completeUploadExternal, files.delete; their error lists):
``files.getUploadURLExternal`` wants ``filename`` and ``length`` (``invalid_arguments``;
a ``length`` of 0 is ``missing_argument``), ``alt_txt`` at most 1,000 characters
(``alt_txt_too_large``), a workspace may have disabled uploads
(``file_uploads_disabled``) or restricted their size (``file_upload_size_restricted``;
``max_upload_bytes``, 1 GB by default, slack_sdk's ``MAX_V2_FILE_SIZE``), and answers an
``upload_url`` that this stand-in serves itself (``POST /upload/v1/<ticket>``, the raw
bytes, answered ``OK - <length>`` as files.slack.com does); ``files.completeUploadExternal``
takes ``files`` (a JSON array of ``{"id", "title"}``, ``invalid_arguments`` otherwise),
refuses a file never uploaded (``file_not_found``), keeps it private without
``channel_id`` or shares it there with ``initial_comment`` (``channel_not_found``,
``not_in_channel``); ``files.delete`` answers ``file_not_found`` and ``file_deleted``.
An image block's ``slack_file`` must name a png, jpg or gif file the bot can see, once Slack
has processed it (the Slack file object's reference; uploads are processed
asynchronously, ``file_processing_seconds`` on the stand-in's clock): otherwise
``invalid_blocks`` with "invalid slack file [json-pointer:/blocks/N/slack_file]", the
error Slack answers (slackapi/python-slack-sdk#1658).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import time
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from bots.limits import SLACK, SLACK_ALT_TEXT, SLACK_IMAGE, SlackLimits
from bots.standin import (
    Clock,
    FloodWindow,
    ImageFacts,
    LoopbackServer,
    default_clock,
    image_facts,
    request_params,
    whole_seconds,
)

TEAM = {"team": "IOPD stand-in", "team_id": "T0STANDIN", "url": "https://iopd-standin.slack.com/"}
BOT = {"user": "hub", "user_id": "U0HUBBOT", "bot_id": "B0HUBBOT"}
BLOCK_TYPES = {"header", "section", "image", "context", "divider", "actions", "rich_text"}


@dataclass
class Channel:
    """A conversation the stand-in knows."""

    id: str
    name: str
    is_archived: bool = False
    is_member: bool = True


@dataclass
class StoredMessage:
    """A posted message as Slack keeps it."""

    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    metadata: dict[str, Any] | None = None
    edited: bool = False
    deleted: bool = False
    thread_ts: str | None = None

    def shape(self, with_metadata: bool) -> dict[str, Any]:
        shape: dict[str, Any] = {"type": "message", "text": self.text, "ts": self.ts}
        shape |= {"user": BOT["user_id"], "bot_id": BOT["bot_id"], "blocks": self.blocks}
        if self.edited:
            shape["edited"] = {"user": BOT["user_id"], "ts": self.ts}
        if with_metadata and self.metadata:
            shape["metadata"] = self.metadata
        return shape


@dataclass
class StoredFile:
    """A file uploaded through files.getUploadURLExternal, as Slack keeps it."""

    id: str
    filename: str
    length: int
    alt_txt: str = ""
    title: str = ""
    data: bytes | None = field(default=None, repr=False)  # None until the bytes arrive
    facts: ImageFacts | None = None  # the image Slack decoded, if it is one
    completed_at: float | None = None  # files.completeUploadExternal's time (stand-in clock)
    channels: list[str] = field(default_factory=list)
    deleted: bool = False


IMAGE_FORMATS = {"PNG", "JPEG", "GIF"}  # what a slack_file may be (Slack file object)


@dataclass
class Received:
    """One request as it arrived, and the error answered (empty when ok)."""

    method: str
    params: dict[str, Any]
    status: int
    error: str = ""


class SlackError(Exception):
    def __init__(self, error: str, status: int = 200, retry_after: int | None = None) -> None:
        super().__init__(error)
        self.error = error
        self.status = status
        self.retry_after = retry_after
        self.details: list[str] = []


@dataclass
class _Failure:
    error: str
    status: int = 200
    retry_after: int | None = None


@dataclass
class SlackStandIn(LoopbackServer):
    """The Web API for the given bot tokens; add channels with :meth:`add_channel`."""

    tokens: tuple[str, ...] = ("xoxb-stand-in-token",)
    clock: Clock = default_clock
    wall_clock: Clock = time.time
    limits: SlackLimits = SLACK
    channels: dict[str, Channel] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    stored: dict[tuple[str, str], StoredMessage] = field(default_factory=dict)
    signing_secret: str = "stand-in-signing-secret"
    views: list[dict[str, Any]] = field(default_factory=list)  # modals opened by views.open
    homes: dict[str, dict[str, Any]] = field(default_factory=dict)  # App Home by user id
    # Image URLs Slack "cannot download" (a 404, a page that is not an image, a private host)
    unreachable_images: set[str] = field(default_factory=set)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)  # users.info, by id
    files: dict[str, StoredFile] = field(default_factory=dict)  # uploads, by file id
    uploads_disabled: bool = False  # the workspace's "file_uploads_disabled"
    max_upload_bytes: int = SLACK_IMAGE.max_bytes  # a workspace may restrict it lower
    file_processing_seconds: float = 0.0  # until a completed upload can be shown

    def __post_init__(self) -> None:
        super().__init__()
        per_window = self.limits.per_channel_burst
        per_window += self.limits.per_channel_per_second * self.limits.flood_window_seconds
        self._flood = FloodWindow(int(per_window), self.limits.flood_window_seconds)
        self._failures: dict[str, list[_Failure]] = {}
        self._sequence = 0
        self._upload_tickets: dict[str, str] = {}  # upload URL ticket -> file id

    # --- arranging -------------------------------------------------------------

    def add_channel(self, channel_id: str, name: str, **details: Any) -> Channel:
        """Make a channel known (``is_archived``, ``is_member``)."""
        channel = Channel(channel_id, name, **details)
        self.channels[channel_id] = channel
        return channel

    def add_user(self, user_id: str, name: str, tz: str = "Europe/London", **details: Any) -> None:
        """Make a workspace member known to ``users.info`` with their time zone (``tz``)."""
        from zoneinfo import ZoneInfo

        offset = ZoneInfo(tz).utcoffset(dt.datetime.fromtimestamp(self.wall_clock(), dt.UTC))
        self.users[user_id] = {
            "id": user_id,
            "team_id": TEAM["team_id"],
            "name": name,
            "deleted": False,
            "real_name": name,
            "tz": tz,
            "tz_label": tz,
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "is_bot": False,
            **details,
        }

    def fail_next(
        self, method: str, error: str, status: int = 200, retry_after: int | None = None
    ) -> None:
        """Answer the next call of ``method`` with this error instead."""
        self._failures.setdefault(method, []).append(_Failure(error, status, retry_after))

    # --- reading ---------------------------------------------------------------

    def messages(self, channel_id: str | None = None) -> list[StoredMessage]:
        """The messages held (deleted ones excluded), oldest first."""
        return [
            m
            for m in self.stored.values()
            if not m.deleted and (channel_id is None or m.channel == channel_id)
        ]

    # --- serving ---------------------------------------------------------------

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/api/{method}", self._handle)
        app.router.add_post("/upload/v1/{ticket}", self._upload)
        app.router.add_get("/_standin/messages", self._list_messages)

    async def _list_messages(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(m) for m in self.stored.values()])

    async def _upload(self, request: web.Request) -> web.Response:
        """The ``upload_url``: the file's bytes, raw or as a multipart ``file`` part
        (files.getUploadURLExternal's usage info), once per ticket."""
        file_id = self._upload_tickets.pop(request.match_info["ticket"], None)
        stored = self.files.get(file_id or "")
        if stored is None:
            return web.Response(status=404, text="Not Found")
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            part = form.get("file") or form.get("filename")
            data = part.file.read() if isinstance(part, web.FileField) else b""
        else:
            data = await request.read()
        if not data:
            return web.Response(status=400, text="no file data")
        stored.data = data
        stored.facts = image_facts(data)
        return web.Response(text=f"OK - {len(data)}")

    def picture_of(self, message: StoredMessage) -> ImageFacts | None:
        """What Slack decoded of the uploaded picture a message shows, if it shows one."""
        for block in message.blocks:
            slack_file = block.get("slack_file") if isinstance(block, dict) else None
            if block.get("type") == "image" and isinstance(slack_file, dict):
                found = self.files.get(str(slack_file.get("id") or ""))
                return found.facts if found is not None and not found.deleted else None
        return None

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await request_params(request)
        for key in ("blocks", "metadata", "view"):
            if isinstance(params.get(key), str):  # form bodies carry JSON as text
                try:
                    params[key] = json.loads(params[key])
                except ValueError:
                    params[key] = "invalid" if key == "blocks" else None
        try:
            self._authenticate(request, params)
            result = self._dispatch(method, params)
        except SlackError as exc:
            self.received.append(Received(method, params, exc.status, exc.error))
            body: dict[str, Any] = {"ok": False, "error": exc.error}
            if exc.details:
                body["errors"] = exc.details
                body["response_metadata"] = {"messages": [f"[ERROR] {d}" for d in exc.details]}
            headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
            return web.json_response(body, status=exc.status, headers=headers)
        self.received.append(Received(method, params, 200))
        return web.json_response({"ok": True, **result})

    def _authenticate(self, request: web.Request, params: dict[str, Any]) -> None:
        header = request.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ").strip() if header else params.get("token")
        if not token:
            raise SlackError("not_authed")
        if token not in self.tokens:
            raise SlackError("invalid_auth")

    def _dispatch(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        failures = self._failures.get(method)
        if failures:
            failure = failures.pop(0)
            raise SlackError(failure.error, failure.status, failure.retry_after)
        if method == "auth.test":
            return {**TEAM, **BOT, "is_enterprise_install": False}
        if method == "chat.postMessage":
            return self._post(params)
        if method == "chat.update":
            return self._update(params)
        if method == "chat.delete":
            channel = self._channel(params)
            stored = self._find(channel, params)
            stored.deleted = True
            return {"channel": channel.id, "ts": stored.ts}
        if method == "conversations.history":
            return self._history(params)
        if method == "files.getUploadURLExternal":
            return self._upload_url(params)
        if method == "files.completeUploadExternal":
            return self._complete_upload(params)
        if method == "files.delete":
            stored_file = self.files.get(str(params.get("file") or ""))
            if stored_file is None:
                raise SlackError("file_not_found")
            if stored_file.deleted:
                raise SlackError("file_deleted")
            stored_file.deleted = True
            return {}
        if method == "conversations.list":
            return self._list(params)
        if method == "users.info":
            # api.slack.com/methods/users.info: the user object with tz, tz_label and
            # tz_offset; an unknown id is "user_not_found".
            user = self.users.get(str(params.get("user") or ""))
            if user is None:
                raise SlackError("user_not_found")
            return {"user": user}
        if method == "views.open":
            if not params.get("trigger_id") or not isinstance(params.get("view"), dict):
                raise SlackError("invalid_arguments")
            self.views.append(params["view"])
            return {"view": {"id": f"V{len(self.views):08d}", **params["view"]}}
        if method == "views.update":  # docs.slack.dev/reference/methods/views.update
            number = str(params.get("view_id") or "").removeprefix("V")
            if not isinstance(params.get("view"), dict) or not number:
                raise SlackError("invalid_arguments")
            if not number.isdigit() or not 0 < int(number) <= len(self.views):
                raise SlackError("not_found")
            self.views[int(number) - 1] = params["view"]
            return {"view": {"id": f"V{number}", **params["view"]}}
        if method == "views.publish":  # docs.slack.dev/reference/methods/views.publish
            view = params.get("view")
            if not params.get("user_id") or not isinstance(view, dict):
                raise SlackError("invalid_arguments")
            if view.get("type") != "home":
                raise SlackError("invalid_arguments")
            self.homes[str(params["user_id"])] = view
            return {"view": {"id": f"VH{params['user_id']}", **view}}
        raise SlackError("unknown_method", status=404)

    def _channel(self, params: dict[str, Any], posting: bool = False) -> Channel:
        raw = str(params.get("channel") or "").strip()
        if not raw:
            raise SlackError("channel_not_found")
        channel = self.channels.get(raw) or next(
            (c for c in self.channels.values() if c.name == raw.lstrip("#")), None
        )
        if channel is None:
            raise SlackError("channel_not_found")
        if posting and channel.is_archived:
            raise SlackError("is_archived")
        if posting and not channel.is_member:
            raise SlackError("not_in_channel")
        return channel

    def _check_content(self, params: dict[str, Any]) -> None:
        text = params.get("text") or ""
        blocks = params.get("blocks")
        if not text and not blocks:
            raise SlackError("no_text")
        if len(text) > self.limits.message_text:
            raise SlackError("msg_too_long")
        if blocks is not None:
            problems = block_problems(blocks, self.limits)
            if problems:
                error = SlackError("invalid_blocks")
                error.details = problems
                raise error
            if blocks_text_size(blocks) > self.limits.blocks_text:
                raise SlackError("msg_blocks_too_long")
            refused = [
                f"downloading image failed [json-pointer:/blocks/{index}/image_url]"
                for index, block in enumerate(blocks)
                if block.get("type") == "image"
                and "image_url" in block
                and not self._downloadable(block["image_url"])
            ]
            refused += [
                f"invalid slack file [json-pointer:/blocks/{index}/slack_file]"
                for index, block in enumerate(blocks)
                if block.get("type") == "image"
                and "slack_file" in block
                and not self._showable(block["slack_file"])
            ]
            if refused:
                error = SlackError("invalid_blocks")
                error.details = refused
                raise error
        metadata = params.get("metadata")
        if metadata is not None and not (
            isinstance(metadata, dict)
            and isinstance(metadata.get("event_type"), str)
            and isinstance(metadata.get("event_payload"), dict)
        ):
            raise SlackError("invalid_metadata_format")

    def _downloadable(self, url: str) -> bool:
        """Whether Slack could fetch this image: Slack downloads every ``image_url``
        from the internet when the message is posted and refuses the whole message
        when it cannot (``invalid_blocks`` with "downloading image failed", as
        answered to slackapi/bolt-js users; the Block Kit reference, "Image block",
        says the URL must be publicly hosted). The stand-in does not reach the
        network: a URL is unreachable when listed in ``unreachable_images`` or when
        its host is not a public internet name or address."""
        if url in self.unreachable_images:
            return False
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.scheme not in ("http", "https") or not host:
            return False
        try:
            return ipaddress.ip_address(host).is_global
        except ValueError:
            return "." in host and not host.endswith((".localhost", ".local", ".internal"))

    def _showable(self, slack_file: Any) -> bool:
        """Whether an image block may show this uploaded file: known, not deleted, an
        image of a kind the Slack file object takes, and processed (the stand-in's
        clock past ``file_processing_seconds`` after its completion)."""
        if not isinstance(slack_file, dict) or "url" in slack_file:
            return False  # only ids here: the hub never refers to a file by its URL
        found = self.files.get(str(slack_file.get("id") or ""))
        if found is None or found.deleted or found.completed_at is None:
            return False
        if found.facts is None or found.facts.format not in IMAGE_FORMATS:
            return False
        return self.clock() >= found.completed_at + self.file_processing_seconds

    def _upload_url(self, params: dict[str, Any]) -> dict[str, Any]:
        filename = str(params.get("filename") or "").strip()
        try:
            length = int(str(params.get("length") or "0"))
        except ValueError:
            raise SlackError("invalid_arguments") from None
        if not filename or length < 0:
            raise SlackError("invalid_arguments")
        if length == 0:
            raise SlackError("missing_argument")
        alt = str(params.get("alt_txt") or "")
        if len(alt) > SLACK_ALT_TEXT:
            raise SlackError("alt_txt_too_large")
        if self.uploads_disabled:
            raise SlackError("file_uploads_disabled")
        if length > self.max_upload_bytes:
            raise SlackError("file_upload_size_restricted")
        self._sequence += 1
        file_id = f"F0STANDIN{self._sequence:06d}"
        ticket = hashlib.sha256(f"{file_id}:{self.wall_clock()}".encode()).hexdigest()[:24]
        self.files[file_id] = StoredFile(file_id, filename, length, alt)
        self._upload_tickets[ticket] = file_id
        return {"upload_url": f"{self.url}/upload/v1/{ticket}", "file_id": file_id}

    def _complete_upload(self, params: dict[str, Any]) -> dict[str, Any]:
        raw = params.get("files")
        try:
            listed = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            raise SlackError("invalid_arguments") from None
        if not isinstance(listed, list) or not listed:
            raise SlackError("invalid_arguments")
        found: list[StoredFile] = []
        for entry in listed:
            if not isinstance(entry, dict) or not entry.get("id"):
                raise SlackError("invalid_arguments")
            stored_file = self.files.get(str(entry["id"]))
            if stored_file is None or stored_file.data is None or stored_file.deleted:
                raise SlackError("file_not_found")
            stored_file.title = str(entry.get("title") or stored_file.filename)
            found.append(stored_file)
        channel = None
        if params.get("channel_id"):
            channel = self._channel({"channel": params["channel_id"]}, posting=True)
        for stored_file in found:
            stored_file.completed_at = self.clock()
            if channel is not None:
                stored_file.channels.append(channel.id)
        if channel is not None:
            self._sequence += 1
            ts = f"{int(self.wall_clock())}.{self._sequence:06d}"
            blocks = [
                {"type": "image", "slack_file": {"id": f.id}, "alt_text": f.alt_txt or f.title}
                for f in found
            ]
            comment = str(params.get("initial_comment") or "")
            self.stored[(channel.id, ts)] = StoredMessage(channel.id, ts, comment, blocks)
        return {"files": [self._file_shape(f) for f in found]}

    @staticmethod
    def _file_shape(stored_file: StoredFile) -> dict[str, Any]:
        """A file object as completeUploadExternal answers it: still being processed, so
        ``mimetype`` and ``filetype`` are empty (slackapi/java-slack-sdk#1349)."""
        return {
            "id": stored_file.id,
            "name": stored_file.filename,
            "title": stored_file.title,
            "mimetype": "",
            "filetype": "",
            "size": stored_file.length,
            "channels": list(stored_file.channels),
            "shares": {},
        }

    def _check_flood(self, channel: Channel) -> None:
        now = self.clock()
        wait = self._flood.wait(channel.id, now)
        if wait > 0:
            raise SlackError("ratelimited", status=429, retry_after=whole_seconds(wait))
        self._flood.record(channel.id, now)

    def _post(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(params, posting=True)
        self._check_content(params)
        self._check_flood(channel)
        self._sequence += 1
        ts = f"{int(self.wall_clock())}.{self._sequence:06d}"
        stored = StoredMessage(
            channel.id,
            ts,
            params.get("text") or "",
            params.get("blocks") or [],
            params.get("metadata"),
            thread_ts=str(params["thread_ts"]) if params.get("thread_ts") else None,
        )
        self.stored[(channel.id, ts)] = stored
        return {"channel": channel.id, "ts": ts, "message": stored.shape(with_metadata=True)}

    def _find(self, channel: Channel, params: dict[str, Any]) -> StoredMessage:
        stored = self.stored.get((channel.id, str(params.get("ts") or "")))
        if stored is None or stored.deleted:
            raise SlackError("message_not_found")
        return stored

    def _update(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(params, posting=True)
        stored = self._find(channel, params)
        self._check_content(params)
        stored.text = params.get("text") or ""
        stored.blocks = params.get("blocks") or []
        if params.get("metadata") is not None:
            stored.metadata = params["metadata"]
        stored.edited = True
        shape = stored.shape(with_metadata=True)
        return {"channel": channel.id, "ts": stored.ts, "text": stored.text, "message": shape}

    def _list(self, params: dict[str, Any]) -> dict[str, Any]:
        """conversations.list as Slack answers it: channels in a stable order, ``limit``
        (at most 1,000) per page, a ``cursor`` from ``response_metadata.next_cursor``,
        archived ones left out with ``exclude_archived``."""
        limit = min(max(int(params.get("limit") or 100), 1), 1000)
        channels = sorted(self.channels.values(), key=lambda c: c.id)
        if _true(params.get("exclude_archived")):
            channels = [c for c in channels if not c.is_archived]
        start = int(str(params.get("cursor") or "0").removeprefix("next:") or 0)
        page, more = channels[start : start + limit], start + limit < len(channels)
        shaped = [
            {
                "id": c.id,
                "name": c.name,
                "is_channel": True,
                "is_archived": c.is_archived,
                "is_member": c.is_member,
            }
            for c in page
        ]
        return {
            "channels": shaped,
            "response_metadata": {"next_cursor": f"next:{start + limit}" if more else ""},
        }

    def _history(self, params: dict[str, Any]) -> dict[str, Any]:
        """conversations.history as Slack answers it: newest first, ``limit`` (at most
        999) per page, ``oldest``/``latest`` bounds (exclusive unless ``inclusive``),
        and a ``cursor`` from the previous page's ``response_metadata.next_cursor``.
        Metadata only with ``include_all_metadata``; thread replies are not listed."""
        channel = self.channels.get(str(params.get("channel") or ""))
        if channel is None:  # Slack reads history by channel id only, never by name
            raise SlackError("channel_not_found")
        with_metadata = _true(params.get("include_all_metadata"))
        limit = min(max(int(params.get("limit") or 100), 1), 999)
        inclusive = _true(params.get("inclusive"))
        oldest, latest = _ts_param(params.get("oldest")), _ts_param(params.get("latest"))
        before = _cursor_ts(str(params.get("cursor") or ""))
        kept = []
        for m in self.messages(channel.id):
            ts = Decimal(m.ts)
            if m.thread_ts and m.thread_ts != m.ts:
                continue
            if oldest is not None and (ts < oldest or (ts == oldest and not inclusive)):
                continue
            if latest is not None and (ts > latest or (ts == latest and not inclusive)):
                continue
            if before is not None and ts > before:
                continue
            kept.append(m)
        newest_first = sorted(kept, key=lambda m: Decimal(m.ts), reverse=True)
        page, rest = newest_first[:limit], newest_first[limit:]
        next_cursor = _cursor_for(rest[0].ts) if rest else ""
        return {
            "messages": [m.shape(with_metadata) for m in page],
            "has_more": bool(rest),
            "pin_count": 0,
            "response_metadata": {"next_cursor": next_cursor},
        }


def _true(value: Any) -> bool:
    return str(value or "").lower() in ("1", "true")


def _ts_param(value: Any) -> Decimal | None:
    """A ``ts`` bound, compared exactly (a float loses a ts's last digits)."""
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        raise SlackError("invalid_ts_oldest") from None


def _cursor_for(ts: str) -> str:
    """An opaque cursor like Slack's (base64 of ``next_ts:<ts>``)."""
    return base64.b64encode(f"next_ts:{ts}".encode()).decode()


def _cursor_ts(cursor: str) -> Decimal | None:
    if not cursor:
        return None
    try:
        kind, ts = base64.b64decode(cursor).decode().split(":", 1)
        if kind != "next_ts":
            raise ValueError(kind)
        return Decimal(ts)
    except (ValueError, InvalidOperation):
        raise SlackError("invalid_cursor") from None


# --- playing the member: Slack calling the hub --------------------------------------


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 signature of a request body."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str, body: bytes, timestamp: float, content_type: str, retry_num: int | None = None
) -> dict[str, str]:
    """The headers Slack sends with ``body``: timestamp, signature, retry number."""
    stamp = str(int(timestamp))
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": sign(secret, stamp, body),
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return headers


def event_body(event: dict[str, Any], event_id: str, at: float) -> bytes:
    """An Events API ``event_callback`` envelope around ``event``, sent at ``at`` (epoch
    seconds from the caller's clock: the stand-in's ``wall_clock``, a test's fixed time)."""
    envelope = {
        "token": "deprecated-verification-token",
        "team_id": TEAM["team_id"],
        "api_app_id": "A0STANDIN",
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(at),
        "event": event,
    }
    return json.dumps(envelope).encode()


def command_body(command: str, text: str, user_id: str, channel_id: str, trigger_id: str) -> bytes:
    """A slash command as Slack posts it (form-encoded)."""
    fields = {
        "command": command,
        "text": text,
        "user_id": user_id,
        "channel_id": channel_id,
        "team_id": TEAM["team_id"],
        "trigger_id": trigger_id,
        "response_url": "https://hooks.slack.invalid/commands/stand-in",
    }
    return urlencode(fields).encode()


def interaction_body(payload: dict[str, Any]) -> bytes:
    """An interaction (block_actions, view_submission) as Slack posts it: ``payload=<json>``."""
    return urlencode({"payload": json.dumps(payload)}).encode()


async def deliver(
    url: str,
    body: bytes,
    *,
    secret: str,
    content_type: str,
    timestamp: float | None = None,
    retry_num: int | None = None,
) -> tuple[int, str]:
    """POST a signed request to the hub as Slack would; returns the status and body."""
    import httpx

    when = time.time() if timestamp is None else timestamp
    headers = signed_headers(secret, body, when, content_type, retry_num)
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(url, content=body, headers=headers)
    return response.status_code, response.text


def blocks_text_size(blocks: Any) -> int:
    """Every character of every string in the blocks (texts, URLs, types, ids): the
    stand-in's measure for ``msg_blocks_too_long``, whose real rule Slack does not
    publish (slackapi/bolt-js#2509: the limit moves with the blocks used)."""
    if isinstance(blocks, str):
        return len(blocks)
    if isinstance(blocks, dict):
        return sum(blocks_text_size(value) for value in blocks.values())
    if isinstance(blocks, list):
        return sum(blocks_text_size(value) for value in blocks)
    return 0


def block_problems(blocks: Any, limits: SlackLimits = SLACK) -> list[str]:
    """What Slack would refuse in ``blocks`` (empty when they are valid)."""
    if not isinstance(blocks, list):
        return ["blocks must be an array"]
    problems: list[str] = []
    if len(blocks) > limits.blocks:
        problems.append(f"no more than {limits.blocks} items allowed [json-pointer:/blocks]")
    for index, block in enumerate(blocks):
        where = f"[json-pointer:/blocks/{index}]"
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            problems.append(f"unsupported type {where}")
            continue
        text: dict[str, Any] = block["text"] if isinstance(block.get("text"), dict) else {}
        body = text.get("text") if isinstance(text.get("text"), str) else None
        if block["type"] == "header":
            if text.get("type") != "plain_text" or not body or not body.strip():
                problems.append(f"must be a non-empty plain_text object {where}/text")
            elif len(body) > limits.header_text:
                problems.append(
                    f"must be less than {limits.header_text + 1} characters {where}/text"
                )
        elif block["type"] == "section":
            if "text" in block and (not body or not body.strip()):
                problems.append(f"must be more than 0 characters {where}/text/text")
            elif body is not None and len(body) > limits.section_text:
                problems.append(
                    f"must be less than {limits.section_text + 1} characters {where}/text/text"
                )
        elif block["type"] == "image":
            if not block.get("alt_text"):
                problems.append(f"missing required field: alt_text {where}")
            elif bool(block.get("image_url")) == bool(block.get("slack_file")):
                problems.append(f"must provide either image_url or slack_file {where}")
        elif block["type"] == "context":
            elements = block.get("elements")
            if not isinstance(elements, list) or not 1 <= len(elements) <= 10:
                problems.append(f"must have 1 to 10 elements {where}/elements")
    return problems
