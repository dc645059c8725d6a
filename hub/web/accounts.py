"""Console accounts: creating them (``hub users``, the demo) with argon2id passwords."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session
from zxcvbn import zxcvbn

from hub.core.accounts import WebSession
from hub.core.db import transaction
from hub.core.errors import HubError
from hub.core.models import User
from hub.web.security import hash_password

ROLES = ("admin", "editor")
MIN_PASSWORD = 12
MIN_SCORE = 3
"""zxcvbn's score (0-4) a password needs: 3 is "safely unguessable" at 10^8 guesses or more."""
DEMO_EMAIL = "demo@example.org"


class AccountError(HubError):
    """An account that cannot be created or changed as asked (the message says why)."""


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


class WeakPassword(AccountError):
    """A password long enough but easy to guess: common, a pattern, or made of the
    account's own name or address."""


def check_password_strength(password: str, personal: Iterable[str] = ()) -> None:
    """Refuse a short password, and one zxcvbn (Dropbox's estimator, with its lists of
    common passwords, words and names) scores below :data:`MIN_SCORE`, counting the
    account's own name and address (``personal``) as known to a guesser."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    known = [text.lower() for text in personal if text]
    for text in personal:  # its parts, and its name part run together (ana.perez: anaperez)
        parts = [p for p in re.split(r"[\s@._+-]+", text.lower().split("@")[0]) if p]
        known += [*parts, "".join(parts)]
    if zxcvbn(password[:72], user_inputs=known)["score"] < MIN_SCORE:
        raise WeakPassword(
            "the password is too easy to guess (a common password or pattern, or close to "
            "the account's name or address): choose a longer, less usual one"
        )


def create_user(session: Session, email: str, name: str, password: str, role: str) -> User:
    """A new active account; refuses a taken address, an unknown role or a short password."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise AccountError(f"not an e-mail address: {email!r}")
    if role not in ROLES:
        raise AccountError(f"the role must be one of {', '.join(ROLES)}")
    if find_user(session, email) is not None:
        raise AccountError(f"{email} already has an account (use `hub users password {email}`)")
    check_password_strength(password, (email, name))
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
    check_password_strength(password, (user.email, user.name))
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
