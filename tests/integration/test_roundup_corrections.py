"""A retraction or an edit reaches the roundups that took the item in.

Two items go into a Slack digest channel; the roundup is built and posted to the
Slack stand-in by the bus worker. Retracting one item edits the posted roundup
(chat.update) to read without it; retracting the last deletes the roundup; a
roundup not sent yet is rebuilt before it leaves.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import Engine

from bots.slack.standin import SlackStandIn, StoredMessage
from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item
from hub.core.moderation import decisions as moderation
from hub.core.schedule.roundups import run_roundup
from hub.wiring import SINKS

TOKEN = "xoxb-stand-in-token"
ROUNDUPS = "C0ROUND"
BY = "ana@iopd.example"


class SteppingClock:
    """Time that moves 1.1 s at each reading, from a fixed moment."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1.1)
        return self.now

    def seconds(self) -> float:
        return self().timestamp()


@dataclass
class Hub:
    engine: Engine
    settings: Settings
    slack: SlackStandIn
    clock: SteppingClock

    async def send_due(self) -> None:
        config = WorkerConfig(until_idle=True, poll_interval=0.05, max_rate_wait=5.0)
        sinks = ChannelSinks.from_settings(self.settings, SINKS)
        await Worker(self.engine, sinks, config=config, clock=self.clock).run()

    def approved_item(self, title: str, tag: str) -> int:
        with transaction(self.engine) as session:
            item = Item(
                title=title,
                summary_text=title,
                link=f"https://oidp.example/{tag}",
                language="en",
                tags=[tag],
                status="pending",
            )
            session.add(item)
            session.flush()
            moderation.approve(session, item, self.settings, by=BY, now=self.clock())
            return item.id

    def roundup(self) -> int:
        with transaction(self.engine) as session:
            result = run_roundup(session, self.settings, "roundups", "week", self.clock())
            assert result.delivery_id is not None, result.outcome
            return result.delivery_id

    def retract(self, item_id: int) -> list[Delivery]:
        with transaction(self.engine) as session:
            item = session.get(Item, item_id)
            assert item is not None
            rows = moderation.retract(session, item, by=BY, reason="wrong", now=self.clock())
            session.expunge_all()
            return rows

    def edit(self, item_id: int, title: str) -> list[Delivery]:
        with transaction(self.engine) as session:
            item = session.get(Item, item_id)
            assert item is not None
            moderation.edit(item, title=title)
            rows = moderation.correct_posted(session, item, by=BY, now=self.clock())
            session.expunge_all()
            return rows

    def delivery(self, delivery_id: int) -> Delivery:
        with transaction(self.engine) as session:
            row = session.get(Delivery, delivery_id)
            assert row is not None
            session.expunge(row)
            return row


@asynccontextmanager
async def running_hub(engine: Engine) -> AsyncIterator[Hub]:
    clock = SteppingClock()
    slack = SlackStandIn(clock=clock.seconds)
    slack.add_channel(ROUNDUPS, "roundups")
    async with slack:
        settings = Settings.model_validate(
            {
                "hub": {"languages": ["en"]},
                "channels": {
                    "roundups": {
                        "platform": "slack",
                        "target": ROUNDUPS,
                        "mode": "digest",
                        "token_env": "SLACK_TOKEN",
                        "base_url": slack.url,
                    }
                },
                "routes": [{"name": "all", "to": ["roundups"]}],
                "secrets": {"SLACK_TOKEN": TOKEN},
            }
        )
        with transaction(engine) as session:
            sync_config(session, settings)
        yield Hub(engine, settings, slack, clock)


def test_a_retraction_edits_the_posted_roundup_and_the_last_one_deletes_it(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            wrong = hub.approved_item("Dakar seminar moved to May", "seminar")
            right = hub.approved_item("Porto Alegre opens its budget", "budget")
            roundup_id = hub.roundup()
            await hub.send_due()
            [posted] = hub.slack.messages(ROUNDUPS)
            assert "Dakar" in shown(posted) and "Porto Alegre" in shown(posted)

            [correction] = hub.retract(wrong)
            assert correction.kind == "correction" and correction.channel_id
            assert correction.payload["edit_of"] == hub.delivery(roundup_id).platform_message_id
            await hub.send_due()
            [edited] = hub.slack.messages(ROUNDUPS)
            assert edited.ts == posted.ts and edited.edited
            assert "Dakar" not in shown(edited) and "Porto Alegre" in shown(edited)
            assert "1 new item" in shown(edited)

            [renamed] = hub.edit(right, "Porto Alegre opens its youth budget")
            await hub.send_due()
            assert "youth budget" in shown(hub.slack.messages(ROUNDUPS)[0])
            assert renamed.status == "pending"

            [deletion] = hub.retract(right)
            assert deletion.kind == "retraction"
            await hub.send_due()
            assert hub.slack.messages(ROUNDUPS) == []
            assert hub.delivery(deletion.id).status == "sent"

    asyncio.run(scenario())


def shown(message: StoredMessage) -> str:
    """What a reader sees of a Slack message: its blocks' text, else its fallback text."""
    return json.dumps(message.blocks, ensure_ascii=False) if message.blocks else message.text


def test_a_roundup_not_sent_yet_is_rebuilt_before_it_leaves(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            wrong = hub.approved_item("Dakar seminar moved to May", "seminar")
            hub.approved_item("Porto Alegre opens its budget", "budget")
            roundup_id = hub.roundup()
            assert hub.retract(wrong) == []  # nothing posted: nothing to correct
            assert hub.delivery(roundup_id).payload["extra"]["items"] == [wrong + 1]
            await hub.send_due()
            [posted] = hub.slack.messages(ROUNDUPS)
            assert "Dakar" not in shown(posted) and "Porto Alegre" in shown(posted)

    asyncio.run(scenario())


def test_a_roundup_not_sent_yet_whose_every_item_is_retracted_is_cancelled(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            lone = hub.approved_item("Lisbon assembly", "assembly")
            roundup_id = hub.roundup()
            assert hub.retract(lone) == []
            await hub.send_due()
            assert hub.slack.messages(ROUNDUPS) == []
            assert hub.delivery(roundup_id).status == "cancelled"

    asyncio.run(scenario())
