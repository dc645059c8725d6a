"""Telegram's inline keyboards, end to end: python-telegram-bot against the stand-in.

A member's taps reach the hub as ``callback_query`` updates (polling or the webhook,
into the inbox), go through the Application's ``CallbackQueryHandler``\\ s, and are
answered (``answerCallbackQuery``) and shown (``editMessageText``,
``editMessageReplyMarkup``) through the outbox by the real sink. The stand-in plays the
member: it taps only buttons the bot's messages carry, and takes one answer per tap.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from sqlalchemy import Engine, select
from test_bot_conversations import MEMBER_CHAT, NOW, WEBHOOK, Hub, run, running_hub

from bots.telegram.polling import TelegramPoller
from bots.telegram.standin import StoredMessage
from hub.core.assistant import Assistant
from hub.core.assistant.store import due_reminders
from hub.core.bus.inbox import InboxRecord
from hub.core.db import transaction
from hub.core.models import Delivery, Event, InboxEvent, Reminder

STALE = "This button no longer works"


def buttons(message: StoredMessage) -> list[tuple[str, str]]:
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


def patient(hub: Hub) -> Hub:
    """The stand-ins' clock moves 1.1 s at every reading by any part of the hub (so flood
    windows pass without sleeping): a tap's answer sent within the same bus run would
    look a minute late. The 15 s window itself is the stand-in's own test's."""
    hub.telegram.callback_answer_seconds = 600
    return hub


async def deliver(hub: Hub, update: dict[str, Any]) -> None:
    """Telegram hands the update to the hub's polling; the inbox and the bus run."""
    patient(hub)
    hub.telegram.queue_update(update)
    await TelegramPoller(hub.engine, hub.bot, clock=lambda: NOW).poll_once(long_poll=0)
    await hub.process()


async def tap(hub: Hub, message: StoredMessage, data: str) -> dict[str, Any]:
    update = hub.telegram.tap(MEMBER_CHAT, message.message_id, data)
    await deliver(hub, update)
    return update


def answer_of(hub: Hub, update: dict[str, Any]) -> str:
    """What the member's screen showed for the tap (the callback query's answer)."""
    answer = hub.telegram.callback_queries[update["callback_query"]["id"]].answer
    assert answer is not None, "the tap was not answered"
    return str(answer["text"])


def reminders() -> Any:
    return select(Reminder.reply_to, Reminder.record_id, Reminder.status, Reminder.remind_at)


def test_a_member_taps_remind_me_and_the_reminder_arrives_the_day_before(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            await hub.telegram_says("when is the next conference?")
            answer = hub.telegram.messages(MEMBER_CHAT)[-1]
            [(label, data)] = buttons(answer)
            assert label == "Remind me" and data.startswith("rm")
            update = await tap(hub, answer, data)
            assert "remind you" in answer_of(hub, update)
            with transaction(engine) as session:
                [(chat, record_id, status, at)] = session.execute(reminders()).all()
                event = session.get(Event, record_id)
                assert event is not None and event.starts_on is not None
                day_before = event.starts_on - dt.timedelta(days=1)
                # 09:00 on the member's clock (the deployment's, UTC), the day before
                assert (chat, status) == (str(MEMBER_CHAT), "pending")
                assert at == dt.datetime.combine(day_before, dt.time(9), tzinfo=dt.UTC)
                assert due_reminders(session, at - dt.timedelta(minutes=1)) == 0
                assert due_reminders(session, at) == 1  # what the reminders job does at 09:00
                kept = session.scalars(select(Reminder)).one()
            await hub.process()
            reminder = hub.telegram.messages(MEMBER_CHAT)[-1].text
            assert reminder == f"Reminder: {kept.label}, {kept.when_text}."
            assert "Conference" in kept.label and str(event.starts_on.year) in kept.when_text

    run(scenario)


def test_a_member_picks_a_language_on_the_keyboard_and_is_answered_in_it(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            await hub.telegram_says("/language")
            keyboard = hub.telegram.messages(MEMBER_CHAT)[-1]
            assert [data for _, data in buttons(keyboard)] == [
                "lang:en",
                "lang:es",
                "lang:fr",
                "lang:ca",
                "lang:pt",
            ]
            update = await tap(hub, keyboard, "lang:es")
            said = answer_of(hub, update)
            assert "español" in said.lower()
            edited = hub.telegram.stored[(MEMBER_CHAT, keyboard.message_id)]
            assert (edited.text, edited.reply_markup) == (said, None)  # the keyboard went
            await hub.telegram_says("/next")
            assert "próximo evento" in hub.chat()[-1]

    run(scenario)


def test_a_tap_sent_twice_and_processed_twice_is_taken_once(engine: Engine) -> None:
    """Telegram re-sends the webhook (the inbox keeps one) and the inbox runs the record
    again (a worker killed before it marked it done): one reminder, one answer."""

    async def scenario() -> None:
        async with running_hub(engine) as hub:
            await hub.telegram_says("when is the next conference?")
            answer = hub.telegram.messages(MEMBER_CHAT)[-1]
            [(_, data)] = buttons(answer)
            update = patient(hub).telegram.tap(MEMBER_CHAT, answer.message_id, data)
            url = f"{hub.url}/telegram/webhook"
            for _ in range(2):
                status, _ = await hub.telegram.post_webhook(url, update, WEBHOOK)
                assert status == 200
            await hub.process()
            with transaction(engine) as session:
                [row] = session.scalars(
                    select(InboxEvent).where(InboxEvent.event_key == str(update["update_id"]))
                ).all()
                record = InboxRecord(row.id, "telegram", row.event_key, row.payload, 2, NOW)
            await hub.inbox.handlers["telegram"](record, NOW)
            await hub.process()
            answered = [r for r in hub.telegram.received if r.method == "answerCallbackQuery"]
            assert [r.status for r in answered] == [200]  # a second answer would be refused
            with transaction(engine) as session:
                assert len(session.execute(reminders()).all()) == 1

    run(scenario)


def test_a_stale_or_forged_button_is_refused_and_changes_nothing(engine: Engine) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            with transaction(engine) as session:  # another member's reminder
                session.add(
                    Reminder(
                        platform="telegram", reply_to="999", language="en", record_id="x",
                        label="Someone else's", when_text="-", remind_at=NOW, status="pending",
                    )
                )  # fmt: skip
                session.flush()
                theirs = session.scalars(select(Reminder.id)).one()
            await hub.telegram_says("/remind")
            listing = hub.telegram.messages(MEMBER_CHAT)[-1]
            real = buttons(listing)[0][1]
            forged = [
                "rm:conference-13-cascais-2013",  # an event long past: nothing to remind of
                "rm:no-such-event",
                "rm#" + "0" * 24,
                f"rc:{theirs}",  # not this chat's to cancel
                "rc:0",
                "lang:xx",
                "something else",
            ]
            for data in forged:
                update = hub.telegram.tap(MEMBER_CHAT, listing.message_id, real)
                update["callback_query"]["data"] = data
                await deliver(hub, update)
                assert answer_of(hub, update).startswith(STALE), data
            with transaction(engine) as session:
                assert session.execute(reminders()).all() == [("999", "x", "pending", NOW)]

    run(scenario)


def test_remind_lists_what_is_coming_and_the_reminders_with_a_button_to_cancel(
    engine: Engine,
) -> None:
    async def scenario() -> None:
        async with running_hub(engine) as hub:
            await hub.telegram_says("/remind")
            listing = hub.telegram.messages(MEMBER_CHAT)[-1]
            assert "You have no reminders yet." in listing.text
            offered = buttons(listing)
            assert offered and all(label.startswith("⏰") for label, _ in offered)
            await tap(hub, listing, offered[0][1])
            await hub.telegram_says("/remind")
            listing = hub.telegram.messages(MEMBER_CHAT)[-1]
            [(reminder_id, label)] = [
                (r.id, r.label) for r in _rows(engine) if r.status == "pending"
            ]
            assert f"• {label}" in listing.text
            assert (f"✕ {label}", f"rc:{reminder_id}") in buttons(listing)
            update = await tap(hub, listing, f"rc:{reminder_id}")
            assert answer_of(hub, update) == f"Reminder cancelled: {label}."
            assert [r.status for r in _rows(engine)] == ["cancelled"]
            left = buttons(hub.telegram.stored[(MEMBER_CHAT, listing.message_id)])
            assert f"rc:{reminder_id}" not in [data for _, data in left] and left

    run(scenario)


def _rows(engine: Engine) -> list[Reminder]:
    with transaction(engine) as session:
        return list(session.scalars(select(Reminder).order_by(Reminder.id)))


def test_the_bots_role_registers_its_commands_in_each_language(engine: Engine) -> None:
    from bots.runtime import run_bots

    async def scenario() -> None:
        async with running_hub(engine) as hub:
            with transaction(engine) as session:
                assistant = Assistant.from_session(session, use_lingua=False)
            stop = asyncio.Event()
            stop.set()  # start, configure Telegram, stop
            await asyncio.wait_for(run_bots(hub.settings, engine, stop, assistant=assistant), 10)
            menus = hub.telegram.commands
            assert sorted(menus) == [("default", c) for c in ("", "ca", "es", "fr", "pt")]
            names = [c["command"] for c in menus[("default", "")]]
            assert "remind" in names and "language" in names
            english = [c["description"] for c in menus[("default", "")]]
            for code in ("es", "fr", "ca", "pt"):
                assert [c["command"] for c in menus[("default", code)]] == names
                translated = [c["description"] for c in menus[("default", code)]]
                assert all(a != b for a, b in zip(translated, english, strict=True)), code

    run(scenario)
    with transaction(engine) as session:  # nothing of the start-up went through the outbox
        assert session.scalars(select(Delivery)).all() == []
