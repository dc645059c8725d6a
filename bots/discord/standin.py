"""A Discord webhook API stand-in on loopback.

Speaks what the sink uses, from Discord's developer documentation
(github.com/discord/discord-api-docs):

- ``POST /webhooks/{id}/{token}`` with ``?wait=true`` (the message object) or
  without (``204``), and ``?thread_id=``; ``PATCH`` and ``DELETE
  /webhooks/{id}/{token}/messages/{message_id}`` (developers/resources/webhook.mdx:
  Execute, Edit and Delete Webhook Message);
- content of at most 2,000 characters and up to 10 embeds (webhook.mdx, Execute
  Webhook's params), an embed's title 256, description 4,096, footer 2,048,
  author 256, and 6,000 across every embed, whitespace trimmed first
  (developers/resources/message.mdx, Embed Limits), refused with ``50035 Invalid
  Form Body`` and its ``errors`` tree (developers/reference.mdx, Error Messages);
- an empty message ``50006``, an unknown webhook ``10015``, a wrong token
  ``50027``, an unknown message ``10008`` (developers/topics/
  opcodes-and-status-codes.mdx);
- ``X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket`` on every answer and,
  past the bucket, 429 with ``Retry-After``, ``X-RateLimit-Scope`` and the JSON
  ``{"message", "retry_after", "global"}`` (developers/topics/rate-limits.mdx).
  The bucket's size is what webhook routes announce (5 per 2 seconds; Discord
  publishes no number);
- files (developers/reference.mdx, Uploading Files): a ``multipart/form-data`` body with
  the JSON in ``payload_json`` and each file in a ``files[n]`` part with a filename; ``n``
  is the placeholder id an ``attachments`` entry names, whose ``filename`` (when given)
  names the file instead of the part's own. A file over 10 MiB is refused
  with 413 ``{"code": 40005, "message": "Request entity too large"}`` (the limit and its
  history in :class:`bots.limits.DiscordLimits`), another content type than JSON or
  multipart with ``50035``. An embed shows an upload through ``attachment://NAME`` only
  for a ``.jpg``, ``.jpeg``, ``.png``, ``.webp`` or ``.gif`` it can decode; otherwise
  the file stays a plain attachment and the embed has no image, as on Discord. A PATCH
  keeps only the attachments its ``attachments`` lists (Editing Message Attachments),
  all of them when it has no such key. An ``attachments`` entry naming neither an
  upload nor an existing file is ``50035`` (Discord's own code for it is not
  documented; this one names the field).

It records what it received and lists messages at ``GET /_standin/messages``.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bots.limits import DISCORD, DiscordLimits
from bots.standin import (
    Clock,
    FloodWindow,
    LoopbackServer,
    Upload,
    default_clock,
    image_facts,
    request_files,
    whole_seconds,
)

EMBEDDABLE = (".jpg", ".jpeg", ".png", ".webp", ".gif")
"""What an embed may show through ``attachment://`` (developers/reference.mdx)."""
_FILE_PART = re.compile(r"files\[(\d+)\]")


@dataclass
class StoredAttachment:
    """A file uploaded with a message, as the stand-in keeps it."""

    id: str
    filename: str
    size: int
    content_type: str
    description: str | None = None
    width: int | None = None
    height: int | None = None
    format: str | None = None
    has_exif: bool = False
    data: bytes = field(default=b"", repr=False)


@dataclass
class StoredMessage:
    """A webhook message as the stand-in keeps it."""

    id: str
    webhook_id: str
    content: str
    embeds: list[dict[str, Any]]
    thread_id: str | None
    timestamp: str
    edited_timestamp: str | None = None
    deleted: bool = False
    attachments: list[StoredAttachment] = field(default_factory=list)


@dataclass
class Received:
    method: str
    path: str
    body: dict[str, Any]
    status: int


class DiscordError(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("message", ""))
        self.status = status
        self.body = body


def _error(code: int, message: str, status: int = 400) -> DiscordError:
    return DiscordError(status, {"message": message, "code": code})


def _too_long(path: list[str], limit: int) -> DiscordError:
    tree: dict[str, Any] = {
        "_errors": [
            {"code": "BASE_TYPE_MAX_LENGTH", "message": f"Must be {limit} or fewer in length."}
        ]
    }
    for part in reversed(path):
        tree = {part: tree}
    return DiscordError(400, {"code": 50035, "errors": tree, "message": "Invalid Form Body"})


def _shown_path(request: web.Request) -> str:
    """The path as recorded and shown in the console: the webhook's token left out."""
    token = request.match_info.get("token", "")
    return request.path.replace(f"/{token}", "/{token}", 1) if token else request.path


def _object(parsed: Any) -> dict[str, Any]:
    if not isinstance(parsed, dict):
        raise _error(50035, "Invalid Form Body")
    return parsed


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


@dataclass
class DiscordStandIn(LoopbackServer):
    """Discord's webhook API for the webhooks in ``webhooks`` (id -> token)."""

    webhooks: dict[str, str] = field(default_factory=lambda: {"1100": "stand-in-token"})
    clock: Clock = default_clock
    wall_clock: Clock = time.time
    limits: DiscordLimits = DISCORD
    received: list[Received] = field(default_factory=list)
    stored: dict[str, StoredMessage] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__()
        self._window = FloodWindow(self.limits.per_window, self.limits.window_seconds)
        self._next_id = 1250000000000000000
        self._failures: list[DiscordError] = []

    def fail_next(self, status: int, body: dict[str, Any]) -> None:
        """Answer the next webhook request with this status and JSON body instead."""
        self._failures.append(DiscordError(status, body))

    def messages(self) -> list[StoredMessage]:
        """The messages held (deleted ones excluded), oldest first."""
        return [m for m in self.stored.values() if not m.deleted]

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/webhooks/{id}/{token}", self._handle)
        app.router.add_route("PATCH", "/webhooks/{id}/{token}/messages/{mid}", self._handle)
        app.router.add_route("DELETE", "/webhooks/{id}/{token}/messages/{mid}", self._handle)
        app.router.add_get("/_standin/messages", self._list)
        app.router.add_get("/attachments/{webhook}/{aid}/{name}", self._file)

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response(
            [self._shape(m) | {"deleted": m.deleted} for m in self.stored.values()]
        )

    def _rate_headers(self, webhook: str) -> dict[str, str]:
        now, wall = self.clock(), self.wall_clock()
        used = self._window.used(webhook, now)
        full = used >= self.limits.per_window
        reset_after = self._window.wait(webhook, now) if full else self.limits.window_seconds
        return {
            "X-RateLimit-Limit": str(self.limits.per_window),
            "X-RateLimit-Remaining": str(max(self.limits.per_window - used, 0)),
            "X-RateLimit-Reset": f"{wall + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": f"webhook-{webhook}",
        }

    async def _handle(self, request: web.Request) -> web.Response:
        webhook, token = request.match_info["id"], request.match_info["token"]
        body: dict[str, Any] = {}
        files: dict[str, Upload] = {}
        try:
            if request.method != "DELETE" and request.can_read_body:
                if request.content_type == "multipart/form-data":
                    body, files = await self._multipart(request)
                elif request.content_type == "application/json":
                    body = _object(await request.json())
                else:
                    raise _error(50035, "Invalid Form Body")
            answer = self._answer(request, webhook, token, body, files)
        except DiscordError as exc:
            self.received.append(Received(request.method, _shown_path(request), body, exc.status))
            headers = self._rate_headers(webhook)
            if exc.status == 429:
                wait = float(exc.body.get("retry_after", 1.0))
                headers |= {"Retry-After": str(whole_seconds(wait)), "X-RateLimit-Scope": "user"}
                headers["X-RateLimit-Remaining"] = "0"
                headers["X-RateLimit-Reset-After"] = f"{wait:.3f}"
            return web.json_response(exc.body, status=exc.status, headers=headers)
        status = 204 if answer is None else 200
        self.received.append(Received(request.method, _shown_path(request), body, status))
        headers = self._rate_headers(webhook)
        if answer is None:
            return web.Response(status=204, headers=headers)
        return web.json_response(answer, headers=headers)

    async def _multipart(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
        """``payload_json`` and the ``files[n]`` parts of a multipart body, each file within
        the upload limit."""
        form = await request.post()
        raw = form.get("payload_json")
        try:
            body = _object(json.loads(raw)) if isinstance(raw, str) else {}
        except ValueError:
            raise _error(50035, "Invalid Form Body") from None
        for key in ("content",):  # a form field instead of payload_json
            if isinstance(form.get(key), str) and key not in body:
                body[key] = form[key]
        files = await request_files(request)
        for name, upload in files.items():
            if not _FILE_PART.fullmatch(name) or not upload.filename:
                raise _error(50035, "Invalid Form Body")
            if len(upload.data) > self.limits.attachment_bytes:
                raise DiscordError(413, {"message": "Request entity too large", "code": 40005})
        return body, files

    def _attachments(
        self,
        body: dict[str, Any],
        files: dict[str, Upload],
        kept: list[StoredAttachment],
    ) -> list[StoredAttachment]:
        """The message's files after this request: each ``attachments`` entry is a new
        upload (``id`` n of ``files[n]``) or an existing file kept; with no such key, every
        upload is added to what the message had."""
        listed = body.get("attachments")
        if listed is None:
            return kept + [self._stored_file(upload, None) for upload in files.values()]
        if not isinstance(listed, list):
            raise _error(50035, "Invalid Form Body")
        existing = {a.id: a for a in kept}
        result = []
        for index, entry in enumerate(listed):
            ident = str(entry.get("id")) if isinstance(entry, dict) else ""
            description = entry.get("description") if isinstance(entry, dict) else None
            if (
                isinstance(description, str)
                and len(description) > self.limits.attachment_description
            ):
                raise _too_long(
                    ["attachments", str(index), "description"], self.limits.attachment_description
                )
            if ident in existing:
                result.append(existing[ident])
            elif f"files[{ident}]" in files:
                upload = files[f"files[{ident}]"]
                named = entry.get("filename") if isinstance(entry, dict) else None
                if isinstance(named, str) and named.strip():  # the entry's name is the file's
                    upload = replace(upload, filename=named.strip())
                result.append(self._stored_file(upload, description))
            else:
                raise DiscordError(
                    400,
                    {
                        "code": 50035,
                        "errors": {
                            "attachments": {
                                str(index): {
                                    "_errors": [
                                        {
                                            "code": "ATTACHMENT_NOT_FOUND",
                                            "message": "No file was uploaded for this id.",
                                        }
                                    ]
                                }
                            }
                        },
                        "message": "Invalid Form Body",
                    },
                )
        return result

    def _stored_file(self, upload: Upload, description: object) -> StoredAttachment:
        self._next_id += 1
        facts = image_facts(upload.data)
        return StoredAttachment(
            str(self._next_id),
            upload.filename,
            len(upload.data),
            upload.content_type,
            description if isinstance(description, str) else None,
            facts.width if facts else None,
            facts.height if facts else None,
            facts.format if facts else None,
            facts.has_exif if facts else False,
            upload.data,
        )

    def attachment_url(self, webhook: str, attachment: StoredAttachment) -> str:
        """Where the file is served, as Discord's CDN serves ``attachments/...``."""
        return f"{self.url}/attachments/{webhook}/{attachment.id}/{attachment.filename}"

    async def _file(self, request: web.Request) -> web.Response:
        for stored in self.stored.values():
            for attachment in stored.attachments:
                if (
                    attachment.id == request.match_info["aid"]
                    and attachment.filename == request.match_info["name"]
                    and not stored.deleted
                ):
                    return web.Response(body=attachment.data, content_type=attachment.content_type)
        raise web.HTTPNotFound()

    def _answer(
        self,
        request: web.Request,
        webhook: str,
        token: str,
        body: dict[str, Any],
        files: dict[str, Upload] | None = None,
    ) -> dict[str, Any] | None:
        if webhook not in self.webhooks:
            raise _error(10015, "Unknown Webhook", 404)
        if self.webhooks[webhook] != token:
            raise _error(50027, "Invalid Webhook Token", 401)
        if self._failures:
            raise self._failures.pop(0)
        now = self.clock()
        wait = self._window.wait(webhook, now)
        if wait > 0:
            raise DiscordError(
                429,
                {
                    "message": "You are being rate limited.",
                    "retry_after": round(wait, 3),
                    "global": False,
                },
            )
        self._window.record(webhook, now)
        thread = request.query.get("thread_id")
        files = files or {}
        if request.method == "POST":
            stored = self._create(webhook, thread, body, files)
            return self._shape(stored) if request.query.get("wait") in ("true", "1") else None
        found = self.stored.get(request.match_info["mid"])
        if found is None or found.deleted or found.webhook_id != webhook:
            raise _error(10008, "Unknown Message", 404)
        if request.method == "DELETE":
            found.deleted = True
            return None
        content, embeds = self._validated(body, partial=True)
        if "content" in body:
            found.content = content
        if "embeds" in body:
            found.embeds = embeds
        found.attachments = self._attachments(body, files, found.attachments)
        if not found.content and not found.embeds and not found.attachments:
            raise _error(50006, "Cannot send an empty message")
        found.edited_timestamp = self._now_iso()
        return self._shape(found)

    def _create(
        self, webhook: str, thread: str | None, body: dict[str, Any], files: dict[str, Upload]
    ) -> StoredMessage:
        content, embeds = self._validated(body, partial=True)
        attachments = self._attachments(body, files, [])
        if not content and not embeds and not attachments:
            raise _error(50006, "Cannot send an empty message")
        self._next_id += 1
        stored = StoredMessage(
            str(self._next_id), webhook, content, embeds, thread, self._now_iso()
        )
        stored.attachments = attachments
        self.stored[stored.id] = stored
        return stored

    def _validated(
        self, body: dict[str, Any], *, partial: bool
    ) -> tuple[str, list[dict[str, Any]]]:
        limits = self.limits
        content = _text(body.get("content"))
        if len(content) > limits.content:
            raise _too_long(["content"], limits.content)
        embeds = body.get("embeds") or []
        if not isinstance(embeds, list):
            raise _error(50035, "Invalid Form Body")
        if len(embeds) > limits.embeds:
            raise _too_long(["embeds"], limits.embeds)
        total = 0
        for index, embed in enumerate(embeds):
            if not isinstance(embed, dict):
                raise _error(50035, "Invalid Form Body")
            fields = (
                ("title", _text(embed.get("title")), limits.title),
                ("description", _text(embed.get("description")), limits.description),
            )
            for name, value, limit in fields:
                if len(value) > limit:
                    raise _too_long(["embeds", str(index), name], limit)
                total += len(value)
            for name, key, limit in (
                ("footer", "text", limits.footer),
                ("author", "name", limits.author),
            ):
                part = embed.get(name)
                value = _text(part.get(key)) if isinstance(part, dict) else ""
                if len(value) > limit:
                    raise _too_long(["embeds", str(index), name, key], limit)
                total += len(value)
        if total > limits.embeds_total:
            raise DiscordError(
                400,
                {
                    "code": 50035,
                    "errors": {
                        "embeds": {
                            "_errors": [
                                {
                                    "code": "MAX_EMBED_SIZE_EXCEEDED",
                                    "message": "Embed size exceeds maximum size of "
                                    f"{limits.embeds_total}",
                                }
                            ]
                        }
                    },
                    "message": "Invalid Form Body",
                },
            )
        if not partial and not content and not embeds:
            raise _error(50006, "Cannot send an empty message")
        return content, [dict(e) for e in embeds]

    def _attachment_shape(self, stored: StoredMessage, found: StoredAttachment) -> dict[str, Any]:
        """An attachment object (developers/resources/message.mdx, Attachment Object)."""
        url = self.attachment_url(stored.webhook_id, found)
        shape: dict[str, Any] = {
            "id": found.id,
            "filename": found.filename,
            "size": found.size,
            "url": url,
            "proxy_url": url,
            "content_type": found.content_type,
        }
        if found.description:
            shape["description"] = found.description
        if found.width is not None:
            shape |= {"width": found.width, "height": found.height}
        return shape

    def embedded(self, stored: StoredMessage, embed: dict[str, Any]) -> StoredAttachment | None:
        """The uploaded file an embed's ``attachment://NAME`` image shows, if Discord would
        show it: a name with an image extension, a file of that name that decodes."""
        image = embed.get("image")
        url = image.get("url") if isinstance(image, dict) else None
        if not isinstance(url, str) or not url.startswith("attachment://"):
            return None
        name = url.removeprefix("attachment://")
        if not name.lower().endswith(EMBEDDABLE):
            return None
        for found in stored.attachments:
            if found.filename == name and found.width is not None:
                return found
        return None

    def _resolved(self, stored: StoredMessage, embed: dict[str, Any]) -> dict[str, Any]:
        """The embed as Discord returns it: an ``attachment://`` image becomes the file's
        URL with its size, or is left out when Discord would not show it."""
        image = embed.get("image")
        url = image.get("url") if isinstance(image, dict) else None
        if not isinstance(url, str) or not url.startswith("attachment://"):
            return embed
        shown = {k: v for k, v in embed.items() if k != "image"}
        found = self.embedded(stored, embed)
        if found is not None:
            link = self.attachment_url(stored.webhook_id, found)
            shown["image"] = {
                "url": link,
                "proxy_url": link,
                "width": found.width,
                "height": found.height,
            }
        return shown

    def _now_iso(self) -> str:
        return datetime.fromtimestamp(self.wall_clock(), UTC).isoformat()

    def _shape(self, stored: StoredMessage) -> dict[str, Any]:
        return {
            "id": stored.id,
            "type": 0,
            "content": stored.content,
            "channel_id": stored.thread_id or "1000",
            "author": {
                "id": stored.webhook_id,
                "username": "IOPD hub",
                "bot": True,
                "discriminator": "0000",
                "avatar": None,
            },
            "attachments": [self._attachment_shape(stored, a) for a in stored.attachments],
            "embeds": [self._resolved(stored, embed) for embed in stored.embeds],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": stored.timestamp,
            "edited_timestamp": stored.edited_timestamp,
            "flags": 0,
            "components": [],
            "webhook_id": stored.webhook_id,
        }
