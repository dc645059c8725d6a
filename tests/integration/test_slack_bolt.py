"""Slack through slack-bolt, both transports, against the stand-ins.

HTTP: the stand-in posts signed requests to ``POST /slack/events`` (Bolt's
Starlette adapter behind the signature check). Socket Mode: slack_sdk's real
aiohttp client, under Bolt's ``AsyncSocketModeHandler``, dials the stand-in's
``apps.connections.open`` and takes envelopes over a loopback WebSocket.
Either way the request is in the inbox before Slack has its acknowledgement,
and the inbox worker replays it into the Bolt app, whose listeners do the work.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from test_bot_conversations import (
    KNOWLEDGE,
    NOW,
    SIGNING,
    SteppingClock,
    serving,
    settings_for,
)

import bots.slack.app
from bots.runtime import configure_ingress, ingress_routes, slack_client
from bots.slack.app import run_socket_mode
from bots.slack.handlers import SUBMIT_CALLBACK, SUBMIT_SHORTCUT, SlackHandlers
from bots.slack.standin import command_body, deliver, interaction_body
from bots.slack.standin_payloads import button_click as click
from bots.slack.standin_payloads import view_submission as filled
from bots.slack.standin_socket import APP_TOKEN, SlackSocketStandIn
from hub.core.assistant import Assistant
from hub.core.bus.inbox import InboxWorker
from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.models import InboxEvent, Item
from hub.wiring import SINKS

FORM = "application/x-www-form-urlencoded"
MEMBER = "U0MEMBER"
SECRETARY = "U0SECRETARY"


def command(text: str, trigger: str) -> dict[str, str]:
    """A slash command's fields (the form Slack posts, the payload of its envelope)."""
    return {
        "command": "/iopd",
        "text": text,
        "user_id": MEMBER,
        "channel_id": "C0GENERAL",
        "team_id": "T0STANDIN",
        "trigger_id": trigger,
        "response_url": "https://hooks.slack.invalid/commands/stand-in",
    }


@dataclass
class BoltHub:
    engine: Engine
    settings: Settings
    slack: SlackSocketStandIn
    handlers: SlackHandlers
    inbox: InboxWorker
    clock: SteppingClock
    url: str = ""

    async def process(self) -> None:
        await self.inbox.drain()
        config = WorkerConfig(until_idle=True, poll_interval=0.05, max_rate_wait=5.0)
        worker = Worker(
            self.engine,
            ChannelSinks.from_settings(self.settings, SINKS),
            config=config,
            clock=self.clock,
        )
        await worker.run()

    async def post(self, body: bytes) -> int:
        status, _ = await deliver(
            f"{self.url}/slack/events",
            body,
            secret=SIGNING,
            content_type=FORM,
            timestamp=NOW.timestamp(),
        )
        return status

    def rows(self) -> int:
        with transaction(self.engine) as session:
            return session.scalar(select(func.count()).select_from(InboxEvent)) or 0


@asynccontextmanager
async def bolt_hub(
    engine: Engine, *, socket: bool, moderators: tuple[str, ...] = ()
) -> AsyncIterator[BoltHub]:
    clock = SteppingClock()
    slack = SlackSocketStandIn(clock=clock.seconds)
    for channel_id, name in (
        ("C0SECRET", "secretariat"),
        ("C0NEWS", "news"),
        ("C0GENERAL", "general"),
        ("C0ASSIST", "assistant"),
    ):
        slack.add_channel(channel_id, name)
    async with slack:
        settings = settings_for(slack.url, "http://127.0.0.1:9")
        mode = "socket" if socket else "http"
        settings = settings.model_copy(
            update={
                "channels": {k: c for k, c in settings.channels.items() if c.platform == "slack"},
                "routes": [r.model_copy(update={"to": ["slack_news"]}) for r in settings.routes],
                "hub": settings.hub.model_copy(
                    update={"slack_mode": mode, "slack_moderators": list(moderators)}
                ),
                "secrets": {**settings.secrets, "SLACK_APP_TOKEN": APP_TOKEN},
            }
        )
        with transaction(engine) as session:
            sync(session, load_directory(KNOWLEDGE), now=NOW)
            sync_config(session, settings)
        with transaction(engine) as session:
            assistant = Assistant.from_session(session, use_lingua=False)
        handlers = SlackHandlers(
            engine, settings, assistant, slack_client(settings), clock=lambda: NOW
        )
        inbox = InboxWorker(engine, {"slack": handlers}, clock=lambda: NOW)
        hub = BoltHub(engine, settings, slack, handlers, inbox, clock)
        if socket:
            stop = asyncio.Event()
            client = slack_client(settings)
            role = asyncio.create_task(run_socket_mode(handlers.app, APP_TOKEN, client, stop))
            try:
                await slack.wait_connected()
                yield hub
            finally:
                stop.set()
                await asyncio.wait_for(role, 10)
                await client.session.close() if client.session else None
        else:
            app = Starlette(routes=ingress_routes())
            configure_ingress(app.state, settings, engine, clock=lambda: NOW)
            async with serving(app) as url:
                hub.url = url
                yield hub


def assert_pending_and_announced(
    hub: BoltHub, title: str, language: str = "en"
) -> tuple[Item, Any]:
    with transaction(hub.engine) as session:
        [item] = session.scalars(select(Item)).all()
        session.expunge(item)
    assert (item.title, item.status, item.language) == (title, "pending", language)
    [notice] = hub.slack.messages("C0SECRET")
    [actions] = [b for b in notice.blocks if b["type"] == "actions"]
    return item, (notice, actions)


def run(scenario: Any) -> None:
    asyncio.run(scenario())


VALUES = {
    "title": "Participatory budget in Quito",
    "text": "Quito opens its third participatory budget with 40 neighbourhood assemblies.",
    "link": "https://quito.example/pb",
    "image": "",
}


def test_http_a_member_submits_through_the_modal_and_a_moderator_approves(engine: Engine) -> None:
    async def scenario() -> None:
        async with bolt_hub(engine, socket=False) as hub:
            body = command_body("/iopd", "submit", MEMBER, "C0GENERAL", "trigger-open-1")
            assert await hub.post(body) == 200
            assert hub.rows() == 1 and hub.slack.views == []  # stored, not yet handled
            await hub.process()
            [view] = hub.slack.views  # the Bolt listener opened the form
            assert (view["callback_id"], view["private_metadata"]) == (SUBMIT_CALLBACK, "C0GENERAL")
            [choice] = [b for b in view["blocks"] if b["block_id"] == "language"]
            codes = [o["value"] for o in choice["element"]["options"]]
            assert codes == ["en", "es", "fr", "ca", "pt"]
            # the member says the news is in Portuguese: the choice wins over detection
            chosen = filled(view, VALUES | {"language": "pt"}, MEMBER)
            assert await hub.post(interaction_body(chosen)) == 200
            await hub.process()
            item, (notice, actions) = assert_pending_and_announced(hub, VALUES["title"], "pt")
            assert any("received" in m.text for m in hub.slack.messages("C0GENERAL"))
            approve = next(e for e in actions["elements"] if e["action_id"] == "hub_approve")
            pressed = click(approve, SECRETARY, "C0SECRET", notice.ts)
            assert await hub.post(interaction_body(pressed)) == 200
            await hub.process()
            with transaction(engine) as session:
                approved = session.get(Item, item.id)
                assert approved is not None and approved.status == "approved"
                assert approved.approved_by == f"slack:{SECRETARY}"
            updated = hub.slack.messages("C0SECRET")[0]  # chat.update in place
            assert updated.edited and f"approved by <@{SECRETARY}>" in updated.text
            assert all(b["type"] != "actions" for b in updated.blocks)
            assert any("Quito" in m.text for m in hub.slack.messages("C0NEWS"))

    run(scenario)


def test_a_moderation_button_counts_only_in_the_secretariat_and_from_a_moderator(
    engine: Engine,
) -> None:
    def status(item_id: int) -> str:
        with transaction(engine) as session:
            item = session.get(Item, item_id)
            assert item is not None
            return item.status

    async def scenario() -> None:
        async with bolt_hub(engine, socket=False, moderators=(SECRETARY,)) as hub:
            text = (
                "submit Budget week in Dakar | Dakar opens its budget week. | https://dakar.example"
            )
            assert await hub.post(command_body("/iopd", text, MEMBER, "C0GENERAL", "t-1")) == 200
            await hub.process()
            item, (notice, actions) = assert_pending_and_announced(hub, "Budget week in Dakar")
            approve = next(e for e in actions["elements"] if e["action_id"] == "hub_approve")
            edit = next(e for e in actions["elements"] if e["action_id"] != "hub_approve"
                        and e["action_id"] != "hub_decline")  # fmt: skip
            refused = [
                click(approve, SECRETARY, "C0GENERAL", notice.ts),  # a copy in another channel
                click(approve, MEMBER, "C0SECRET", notice.ts),  # someone who only sees it
                click(edit, MEMBER, "C0SECRET", notice.ts),
            ]
            for pressed in refused:
                assert await hub.post(interaction_body(pressed)) == 200
                await hub.process()
                assert status(item.id) == "pending"
            assert hub.slack.views == []  # the edit form was not opened for them
            assert not hub.slack.messages("C0SECRET")[0].edited
            pressed = click(approve, SECRETARY, "C0SECRET", notice.ts)
            assert await hub.post(interaction_body(pressed)) == 200
            await hub.process()
            assert status(item.id) == "approved"

    run(scenario)


def test_socket_mode_a_member_submits_through_the_modal_with_no_public_url(engine: Engine) -> None:
    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            ack = await hub.slack.send("command", command("submit", "trigger-open-2"))
            assert ack is not None and hub.rows() == 1  # acknowledged once stored
            assert "payload" not in ack  # submit: no "Working on it" (the form opens)
            await hub.process()
            [view] = hub.slack.views
            payload = filled(view, VALUES, MEMBER)
            ack = await hub.slack.send("interaction", payload)
            assert ack is not None and hub.rows() == 2
            # Slack resends an envelope it thinks lost: stored once, handled once
            again = await hub.slack.send("interaction", payload, retry_attempt=1)
            assert again is not None and hub.rows() == 2
            await hub.process()
            assert_pending_and_announced(hub, VALUES["title"])
            said = [m.text for m in hub.slack.messages("C0GENERAL")]
            assert sum("received" in text for text in said) == 1
            # a question gets Bolt's "Working on it" acknowledgement as the response payload
            ack = await hub.slack.send("command", command("when is the next conference?", "t-3"))
            assert ack is not None and ack["payload"]["text"] == "Working on it…"

    run(scenario)


def test_socket_mode_reconnects_when_slack_refreshes_the_link(engine: Engine) -> None:
    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            assert hub.slack.connections_opened == 1
            await hub.slack.disconnect("refresh_requested")
            for _ in range(200):  # the client asks apps.connections.open for a new URL
                if hub.slack.connections_opened == 2 and len(hub.slack._links) == 1:
                    break
                await asyncio.sleep(0.05)
            assert hub.slack.connections_opened == 2
            ack = await hub.slack.send("command", command("submit", "trigger-after"))
            assert ack is not None and hub.rows() == 1

    run(scenario)


def test_the_global_shortcut_opens_the_form_and_answers_in_a_direct_message(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            shortcut = {
                "type": "shortcut",
                "callback_id": SUBMIT_SHORTCUT,
                "trigger_id": "trigger-shortcut",
                "team": {"id": "T0STANDIN", "domain": "iopd-standin"},
                "user": {"id": MEMBER, "username": "ana", "team_id": "T0STANDIN"},
                "action_ts": "1578657600.000100",
            }
            assert await hub.slack.send("interaction", shortcut) is not None
            await hub.process()
            [view] = hub.slack.views
            assert view["private_metadata"] == MEMBER  # told in a direct message

    run(scenario)


class FailingAssistant:
    """An assistant whose answering fails, as a database hiccup would."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError("assistant unavailable")


def test_a_listener_that_fails_leaves_the_event_to_be_retried(engine: Engine) -> None:
    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            hub.handlers.assistant = FailingAssistant()  # type: ignore[assignment]
            ack = await hub.slack.send("command", command("help", "trigger-help"))
            assert ack is not None
            await hub.inbox.run_once()

    run(scenario)
    with transaction(engine) as session:
        [row] = session.scalars(select(InboxEvent)).all()
        assert row.status == "failed" and "assistant unavailable" in (row.last_error or "")


def test_socket_mode_leaves_an_envelope_unacknowledged_when_the_inbox_cannot_store(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*args: Any) -> bool:
        raise OperationalError("INSERT INTO inbox_events", {}, ConnectionError("database down"))

    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            monkeypatch.setattr(bots.slack.app, "_store", unreachable)
            assert await hub.slack.send("command", command("help", "t-lost"), within=2) is None
            assert hub.rows() == 0

    run(scenario)


def test_run_bots_in_socket_mode_hears_slack_without_a_public_url(engine: Engine) -> None:
    from bots.runtime import run_bots

    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            stop = asyncio.Event()
            role = asyncio.create_task(
                run_bots(
                    hub.settings,
                    engine,
                    stop,
                    assistant=hub.handlers.assistant,
                    clock=lambda: NOW,
                    poll_interval=0.02,
                    telegram_polling=False,
                )
            )
            for _ in range(200):  # the role's own link (the fixture's is the first)
                if hub.slack.connections_opened == 2:
                    break
                await asyncio.sleep(0.05)
            assert hub.slack.connections_opened == 2
            ack = await hub.slack.send("command", command("submit", "trigger-role"))
            assert ack is not None
            for _ in range(200):
                if hub.slack.views:
                    break
                await asyncio.sleep(0.05)
            stop.set()
            await asyncio.wait_for(role, 10)
            assert len(hub.slack.views) == 1

    run(scenario)


def test_a_member_opens_app_home_and_sees_the_next_events_and_their_reminders(
    engine: Engine,
) -> None:
    from hub.core.models import Event, Member, Reminder

    with transaction(engine) as session:
        member = Member(organisation="Ville de Test", slack_user_id=MEMBER, language="en")
        spanish = Member(organisation="Ciudad de Prueba", slack_user_id="U0ESMEMBER", language="es")
        session.add_all([member, spanish])
        session.flush()
        session.add_all(
            [
                Event(
                    id="t-past",
                    kind="seminar",
                    name={"en": "Assembly already held"},
                    starts_on=NOW.date() - dt.timedelta(days=3),
                ),
                Event(
                    id="t-next",
                    kind="seminar",
                    name={"en": "Assembly on budgets"},
                    starts_on=NOW.date() + dt.timedelta(days=12),
                    city="Quito",
                ),
                Reminder(
                    member_id=member.id,
                    platform="slack",
                    reply_to=MEMBER,
                    language="en",
                    record_id="t-next",
                    label="Assembly on budgets",
                    when_text="in 12 days",
                    remind_at=NOW + dt.timedelta(days=11),
                ),
            ]
        )

    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            for user in (MEMBER, "U0STRANGER", "U0ESMEMBER"):
                event = {
                    "type": "app_home_opened",
                    "user": user,
                    "channel": "D0HOME",
                    "tab": "home",
                    "event_ts": "1578657600.000300",
                }
                payload = {
                    "type": "event_callback",
                    "team_id": "T0STANDIN",
                    "event_id": f"Ev0HOME{user}",
                    "event": event,
                }
                assert await hub.slack.send("event", payload) is not None
            await hub.process()
            home = json.dumps(hub.slack.homes[MEMBER], ensure_ascii=False)
            assert "Assembly on budgets" in home and "Quito" in home
            assert "Assembly already held" not in home
            assert "in 12 days" in home  # their reminder
            stranger = json.dumps(hub.slack.homes["U0STRANGER"], ensure_ascii=False)
            assert "Assembly on budgets" in stranger and "in 12 days" not in stranger
            spanish = json.dumps(hub.slack.homes["U0ESMEMBER"], ensure_ascii=False)
            assert "Próximos eventos" in spanish and "Tus recordatorios" in spanish
            assert "Next events" in home and "Next events" not in spanish

    run(scenario)


def test_a_moderator_edits_an_item_in_a_modal_before_approving(engine: Engine) -> None:
    async def scenario() -> None:
        async with bolt_hub(engine, socket=True) as hub:
            text = "submit Budget in Quito | Forty assemblies. | https://quito.example/pb"
            assert await hub.slack.send("command", command(text, "trigger-quick")) is not None
            await hub.process()
            item, (notice, actions) = assert_pending_and_announced(hub, "Budget in Quito")
            edit = next(e for e in actions["elements"] if e["action_id"] == "hub_edit")
            pressed = click(edit, SECRETARY, "C0SECRET", notice.ts)
            assert await hub.slack.send("interaction", pressed) is not None
            await hub.process()
            [form] = hub.slack.views
            assert form["callback_id"] == "hub_edit"
            initial = {b["block_id"]: b["element"].get("initial_value") for b in form["blocks"]}
            assert initial == {
                "title": "Budget in Quito",
                "text": "Forty assemblies.",
                "link": "https://quito.example/pb",
            }
            corrected = {**initial, "title": "Participatory budget in Quito"}
            saved = filled(form, corrected, SECRETARY)
            assert await hub.slack.send("interaction", saved) is not None
            await hub.process()
            with transaction(engine) as session:
                edited = session.get(Item, item.id)
                assert edited is not None and edited.title == "Participatory budget in Quito"
                assert edited.status == "pending"
            message = hub.slack.messages("C0SECRET")[0]  # updated in place, buttons kept
            assert message.edited and f"edited by <@{SECRETARY}>" in message.text
            assert "Participatory budget in Quito" in message.text
            [buttons] = [b for b in message.blocks if b["type"] == "actions"]
            approve = next(e for e in buttons["elements"] if e["action_id"] == "hub_approve")
            pressed = click(approve, SECRETARY, "C0SECRET", message.ts)
            assert await hub.slack.send("interaction", pressed) is not None
            await hub.process()
            assert any(
                "Participatory budget in Quito" in m.text for m in hub.slack.messages("C0NEWS")
            )

    run(scenario)
    from hub.core.accounts import AuditEntry

    with transaction(engine) as session:
        audit = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert "edit" in audit and audit.index("edit") < audit.index("approve")


def test_socket_mode_loses_nothing_when_the_role_stops_and_stores_retries_once(
    engine: Engine,
) -> None:
    """The ingress bench's Socket Mode part at a small size: every acknowledged envelope
    is found by a fresh worker after the role stopped, and retries add no row."""
    from bots.ingress_bench import socket_bench

    result = asyncio.run(socket_bench(engine, 25, 5))
    assert result["acknowledged"] == result["retries_acknowledged"] == 25
    assert result["inbox_rows"] == 25
    assert result["handled_after_the_role_stopped"] == 25


def test_the_stand_in_updates_an_open_view_and_refuses_an_unknown_one() -> None:
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    async def scenario() -> None:
        async with SlackSocketStandIn() as slack:
            client = AsyncWebClient(token=slack.tokens[0], base_url=f"{slack.url}/api/")
            form = {"type": "modal", "title": {"type": "plain_text", "text": "One"}, "blocks": []}
            opened = await client.views_open(trigger_id="1.2.3", view=form)
            changed = {**form, "title": {"type": "plain_text", "text": "Two"}}
            await client.views_update(view_id=opened["view"]["id"], view=changed)
            assert slack.views == [changed]
            with pytest.raises(SlackApiError) as refused:
                await client.views_update(view_id="V00000099", view=changed)
            assert refused.value.response["error"] == "not_found"
            await client.session.close() if client.session else None

    run(scenario)
