"""A receiver of the hub's signed webhook on loopback, as :mod:`bots.webhook` specifies.

It checks what a careful receiver checks: ``POST`` with ``application/json``
(else 415), ``X-Hub-Signature-256`` against its secret in constant time and a
``X-Hub-Timestamp`` within five minutes of its clock (else 401, as Stripe's
and Standard Webhooks' receivers refuse old or unsigned events), a body of at
most ``WEBHOOK.body_bytes`` (else 413), an event it knows with the fields the
contract names (else 400), and an update or delete of a message it has
(else 404), and a ``picture`` whose ``data`` decodes to the image its ``content_type``,
``width``, ``height`` and ``bytes`` declare (else 400). A repeated ``X-Hub-Delivery``
gets the first answer again. Past
``per_window`` events in ``window_seconds`` it answers 429 with
``Retry-After`` in whole seconds (RFC 9110, section 10.2.3).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web

from bots.limits import WEBHOOK, WebhookLimits
from bots.standin import (
    Clock,
    FloodWindow,
    ImageFacts,
    LoopbackServer,
    default_clock,
    image_facts,
    whole_seconds,
)
from bots.webhook.format import CREATED, DELETED, UPDATED
from bots.webhook.sink import DELIVERY, SIGNATURE, TIMESTAMP, signature

FIELDS = ("id", "delivery_id", "channel")


@dataclass
class StoredEvent:
    """A message as the receiver keeps it, from its events."""

    id: str
    channel: str
    title: str
    text: str
    link: str | None
    image_url: str | None
    html: str = ""
    updated: bool = False
    deleted: bool = False
    picture: ImageFacts | None = None
    picture_alt: str = ""
    picture_url: str | None = None


@dataclass
class Received:
    path: str
    event: str
    delivery: str
    status: int


class Refused(Exception):
    def __init__(self, status: int, error: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.headers = headers or {}


@dataclass
class WebhookStandIn(LoopbackServer):
    """A receiver that shares ``secret`` with the hub."""

    secret_key: str = "stand-in-webhook-secret"
    clock: Clock = default_clock
    wall_clock: Clock = time.time
    limits: WebhookLimits = WEBHOOK
    received: list[Received] = field(default_factory=list)
    stored: dict[str, StoredEvent] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__()
        self._window = FloodWindow(self.limits.per_window, self.limits.window_seconds)
        self._answers: dict[str, dict[str, Any]] = {}
        self._failures: list[Refused] = []

    def fail_next(self, status: int, error: str, retry_after: int | None = None) -> None:
        """Answer the next event with this status (and ``Retry-After``) instead."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        self._failures.append(Refused(status, error, headers))

    def messages(self) -> list[StoredEvent]:
        return [m for m in self.stored.values() if not m.deleted]

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/_standin/messages", self._list)
        app.router.add_post("/{path:.*}", self._handle)

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(m) for m in self.stored.values()])

    async def _handle(self, request: web.Request) -> web.Response:
        delivery = request.headers.get(DELIVERY, "")
        raw = await request.read()
        try:
            answer = self._answer(request, raw, delivery)
        except Refused as exc:
            self.received.append(Received(request.path, "", delivery, exc.status))
            return web.json_response({"error": exc.error}, status=exc.status, headers=exc.headers)
        self.received.append(Received(request.path, str(answer.get("event")), delivery, 200))
        return web.json_response(answer)

    def _answer(self, request: web.Request, raw: bytes, delivery: str) -> dict[str, Any]:
        if request.content_type != "application/json":
            raise Refused(415, "expected application/json")
        if len(raw) > self.limits.body_bytes:
            raise Refused(413, "payload too large")
        stamp = request.headers.get(TIMESTAMP, "")
        given = request.headers.get(SIGNATURE, "")
        if not stamp.isdigit() or not given:
            raise Refused(401, "missing signature")
        if abs(self.wall_clock() - int(stamp)) > self.limits.signature_tolerance_seconds:
            raise Refused(401, "timestamp outside the tolerance")
        if not hmac.compare_digest(given, signature(self.secret_key, stamp, raw)):
            raise Refused(401, "bad signature")
        if delivery and delivery in self._answers:
            return self._answers[delivery]
        if self._failures:
            raise self._failures.pop(0)
        now = self.clock()
        wait = self._window.wait("receiver", now)
        if wait > 0:
            raise Refused(429, "too many events", {"Retry-After": str(whole_seconds(wait))})
        try:
            body = json.loads(raw)
        except ValueError:
            raise Refused(400, "body is not JSON") from None
        if not isinstance(body, dict) or any(key not in body for key in FIELDS):
            raise Refused(400, "missing fields: " + ", ".join(FIELDS))
        self._window.record("receiver", now)
        answer = self._apply(body)
        if delivery:
            self._answers[delivery] = answer
        return answer

    def _apply(self, body: dict[str, Any]) -> dict[str, Any]:
        kind, ident = body.get("event"), str(body["id"])
        picture = _picture(body.get("picture")) if kind in (CREATED, UPDATED) else None
        if kind == CREATED:
            if not str(body.get("title") or body.get("text") or "").strip():
                raise Refused(400, "an event with neither title nor text")
            self.stored[ident] = StoredEvent(
                ident,
                str(body["channel"]),
                str(body.get("title") or ""),
                str(body.get("text") or ""),
                body.get("link"),
                body.get("image_url"),
                str(body.get("html") or ""),
                picture=picture,
                picture_alt=str((body.get("picture") or {}).get("alt") or ""),
                picture_url=(body.get("picture") or {}).get("url"),
            )
        elif kind in (UPDATED, DELETED):
            found = self.stored.get(ident)
            if found is None or found.deleted:
                raise Refused(404, f"no message {ident}")
            if kind == DELETED:
                found.deleted = True
            else:
                found.title = str(body.get("title") or "")
                found.text = str(body.get("text") or "")
                found.link, found.image_url = body.get("link"), body.get("image_url")
                found.html = str(body.get("html") or "")
                found.picture = picture
                found.picture_alt = str((body.get("picture") or {}).get("alt") or "")
                found.picture_url = (body.get("picture") or {}).get("url")
                found.updated = True
        else:
            raise Refused(400, f"unknown event {kind!r}")
        return {"id": ident, "event": kind, "received": True}


TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}


def _picture(value: Any) -> ImageFacts | None:
    """The event's ``picture`` decoded and checked against what it declares."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        raise Refused(400, "picture: an object with data in base64")
    try:
        data = base64.b64decode(value["data"], validate=True)
    except (binascii.Error, ValueError):
        raise Refused(400, "picture: data is not base64") from None
    facts = image_facts(data)
    declared = (
        TYPES.get(str(value.get("content_type"))),
        value.get("width"),
        value.get("height"),
        value.get("bytes"),
    )
    if facts is None or declared != (facts.format, facts.width, facts.height, len(data)):
        raise Refused(400, "picture: data is not the image its fields declare")
    return facts
