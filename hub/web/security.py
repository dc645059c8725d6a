"""Passwords, sign-in throttling and the headers every console response carries.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's
second recommended set). Sign-in is throttled per (e-mail, client address):
after :data:`MAX_FAILURES` failures within :data:`FAILURE_WINDOW` the pair is
refused until the oldest failure leaves the window, and an address trying
many e-mails after :data:`MAX_FAILURES_PER_ADDRESS`, and one account tried
from many addresses after :data:`MAX_FAILURES_PER_ACCOUNT`; the attempts
are rows, so every process of a deployment sees them. An attempt is written
(and committed) before the failures written before it are counted, so of any
number sent at once, the first ones written reach a password check, at most
the limit (:func:`claim_attempt`).

Past :data:`BACKOFF_AFTER` failures within the window for one account (from
any address), and past :data:`BACKOFF_AFTER_ADDRESS` for one address (for any
account), attempts back off exponentially: the next waits :data:`BACKOFF_BASE`
after the latest failure, doubled for each failure more, up to the window
(:func:`backoff`). An account's count starts again at its last success; an
address's does not (an insider could reset it by signing in to their own account).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, select, true, update
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.core.accounts import LoginAttempt
from hub.core.errors import HubError
from hub.core.models import User

MAX_FAILURES = 5
MAX_FAILURES_PER_ADDRESS = 30
MAX_FAILURES_PER_ACCOUNT = 20  # from any address: rotating addresses do not multiply guesses
FAILURE_WINDOW = dt.timedelta(minutes=15)
BACKOFF_AFTER = MAX_FAILURES  # failures an account may make (from anywhere) before backing off
BACKOFF_AFTER_ADDRESS = 2 * MAX_FAILURES  # and an address (for any account): people mistype
BACKOFF_BASE = dt.timedelta(seconds=2)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

# every subdomain too, so no sibling host can be reached over plain HTTP first
HSTS = "max-age=31536000; includeSubDomains"

DEFAULT_HASHER = PasswordHasher()
"""argon2id with argon2-cffi's defaults (about 0.3 s and 64 MiB per hash on a small server)."""

_DUMMY = "not a password anyone has"


@lru_cache(maxsize=8)
def _dummy_hash(hasher: PasswordHasher) -> str:
    # Verified when the e-mail is unknown, so that a wrong address costs as long as a wrong
    # password and does not tell which addresses have accounts.
    return hasher.hash(_DUMMY)


class HashingBusy(HubError):
    """Too many passwords are being checked at once; the caller answers 429."""


class HashingGate:
    """At most ``workers`` password hashes at a time, and at most ``queue`` more waiting.

    Each argon2id check takes about 64 MiB and a core for 0.3 s: 40 at once took
    the process from 378 to 1,250 MB and stalled every other request for 4 s.
    Past the queue a check is refused at once (:class:`HashingBusy`) rather
    than waiting on the shared thread pool.
    """

    def __init__(self, workers: int = 2, queue: int = 8) -> None:
        self.workers, self.queue = workers, queue
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._inside = 0

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._lock:
            if self._inside >= self.workers + self.queue:
                raise HashingBusy("too many sign-ins are being checked at once")
            self._inside += 1
        try:
            with self._slots:
                yield
        finally:
            with self._lock:
                self._inside -= 1


def hash_password(password: str, hasher: PasswordHasher = DEFAULT_HASHER) -> str:
    """An argon2id hash of ``password`` (salted, with the parameters in the string)."""
    return hasher.hash(password)


def check_password(
    user: User | None,
    password: str,
    hasher: PasswordHasher = DEFAULT_HASHER,
    gate: HashingGate | None = None,
) -> bool:
    """True when ``password`` is the user's; rehashes in place when the parameters changed.

    With a ``gate``, the check waits for one of its slots (HashingBusy past its queue).
    """
    stored = user.password_hash if user is not None and user.active else None
    try:
        if gate is None:
            hasher.verify(stored or _dummy_hash(hasher), password)
        else:
            with gate.slot():
                hasher.verify(stored or _dummy_hash(hasher), password)
    except (VerificationError, InvalidHashError):
        return False
    if stored is None or user is None:
        return False
    if hasher.check_needs_rehash(stored):
        user.password_hash = hasher.hash(password)
    return True


@dataclass(frozen=True)
class Throttle:
    """Whether a (e-mail, address) pair may try to sign in, and for how long not."""

    allowed: bool
    retry_after: dt.timedelta = dt.timedelta(0)


def backoff(failures: int, free: int = BACKOFF_AFTER) -> dt.timedelta:
    """How long after the latest failure the next attempt waits, after ``failures``
    of which ``free`` cost nothing: 0, then 2 s, 4 s, 8 s ... up to the window."""
    if failures <= free:
        return dt.timedelta(0)
    doubled: dt.timedelta = BACKOFF_BASE * 2 ** min(failures - free - 1, 20)
    return min(doubled, FAILURE_WINDOW)


def _backing_off(
    session: Session, email: str, ip: str, now: dt.datetime, exclude: int | None
) -> Throttle:
    """The exponential backoff per account (since its last success) and per address."""
    since = now - FAILURE_WINDOW
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.email == email, LoginAttempt.succeeded)
    )
    account_since = max(since, last_success) if last_success is not None else since
    longest = dt.timedelta(0)
    for column, value, start, free in (
        (LoginAttempt.email, email, account_since, BACKOFF_AFTER),
        (LoginAttempt.ip, ip, since, BACKOFF_AFTER_ADDRESS),
    ):
        query = (
            select(LoginAttempt.at)
            .where(column == value, LoginAttempt.succeeded.is_(False), LoginAttempt.at > start)
            .order_by(LoginAttempt.at.desc())
        )
        if exclude is not None:  # the attempts written before this one (see claim_attempt)
            query = query.where(LoginAttempt.id < exclude)
        earlier = list(session.scalars(query.limit(free + 21)))
        if earlier:
            longest = max(longest, earlier[0] + backoff(len(earlier), free) - now)
    return Throttle(longest <= dt.timedelta(0), max(longest, dt.timedelta(0)))


def login_throttle(
    session: Session,
    email: str,
    ip: str,
    now: dt.datetime,
    *,
    counted: int = 0,
    exclude: int | None = None,
) -> Throttle:
    """Refuse once :data:`MAX_FAILURES` failures since the last success fall in the window.

    An address trying many e-mails is refused too, after
    :data:`MAX_FAILURES_PER_ADDRESS` failures in the window whatever the e-mail,
    and an account tried from many addresses after :data:`MAX_FAILURES_PER_ACCOUNT`.
    ``counted`` is how many of the rows are this request's own attempt (written
    first, see :func:`claim_attempt`): they are allowed on top of the limits;
    ``exclude`` is that row's id: only the rows written up to it are counted, and the
    backoff counts the ones before it.
    """
    limited = _limited(session, email, ip, now, counted, exclude)
    waiting = _backing_off(session, email, ip, now, exclude)
    if limited.allowed and waiting.allowed:
        return limited
    return Throttle(False, max(limited.retry_after, waiting.retry_after))


def _limited(
    session: Session, email: str, ip: str, now: dt.datetime, counted: int, own: int | None
) -> Throttle:
    """The fixed limits in the window: per pair, per address and per account. With
    ``own`` (this attempt's row), only the rows written up to it are counted."""
    since = now - FAILURE_WINDOW
    upto = LoginAttempt.id <= own if own is not None else true()
    for column, value, limit in (
        (LoginAttempt.ip, ip, MAX_FAILURES_PER_ADDRESS),
        (LoginAttempt.email, email, MAX_FAILURES_PER_ACCOUNT),
    ):
        recent = list(
            session.scalars(
                select(LoginAttempt.at)
                .where(column == value, LoginAttempt.succeeded.is_(False))
                .where(LoginAttempt.at > since, upto)
                .order_by(LoginAttempt.at.desc())
                .limit(limit + counted)
            )
        )
        if len(recent) >= limit + counted:
            return Throttle(False, recent[-1] + FAILURE_WINDOW - now)
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(
            LoginAttempt.email == email, LoginAttempt.ip == ip, LoginAttempt.succeeded
        )
    )
    if last_success is not None and last_success > since:
        since = last_success
    failures = list(
        session.scalars(
            select(LoginAttempt.at)
            .where(LoginAttempt.email == email, LoginAttempt.ip == ip)
            .where(LoginAttempt.succeeded.is_(False), LoginAttempt.at > since, upto)
            .order_by(LoginAttempt.at.desc())
            .limit(MAX_FAILURES + counted)
        )
    )
    if len(failures) < MAX_FAILURES + counted:
        return Throttle(True)
    return Throttle(False, failures[-1] + FAILURE_WINDOW - now)


def record_attempt(session: Session, email: str, ip: str, now: dt.datetime, ok: bool) -> None:
    session.add(LoginAttempt(email=email, ip=ip, at=now, succeeded=ok))


def claim_attempt(engine: Engine, email: str, ip: str, now: dt.datetime) -> tuple[int, Throttle]:
    """Write this attempt (as failed until settled) and commit it, then count the attempts
    written before it: of any number that arrive together, the first ones written are
    allowed, up to the limit, and no more. A refused attempt's row is removed (it checked
    no password). Returns the row's id and the throttle.

    Counting only the rows written before (lower ids) needs ids in the order the rows were
    committed: SQLite writes one transaction at a time; on PostgreSQL the attempts of one
    e-mail or one address take a transaction lock in that order before they are written.
    Counting every row instead let twelve attempts sent at once all count twelve and all
    be refused, none checked (``hub bench signin`` in CI)."""
    with Session(engine) as session, session.begin():
        if session.get_bind().dialect.name == "postgresql":
            for key in (f"sign-in e-mail {email}", f"sign-in address {ip}"):  # in this order
                session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))
        row = LoginAttempt(email=email, ip=ip, at=now, succeeded=False)
        session.add(row)
        session.flush()
        attempt_id = row.id
    with Session(engine) as session, session.begin():
        throttle = login_throttle(session, email, ip, now, counted=1, exclude=attempt_id)
        if not throttle.allowed:
            session.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt_id))
    return attempt_id, throttle


ATTEMPTS_KEPT = dt.timedelta(days=1)
"""How long sign-in attempts are kept: far past the window they are counted in."""


def purge_attempts(session: Session, *, now: dt.datetime) -> int:
    """Delete attempts older than :data:`ATTEMPTS_KEPT` (sign-in does, now and then)."""
    gone = session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - ATTEMPTS_KEPT))
    return int(getattr(gone, "rowcount", 0) or 0)


def forget_attempt(session: Session, attempt_id: int) -> None:
    """Remove a claimed attempt that checked no password (the check was refused as busy)."""
    session.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt_id))


def settle_attempt(session: Session, attempt_id: int, ok: bool) -> None:
    """Record how a claimed attempt ended."""
    session.execute(update(LoginAttempt).where(LoginAttempt.id == attempt_id).values(succeeded=ok))


def error_page(https: bool) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The 500 answer. Starlette's server-error middleware sits outside every other
    middleware, so :class:`SecurityHeaders` never saw a 500: this page carries them."""
    headers = dict(SECURITY_HEADERS)
    if https:
        headers["strict-transport-security"] = HSTS

    async def server_error(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("Internal Server Error", status_code=500, headers=headers)

    return server_error


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` (and HSTS behind TLS) to every response."""

    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        if https:
            self.headers.append((b"strict-transport-security", HSTS.encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RefuseNul:
    """ASGI middleware: a request whose path or query holds a NUL (``%00``) is a 400.

    No address of the hub has one, and every lookup by a path or query value (an entry's
    id, ``?language=``, ``/api/v1/sources/{key}``) reached PostgreSQL, which keeps no NUL in
    text, and failed with a 500; refused here, no view has to think of it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = bytes(scope.get("query_string", b""))
            if "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query:
                refused = PlainTextResponse(
                    "the address holds a NUL character (%00)", status_code=400
                )
                await refused(scope, receive, send)
                return
        await self.app(scope, receive, send)
