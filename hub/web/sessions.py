"""Sign-in sessions: a random token in a signed cookie, its SHA-256 in ``web_sessions``.

A session ends after :data:`IDLE_TIMEOUT` without a request, after
:data:`ABSOLUTE_TIMEOUT` whatever happens, at sign-out, or when the user is
deactivated. Each session has its own CSRF token, which every state-changing
form carries; before sign-in, a random token in its own signed cookie plays
that part (for the sign-in form and the members' news form).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete
from sqlalchemy.orm import Session

from hub.core.accounts import WebSession
from hub.core.models import User

IDLE_TIMEOUT = dt.timedelta(hours=2)
ABSOLUTE_TIMEOUT = dt.timedelta(hours=12)
TOUCH_EVERY = dt.timedelta(minutes=1)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


@dataclass(frozen=True)
class CookieJar:
    """Names, flags and signing of the console's cookies."""

    signer: URLSafeSerializer
    secure: bool

    @classmethod
    def create(cls, secret_key: str, *, secure: bool) -> CookieJar:
        return cls(URLSafeSerializer(secret_key, salt="hub.web"), secure)

    @property
    def session_name(self) -> str:
        # The __Host- prefix makes browsers refuse the cookie unless Secure, Path=/, no Domain.
        return "__Host-hub_session" if self.secure else "hub_session"

    @property
    def csrf_name(self) -> str:
        return "__Host-hub_csrf" if self.secure else "hub_csrf"

    flash_name = "hub_flash"

    def sign(self, value: object) -> str:
        return self.signer.dumps(value)

    def unsign(self, value: str | None) -> object | None:
        if not value:
            return None
        try:
            loaded: object = self.signer.loads(value)
            return loaded
        except BadSignature:
            return None

    def session_token(self, raw: str | None) -> str | None:
        """The session token inside the signed session cookie, if the signature holds."""
        token = self.unsign(raw)
        return token if isinstance(token, str) else None

    def options(self) -> dict[str, object]:
        return {"httponly": True, "samesite": "lax", "secure": self.secure, "path": "/"}


@dataclass
class SignedIn:
    """The session of a request and its user."""

    row: WebSession
    user: User


def start_session(
    db: Session, user: User, *, now: dt.datetime, ip: str | None
) -> tuple[str, WebSession]:
    """A new session for ``user``; returns the cookie token (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    row = WebSession(
        id=_digest(token),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        last_seen_at=now,
        ip=ip,
    )
    db.add(row)
    user.last_login_at = now
    return token, row


def find_session(
    db: Session, token: str | None, *, now: dt.datetime
) -> tuple[SignedIn | None, str]:
    """The live session for ``token``, or None and why not ('' when there was no session)."""
    if not token:
        return None, ""
    row = db.get(WebSession, _digest(token))
    if row is None:
        return None, "signed_out"
    user = db.get(User, row.user_id)
    if user is None or not user.active:
        db.delete(row)
        return None, "signed_out"
    if now - row.created_at >= ABSOLUTE_TIMEOUT or now - row.last_seen_at >= IDLE_TIMEOUT:
        db.delete(row)
        return None, "expired"
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    return SignedIn(row, user), ""


def end_session(db: Session, token: str | None) -> None:
    if token:
        db.execute(delete(WebSession).where(WebSession.id == _digest(token)))


def purge_sessions(db: Session, *, now: dt.datetime) -> None:
    """Delete sessions past either timeout (run now and then; sign-in does)."""
    statement = delete(WebSession).where(
        (WebSession.last_seen_at <= now - IDLE_TIMEOUT)
        | (WebSession.created_at <= now - ABSOLUTE_TIMEOUT)
    )
    db.execute(statement)
