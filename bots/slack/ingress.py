"""``POST /slack/events``: Slack's events, slash commands and interactions, into the inbox.

One endpoint takes all three kinds (point the app's Event Subscriptions,
Slash Commands and Interactivity URLs at it). In order:

1. the raw bytes are read (at most ``MAX_BODY``) and Slack's v0 signature is
   checked on them before anything is parsed: a missing signature, a
   tampered body or a timestamp outside the 5-minute window (300 s accepted,
   301 s refused) is 401; a missing or non-numeric timestamp is 400 (slack_sdk
   itself would raise on it);
2. ``url_verification`` is answered with its challenge;
3. the request goes to the hub's Bolt app through Bolt's Starlette adapter,
   whose first middleware (:class:`bots.slack.app.InboxFirst`) commits it to
   the inbox under ``event_id`` (events) or ``<kind>:<trigger_id>:<body hash>``
   (commands, interactions), so Slack's retries (``X-Slack-Retry-Num``) are
   deduplicated and a retry of an event whose processing failed is processed
   again;
4. only then Bolt's acknowledgement (200), well within Slack's 3 seconds: the
   listeners run in the inbox worker (:mod:`bots.slack.handlers`).

Reads from ``request.app.state``: ``engine`` (SQLAlchemy), and
``slack_signing_secret`` (str), and optionally ``clock`` (a callable returning
an aware UTC datetime; default the system clock).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any
from urllib.parse import parse_qs

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_sdk.signature import Clock, SignatureVerifier
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bots.slack.app import ENGINE, NOW, STORED, slack_app
from bots.slack.app import event_key as event_key
from hub.core.bodies import BodyTooLarge, read_capped, storable

PLATFORM = "slack"
MAX_BODY = 1024 * 1024
MAX_TIMESTAMP_DIGITS = 12
log = logging.getLogger(__name__)


class _InjectedClock(Clock):
    """slack_sdk's clock interface over the app's clock."""

    def __init__(self, now: dt.datetime) -> None:
        self._now = now.timestamp()

    def now(self) -> float:
        return self._now


def app_clock(request: Request) -> dt.datetime:
    clock = getattr(request.app.state, "clock", None)
    return clock() if clock is not None else dt.datetime.now(dt.UTC)


def refusal(request: Request, body: bytes, now: dt.datetime) -> Response | None:
    """The response refusing the request, or None when Slack signed it."""
    secret = getattr(request.app.state, "slack_signing_secret", None)
    if not secret:
        return PlainTextResponse("Slack ingress is not configured", status_code=503)
    timestamp = request.headers.get("x-slack-request-timestamp")
    signature = request.headers.get("x-slack-signature")
    if timestamp is None:
        return PlainTextResponse("missing X-Slack-Request-Timestamp", status_code=400)
    stamp = timestamp.strip()
    if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= MAX_TIMESTAMP_DIGITS):
        return PlainTextResponse("X-Slack-Request-Timestamp is not a number", status_code=400)
    if not signature:
        return PlainTextResponse("missing X-Slack-Signature", status_code=401)
    verifier = SignatureVerifier(secret, clock=_InjectedClock(now))
    try:
        valid = signature.isascii() and verifier.is_valid(body, stamp, signature)
    except (UnicodeDecodeError, TypeError, ValueError):
        valid = False
    if not valid:
        return PlainTextResponse("invalid signature or stale timestamp", status_code=401)
    return None


def parse(body: bytes, content_type: str) -> dict[str, Any] | None:
    """The request as one dict: ``{"kind": "event"|"command"|"interaction", ...}``; None when
    it is none of these. Strings come without NUL and with lone surrogates replaced
    (:func:`hub.core.bodies.storable`): the inbox and the questions must be able to hold them."""
    text = body.decode("utf-8")
    if content_type.startswith("application/json"):
        data = storable(json.loads(text))
        if not isinstance(data, dict):
            return None
        if "event" in data and not isinstance(data["event"], dict):
            return None  # an event_callback carries its event as an object, always
        return {"kind": "event", **data}
    form = {key: values[-1] for key, values in parse_qs(text, keep_blank_values=True).items()}
    form = storable(form)
    if "payload" in form:
        payload = storable(json.loads(form["payload"]))
        return {"kind": "interaction", "payload": payload} if isinstance(payload, dict) else None
    if "command" in form:
        return {"kind": "command", **form}
    return None


_BOLT: dict[str, AsyncSlackRequestHandler] = {}


def bolt_handler() -> AsyncSlackRequestHandler:
    """Bolt's Starlette adapter over the web role's app: :class:`bots.slack.app.InboxFirst`
    stores and acknowledges; the listeners run in the bots role, from the inbox."""
    if "app" not in _BOLT:
        _BOLT["app"] = AsyncSlackRequestHandler(slack_app())
    return _BOLT["app"]


def _replaying(request: Request, body: bytes) -> Request:
    """The request again with the body already read (capped and verified) as its stream."""
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


async def slack_events(request: Request) -> Response:
    """The ``POST /slack/events`` endpoint (see the module docstring)."""
    try:  # read as it comes, so a chunked body is refused at the cap, not after
        body = await read_capped(request.stream(), request.headers.get("content-length"), MAX_BODY)
    except BodyTooLarge:
        return PlainTextResponse("request too large", status_code=413)
    now = app_clock(request)
    refused = refusal(request, body, now)
    if refused is not None:
        return refused
    try:
        data = parse(body, request.headers.get("content-type", ""))
    except (ValueError, UnicodeDecodeError, RecursionError):  # not JSON, or nested too deep
        data = None
    if data is None:
        return PlainTextResponse("not a Slack event, command or interaction", status_code=400)
    if data.get("type") == "url_verification":
        return JSONResponse({"challenge": str(data.get("challenge", ""))})
    context = {ENGINE: request.app.state.engine, NOW: now, STORED: data}
    return await bolt_handler().handle(_replaying(request, body), context)


def routes() -> list[Route]:
    return [Route("/slack/events", slack_events, methods=["POST"])]
