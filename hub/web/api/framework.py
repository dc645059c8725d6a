"""How an API request is served: the token, its scope, its rate limit, one transaction.

Each endpoint is an :class:`Operation`, a row of a table that also writes the OpenAPI
document (:mod:`hub.web.api.openapi`), so a route and its description cannot part. A
handler is a plain synchronous function ``handler(call: Call) -> Reply`` run in a worker
thread with a database session, as the console's views are. Before it runs:

1. the ``Authorization: Bearer`` token is looked up (401 if it is missing, unknown or
   revoked; cookies are never read, so a browser's session cannot be used from another
   site and no CSRF token is needed);
2. the token's rate limit counts the request (429 with ``Retry-After`` past it; every
   answer carries ``RateLimit-Limit``, ``RateLimit-Remaining`` and ``RateLimit-Reset``);
3. the scope and the role are checked (403);
4. a JSON body is validated against the operation's model (415, 422).

A handler that cannot do what was asked raises :class:`~hub.web.api.problems.Problem`;
its changes are rolled back, the rate-limit count is kept.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hub.core.bodies import storable_text
from hub.web.api.problems import Problem
from hub.web.api.tokens import Allowance, Bearer, count_request, find_bearer
from hub.web.feed_text import writable
from hub.web.i18n import best_match, use_language
from hub.web.page import Console

LOG = logging.getLogger(__name__)
BODY_LIMIT = 256 * 1024
MAX_ID = 2**63 - 1
"""Larger ids are refused before they reach the database (PostgreSQL and SQLite overflow)."""


@dataclass
class Call:
    """One API request as a handler sees it."""

    request: Request
    db: Session
    console: Console
    now: dt.datetime
    bearer: Bearer
    body: Any = None

    def param(self, name: str) -> str:
        return self.request.query_params.get(name, "").strip()

    def path_int(self, name: str) -> int:
        """An id from the path; one no row can have (past 64 bits) is a 404, not a crash."""
        value = int(self.request.path_params[name])
        if value > MAX_ID:
            raise Problem("not-found", f"there is no {name.removesuffix('_id')} {value}")
        return value

    @property
    def actor(self) -> str:
        return self.bearer.actor


@dataclass
class Reply:
    """What a handler answers: a model (dumped as JSON), its status and extra headers."""

    model: BaseModel
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Query:
    """A query parameter as the document describes it."""

    name: str
    description: str
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})


Handler = Callable[[Call], Reply]


@dataclass(frozen=True)
class Operation:
    """One endpoint: its address, what it needs and what it answers."""

    method: str
    path: str
    operation_id: str
    summary: str
    handler: Handler
    scope: str
    answers: dict[int, type[BaseModel]]
    admin_role: bool = False
    body: type[BaseModel] | None = None
    query: tuple[Query, ...] = ()
    description: str = ""


PAGE_LIMIT = Query(
    "limit", "How many to answer (1-200, 50 by default).", {"type": "integer", "minimum": 1}
)
PAGE_BEFORE = Query("before", "Only those with a smaller id (the next page).", {"type": "integer"})


def page_size(call: Call) -> int:
    raw = call.param("limit") or "50"
    if not raw.isdigit() or not 1 <= int(raw) <= 200:
        raise Problem("invalid-request", "limit must be a whole number from 1 to 200")
    return int(raw)


def before_id(call: Call) -> int | None:
    raw = call.param("before")
    if not raw:
        return None
    if not raw.isdigit() or int(raw) > MAX_ID:
        raise Problem("invalid-request", "before must be a whole number (an id)")
    return int(raw)


def next_page(call: Call, rows: list[Any], size: int) -> str | None:
    """The address of the next page when ``rows`` (one more than ``size``) has more."""
    if len(rows) <= size:
        return None
    params = dict(call.request.query_params)
    params["before"] = str(rows[size - 1].id)
    return f"{call.request.url.path}?{urlencode(params)}"


class WritableJSON(JSONResponse):
    """JSON as Starlette writes it, with each lone surrogate as U+FFFD
    (:func:`~hub.web.feed_text.writable`): a JSON column kept one from before the inputs
    refused it, and the whole list holding the row failed to encode (a 500)."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(
            content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
        )
        return writable(text).encode("utf-8")


def endpoint(operation: Operation) -> Callable[[Request], Any]:
    """The Starlette endpoint serving ``operation``."""

    async def serve(request: Request) -> Response:
        raw: bytes | Problem = b""
        if operation.body is not None:
            raw = await _read_body(request)
        return await run_in_threadpool(_serve, operation, request, raw)

    serve.__name__ = operation.operation_id
    return serve


async def _read_body(request: Request) -> bytes | Problem:
    """The JSON body, read up to :data:`BODY_LIMIT`; or the problem with it (answered only
    once the token is known: a caller without one learns nothing of the body's rules)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        return Problem(
            "unsupported-media-type", "send the body as JSON (Content-Type: application/json)"
        )
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > BODY_LIMIT:
            return Problem("invalid-request", f"the body is larger than {BODY_LIMIT // 1024} KB")
    return body


def _bearer_token(request: Request) -> str | None:
    scheme, _sep, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _serve(operation: Operation, request: Request, raw: bytes | Problem) -> Response:
    console: Console = request.app.state.console
    instance = request.url.path
    language = best_match(request.headers.get("accept-language"))
    with use_language(language), Session(console.engine, expire_on_commit=False) as db:
        token = _bearer_token(request)
        bearer = find_bearer(db, token) if token else None
        if bearer is None:
            db.rollback()
            why = "no token was given" if token is None else "the token is unknown or revoked"
            problem = Problem(
                "unauthorized",
                f"{why}: send 'Authorization: Bearer <token>' with a token made in the "
                "console (Account, API tokens)",
                headers={"www-authenticate": 'Bearer realm="hub"'},
            )
            return problem.response(instance)
        now = console.clock()
        allowance = count_request(db, bearer.token, now, limit=request.app.state.api_rate_limit)
        db.commit()  # the count holds whatever the handler does
        limits = _limit_headers(allowance)
        try:
            if not allowance.allowed:
                raise Problem(
                    "too-many-requests",
                    f"at most {allowance.limit} requests a minute per token; "
                    f"try again in {limits['retry-after']} s",
                    headers={"retry-after": limits["retry-after"]},
                )
            _check_rights(operation, bearer)
            call = Call(request, db, console, now, bearer, _parse(operation, raw))
            reply = operation.handler(call)
            db.commit()
        except Problem as problem:
            db.rollback()
            response: Response = problem.response(instance)
        except Exception:
            db.rollback()
            LOG.exception("API %s %s failed", request.method, instance)
            failed = Problem("server-error", "the hub failed to do this; the error is logged")
            response = failed.response(instance)
        else:
            response = WritableJSON(
                reply.model.model_dump(mode="json"),
                status_code=reply.status,
                headers=reply.headers or None,
            )
    response.headers.update({k: v for k, v in limits.items() if k != "retry-after"})
    response.headers.setdefault("cache-control", "no-store")
    return response


def _limit_headers(allowance: Allowance) -> dict[str, str]:
    reset = max(1, int(allowance.reset.total_seconds() + 0.999))
    return {
        "ratelimit-limit": str(allowance.limit),
        "ratelimit-remaining": str(allowance.remaining),
        "ratelimit-reset": str(reset),
        "retry-after": str(reset),
    }


def _check_rights(operation: Operation, bearer: Bearer) -> None:
    if not bearer.may(operation.scope):
        raise Problem(
            "forbidden",
            f"this needs a token with the scope {operation.scope!r} "
            f"(this one has: {', '.join(bearer.token.scopes)})",
        )
    if operation.admin_role and bearer.user.role != "admin":
        raise Problem("forbidden", "only an admin's token may do this (as in the console)")


def _parse(operation: Operation, raw: bytes | Problem) -> Any:
    if operation.body is None:
        return None
    if isinstance(raw, Problem):
        raise raw
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise Problem("invalid-request", "the body is not valid JSON") from None
    try:
        unstorable = list(_unstorable(data, "#"))
    except RecursionError:
        raise Problem("invalid-request", "the body is nested too deeply") from None
    if unstorable:  # stored, a NUL fails PostgreSQL and a lone surrogate every later read
        errors = [{"pointer": pointer, "detail": detail} for pointer, detail in unstorable]
        raise Problem(
            "invalid-request",
            f"{unstorable[0][0]} {unstorable[0][1]}",
            errors=errors,
        )
    try:
        return operation.body.model_validate(data)
    except ValidationError as exc:
        errors = [
            {
                "pointer": "#/" + "/".join(str(part) for part in error["loc"]),
                "detail": error["msg"],
            }
            for error in exc.errors()
        ]
        raise Problem(
            "invalid-request", "the body does not match the schema", errors=errors
        ) from None


def _unstorable(value: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """Where ``value`` holds text no database keeps and no page can show: a NUL (PostgreSQL
    refuses it) or a lone surrogate (``\\ud800`` escaped alone: stored, every response
    that holds it, /events.ics included, failed to encode it afterwards)."""
    if isinstance(value, str):
        if storable_text(value) != value:
            what = "a NUL character (\\u0000)" if "\x00" in value else "a lone surrogate"
            yield pointer, f"holds {what}: send the text without it"
    elif isinstance(value, dict):
        for key, item in value.items():
            shown = f"{pointer}/{storable_text(str(key))}"  # the problem itself must encode
            if storable_text(str(key)) != str(key):
                yield shown, "the key holds a NUL or a lone surrogate"
            yield from _unstorable(item, shown)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unstorable(item, f"{pointer}/{index}")
