"""A receiver for Apprise's ``json://`` URLs on loopback, as Apprise's JSON plugin posts.

What the plugin sends (github.com/caronc/apprise, apprise/plugins/custom_json.py, and
the wiki page Notify_Custom_JSON): ``POST`` to the URL's path with ``Content-Type:
application/json``, ``User-Agent: Apprise`` (the asset's ``app_id``) and the body
``{"version": "1.0", "title", "message", "attachments": [], "type"}``, ``type`` one of
``info``, ``success``, ``warning``, ``failure``. The plugin counts any 2xx as sent.

The stand-in checks exactly that shape (else 400), answers 404 on a path it was not
given, and past ``per_window`` posts in ``window_seconds`` answers 429 with
``Retry-After`` (RFC 9110, section 10.2.3), as ntfy and Gotify servers do.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web

from bots.standin import Clock, FloodWindow, LoopbackServer, default_clock, whole_seconds

TYPES = frozenset({"info", "success", "warning", "failure"})
FIELDS = {"version": str, "title": str, "message": str, "attachments": list, "type": str}


@dataclass
class Notification:
    id: str
    path: str
    title: str
    message: str
    type: str


@dataclass
class Received:
    path: str
    status: int
    user_agent: str


class Refused(Exception):
    def __init__(self, status: int, error: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(error)
        self.status, self.error, self.headers = status, error, headers or {}


@dataclass
class AppriseJsonStandIn(LoopbackServer):
    """Takes Apprise's JSON notifications on the ``paths`` it knows."""

    paths: set[str] = field(default_factory=lambda: {"/notify"})
    per_window: int = 10
    window_seconds: float = 10.0
    clock: Clock = default_clock
    received: list[Received] = field(default_factory=list)
    stored: list[Notification] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()
        self._window = FloodWindow(self.per_window, self.window_seconds)
        self._failures: list[Refused] = []

    def apprise_url(self, path: str = "/notify") -> str:
        """The ``json://`` URL that reaches ``path`` here (once started)."""
        return "json://" + self.url.removeprefix("http://") + path

    def fail_next(self, status: int, error: str) -> None:
        self._failures.append(Refused(status, error))

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/_standin/messages", self._list)
        app.router.add_post("/{path:.*}", self._handle)

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(n) for n in self.stored])

    async def _handle(self, request: web.Request) -> web.Response:
        agent = request.headers.get("User-Agent", "")
        try:
            self._answer(request, await request.read())
        except Refused as exc:
            self.received.append(Received(request.path, exc.status, agent))
            return web.json_response({"error": exc.error}, status=exc.status, headers=exc.headers)
        self.received.append(Received(request.path, 200, agent))
        return web.json_response({"received": True})

    def _answer(self, request: web.Request, raw: bytes) -> None:
        if request.path not in self.paths:
            raise Refused(404, "not found")
        if self._failures:
            raise self._failures.pop(0)
        now = self.clock()
        wait = self._window.wait(request.path, now)
        if wait > 0:
            raise Refused(429, "too many requests", {"Retry-After": str(whole_seconds(wait))})
        if request.content_type != "application/json":
            raise Refused(400, "expected application/json")
        try:
            body: Any = json.loads(raw)
        except ValueError:
            raise Refused(400, "body is not JSON") from None
        if not isinstance(body, dict):
            raise Refused(400, "body is not a JSON object")
        for key, kind in FIELDS.items():
            if not isinstance(body.get(key), kind):
                raise Refused(400, f"{key!r} missing or not a {kind.__name__}")
        if body["version"] != "1.0" or body["type"] not in TYPES:
            raise Refused(400, "unknown version or type")
        self._window.record(request.path, now)
        self.stored.append(
            Notification(
                str(len(self.stored) + 1),
                request.path,
                body["title"],
                body["message"],
                body["type"],
            )
        )
