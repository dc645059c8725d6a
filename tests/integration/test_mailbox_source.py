"""The mailbox source against real servers: Dovecot (IMAP) and aiosmtpd (SMTP).

Mail is put in the mailbox with IMAP APPEND, read by the hub's poller, and the replies
the outbox sends are read back from the SMTP server. Dovecot comes from Debian
(``make dovecot``); without it these tests are skipped, saying so, except in CI
(``CI=true``), where they fail.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import imaplib
import os
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bots.email.standin import SmtpStandIn
from hub.core.assistant import Assistant
from hub.core.assistant.store import answer_reply
from hub.core.bus.messages import ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings, load_settings
from hub.core.db import transaction
from hub.core.ingest.mailbox import MailboxPoller
from hub.core.knowledge import load_directory, sync
from hub.core.models import Delivery, Item, MailboxMessage, Member, Question, Source, utcnow
from hub.testing.dovecot import DOVECOT_MISSING, DovecotServer, find_dovecot
from hub.wiring import SINKS

KNOWLEDGE = Path(__file__).parents[2] / "config" / "knowledge"
MEMBER = "ana@cascais.example"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


pytestmark = pytest.mark.skipif(find_dovecot() is None and not in_ci(), reason=DOVECOT_MISSING)


@pytest.fixture
def dovecot() -> Iterator[DovecotServer]:
    with DovecotServer() as server:
        yield server


def settings_for(
    tmp_path: Path, imap: DovecotServer, smtp_url: str = "smtp+plain://127.0.0.1:9", **extra: str
) -> Settings:
    lines = "".join(f"{key} = {value}\n" for key, value in extra.items())
    path = tmp_path / "hub.toml"
    path.write_text(
        f"""
[hub]
public_url = "https://hub.example.org"
languages = ["en", "es", "fr", "ca", "pt"]

[sources.mail]
kind = "mailbox"
url = "imap://127.0.0.1:{imap.port}"
tls = "off"
username = "{imap.username}"
password_env = "MAILBOX_PASSWORD"
reply_channel = "email_replies"
{lines}
[channels.email_replies]
platform = "email"
target = "secretariat@oidp.example"
base_url = "{smtp_url}"
token_env = "SMTP_PASSWORD"
""",
        encoding="utf-8",
    )
    environ = {"MAILBOX_PASSWORD": imap.password, "SMTP_PASSWORD": "smtp-secret"}
    return load_settings(path, environ=environ)


def prepare(engine: Engine, settings: Settings, *, knowledge: bool = False) -> None:
    """The configured rows and one member (and the seed knowledge, for questions)."""
    with transaction(engine) as session:
        sync_config(session, settings)
        if knowledge:
            sync(session, load_directory(KNOWLEDGE), now=utcnow())
        session.add(Member(organisation="Cascais", email=MEMBER, language="pt"))


def deliver(imap: DovecotServer, mail: EmailMessage | bytes, folder: str = "INBOX") -> None:
    """Put a message in the mailbox as a mail server would: IMAP APPEND."""
    raw = mail if isinstance(mail, bytes) else mail.as_bytes()
    client = imaplib.IMAP4("127.0.0.1", imap.port)
    client.login(imap.username, imap.password)
    assert client.append(folder, None, None, raw)[0] == "OK"
    client.logout()


def count_in(imap: DovecotServer, folder: str) -> int:
    client = imaplib.IMAP4("127.0.0.1", imap.port)
    client.login(imap.username, imap.password)
    status, data = client.select(f'"{folder}"', readonly=True)
    client.logout()
    return int(data[0] or 0) if status == "OK" else -1


def mail(
    subject: str, text: str, *, sender: str = MEMBER, html: str | None = None, **headers: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"Ana <{sender}>"
    message["To"] = "secretariat@oidp.example"
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="cascais.example")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def poll(engine: Engine, settings: Settings, assistant: Assistant | None = None) -> None:
    MailboxPoller(engine, settings, assistant=assistant).poll("mail")


def records(engine: Engine) -> list[MailboxMessage]:
    with transaction(engine) as session:
        return list(session.scalars(select(MailboxMessage).order_by(MailboxMessage.id)))


def source_status(engine: Engine) -> Source:
    with transaction(engine) as session:
        return session.scalars(select(Source).where(Source.key == "mail")).one()


async def send_replies(engine: Engine, settings: Settings) -> None:
    config = WorkerConfig(poll_interval=0.02, until_idle=True, send_timeout=10.0)
    await Worker(engine, ChannelSinks.from_settings(settings, SINKS), config=config).run()


def test_a_members_news_becomes_an_item_waiting_for_moderation(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, dovecot)
    prepare(engine, settings)
    news = mail(
        "Cascais opens its participatory budget for 2027",
        "Residents vote on 40 projects this spring.\n\nRead more: https://cascais.example/ob",
    )
    news.add_attachment(b"\x89PNG\r\n\x1a\n" + b"0" * 2048, "image", "png", filename="vote.png")
    deliver(dovecot, news)

    poll(engine, settings)

    with transaction(engine) as session:
        item = session.scalars(select(Item)).one()
        member = session.scalars(select(Member)).one()
        assert item.title == "Cascais opens its participatory budget for 2027"
        assert (item.status, item.member_id) == ("pending", member.id)
        assert item.link == "https://cascais.example/ob"
        assert "40 projects" in item.summary_text
    [row] = records(engine)
    assert (row.outcome, row.item_id, row.sender) == ("item", item.id, MEMBER)
    assert row.reason is not None and "picture vote.png" in row.reason
    assert (count_in(dovecot, "INBOX"), count_in(dovecot, "Processed")) == (0, 1)


def test_a_question_is_answered_by_email_in_thread_and_in_the_askers_language(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SmtpStandIn(password="smtp-secret") as smtp:
            settings = settings_for(tmp_path, dovecot, smtp.url)
            prepare(engine, settings, knowledge=True)
            earlier = "<first@cascais.example>"
            question = mail(
                "Cuota",
                "¿Cuánto cuesta ser miembro del OIDP?\n\n-- \nAna, Cascais",
                References=earlier,
                In_Reply_To=earlier,
            )
            deliver(dovecot, question)
            with transaction(engine) as session:
                assistant = Assistant.from_session(session, use_lingua=False)
            await asyncio.to_thread(poll, engine, settings, assistant)
            await send_replies(engine, settings)
            await asyncio.to_thread(poll, engine, settings, assistant)  # nothing new
            await send_replies(engine, settings)

            [reply] = smtp.messages()
            assert smtp.recipients() == [[MEMBER]]
            assert reply["In-Reply-To"] == question["Message-ID"]
            assert reply["References"].split() == [earlier, question["Message-ID"]]
            assert reply["Subject"] == "Re: Cuota"
            assert reply["Content-Language"] == "es"
            assert reply["Auto-Submitted"] == "auto-replied"
            body = reply.get_body(("plain",))
            expected = assistant.answer("¿Cuánto cuesta ser miembro del OIDP?", now=utcnow())
            assert not expected.handoff and expected.language == "es"
            assert body is not None and expected.answer in body.get_content().replace("\r\n", "\n")

    asyncio.run(scenario())
    [row] = records(engine)
    assert row.outcome == "question" and row.question_id is not None


def test_a_handed_off_question_gets_the_secretariats_reply_in_the_same_thread(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SmtpStandIn(password="smtp-secret") as smtp:
            settings = settings_for(tmp_path, dovecot, smtp.url)
            prepare(engine, settings, knowledge=True)
            question = mail("Premio", "¿Quién ganó el premio en 1850?")
            deliver(dovecot, question)
            with transaction(engine) as session:
                assistant = Assistant.from_session(session, use_lingua=False)
            await asyncio.to_thread(poll, engine, settings, assistant)
            await send_replies(engine, settings)  # the handoff's words first
            with transaction(engine) as session:
                asked = session.scalars(select(Question)).one()
                assert (asked.status, asked.handoff, asked.language) == ("open", True, "es")
                answer_reply(session, asked.id, "Nadie: el premio empezó en 2006.", "sec", utcnow())
            await send_replies(engine, settings)

            handoff, reply = smtp.messages()
            assert "Secretaría" in handoff.get_body(("plain",)).get_content()  # type: ignore[union-attr]
            assert "Nadie" in reply.get_body(("plain",)).get_content()  # type: ignore[union-attr]
            for sent in (handoff, reply):
                assert sent["In-Reply-To"] == question["Message-ID"]
                assert sent["Subject"] == "Re: Premio"
            assert reply["Auto-Submitted"] is None  # a person wrote it

    asyncio.run(scenario())


def test_mail_from_an_unknown_sender_is_held_for_moderation(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, dovecot)
    prepare(engine, settings)
    deliver(dovecot, mail("When is the conference?", "Tell me?", sender="who@elsewhere.example"))

    poll(engine, settings)

    with transaction(engine) as session:
        item = session.scalars(select(Item)).one()
        assert (item.status, item.member_id) == ("pending", None)
        assert session.scalars(select(Question)).all() == []
    [row] = records(engine)
    assert row.outcome == "held"
    assert row.reason is not None and "not a known member" in row.reason
    assert any("not a known member" in p for p in source_status(engine).last_problems)


AUTOMATIC = [
    {"Auto_Submitted": "auto-replied"},
    {"Precedence": "bulk"},
    {"List_Id": "<members.lists.example>"},
    {"X_Autoreply": "yes"},
    {"Return_Path": "<>"},
]


def test_automatic_mail_is_ignored_and_counted(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, dovecot)
    prepare(engine, settings)
    for headers in AUTOMATIC:
        deliver(dovecot, mail("Out of office?", "I am away?", **headers))
    ours = mail("Re: your question?", "Looping?")
    ours.replace_header("Message-ID", "<hub.reply.7@oidp.example>")
    deliver(dovecot, ours)

    poll(engine, settings)

    rows = records(engine)
    assert [r.outcome for r in rows] == ["ignored"] * 6
    with transaction(engine) as session:
        assert session.scalars(select(Item)).all() == []
        assert session.scalars(select(Question)).all() == []
        assert session.scalars(select(Delivery)).all() == []
    assert "6 automatic message(s) ignored" in source_status(engine).last_problems[0]
    assert count_in(dovecot, "Processed") == 6


MALFORMED = (
    b"From: Ana <ana@cascais.example>\r\nSubject: Broken\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    b"--b1\r\nContent-Type: text/plain\r\n\r\nno closing boundary, no end\r\n"
)


def test_malformed_huge_and_scripted_mail_get_a_reason_and_the_rest_is_read(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, dovecot, max_message_kb="64")
    prepare(engine, settings)
    deliver(dovecot, MALFORMED)
    deliver(dovecot, mail("A big one", "x" * 100_000))
    scripted = mail(
        "Our assembly in pictures",
        "",
        html='<p onclick="steal()">Our assembly met.</p><script>alert(1)</script>'
        '<a href="javascript:alert(2)">x</a> <a href="https://cascais.example/a">photos</a>',
    )
    scripted.get_body(("plain",)).set_content("")  # type: ignore[union-attr]
    deliver(dovecot, scripted)
    with_nul = mail("Null", "")
    with_nul.set_content("Text with a NUL\x00 character", cte="base64")  # IMAP keeps it so
    deliver(dovecot, with_nul)

    poll(engine, settings)

    broken, big, cleaned, nul = records(engine)
    assert nul.outcome == "refused" and "NUL character" in (nul.reason or "")
    assert broken.outcome == "refused" and "malformed MIME" in (broken.reason or "")
    assert big.outcome == "refused" and "over the 64 KB cap" in (big.reason or "")
    assert cleaned.outcome == "item" and "scripts" in (cleaned.reason or "")
    with transaction(engine) as session:
        item = session.scalars(select(Item)).one()
    for bad in ("<script", "onclick", "javascript:", "alert("):
        assert bad not in item.summary_html
    assert 'href="https://cascais.example/a"' in item.summary_html
    problems = " ".join(source_status(engine).last_problems)
    assert "malformed MIME" in problems and "64 KB cap" in problems
    assert source_status(engine).last_error is None
    assert count_in(dovecot, "INBOX") == 0


def test_a_message_is_read_once_across_a_restart(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    # The processed folder off: the messages stay in the inbox, read once by their UIDs.
    settings = settings_for(tmp_path, dovecot, processed_folder='""')
    prepare(engine, settings)
    news = mail("Porto Alegre's assembly", "The assembly met on Monday.")
    deliver(dovecot, news)

    poll(engine, settings)
    poll(engine, settings)  # a new poller: the hub restarted
    deliver(dovecot, news)  # the same message delivered again: a new UID, the same Message-ID
    poll(engine, settings)

    assert [r.outcome for r in records(engine)] == ["item", "duplicate"]
    assert [r.uid for r in records(engine)] == [1, 2]
    with transaction(engine) as session:
        assert len(session.scalars(select(Item)).all()) == 1
    assert count_in(dovecot, "INBOX") == 2


def test_a_mailbox_that_cannot_be_read_says_why(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, dovecot)
    prepare(engine, settings)
    wrong = settings.model_copy(update={"secrets": {"MAILBOX_PASSWORD": "wrong"}})

    outcome = MailboxPoller(engine, wrong).poll("mail")

    assert outcome.error is not None and "log in" in outcome.error
    status = source_status(engine)
    assert status.last_error == outcome.error and status.consecutive_failures == 1
    assert "wrong" not in status.last_error
    assert status.last_fetched_at is not None and status.next_fetch_at is not None
    assert status.next_fetch_at - status.last_fetched_at == dt.timedelta(minutes=15)


def test_the_mailbox_is_read_over_starttls(engine: Engine, tmp_path: Path) -> None:
    with DovecotServer(tls=True) as secure:
        settings = settings_for(tmp_path, secure)
        on = settings.sources["mail"].model_copy(update={"tls": "on"})
        settings = settings.model_copy(update={"sources": {"mail": on}})
        prepare(engine, settings)
        deliver_tls = mail("Lisbon's new assembly", "It meets monthly.")
        client = imaplib.IMAP4("127.0.0.1", secure.port)
        assert secure.ca_file is not None
        client.starttls(ssl.create_default_context(cafile=secure.ca_file))
        client.login(secure.username, secure.password)
        client.append("INBOX", None, None, deliver_tls.as_bytes())
        client.logout()
        context = ssl.create_default_context(cafile=secure.ca_file)

        outcome = MailboxPoller(engine, settings, ssl_context=context).poll("mail")

        assert outcome.error is None and outcome.counts == {"item": 1}
        untrusted = MailboxPoller(engine, settings).poll("mail")  # the system's CAs only
        assert untrusted.error is not None and "CERTIFICATE_VERIFY_FAILED" in untrusted.error


def test_without_an_email_channel_a_question_is_kept_as_news(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, dovecot)
    off = settings.channels["email_replies"].model_copy(update={"enabled": False})
    settings = settings.model_copy(update={"channels": {"email_replies": off}})
    prepare(engine, settings)
    deliver(dovecot, mail("Cuota", "¿Cuánto cuesta ser miembro del OIDP?"))

    poll(engine, settings)

    [row] = records(engine)
    assert row.outcome == "item"
    assert "no enabled email channel to answer through" in (row.reason or "")
    with transaction(engine) as session:
        assert session.scalars(select(Question)).all() == []
        assert session.scalars(select(Delivery)).all() == []


def test_a_broken_mailbox_does_not_stop_the_next_one(
    engine: Engine, dovecot: DovecotServer, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path, dovecot)
    path = Path(settings.path)
    path.write_text(
        path.read_text(encoding="utf-8")
        + f"""
[sources.another]
kind = "mailbox"
url = "imap://127.0.0.1:{dovecot.port}"
tls = "off"
username = "nobody@example.org"
password_env = "ANOTHER_PASSWORD"
""",
        encoding="utf-8",
    )
    environ = {"MAILBOX_PASSWORD": dovecot.password, "ANOTHER_PASSWORD": "wrong"}
    settings = load_settings(path, environ=environ)
    prepare(engine, settings)
    deliver(dovecot, mail("Porto Alegre's assembly", "The assembly met on Monday."))

    outcomes = {o.key: o for o in asyncio.run(MailboxPoller(engine, settings).run_once())}

    assert set(outcomes) == {"another", "mail"}
    assert outcomes["another"].error is not None
    assert outcomes["mail"].error is None and outcomes["mail"].counts == {"item": 1}
