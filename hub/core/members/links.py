"""What the hub keeps for members themselves: their signed preferences link, when they last wrote.

A member reaches their preferences page (``/preferences/{token}``) without a
password: the token is the member's id and the moment it was issued, signed
with ``HUB_SECRET_KEY`` under a salt used for nothing else, so a console
cookie can never pass for a link nor the other way round. A link lasts
:data:`LINK_LIFETIME`; the newsletter and the bots hand out fresh ones.

:func:`mark_seen` is called where a member writes to the hub (a question to
the assistant, a submission, a save on their preferences page), so the
secretariat can see who has gone quiet.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import update
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.models import Member

SECRET_KEY_ENV = "HUB_SECRET_KEY"
LINK_SALT = "hub.member-preferences"
LINK_LIFETIME = dt.timedelta(days=90)
CHANNELS = ("slack", "telegram", "email")
"""The platforms a member can ask for news on (``Member.channels``; None means all)."""
TOPICS_FILE = Path(__file__).parents[1] / "ingest" / "topics.yaml"


@cache
def topics() -> tuple[str, ...]:
    """The topic tags members can follow: the keys of ``topics.yaml``, in its order."""
    data = yaml.safe_load(TOPICS_FILE.read_text("utf-8")) or {}
    return tuple(str(key) for key in data)


def _signer(secret_key: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt=LINK_SALT)


def preferences_token(secret_key: str, member_id: int, now: dt.datetime) -> str:
    """A signed token naming ``member_id``, issued at ``now``."""
    return _signer(secret_key).dumps({"m": member_id, "t": int(now.timestamp())})


def member_of_token(
    secret_key: str, token: str, now: dt.datetime, lifetime: dt.timedelta = LINK_LIFETIME
) -> int | None:
    """The member id a token names, or None if it is forged, altered or older than ``lifetime``."""
    try:
        data = _signer(secret_key).loads(token)
    except BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    member_id, issued = data.get("m"), data.get("t")
    if not isinstance(member_id, int) or not isinstance(issued, int):
        return None
    age = now - dt.datetime.fromtimestamp(issued, dt.UTC)
    if age > lifetime or age < -dt.timedelta(minutes=5):
        return None
    return member_id


def preferences_url(settings: Settings, member_id: int, now: dt.datetime) -> str | None:
    """The member's own preferences link, absolute when ``hub.public_url`` is set.

    None when the deployment has no ``HUB_SECRET_KEY`` (nothing could check the link).
    """
    secret = settings.secrets.get(SECRET_KEY_ENV)
    if not secret:
        return None
    path = f"/preferences/{preferences_token(secret, member_id, now)}"
    base = (settings.hub.public_url or "").rstrip("/")
    return base + path


def mark_seen(session: Session, member_id: int | None, now: dt.datetime) -> None:
    """Note that a member wrote to the hub (in the caller's transaction)."""
    if member_id is None:
        return
    session.execute(update(Member).where(Member.id == member_id).values(last_seen_at=now))
