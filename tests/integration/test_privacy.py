"""hub export / erase --member: everything about a member, then nothing personal left."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.members.privacy import erase_member, export_member
from hub.core.models import (
    Channel,
    Delivery,
    InboxEvent,
    Item,
    ItemOrigin,
    Member,
    Question,
    Reminder,
    Source,
    utcnow,
)

SETTINGS = Settings.model_validate(
    {
        "sources": {"tg": {"kind": "telegram"}},
        "channels": {"news": {"platform": "memory", "target": "#news"}},
    }
)


def stored(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    assert member is not None
    return member


@pytest.fixture
def member_id(engine) -> int:
    with transaction(engine) as session:
        sync_config(session, SETTINGS)
        member = Member(
            organisation="Ajuntament de Girona",
            contact_name="Ana García",
            email="ana@girona.cat",
            language="ca",
            country="ES",
            region="europe",
            slack_user_id="U123",
            telegram_chat_id=555,
            topics=["youth"],
            newsletter_status="subscribed",
        )
        session.add(member)
        session.flush()
        source = session.scalar(select(Source).where(Source.key == "tg"))
        assert source is not None
        item = Item(
            title="Girona youth budget", member_id=member.id, source_id=source.id, status="approved"
        )
        session.add(item)
        session.flush()
        session.add(
            ItemOrigin(
                item_id=item.id,
                source_id=source.id,
                external_id="m1",
                platform="telegram",
                reply_to="555:77",
            )
        )
        session.add(
            Question(
                member_id=member.id,
                platform="telegram",
                reply_to="555",
                text="My address is ana@girona.cat, when is the conference?",
                language="ca",
                intent="next_conference",
                answer="In March",
                handoff=True,
                status="handed_off",
            )
        )
        channel_id = session.scalar(select(Channel.id).where(Channel.key == "news"))
        session.add(
            Delivery(item_id=item.id, channel_id=channel_id, status="sent", due_at=utcnow())
        )
        session.flush()
        question_id = session.scalar(select(Question.id))
        extra = {"reply_to": "555", "question_id": question_id, "question": "ana@girona.cat"}
        session.add(
            Delivery(
                kind="reply",
                channel_id=channel_id,
                status="sent",
                due_at=utcnow(),
                dedup_key=f"reply:{question_id}",
                payload={"text": "In March", "extra": extra},
            )
        )
        session.add(
            Reminder(
                member_id=member.id,
                platform="telegram",
                reply_to="555",
                language="ca",
                record_id="conf",
                label="Conferència",
                when_text="March",
                remind_at=utcnow(),
            )
        )
        for key, chat in (("1", 555), ("2", 5550)):
            session.add(
                InboxEvent(
                    platform="telegram",
                    event_key=key,
                    received_at=utcnow(),
                    next_attempt_at=utcnow(),
                    payload={
                        "update_id": int(key),
                        "message": {"chat": {"id": chat}, "text": "hola"},
                    },
                )
            )
        return member.id


def test_export_holds_everything_about_the_member(engine, database_url, member_id, tmp_path):
    _register()
    config = tmp_path / "hub.toml"
    config.write_text('[hub]\nlanguages = ["en"]\n')
    out = tmp_path / "export.json"
    export = ["export", "--member", str(member_id), "--out", str(out)]
    result = CliRunner().invoke(
        app, ["--config", str(config), *export, "--database-url", database_url]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["member"]["email"] == "ana@girona.cat"
    assert [i["title"] for i in data["items"]] == ["Girona youth budget"]
    assert data["item_origins"][0]["reply_to"] == "555:77"
    assert data["questions"][0]["intent"] == "next_conference"
    assert data["reminders"][0]["label"] == "Conferència"
    assert data["replies"][0]["payload"]["text"] == "In March"
    assert [e["event_key"] for e in data["inbox_events"]] == ["1"]  # not chat 5550
    missing = CliRunner().invoke(
        app, ["--config", str(config), "export", "--member", "999", "--database-url", database_url]
    )
    assert missing.exit_code == 1 and "no member 999" in missing.output


def test_erase_removes_personal_data_and_keeps_statistics(engine, member_id):
    with transaction(engine) as session:
        report = erase_member(session, member_id, utcnow())
    assert (report.questions, report.items, report.origins) == (1, 1, 1)
    assert (report.replies, report.reminders, report.inbox_events) == (1, 1, 1)
    assert report.mailchimp.startswith("not done")
    with transaction(engine) as session:
        member = session.get(Member, member_id)
        assert member is not None
        assert (member.email, member.contact_name, member.slack_user_id) == (None, None, None)
        assert member.telegram_chat_id is None and member.topics == []
        assert member.erased_at is not None and member.newsletter_status == "erased"
        assert (member.country, member.region, member.organisation) == (
            "ES",
            "europe",
            "Ajuntament de Girona",
        )
        question = session.scalar(select(Question))
        assert question is not None
        assert question.text == "[erased]" and question.answer is None
        assert question.member_id is None and question.reply_to is None
        assert (question.platform, question.intent, question.handoff) == (
            "telegram",
            "next_conference",
            True,
        )
        assert session.scalar(select(Item.member_id)) is None
        assert session.scalar(select(ItemOrigin.reply_to)) is None
        assert session.scalar(select(func.count()).select_from(Delivery)) == 2  # rows stay
        reply = session.scalar(select(Delivery).where(Delivery.kind == "reply"))
        assert reply is not None
        assert reply.payload == {"erased": True} and reply.status == "sent"
        assert session.scalar(select(func.count()).select_from(Reminder)) == 0
        events = {e.event_key: e.payload for e in session.scalars(select(InboxEvent))}
        assert events["1"] == {"erased": True} and events["2"]["message"]["chat"]["id"] == 5550
        exported = json.dumps(export_member(session, member_id), default=str)
    assert "ana@girona.cat" not in exported and "Ana García" not in exported


def test_erase_calls_the_mailchimp_hook_first_and_stops_if_it_fails(engine, member_id):
    deleted: list[str] = []
    with transaction(engine) as session:
        report = erase_member(session, member_id, utcnow(), mailchimp=deleted.append)
    assert deleted == ["ana@girona.cat"]
    assert report.mailchimp.startswith("deleted permanently")

    def refuse(email: str) -> None:
        raise RuntimeError("Mailchimp is down")

    with transaction(engine) as session:
        stored(session, member_id).email = "again@girona.cat"
    with pytest.raises(RuntimeError), transaction(engine) as session:
        erase_member(session, member_id, utcnow(), mailchimp=refuse)
    with transaction(engine) as session:
        assert stored(session, member_id).email == "again@girona.cat"


def test_erase_from_the_command_line_asks_first(engine, database_url, member_id, tmp_path):
    _register()
    config = tmp_path / "hub.toml"
    config.write_text('[hub]\nlanguages = ["en"]\n')
    erase = ["erase", "--member", str(member_id), "--database-url", database_url]
    args = ["--config", str(config), *erase]
    declined = CliRunner().invoke(app, args, input="n\n")
    assert declined.exit_code == 1
    with transaction(engine) as session:
        assert stored(session, member_id).email == "ana@girona.cat"
    done = CliRunner().invoke(app, [*args, "--yes"])
    assert done.exit_code == 0, done.output
    assert "contact data erased; 1 questions and 1 items kept anonymous" in done.output
    assert "mailchimp: not done" in done.output
    with transaction(engine) as session:
        assert stored(session, member_id).email is None
