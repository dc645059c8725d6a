"""The Telegram inbox handler on python-telegram-bot's Application: what PTB gives here.

Updates in Telegram's shape (the stand-in's ``member_update``) go through
``TelegramHandlers``; the /submit conversation's state is PTB's
``ConversationHandler`` state, kept by the hub's ``BasePersistence`` in
``bot_conversations``; an update processed twice (the inbox retries after a
crash) is answered and taken once; the Application's bot never sends.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, select
from telegram.error import BadRequest

from bots.telegram.handlers import TelegramHandlers
from bots.telegram.standin import TelegramStandIn
from hub.core.assistant import Assistant
from hub.core.bus.inbox import InboxRecord
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import _alembic_config, transaction, upgrade
from hub.core.models import BotConversation, Delivery, Item

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
CHAT = 777001
MEMBER = TelegramStandIn(wall_clock=NOW.timestamp)


def settings() -> Settings:
    telegram = {"platform": "telegram", "target": "-100", "token_env": "TG_TOKEN"}
    return Settings.model_validate(
        {
            "sources": {"telegram_submissions": {"kind": "telegram"}},
            "channels": {"telegram_assistant": telegram},
            "secrets": {"TG_TOKEN": "1:x"},
        }
    )


def said(text: str) -> InboxRecord:
    update = MEMBER.member_update(CHAT, text, language_code="en")
    return InboxRecord(update["update_id"], "telegram", str(update["update_id"]), update, 1, NOW)


def replies(engine: Engine) -> list[str]:
    with transaction(engine) as session:
        rows = session.scalars(select(Delivery).where(Delivery.kind == "reply"))
        return [str(row.payload["text"]) for row in rows]


def rows(engine: Engine) -> dict[str, tuple[str, str]]:
    with transaction(engine) as session:
        found = session.scalars(
            select(BotConversation).where(BotConversation.platform == "telegram")
        )
        return {row.chat_key: (row.kind, row.step) for row in found}


@pytest.fixture
def configured(engine: Engine) -> Settings:
    chosen = settings()
    with transaction(engine) as session:
        sync_config(session, chosen)
    return chosen


def test_the_submit_state_is_ptb_s_kept_in_the_table_and_a_retry_is_taken_once(
    engine: Engine, configured: Settings
) -> None:
    assistant = Assistant.from_knowledge(KNOWLEDGE)
    first = TelegramHandlers(engine, configured, assistant, "hub_standin_bot")
    asyncio.run(first(said("/submit"), NOW))
    title = said("Assembly in Lima")
    asyncio.run(first(title, NOW))
    assert rows(engine)[f"conv:submit:[{CHAT}]"] == ("submit", "text")
    asyncio.run(first(title, NOW))  # the inbox processes it again: not the text as well
    assert rows(engine)[f"conv:submit:[{CHAT}]"] == ("submit", "text")
    assert len(replies(engine)) == 2  # the title's question, then the text's: once each

    restarted = TelegramHandlers(engine, configured, assistant, "hub_standin_bot")
    for text in ("Two days of talks.", "/skip", "/skip"):
        asyncio.run(restarted(said(text), NOW))
    assert f"conv:submit:[{CHAT}]" not in rows(engine)  # the conversation ended
    with transaction(engine) as session:
        [item] = session.scalars(select(Item)).all()
        assert (item.title, item.link) == ("Assembly in Lima", None)
    assert "Assembly in Lima" in replies(engine)[-1]


def test_a_command_for_another_bot_is_not_taken_and_the_application_never_sends(
    engine: Engine, configured: Settings
) -> None:
    handlers = TelegramHandlers(
        engine, configured, Assistant.from_knowledge(KNOWLEDGE), "hub_standin_bot"
    )
    asyncio.run(handlers(said("/submit@another_bot"), NOW))
    assert f"conv:submit:[{CHAT}]" not in rows(engine)
    asyncio.run(handlers(said("/submit@hub_standin_bot"), NOW))
    assert rows(engine)[f"conv:submit:[{CHAT}]"] == ("submit", "title")

    async def send() -> None:
        await handlers.application.bot.send_message(CHAT, "straight to Telegram")

    with pytest.raises(BadRequest, match="outbox"):
        asyncio.run(send())


class Broken(Exception):
    """The assistant failed."""


def test_a_failing_handler_leaves_the_update_to_be_retried(
    engine: Engine, configured: Settings
) -> None:
    assistant = Assistant.from_knowledge(KNOWLEDGE)
    handlers = TelegramHandlers(engine, configured, assistant, "hub_standin_bot")
    asked = said("/help")

    def broken(language: str) -> str:
        raise Broken(language)

    handlers.assistant.help = broken  # type: ignore[method-assign, assignment]
    with pytest.raises(Broken):  # the inbox records the failure and tries again later
        asyncio.run(handlers(asked, NOW))
    assert replies(engine) == []
    handlers.assistant = Assistant.from_knowledge(KNOWLEDGE)
    asyncio.run(handlers(asked, NOW))
    assert len(replies(engine)) == 1


def test_a_form_begun_before_the_upgrade_goes_on_after_it(
    engine: Engine, configured: Settings
) -> None:
    command.downgrade(_alembic_config(engine), "0017")
    with transaction(engine) as session:  # the hand-written /submit's row, at its text step
        session.add(
            BotConversation(
                platform="telegram", chat_key=str(CHAT), kind="submit", step="text",
                data={"last_update": "1", "title": "Congress in Quito"}, updated_at=NOW,
            )
        )  # fmt: skip
    upgrade(engine)
    assert rows(engine) == {
        f"conv:submit:[{CHAT}]": ("submit", "text"),
        f"chat:{CHAT}": ("chat_data", "-"),
    }
    handlers = TelegramHandlers(
        engine, configured, Assistant.from_knowledge(KNOWLEDGE), "hub_standin_bot"
    )
    for text in ("Five days in the Andes.", "/skip", "/skip"):
        asyncio.run(handlers(said(text), NOW))
    with transaction(engine) as session:
        [item] = session.scalars(select(Item)).all()
        assert item.title == "Congress in Quito"


def test_two_bots_processes_take_turns_on_one_chat_s_form(
    engine: Engine, configured: Settings
) -> None:
    """Both Applications are started (their states loaded) before the form begins; each
    step is taken by the other process, which must see the step the first one stored."""
    assistant = Assistant.from_knowledge(KNOWLEDGE)
    one = TelegramHandlers(engine, configured, assistant, "hub_standin_bot")
    two = TelegramHandlers(engine, configured, assistant, "hub_standin_bot")
    asyncio.run(one(said("/help"), NOW))
    asyncio.run(two(said("/help"), NOW))
    turns = [(one, "/submit"), (two, "Assembly in Rosario"), (one, "Three days."),
             (two, "/skip"), (one, "/skip")]  # fmt: skip
    for process, text in turns:
        asyncio.run(process(said(text), NOW))
    with transaction(engine) as session:
        [item] = session.scalars(select(Item)).all()
        assert (item.title, item.link) == ("Assembly in Rosario", None)
    assert f"conv:submit:[{CHAT}]" not in rows(engine)
    asyncio.run(two(said("/cancel"), NOW))  # the form ended in one: nothing left in two
    assert "Cancelled." not in replies(engine)
