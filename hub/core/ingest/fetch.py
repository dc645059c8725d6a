"""Fetching a feed's bytes ourselves, with limits, never trusting the server.

feedparser is never handed a URL: we fetch with an :class:`httpx.AsyncClient`
(whose transport tests replace), send a conditional GET (ETag and
Last-Modified), give the whole exchange one deadline, follow at most a few
redirects ourselves (a loop is named as such), and decompress the body
ourselves in bounded steps so a feed, or a gzip bomb, larger than the cap is
refused as soon as the cap is crossed, without ever holding more than the cap.

With a :class:`~hub.core.ingest.netguard.NetGuard` (member-supplied URLs), each
hop is connected to an address the guard resolved and checked, never to a
name resolved again by the connection (see :func:`pinned`).
"""

from __future__ import annotations

import asyncio
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from hub.core.ingest.errors import FetchError
from hub.core.ingest.netguard import NetGuard

USER_AGENT = "iopd-hub/0.1 (+feed reader)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})  # httpx's is_redirect also counts 304
ACCEPT = (
    "application/atom+xml, application/rss+xml, application/rdf+xml, text/calendar, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)


@dataclass(frozen=True)
class FetchLimits:
    """How much a single fetch may cost."""

    deadline_seconds: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 3
    head_only: bool = False
    """Keep the first ``max_bytes`` of a larger body and stop reading, instead of refusing
    it (a web page, whose ``<head>`` is all the hub reads)."""


@dataclass(frozen=True)
class Fetched:
    """A fetch's outcome: the body (empty when ``not_modified``) and validators to keep."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


class _BoundedDecoder:
    """Decompresses a body chunk by chunk, refusing once output passes ``limit``."""

    def __init__(self, encoding: str, limit: int, *, head_only: bool = False) -> None:
        self.limit = limit
        self.head_only = head_only
        self.full = False  # head_only: the first ``limit`` bytes are in, stop reading
        self.size = 0
        self.parts: list[bytes] = []
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._zlib = zlib.decompressobj(47)  # gzip or zlib header, detected
        else:
            raise FetchError("network", f"the server used an unsupported encoding {encoding!r}")

    def feed(self, chunk: bytes) -> None:
        if self._zlib is None:
            out = chunk
        else:
            try:
                out = self._zlib.decompress(chunk, self.limit - self.size + 1)
            except zlib.error:
                raise FetchError("network", "the compressed body is corrupt") from None
            if self._zlib.unconsumed_tail:
                self._over(out)
                return
        if self.size + len(out) > self.limit:
            self._over(out)
            return
        self.size += len(out)
        self.parts.append(out)

    def _over(self, out: bytes) -> None:
        """``out`` takes the body past the limit: keep what fits (head_only), or refuse."""
        if not self.head_only:
            self._too_large()
        kept = out[: self.limit - self.size]
        self.size += len(kept)
        self.parts.append(kept)
        self.full = True

    def _too_large(self) -> None:
        raise FetchError(
            "too_large",
            f"too large: the feed is bigger than the {_megabytes(self.limit)} limit "
            "(refused without reading it all)",
        )

    def body(self) -> bytes:
        return b"".join(self.parts)


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError("bad_url", f"not a valid URL: {url!r}") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("bad_url", f"only http and https URLs can be fetched, not {url!r}")


def _causes(exc: BaseException) -> str:
    """The messages of ``exc`` and the exceptions under it (httpx wraps the OS error)."""
    seen: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(seen) < 6:
        if isinstance(current, ConnectionRefusedError):
            seen.append("connection refused")
        seen.append(str(current).lower())
        current = current.__cause__ or current.__context__
    return " | ".join(seen)


def _network_reason(exc: httpx.HTTPError, url: str) -> FetchError:
    host = urlsplit(url).netloc
    text = _causes(exc)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", f"timed out: {host} did not answer in time")
    if isinstance(exc, httpx.ConnectError):
        if "refused" in text or "errno 111" in text:
            return FetchError("refused", f"connection refused by {host}")
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text:
            return FetchError("network", f"cannot find the host {host} (DNS)")
        return FetchError("refused", f"cannot connect to {host} (connection failed)")
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError("network", f"{host} broke the connection: {exc}")
    return FetchError("network", f"network error talking to {host}: {exc}")


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits | None = None,
    guard: NetGuard | None = None,
    accept: str = ACCEPT,
) -> Fetched:
    """Fetch ``url`` within ``limits``; raise :class:`FetchError` saying why it failed.

    ``accept`` is the ``Accept`` header (feeds by default; ``image/*`` for pictures).

    With a ``guard`` (member-supplied URLs), every hop's host is resolved and
    refused when it is not on the public internet (see :mod:`hub.core.ingest.netguard`).
    """
    limits = limits or FetchLimits()
    try:
        async with asyncio.timeout(limits.deadline_seconds):
            return await _fetch(client, url, etag, last_modified, limits, guard, accept)
    except TimeoutError:
        raise FetchError(
            "timeout",
            f"timed out: no complete answer from {urlsplit(url).netloc} "
            f"within {limits.deadline_seconds:g} s",
        ) from None


async def _fetch(
    client: httpx.AsyncClient,
    url: str,
    etag: str | None,
    last_modified: str | None,
    limits: FetchLimits,
    guard: NetGuard | None = None,
    accept: str = ACCEPT,
) -> Fetched:
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen = [url]
    current = url
    while True:
        _check_url(current)
        outcome = await _hop(client, current, headers, limits, seen, guard)
        if isinstance(outcome, Fetched):
            return outcome
        target = outcome
        if target in seen:
            chain = " -> ".join([*seen, target])
            raise FetchError("redirect_loop", f"redirect loop: {chain}")
        if len(seen) > limits.max_redirects:
            raise FetchError(
                "too_many_redirects",
                f"more than {limits.max_redirects} redirects (last to {target})",
            )
        seen.append(target)
        current = target


@dataclass(frozen=True)
class Pinned:
    """One request of a hop: the URL to connect to, with the headers and extensions it needs."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)


def pinned(url: str, address: str) -> Pinned:
    """A request for ``url`` that connects to ``address`` and nowhere else.

    The URL's host becomes the address, so the connection resolves nothing;
    the name stays in the ``Host`` header and, for https, is the TLS server
    name the certificate is checked against (httpcore's ``sni_hostname``).
    ``Connection: close`` keeps the connection from being reused for another
    name that happens to share the address.
    """
    parts = httpx.URL(url)
    address = address.split("%", 1)[0]  # an IPv6 zone cannot be part of a URL
    if parts.host == address:
        return Pinned(url)
    extensions = {"sni_hostname": parts.host} if parts.scheme == "https" else {}
    headers = {"Host": parts.netloc.decode("ascii"), "Connection": "close"}
    return Pinned(str(parts.copy_with(host=address)), headers, extensions)


async def _hop(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    limits: FetchLimits,
    seen: list[str],
    guard: NetGuard | None,
) -> Fetched | str:
    """One request for ``url``: the feed fetched, or the URL a redirect points to.

    With a ``guard``, the host is resolved and checked once, and each checked
    address is tried in turn until one accepts the connection.
    """
    requests = [Pinned(url)] if guard is None else [pinned(url, a) for a in await guard.vetted(url)]
    for number, request in enumerate(requests, start=1):
        try:
            async with client.stream(
                "GET",
                request.url,
                headers={**headers, **request.headers},
                extensions=request.extensions,
                follow_redirects=False,
            ) as response:
                if response.status_code not in REDIRECTS:
                    fetched: Fetched = await _read(response, url, seen, limits)
                    return fetched
                location = response.headers.get("location")
                if not location:
                    raise FetchError("http_status", "a redirect without a Location header")
                try:
                    target: str = urljoin(url, location)
                    return target
                except ValueError:
                    raise FetchError(
                        "http_status", f"a redirect to an invalid URL: {location[:200]!r}"
                    ) from None
        except httpx.ConnectError as exc:
            if number == len(requests):
                raise _network_reason(exc, url) from None
        except httpx.HTTPError as exc:
            raise _network_reason(exc, url) from None
    raise FetchError("network", f"cannot find the host {urlsplit(url).netloc} (DNS)")


async def _read(
    response: httpx.Response, url: str, seen: list[str], limits: FetchLimits
) -> Fetched:
    validators = {
        "etag": response.headers.get("etag"),
        "last_modified": response.headers.get("last-modified"),
        "content_type": response.headers.get("content-type"),
    }
    if response.status_code == 304:
        return Fetched(url, 304, redirects=seen[1:], **validators)
    if not 200 <= response.status_code < 300:
        phrase = response.reason_phrase or ""
        raise FetchError(
            "http_status", f"the server answered HTTP {response.status_code} {phrase}".strip()
        )
    encoding = response.headers.get("content-encoding", "")
    declared = response.headers.get("content-length", "")
    decoder = _BoundedDecoder(encoding, limits.max_bytes, head_only=limits.head_only)
    too_long = declared.isdigit() and not encoding and int(declared) > limits.max_bytes
    if too_long and not limits.head_only:
        decoder._too_large()
    async for chunk in response.aiter_raw():
        decoder.feed(chunk)
        if decoder.full:
            break  # the rest is never read; leaving the stream closes the connection
    return Fetched(url, response.status_code, decoder.body(), redirects=seen[1:], **validators)


def make_client(*, transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """The client the poller shares across sources (pooled connections, no env proxies)."""
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(10.0, connect=5.0),
        limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
        trust_env=False,
    )
