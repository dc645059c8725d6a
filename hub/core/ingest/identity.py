"""Stable identities for entries: normalised links and content hashes.

Two links that point at the same story should compare equal: scheme and host
lower-cased, default ports dropped, tracking parameters (``utm_*``, ``fbclid``,
``gclid``...) and the fragment removed, and a trailing slash ignored.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src"})
KEY_LIMIT = 500


def normalise_link(url: str | None) -> str | None:
    """The comparable form of ``url``, or None when it is not an absolute http(s) URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in TRACKING_PARAMS
    ]
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    key = urlunsplit((scheme, host, path, urlencode(query), ""))
    return bounded(key)


def bounded(key: str) -> str:
    """``key`` itself if it fits the column, else a prefix and its hash (still unique)."""
    if len(key) <= KEY_LIMIT:
        return key
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return key[: KEY_LIMIT - 65] + "#" + digest


def content_hash(*parts: str) -> str:
    """A SHA-256 over the given texts; equal texts give equal hashes."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()
