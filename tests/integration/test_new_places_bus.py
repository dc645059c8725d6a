"""Matrix and Microsoft Teams through the bus worker: an approved item reaches both; its
correction and retraction edit and redact the Matrix message, and are refused for good on
Teams (send-only) with words saying so, while the posted item stays recorded as sent."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import Engine, select

from bots.matrix.standin import SERVER, MatrixStandIn
from bots.teams.standin import TeamsStandIn
from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item
from hub.core.moderation import decisions as moderation
from hub.wiring import SINKS

MX_TOKEN = "matrix-SeCrEt-access-token-0123456789"
ROOM = f"!news:{SERVER}"
USER = f"@hub:{SERVER}"
FLOW = "/workflows/a1/triggers/manual/paths/invoke"
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


def test_matrix_follows_edits_and_teams_refuses_them_without_losing_the_post(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        clock = SteppingClock()
        matrix = MatrixStandIn(tokens={MX_TOKEN: USER}, rooms={ROOM: {USER}}, clock=clock.seconds)
        teams = TeamsStandIn(hooks={FLOW: "sig1"}, clock=clock.seconds)
        async with matrix, teams:
            settings = Settings.model_validate(
                {
                    "hub": {"languages": ["en"]},
                    "channels": {
                        "mx": {
                            "platform": "matrix",
                            "target": ROOM,
                            "token_env": "MX",
                            "base_url": matrix.url,
                        },
                        "tm": {
                            "platform": "teams",
                            "target": "News",
                            "token_env": "TM",
                            "base_url": teams.url,
                        },
                    },
                    "routes": [{"name": "all", "to": ["mx", "tm"]}],
                    "secrets": {"MX": MX_TOKEN, "TM": f"https://x.logic.azure.com{FLOW}?sig=sig1"},
                }
            )
            with transaction(engine) as session:
                sync_config(session, settings)

            async def send_due() -> None:
                config = WorkerConfig(until_idle=True, poll_interval=0.05, max_rate_wait=5.0)
                sinks = ChannelSinks.from_settings(settings, SINKS)
                await Worker(engine, sinks, config=config, clock=clock).run()

            with transaction(engine) as session:
                item = Item(title="Porto Alegre budget opens", language="en", status="pending")
                item.summary_text = "Assemblies start in March."
                session.add(item)
                session.flush()
                assert len(moderation.approve(session, item, settings, by=BY, now=clock())) == 2
                item_id = item.id
            await send_due()
            [posted] = matrix.messages(ROOM)
            assert "Porto Alegre" in posted.body and len(teams.stored) == 1

            with transaction(engine) as session:
                found = session.get(Item, item_id)
                assert found is not None
                moderation.edit(found, title="Belo Horizonte budget opens")
                assert len(moderation.correct_posted(session, found, by=BY, now=clock())) == 2
            await send_due()
            assert "Belo Horizonte" in matrix.messages(ROOM)[0].body
            with transaction(engine) as session:
                found = session.get(Item, item_id)
                assert found is not None
                moderation.retract(session, found, by=BY, reason="wrong city", now=clock())
            await send_due()
            assert matrix.messages(ROOM) == [] and posted.redacted
            assert len(teams.stored) == 1 and len(teams.received) == 1  # nothing else reached it

            with transaction(engine) as session:
                rows = session.scalars(select(Delivery).order_by(Delivery.id)).all()
                outcomes = [(d.kind, d.status, d.error_kind) for d in rows]
                errors = [d.last_error or "" for d in rows if d.status == "failed"]
            assert sorted(outcomes, key=str) == sorted(
                [
                    ("item", "sent", None),
                    ("item", "sent", None),
                    ("correction", "sent", None),
                    ("correction", "failed", "BadPayload"),
                    ("retraction", "sent", None),
                    ("retraction", "failed", "BadPayload"),
                ],
                key=str,
            )
            assert all("send-only" in error for error in errors) and len(errors) == 2

    asyncio.run(scenario())
