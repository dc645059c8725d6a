"""Security finding (issue 16): unsigned bodies are read with a cap, not whole.

A body sent in chunks declares no length; the Slack, Telegram and Mailchimp
endpoints used to read all of it before refusing it (a 200 MB body cost
+344 MB). Each endpoint is driven here through raw ASGI with a body that
would be 200 MB if read whole: it must answer 413 having read no more than
its cap and one chunk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from bots.slack import ingress as slack
from bots.telegram import ingress as telegram
from hub.core.bodies import BodyTooLarge, read_capped
from newsletters import webhook as mailchimp

CHUNK = 64 * 1024
WHOLE = 200 * 1024 * 1024


async def chunked_post(app: Any, path: str, headers: dict[str, str]) -> tuple[int, int]:
    """POST a 200 MB chunked body; (status answered, bytes the app pulled)."""
    pulled = 0
    answer: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += CHUNK
        return {"type": "http.request", "body": b"x" * CHUNK, "more_body": pulled < WHOLE}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }
    await app(scope, receive, send)
    return answer["status"], pulled


def app_for(route: Route, **state: Any) -> Starlette:
    app = Starlette(routes=[route])
    for name, value in state.items():
        setattr(app.state, name, value)
    return app


SECRET = {telegram.SECRET_HEADER: "s3cret"}
ENDPOINTS: list[Any] = [
    pytest.param(lambda: app_for(slack.routes()[0]), "/slack/events", {}, slack.MAX_BODY),
    pytest.param(
        lambda: app_for(telegram.routes()[0], telegram_webhook_secret="s3cret"),
        "/telegram/webhook",
        SECRET,
        telegram.MAX_BODY,
    ),
    pytest.param(
        lambda: app_for(mailchimp.routes()[0], mailchimp_webhook_secret="s3cret"),
        "/mailchimp/webhook/s3cret",
        {},
        mailchimp.MAX_BODY,
    ),
]


@pytest.mark.parametrize(("make_app", "path", "headers", "cap"), ENDPOINTS)
def test_a_chunked_body_over_the_cap_is_refused_without_reading_it_all(
    make_app: Callable[[], Starlette], path: str, headers: dict[str, str], cap: int
) -> None:
    status, pulled = asyncio.run(chunked_post(make_app(), path, headers))
    assert status == 413
    assert pulled <= cap + CHUNK


def test_read_capped_reads_a_body_within_the_cap_and_refuses_a_declared_larger_one() -> None:
    async def chunks() -> Any:
        for part in (b"ab", b"cd"):
            yield part

    assert asyncio.run(read_capped(chunks(), None, 4)) == b"abcd"
    with pytest.raises(BodyTooLarge):
        asyncio.run(read_capped(chunks(), None, 3))
    with pytest.raises(BodyTooLarge):
        asyncio.run(read_capped(chunks(), "5", 4))


def test_both_proxies_cap_request_bodies() -> None:
    from pathlib import Path

    deploy = Path(__file__).parents[2] / "deploy"
    assert "client_max_body_size 2m;" in (deploy / "nginx.conf").read_text()
    caddy = " ".join((deploy / "Caddyfile").read_text().split())
    assert "request_body { max_size 2MB }" in caddy


DEEP = b"[" * 50_000 + b"]" * 50_000


def test_a_json_nested_fifty_thousand_deep_is_refused_not_a_500() -> None:
    """Security finding (issue 16): a 50,000-deep JSON raised RecursionError (a 500)."""
    import datetime as dt

    from bots.slack.standin import signed_headers
    from bots.telegram.ingress import MalformedUpdate, validate_update

    with pytest.raises(MalformedUpdate, match="nested too deeply"):
        validate_update(b'{"update_id": 1, "message": ' + DEEP + b"}")
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # the app's injected clock, any date
    app = app_for(slack.routes()[0], slack_signing_secret="s3cret", clock=lambda: now)
    headers = signed_headers("s3cret", DEEP, now.timestamp(), "application/json")
    transport = httpx.ASGITransport(app=app)

    async def post() -> int:
        async with httpx.AsyncClient(transport=transport, base_url="http://hub.test") as client:
            return (await client.post("/slack/events", content=DEEP, headers=headers)).status_code

    assert asyncio.run(post()) == 400
