"""A Matrix homeserver stand-in on loopback: the Client-Server API endpoints nio uses to post.

From the Matrix specification (github.com/matrix-org/matrix-spec, content/
client-server-api/) and Synapse (github.com/element-hq/synapse, formerly matrix-org):

- ``GET /_matrix/client/v3/account/whoami`` (_index.md, Current account information);
  the access token as ``Authorization: Bearer`` or ``?access_token=``; none is 401
  ``M_MISSING_TOKEN`` "Missing access token", a wrong one 401 ``M_UNKNOWN_TOKEN``
  "Invalid access token passed." with ``soft_logout: false`` (_index.md, Using access
  tokens; synapse/api/auth/internal.py);
- ``PUT /_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}`` and
  ``PUT .../redact/{eventId}/{txnId}`` answering ``{"event_id"}`` (modules/
  instant_messaging.md, _index.md Redactions). A repeated transaction id of the same
  token and path answers the first event's id and sends nothing (_index.md,
  Transaction identifiers; synapse/rest/client/transactions.py);
- a sender who has not joined the room: 403 ``M_FORBIDDEN`` "User ... not in room ..."
  (synapse/api/auth: check_user_in_room);
- ``m.room.message`` needs ``msgtype`` and ``body``, and ``format`` whenever
  ``formatted_body`` is given (modules/instant_messaging.md, m.room.message and
  m.text), refused with 400 ``M_BAD_JSON``; a body that is no JSON object 400
  ``M_NOT_JSON``;
- the whole event, in the federation format and canonical JSON, at most 65,536 bytes
  (_index.md, Size limits), else 413 ``M_TOO_LARGE`` "event too large"
  (synapse/event_auth.py, _check_size_limits);
- an ``m.replace`` edit applies only when valid: the original is in the room, from the
  same sender, not itself an edit, and ``m.new_content`` is present; an invalid one is
  kept but ignored (modules/event_replacements.md, Validity of replacement events);
- Synapse's message rate limit as a leaky bucket (``rc_message``: ``per_second`` 0.2,
  ``burst_count`` 10; synapse/api/ratelimiting.py), past it 429 ``M_LIMIT_EXCEEDED``
  "Too Many Requests" with ``retry_after_ms`` and a ``Retry-After`` header
  (_index.md, Rate limiting; synapse/api/errors.py LimitExceededError).

- ``POST /_matrix/media/v3/upload`` (content-repo.md, Client behaviour; the upload kept
  its path when media downloads moved to ``/_matrix/client/v1/media``): the bytes as the
  body, their type in ``Content-Type``, ``?filename=``; answered ``{"content_uri":
  "mxc://<server>/<media id>"}``. As Synapse's ``UploadServlet``
  (synapse/rest/media/upload_resource.py): no ``Content-Length`` is 400 "Request must
  specify a Content-Length", more than ``max_upload_size`` (50M by default,
  synapse/config/repository.py) is 413 ``M_TOO_LARGE`` "Upload
  request body is too large", no ``Content-Type`` is 400 "Upload request missing
  'Content-Type'" (both 400s with Synapse's default ``M_UNKNOWN``).

It lists the room's messages at ``GET /_standin/messages``.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web

from bots.limits import MATRIX, MATRIX_UPLOAD, MatrixLimits
from bots.standin import Clock, ImageFacts, LoopbackServer, default_clock, image_facts

SERVER = "standin.local"


@dataclass
class StoredEvent:
    """An ``m.room.message`` as the room holds it, its latest valid edit applied."""

    event_id: str
    room_id: str
    sender: str
    content: dict[str, Any]
    origin_server_ts: int
    edits: int = 0
    redacted: bool = False
    replaces: str | None = None
    txn_id: str = ""
    """The client's transaction id (the hub's sink names an item's parts by it)."""

    @property
    def body(self) -> str:
        return str(self.content.get("body", ""))

    @property
    def formatted_body(self) -> str:
        return str(self.content.get("formatted_body", ""))


@dataclass
class StoredMedia:
    """An upload to the media repository: its type as declared, bytes, and what the
    homeserver decoded of it (clients read ``info`` from the event, not from here)."""

    media_id: str
    content_type: str
    filename: str | None
    data: bytes = field(repr=False)
    facts: ImageFacts | None = None

    @property
    def content_uri(self) -> str:
        return f"mxc://{SERVER}/{self.media_id}"


@dataclass
class Received:
    method: str
    path: str
    status: int
    errcode: str | None = None


class MatrixError(Exception):
    def __init__(self, status: int, errcode: str, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.status = status
        self.body: dict[str, Any] = {"errcode": errcode, "error": error, **extra}


class LeakyBucket:
    """Synapse's ``Ratelimiter``: ``burst_count`` actions at once, refilled at ``rate``/s."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._state: dict[str, tuple[float, float]] = {}

    def _used(self, key: str, now: float) -> float:
        used, at = self._state.get(key, (0.0, now))
        return max(0.0, used - (now - at) * self.rate)

    def wait(self, key: str, now: float) -> float:
        used = self._used(key, now)
        return 0.0 if used + 1 <= self.burst else (used + 1 - self.burst) / self.rate

    def record(self, key: str, now: float) -> None:
        self._state[key] = (self._used(key, now) + 1, now)


def canonical(value: Any) -> bytes:
    """Canonical JSON (appendices.md): sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


@dataclass
class MatrixStandIn(LoopbackServer):
    """A homeserver where ``tokens`` (access token -> user id) have joined ``rooms``."""

    tokens: dict[str, str] = field(
        default_factory=lambda: {"stand-in-matrix-token": f"@hub:{SERVER}"}
    )
    rooms: dict[str, set[str]] = field(
        default_factory=lambda: {f"!news:{SERVER}": {f"@hub:{SERVER}"}}
    )
    clock: Clock = default_clock
    wall_clock: Clock = time.time
    limits: MatrixLimits = MATRIX
    received: list[Received] = field(default_factory=list)
    events: dict[str, StoredEvent] = field(default_factory=dict)
    media: dict[str, StoredMedia] = field(default_factory=dict)  # by mxc:// URI
    max_upload_size: int = MATRIX_UPLOAD.max_bytes

    def __post_init__(self) -> None:
        super().__init__()
        self._bucket = LeakyBucket(self.limits.per_second, self.limits.burst_count)
        self._transactions: dict[tuple[str, str], dict[str, Any]] = {}
        self._failures: list[MatrixError] = []
        self._next = 0

    def fail_next(self, status: int, errcode: str, error: str, **extra: Any) -> None:
        """Answer the next send or redaction with this error instead."""
        self._failures.append(MatrixError(status, errcode, error, **extra))

    def messages(self, room_id: str | None = None) -> list[StoredEvent]:
        """The messages shown in a room (edits folded in, redacted ones left out)."""
        return [
            e
            for e in self.events.values()
            if e.replaces is None and not e.redacted and room_id in (None, e.room_id)
        ]

    def routes(self, app: web.Application) -> None:
        base = "/_matrix/client/v3"
        app.router.add_get("/_matrix/client/versions", self._versions)
        app.router.add_get(f"{base}/account/whoami", self._handle)
        app.router.add_put(f"{base}/rooms/{{room}}/send/{{type}}/{{txn}}", self._handle)
        app.router.add_put(f"{base}/rooms/{{room}}/redact/{{event}}/{{txn}}", self._handle)
        app.router.add_post("/_matrix/media/v3/upload", self._upload)
        app.router.add_get("/_standin/messages", self._list)

    def picture_of(self, event: StoredEvent) -> ImageFacts | None:
        """What the homeserver decoded of the media an ``m.image`` event shows, if any."""
        if event.content.get("msgtype") != "m.image":
            return None
        found = self.media.get(str(event.content.get("url") or ""))
        return found.facts if found is not None else None

    async def _upload(self, request: web.Request) -> web.Response:
        try:
            self._user(request)
            length = request.headers.get("Content-Length")
            if length is None:
                raise MatrixError(400, "M_UNKNOWN", "Request must specify a Content-Length")
            if int(length) > self.max_upload_size:
                raise MatrixError(413, "M_TOO_LARGE", "Upload request body is too large")
            if "Content-Type" not in request.headers:
                raise MatrixError(400, "M_UNKNOWN", "Upload request missing 'Content-Type'")
            data = await request.read()
        except MatrixError as exc:
            self.received.append(
                Received(request.method, request.path, exc.status, exc.body["errcode"])
            )
            return web.json_response(exc.body, status=exc.status)
        self._next += 1
        media = StoredMedia(
            f"standinMedia{self._next:06d}",
            request.headers["Content-Type"],
            request.query.get("filename"),
            data,
            image_facts(data),
        )
        self.media[media.content_uri] = media
        self.received.append(Received(request.method, request.path, 200))
        return web.json_response({"content_uri": media.content_uri})

    async def _versions(self, request: web.Request) -> web.Response:
        return web.json_response({"versions": ["v1.1", "v1.6", "v1.11"]})

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(e) for e in self.events.values()])

    async def _handle(self, request: web.Request) -> web.Response:
        try:
            answer = await self._answer(request)
        except MatrixError as exc:
            self.received.append(
                Received(request.method, request.path, exc.status, exc.body["errcode"])
            )
            headers = {}
            if exc.status == 429 and "retry_after_ms" in exc.body:
                headers["Retry-After"] = str(max(1, math.ceil(exc.body["retry_after_ms"] / 1000)))
            return web.json_response(exc.body, status=exc.status, headers=headers)
        self.received.append(Received(request.method, request.path, 200))
        return web.json_response(answer)

    def _user(self, request: web.Request) -> tuple[str, str]:
        header = request.headers.get("Authorization", "")
        token = header[7:] if header.startswith("Bearer ") else request.query.get("access_token")
        if not token:
            raise MatrixError(401, "M_MISSING_TOKEN", "Missing access token")
        user = self.tokens.get(token)
        if user is None:
            raise MatrixError(
                401, "M_UNKNOWN_TOKEN", "Invalid access token passed.", soft_logout=False
            )
        return token, user

    async def _answer(self, request: web.Request) -> dict[str, Any]:
        token, user = self._user(request)
        if request.method == "GET":
            return {"user_id": user, "device_id": "STANDIN", "is_guest": False}
        room = request.match_info["room"]
        seen = self._transactions.get((token, request.path))
        if seen is not None:
            return seen
        if user not in self.rooms.get(room, set()):
            raise MatrixError(403, "M_FORBIDDEN", f"User {user} not in room {room}")
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise MatrixError(400, "M_NOT_JSON", "Content not JSON.")
        if self._failures:
            raise self._failures.pop(0)
        now = self.clock()
        wait = self._bucket.wait(user, now)
        if wait > 0:
            raise MatrixError(
                429, "M_LIMIT_EXCEEDED", "Too Many Requests", retry_after_ms=math.ceil(wait * 1000)
            )
        if "event" in request.match_info:
            answer = self._redact(room, user, request.match_info["event"], body)
        else:
            answer = self._send(
                room, user, request.match_info["type"], body, request.match_info["txn"]
            )
        self._bucket.record(user, now)
        self._transactions[(token, request.path)] = answer
        return answer

    def _new_id(self) -> str:
        self._next += 1
        return f"${self._next:06d}standinEventId{self._next}"

    def _pdu_size(self, room: str, user: str, kind: str, content: dict[str, Any]) -> int:
        """The event as federation sends it (room-event format, hashes and signatures)."""
        pdu = {
            "auth_events": [self._placeholder(i) for i in range(3)],
            "content": content,
            "depth": 10**6,
            "hashes": {"sha256": "x" * 43},
            "origin_server_ts": int(self.wall_clock() * 1000),
            "prev_events": [self._placeholder(9)],
            "room_id": room,
            "sender": user,
            "signatures": {SERVER: {"ed25519:a_AbCd": "s" * 86}},
            "type": kind,
            "unsigned": {"age_ts": int(self.wall_clock() * 1000)},
        }
        return len(canonical(pdu))

    @staticmethod
    def _placeholder(number: int) -> str:
        return f"${number:043d}"

    def _send(
        self, room: str, user: str, kind: str, content: dict[str, Any], txn: str = ""
    ) -> dict[str, Any]:
        if kind == "m.room.message":
            for key in ("msgtype", "body"):
                if not isinstance(content.get(key), str):
                    raise MatrixError(400, "M_BAD_JSON", f"'{key}' not in content or not a string")
            if "formatted_body" in content and not isinstance(content.get("format"), str):
                raise MatrixError(400, "M_BAD_JSON", "'format' is required with 'formatted_body'")
        if self._pdu_size(room, user, kind, content) > self.limits.event_bytes:
            raise MatrixError(413, "M_TOO_LARGE", "event too large")
        stored = StoredEvent(
            self._new_id(), room, user, dict(content), int(self.wall_clock() * 1000), txn_id=txn
        )
        relation = content.get("m.relates_to")
        if isinstance(relation, dict) and relation.get("rel_type") == "m.replace":
            stored.replaces = str(relation.get("event_id"))
            original = self.events.get(stored.replaces)
            new = content.get("m.new_content")
            if (
                original is not None
                and original.room_id == room
                and original.sender == user
                and original.replaces is None
                and not original.redacted
                and isinstance(new, dict)
            ):
                original.content = dict(new)
                original.edits += 1
        self.events[stored.event_id] = stored
        return {"event_id": stored.event_id}

    def _redact(self, room: str, user: str, event_id: str, body: dict[str, Any]) -> dict[str, Any]:
        found = self.events.get(event_id)
        if found is not None and found.room_id == room:
            if found.sender != user:
                raise MatrixError(403, "M_FORBIDDEN", "You don't have permission to redact events")
            found.redacted = True
            found.content = {}  # the redaction algorithm keeps no content of a message
        return {"event_id": self._new_id()}
