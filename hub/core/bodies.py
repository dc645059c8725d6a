"""Request bodies read with a cap, for endpoints that anyone can reach (pure, async).

An endpoint that checks a signature must read the body first, and a body
sent in chunks declares no length: read whole, a 200 MB body costs
hundreds of megabytes before it is refused. :func:`read_capped` reads the
chunks as they come and stops at the cap.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

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
