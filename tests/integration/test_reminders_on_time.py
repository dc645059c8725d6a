"""Reminders leave at 09:00 on the member's clock, the day before the date they were told,
within minutes: the shipped configuration's reminders job runs every five minutes.

A deployment written as hub.toml (Europe/Madrid, reminders every 5 minutes). A member
in São Paulo (their preferences page's time zone) and one who chose none (the
deployment's) ask to be reminded of the award call; each reminder is queued by the
scheduler's first tick after 09:00 of their own clock, and says the date they were told.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, select

from hub.core.assistant.assistant import Assistant
from hub.core.assistant.store import ask_and_record
from hub.core.config.catalog import sync_config
from hub.core.config.settings import load_settings
from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.members.links import preferences_token
from hub.core.models import Delivery, Member, Reminder
from hub.core.schedule.scheduler import Scheduler
from hub.web.testing import TEST_SECRET_KEY, ConsoleClient, SteppingClock, console_app

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
SHIPPED = Path(__file__).parents[2] / "config" / "hub.toml"
NOW = dt.datetime(2020, 1, 10, 12, 0, tzinfo=dt.UTC)
REMIND = "recuérdame cuando abra la convocatoria del premio"  # the call opens on 1 Feb 2020


def test_reminders_leave_at_nine_on_the_members_clock(engine: Engine, tmp_path: Path) -> None:
    config = tmp_path / "hub.toml"
    shipped = SHIPPED.read_text(encoding="utf-8")  # served over http here: no public_url
    config.write_text(shipped.replace('public_url = "https://hub.oidp.net"', ""), encoding="utf-8")
    settings = load_settings(config, {"HUB_SECRET_KEY": TEST_SECRET_KEY})
    assert settings.schedules["reminders"].period == "minutes"
    with transaction(engine) as session:
        sync_config(session, settings)
        sync(session, load_directory(KNOWLEDGE), now=NOW)
        brazil = Member(organisation="Porto Alegre", telegram_chat_id=701, language="es")
        madrid = Member(organisation="Madrid", telegram_chat_id=702, language="es")
        session.add_all([brazil, madrid])
        session.flush()
        ids = brazil.id, madrid.id
    clock = SteppingClock(NOW)
    link = f"/preferences/{preferences_token(TEST_SECRET_KEY, ids[0], NOW)}"
    with ConsoleClient(console_app(settings, engine, clock=clock)) as client:
        saved = client.submit(
            link, link, {"language": "es", "channels": "telegram", "timezone": "America/Sao_Paulo"}
        )
        assert saved.status_code == 303
    with transaction(engine) as session:
        assistant = Assistant.from_session(session, use_lingua=False)
        told = []
        for member_id, chat in zip(ids, ("701", "702"), strict=True):
            answer = ask_and_record(
                session,
                assistant,
                REMIND,
                platform="telegram",
                reply_to=chat,
                member_id=member_id,
                now=NOW,
                timezone=settings.hub.timezone,
            )
            told.append(answer.answer)
        # told the day of the reminder, and the call's date as the records give it
        assert all("31 de enero" in t and "febrero de 2020" in t for t in told), told
        times = dict(session.execute(select(Reminder.member_id, Reminder.remind_at)).all())
    # 09:00 in São Paulo (UTC-3) and in Madrid (UTC+1) on 31 January.
    assert times == {
        ids[0]: dt.datetime(2020, 1, 31, 12, 0, tzinfo=dt.UTC),
        ids[1]: dt.datetime(2020, 1, 31, 8, 0, tzinfo=dt.UTC),
    }
    scheduler = Scheduler(engine, settings)

    def queued() -> list[str]:
        with transaction(engine) as session:
            rows = session.scalars(
                select(Delivery).where(Delivery.dedup_key.startswith("reminder:"))
            ).all()
            return sorted(d.payload["extra"]["reply_to"] for d in rows)

    scheduler.tick(dt.datetime(2020, 1, 31, 7, 58, tzinfo=dt.UTC))
    assert queued() == []  # not yet 09:00 anywhere
    scheduler.tick(dt.datetime(2020, 1, 31, 8, 3, tzinfo=dt.UTC))
    assert queued() == ["702"]  # Madrid's, three minutes after its 09:00
    scheduler.tick(dt.datetime(2020, 1, 31, 11, 57, tzinfo=dt.UTC))
    assert queued() == ["702"]
    scheduler.tick(dt.datetime(2020, 1, 31, 12, 4, tzinfo=dt.UTC))
    assert queued() == ["701", "702"]  # São Paulo's, four minutes after its 09:00
    with transaction(engine) as session:
        texts = [d.payload["text"] for d in session.scalars(select(Delivery)) if d.kind == "reply"]
    assert len(texts) == 2 and all("febrero de 2020" in t for t in texts), texts  # as told
