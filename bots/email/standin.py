"""An SMTP server on loopback that keeps every message it accepts: aiosmtpd, a real SMTP
server (RFC 5321), not a fake of one. The demo points the email channel at it, and the
tests read the replies the hub sent from it.

It speaks plain SMTP (``smtp+plain://127.0.0.1:PORT``) and accepts ``AUTH PLAIN`` and
``AUTH LOGIN`` with the one password it was given (aiosmtpd's ``authenticator``; TLS is
not required on loopback). A message is kept as the bytes received, parsed on reading.
"""

from __future__ import annotations

import asyncio
import email
import logging
import secrets
from email import policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from hub.core.ports import ChannelInfo, ReceivedPost


class _QuietLoginData(logging.Filter):
    """aiosmtpd 1.4 sets its deprecated ``Session.login_data`` itself after every successful
    AUTH (smtp.py, ``smtp_AUTH``) and warns about it each time: nothing the stand-in can do
    differently, so the line is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "login_data is deprecated" not in record.getMessage()


def _install_filter() -> None:
    logger = logging.getLogger("mail.log")
    if not any(isinstance(f, _QuietLoginData) for f in logger.filters):
        logger.addFilter(_QuietLoginData())


class Keeper:
    """aiosmtpd's ``handle_DATA``: each message kept in the stand-in's inbox."""

    def __init__(self, standin: SmtpStandIn) -> None:
        self.inbox = standin._inbox

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.inbox.append((envelope, bytes(content)))
        return "250 OK: queued"


class SmtpStandIn:
    """aiosmtpd on 127.0.0.1 at a free port; ``messages()`` is what it received."""

    platform = "email"

    def __init__(self, password: str | None = None) -> None:
        self._password = password if password is not None else secrets.token_urlsafe(12)
        _install_filter()
        self._inbox: list[tuple[Envelope, bytes]] = []
        self._server: asyncio.base_events.Server | None = None
        self.url = ""
        self.port = 0

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        """aiosmtpd's ``authenticator``: the stand-in's one password, any user."""
        ok = isinstance(data, LoginPassword) and data.password.decode() == self._password
        return AuthResult(success=ok, handled=False)

    def _protocol(self) -> SMTP:
        return SMTP(
            Keeper(self),
            hostname="standin.localhost",
            authenticator=self.authenticate,
            auth_require_tls=False,
            data_size_limit=10 * 1024 * 1024,
        )

    async def start(self) -> str:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._protocol, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])
        self.url = f"smtp+plain://127.0.0.1:{self.port}"
        return self.url

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> SmtpStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def secret(self) -> str:
        return self._password

    def prepare(self, channel: ChannelInfo) -> None:
        """Any sender and recipient are accepted."""

    def messages(self) -> list[EmailMessage]:
        """Every message received, parsed, oldest first."""
        found = []
        for _, raw in self._inbox:
            parsed = email.message_from_bytes(raw, policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            found.append(parsed)
        return found

    def recipients(self) -> list[list[str]]:
        """The envelope's recipients of each message (RCPT TO), oldest first."""
        return [list(envelope.rcpt_tos) for envelope, _ in self._inbox]

    def posts(self) -> list[ReceivedPost]:
        posts = []
        for mail in self.messages():
            body = mail.get_body(preferencelist=("plain",))
            text = body.get_content() if body is not None else ""
            posts.append(
                ReceivedPost(
                    platform="email",
                    channel=str(mail["To"]),
                    message_id=str(mail["Message-ID"]),
                    text=f"{mail['Subject']}\n\n{text}",
                    html="",
                )
            )
        return posts
