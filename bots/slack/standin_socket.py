"""Slack's Socket Mode, played on loopback: the real slack_sdk client connects unchanged.

The stand-in is :class:`bots.slack.standin.SlackStandIn` plus what Socket Mode
adds (rules from Slack's "Using Socket Mode" guide,
docs.slack.dev/apis/events-api/using-socket-mode, and the method page
docs.slack.dev/reference/methods/apps.connections.open):

- ``apps.connections.open`` takes an app-level token (``xapp-``) in the
  Authorization header only ("passing it as a POST parameter will result in
  an error": ``not_authed`` here); a bot token is ``not_allowed_token_type``,
  an unknown one ``invalid_auth``. It answers ``{"ok": true, "url":
  "ws://127.0.0.1:PORT/link/?ticket=...&app_id=..."}``: a one-time ticket, as
  Slack's URLs are (the client asks for a new URL at each reconnection);
- on connection Slack sends ``hello`` (``num_connections``,
  ``connection_info.app_id``, ``debug_info``);
- every event, command or interaction comes as an envelope: ``envelope_id``,
  ``type`` (``events_api``, ``slash_commands``, ``interactive``), ``payload``
  (the body an HTTP request would carry, as JSON), ``accepts_response_payload``
  (true for commands and interactions), ``retry_attempt``, ``retry_reason``;
  the app acknowledges with ``{"envelope_id": ...}`` (optionally a
  ``payload``), and Slack sends an unacknowledged envelope again
  (:meth:`SlackSocketStandIn.send` returns None then, and the test resends
  with ``retry_attempt`` raised);
- ``disconnect`` messages (``warning``, ``refresh_requested``,
  ``link_disabled``) ask the client to reconnect to a new URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from bots.slack.standin import SlackError, SlackStandIn

ENVELOPE_TYPES = {"event": "events_api", "command": "slash_commands", "interaction": "interactive"}
APP_TOKEN = "xapp-1-A0STANDIN-1-stand-in-app-token"


@dataclass
class SlackSocketStandIn(SlackStandIn):
    """The Web API and a Socket Mode link for ``app_tokens``."""

    app_tokens: tuple[str, ...] = (APP_TOKEN,)
    app_id: str = "A0STANDIN"
    acks: list[dict[str, Any]] = field(default_factory=list)
    connections_opened: int = 0

    def __post_init__(self) -> None:
        super().__post_init__()
        self._tickets: set[str] = set()
        self._links: list[web.WebSocketResponse] = []
        self._waiting: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._connected = asyncio.Event()
        self._queued: list[tuple[str, dict[str, Any]]] = []
        self._sending: set[asyncio.Task[Any]] = set()

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/link/", self._link)
        super().routes(app)

    # --- the Web API's part -----------------------------------------------------

    def _authenticate(self, request: web.Request, params: dict[str, Any]) -> None:
        method = request.match_info["method"]
        header = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if method == "apps.connections.open":
            if not header:
                raise SlackError("not_authed")
            if header in self.tokens:
                raise SlackError("not_allowed_token_type")
            if header not in self.app_tokens:
                raise SlackError("invalid_auth")
            return
        if (header or params.get("token")) in self.app_tokens:
            raise SlackError("not_allowed_token_type")  # an app token only opens connections
        super()._authenticate(request, params)

    def _dispatch(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "apps.connections.open":
            self.connections_opened += 1
            ticket = secrets.token_hex(16)
            self._tickets.add(ticket)
            base = self.url.replace("http://", "ws://", 1)
            return {"url": f"{base}/link/?ticket={ticket}&app_id={self.app_id}"}
        return super()._dispatch(method, params)

    # --- the link -----------------------------------------------------------------

    async def _link(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if ticket not in self._tickets:
            return web.Response(status=401, text="invalid or used ticket")
        self._tickets.discard(ticket)
        ws = web.WebSocketResponse(autoping=True)  # the client's pings are answered
        await ws.prepare(request)
        self._links.append(ws)
        await ws.send_json(
            {
                "type": "hello",
                "num_connections": len(self._links),
                "debug_info": {"host": "applink-standin", "approximate_connection_time": 18060},
                "connection_info": {"app_id": self.app_id},
            }
        )
        self._connected.set()
        self._flush()
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    ack = json.loads(message.data)
                except ValueError:
                    continue
                if not isinstance(ack, dict) or "envelope_id" not in ack:
                    continue
                self.acks.append(ack)
                waiting = self._waiting.pop(str(ack["envelope_id"]), None)
                if waiting is not None and not waiting.done():
                    waiting.set_result(ack)
        finally:
            self._links.remove(ws)
            if not self._links:
                self._connected.clear()
        return ws

    async def wait_connected(self, within: float = 10.0) -> None:
        """Until a client holds a link (after ``hello``)."""
        await asyncio.wait_for(self._connected.wait(), within)

    async def send(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        retry_attempt: int = 0,
        within: float = 10.0,
        envelope_id: str | None = None,
    ) -> dict[str, Any] | None:
        """Send ``payload`` (``kind``: event, command, interaction) over the newest link;
        the app's acknowledgement, or None if it gave none ``within`` seconds."""
        await self.wait_connected(within)
        envelope_id = envelope_id or secrets.token_hex(16)
        envelope = {
            "envelope_id": envelope_id,
            "type": ENVELOPE_TYPES[kind],
            "payload": payload,
            "accepts_response_payload": kind != "event",
            "retry_attempt": retry_attempt,
            "retry_reason": "timeout" if retry_attempt else "",
        }
        waiting: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[envelope_id] = waiting
        await self._links[-1].send_json(envelope)
        try:
            return await asyncio.wait_for(waiting, within)
        except TimeoutError:
            self._waiting.pop(envelope_id, None)
            return None

    def queue(self, kind: str, payload: dict[str, Any]) -> None:
        """Send ``payload`` as soon as a client holds a link (now, if one does), as Slack
        holds events for an app that is not connected yet; the ack lands in ``acks``."""
        self._queued.append((kind, payload))
        with contextlib.suppress(RuntimeError):  # no running loop: sent at the next hello
            asyncio.get_running_loop()
            if self._links:
                self._flush()

    def _flush(self) -> None:
        queued, self._queued = self._queued, []
        for kind, payload in queued:
            task = asyncio.get_running_loop().create_task(self.send(kind, payload))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)

    async def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask every connected client to reconnect (Slack refreshes links now and then)."""
        for ws in list(self._links):
            await ws.send_json(
                {"type": "disconnect", "reason": reason, "debug_info": {"host": "applink-standin"}}
            )
