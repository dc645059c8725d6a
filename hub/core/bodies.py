"""Request bodies read with a cap, for endpoints that anyone can reach (pure, async).

An endpoint that checks a signature must read the body first, and a body
sent in chunks declares no length: read whole, a 200 MB body costs
hundreds of megabytes before it is refused. :func:`read_capped` reads the
chunks as they come and stops at the cap.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

from hub.core.errors import HubError


class BodyTooLarge(HubError):
    """The request body is larger than the endpoint accepts (answer 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")
        self.limit = limit


async def read_capped(chunks: AsyncIterator[bytes], declared: str | None, limit: int) -> bytes:
    """The body from its ``chunks``; BodyTooLarge as soon as it (or its declared
    ``Content-Length``) passes ``limit`` bytes, without reading the rest."""
    if declared and declared.strip().isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge(limit)
    return bytes(body)


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""NUL, which PostgreSQL keeps in no text, and lone UTF-16 surrogates (a JSON body may escape
``\\ud800`` alone), which no UTF-8 encoder writes: either fails the insert of whatever holds
them. A valid pair escaped in JSON is already one character when parsed, so every surrogate
left is a lone one."""


def storable_text(text: str) -> str:
    """``text`` without NUL characters and with each lone surrogate as U+FFFD."""
    if not _UNSTORABLE.search(text):
        return text
    return _UNSTORABLE.sub(lambda found: "" if found.group() == "\x00" else "\ufffd", text)


def storable(value: Any) -> Any:
    """Parsed JSON with :func:`storable_text` applied to every string, keys included, so a
    platform's event with a NUL or a lone surrogate in it is stored (and answered) instead
    of failing at every attempt."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {storable_text(str(key)): storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    return value
