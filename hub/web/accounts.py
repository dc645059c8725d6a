"""Console accounts: creating them (``hub users``, the demo) with argon2id passwords."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from hub.core.accounts import WebSession
from hub.core.db import transaction
from hub.core.errors import HubError
from hub.core.models import User
from hub.web.security import hash_password

ROLES = ("admin", "editor")
MIN_PASSWORD = 12
DEMO_EMAIL = "demo@example.org"


class AccountError(HubError):
    """An account that cannot be created or changed as asked (the message says why)."""


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")


def create_user(session: Session, email: str, name: str, password: str, role: str) -> User:
    """A new active account; refuses a taken address, an unknown role or a short password."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise AccountError(f"not an e-mail address: {email!r}")
    if role not in ROLES:
        raise AccountError(f"the role must be one of {', '.join(ROLES)}")
    if find_user(session, email) is not None:
        raise AccountError(f"{email} already has an account (use `hub users password {email}`)")
    check_password_strength(password)
    user = User(
        email=email,
        name=name.strip() or email,
        role=role,
        active=True,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """A new password; the account's open sessions end."""
    check_password_strength(password)
    user.password_hash = hash_password(password)
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def demo_account(engine: Engine) -> tuple[str, str]:
    """An admin account for ``hub demo`` with a fresh random password: (e-mail, password)."""
    password = secrets.token_urlsafe(12)
    with transaction(engine) as session:
        user = find_user(session, DEMO_EMAIL)
        if user is None:
            create_user(session, DEMO_EMAIL, "Demo secretariat", password, "admin")
        else:
            user.active = True
            set_password(session, user, password)
    return DEMO_EMAIL, password
