"""A Mastodon REST API stand-in on loopback.

Speaks what the sink uses: ``GET /api/v1/accounts/verify_credentials``,
``POST /api/v1/statuses`` (form or JSON, with ``Idempotency-Key``),
``PUT`` and ``DELETE /api/v1/statuses/:id``, with Bearer tokens, Mastodon's
``{"error": "..."}`` bodies (401, 404, 422 "Validation failed: Text character
limit of 500 exceeded"), ``X-RateLimit-Limit/Remaining/Reset`` headers on
every answer and 429 when the account's posting window is spent. Statuses
are counted as Mastodon's app/validators/status_length_validator.rb counts
them: graphemes of the spoiler text and the text, where each URL
twitter-text's extractor finds (protocol required) counts 23 and a mention
``@user@domain`` counts as ``@user``. An ``Idempotency-Key`` is remembered
for one hour, as app/services/post_status_service.rb keeps it in Redis.
Deleting statuses has its own budget, 30 in 30 minutes per account
(config/initializers/rack_attack.rb, ``throttle_api_delete``), answered
with 429 and that window's ``X-RateLimit-*`` headers. It records
what it received and lists statuses at ``GET /_standin/messages``.
"""

from __future__ import annotations

import html
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate
from typing import Any

import regex
from aiohttp import web

from bots.formatting import grapheme_len
from bots.limits import MASTODON, MastodonLimits
from bots.mastodon.urls import urls_with_protocol
from bots.standin import (
    Clock,
    FloodWindow,
    ImageFacts,
    LoopbackServer,
    default_clock,
    image_facts,
    request_files,
    request_params,
)

VISIBILITIES = {"public", "unlisted", "private", "direct"}


@dataclass
class StoredStatus:
    """A status as the stand-in keeps it."""

    id: str
    account: str
    text: str
    language: str | None
    visibility: str
    created_at: str
    edited_at: str | None = None
    deleted: bool = False
    in_reply_to_id: str | None = None
    media: list[StoredMedia] = field(default_factory=list)


@dataclass
class StoredMedia:
    """An uploaded image: what the server decoded of it, and its description (alt)."""

    id: str
    account: str
    facts: ImageFacts
    size: int
    description: str
    attached: bool = False


@dataclass
class Received:
    method: str
    path: str
    params: dict[str, Any]
    status: int
    error: str = ""


class MastodonError(Exception):
    def __init__(self, status: int, error: str) -> None:
        super().__init__(error)
        self.status = status
        self.error = error


# Account::MENTION_RE and USERNAME_RE of app/models/account.rb ([[:word:]] is \w)
_MENTION = regex.compile(
    r"(?<![=/\w])@((?i:([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*))(?:@\w+(?:[.-]+\w+)*)?)"
)
# app/models/media_attachment.rb: IMAGE_LIMIT = 16.megabytes, MAX_DESCRIPTION_LENGTH = 1_500;
# app/models/concerns/attachmentable.rb (check_image_dimension): images over 7680x4320
# pixels (MAX_MATRIX_LIMIT 33_177_600) are refused; larger than 8_294_400 pixels (3840x2160,
# the :original style since 4.2) the server shrinks them.
IMAGE_LIMIT = 16 * 1024 * 1024
MAX_DESCRIPTION_LENGTH = 1500
MAX_MATRIX_LIMIT = 33_177_600
ORIGINAL_PIXELS = 8_294_400
IMAGE_TYPES = {"JPEG", "PNG", "GIF", "WEBP"}  # of IMAGE_MIME_TYPES, those Pillow decodes
IDEMPOTENCY_SECONDS = 3600  # post_status_service.rb: redis.setex(idempotency_key, 3_600, ...)


def countable_length(text: str, spoiler_text: str = "", url_length: int = 23) -> int:
    """The length Mastodon's StatusLengthValidator gives a status."""
    entities = [(url.start, url.end, "x" * url_length) for url in urls_with_protocol(text)]
    entities += [(m.start(), m.end(), "@" + m.group(2)) for m in _MENTION.finditer(text)]
    kept: list[tuple[int, int, str]] = []
    for entity in sorted(entities):  # Extractor.remove_overlapping_entities
        if not kept or entity[0] >= kept[-1][1]:
            kept.append(entity)
    parts, start = [], 0
    for begin, end, replacement in kept:
        parts += [text[start:begin], replacement]
        start = end
    parts.append(text[start:])
    return grapheme_len(spoiler_text + "".join(parts))


@dataclass
class MastodonStandIn(LoopbackServer):
    """A Mastodon server whose accounts are the keys of ``tokens`` (token -> username)."""

    tokens: dict[str, str] = field(default_factory=lambda: {"stand-in-token": "iopd"})
    clock: Clock = default_clock
    wall_clock: Clock = time.time
    limits: MastodonLimits = MASTODON
    received: list[Received] = field(default_factory=list)
    statuses: dict[str, StoredStatus] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__()
        self._window = FloodWindow(self.limits.statuses_per_window, self.limits.window_seconds)
        self._deletes = FloodWindow(
            self.limits.deletes_per_window, self.limits.delete_window_seconds
        )
        self._delete_throttled = False  # the last answer was the delete budget's 429
        self._idempotent: dict[tuple[str, str], tuple[str, float]] = {}  # -> (id, when)
        self._next_id = 110000000000000000
        self._failures: list[MastodonError] = []
        self.media: dict[str, StoredMedia] = {}

    def fail_next(self, status: int, error: str) -> None:
        """Answer the next status request with this error instead."""
        self._failures.append(MastodonError(status, error))

    def messages(self) -> list[StoredStatus]:
        """The statuses held (deleted ones excluded), oldest first."""
        return [s for s in self.statuses.values() if not s.deleted]

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/api/v1/accounts/verify_credentials", self._handle)
        app.router.add_post("/api/v1/statuses", self._handle)
        for version in ("v1", "v2"):  # Rails routes the path with and without a final slash
            app.router.add_get(f"/api/{version}/instance", self._instance)
            app.router.add_get(f"/api/{version}/instance/", self._instance)
        app.router.add_post("/api/v1/media", self._upload)
        app.router.add_post("/api/v2/media", self._upload)
        app.router.add_route("PUT", "/api/v1/statuses/{id}", self._handle)
        app.router.add_route("DELETE", "/api/v1/statuses/{id}", self._handle)
        app.router.add_get("/_standin/messages", self._list)

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(s) for s in self.statuses.values()])

    def _headers(self, account: str | None) -> dict[str, str]:
        now, wall = self.clock(), self.wall_clock()
        headers = {"Date": formatdate(wall, usegmt=True)}
        if account and self._delete_throttled:
            self._delete_throttled = False
            wait = self._deletes.wait(account, now)
            reset = datetime.fromtimestamp(wall + wait, UTC)
            headers |= {
                "X-RateLimit-Limit": str(self.limits.deletes_per_window),
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": reset.isoformat(timespec="seconds").replace("+00:00", "Z"),
            }
        elif account:
            wait = self._window.wait(account, now)
            used = self._window.used(account, now)
            reset = datetime.fromtimestamp(wall + (wait or self.limits.window_seconds), UTC)
            headers |= {
                "X-RateLimit-Limit": str(self.limits.statuses_per_window),
                "X-RateLimit-Remaining": str(max(0, self.limits.statuses_per_window - used)),
                "X-RateLimit-Reset": reset.isoformat(timespec="seconds").replace("+00:00", "Z"),
            }
        return headers

    async def _handle(self, request: web.Request) -> web.Response:
        params = await request_params(request)
        account = None
        try:
            account = self._account(request)
            result = self._dispatch(request, account, params)
        except MastodonError as exc:
            self.received.append(
                Received(request.method, request.path, params, exc.status, exc.error)
            )
            headers = self._headers(account)
            return web.json_response({"error": exc.error}, status=exc.status, headers=headers)
        self.received.append(Received(request.method, request.path, params, 200))
        return web.json_response(result, headers=self._headers(account))

    async def _instance(self, request: web.Request) -> web.Response:
        """``GET /api/v{1,2}/instance``: the server's version and media limits (Mastodon.py
        reads the version to choose ``/api/v2/media``; 4.3 added ``api_versions``)."""
        return web.json_response(
            {
                "uri": "mastodon.standin",
                "domain": "mastodon.standin",
                "title": "Mastodon stand-in",
                "version": "4.3.0",
                "api_versions": {"mastodon": 2},
                "configuration": {
                    "statuses": {"max_characters": self.limits.status},
                    "media_attachments": {
                        "image_size_limit": IMAGE_LIMIT,
                        "image_matrix_limit": ORIGINAL_PIXELS,
                        "description_limit": MAX_DESCRIPTION_LENGTH,
                    },
                },
            }
        )

    async def _upload(self, request: web.Request) -> web.Response:
        """``POST /api/v2/media``: an image checked as app/models/media_attachment.rb does."""
        params = await request_params(request)
        files = await request_files(request)
        account = None
        try:
            account = self._account(request)
            result = self._media(account, params, files.get("file"))
        except MastodonError as exc:
            self.received.append(
                Received(request.method, request.path, params, exc.status, exc.error)
            )
            return web.json_response({"error": exc.error}, status=exc.status)
        self.received.append(Received(request.method, request.path, params, 200))
        return web.json_response(result, headers=self._headers(account))

    def _media(self, account: str, params: dict[str, Any], upload: Any) -> dict[str, Any]:
        if upload is None:
            raise MastodonError(422, "Validation failed: File can't be blank")
        if len(upload.data) > IMAGE_LIMIT:
            raise MastodonError(422, "Validation failed: File file size must be less than 16 MB")
        facts = image_facts(upload.data)
        if facts is None or facts.format not in IMAGE_TYPES:
            raise MastodonError(
                422, "Validation failed: File content type is invalid, File is invalid"
            )
        if facts.width * facts.height > MAX_MATRIX_LIMIT:
            raise MastodonError(422, f"{facts.width}x{facts.height} images are not supported")
        description = str(params.get("description") or "")
        if len(description) > MAX_DESCRIPTION_LENGTH:
            raise MastodonError(
                422, "Validation failed: Description is too long (maximum is 1500 characters)"
            )
        self._next_id += 1
        stored = StoredMedia(str(self._next_id), account, facts, len(upload.data), description)
        self.media[stored.id] = stored
        return self._media_shape(stored)

    def _media_shape(self, media: StoredMedia) -> dict[str, Any]:
        width, height = media.facts.width, media.facts.height
        if width * height > ORIGINAL_PIXELS:  # the :original style shrinks it
            scale = (ORIGINAL_PIXELS / (width * height)) ** 0.5
            width, height = int(width * scale), int(height * scale)
        url = f"https://mastodon.standin/system/media_attachments/{media.id}/original.jpg"
        return {
            "id": media.id,
            "type": "image",
            "url": url,
            "preview_url": url.replace("original", "small"),
            "remote_url": None,
            "text_url": None,
            "description": media.description or None,
            "blurhash": "UFGuw4-p~qt7~qj[j[ay00WBRjWBxuj[WBj[",
            "meta": {
                "original": {
                    "width": width,
                    "height": height,
                    "size": f"{width}x{height}",
                    "aspect": width / height,
                }
            },
        }

    def _attach(self, account: str, params: dict[str, Any]) -> list[StoredMedia]:
        """The uploaded media a new status names (``media_ids``), each once and the poster's
        own (app/services/post_status_service.rb, validate_media!)."""
        raw = params.get("media_ids", params.get("media_ids[]", []))
        ids = [str(i) for i in (raw if isinstance(raw, list) else [raw])]
        if len(ids) > 4:
            raise MastodonError(422, "Validation failed: You cannot attach more than 4 files")
        found = [self.media.get(i) for i in ids]
        media = [m for m in found if m is not None and m.account == account and not m.attached]
        if len(media) != len(ids):
            raise MastodonError(422, "Validation failed: Media attachments are invalid")
        return media

    def _account(self, request: web.Request) -> str:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if token not in self.tokens:
            raise MastodonError(401, "The access token is invalid")
        return self.tokens[token]

    def _dispatch(self, request: web.Request, account: str, params: dict[str, Any]) -> Any:
        if request.path.endswith("verify_credentials"):
            return self._account_shape(account)
        if self._failures:
            raise self._failures.pop(0)
        if request.method == "POST":
            return self._post(request, account, params)
        stored = self.statuses.get(request.match_info["id"])
        if stored is None or stored.deleted or stored.account != account:
            raise MastodonError(404, "Record not found")
        if request.method == "DELETE":
            now = self.clock()
            if self._deletes.wait(account, now) > 0:
                self._delete_throttled = True
                raise MastodonError(429, "Too many requests")
            self._deletes.record(account, now)
            stored.deleted = True
            return {**self._shape(stored), "text": stored.text}
        stored.text = self._validated_text(params)
        stored.edited_at = self._now_iso()
        return self._shape(stored)

    def _validated_text(self, params: dict[str, Any], media: bool = False) -> str:
        text = str(params.get("status") or "")
        if not text.strip() and not media:
            raise MastodonError(422, "Validation failed: Text can't be blank")
        spoiler = str(params.get("spoiler_text") or "")
        if countable_length(text, spoiler, self.limits.url_length) > self.limits.status:
            raise MastodonError(
                422, f"Validation failed: Text character limit of {self.limits.status} exceeded"
            )
        return text

    def _post(self, request: web.Request, account: str, params: dict[str, Any]) -> Any:
        key = request.headers.get("Idempotency-Key")
        remembered = self._idempotent.get((account, key or ""))
        if key and remembered and self.clock() - remembered[1] < IDEMPOTENCY_SECONDS:
            return self._shape(self.statuses[remembered[0]])
        media = self._attach(account, params)
        text = self._validated_text(params, bool(media))
        # statuses_controller.rb set_thread: a reply to a status that does not exist (or is
        # not visible) is refused with 404 and statuses.errors.in_reply_not_found
        reply_to = str(params.get("in_reply_to_id") or "") or None
        if reply_to is not None:
            parent = self.statuses.get(reply_to)
            if parent is None or parent.deleted:
                raise MastodonError(
                    404, "The post you are trying to reply to does not appear to exist."
                )
        visibility = str(params.get("visibility") or "public")
        if visibility not in VISIBILITIES:
            raise MastodonError(422, "Validation failed: Visibility is not included in the list")
        now = self.clock()
        wait = self._window.wait(account, now)
        if wait > 0:
            raise MastodonError(429, "Too many requests")
        self._window.record(account, now)
        self._next_id += 1
        stored = StoredStatus(
            str(self._next_id), account, text, params.get("language"), visibility, self._now_iso()
        )
        stored.in_reply_to_id = reply_to
        for attached in media:
            attached.attached = True
        stored.media = media
        self.statuses[stored.id] = stored
        if key:
            self._idempotent[(account, key)] = (stored.id, now)
        return self._shape(stored)

    def _now_iso(self) -> str:
        moment = datetime.fromtimestamp(self.wall_clock(), UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def _account_shape(self, account: str) -> dict[str, Any]:
        return {
            "id": "1",
            "username": account,
            "acct": account,
            "display_name": account.upper(),
            "locked": False,
            "bot": True,
            "created_at": "2024-01-01T00:00:00.000Z",
            "note": "",
            "url": f"https://mastodon.standin/@{account}",
            "avatar": "https://mastodon.standin/avatar.png",
            "header": "https://mastodon.standin/header.png",
            "followers_count": 0,
            "following_count": 0,
            "statuses_count": len(self.messages()),
            "emojis": [],
            "fields": [],
        }

    def _shape(self, stored: StoredStatus) -> dict[str, Any]:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in stored.text.split("\n\n"))
        return {
            "id": stored.id,
            "uri": f"https://mastodon.standin/users/{stored.account}/statuses/{stored.id}",
            "url": f"https://mastodon.standin/@{stored.account}/{stored.id}",
            "created_at": stored.created_at,
            "edited_at": stored.edited_at,
            "content": paragraphs,
            "visibility": stored.visibility,
            "language": stored.language,
            "sensitive": False,
            "spoiler_text": "",
            "account": self._account_shape(stored.account),
            "media_attachments": [self._media_shape(m) for m in stored.media],
            "mentions": [],
            "tags": [],
            "emojis": [],
            "reblogs_count": 0,
            "favourites_count": 0,
            "replies_count": 0,
            "in_reply_to_id": stored.in_reply_to_id,
            "reblog": None,
        }
