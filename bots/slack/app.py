"""The hub's Slack app on slack-bolt: one ``AsyncApp``, the inbox before every ``ack()``.

Slack reaches the hub two ways, and both go through a Bolt ``AsyncApp``:

- **HTTP** (``POST /slack/events``, :mod:`bots.slack.ingress`): the endpoint
  checks Slack's signature on the raw bytes, then hands the request to Bolt's
  Starlette adapter (``AsyncSlackRequestHandler``);
- **Socket Mode** (:func:`socket_mode_handler`): Bolt's
  ``AsyncSocketModeHandler`` on slack_sdk's Socket Mode client, for a
  deployment with no public address.

Either way the first middleware that sees the request (:class:`InboxFirst`,
Bolt's ``before_authorize`` slot) commits it to the durable inbox and answers
Slack at once (the HTTP 200, or the envelope's acknowledgement): nothing is
acknowledged that is not stored, and a Slack retry of a stored request is
deduplicated by the inbox. The inbox worker then replays the stored request
into the same kind of app (:func:`replay`), this time past the middleware to
the listeners, which are the hub's Slack handlers (:mod:`bots.slack.handlers`).

A replayed request is a Bolt request built from the stored body in Bolt's
``socket_mode`` form (the body as a dict, which is what the stored row holds):
Bolt's own request verification is off on both paths, because the signature
was checked before anything was parsed (HTTP) or the WebSocket itself is the
authentication (Socket Mode).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Engine

from hub.core.bodies import storable, storable_text
from hub.core.bus.inbox import InboxRecord, accept
from hub.core.db import transaction
from hub.core.models import utcnow

PLATFORM = "slack"
log = logging.getLogger(__name__)

RECORD = "hub_inbox_record"
"""Context key of a request replayed from the inbox (absent: a request from Slack)."""
NOW = "hub_now"
"""Context key of the time the hub processes the request at (the injected clock)."""
ENGINE = "hub_engine"
"""Context key of the database the HTTP endpoint stores in (Socket Mode: the app's own)."""
STORED = "hub_stored"
"""Context key of the payload the HTTP endpoint parsed itself (Bolt's form parsing takes a
command whose text says "payload" for an interaction)."""
ERROR = "hub_error"
"""Context key where a listener's exception is kept, so the inbox retries the event."""


def kind_of(body: dict[str, Any]) -> str:
    """``event``, ``command`` or ``interaction``: how Slack's three request kinds differ."""
    if "command" in body:
        return "command"
    if body.get("type") in ("event_callback", "url_verification", "app_rate_limited"):
        return "event"
    return "interaction"


def stored_form(body: dict[str, Any]) -> dict[str, Any]:
    """The inbox row's payload of a Bolt body (``{"kind": ..., ...}``, as it always was)."""
    kind = kind_of(body)
    if kind == "interaction":
        return {"kind": kind, "payload": body}
    return {"kind": kind, **body}


def bolt_body(stored: dict[str, Any]) -> dict[str, Any]:
    """The Bolt body of an inbox row's payload (the inverse of :func:`stored_form`)."""
    if stored.get("kind") == "interaction":
        payload = stored.get("payload")
        return dict(payload) if isinstance(payload, dict) else {}
    return {key: value for key, value in stored.items() if key != "kind"}


def event_key(data: dict[str, Any], body: bytes) -> str:
    """The inbox key: Slack's ``event_id``, else kind, trigger id and a hash of the body."""
    if data["kind"] == "event" and data.get("event_id"):
        return str(data["event_id"])
    trigger = data.get("trigger_id") or data.get("payload", {}).get("trigger_id") or "-"
    return f"{data['kind']}:{trigger}:{hashlib.sha256(body).hexdigest()[:32]}"


def _store(engine: Engine, key: str, data: dict[str, Any], now: dt.datetime) -> bool:
    # Socket Mode's envelopes come here unparsed by the HTTP endpoint: clean them the same way
    with transaction(engine) as session:
        return accept(session, PLATFORM, storable_text(key), storable(data), now)


def command_ack(data: dict[str, Any]) -> BoltResponse:
    """What Slack shows the member at once for a slash command: a word that the hub is
    on it, except for ``submit`` (the form opens instead)."""
    if str(data.get("text", "")).startswith("submit"):
        return BoltResponse(status=200, body="")
    body = json.dumps({"response_type": "ephemeral", "text": "Working on it…"})
    return BoltResponse(status=200, body=body, headers={"content-type": "application/json"})


class InboxFirst:
    """Bolt middleware (``before_authorize``): store the request, then acknowledge it.

    A request replayed from the inbox (``context["hub_inbox_record"]`` set)
    goes on to the listeners. Any other is a request from Slack: it is
    committed to the inbox, and the response is Slack's acknowledgement,
    given only after the commit. A database failure answers 503 (HTTP) or
    leaves the envelope unacknowledged (Socket Mode), so Slack sends it again.
    """

    def __init__(
        self, engine: Engine | None = None, clock: Callable[[], dt.datetime] = utcnow
    ) -> None:
        self.engine = engine
        self.clock = clock

    async def __call__(
        self,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[None]],
    ) -> BoltResponse:
        if RECORD in req.context:
            await next()
            return resp
        data: dict[str, Any] = req.context.get(STORED) or stored_form(req.body)
        if data.get("type") == "url_verification":
            body = json.dumps({"challenge": str(data.get("challenge", ""))})
            return BoltResponse(status=200, body=body, headers={"content-type": "application/json"})
        engine: Engine | None = req.context.get(ENGINE) or self.engine
        if engine is None:
            return BoltResponse(status=503, body="Slack ingress is not configured")
        now = req.context.get(NOW) or self.clock()
        raw = req.raw_body or json.dumps(req.body, sort_keys=True)  # Socket Mode: no raw body
        key = event_key(data, raw.encode())
        try:
            new = await asyncio.to_thread(_store, engine, key, data, now)
        except Exception:
            log.exception("slack: could not store %s; Slack will send it again", key)
            return BoltResponse(status=503, body="temporarily unavailable")
        retries = req.headers.get("x-slack-retry-num") or ()
        retry = retries[0] if retries else None
        if retry and not new:
            log.info("slack: retry %s of %s already stored", retry, key)
        return command_ack(data) if data["kind"] == "command" else BoltResponse(status=200, body="")


async def _keep_error(error: Exception, context: AsyncBoltContext) -> None:
    """Bolt's error handler: keep the listener's exception for :func:`replay` to raise."""
    context[ERROR] = error


def slack_app(
    *,
    engine: Engine | None = None,
    clock: Callable[[], dt.datetime] = utcnow,
    client: AsyncWebClient | None = None,
) -> AsyncApp:
    """A Bolt app whose first middleware is :class:`InboxFirst`; add listeners to it.

    ``client`` (base URL and bot token) is what listeners get as ``client``;
    without it they get none that can reach Slack (``context["token"]`` is None).
    """
    token = client.token if client is not None else None
    if client is not None:  # the token comes from authorize (Bolt ignores a client's own)
        client = AsyncWebClient(
            base_url=client.base_url, timeout=client.timeout, retry_handlers=client.retry_handlers
        )

    async def authorize(
        enterprise_id: str | None, team_id: str | None, user_id: str | None
    ) -> AuthorizeResult:
        # One workspace, one bot token from the configuration: no auth.test per request.
        return AuthorizeResult(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id, bot_token=token
        )

    app = AsyncApp(
        name="iopd-hub",
        client=client,
        authorize=authorize,
        before_authorize=InboxFirst(engine, clock),
        request_verification_enabled=False,  # checked before parsing (see the module doc)
        ssl_check_enabled=False,
        url_verification_enabled=False,  # InboxFirst answers it, before authorizing
        process_before_response=True,  # a replay is done when dispatch returns
        logger=log,
    )
    app.error(_keep_error)
    return app


async def replay(app: AsyncApp, record: InboxRecord, now: dt.datetime) -> BoltResponse:
    """Dispatch a stored request to ``app``'s listeners; raise what a listener raised."""
    request = AsyncBoltRequest(
        body=bolt_body(record.payload),
        mode="socket_mode",  # the body is a dict, as a Socket Mode envelope's
        context={RECORD: record, NOW: now},
    )
    response = await app.async_dispatch(request)
    error = request.context.get(ERROR)
    if isinstance(error, Exception):
        raise error
    return response


async def run_socket_mode(
    app: AsyncApp, app_token: str, web_client: AsyncWebClient, stop: asyncio.Event
) -> None:
    """Slack's Socket Mode until ``stop``: Bolt's ``AsyncSocketModeHandler`` (slack_sdk's
    aiohttp client) dials out with the app-level token and reconnects when Slack asks;
    each envelope goes through :class:`InboxFirst`, so it is stored before it is
    acknowledged, and an envelope left unacknowledged (the database down) comes again."""
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    handler = AsyncSocketModeHandler(app, app_token, logger=log, web_client=web_client)
    connect: Callable[[], Coroutine[Any, Any, None]] = handler.connect_async
    close: Callable[[], Coroutine[Any, Any, None]] = handler.close_async
    connecting = asyncio.create_task(connect(), name="slack-socket-connect")
    try:
        await stop.wait()
    finally:
        await close()
        connecting.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await connecting
