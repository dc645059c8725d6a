"""``/preferences`` in the Telegram and Slack bots, and members seen when they write."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

from known_secrets import SECRETS
from sqlalchemy import Engine, select

from bots.chat_news import submit_from_chat
from bots.slack.handlers import SlackHandlers
from bots.telegram.handlers import TelegramHandlers
from bots.telegram.standin import TelegramStandIn
from hub.core.assistant import Assistant
from hub.core.bus.inbox import InboxRecord
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.members.links import member_of_token
from hub.core.models import Delivery, Member

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
SECRET = SECRETS["HUB_SECRET_KEY"]
CHAT, SLACK_USER = 555001, "U0ANA"


def settings() -> Settings:
    return Settings.model_validate(
        {
            "hub": {"languages": ["en", "es", "ca"], "public_url": "https://hub.example.org/"},
            "sources": {"telegram_submissions": {"kind": "telegram"}},
            "channels": {
                "telegram_assistant": {
                    "platform": "telegram",
                    "target": "-100",
                    "token_env": "TG_TOKEN",
                },
                "slack_assistant": {
                    "platform": "slack",
                    "target": "C0ASSIST",
                    "token_env": "SLACK_TOKEN",
                },
            },
            "secrets": {"HUB_SECRET_KEY": SECRET, "TG_TOKEN": "1:x", "SLACK_TOKEN": "xoxb-x"},
        }
    )


def prepare(engine: Engine) -> tuple[Settings, int]:
    configured = settings()
    with transaction(engine) as session:
        sync_config(session, configured)
        member = Member(
            organisation="Girona",
            email="ana@girona.cat",
            language="es",
            telegram_chat_id=CHAT,
            slack_user_id=SLACK_USER,
            topics=[],
        )
        session.add(member)
        session.flush()
        return configured, member.id


def replies(engine: Engine) -> list[dict[str, Any]]:
    with transaction(engine) as session:
        rows = session.scalars(
            select(Delivery).where(Delivery.kind == "reply").order_by(Delivery.id)
        )
        return [row.payload for row in rows]


def telegram_update(update_id: int, chat_id: int, text: str) -> InboxRecord:
    """An update as Telegram sends it (the stand-in's shape: ``bot_command`` entities...)."""
    sent = TelegramStandIn(wall_clock=NOW.timestamp).member_update(
        chat_id, text, language_code="en"
    )
    sent["update_id"] = update_id
    return InboxRecord(1, "telegram", str(update_id), sent, 1, NOW)


def link_in(text: str) -> str:
    return next(word for word in text.split() if word.startswith("https://"))


def test_telegram_preferences_answers_with_the_members_own_link(engine: Engine) -> None:
    configured, member_id = prepare(engine)
    handlers = TelegramHandlers(engine, configured, Assistant.from_knowledge(KNOWLEDGE))
    asyncio.run(handlers(telegram_update(1, CHAT, "/preferences"), NOW))
    asyncio.run(handlers(telegram_update(2, 777, "/preferences"), NOW))
    mine, stranger = replies(engine)
    assert mine["extra"]["reply_to"] == str(CHAT) and mine["language"] == "es"
    assert "Esta es tu página personal de preferencias" in mine["text"]
    url = link_in(mine["text"])
    assert url.startswith("https://hub.example.org/preferences/")
    assert member_of_token(SECRET, url.rsplit("/", 1)[1], NOW) == member_id
    assert stranger["extra"]["reply_to"] == "777"
    assert "do not know you as a member" in stranger["text"] and "https://" not in stranger["text"]


def test_slack_preferences_answers_the_member_alone(engine: Engine) -> None:
    configured, member_id = prepare(engine)
    handlers = SlackHandlers(engine, configured, Assistant.from_knowledge(KNOWLEDGE))
    command = {
        "kind": "command",
        "command": "/iopd",
        "text": "preferences",
        "channel_id": "C0PUBLIC",
        "user_id": SLACK_USER,
    }
    asyncio.run(handlers(InboxRecord(1, "slack", "c1", command, 1, NOW), NOW))
    own = {**command, "command": "/preferences", "text": "", "user_id": "U0OTHER"}
    asyncio.run(handlers(InboxRecord(2, "slack", "c2", own, 1, NOW), NOW))
    mine, stranger = replies(engine)
    assert mine["extra"]["reply_to"] == SLACK_USER  # a direct message, not the public channel
    url = link_in(mine["text"])
    assert member_of_token(SECRET, url.rsplit("/", 1)[1], NOW) == member_id
    assert stranger["extra"]["reply_to"] == "U0OTHER"
    assert "do not know you" in stranger["text"]


def seen(engine: Engine, member_id: int) -> dt.datetime | None:
    with transaction(engine) as session:
        member = session.get(Member, member_id)
        assert member is not None
        return member.last_seen_at


def test_members_are_seen_when_they_ask_or_send_news(engine: Engine) -> None:
    configured, member_id = prepare(engine)
    handlers = TelegramHandlers(engine, configured, Assistant.from_knowledge(KNOWLEDGE))
    asyncio.run(handlers(telegram_update(1, CHAT, "/help"), NOW))
    assert seen(engine, member_id) is None  # a command is not the member writing to the hub
    asked = NOW + dt.timedelta(hours=1)
    asyncio.run(handlers(telegram_update(2, CHAT, "When is the next conference?"), asked))
    assert _same(seen(engine, member_id), asked)
    sent = NOW + dt.timedelta(hours=2)
    with transaction(engine) as session:
        submit_from_chat(
            session,
            configured,
            source_key="telegram_submissions",
            platform="telegram",
            external_id="tg:1",
            title="Girona opens its budget",
            text="Vote until May.",
            link=None,
            image_url=None,
            reply_to=str(CHAT),
            member_id=member_id,
            now=sent,
        )
    assert _same(seen(engine, member_id), sent)


def _same(stored: dt.datetime | None, expected: dt.datetime) -> bool:
    """SQLite gives naive datetimes back; compare as UTC."""
    assert stored is not None
    return stored.replace(tzinfo=stored.tzinfo or dt.UTC) == expected
