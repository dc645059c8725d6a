"""The fetcher's limits, through httpx's MockTransport (the real client code path)."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from hub.core.ingest.errors import FetchError
from hub.core.ingest.fetch import Fetched, FetchLimits, fetch

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


def respond(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    """A response whose body is streamed, as from a real server (``content=`` pre-reads it)."""
    headers = {"Content-Length": str(len(body)), **(headers or {})}
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))


def run(handler: Callable, url: str = "http://feeds.test/rss", **kwargs) -> Fetched:
    async def go() -> Fetched:
        transport = httpx.MockTransport(handler)
        async with httpx.AsyncClient(transport=transport) as client:
            return await fetch(client, url, **kwargs)

    return asyncio.run(go())


def failure(handler: Callable, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        run(handler, **kwargs)
    return caught.value


def test_conditional_get_sends_validators_and_understands_304() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"ETag": '"v1"'})
        return respond(200, FEED, {"ETag": '"v1"'})

    first = run(handler)
    assert first.status == 200 and first.body == FEED and first.etag == '"v1"'
    second = run(handler, etag='"v1"', last_modified="Sun, 22 Nov 2026 10:00:00 GMT")
    assert second.not_modified and second.body == b""
    assert seen[1].headers["if-modified-since"] == "Sun, 22 Nov 2026 10:00:00 GMT"


def test_declared_length_over_the_cap_is_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return respond(200, b"x" * 5000)

    error = failure(handler, limits=FetchLimits(max_bytes=1000))
    assert error.kind == "too_large" and "refused" in error.reason


def test_streamed_body_over_the_cap_stops_early() -> None:
    sent: list[int] = []

    async def endless() -> AsyncIterator[bytes]:
        while True:
            sent.append(1)
            yield b"y" * 1024

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    error = failure(handler, limits=FetchLimits(max_bytes=10_000))
    assert error.kind == "too_large"
    assert len(sent) < 20  # stopped just past the cap, never "read whole"


def test_gzip_bomb_is_refused_by_decompressed_size() -> None:
    bomb = gzip.compress(b"a" * 5_000_000)

    def handler(request: httpx.Request) -> httpx.Response:
        return respond(200, bomb, {"Content-Encoding": "gzip"})

    assert len(bomb) < 10_000
    error = failure(handler, limits=FetchLimits(max_bytes=100_000))
    assert error.kind == "too_large"


def test_gzip_within_the_cap_is_decoded() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["accept-encoding"] == "gzip"
        return respond(200, gzip.compress(FEED), {"Content-Encoding": "gzip"})

    assert run(handler).body == FEED


def test_redirects_are_followed_up_to_three() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.params.get("n", "0"))
        if step < 3:
            return httpx.Response(302, headers={"Location": f"/rss?n={step + 1}"})
        return respond(200, FEED)

    fetched = run(handler)
    assert fetched.url == "http://feeds.test/rss?n=3" and len(fetched.redirects) == 3


def test_a_fourth_redirect_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.params.get("n", "0"))
        return httpx.Response(302, headers={"Location": f"/rss?n={step + 1}"})

    assert failure(handler).kind == "too_many_redirects"


def test_a_redirect_loop_is_named() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        other = "/b" if request.url.path == "/a" else "/a"
        return httpx.Response(301, headers={"Location": other})

    error = failure(handler, url="http://feeds.test/a")
    assert error.kind == "redirect_loop" and "redirect loop" in error.reason


@pytest.mark.parametrize(("status", "words"), [(404, "HTTP 404"), (500, "HTTP 500"), (410, "Gone")])
def test_http_errors_name_the_status(status: int, words: str) -> None:
    error = failure(lambda request: httpx.Response(status))
    assert error.kind == "http_status" and words in error.reason


def test_a_silent_server_hits_the_deadline() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(3600)
        return httpx.Response(200)

    error = failure(handler, limits=FetchLimits(deadline_seconds=0.05))
    assert error.kind == "timeout" and "timed out" in error.reason


def test_connection_refused_is_said_plainly() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    error = failure(handler)
    assert error.kind == "refused" and "refused" in error.reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x.org/f", "not a url"])
def test_only_http_urls_are_fetched(url: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("must not be called")

    assert failure(handler, url=url).kind == "bad_url"
