"""What the hub sends one member follows their preferences: platform and opt-out.

A member asks for a reminder (or a question the secretariat answers) on Telegram,
then ticks only Slack on their preferences page: the reminder and the reply reach
them on Slack. A member who unticks every chat platform gets no reminder by chat.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from hub.core.assistant.assistant import Assistant
from hub.core.assistant.store import answer_reply, ask_and_record, due_reminders
from hub.core.db import transaction
from hub.core.knowledge import load_directory, sync
from hub.core.models import Channel, Delivery, Member, Reminder

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.datetime(2020, 1, 10, 12, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2020, 2, 1, tzinfo=dt.UTC)  # past the award call's reminder


@pytest.fixture
def loaded(engine: Engine) -> Engine:
    with transaction(engine) as session:
        sync(session, load_directory(KNOWLEDGE), now=NOW)
        session.add_all(
            [
                Channel(key="telegram_assistant", platform="telegram", target="@bot"),
                Channel(key="slack_news", platform="slack", target="C1"),
            ]
        )
    return engine


def member_asking(engine: Engine, text: str) -> tuple[int, int | None]:
    """A member known on Telegram (777) and Slack (U7) asks ``text`` on Telegram."""
    with transaction(engine) as session:
        member = Member(
            organisation="Girona", telegram_chat_id=777, slack_user_id="U7", language="es"
        )
        session.add(member)
        session.flush()
        assistant = Assistant.from_session(session, use_lingua=False)
        answer = ask_and_record(
            session,
            assistant,
            text,
            platform="telegram",
            reply_to="777",
            member_id=member.id,
            now=NOW,
        )
        return member.id, answer.question_id


def choose(engine: Engine, member_id: int, channels: list[str] | None) -> None:
    with transaction(engine) as session:
        member = session.get(Member, member_id)
        assert member is not None
        member.channels = channels


def sent(engine: Engine) -> list[tuple[str, str, str]]:
    with transaction(engine) as session:
        rows = session.execute(
            select(Channel.key, Delivery.payload).join(Channel, Channel.id == Delivery.channel_id)
        )
        return [
            (key, payload["extra"]["platform"], payload["extra"]["reply_to"])
            for key, payload in rows
        ]


REMIND = "recuérdame cuando abra la convocatoria del premio"


@pytest.mark.parametrize(
    ("channels", "expected"),
    [
        (None, [("telegram_assistant", "telegram", "777")]),  # never chose: where they asked
        (["telegram", "email"], [("telegram_assistant", "telegram", "777")]),
        (["slack"], [("slack_news", "slack", "U7")]),  # moved to Slack: the reminder follows
        (["email"], []),  # no chat platform chosen: no reminder by chat
    ],
)
def test_a_reminder_goes_where_the_member_follows_the_network_now(
    loaded: Engine, channels: list[str] | None, expected: list[tuple[str, str, str]]
) -> None:
    member_id, _ = member_asking(loaded, REMIND)
    choose(loaded, member_id, channels)
    with transaction(loaded) as session:
        due_reminders(session, LATER)
    assert sent(loaded) == expected
    with transaction(loaded) as session:
        status = session.scalars(select(Reminder.status)).one()
    assert status == ("queued" if expected else "opted_out")


def test_the_secretariats_reply_follows_the_members_platform(loaded: Engine) -> None:
    member_id, question_id = member_asking(loaded, "cual es el presupuesto de la secretaria")
    assert question_id is not None
    choose(loaded, member_id, ["slack"])
    with transaction(loaded) as session:
        answer_reply(session, question_id, "No es público.", "sec@oidp.net", NOW)
    assert sent(loaded) == [("slack_news", "slack", "U7")]
