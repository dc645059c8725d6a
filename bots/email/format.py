"""A hub ``reply`` as an e-mail (pure): addressed to the member, threaded, in their language.

- ``To``: ``extra["reply_to"]``, the address the member wrote from; ``From``: the channel's
  ``target``, the secretariat's address.
- ``Subject``: ``Re:`` and the member's subject (not doubled); ``In-Reply-To`` and
  ``References`` continue their thread (RFC 5322 3.6.4: References is the parent's
  References followed by the parent's Message-ID).
- ``Message-ID``: made from the delivery's id and the sender's domain, the same at every
  attempt, so a retry is recognisably the same message (RFC 5322 3.6.4).
- ``Auto-Submitted: auto-replied`` on the assistant's answers (RFC 3834 5.1): other
  robots then do not answer them, and no loop starts.
- ``Content-Language`` names the language (RFC 3282); the text is plain UTF-8.
"""

from __future__ import annotations

import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from hub.core.errors import BadPayload
from hub.core.ports import ChannelInfo, Message

MAX_REFERENCES = 20
"""Message ids kept in References: the first and the last ones, as RFC 5322 3.6.4 allows
trimming; enough for any client to thread."""
_RE = re.compile(r"^\s*((re|aw|rv|sv|antw)\s*:\s*)+", re.IGNORECASE)


def reply_subject(subject: str) -> str:
    """``Re: subject``, never ``Re: Re: subject``."""
    bare = _RE.sub("", subject).strip()
    return f"Re: {bare}" if bare else "Re:"


def references(chain: str) -> str:
    ids = chain.split()
    if len(ids) > MAX_REFERENCES:
        ids = ids[:1] + ids[-(MAX_REFERENCES - 1) :]
    return " ".join(ids)


def message_id(delivery_id: int, sender: str) -> str:
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else "hub.invalid"
    return f"<hub.reply.{delivery_id}@{domain}>"  # mail_reading.OWN_MESSAGE_ID knows it


def email_for(message: Message, channel: ChannelInfo, *, date: object = None) -> EmailMessage:
    """The e-mail a ``reply`` delivery sends; raises ``BadPayload`` for anything else."""
    if message.kind != "reply":
        raise BadPayload(f"an email channel sends replies to members, not {message.kind!r}")
    to = str(message.extra.get("reply_to") or "")
    name, address = parseaddr(to)
    if "@" not in address or any(c in to for c in "\r\n"):
        raise BadPayload(f"no e-mail address to reply to (got {to[:80]!r})")
    _, sender = parseaddr(channel.target)
    if "@" not in sender:
        raise BadPayload(f"channel {channel.key}: target must be the address replies come from")
    mail = EmailMessage()
    mail["From"] = channel.target
    user, _, domain = address.rpartition("@")
    mail["To"] = Address(display_name=name, username=user, domain=domain)
    mail["Subject"] = reply_subject(str(message.extra.get("subject") or ""))
    mail["Message-ID"] = message_id(message.delivery_id, sender)
    if date is not None:
        mail["Date"] = format_datetime(date)  # type: ignore[arg-type]
    parent = str(message.extra.get("in_reply_to") or "").strip()
    if parent:
        mail["In-Reply-To"] = parent
        mail["References"] = references(str(message.extra.get("references") or parent))
    if message.extra.get("automatic"):
        mail["Auto-Submitted"] = "auto-replied"
    mail.set_content(message.text or message.title or "", charset="utf-8")
    if message.language:  # after set_content, which clears every Content-* header
        mail["Content-Language"] = message.language
    return mail
