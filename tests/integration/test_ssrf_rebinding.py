"""DNS rebinding: the address the SSRF guard checked is the address the fetch connects to.

A rebinding name answers a public address to the guard's lookup and
127.0.0.1 to the next one, the lookup a connection would make. The
connections are made by a recording network backend under httpx's real
transport: it resolves names with the same answers (standing in for the
system resolver), connects to 127.0.0.1 for real (a loopback feed server
stands in for an internal service), and refuses every other address without
sending anything (no traffic leaves the machine). Over TLS, the pinned
connection still sends the name as the server name and checks the
certificate against it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpcore
import httpx
import pytest

from hub.core.ingest.errors import FetchError
from hub.core.ingest.fetch import Fetched, FetchLimits, fetch, pinned
from hub.core.ingest.netguard import NetGuard
from hub.testing.feedserver import FeedServer, Route, rss, serving

PUBLIC = "93.184.216.34"
FEED = rss("Internal", [("x", "Internal news", "Only for the intranet.")])
LIMITS = FetchLimits(deadline_seconds=5.0)


class Rebinding:
    """A resolver whose answers for a name follow a script, then stay on the last one."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = {name: list(script) for name, script in answers.items()}
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        script = self.answers[host]
        return script.pop(0) if len(script) > 1 else script[0]


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Connects only to loopback for real; records every address it was asked to reach."""

    def __init__(self, resolver: Rebinding) -> None:
        self.resolver = resolver
        self.connected: list[str] = []
        self.real = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's signature)
        local_address: str | None = None,
        socket_options: Iterable[object] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            address = str(ipaddress.ip_address(host))
        except ValueError:  # a name: resolved again, as the system resolver would
            address = (await self.resolver(host, port))[0]
        self.connected.append(address)
        if ipaddress.ip_address(address).is_loopback:
            return await self.real.connect_tcp(address, port, timeout=timeout)
        raise httpcore.ConnectError(f"{address} is unreachable from the test")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def recording_client(backend: RecordingBackend) -> httpx.AsyncClient:
    transport = httpx.AsyncHTTPTransport()
    # httpx 0.28 takes no network backend: its pool is swapped for one that uses ours.
    transport._pool = httpcore.AsyncConnectionPool(network_backend=backend)
    return httpx.AsyncClient(transport=transport, trust_env=False)


def feed_response() -> httpx.Response:
    return httpx.Response(200, stream=httpx.ByteStream(FEED))


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with serving() as running:
        yield running


def rebinding_name() -> Rebinding:
    return Rebinding({"rebind.example": [[PUBLIC], ["127.0.0.1"]]})


def test_check_then_connect_would_reach_the_loopback_server(server: FeedServer) -> None:
    """The window this closes: checking the name, then letting the connection resolve it."""
    route = Route(body=FEED)
    server.add("/feed", route)
    resolver = rebinding_name()
    backend = RecordingBackend(resolver)

    async def go() -> int:
        url = f"http://rebind.example:{server.port}/feed"
        await NetGuard(resolver=resolver).check(url)  # passes: the first answer is public
        async with recording_client(backend) as client:
            return (await client.get(url)).status_code

    assert asyncio.run(go()) == 200
    assert route.hits == 1 and backend.connected == ["127.0.0.1"]


def test_a_rebinding_name_never_reaches_the_loopback_server(server: FeedServer) -> None:
    route = Route(body=FEED)
    server.add("/feed", route)
    resolver = rebinding_name()
    backend = RecordingBackend(resolver)

    async def go() -> Fetched:
        async with recording_client(backend) as client:
            return await fetch(
                client,
                f"http://rebind.example:{server.port}/feed",
                limits=LIMITS,
                guard=NetGuard(resolver=resolver),
            )

    with pytest.raises(FetchError) as failed:
        asyncio.run(go())
    assert failed.value.kind == "refused" and "rebind.example" in failed.value.reason
    assert route.hits == 0
    assert backend.connected == [PUBLIC]  # the checked address, and nothing else
    assert resolver.asked == ["rebind.example"]  # resolved once, by the guard


def test_the_pinned_request_keeps_the_name_for_host_and_tls() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return feed_response()

    resolver = Rebinding({"feeds.example.org": [[PUBLIC], ["127.0.0.1"]]})

    async def go() -> Fetched:
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await fetch(
                client,
                "https://feeds.example.org/news.xml",
                limits=LIMITS,
                guard=NetGuard(resolver=resolver),
            )

    fetched = asyncio.run(go())
    (request,) = seen
    assert request.url.host == PUBLIC and request.url.path == "/news.xml"
    assert request.headers["host"] == "feeds.example.org"
    assert request.extensions["sni_hostname"] == "feeds.example.org"  # certificate checked for it
    assert fetched.url == "https://feeds.example.org/news.xml" and b"Internal news" in fetched.body


def test_each_redirect_hop_is_checked_and_pinned_to_its_own_address() -> None:
    seen: list[httpx.Request] = []
    other = "93.184.216.35"

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers["host"] == "old.example.org":
            return httpx.Response(301, headers={"location": "https://new.example.net:8443/f"})
        return feed_response()

    resolver = Rebinding(
        {"old.example.org": [[PUBLIC]], "new.example.net": [[other], ["10.0.0.7"]]}
    )

    async def go() -> Fetched:
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await fetch(
                client, "http://old.example.org/f", limits=LIMITS, guard=NetGuard(resolver=resolver)
            )

    fetched = asyncio.run(go())
    assert [(r.url.host, r.url.port, r.headers["host"]) for r in seen] == [
        (PUBLIC, None, "old.example.org"),
        (other, 8443, "new.example.net:8443"),
    ]
    assert fetched.redirects == ["https://new.example.net:8443/f"]
    assert resolver.asked == ["old.example.org", "new.example.net"]


def test_a_redirect_to_a_name_that_rebinds_inside_is_refused_before_connecting() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://inside.example/admin"})

    resolver = Rebinding({"start.example": [[PUBLIC]], "inside.example": [["10.0.0.7"]]})

    async def go() -> Fetched:
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await fetch(
                client, "http://start.example/", limits=LIMITS, guard=NetGuard(resolver=resolver)
            )

    with pytest.raises(FetchError) as refused:
        asyncio.run(go())
    assert refused.value.kind == "forbidden_address" and "10.0.0.7" in refused.value.reason


def test_the_next_checked_address_is_tried_when_one_refuses_the_connection() -> None:
    tried: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        tried.append(request.url.host)
        if request.url.host == PUBLIC:
            raise httpx.ConnectError("no route", request=request)
        return feed_response()

    resolver = Rebinding({"two.example.org": [[PUBLIC, "2606:4700:4700::1111"]]})

    async def go() -> Fetched:
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await fetch(
                client, "http://two.example.org/", limits=LIMITS, guard=NetGuard(resolver=resolver)
            )

    assert asyncio.run(go()).status == 200
    assert tried == [PUBLIC, "2606:4700:4700::1111"]


@pytest.mark.parametrize(
    ("url", "address", "expected"),
    [
        ("http://a.example/x?y=1", "93.184.216.34", "http://93.184.216.34/x?y=1"),
        ("https://a.example:8443/x", "2606:4700::1", "https://[2606:4700::1]:8443/x"),
        ("http://93.184.216.34/x", "93.184.216.34", "http://93.184.216.34/x"),
    ],
)
def test_pinned_urls(url: str, address: str, expected: str) -> None:
    assert pinned(url, address).url == expected


def _certificate(tmp_path: Path, name: str) -> tuple[Path, Path, bytes]:
    """A CA and a server certificate for ``name`` signed by it: (cert file, key file, CA PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def subject(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    # OpenSSL checks validity on the machine's real clock, which no test clock moves:
    # a certificate valid for this whole century keeps the test independent of the date.
    valid_from, valid_until = (
        dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        dt.datetime(2100, 1, 1, tzinfo=dt.UTC),
    )
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(subject("test CA"))
        .issuer_name(subject("test CA"))
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(valid_from)
        .not_valid_after(valid_until)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(subject(name))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(valid_from)
        .not_valid_after(valid_until)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file, ca.public_bytes(serialization.Encoding.PEM)


@contextmanager
def https_server(cert_file: Path, key_file: Path, names: list[str]) -> Iterator[int]:
    """An HTTPS server on 127.0.0.1 answering FEED; records the TLS server names it is sent."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)

        def log_message(self, format: str, *args: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    context.sni_callback = lambda sock, name, ctx: names.append(name or "")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def fetch_over_tls(port: int, ca: bytes) -> Fetched:
    trusted = ssl.create_default_context(cadata=ca.decode("ascii"))
    resolver = Rebinding({"feeds.test": [["127.0.0.1"]]})
    guard = NetGuard.from_blocks(["127.0.0.1/32"], resolver)

    async def go() -> Fetched:
        async with httpx.AsyncClient(verify=trusted, trust_env=False) as client:
            return await fetch(
                client, f"https://feeds.test:{port}/feed", limits=LIMITS, guard=guard
            )

    return asyncio.run(go())


def test_tls_to_the_pinned_address_is_verified_for_the_name(tmp_path: Path) -> None:
    cert, key, ca = _certificate(tmp_path, "feeds.test")
    names: list[str] = []
    with https_server(cert, key, names) as port:
        fetched = fetch_over_tls(port, ca)
    assert fetched.status == 200 and b"Internal news" in fetched.body
    assert names == ["feeds.test"]  # the server was asked for the name, not the address


def test_a_certificate_for_another_name_is_refused(tmp_path: Path) -> None:
    cert, key, ca = _certificate(tmp_path, "other.test")
    with https_server(cert, key, []) as port, pytest.raises(FetchError) as refused:
        fetch_over_tls(port, ca)
    assert "feeds.test" in refused.value.reason
