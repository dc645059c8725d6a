"""Personal access tokens for the REST API: made in the console, hashed, scoped, revocable.

A token is ``hub_`` and 43 characters of :func:`secrets.token_urlsafe` (256 bits); it
is shown once, when made, and only its SHA-256 is kept (``api_tokens.token_hash``),
as the console keeps its session tokens. A token carries scopes:

- ``read``: list and read items, deliveries, events, questions, channels and sources;
- ``write``: create items (as the secretariat's or the members' source), events, replies;
- ``moderate``: approve and decline items;
- ``admin``: retry deliveries.

Roles bound them as the console does: an editor's token may hold ``read``, ``write``
and ``moderate``; only an admin's may hold ``admin``, and the console's admin-only pages
(deliveries, channels, sources) are read only with an admin's token. A request is
checked against the user as they are now: a deactivated user's or a demoted admin's
token loses what the role no longer allows.

Each token has its own rate limit, :data:`RATE_LIMIT` requests per
:data:`RATE_WINDOW`, counted in its row so that every process of a deployment agrees.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import case, literal, or_, select, update
from sqlalchemy.orm import Session

from hub.core.accounts import ApiToken
from hub.core.errors import HubError
from hub.core.models import User

SCOPES = ("read", "write", "moderate", "admin")
ROLE_SCOPES = {"editor": ("read", "write", "moderate"), "admin": SCOPES}
PREFIX = "hub_"
NAME_LIMIT = 100
RATE_LIMIT = 300
RATE_WINDOW = dt.timedelta(minutes=1)


class TokenError(HubError):
    """A token that cannot be made as asked (the message says why)."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def allowed_scopes(role: str) -> tuple[str, ...]:
    """The scopes a user of ``role`` may give a token (and use)."""
    return ROLE_SCOPES.get(role, ())


def create_token(
    session: Session, user: User, name: str, scopes: list[str], *, now: dt.datetime
) -> tuple[str, ApiToken]:
    """A new token for ``user``: returns the token (to show once) and its row."""
    name = " ".join(name.split())
    if not name:
        raise TokenError("a token needs a name")
    if len(name) > NAME_LIMIT:
        raise TokenError(f"the name has more than {NAME_LIMIT} characters")
    chosen = [scope for scope in SCOPES if scope in scopes]
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise TokenError(f"unknown scope: {', '.join(unknown)}")
    if not chosen:
        raise TokenError("choose at least one scope")
    beyond = [scope for scope in chosen if scope not in allowed_scopes(user.role)]
    if beyond:
        raise TokenError(f"the role {user.role} may not give the scope {', '.join(beyond)}")
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=digest(token),
        prefix=token[: len(PREFIX) + 4],
        scopes=chosen,
        created_at=now,
        window_count=0,
    )
    session.add(row)
    session.flush()
    return token, row


def user_tokens(session: Session, user_id: int) -> list[ApiToken]:
    """A user's tokens, newest first, revoked ones included."""
    query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
    return list(session.scalars(query))


def revoke(session: Session, user: User, token_id: int, *, now: dt.datetime) -> ApiToken:
    """Revoke one of ``user``'s tokens (an admin may revoke anyone's)."""
    row = session.get(ApiToken, token_id)
    if row is None or (row.user_id != user.id and user.role != "admin"):
        raise TokenError(f"there is no token {token_id}")
    if row.revoked_at is None:
        row.revoked_at = now
    return row


@dataclass(frozen=True)
class Bearer:
    """A request's live token and its user."""

    token: ApiToken
    user: User

    def may(self, scope: str) -> bool:
        """Whether the token holds ``scope`` and the user's role still allows it."""
        return scope in self.token.scopes and scope in allowed_scopes(self.user.role)

    @property
    def actor(self) -> str:
        """Who is written in the audit log: the user, through which token."""
        return f"{self.user.email} (API token {self.token.id})"


def find_bearer(session: Session, token: str) -> Bearer | None:
    """The live token for ``token`` and its active user, or None."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    return Bearer(row, user)


@dataclass(frozen=True)
class Allowance:
    """What the rate limit says of one request: allowed or not, and what is left."""

    allowed: bool
    limit: int
    remaining: int
    reset: dt.timedelta


def count_request(
    session: Session,
    token: ApiToken,
    now: dt.datetime,
    *,
    limit: int = RATE_LIMIT,
    window: dt.timedelta = RATE_WINDOW,
) -> Allowance:
    """Count one request in the token's window (a fixed window, held in its row).

    The count is raised by one UPDATE in the database, not read and written back, so
    requests made at once by several processes each count: of any number sent together
    past the limit, none is let through.
    """
    started = ApiToken.window_started_at
    fresh = or_(started.is_(None), started <= now - window, started > now)
    moment = literal(now, started.type)
    session.execute(
        update(ApiToken)
        .where(ApiToken.id == token.id)
        .values(
            window_started_at=case((fresh, moment), else_=started),
            window_count=case((fresh, 1), else_=ApiToken.window_count + 1),
            last_used_at=moment,
        )
        .execution_options(synchronize_session=False)
    )
    session.refresh(token)
    count, began = token.window_count, token.window_started_at or now
    reset = began + window - now
    return Allowance(count <= limit, limit, max(0, limit - count), reset)
