"""A Bluesky PDS stand-in on loopback (the XRPC endpoints the sink uses).

Speaks ``com.atproto.server.createSession`` / ``refreshSession`` (app
password in, JWT-shaped tokens out), ``com.atproto.repo.createRecord``,
``putRecord`` and ``deleteRecord``, and ``listRecords`` for reading back.
It checks the Bearer token the way the PDS's auth verifier does
(packages/pds/src/auth-verifier.ts in bluesky-social/atproto): no token is
401 ``AuthMissing``, an expired one 400 ``ExpiredToken`` ("Token has
expired"; access tokens live 120 minutes), an unknown or revoked one 400
``InvalidToken`` ("Token could not be verified"), and a revoked refresh
token 400 ``ExpiredToken`` ("Token has been revoked", from
api/com/atproto/server/refreshSession.ts). It checks that the repo is the
session's own, and the post record the way the app.bsky lexicon does (see
:func:`check_post`). Errors come as ``{"error": "InvalidRequest",
"message": "..."}``; the per-account write budget
answers 429 with ``ratelimit-limit/remaining/reset/policy`` headers like the
PDS. Records are kept and listed at ``GET /_standin/messages``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web

from bots.formatting import grapheme_len
from bots.limits import BLUESKY, BlueskyLimits
from bots.standin import (
    Clock,
    ImageFacts,
    LoopbackServer,
    default_clock,
    image_facts,
    request_params,
)

TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
POST = "app.bsky.feed.post"
# lexicons/app/bsky/embed/images.json and embed/external.json: an image or a card's thumb is
# a blob accepting "image/*" of maxSize 1000000; images at most 4, each with a required "alt".
# The PDS checks a record's blobs when it is written (createRecord's errors: InvalidBlob,
# BlobTooLarge, InvalidMimeType), naming size and limit in the message.
IMAGE_MAX_SIZE = 1_000_000
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
WRITE_COST = {"createRecord": 3, "putRecord": 2, "deleteRecord": 1}  # write points


@dataclass
class Account:
    handle: str
    did: str
    app_password: str


@dataclass
class Token:
    account: Account
    scope: str  # com.atproto.appPass (access) or com.atproto.refresh
    expires: float  # wall-clock seconds


ACCESS_SECONDS = 120 * 60  # the PDS's access token lifetime
REFRESH_SECONDS = 90 * 86400  # and its refresh token's


@dataclass
class StoredRecord:
    uri: str
    repo: str
    rkey: str
    cid: str
    record: dict[str, Any]
    edited: bool = False
    deleted: bool = False


@dataclass
class StoredBlob:
    """An uploaded blob: its type as sniffed, its size, and the image decoded (or None)."""

    cid: str
    mime: str
    size: int
    facts: ImageFacts | None
    used_in: list[str] = field(default_factory=list)


@dataclass
class Received:
    method: str
    params: dict[str, Any]
    status: int
    error: str = ""


class XrpcError(Exception):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _claims(token: str) -> dict[str, Any]:
    """The claims of a JWT-shaped token (empty when it is not one)."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return claims if isinstance(claims, dict) else {}


def fake_cid(payload: Any) -> str:
    """A CIDv1 (dag-cbor, sha-256) in base32, derived from the record's JSON."""
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).digest()
    raw = bytes([0x01, 0x71, 0x12, 0x20]) + digest
    return "b" + base64.b32encode(raw).decode().lower().rstrip("=")


def tid(number: int) -> str:
    """A 13-character record key in the TID alphabet, increasing with ``number``."""
    chars = []
    for _ in range(13):
        number, rest = divmod(number, 32)
        chars.append(TID_ALPHABET[rest])
    return "".join(reversed(chars))


@dataclass
class BlueskyStandIn(LoopbackServer):
    """A PDS with the given accounts (handle -> app password)."""

    accounts: dict[str, str] = field(default_factory=lambda: {"iopd.bsky.social": "app-pass"})
    clock: Clock = default_clock
    wall_clock: Clock = time.time
    limits: BlueskyLimits = BLUESKY
    received: list[Received] = field(default_factory=list)
    records: dict[str, StoredRecord] = field(default_factory=dict)
    blobs: dict[str, StoredBlob] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__()
        self._accounts: dict[str, Account] = {}
        for handle, app_password in self.accounts.items():
            self.add_account(handle, app_password)
        self._tokens: dict[str, Token] = {}
        self._points: dict[str, deque[tuple[float, int]]] = {}  # did -> (when, cost) spent
        self._sequence = 1_700_000_000_000_000
        self._sessions = 0
        self._failures: list[XrpcError] = []

    def add_account(self, handle: str, app_password: str) -> None:
        """Make an account known (its DID is derived from the handle)."""
        did = "did:plc:" + hashlib.sha256(handle.encode()).hexdigest()[:24]
        self._accounts[handle] = Account(handle, did, app_password)

    def did_of(self, handle: str) -> str:
        return self._accounts[handle].did

    def revoke_sessions(self, handle: str) -> None:
        """End every session of the account (an app password revoked, say)."""
        did = self._accounts[handle].did
        self._tokens = {k: t for k, t in self._tokens.items() if t.account.did != did}

    def fail_next(self, status: int, error: str, message: str) -> None:
        """Answer the next repo write with this error instead."""
        self._failures.append(XrpcError(status, error, message))

    def messages(self) -> list[StoredRecord]:
        return [r for r in self.records.values() if not r.deleted]

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/xrpc/{method}", self._handle)
        app.router.add_get("/_standin/messages", self._list)

    async def _list(self, request: web.Request) -> web.Response:
        return web.json_response([asdict(r) for r in self.records.values()])

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await request_params(request)
        headers: dict[str, str] = {}
        try:
            if method == "com.atproto.repo.uploadBlob":
                self._account_of(request.headers.get("Authorization", "")[7:].strip(), False)
                data = await request.read()
                result = self._upload_blob(data, request.content_type)
                self.received.append(Received(method, {"size": len(data)}, 200))
                return web.json_response(result)
            result = self._dispatch(request, method, params, headers)
        except XrpcError as exc:
            self.received.append(Received(method, params, exc.status, exc.error))
            body = {"error": exc.error, "message": exc.message}
            return web.json_response(body, status=exc.status, headers=headers)
        self.received.append(Received(method, params, 200))
        return web.json_response(result, headers=headers)

    def _upload_blob(self, data: bytes, declared: str) -> dict[str, Any]:
        """``com.atproto.repo.uploadBlob``: the PDS keeps any bytes and sniffs their type;
        the lexicon's rules apply when a record uses the blob."""
        facts = image_facts(data)
        mime = IMAGE_FORMATS.get(facts.format, declared) if facts else declared
        cid = fake_cid({"blob": hashlib.sha256(data).hexdigest()})
        self.blobs[cid] = StoredBlob(cid, mime, len(data), facts)
        ref = {"$type": "blob", "ref": {"$link": cid}, "mimeType": mime, "size": len(data)}
        return {"blob": ref}

    def _session(self, account: Account) -> dict[str, Any]:
        now = int(self.wall_clock())
        claims: dict[str, Any] = {"sub": account.did, "iat": now, "aud": "did:web:pds.standin"}
        header = _b64({"typ": "at+jwt", "alg": "ES256K"})
        self._sessions += 1
        claims["jti"] = str(self._sessions)  # two sessions in one second differ
        access_claims = {**claims, "scope": "com.atproto.appPass", "exp": now + ACCESS_SECONDS}
        access = f"{header}.{_b64(access_claims)}.sig"
        refresh_claims = {**claims, "scope": "com.atproto.refresh", "exp": now + REFRESH_SECONDS}
        refresh = f"{header}.{_b64(refresh_claims)}.sig"
        self._tokens[access] = Token(account, "com.atproto.appPass", now + ACCESS_SECONDS)
        self._tokens[refresh] = Token(account, "com.atproto.refresh", now + REFRESH_SECONDS)
        return {
            "accessJwt": access,
            "refreshJwt": refresh,
            "handle": account.handle,
            "did": account.did,
            "active": True,
        }

    def _dispatch(
        self, request: web.Request, method: str, params: dict[str, Any], headers: dict[str, str]
    ) -> Any:
        if method == "com.atproto.server.createSession":
            account = self._accounts.get(str(params.get("identifier", "")).lstrip("@"))
            if account is None or params.get("password") != account.app_password:
                raise XrpcError(401, "AuthenticationRequired", "Invalid identifier or password")
            return self._session(account)
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer ") or not header.removeprefix("Bearer ").strip():
            raise XrpcError(401, "AuthMissing", "Authentication Required")
        refreshing = method == "com.atproto.server.refreshSession"
        account = self._account_of(header.removeprefix("Bearer ").strip(), refreshing)
        if refreshing:
            return self._session(account)
        if method == "com.atproto.repo.listRecords":
            return {
                "records": [
                    {"uri": r.uri, "cid": r.cid, "value": r.record} for r in self.messages()
                ]
            }
        if method == "com.atproto.repo.getRecord":
            # packages/pds/src/api/com/atproto/repo/getRecord.ts: a record not held is
            # InvalidRequestError(`Could not locate record: ${uri}`, 'RecordNotFound')
            uri = f"at://{account.did}/{params.get('collection')}/{params.get('rkey')}"
            found = self.records.get(uri)
            if found is None or found.deleted:
                raise XrpcError(400, "RecordNotFound", f"Could not locate record: {uri}")
            return {"uri": found.uri, "cid": found.cid, "value": found.record}
        if method not in (
            "com.atproto.repo.createRecord",
            "com.atproto.repo.putRecord",
            "com.atproto.repo.deleteRecord",
        ):
            raise XrpcError(501, "MethodNotImplemented", f"Method Not Implemented: {method}")
        if params.get("repo") not in (account.did, account.handle):
            raise XrpcError(400, "InvalidRequest", "Invalid repo: not the session's account")
        if params.get("collection") != POST:
            raise XrpcError(
                400, "InvalidRequest", f"Unsupported collection {params.get('collection')}"
            )
        if self._failures:
            raise self._failures.pop(0)
        self._spend(account, headers, WRITE_COST[method.rsplit(".", 1)[-1]])
        if method == "com.atproto.repo.deleteRecord":
            stored = self.records.get(f"at://{account.did}/{POST}/{params.get('rkey')}")
            if stored is not None:
                stored.deleted = True
            return {}
        record: dict[str, Any] = params.get("record") or {}
        check_post(record, self.limits)
        self._check_blobs(record)
        if method == "com.atproto.repo.putRecord":
            rkey = str(params.get("rkey") or "")
            edited = f"at://{account.did}/{POST}/{rkey}" in self.records
        else:
            self._sequence += 1
            rkey, edited = tid(self._sequence), False
        uri = f"at://{account.did}/{POST}/{rkey}"
        stored = StoredRecord(uri, account.did, rkey, fake_cid(record), record, edited=edited)
        self.records[uri] = stored
        return {"uri": uri, "cid": stored.cid, "validationStatus": "valid"}

    def _check_blobs(self, record: dict[str, Any]) -> None:
        """The post's images or card thumb as the lexicon and the PDS check them."""
        embed = record.get("embed")
        if not isinstance(embed, dict):
            return
        blobs: list[tuple[str, Any]] = []
        if embed.get("$type") == "app.bsky.embed.images":
            images = embed.get("images")
            if not isinstance(images, list) or len(images) > 4:
                raise XrpcError(
                    400,
                    "InvalidRequest",
                    "Invalid app.bsky.feed.post record: "
                    "Record/embed/images must be an array of at most 4 elements",
                )
            for number, image in enumerate(images):
                where = f"Record/embed/images/{number}"
                if not isinstance(image, dict) or not isinstance(image.get("alt"), str):
                    raise XrpcError(
                        400,
                        "InvalidRequest",
                        f'Invalid app.bsky.feed.post record: {where} must have the property "alt"',
                    )
                blobs.append((f"{where}/image", image.get("image")))
        elif embed.get("$type") == "app.bsky.embed.external":
            thumb = (embed.get("external") or {}).get("thumb")
            if thumb is not None:
                blobs.append(("Record/embed/external/thumb", thumb))
        for where, blob in blobs:
            cid = ((blob or {}).get("ref") or {}).get("$link") if isinstance(blob, dict) else None
            stored = self.blobs.get(str(cid))
            if stored is None:
                raise XrpcError(400, "InvalidBlob", f"Could not find blob: {cid} ({where})")
            if stored.size > IMAGE_MAX_SIZE:
                raise XrpcError(
                    400,
                    "BlobTooLarge",
                    f"This file is too large. It is {stored.size} bytes but the maximum size "
                    f"is {IMAGE_MAX_SIZE} bytes.",
                )
            if not stored.mime.startswith("image/") or stored.facts is None:
                raise XrpcError(
                    400,
                    "InvalidMimeType",
                    f"Wrong type of file. It is {stored.mime} but it must match image/*.",
                )
            stored.used_in.append(where)

    def _account_of(self, token: str, refreshing: bool) -> Account:
        """The session's account, or the PDS's answer for a token it does not accept."""
        found = self._tokens.get(token)
        wanted = "com.atproto.refresh" if refreshing else "com.atproto.appPass"
        if found is None and refreshing and _claims(token).get("scope") == wanted:
            raise XrpcError(400, "ExpiredToken", "Token has been revoked")
        if found is None or found.scope != wanted:
            raise XrpcError(400, "InvalidToken", "Token could not be verified")
        if self.wall_clock() >= found.expires:
            raise XrpcError(400, "ExpiredToken", "Token has expired")
        if refreshing:
            del self._tokens[token]  # a refresh token is used once (rotated)
        return found.account

    def _spend(self, account: Account, headers: dict[str, str], cost: int) -> None:
        """Spend ``cost`` of the account's write points: 5,000 in any hour and 35,000 in
        any day, both sliding (docs.bsky.app/docs/advanced-guides/rate-limits). The
        headers are the hour's, or the day's when the day refuses."""
        now, wall = self.clock(), self.wall_clock()
        spent = self._points.setdefault(account.did, deque())
        while spent and spent[0][0] <= now - 86400:
            spent.popleft()
        windows = (
            (self.limits.write_points_per_hour, 3600),
            (self.limits.write_points_per_day, 86400),
        )
        for limit, seconds in windows:
            inside = [(when, points) for when, points in spent if when > now - seconds]
            used = sum(points for _, points in inside)
            wait = 0.0
            if used + cost > limit:  # wait until enough of the oldest writes leave it
                freed = 0
                for when, points in inside:
                    freed += points
                    if used - freed + cost <= limit:
                        wait = when + seconds - now
                        break
                else:
                    wait = float(seconds)  # more than a whole window's points: never
            headers |= {
                "ratelimit-limit": str(limit),
                "ratelimit-remaining": str(max(0, limit - used - (0 if wait else cost))),
                "ratelimit-reset": str(int(wall + (wait or seconds))),
                "ratelimit-policy": f"{limit};w={seconds}",
            }
            if wait > 0:
                raise XrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded")
            if seconds == 3600:
                hour = dict(headers)
        headers |= hour  # admitted: the hour's figures, as before
        spent.append((now, cost))


# Formats of the atproto lexicon (packages/lexicon/src/validators/formats.ts)
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_LANGUAGE = re.compile(r"^(i|[a-zA-Z]{2,3})(-[a-zA-Z0-9]{1,8})*$")  # BCP 47, loosely
_URI = re.compile(r"^\w+:(?://)?[^\s/][^\s]*$")
_DID = re.compile(r"^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$")
MAX_TAGS, TAG_BYTES, TAG_GRAPHEMES = 8, 640, 64


def check_post(record: Any, limits: BlueskyLimits = BLUESKY) -> None:
    """Raise XrpcError(400, InvalidRequest) where the app.bsky.feed.post lexicon would.

    The lexicons are bluesky-social/atproto's lexicons/app/bsky/feed/post.json and
    lexicons/app/bsky/richtext/facet.json; the PDS answers a record they refuse
    with ``InvalidRequest`` (api/com/atproto/repo/createRecord.ts turns its
    InvalidRecordError into an InvalidRequestError). A facet's byte range is
    only required to be two integers of at least 0: the PDS does not check it
    against the text (clients must; the AppView drops a facet that does not fit).
    """

    def invalid(message: str) -> XrpcError:
        return XrpcError(400, "InvalidRequest", f"Invalid app.bsky.feed.post record: {message}")

    if not isinstance(record, dict) or record.get("$type") != POST:
        raise invalid("Record/$type must be app.bsky.feed.post")
    text = record.get("text")
    if not isinstance(text, str):
        raise invalid('Record must have the property "text"')
    if len(text.encode("utf-8")) > limits.text_bytes:
        raise invalid(f"Record/text must not be longer than {limits.text_bytes} characters")
    if grapheme_len(text) > limits.graphemes:
        raise invalid(f"Record/text must not be longer than {limits.graphemes} graphemes")
    if not _DATETIME.match(str(record.get("createdAt", ""))):
        raise invalid(
            "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
        )
    langs = record.get("langs") or []
    if len(langs) > 3:
        raise invalid("Record/langs must not have more than 3 elements")
    for number, language in enumerate(langs):
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            raise invalid(f"Record/langs/{number} must be a well-formed BCP 47 language tag")
    tags = record.get("tags") or []
    if len(tags) > MAX_TAGS:
        raise invalid(f"Record/tags must not have more than {MAX_TAGS} elements")
    for number, tag in enumerate(tags):
        if not isinstance(tag, str) or len(tag.encode()) > TAG_BYTES:
            raise invalid(f"Record/tags/{number} must not be longer than {TAG_BYTES} characters")
        if grapheme_len(tag) > TAG_GRAPHEMES:
            raise invalid(f"Record/tags/{number} must not be longer than {TAG_GRAPHEMES} graphemes")
    if "reply" in record:  # app.bsky.feed.post#replyRef: root and parent, strong refs
        reply = record["reply"]
        if not isinstance(reply, dict):
            raise invalid("Record/reply must be an object")
        for name in ("root", "parent"):
            ref = reply.get(name)
            if not isinstance(ref, dict):
                raise invalid(f'Record/reply must have the property "{name}"')
            if not str(ref.get("uri", "")).startswith("at://"):
                raise invalid(f"Record/reply/{name}/uri must be a valid at-uri")
            if not isinstance(ref.get("cid"), str) or not ref["cid"]:
                raise invalid(f'Record/reply/{name} must have the property "cid"')
    for number, facet in enumerate(record.get("facets") or []):
        where = f"Record/facets/{number}"
        index = facet.get("index") if isinstance(facet, dict) else None
        if not isinstance(index, dict):
            raise invalid(f'{where} must have the property "index"')
        for name in ("byteStart", "byteEnd"):
            value = index.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise invalid(f"{where}/index/{name} must be an integer of at least 0")
        features = facet.get("features")
        if not isinstance(features, list):
            raise invalid(f'{where} must have the property "features"')
        for place, feature in enumerate(features):
            check_feature(feature, f"{where}/features/{place}", invalid)


def check_feature(feature: Any, where: str, invalid: Callable[[str], XrpcError]) -> None:
    """One facet feature: a mention (a DID), a link (a URI) or a tag (64 graphemes)."""
    kind = feature.get("$type") if isinstance(feature, dict) else None
    if kind == "app.bsky.richtext.facet#link":
        if not _URI.match(str(feature.get("uri", ""))):
            raise invalid(f"{where}/uri must be a uri")
    elif kind == "app.bsky.richtext.facet#mention":
        if not _DID.match(str(feature.get("did", ""))):
            raise invalid(f"{where}/did must be a valid did")
    elif kind == "app.bsky.richtext.facet#tag":
        tag = feature.get("tag")
        if not isinstance(tag, str) or grapheme_len(tag) > TAG_GRAPHEMES:
            raise invalid(f"{where}/tag must not be longer than {TAG_GRAPHEMES} graphemes")
