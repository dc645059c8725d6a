"""Reading one e-mail: what it is (news, a question, mail to ignore) and what it says.

:func:`read_mail` takes a message's bytes and returns a :class:`ReadMail`, or raises
:class:`MailRefused` with the reason in words (malformed MIME, no sender). Nothing here
touches the network or the database.

**Mail that is ignored** (counted, never answered, so the hub never talks to a machine):
``Auto-Submitted`` other than ``no`` (RFC 3834 5), ``Precedence: bulk``, ``list`` or
``junk`` (RFC 2076 3.9, RFC 3834 3.1.8), a ``List-Id`` (RFC 2919), ``X-Autoreply`` or
``X-Autorespond`` (set by vacation programs that predate RFC 3834), an empty
``Return-Path: <>`` (the null reverse-path of delivery reports, RFC 5321 4.5.5), a
delivery report (``multipart/report``, RFC 6522), mail from ``MAILER-DAEMON``, and mail
that came from the hub itself (its own addresses, or a ``Message-ID`` of the hub's form,
``<hub.reply.N@...>``, in one of its domains).

**News or a question.** A message is a question when it was sent to the source's
``questions_address``; otherwise when it carries no sign of news (no link, no
attachment, a short text) and its subject or its first paragraph is a question (ends
with ``?``, or begins with ``¿``). Everything else is news.

**What is kept.** The text/plain part (quoted lines and the signature taken off for a
question), else the HTML part through the hub's sanitiser (:mod:`hub.core.ingest.sanitise`:
scripts, styles, event handlers and ``javascript:`` links go, and the record says so);
the first http(s) link as the item's link. The first picture attachment is noted, not
stored: the hub keeps no uploaded pictures yet (``Item.image_url`` holds only a
public address), so the record says it was left out. Attachments over the cap are
left out, saying so.
"""

from __future__ import annotations

import email
import email.errors
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

from hub.core.errors import HubError
from hub.core.ingest.sanitise import clean_summary

URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
SCRIPTED = re.compile(r"<\s*script\b|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
NEWS_TEXT = 600
"""Characters of text past which a message reads as news, whatever its punctuation."""
OWN_MESSAGE_ID = "hub.reply."
"""How the ids of the hub's own e-mails begin (``<hub.reply.DELIVERY@DOMAIN>``): with one of
the hub's domains, such a ``Message-ID`` is the hub's own mail come back. The domain alone
is not enough: the secretariat's people write from it too."""
IGNORED_PRECEDENCE = frozenset({"bulk", "list", "junk"})
STRUCTURAL_DEFECTS = (
    email.errors.NoBoundaryInMultipartDefect,
    email.errors.StartBoundaryNotFoundDefect,
    email.errors.CloseBoundaryNotFoundDefect,
    email.errors.MultipartInvariantViolationDefect,
    email.errors.MissingHeaderBodySeparatorDefect,
)


class MailRefused(HubError):
    """A message the hub cannot read (malformed MIME, no sender); the reason is the text."""


@dataclass(frozen=True)
class MailLimits:
    """Caps on what is read: a whole message, and one attachment."""

    max_message_bytes: int = 10 * 1024 * 1024
    max_attachment_bytes: int = 5 * 1024 * 1024


@dataclass(frozen=True)
class Picture:
    """A picture attachment: its name, type and size (the bytes are not kept)."""

    filename: str
    content_type: str
    size: int


@dataclass
class ReadMail:
    """One message, read."""

    message_id: str | None
    sender: str
    sender_name: str
    subject: str
    text: str
    html: str | None
    link: str | None
    recipients: list[str]
    references: str
    content_language: str | None = None
    picture: Picture | None = None
    attachments: int = 0
    ignored: str | None = None
    """Why the message is mail to ignore (an auto-reply, a list, a bounce), or None."""
    notes: list[str] = field(default_factory=list)
    """What was cleaned or left out, in words for the secretariat."""

    def is_question(self, questions_address: str | None) -> bool:
        """Whether the message asks something (see the module's docstring)."""
        if questions_address and questions_address.lower() in self.recipients:
            return True
        if self.link or self.attachments or len(self.text) > NEWS_TEXT:
            return False
        first = question_text(self.text).split("\n\n", 1)[0].strip()
        return any(_asks(part) for part in (self.subject, first))

    def question(self) -> str:
        """What the assistant is asked: the subject, then the text without quotes or signature."""
        body = question_text(self.text)
        subject = re.sub(r"^\s*((re|fwd?|aw|rv|tr)\s*:\s*)+", "", self.subject, flags=re.I)
        if subject and subject.strip().lower() not in body.lower():
            return f"{subject.strip()}\n{body}".strip()
        return body.strip()


def _asks(text: str) -> bool:
    text = text.strip()
    return bool(text) and (text.endswith("?") or text.startswith("¿"))


def question_text(text: str) -> str:
    """``text`` without quoted lines (``>``), a quote's header line, or the signature."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.rstrip() == "--" or line == "-- ":
            break  # the signature separator (RFC 3676 4.3)
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    while kept and re.search(r"\b(wrote|escribió|a écrit|va escriure|escreveu):\s*$", kept[-1]):
        kept.pop()
    return "\n".join(kept).strip()


def address_domain(address: str | None) -> str:
    return address.rsplit("@", 1)[1].strip(">").lower() if address and "@" in address else ""


def _ignored(
    message: Message, sender: str, own_addresses: set[str], own_domains: set[str]
) -> str | None:
    auto = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto and auto.split(";")[0].strip() != "no":
        return f"an automatic message (Auto-Submitted: {auto[:40]})"
    precedence = str(message.get("Precedence", "")).strip().lower()
    if precedence in IGNORED_PRECEDENCE:
        return f"bulk or list mail (Precedence: {precedence})"
    if message.get("List-Id") is not None:
        return "mailing-list mail (List-Id)"
    for header in ("X-Autoreply", "X-Autorespond"):
        if message.get(header) is not None:
            return f"an automatic reply ({header})"
    return_path = message.get("Return-Path")
    if return_path is not None and str(return_path).strip() in ("<>", ""):
        return "a delivery report (Return-Path: <>)"
    if message.get_content_type() == "multipart/report":
        return "a delivery report (multipart/report)"
    local = sender.split("@", 1)[0]
    if local in ("mailer-daemon", "postmaster"):
        return f"a delivery report (from {local})"
    if sender in own_addresses:
        return "mail the hub sent itself"
    message_id = str(message.get("Message-ID", "")).strip().strip("<>")
    if message_id.startswith(OWN_MESSAGE_ID) and address_domain(message_id) in own_domains:
        return "mail the hub sent itself (its own Message-ID)"
    return None


def _defects(message: Message) -> list[str]:
    found = []
    for part in message.walk():
        for defect in part.defects:
            if isinstance(defect, STRUCTURAL_DEFECTS):
                found.append(type(defect).__name__.removesuffix("Defect"))
    return found


def _text_of(part: Message) -> str:
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            return content if isinstance(content, str) else ""
        except (LookupError, ValueError, AssertionError):
            pass  # an unknown charset or a broken transfer encoding: decode leniently
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return payload.decode(part.get_content_charset() or "utf-8", errors="replace")


def read_mail(
    raw: bytes,
    *,
    limits: MailLimits | None = None,
    own_addresses: set[str] | frozenset[str] = frozenset(),
    own_domains: set[str] | frozenset[str] = frozenset(),
) -> ReadMail:
    """Read ``raw``; raises :class:`MailRefused` with the reason when it cannot be read."""
    limits = limits or MailLimits()
    if len(raw) > limits.max_message_bytes:
        raise MailRefused(
            f"the message is {len(raw) // 1024} KB, over the "
            f"{limits.max_message_bytes // 1024} KB cap (max_message_kb)"
        )
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
    except Exception as exc:  # the parser is lenient; anything it still raises is refused
        raise MailRefused(f"malformed message: {type(exc).__name__}") from None
    defects = _defects(message)
    if defects:
        raise MailRefused(f"malformed MIME ({', '.join(sorted(set(defects)))})")
    try:
        sender_name, sender = parseaddr(str(message.get("From", "")))
    except (ValueError, IndexError, TypeError):
        sender_name, sender = "", ""
    sender = sender.strip().lower()
    if "@" not in sender:
        raise MailRefused("the message has no sender address (From)")
    own_addresses = {a.lower() for a in own_addresses}
    own_domains = {d.lower() for d in own_domains}
    subject = " ".join(str(message.get("Subject", "")).split())
    message_id = str(message.get("Message-ID", "")).strip() or None
    recipients = [
        addr.lower()
        for _, addr in getaddresses(
            [str(v) for h in ("To", "Cc", "Delivered-To") for v in message.get_all(h, [])]
        )
        if addr
    ]
    earlier = " ".join(str(message.get("References", "")).split())
    references = " ".join(filter(None, [earlier, message_id]))
    read = ReadMail(
        message_id=message_id,
        sender=sender,
        sender_name=sender_name,
        subject=subject,
        text="",
        html=None,
        link=None,
        recipients=recipients,
        references=references[-4000:],
        content_language=(str(message.get("Content-Language", "")).strip()[:2].lower() or None),
        ignored=_ignored(message, sender, own_addresses, own_domains),
    )
    if read.ignored:
        return read
    _read_parts(message, read, limits)
    if not read.subject and not read.text:
        raise MailRefused("the message has neither a subject nor any text")
    return read


def _read_parts(message: Message, read: ReadMail, limits: MailLimits) -> None:
    plain: str | None = None
    html: str | None = None
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        disposition = part.get_content_disposition()
        filename = part.get_filename() or ""
        if disposition == "attachment" or (filename and not kind.startswith("text/")):
            _attachment(part, kind, filename, read, limits)
            continue
        if kind == "text/plain" and plain is None:
            plain = _text_of(part)
        elif kind == "text/html" and html is None:
            html = _text_of(part)
        elif kind.startswith("image/"):
            _attachment(part, kind, filename or "(inline picture)", read, limits)
    if html is not None and SCRIPTED.search(html):
        read.notes.append("HTML cleaned: scripts, event handlers or javascript: links removed")
    if plain is not None and plain.strip():
        read.text = plain.strip()
    elif html is not None:
        summary = clean_summary(html, None, limit=20_000)
        read.html = summary.html
        read.text = summary.text
    found = URL.search(read.html or "") or URL.search(read.text)
    read.link = found.group(0).rstrip(".,;:") if found else None


def _attachment(
    part: Message, kind: str, filename: str, read: ReadMail, limits: MailLimits
) -> None:
    payload = part.get_payload(decode=True)
    size = len(payload) if isinstance(payload, bytes) else 0
    name = filename or kind
    if size > limits.max_attachment_bytes:
        read.notes.append(
            f"attachment {name} left out: {size // 1024} KB, over the "
            f"{limits.max_attachment_bytes // 1024} KB cap (max_attachment_kb)"
        )
        return
    read.attachments += 1
    if kind.startswith("image/") and read.picture is None:
        read.picture = Picture(name, kind, size)
        read.notes.append(
            f"picture {name} ({max(1, size // 1024)} KB) not stored: the hub keeps no uploaded "
            "pictures yet, only a picture's public address"
        )
