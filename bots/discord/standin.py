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
  publishes no number).

It records what it received and lists messages at ``GET /_standin/messages``.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bots.limits import DISCORD, DiscordLimits
from bots.standin import Clock, FloodWindow, LoopbackServer, default_clock, whole_seconds


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

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(m) for m in self.stored.values()])

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
        try:
            if request.method != "DELETE" and request.can_read_body:
                if request.content_type != "application/json":
                    raise _error(50035, "Invalid Form Body")
                parsed = await request.json()
                if not isinstance(parsed, dict):
                    raise _error(50035, "Invalid Form Body")
                body = parsed
            answer = self._answer(request, webhook, token, body)
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

    def _answer(
        self, request: web.Request, webhook: str, token: str, body: dict[str, Any]
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
        if request.method == "POST":
            stored = self._create(webhook, thread, body)
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
        if not found.content and not found.embeds:
            raise _error(50006, "Cannot send an empty message")
        found.edited_timestamp = self._now_iso()
        return self._shape(found)

    def _create(self, webhook: str, thread: str | None, body: dict[str, Any]) -> StoredMessage:
        content, embeds = self._validated(body, partial=False)
        self._next_id += 1
        stored = StoredMessage(
            str(self._next_id), webhook, content, embeds, thread, self._now_iso()
        )
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
            "attachments": [],
            "embeds": stored.embeds,
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
