"""The assistant with a database (SQLite, PostgreSQL): questions, handoffs, replies, reminders."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.assistant import Assistant
from hub.core.assistant.store import (
    answer_reply,
    ask_and_record,
    due_reminders,
    open_questions,
    reply_channel,
)
from hub.core.db import transaction
from hub.core.errors import HubError
from hub.core.knowledge import load_directory, sync
from hub.core.models import Channel, Delivery, Question, Reminder

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
NOW = dt.datetime(2020, 1, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def loaded(engine: Engine) -> Engine:
    with transaction(engine) as session:
        sync(session, load_directory(KNOWLEDGE), now=NOW)
        session.add_all(
            [
                Channel(key="telegram_news", platform="telegram", target="@news"),
                Channel(key="telegram_assistant", platform="telegram", target="@bot"),
                Channel(key="slack_news", platform="slack", target="C1"),
            ]
        )
    return engine


@pytest.fixture
def assistant(loaded: Engine) -> Assistant:
    with transaction(loaded) as session:
        return Assistant.from_session(session, use_lingua=False)


def test_the_index_from_the_database_answers_like_the_files(assistant: Assistant) -> None:
    files = Assistant.from_knowledge(KNOWLEDGE, use_lingua=False)
    for question in ("quand est la prochaine conférence", "when does the award call open"):
        assert assistant.answer(question, now=NOW) == files.answer(question, now=NOW)


def test_an_answered_question_is_stored_answered(loaded: Engine, assistant: Assistant) -> None:
    with transaction(loaded) as session:
        answer = ask_and_record(
            session,
            assistant,
            "next conference",
            platform="slack",
            reply_to="U1",
            member_id=None,
            now=NOW,
        )
    with transaction(loaded) as session:
        row = session.get(Question, answer.question_id)
        assert row is not None
        assert (row.status, row.handoff, row.intent) == ("answered", False, "when")
        assert row.sources == ["conference-20-abidjan-2020"]
        assert open_questions(session) == []


def test_a_handoff_reaches_the_queue_and_the_reply_goes_back(
    loaded: Engine, assistant: Assistant
) -> None:
    with transaction(loaded) as session:
        answer = ask_and_record(
            session,
            assistant,
            "cual es el presupuesto de la secretaria",
            platform="telegram",
            reply_to="12345",
            member_id=None,
            now=NOW,
        )
    assert answer.handoff
    with transaction(loaded) as session:
        queue = open_questions(session)
        assert [q.id for q in queue] == [answer.question_id]
        assert queue[0].language == "es"
        assert answer.question_id is not None
        answer_reply(session, answer.question_id, "No es público.", "sec@oidp.net", NOW)
        answer_reply(session, answer.question_id, "No es público.", "sec@oidp.net", NOW)
    with transaction(loaded) as session:
        question = session.get(Question, answer.question_id)
        assert question is not None and question.status == "replied"
        assert question.replied_by == "sec@oidp.net" and question.replied_at == NOW
        deliveries = session.scalars(select(Delivery)).all()
        assert len(deliveries) == 1  # once per question, however often the button is pressed
        delivery = deliveries[0]
        channel = session.get(Channel, delivery.channel_id)
        assert channel is not None and channel.key == "telegram_assistant"
        assert delivery.kind == "reply" and delivery.dedup_key == f"reply:{answer.question_id}"
        assert delivery.payload["text"] == "No es público."
        assert delivery.payload["extra"]["reply_to"] == "12345"


def test_a_handoff_is_announced_to_the_secretariat_channel(
    loaded: Engine, assistant: Assistant
) -> None:
    with transaction(loaded) as session:
        for text in ("who won the 2019 award", "next conference"):
            ask_and_record(
                session,
                assistant,
                text,
                platform="slack",
                reply_to="U9",
                member_id=None,
                now=NOW,
                notify_channel="slack_news",
            )
    with transaction(loaded) as session:
        alert = session.scalars(select(Delivery)).one()  # the answered question is not announced
        assert alert.kind == "alert" and alert.payload["text"] == "who won the 2019 award"
        assert alert.payload["title"].startswith("Question #")


def test_a_part_passed_on_waits_for_the_secretariat_beside_the_answer(
    loaded: Engine, assistant: Assistant
) -> None:
    text = (
        "Hello from a town hall near Ghent, we are thinking about joining the network. Where"
        " is the IOPD Technical Secretariat based? By the way, will anyone from it be in"
        " Brussels in March?"
    )
    with transaction(loaded) as session:
        answer = ask_and_record(
            session,
            assistant,
            text,
            platform="slack",
            reply_to="U7",
            member_id=None,
            now=NOW,
            notify_channel="slack_news",
        )
    assert not answer.handoff and "Barcelona" in answer.answer
    assert answer.passed_on is not None and "Brussels" in answer.passed_on
    with transaction(loaded) as session:
        assert [q.id for q in open_questions(session)] == [answer.question_id]
        row = session.get(Question, answer.question_id)
        assert row is not None and row.answer == answer.answer  # the console shows what was said
        alert = session.scalars(select(Delivery)).one()
        assert alert.payload["text"] == answer.passed_on
        assert alert.payload["title"].endswith("needs a reply (one part of it)")


def test_reply_errors_say_why(loaded: Engine) -> None:
    with transaction(loaded) as session:
        with pytest.raises(HubError, match="no question"):
            answer_reply(session, 999, "hi", "sec", NOW)
        assert reply_channel(session, "slack") == "slack_news"
        with pytest.raises(HubError, match="no enabled mastodon channel"):
            reply_channel(session, "mastodon")


def test_reminders_are_queued_once_when_due(loaded: Engine, assistant: Assistant) -> None:
    with transaction(loaded) as session:
        ask_and_record(
            session,
            assistant,
            "recuérdame cuando abra la convocatoria del premio",
            platform="telegram",
            reply_to="777",
            member_id=None,
            now=NOW,
        )
        ask_and_record(
            session,
            assistant,
            "remind me of the next conference",
            platform="mastodon",
            reply_to="@someone",
            member_id=None,
            now=NOW,
        )
    with transaction(loaded) as session:
        reminders = session.scalars(select(Reminder).order_by(Reminder.id)).all()
        assert [r.remind_at for r in reminders] == [  # 09:00 the day before, in UTC here
            dt.datetime(2020, 1, 31, 9, 0, tzinfo=dt.UTC),
            dt.datetime(2020, 7, 19, 9, 0, tzinfo=dt.UTC),
        ]
        assert due_reminders(session, dt.datetime(2020, 1, 31, 7, 59, tzinfo=dt.UTC)) == 0
        assert due_reminders(session, dt.datetime(2020, 1, 31, 9, 0, tzinfo=dt.UTC)) == 1
        assert due_reminders(session, dt.datetime(2020, 2, 1, tzinfo=dt.UTC)) == 0
        assert due_reminders(session, dt.datetime(2020, 7, 20, tzinfo=dt.UTC)) == 0
    with transaction(loaded) as session:
        first, second = session.scalars(select(Reminder).order_by(Reminder.id)).all()
        assert (first.status, second.status) == ("queued", "no_channel")
        delivery = session.scalars(select(Delivery)).one()
        assert delivery.dedup_key == f"reminder:{first.id}"
        assert delivery.payload["text"].startswith("Recordatorio: Convocatoria de candidaturas")
        assert delivery.payload["extra"]["reply_to"] == "777"


def test_hub_ask_records_only_with_record(
    loaded: Engine, database_url: str, tmp_path: Path
) -> None:
    _register()
    batch = tmp_path / "questions.jsonl"
    batch.write_text(
        json.dumps({"question": "who won the 2019 award", "now": "2020-01-10"})
        + "\n"
        + json.dumps({"question": "next event", "now": "2020-01-15", "lang": "ca"})
        + "\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    base = ["ask", "--batch", str(batch), "--json", "--database-url", database_url]
    result = runner.invoke(app, base)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x["handoff"], x["language"]) for x in lines] == [(True, "en"), (False, "ca")]
    with transaction(loaded) as session:
        assert session.scalar(select(func.count()).select_from(Question)) == 0
    result = runner.invoke(app, [*base, "--record"])
    assert result.exit_code == 0, result.output
    with transaction(loaded) as session:
        assert [(q.platform, q.status) for q in open_questions(session)] == [("cli", "open")]


def test_hub_ask_reads_the_knowledge_from_the_database(loaded: Engine, database_url: str) -> None:
    _register()
    args = ["ask", "où était la 13e conférence", "--now", "2020-01-15", "--json", "--from-db"]
    result = CliRunner().invoke(app, [*args, "--database-url", database_url])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert (answer["language"], answer["sources"]) == ("fr", ["conference-13-cascais-2013"])


def test_reload_sees_a_new_event(loaded: Engine, assistant: Assistant) -> None:
    question = "events in Lisbon"
    assert assistant.answer(question, now=NOW).handoff
    with transaction(loaded) as session:
        from hub.core.models import Event

        session.add(
            Event(
                id="lisbon-2021",
                kind="seminar",
                name={"en": "Lisbon seminar"},
                starts_on=dt.date(2021, 3, 4),
                date_precision="day",
                city="Lisbon",
                country="PT",
            )
        )
    with transaction(loaded) as session:
        assistant.reload(session)
    answer = assistant.answer(question, now=NOW)
    assert not answer.handoff and answer.sources == ["lisbon-2021"]
    assert "4 March 2021" in answer.answer
