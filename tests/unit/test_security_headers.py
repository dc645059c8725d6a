"""Security finding (issue 16): HSTS covers the subdomains too (ASVS 14.4.5)."""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from typing import Any

from hub.web.security import SecurityHeaders


def headers_of(https: bool) -> dict[bytes, bytes]:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    sent: list[MutableMapping[str, Any]] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    asyncio.run(SecurityHeaders(app, https=https)({"type": "http"}, receive, send))
    return dict(sent[0]["headers"])


def test_hsts_behind_tls_includes_subdomains_and_lasts_a_year() -> None:
    assert headers_of(True)[b"strict-transport-security"] == b"max-age=31536000; includeSubDomains"


def test_no_hsts_over_plain_http() -> None:
    assert b"strict-transport-security" not in headers_of(False)
