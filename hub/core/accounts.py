"""The console's own tables: sign-in sessions, login attempts and the audit log.

Only the console reads them, but they are the database's like every other table:
they share :class:`hub.core.models.Base`, so Alembic sees them (migration ``0007``
creates them). The audit log is written
by the console's actions (approve, edit, decline, retry, reply, submit, sign
in) and can be written by any other front-end that acts for a person.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.core.models import Base


class WebSession(Base):
    """A signed-in browser; the cookie holds a random token whose SHA-256 is ``id``."""

    __tablename__ = "web_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    ip: Mapped[str | None] = mapped_column(String(64))


class LoginAttempt(Base):
    """One sign-in attempt, kept to throttle guessing per (e-mail, address)."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_email_ip_at", "email", "ip", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime]
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """Who did what to which thing, and when."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str | None] = mapped_column(String(80), index=True)
    detail: Mapped[str | None] = mapped_column(Text)


class ApiToken(Base):
    """A personal access token for the REST API (``/api/v1/``), made by a console user.

    The token itself is shown once, when it is made; ``token_hash`` keeps its SHA-256
    (the token is 256 random bits, so a fast hash is enough: nothing can be guessed from
    it). ``scopes`` are among ``read``, ``write``, ``moderate`` and ``admin``, never beyond
    what the user's role allows. ``window_started_at`` and ``window_count`` count the
    requests of the current rate-limit window, in the database so every process agrees.
    """

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    scopes: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime]
    last_used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    window_started_at: Mapped[dt.datetime | None]
    window_count: Mapped[int] = mapped_column(Integer, default=0)
