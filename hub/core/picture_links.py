"""Public addresses of the hub's copies of approved items' pictures.

The console shows an item's stored picture behind its sign-in
(``/items/{id}/picture``). Platforms that fetch a picture themselves (a Teams card's
``Image``, a Slack image block) and webhook receivers need an address anyone can
read, yet an item's id alone would let anyone walk through the ids and see pending
submissions' pictures. The public address is therefore

    {public_url}/pictures/{item_id}/{token}.{ext}

where ``token`` is an HMAC-SHA256, keyed with ``HUB_SECRET_KEY``, of the item's id and
the SHA-256 of the stored picture's bytes (128 bits of it). Nobody without the key can
make one; a new picture gives a new address, so the address may be cached forever;
and the web route (``hub.web.public_pictures``) serves it only while the item is
approved. Without ``[hub] public_url`` or ``HUB_SECRET_KEY`` there are no public
addresses and the sinks carry on as before.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass

from hub.core.config.settings import Settings
from hub.core.members.links import SECRET_KEY_ENV
from hub.core.ports import Picture

PREFIX = "/pictures"
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
_PURPOSE = b"hub.picture.v1"

PictureAddress = Callable[[Picture], str | None]
"""What a sink is given to name a stored picture's public address (None: it has none)."""


def extension(mime: str | None) -> str:
    """The file extension the public address gives a picture of type ``mime``."""
    return EXTENSIONS.get(mime or "", "jpg")


def picture_token(key: str, item_id: int, data: bytes) -> str:
    """The unguessable part of the address of item ``item_id``'s picture ``data``."""
    digest = hashlib.sha256(data).hexdigest()
    message = b"%s:%d:%s" % (_PURPOSE, item_id, digest.encode("ascii"))
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()[:32]


def picture_path(key: str, item_id: int, data: bytes, mime: str | None) -> str:
    """The path (under the hub's public URL) of item ``item_id``'s picture."""
    return f"{PREFIX}/{item_id}/{picture_token(key, item_id, data)}.{extension(mime)}"


def token_matches(key: str, item_id: int, data: bytes, token: str) -> bool:
    """Whether ``token`` is the one :func:`picture_token` gives (in constant time)."""
    return hmac.compare_digest(picture_token(key, item_id, data), token)


@dataclass(frozen=True)
class PictureLinks:
    """Makes the public addresses of stored pictures on one deployment."""

    base_url: str
    key: str = ""

    def url(self, picture: Picture) -> str | None:
        """The public address of ``picture``, or None when it is not an item's stored
        picture (one with no ``item_id`` has no address)."""
        if picture.item_id is None:
            return None
        path = picture_path(self.key, picture.item_id, picture.data, picture.mime)
        return self.base_url.rstrip("/") + path

    def __repr__(self) -> str:  # the key never appears in a log line
        return f"PictureLinks({self.base_url!r})"


def picture_links(settings: Settings | None) -> PictureLinks | None:
    """The deployment's public picture addresses: on ``[hub] public_url``, signed with
    ``HUB_SECRET_KEY``; None when either is missing."""
    if settings is None:
        return None
    base = (settings.hub.public_url or "").strip()
    key = settings.secrets.get(SECRET_KEY_ENV) or ""
    if not base.startswith(("https://", "http://")) or not key:
        return None
    return PictureLinks(base, key)
