"""Security findings (issue 16): a 500 page carried none of the security headers, and
every answer named the server (``server: uvicorn``)."""

from __future__ import annotations

import asyncio
import socket

import httpx
from sqlalchemy import Engine
from starlette.routing import Route

from hub.runner import HubProcess
from hub.web.security import HSTS, SECURITY_HEADERS
from hub.web.testing import TEST_SECRET_KEY, console_app, example_settings


def test_a_500_page_carries_the_security_headers(engine: Engine) -> None:
    app = console_app(example_settings(public_url="https://hub.example.org"), engine)

    def broken(request: object) -> None:
        raise RuntimeError("a bug")

    app.router.routes.insert(0, Route("/broken", broken))

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="https://hub.example.org") as c:
            return await c.get("/broken")

    response = asyncio.run(fetch())
    assert response.status_code == 500 and "a bug" not in response.text
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert response.headers["strict-transport-security"] == HSTS


def test_the_web_role_does_not_name_its_server(sqlite_engine: Engine) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = HubProcess(
        example_settings(), sqlite_engine, {"web"}, web_port=port, secret_key=TEST_SECRET_KEY
    )

    async def main() -> httpx.Response:
        stop = asyncio.Event()
        running = asyncio.create_task(process.run(stop))
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                for _ in range(500):
                    try:
                        return await client.get("/login")
                    except httpx.TransportError:
                        await asyncio.sleep(0.02)
                raise AssertionError("the web role never answered")
        finally:
            stop.set()
            await running

    response = asyncio.run(main())
    assert response.status_code == 200
    assert "server" not in response.headers


def test_only_the_public_host_is_answered(engine: Engine) -> None:
    """Security finding: a Host header of the sender's choosing picked the target of
    redirects (Starlette's slash redirects are absolute, built from Host)."""
    app = console_app(example_settings(public_url="https://hub.example.org"), engine)

    async def fetch(host: str, path: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=f"https://{host}") as c:
            return await c.get(path)

    evil = asyncio.run(fetch("evil.example", "/login/"))
    assert evil.status_code == 400 and "evil.example" not in evil.headers.get("location", "")
    assert evil.headers["x-frame-options"] == "DENY"
    assert asyncio.run(fetch("hub.example.org", "/login")).status_code == 200
    assert asyncio.run(fetch("localhost:8000", "/healthz")).status_code == 200


def test_metrics_are_for_loopback_or_the_bearer_of_the_token(engine: Engine) -> None:
    """Security finding: /metrics was open to anyone who reached the app."""
    plain = console_app(example_settings(), engine)
    settings = example_settings()
    secrets = {**settings.secrets, "HUB_METRICS_TOKEN": "scrape-token-0123456789"}
    tokened = console_app(settings.model_copy(update={"secrets": secrets}), engine)

    async def fetch(app: object, ip: str, headers: dict[str, str] | None = None) -> int:
        transport = httpx.ASGITransport(app=app, client=(ip, 40000))  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://c.test") as c:
            return (await c.get("/metrics", headers=headers)).status_code

    assert asyncio.run(fetch(plain, "203.0.113.5")) == 404
    assert asyncio.run(fetch(plain, "127.0.0.1")) == 200
    assert asyncio.run(fetch(tokened, "127.0.0.1")) == 404  # a token set: it is needed
    wrong = {"authorization": "Bearer nope"}
    assert asyncio.run(fetch(tokened, "203.0.113.5", wrong)) == 404
    right = {"authorization": "Bearer scrape-token-0123456789"}
    assert asyncio.run(fetch(tokened, "203.0.113.5", right)) == 200
