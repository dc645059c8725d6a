"""A small HTTP server on loopback that serves feeds well and badly, for tests and the bench.

Each path is a :class:`Route`: a body with an ETag (answering 304 to a
matching ``If-None-Match``), a delay, a status, a redirect, an endless or a
never-answered response, or a gzip bomb. Runs in a background thread; the
poller under test talks to it over real sockets.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    redirect_to: str | None = None
    hang: bool = False
    endless: bool = False
    gzip_bomb_bytes: int = 0
    etag: bool = True
    headers: dict[str, str] = field(default_factory=dict)
    hits: int = 0
    compressed: bytes | None = None


class FeedServer:
    """The server and its routes; ``url(path)`` gives a full URL."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def handle(self) -> None:
                with suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

            def do_GET(self) -> None:
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self._answer(404, b"not found", "text/plain")
                    return
                route.hits += 1
                if route.hang:
                    server.stopping.wait(60)
                    return
                if route.delay:
                    server.stopping.wait(route.delay)
                if route.redirect_to:
                    self.send_response(302)
                    self.send_header("Location", route.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.endless:
                    self._endless(route)
                    return
                if route.gzip_bomb_bytes:
                    self._bomb(route)
                    return
                tag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                if route.etag and self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                extra = {"ETag": tag} if route.etag else {}
                self._answer(
                    route.status, route.body, route.content_type, {**extra, **route.headers}
                )

            def _answer(
                self,
                status: int,
                body: bytes,
                content_type: str,
                headers: dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                with suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def _endless(self, route: Route) -> None:
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<item><title>more</title></item>" * 2048
                try:
                    while not server.stopping.is_set():
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True

            def _bomb(self, route: Route) -> None:
                if route.compressed is None:
                    route.compressed = gzip.compress(b"<" + b"a" * route.gzip_bomb_bytes, 9)
                body = route.compressed
                self._answer(200, body, route.content_type, {"Content-Encoding": "gzip"})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@contextmanager
def serving() -> Iterator[FeedServer]:
    """A started :class:`FeedServer`, stopped on exit."""
    server = FeedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def rss(
    title: str, entries: list[tuple[str, str, str]], *, link: str = "https://example.org/"
) -> bytes:
    """A small RSS 2.0 document; ``entries`` are (guid, title, description)."""
    from xml.sax.saxutils import escape

    items = "".join(
        f'<item><guid isPermaLink="false">{escape(g)}</guid><title>{escape(t)}</title>'
        f"<link>{escape(link)}{escape(g)}</link><description>{escape(d)}</description>"
        f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime(1_790_000_000))}"
        "</pubDate></item>"
        for g, t, d in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>{items}</channel></rss>"
    ).encode()
