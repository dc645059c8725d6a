"""``POST /telegram/webhook`` and polling: the secret token, bad updates, the inbox."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from asgi_client import AsgiClient
from known_secrets import SECRETS
from sqlalchemy import Engine, select
from starlette.applications import Starlette
from telegram import Bot

from bots.runtime import ingress_routes
from bots.telegram.polling import TelegramPoller
from bots.telegram.standin import TelegramStandIn
from hub.core.db import transaction
from hub.core.models import InboxEvent

SECRET = SECRETS["TELEGRAM_WEBHOOK_SECRET"]
TOKEN = "123456:stand-in-token"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
HEADER = "X-Telegram-Bot-Api-Secret-Token"


@pytest.fixture
def client(engine: Engine) -> Iterator[AsgiClient]:
    app = Starlette(routes=ingress_routes())
    app.state.engine = engine
    app.state.telegram_webhook_secret = SECRET
    app.state.clock = lambda: NOW
    with AsgiClient(app) as test_client:
        yield test_client


def update(update_id: int, text: str = "hola, ¿cuándo es la próxima conferencia?") -> dict:
    chat = {"id": 555, "type": "private", "first_name": "Ana"}
    message = {"message_id": 1, "date": 1, "chat": chat, "text": text}
    return {"update_id": update_id, "message": message}


def stored(engine: Engine) -> list[InboxEvent]:
    with transaction(engine) as session:
        return list(session.scalars(select(InboxEvent).order_by(InboxEvent.id)))


def send(client: AsgiClient, body: bytes, secret: str | None = SECRET) -> tuple[int, str]:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[HEADER] = secret
    response = client.post("/telegram/webhook", content=body, headers=headers)
    return response.status_code, response.text


WRONG_SECRETS = [None, "", "tg-webhook-secret-31c8", SECRET + "x", "é"]
MALFORMED = [
    (b"", "not JSON"),
    (b"{broken", "not JSON"),
    (b"\xff\xfe\x00", "not JSON"),
    (b"[1]", "JSON object"),
    (b'{"message": {"chat": {"id": 1}}}', "update_id"),
    (b'{"update_id": "7", "message": {"chat": {"id": 1}}}', "update_id"),
    (b'{"update_id": true, "message": {"chat": {"id": 1}}}', "update_id"),
    (b'{"update_id": -1, "message": {"chat": {"id": 1}}}', "update_id"),
    (b'{"update_id": 7}', "carries no object"),
    (b'{"update_id": 7, "message": "hello"}', "carries no object"),
    (b'{"update_id": 7, "message": {"text": "no chat"}}', "message.chat"),
]


def test_a_missing_or_wrong_secret_token_is_a_401(client: AsgiClient, engine: Engine) -> None:
    body = json.dumps(update(1)).encode()
    for secret in WRONG_SECRETS:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[HEADER] = secret
        encoded = {k: v.encode("utf-8") for k, v in headers.items()}
        response = client.post("/telegram/webhook", content=body, headers=encoded)
        assert response.status_code == 401, secret
    assert stored(engine) == []


def test_a_malformed_update_is_a_400_with_a_reason_and_nothing_stored(
    client: AsgiClient, engine: Engine
) -> None:
    for body, reason in MALFORMED:
        status, text = send(client, body)
        assert (status, reason in text) == (400, True), (body, text)
    assert stored(engine) == []


def test_updates_are_stored_once_by_update_id(client: AsgiClient, engine: Engine) -> None:
    for update_id in (10, 11, 10, 11, 10):
        assert send(client, json.dumps(update(update_id)).encode())[0] == 200
    rows = stored(engine)
    assert [(r.platform, r.event_key, r.status) for r in rows] == [
        ("telegram", "10", "pending"),
        ("telegram", "11", "pending"),
    ]
    assert rows[0].payload["message"]["chat"]["id"] == 555


def test_the_standin_posts_webhook_updates_with_the_secret(engine: Engine) -> None:
    """The stand-in plays Telegram against a real loopback server of the ingress."""
    import socket

    import uvicorn

    async def scenario() -> list[int]:
        app = Starlette(routes=ingress_routes())
        app.state.engine = engine
        app.state.telegram_webhook_secret = SECRET
        sock = socket.socket()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as uvicorn does when it binds
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off", log_config=None)
        server = uvicorn.Server(config)
        serving = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:  # noqa: ASYNC110 (uvicorn offers no started event)
            await asyncio.sleep(0.01)
        standin = TelegramStandIn((TOKEN,))
        url = f"http://127.0.0.1:{port}/telegram/webhook"
        statuses = [
            (await standin.post_webhook(url, standin.member_update(9, "hi"), SECRET))[0],
            (await standin.post_webhook(url, standin.member_update(9, "hi"), "wrong"))[0],
            (await standin.post_webhook(url, b"{}", SECRET))[0],
        ]
        server.should_exit = True
        await serving
        return statuses

    assert asyncio.run(scenario()) == [200, 401, 400]
    assert len(stored(engine)) == 1


def test_polling_commits_each_batch_before_the_offset_moves(engine: Engine) -> None:
    async def scenario() -> tuple[int, int, int, list[int]]:
        async with TelegramStandIn((TOKEN,)) as standin:
            bot = Bot(TOKEN, base_url=f"{standin.url}/bot")
            async with bot:
                for text in ("one", "two", "three"):
                    standin.queue_update(standin.member_update(42, text))
                crashing = TelegramPoller(engine, bot, clock=lambda: NOW)

                def broken(updates: list[dict[str, Any]], now: dt.datetime) -> None:
                    raise RuntimeError("database is down")

                crashing._store = broken  # type: ignore[method-assign]
                with pytest.raises(RuntimeError):
                    await crashing.poll_once(long_poll=0)
                offset_after_failure = crashing.offset
                # a fresh process (offset 0) gets the same unconfirmed updates again
                first = TelegramPoller(engine, bot, clock=lambda: NOW)
                assert await first.poll_once(long_poll=0) == 3
                again = TelegramPoller(engine, bot, clock=lambda: NOW)
                assert await again.poll_once(long_poll=0) == 3  # died before confirming
                standin.queue_update(standin.member_update(42, "four"))
                brought = await again.poll_once(long_poll=0)  # confirms the first three
                await again.poll_once(long_poll=0)  # confirms "four"
                left = [u["update_id"] for u in standin.updates]
                return offset_after_failure, first.stored + again.stored, brought, left

    offset_after_failure, new_rows, brought, left = asyncio.run(scenario())
    assert offset_after_failure == 0
    assert brought == 1  # the three were confirmed by this call, only once stored
    assert new_rows == 4
    assert left == []
    rows = stored(engine)
    assert [r.payload["message"]["text"] for r in rows] == ["one", "two", "three", "four"]
