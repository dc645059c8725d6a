"""A synchronous client for an ASGI app in tests (httpx's ASGITransport on one event loop).

Starlette's ``TestClient`` warns unless ``httpx2`` is installed; this keeps
one event loop for the client's life so async helpers (an inbox worker run)
can share it through :meth:`AsgiClient.run`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx
from starlette.types import ASGIApp

T = TypeVar("T")


class AsgiClient:
    """``post`` and ``run`` from synchronous test code; use as a context manager."""

    def __init__(self, app: ASGIApp, base_url: str = "http://hub.test") -> None:
        self._runner = asyncio.Runner()
        transport = httpx.ASGITransport(app=app)
        self.client = httpx.AsyncClient(transport=transport, base_url=base_url)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self._runner.run(self.client.post(url, **kwargs))

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self._runner.run(coroutine)

    def __enter__(self) -> AsgiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._runner.run(self.client.aclose())
        self._runner.close()
