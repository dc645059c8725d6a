"""Mail to the secretariat in the demo: read from a real IMAP server (Dovecot), answered by
e-mail through the SMTP stand-in."""

from __future__ import annotations

import asyncio
from email.message import EmailMessage
from typing import Protocol, runtime_checkable

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.demo.run import DEMO_MAILBOX, DEMO_MEMBERS, DemoWorld, deliver_all, demo_member

DEMO_MAIL: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    # sender, subject, text, extra headers
    (
        "Marta Ruiz <marta@red.example.org>",
        "Rosario abre su presupuesto participativo joven",
        "Jóvenes de 13 a 18 años votan 30 proyectos de barrio hasta junio.\n\n"
        "Más: https://red.example.org/rosario-joven",
        {},
    ),
    ("Marta Ruiz <marta@red.example.org>", "Cuota", "¿Cuánto cuesta ser miembro del OIDP?", {}),
    ("Someone <someone@elsewhere.example>", "Hello", "Please add us to your network.", {}),
    (
        "Marta Ruiz <marta@red.example.org>",
        "Fuera de la oficina",
        "Vuelvo el lunes.",
        {"Auto-Submitted": "auto-replied"},
    ),
)
"""What the demo's mailbox receives: a member's news, her question, a stranger's note and her
out-of-office reply."""


@runtime_checkable
class _SmtpLike(Protocol):
    """A stand-in that keeps the e-mails it received (the SMTP one)."""

    def messages(self) -> list[EmailMessage]: ...


async def demo_mailbox(engine: Engine, settings: Settings, world: DemoWorld) -> list[str]:
    """Mail to the secretariat, read from a real IMAP server (Dovecot), and the answer sent
    back by e-mail through the SMTP stand-in (aiosmtpd). Without Dovecot, one line says so."""
    import imaplib
    from email.utils import make_msgid

    from hub.core.ingest.mailbox import MailboxPoller
    from hub.core.models import MailboxMessage, Member

    server = world.mailbox
    if server is None or DEMO_MAILBOX not in settings.sources:
        return [
            "Mail: Dovecot is not installed here (`make dovecot` installs Debian's "
            "dovecot-imapd), so the mailbox source is not shown; its tests run against it in CI."
        ]
    with Session(engine) as session, session.begin():
        if session.scalar(select(Member.id).where(Member.email == "marta@red.example.org")) is None:
            session.add(demo_member(DEMO_MEMBERS[-1]))

    def append_all() -> None:
        client = imaplib.IMAP4("127.0.0.1", server.port)
        try:
            client.login(server.username, server.password)
            for sender, subject, text, headers in DEMO_MAIL:
                mail = EmailMessage()
                mail["From"], mail["To"] = sender, server.username
                mail["Subject"], mail["Message-ID"] = subject, make_msgid(domain="example.org")
                for name, value in headers.items():
                    mail[name] = value
                mail.set_content(text)
                client.append("INBOX", None, None, mail.as_bytes())
        finally:
            client.logout()

    await asyncio.to_thread(append_all)
    outcome = await asyncio.to_thread(MailboxPoller(engine, settings).poll, DEMO_MAILBOX)
    await deliver_all(engine, settings)
    lines = [f"Mail: {server.username} at imap://127.0.0.1:{server.port} (Dovecot)"]
    if outcome.error:
        lines.append(f"  could not read it: {outcome.error}")
    with Session(engine) as session:
        for row in session.scalars(select(MailboxMessage).order_by(MailboxMessage.id)):
            what = row.reason or row.outcome
            if row.outcome == "item":
                what = f"item #{row.item_id} waiting for moderation"
            elif row.outcome == "question":
                what = f"question #{row.question_id} for the assistant"
            lines.append(f"  {row.sender}: {row.subject!r} -> {what}"[:200])
    standin = world.standins.get("email")
    sent: list[EmailMessage] = standin.messages() if isinstance(standin, _SmtpLike) else []
    for reply in sent:
        body = reply.get_body(("plain",))
        text = body.get_content().strip().splitlines()[0] if body is not None else ""
        lines.append(
            f"  answered by e-mail to {reply['To']} [{reply['Content-Language']}], "
            f"{reply['Subject']!r}, In-Reply-To {reply['In-Reply-To']}: {text[:80]}"
        )
    return lines
