"""Members talk to the hub through the Slack and Telegram stand-ins, end to end.

The stand-ins play the platforms in both directions: they deliver signed
events and webhook updates to the hub's real ingress (a loopback server), or
queue updates for the hub's polling (python-telegram-bot's ``Bot``), and they
receive what the hub's bus worker sends through the real sinks (slack_sdk,
python-telegram-bot). In between: the inbox, the handlers, the assistant,
the submissions source, moderation and the router.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine, select
from starlette.applications import Starlette
from telegram import Bot

from bots.runtime import configure_ingress, ingress_routes, slack_client
from bots.slack.handlers import SlackHandlers
from bots.slack.standin import (
    SlackStandIn,
    command_body,
    deliver,
    event_body,
    interaction_body,
)
from bots.telegram.handlers import TelegramHandlers
from bots.telegram.polling import TelegramPoller
from bots.telegram.standin import TelegramStandIn
from hub.core.accounts import AuditEntry
from hub.core.assistant import Assistant
from hub.core.assistant.store import answer_reply
from hub.core.bus.inbox import Handler, InboxWorker
from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.models import Delivery, InboxEvent, Item, ItemOrigin, Question, Source
from hub.wiring import SINKS

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.datetime(2020, 1, 10, 12, 0, tzinfo=dt.UTC)
SLACK_TOKEN = "xoxb-stand-in-token"
TG_TOKEN = "123456:stand-in-token"
SIGNING = "e2e-signing-secret"
WEBHOOK = "e2e-webhook-secret"
MEMBER_CHAT = 555001


def settings_for(slack_url: str, telegram_url: str) -> Settings:
    slack = {"platform": "slack", "token_env": "SLACK_TOKEN", "base_url": slack_url}
    telegram = {"platform": "telegram", "token_env": "TG_TOKEN", "base_url": telegram_url}
    return Settings.model_validate(
        {
            "hub": {
                "languages": ["en", "es", "fr", "ca", "pt"],
                "secretariat_channel": "slack_secretariat",
            },
            "sources": {
                "slack_submissions": {"kind": "slack"},
                "telegram_submissions": {"kind": "telegram"},
            },
            "channels": {
                "slack_secretariat": {**slack, "target": "C0SECRET"},
                "slack_assistant": {**slack, "target": "C0ASSIST"},
                "slack_news": {**slack, "target": "C0NEWS"},
                "telegram_assistant": {**telegram, "target": "-1000000000002"},
                "telegram_news": {**telegram, "target": "-1000000000001"},
            },
            "routes": [
                {
                    "name": "members",
                    "to": ["slack_news", "telegram_news"],
                    "match": {"sources": ["slack_submissions", "telegram_submissions"]},
                }
            ],
            "secrets": {
                "SLACK_TOKEN": SLACK_TOKEN,
                "TG_TOKEN": TG_TOKEN,
                "SLACK_SIGNING_SECRET": SIGNING,
                "TELEGRAM_WEBHOOK_SECRET": WEBHOOK,
            },
        }
    )


@asynccontextmanager
async def serving(app: Starlette) -> AsyncIterator[str]:
    """The app on a loopback port, as ``hub serve`` would run it."""
    sock = socket.socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as uvicorn does when it binds
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", lifespan="off", log_config=None)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn offers no started event)
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task


class SteppingClock:
    """Time that moves 1.1 s at each reading: the bus's shared rate budgets and the
    stand-ins' flood windows (1 message a second per private chat) see time pass
    without the test sleeping."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)  # any date will do

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1.1)
        return self.now

    def seconds(self) -> float:
        return self().timestamp()


@dataclass
class Hub:
    """The hub's moving parts for one test, against both stand-ins."""

    engine: Engine
    settings: Settings
    slack: SlackStandIn
    telegram: TelegramStandIn
    url: str
    inbox: InboxWorker
    bot: Bot
    clock: SteppingClock

    async def process(self) -> None:
        """Run the inbox, then the bus until nothing is due."""
        await self.inbox.drain()
        config = WorkerConfig(until_idle=True, poll_interval=0.05, max_rate_wait=5.0)
        sinks = ChannelSinks.from_settings(self.settings, SINKS)
        worker = Worker(self.engine, sinks, config=config, clock=self.clock)
        await worker.run()

    async def telegram_says(self, text: str) -> None:
        """The member writes in the private chat; the hub's polling picks it up."""
        self.telegram.queue_update(self.telegram.member_update(MEMBER_CHAT, text))
        await TelegramPoller(self.engine, self.bot, clock=lambda: NOW).poll_once(long_poll=0)
        await self.process()

    def chat(self, chat_id: int = MEMBER_CHAT) -> list[str]:
        return [m.text for m in self.telegram.messages(chat_id)]


@asynccontextmanager
async def running_hub(
    engine: Engine, first_update_id: int = 100000, clock: SteppingClock | None = None
) -> AsyncIterator[Hub]:
    clock = clock or SteppingClock()
    slack = SlackStandIn(clock=clock.seconds)
    for channel_id, name in (
        ("C0SECRET", "secretariat"),
        ("C0ASSIST", "assistant"),
        ("C0NEWS", "news"),
        ("C0GENERAL", "general"),
    ):
        slack.add_channel(channel_id, name)
    telegram = TelegramStandIn((TG_TOKEN,), clock=clock.seconds)
    telegram.last_update_id = first_update_id
    telegram.add_chat(-1000000000001, type="channel", title="News")
    telegram.add_chat(-1000000000002, type="channel", title="Assistant")
    async with slack, telegram:
        settings = settings_for(slack.url, telegram.url)
        with transaction(engine) as session:
            sync(session, load_directory(KNOWLEDGE), now=NOW)
            sync_config(session, settings)
        with transaction(engine) as session:
            assistant = Assistant.from_session(session, use_lingua=False)
        app = Starlette(routes=ingress_routes())
        configure_ingress(app.state, settings, engine, clock=lambda: NOW)
        bot = Bot(TG_TOKEN, base_url=f"{telegram.url}/bot")
        async with serving(app) as url, bot:
            handlers: dict[str, Handler] = {
                "slack": SlackHandlers(engine, settings, assistant, slack_client(settings)),
                "telegram": TelegramHandlers(engine, settings, assistant, "hub_standin_bot"),
            }
            inbox = InboxWorker(engine, handlers, clock=lambda: NOW)
            yield Hub(engine, settings, slack, telegram, url, inbox, bot, clock)


def run(scenario: Any) -> None:
    asyncio.run(scenario())


def test_a_member_asks_in_spanish_in_telegram_and_is_answered_in_spanish(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            await hub.telegram_says("hola, ¿cuándo es la próxima conferencia?")
            [answer] = hub.chat()
            assert "próxima conferencia" in answer and "Abidjan" in answer
            await hub.telegram_says("/language es")
            await hub.telegram_says("/next")
            assert "próximo evento" in hub.chat()[-1]
            # nothing went to the assistant channel's own target
            assert hub.telegram.messages(-1000000000002) == []

    run(scenario)
    with transaction(engine) as session:
        questions = session.scalars(select(Question).order_by(Question.id)).all()
        assert [(q.platform, q.language, q.reply_to) for q in questions] == [
            ("telegram", "es", str(MEMBER_CHAT)),
            ("telegram", "es", str(MEMBER_CHAT)),
        ]


def test_an_unknown_question_is_handed_off_and_the_reply_reaches_the_chat(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            await hub.telegram_says("what is the phone number of the secretary general's cousin?")
            assert "passing your question" in hub.chat()[0]
            secretariat = hub.slack.messages("C0SECRET")
            assert len(secretariat) == 1 and "needs a reply" in secretariat[0].text
            with transaction(engine) as session:
                [question] = session.scalars(select(Question)).all()
                assert (question.status, question.handoff) == ("open", True)
                answer_reply(session, question.id, "We never share that, sorry.", "ana", NOW)
            await hub.process()
            assert hub.chat()[-1] == "We never share that, sorry."

    run(scenario)


def test_a_slack_mention_is_answered_in_its_thread(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            text = "<@U0HUBBOT> when is the next conference?"
            event = {
                "type": "app_mention",
                "user": "U0MEMBER",
                "channel": "C0GENERAL",
                "text": text,
                "ts": "1578657600.000200",
            }
            body = event_body(event, "Ev0MENTION", NOW.timestamp())
            for retry in (None, 1):  # Slack's retry of the same event is not answered twice
                status, _ = await deliver(
                    f"{hub.url}/slack/events",
                    body,
                    secret=SIGNING,
                    content_type="application/json",
                    timestamp=NOW.timestamp(),
                    retry_num=retry,
                )
                assert status == 200
            await hub.process()
            [reply] = hub.slack.messages("C0GENERAL")
            assert reply.thread_ts == "1578657600.000200"
            assert "next IOPD conference" in json.dumps(reply.blocks) and "Abidjan" in reply.text

    run(scenario)


def test_a_telegram_submission_is_approved_with_the_slack_button(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            for text in (
                "/submit",
                "Participatory budget in Quito",
                "Quito opens its third participatory budget with 40 neighbourhood assemblies.",
                "https://quito.example/pb",
                "/skip",
            ):
                await hub.telegram_says(text)
            assert "received" in hub.chat()[-1]
            with transaction(engine) as session:
                [item] = session.scalars(select(Item)).all()
                source = session.get(Source, item.source_id)
                assert source is not None and source.key == "telegram_submissions"
                assert item.status == "pending"
                [origin] = session.scalars(select(ItemOrigin)).all()
                assert (origin.platform, origin.reply_to) == ("telegram", str(MEMBER_CHAT))
            # the secretariat's channel got the item with Approve and Decline buttons
            [notice] = hub.slack.messages("C0SECRET")
            [actions] = [b for b in notice.blocks if b["type"] == "actions"]
            approve = next(e for e in actions["elements"] if e["action_id"] == "hub_approve")
            assert approve["value"] == str(item.id)
            click = {
                "type": "block_actions",
                "trigger_id": "13345224609.738474920.8088930838d",
                "user": {"id": "U0SECRETARY"},
                "actions": [approve],
                "container": {"channel_id": "C0SECRET", "message_ts": notice.ts},
            }
            status, _ = await deliver(
                f"{hub.url}/slack/events",
                interaction_body(click),
                secret=SIGNING,
                content_type="application/x-www-form-urlencoded",
                timestamp=NOW.timestamp(),
            )
            assert status == 200
            await hub.process()
            with transaction(engine) as session:
                approved = session.get(Item, item.id)
                assert approved is not None and approved.status == "approved"
                assert approved.approved_by == "slack:U0SECRETARY"
                deliveries = session.scalars(
                    select(Delivery).where(Delivery.item_id == item.id)
                ).all()
                assert {d.status for d in deliveries} == {"sent"} and len(deliveries) == 2
            assert any("Quito" in m.text for m in hub.slack.messages("C0NEWS"))
            assert any("Quito" in m.text for m in hub.telegram.messages(-1000000000001))
            assert "approved" in hub.chat()[-1]
            # the buttons gave way to who decided
            updated = hub.slack.messages("C0SECRET")[0]
            assert updated.edited and "approved by <@U0SECRETARY>" in updated.text
            assert all(b["type"] != "actions" for b in updated.blocks)
            # a second press (another secretary, an old copy of the message) tells nobody again
            again = click | {"trigger_id": "13345224609.738474920.8088930838e"}
            status, _ = await deliver(
                f"{hub.url}/slack/events",
                interaction_body(again),
                secret=SIGNING,
                content_type="application/x-www-form-urlencoded",
                timestamp=NOW.timestamp(),
            )
            assert status == 200
            await hub.process()
            assert sum("approved" in said for said in hub.chat()) == 1

    run(scenario)
    with transaction(engine) as session:
        statuses = session.scalars(select(InboxEvent.status)).all()
        assert set(statuses) == {"done"} and len(statuses) > 1
        [item_id] = session.scalars(select(Item.id)).all()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "approve")).all()
        assert [(a.actor, a.target) for a in audit] == [
            ("slack:U0SECRETARY", f"item:{item_id}")
        ]  # the second press changed nothing: one entry


@pytest.mark.parametrize("step", ["title", "text"])
def test_the_submit_conversation_survives_a_restart(engine: Engine, step: str) -> None:
    """The state is in the database: a new set of handlers continues where it was."""

    async def scenario() -> None:
        clock = SteppingClock()  # time goes on across the restart
        async with running_hub(engine, clock=clock) as hub:
            await hub.telegram_says("/submit")
            if step == "text":
                await hub.telegram_says("A title")
        # a restart: new workers and stand-in sessions, the same database
        async with running_hub(engine, 200000, clock) as hub:
            if step == "title":
                await hub.telegram_says("A title")
            await hub.telegram_says("Some text")
            await hub.telegram_says("/skip")
            await hub.telegram_says("/skip")
            assert "received" in hub.chat()[-1]

    run(scenario)
    with transaction(engine) as session:
        [item] = session.scalars(select(Item)).all()
        assert (item.title, item.status) == ("A title", "pending")


def test_run_bots_polls_telegram_and_answers_until_stopped(engine: Engine) -> None:
    """The role as ``hub serve`` runs it: inbox worker and Telegram polling together."""
    from bots.runtime import run_bots

    async def scenario() -> None:
        async with running_hub(engine) as hub:
            with transaction(engine) as session:
                assistant = Assistant.from_session(session, use_lingua=False)
            hub.telegram.webhook = {"url": "https://old.example/hook"}  # left from a deploy
            stop = asyncio.Event()
            role = asyncio.create_task(
                run_bots(
                    hub.settings,
                    engine,
                    stop,
                    assistant=assistant,
                    clock=lambda: NOW,
                    poll_interval=0.02,
                    telegram_polling=True,
                )
            )
            hub.telegram.queue_update(hub.telegram.member_update(MEMBER_CHAT, "/help"))

            def handled() -> bool:
                with transaction(engine) as session:
                    return session.scalars(select(InboxEvent.status)).all() == ["done"]

            for _ in range(500):  # until the role has taken and handled the update
                if await asyncio.to_thread(handled):
                    break
                await asyncio.sleep(0.02)
            stop.set()
            await asyncio.wait_for(role, 10)
            assert await asyncio.to_thread(handled)
            assert hub.telegram.webhook == {}  # polling removed it, or getUpdates is refused
            await hub.process()
            assert "Ask me about the IOPD" in hub.chat()[-1]

    run(scenario)


def test_a_slack_submission_through_the_form_is_declined_and_the_member_told(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            events = f"{hub.url}/slack/events"
            form = "application/x-www-form-urlencoded"
            command = command_body("/iopd", "submit", "U0MEMBER", "C0GENERAL", "trig.form")
            status, _ = await deliver(
                events, command, secret=SIGNING, content_type=form, timestamp=NOW.timestamp()
            )
            assert status == 200
            await hub.process()
            [modal] = hub.slack.views  # the form opened with the command's trigger
            assert modal["private_metadata"] == "C0GENERAL"
            values = {
                "title": "Open budget in Porto Alegre",
                "text": "Thirty years on.",
                "link": "https://poa.example/op",
                "image": "",
            }
            state = {k: {k: {"type": "plain_text_input", "value": v}} for k, v in values.items()}
            submission = {
                "type": "view_submission",
                "trigger_id": "trig.submit",
                "user": {"id": "U0MEMBER"},
                "view": {**modal, "id": "V1", "state": {"values": state}},
            }
            for _ in range(2):  # a double submit is one item
                status, _ = await deliver(
                    events,
                    interaction_body(submission),
                    secret=SIGNING,
                    content_type=form,
                    timestamp=NOW.timestamp(),
                )
                assert status == 200
            await hub.process()
            assert "received" in hub.slack.messages("C0GENERAL")[-1].text
            [notice] = hub.slack.messages("C0SECRET")
            [actions] = [b for b in notice.blocks if b["type"] == "actions"]
            decline = next(e for e in actions["elements"] if e["action_id"] == "hub_decline")
            click = {
                "type": "block_actions",
                "trigger_id": "trig.click",
                "user": {"id": "U0SECRETARY"},
                "actions": [decline],
                "container": {"channel_id": "C0SECRET", "message_ts": notice.ts},
            }
            status, _ = await deliver(
                events,
                interaction_body(click),
                secret=SIGNING,
                content_type=form,
                timestamp=NOW.timestamp(),
            )
            await hub.process()
            told = hub.slack.messages("C0GENERAL")[-1].text
            assert "was not published" in told and "Porto Alegre" in told
            assert hub.slack.messages("C0NEWS") == []

    run(scenario)
    with transaction(engine) as session:
        [item] = session.scalars(select(Item)).all()
        assert (item.status, item.approved_by) == ("declined", None)
        source = session.get(Source, item.source_id)
        assert source is not None and source.key == "slack_submissions"


def test_a_mention_in_a_telegram_group_is_answered_in_the_group(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            group = -1000000000077
            for text in ("just chatting among ourselves", "@hub_standin_bot next conference?"):
                update = hub.telegram.member_update(group, text, chat_type="supergroup")
                hub.telegram.queue_update(update)
            await TelegramPoller(engine, hub.bot, clock=lambda: NOW).poll_once(long_poll=0)
            await hub.process()
            [answer] = hub.chat(group)
            assert "Abidjan" in answer
            assert hub.chat() == []

    run(scenario)


def test_slash_command_help_and_a_form_that_cannot_open(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            form = "application/x-www-form-urlencoded"
            hub.slack.fail_next("views.open", "expired_trigger_id")
            for text, trigger in (
                ("", "t.help"),
                ("submit", "t.late"),
                ("when is the next conference", "t.ask"),
            ):
                body = command_body("/iopd", text, "U0MEMBER", "C0GENERAL", trigger)
                status, _ = await deliver(
                    f"{hub.url}/slack/events",
                    body,
                    secret=SIGNING,
                    content_type=form,
                    timestamp=NOW.timestamp(),
                )
                assert status == 200
            await hub.process()
            said = [m.text for m in hub.slack.messages("C0GENERAL")]  # sent concurrently
            assert len(said) == 3
            assert any(text.startswith("Ask me about the IOPD") for text in said)
            assert any("could not be opened" in text for text in said)
            assert any("Abidjan" in text for text in said)

    run(scenario)
    with transaction(engine) as session:  # the form's failure is not retried: the trigger expired
        assert set(session.scalars(select(InboxEvent.status)).all()) == {"done"}


def test_run_bots_with_a_public_url_sets_the_webhook_with_its_secret(engine: Engine) -> None:
    from bots.runtime import run_bots

    async def scenario() -> None:
        async with running_hub(engine) as hub:
            public = hub.settings.hub.model_copy(update={"public_url": "https://hub.example/"})
            settings = hub.settings.model_copy(update={"hub": public})
            with transaction(engine) as session:
                assistant = Assistant.from_session(session, use_lingua=False)
            stop = asyncio.Event()
            stop.set()  # start, configure Telegram, stop
            await asyncio.wait_for(run_bots(settings, engine, stop, assistant=assistant), 10)
            assert hub.telegram.webhook == {
                "url": "https://hub.example/telegram/webhook",
                "secret_token": WEBHOOK,
            }

    run(scenario)


def test_a_photo_in_the_form_asks_for_a_link_and_keeps_the_step(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            for text in ("/submit", "Assembly in Dakar", "Notes", "/skip"):
                await hub.telegram_says(text)
            photo = hub.telegram.member_update(MEMBER_CHAT, "-")
            del photo["message"]["text"]
            photo["message"]["photo"] = [
                {"file_id": "F1", "file_unique_id": "u1", "width": 90, "height": 60}
            ]
            hub.telegram.queue_update(photo)
            await hub.telegram_says("https://dakar.example/photo.jpg")
            last_two = " | ".join(hub.chat()[-2:])  # both sent in one bus run
            assert "as a link" in last_two and "received" in last_two

    run(scenario)
    with transaction(engine) as session:
        [item] = session.scalars(select(Item)).all()
        assert item.image_url == "https://dakar.example/photo.jpg"


def test_a_slack_member_s_time_zone_comes_from_their_profile_and_places_the_reminder(
    engine: Engine,
) -> None:
    """users.info's ``tz`` is kept on the member (who chose none): the reminder they ask
    for leaves at 09:00 São Paulo time the day before, not at the deployment's hour."""
    from hub.core.models import Member, Reminder

    async def scenario() -> None:
        async with running_hub(engine) as hub:
            hub.slack.add_user("U0MEMBER", "Ana", tz="America/Sao_Paulo")
            with transaction(engine) as session:
                member = Member(organisation="Porto Alegre", slack_user_id="U0MEMBER")
                session.add(member)
                session.flush()
                member_id = member.id
            event = {
                "type": "message",
                "channel_type": "im",
                "user": "U0MEMBER",
                "channel": "D0MEMBER",
                "text": "remind me when the award call opens",
                "ts": "1578657600.000300",
            }
            status, _ = await deliver(
                f"{hub.url}/slack/events",
                event_body(event, "Ev0REMIND", NOW.timestamp()),
                secret=SIGNING,
                content_type="application/json",
                timestamp=NOW.timestamp(),
            )
            assert status == 200
            await hub.process()
            with transaction(engine) as session:
                known = session.get(Member, member_id)
                assert known is not None and known.timezone == "America/Sao_Paulo"
                [reminder] = session.scalars(select(Reminder)).all()
                assert reminder.remind_at == dt.datetime(2020, 1, 31, 12, 0, tzinfo=dt.UTC)
            asked = [r for r in hub.slack.received if r.method == "users.info"]
            assert [(r.params.get("user"), r.error) for r in asked] == [("U0MEMBER", "")]

    run(scenario)
