"""The e-mail sink: aiosmtplib sending what ``format`` builds through the deployment's
SMTP server.

``channel.base_url`` is the server: ``smtps://HOST[:465]`` (TLS from the first byte,
RFC 8314) or ``smtp://HOST[:587]`` (STARTTLS, required: the password never crosses the
network in clear); ``smtp+plain://127.0.0.1:PORT`` talks without TLS and is accepted
only on this machine (the stand-in, a local relay). The user to log in as is the URL's
(``smtp://USER@HOST``, percent-encoded) or else the channel's ``target``; the password
is the channel's secret (``token_env``); no secret, no login (a relay that needs none).

Replies codes (RFC 5321 4.2.1): 4yz is transient (retried by the outbox), 5yz
permanent; a refused recipient is permanent (``BadPayload``), a refused login
``Forbidden``. SMTP has no way to ask whether a message arrived, so a send in doubt is
sent again; its Message-ID is the same, so the member's client shows it once.
"""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Callable
from email.utils import parseaddr
from typing import ClassVar
from urllib.parse import unquote, urlsplit

import aiosmtplib

from bots.email.format import email_for
from hub.core.errors import BadPayload, ChannelGone, Forbidden, TransientError
from hub.core.models import utcnow
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt

LOOPBACK = ("127.0.0.1", "localhost", "::1")
RATE_PER_SECOND = 2.0
"""Replies a second through one server: member replies are few; providers' limits are per
hour and day (a Gmail account: 2,000 a day), well above what a secretariat answers."""


class EmailSink:
    """Sends replies through one SMTP server."""

    platform: ClassVar[str] = "email"

    def __init__(
        self,
        channel: ChannelInfo,
        password: str | None,
        *,
        timeout: float = 30.0,
        tls_context: ssl.SSLContext | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        parts = urlsplit(channel.base_url or "")
        if parts.scheme not in ("smtp", "smtps", "smtp+plain") or not parts.hostname:
            raise ChannelGone(
                f"channel {channel.key}: base_url must be smtps://HOST or smtp://HOST "
                f"(got {channel.base_url!r})"
            )
        if parts.scheme == "smtp+plain" and parts.hostname not in LOOPBACK:
            raise ChannelGone(f"channel {channel.key}: smtp+plain:// only on this machine")
        self.channel = channel
        self.host = parts.hostname
        self.implicit_tls = parts.scheme == "smtps"
        self.starttls = parts.scheme == "smtp"
        self.port = parts.port or (465 if self.implicit_tls else 587)
        self.username = unquote(parts.username) if parts.username else parseaddr(channel.target)[1]
        self._password = password
        self.timeout = timeout
        self.tls_context = tls_context
        self.clock = clock

    async def start(self) -> None:
        """Nothing ahead: a connection is opened per reply (replies are few)."""

    async def send(self, message: Message) -> Receipt:
        mail = email_for(message, self.channel, date=self.clock())
        client = aiosmtplib.SMTP(
            hostname=self.host,
            port=self.port,
            use_tls=self.implicit_tls,
            start_tls=self.starttls,
            tls_context=self.tls_context,
            timeout=self.timeout,
        )
        try:
            async with client:
                if self._password:
                    await client.login(self.username, self._password)
                await client.send_message(mail)
        except aiosmtplib.SMTPAuthenticationError as exc:
            raise Forbidden(f"the SMTP server refused the login ({exc.code})") from None
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = ", ".join(str(r.code) for r in exc.recipients)
            detail = f"the SMTP server refused the recipient ({codes})"
            if exc.recipients and all(400 <= r.code < 500 for r in exc.recipients):
                raise TransientError(detail) from None  # a full or busy mailbox: later
            raise BadPayload(detail) from None
        except aiosmtplib.SMTPResponseException as exc:
            detail = f"the SMTP server answered {exc.code} {exc.message[:160]}"
            if 400 <= exc.code < 500:
                raise TransientError(detail) from None
            raise BadPayload(detail) from None
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise TransientError(f"cannot reach the SMTP server: {type(exc).__name__}") from None
        return Receipt(str(mail["Message-ID"]))

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return [RateLimit(f"email:{self.host}:{self.username}", RATE_PER_SECOND, 5.0)]

    async def close(self) -> None:
        """Nothing held between sends."""


def email_sink(channel: ChannelInfo, secret: str | None) -> EmailSink:
    """The sink factory (``hub.wiring.SINKS``): ``secret`` is the SMTP password."""
    return EmailSink(channel, secret)
