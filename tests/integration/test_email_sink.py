"""The e-mail sink against a real SMTP server (aiosmtpd): what it sends, and how the
server's refusals become the hub's delivery errors (RFC 5321 4.2.1: 4yz transient,
5yz permanent)."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from bots.email.sink import EmailSink
from bots.email.standin import Keeper, SmtpStandIn
from hub.core.errors import BadPayload, ChannelGone, DeliveryError, Forbidden, TransientError
from hub.core.ports import ChannelInfo, Message
from hub.testing.dovecot import self_signed

REPLY = Message(
    delivery_id=9,
    kind="reply",
    title="",
    text="Sí: la cuota es anual.",
    language="es",
    extra={"reply_to": "ana@cascais.example", "subject": "Cuota", "in_reply_to": "<q@c.example>"},
)


def channel(url: str) -> ChannelInfo:
    return ChannelInfo("email_replies", "email", "IOPD <secretariat@oidp.example>", base_url=url)


def test_a_reply_reaches_the_server_logged_in_and_threaded() -> None:
    async def main() -> None:
        async with SmtpStandIn(password="pw") as server:
            receipt = await EmailSink(channel(server.url), "pw").send(REPLY)
            [mail] = server.messages()
            assert receipt.platform_message_id == mail["Message-ID"] == "<hub.reply.9@oidp.example>"
            assert server.recipients() == [["ana@cascais.example"]]
            assert mail["In-Reply-To"] == "<q@c.example>"

    asyncio.run(main())


class Refusing:
    """An SMTP handler that answers RCPT with a set reply (aiosmtpd's handle_RCPT hook)."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        return self.answer


async def refused_by(answer: str) -> DeliveryError:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(Refusing(answer)), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        with pytest.raises(DeliveryError) as caught:
            await EmailSink(channel(f"smtp+plain://127.0.0.1:{port}"), None).send(REPLY)
        return caught.value
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("450 4.2.1 Mailbox busy, try later", TransientError),
        ("550 5.1.1 No such user", BadPayload),
    ],
)
def test_the_servers_refusal_says_whether_to_retry(answer: str, kind: type) -> None:
    error = asyncio.run(refused_by(answer))
    assert isinstance(error, kind), error


def test_a_wrong_password_is_forbidden_and_not_shown() -> None:
    async def main() -> None:
        async with SmtpStandIn(password="right") as server:
            with pytest.raises(Forbidden) as caught:
                await EmailSink(channel(server.url), "wrong-secret").send(REPLY)
            assert "wrong-secret" not in str(caught.value)
            assert server.messages() == []

    asyncio.run(main())


def test_a_server_that_is_not_there_is_worth_retrying() -> None:
    async def main() -> None:
        async with SmtpStandIn() as server:
            url = server.url
        with pytest.raises(TransientError):
            await EmailSink(channel(url), None).send(REPLY)

    asyncio.run(main())


@pytest.mark.parametrize(
    "url", ["https://smtp.example.org", "smtp+plain://smtp.example.org:25", "smtp://"]
)
def test_a_wrong_server_address_is_refused_at_once(url: str) -> None:
    with pytest.raises(ChannelGone):
        EmailSink(channel(url), None)


def test_the_password_goes_only_over_starttls(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    served = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    served.load_cert_chain(cert, key)
    trusted = ssl.create_default_context(cafile=str(cert))

    async def main() -> None:
        kept = SmtpStandIn(password="pw")

        def protocol() -> SMTP:
            return SMTP(
                Keeper(kept),
                tls_context=served,
                require_starttls=True,
                authenticator=kept.authenticate,
            )

        loop = asyncio.get_running_loop()
        server = await loop.create_server(protocol, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            sink = EmailSink(channel(f"smtp://127.0.0.1:{port}"), "pw", tls_context=trusted)
            await sink.send(REPLY)
            [mail] = kept.messages()
            assert mail["To"] == "ana@cascais.example"
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(main())
