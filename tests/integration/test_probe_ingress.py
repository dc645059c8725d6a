"""Hostile bodies at the platform webhooks, found by probing a running ``hub serve``.

A member's message with a NUL or a lone surrogate escaped in the JSON
(``\\u0000``, ``\\ud800``) was acknowledged and stored, then failed at every
attempt of the inbox worker: PostgreSQL keeps no NUL in text, and no UTF-8
encoder writes a lone surrogate (SQLite's neither), so the member's question
never reached ``questions`` and the member was never answered. The webhooks
now store such text cleaned; an event whose ``event`` is not an object is a
400 instead of a retried ``AttributeError``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from asgi_client import AsgiClient
from known_secrets import SECRETS
from sqlalchemy import Engine, select
from starlette.applications import Starlette

from bots.runtime import ingress_routes
from bots.slack.standin import signed_headers
from bots.telegram.handlers import TelegramHandlers
from hub.core.assistant import Assistant
from hub.core.bodies import storable, storable_text
from hub.core.bus.inbox import InboxRecord
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, InboxEvent, Question

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
TG_SECRET = SECRETS["TELEGRAM_WEBHOOK_SECRET"]
SLACK_SECRET = SECRETS["SLACK_SIGNING_SECRET"]
# escaped as a client would send them: json.dumps would refuse to write a lone surrogate
HOSTILE = r"nul \u0000 then \ud800 alone \u202e rtl, and a pair \ud83d\ude00"


@pytest.fixture
def client(engine: Engine) -> Iterator[AsgiClient]:
    app = Starlette(routes=ingress_routes())
    app.state.engine = engine
    app.state.telegram_webhook_secret = TG_SECRET
    app.state.slack_signing_secret = SLACK_SECRET
    app.state.clock = lambda: NOW
    with AsgiClient(app) as test_client:
        yield test_client


def rows(engine: Engine) -> list[InboxEvent]:
    with transaction(engine) as session:
        return list(session.scalars(select(InboxEvent).order_by(InboxEvent.id)))


def test_storable_keeps_pairs_and_text_and_drops_what_no_database_holds() -> None:
    assert storable_text("a\x00b\ud800c\U0001f600é") == "ab\ufffdc\U0001f600é"
    assert storable({"k\x00": ["\udfff", 5, None, {"x": "\x00"}]}) == {
        "k": ["\ufffd", 5, None, {"x": ""}]
    }


def test_a_telegram_question_with_nul_and_a_lone_surrogate_is_stored_and_answered(
    client: AsgiClient, engine: Engine
) -> None:
    chat = '{"id": 555, "type": "private", "first_name": "Ana"}'
    sender = '{"id": 555, "is_bot": false, "first_name": "Ana", "language_code": "en"}'
    body = (
        f'{{"update_id": 41, "message": {{"message_id": 1, "date": {int(NOW.timestamp())}, '
        f'"chat": {chat}, "from": {sender}, "text": "{HOSTILE}"}}}}'
    ).encode()
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
    assert client.post("/telegram/webhook", content=body, headers=headers).status_code == 200
    [row] = rows(engine)
    text = row.payload["message"]["text"]
    assert text == "nul  then \ufffd alone \u202e rtl, and a pair \U0001f600"

    settings = Settings.model_validate(
        {
            "sources": {"telegram_submissions": {"kind": "telegram"}},
            "channels": {
                "telegram_assistant": {"platform": "telegram", "target": "-1", "token_env": "T"}
            },
            "secrets": {"T": "1:x"},
        }
    )
    with transaction(engine) as session:
        sync_config(session, settings)
    handlers = TelegramHandlers(engine, settings, Assistant.from_knowledge(KNOWLEDGE), "hub_bot")
    record = InboxRecord(row.id, "telegram", row.event_key, row.payload, 1, NOW)
    asyncio.run(handlers(record, NOW))  # raised DataError / UnicodeEncodeError before
    with transaction(engine) as session:
        assert [q.text for q in session.scalars(select(Question))] == [text]
        assert session.scalars(select(Delivery).where(Delivery.kind == "reply")).all() != []


def slack_post(client: AsgiClient, body: bytes, content_type: str) -> Any:
    headers = signed_headers(SLACK_SECRET, body, NOW.timestamp(), content_type, None)
    return client.post("/slack/events", content=body, headers=headers)


def test_a_slack_command_with_nul_is_stored_without_it(client: AsgiClient, engine: Engine) -> None:
    body = b"command=%2Fhub&text=when%00%ED%A0%80&trigger_id=t1&user_id=U1&channel_id=C1"
    response = slack_post(client, body, "application/x-www-form-urlencoded")
    assert response.status_code == 200
    [row] = rows(engine)
    assert row.payload["text"] == "when\ufffd\ufffd\ufffd"  # the bad bytes, as Slack's parser reads
    assert "\x00" not in row.event_key


@pytest.mark.parametrize(
    "body",
    [
        b'{"type": "event_callback", "event_id": "Ev2", "event": "text"}',
        b'{"type": "event_callback", "event_id": "Ev3", "event": ["a"]}',
        b'{"type": "event_callback", "event_id": "Ev\\u0000\\ud800", "event": {"type": "x"}}',
    ],
)
def test_a_slack_event_is_refused_or_stored_clean(
    client: AsgiClient, engine: Engine, body: bytes
) -> None:
    response = slack_post(client, body, "application/json")
    if b'"event": {' in body:
        assert response.status_code == 200
        [row] = rows(engine)
        assert row.event_key == "Ev\ufffd"
    else:  # an event_callback's event is an object: this one was a retried AttributeError
        assert (response.status_code, response.text) == (
            400,
            "not a Slack event, command or interaction",
        )
        assert rows(engine) == []
