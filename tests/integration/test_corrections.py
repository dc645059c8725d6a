"""Corrections and retractions reach what was already posted, through the real sinks.

An item is approved and posted to the Slack and Telegram stand-ins by the bus
worker; editing it edits those same messages (chat.update, editMessageText),
retracting it deletes them (chat.delete, deleteMessage).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, select

from bots.slack.standin import SlackStandIn
from bots.telegram.standin import TelegramStandIn
from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item
from hub.core.moderation import decisions as moderation
from hub.wiring import SINKS

SLACK_TOKEN = "xoxb-stand-in-token"
TG_TOKEN = "123456:stand-in-token"
SLACK_NEWS = "C0NEWS"
TG_NEWS = -1000000000001
BY = "ana@iopd.example"


class SteppingClock:
    """Time that moves 1.1 s at each reading, so the flood limits never make the test wait."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)  # any date will do

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1.1)
        return self.now

    def seconds(self) -> float:
        return self().timestamp()


def settings_for(slack_url: str, telegram_url: str) -> Settings:
    return Settings.model_validate(
        {
            "hub": {"languages": ["en", "es"]},
            "channels": {
                "slack_news": {
                    "platform": "slack",
                    "target": SLACK_NEWS,
                    "token_env": "SLACK_TOKEN",
                    "base_url": slack_url,
                },
                "telegram_news": {
                    "platform": "telegram",
                    "target": str(TG_NEWS),
                    "token_env": "TG_TOKEN",
                    "base_url": telegram_url,
                },
            },
            "routes": [{"name": "all", "to": ["slack_news", "telegram_news"]}],
            "secrets": {"SLACK_TOKEN": SLACK_TOKEN, "TG_TOKEN": TG_TOKEN},
        }
    )


@dataclass
class Hub:
    engine: Engine
    settings: Settings
    slack: SlackStandIn
    telegram: TelegramStandIn
    clock: SteppingClock

    async def send_due(self) -> None:
        """Run the bus worker until nothing is due."""
        config = WorkerConfig(until_idle=True, poll_interval=0.05, max_rate_wait=5.0)
        worker = Worker(
            self.engine,
            ChannelSinks.from_settings(self.settings, SINKS),
            config=config,
            clock=self.clock,
        )
        await worker.run()

    def new_item(self) -> int:
        with transaction(self.engine) as session:
            item = Item(
                title="Porto Alegre budget opens",
                summary_html="<p>Assemblies start in March.</p>",
                summary_text="Assemblies start in March.",
                link="https://poa.example/pb",
                language="en",
                status="pending",
            )
            session.add(item)
            session.flush()
            return item.id

    def approve(self, item_id: int) -> list[int]:
        with transaction(self.engine) as session:
            item = session.get(Item, item_id)
            assert item is not None
            rows = moderation.approve(session, item, self.settings, by=BY, now=self.clock())
            return [d.id for d in rows]

    def edit(self, item_id: int, title: str) -> list[int]:
        """What the console's edit form does: edit, then correct what was posted."""
        with transaction(self.engine) as session:
            item = session.get(Item, item_id)
            assert item is not None
            moderation.edit(item, title=title)
            rows = moderation.correct_posted(session, item, by=BY, now=self.clock())
            return [d.id for d in rows]

    def retract(self, item_id: int) -> list[int]:
        with transaction(self.engine) as session:
            item = session.get(Item, item_id)
            assert item is not None
            rows = moderation.retract(session, item, by=BY, reason="wrong city", now=self.clock())
            return [d.id for d in rows]

    def deliveries(self) -> list[tuple[str, str, str | None]]:
        with transaction(self.engine) as session:
            rows = session.scalars(select(Delivery).order_by(Delivery.id)).all()
            return [(d.kind, d.status, d.platform_message_id) for d in rows]


@asynccontextmanager
async def running_hub(engine: Engine) -> AsyncIterator[Hub]:
    clock = SteppingClock()
    slack = SlackStandIn(clock=clock.seconds)
    slack.add_channel(SLACK_NEWS, "news")
    telegram = TelegramStandIn((TG_TOKEN,), clock=clock.seconds)
    telegram.add_chat(TG_NEWS, type="channel", title="News")
    async with slack, telegram:
        settings = settings_for(slack.url, telegram.url)
        with transaction(engine) as session:
            sync_config(session, settings)
        yield Hub(engine, settings, slack, telegram, clock)


def test_an_edit_corrects_the_posted_messages_in_place_and_a_retraction_deletes_them(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            item_id = hub.new_item()
            assert len(hub.approve(item_id)) == 2
            await hub.send_due()
            [posted_slack] = hub.slack.messages(SLACK_NEWS)
            [posted_tg] = hub.telegram.messages(TG_NEWS)
            assert "Porto Alegre" in posted_slack.text and "Porto Alegre" in posted_tg.text

            corrections = hub.edit(item_id, "Belo Horizonte budget opens")
            assert len(corrections) == 2
            assert hub.edit(item_id, "Belo Horizonte budget opens") == []  # a double click
            await hub.send_due()
            [edited_slack] = hub.slack.messages(SLACK_NEWS)
            [edited_tg] = hub.telegram.messages(TG_NEWS)
            assert edited_slack.ts == posted_slack.ts and edited_slack.edited
            assert "Belo Horizonte" in edited_slack.text and "Porto" not in edited_slack.text
            assert edited_tg.message_id == posted_tg.message_id and edited_tg.edit_date
            assert "Belo Horizonte" in edited_tg.text and "Porto" not in edited_tg.text
            # the same content once sent is still not corrected again; a new text is
            assert hub.edit(item_id, "Belo Horizonte budget opens") == []
            assert len(hub.edit(item_id, "Belo Horizonte budget opens in March")) == 2
            await hub.send_due()
            assert "in March" in hub.slack.messages(SLACK_NEWS)[0].text

            assert len(hub.retract(item_id)) == 2
            with pytest.raises(moderation.ModerationError, match="only an approved item"):
                hub.retract(item_id)
            await hub.send_due()
            assert hub.slack.messages(SLACK_NEWS) == []
            assert [m.deleted for m in hub.telegram.messages(TG_NEWS)] == [True]

            kinds = [(kind, status) for kind, status, _ in hub.deliveries()]
            assert (
                kinds
                == [("item", "sent")] * 2
                + [("correction", "sent")] * 4
                + [("retraction", "sent")] * 2
            )
            ids = {mid for kind, _, mid in hub.deliveries() if kind == "item"}
            assert ids == {mid for _, _, mid in hub.deliveries()}  # every write on the same ids

    asyncio.run(scenario())


def test_a_retracted_items_unsent_deliveries_are_never_sent(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            item_id = hub.new_item()
            hub.approve(item_id)
            assert hub.retract(item_id) == []  # nothing was posted: nothing to delete
            await hub.send_due()
            assert hub.slack.messages(SLACK_NEWS) == [] and hub.telegram.messages(TG_NEWS) == []
            assert hub.deliveries() == [("item", "cancelled", None)] * 2
            with pytest.raises(moderation.ModerationError, match="cannot be approved"):
                hub.approve(item_id)

    asyncio.run(scenario())


def test_a_retraction_cancels_a_correction_not_sent_yet(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            item_id = hub.new_item()
            hub.approve(item_id)
            await hub.send_due()
            assert len(hub.edit(item_id, "Belo Horizonte budget opens")) == 2
            assert len(hub.retract(item_id)) == 2
            await hub.send_due()
            assert hub.slack.messages(SLACK_NEWS) == []
            assert [m.deleted for m in hub.telegram.messages(TG_NEWS)] == [True]
            assert [(k, s) for k, s, _ in hub.deliveries()] == [("item", "sent")] * 2 + [
                ("correction", "cancelled")
            ] * 2 + [("retraction", "sent")] * 2

    asyncio.run(scenario())


def test_the_console_says_what_an_edit_corrects_and_retracts_with_csrf(engine: Engine) -> None:
    from hub.core.accounts import AuditEntry
    from hub.web.testing import (
        ConsoleClient,
        add_user,
        console_app,
        csrf_token,
        example_settings,
    )
    from hub.web.testing import (
        SteppingClock as ConsoleClock,
    )

    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
        item = Item(title="Youth budget in Cascais", language="en", status="pending")
        session.add(item)
        session.flush()
        item_id = item.id
    add_user(engine, "editor@example.org", "correct horse battery")
    with ConsoleClient(console_app(settings, engine, clock=ConsoleClock())) as client:
        client.sign_in("editor@example.org", "correct horse battery")
        token = csrf_token(client.get(f"/items/{item_id}").text)
        client.post(f"/items/{item_id}/approve", data={"csrf_token": token})
        with transaction(engine) as session:  # as if the worker had posted both
            for n, d in enumerate(session.scalars(select(Delivery)), start=1):
                d.status, d.platform_message_id = "sent", f"C0:{n}.0"
        form = client.get(f"/items/{item_id}/edit").text
        assert "2 posted messages will be corrected" in form
        data = {"csrf_token": csrf_token(form), "title": "Youth budget in Sintra"}
        saved = client.follow(client.post(f"/items/{item_id}/edit", data=data)).text
        assert "2 posted messages will be corrected." in saved and "correction" in saved
        refused = client.post(f"/items/{item_id}/retract", data={"reason": "wrong town"})
        assert refused.status_code == 403
        response = client.post(
            f"/items/{item_id}/retract", data={"csrf_token": token, "reason": "wrong town"}
        )
        page = client.follow(response).text
        assert "2 posted messages will be deleted." in page and "Retracted: wrong town" in page
    with transaction(engine) as session:
        kinds = sorted(d.kind for d in session.scalars(select(Delivery)))
        assert kinds == ["correction"] * 2 + ["item"] * 2 + ["retraction"] * 2
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert actions[-2:] == ["edit", "retract"]
