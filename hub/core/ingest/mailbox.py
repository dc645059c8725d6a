"""The ``mailbox`` source: an IMAP mailbox read by the hub, each message once.

One cycle, per enabled mailbox source (one after the other; one failing never stops
the next): log in over TLS (``imaps://``) or STARTTLS (``imap://``), select the folder,
find the messages it has not read (UIDs above the highest it recorded under the
folder's UIDVALIDITY, RFC 3501 2.3.1.1), and for each:

1. skip it when its size (``RFC822.SIZE``) is over the cap, without downloading it;
2. read it (:func:`hub.core.ingest.mail_reading.read_mail`) and, in one transaction,
   record it in :class:`~hub.core.models.MailboxMessage` and do what it asks for: an
   item waiting for moderation (a known member's news, or anything from an unknown
   sender, held), or an answer from the assistant queued as an e-mail reply (a known
   member's question) -- or nothing (auto-replies, lists, bounces: counted);
3. move it to ``processed_folder`` (``MOVE``, RFC 6851, else ``COPY`` and expunge),
   made on the first cycle when missing.

Recording comes before moving, so a crash between the two leaves a message that is
recorded but still there: the next cycle moves it without reading it again. A message
met under a new UIDVALIDITY is known by its ``Message-ID``. What went wrong or was
cleaned is written in words on the source's status (``last_problems``, ``last_error``),
which the console's source page shows. IDLE is not used: the mailbox is polled every
``interval_minutes``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import imaplib
import logging
import re
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hub.core.assistant.assistant import Assistant
from hub.core.assistant.store import ask_and_record, needs_secretariat
from hub.core.bus.outbox import enqueue
from hub.core.clock import Clock, clock_of
from hub.core.config.settings import Settings, SourceSettings
from hub.core.config.warnings import answering_channel
from hub.core.db import transaction
from hub.core.errors import HubError
from hub.core.ingest.mail_reading import (
    MailLimits,
    MailRefused,
    ReadMail,
    address_domain,
    read_mail,
)
from hub.core.logs import redact
from hub.core.models import MailboxMessage, Member, Source
from hub.core.moderation.submissions import SubmissionError, submission_candidate, submit

log = logging.getLogger(__name__)
MAILBOX_KIND = "mailbox"
REPLY_PLATFORM = "email"
BATCH = 200
"""Messages read per source and cycle; the rest wait for the next cycle."""
MAX_PROBLEMS = 20
IMAP_TIMEOUT = 30.0


class MailboxError(HubError):
    """The mailbox could not be read (login refused, no such folder, the server gone)."""


@dataclass
class MailboxOutcome:
    """What one cycle did with one mailbox."""

    key: str
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1


def due_mailboxes(session: Session, now: dt.datetime) -> list[Source]:
    query = (
        select(Source)
        .where(Source.enabled.is_(True), Source.kind == MAILBOX_KIND)
        .where(or_(Source.next_fetch_at.is_(None), Source.next_fetch_at <= now))
        .order_by(Source.id)
    )
    return list(session.scalars(query))


def _check(answer: tuple[str, Sequence[object]], what: str) -> Sequence[object]:
    status, data = answer
    if status != "OK":
        detail = b" ".join(d for d in data if isinstance(d, bytes)).decode(errors="replace")
        raise MailboxError(f"{what} failed: {detail[:200]}")
    return data


class ImapSession:
    """One logged-in IMAP connection (imaplib), closed by :meth:`close`."""

    def __init__(
        self, config: SourceSettings, password: str, context: ssl.SSLContext | None
    ) -> None:
        parts = urlsplit(config.url or "")
        host = parts.hostname or ""
        context = context or ssl.create_default_context()
        try:
            if parts.scheme == "imaps":
                self.imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                    host, parts.port or 993, ssl_context=context, timeout=IMAP_TIMEOUT
                )
            else:
                self.imap = imaplib.IMAP4(host, parts.port or 143, timeout=IMAP_TIMEOUT)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise MailboxError(f"cannot reach {host}: {redact(str(exc))}") from None
        try:
            if parts.scheme == "imap" and config.tls == "on":
                self.imap.starttls(context)
            _check(self.imap.login(config.username or "", password), "login")
        except (OSError, imaplib.IMAP4.error, MailboxError) as exc:
            with contextlib.suppress(OSError):
                self.imap.shutdown()
            raise MailboxError(f"cannot log in to {host}: {redact(str(exc))}") from None
        self.capabilities = {str(c).upper() for c in self.imap.capabilities}

    def select(self, folder: str) -> int:
        """Open ``folder`` for reading and writing; returns its UIDVALIDITY."""
        _check(self.imap.select(_quoted(folder)), f"opening folder {folder!r}")
        found = self.imap.response("UIDVALIDITY")[1]
        if not found or found[0] is None:
            raise MailboxError(f"the server gave no UIDVALIDITY for {folder!r}")
        return int(found[0])

    def ensure_folder(self, folder: str) -> None:
        status, data = self.imap.list('""', _quoted(folder))
        if status == "OK" and any(d for d in data if d):
            return
        status, data = self.imap.create(_quoted(folder))
        text = b" ".join(d for d in data if isinstance(d, bytes)).upper()
        if status != "OK" and b"ALREADYEXISTS" not in text:
            raise MailboxError(f"cannot create the folder {folder!r}: {text[:200]!r}")

    def uids_from(self, first: int) -> list[int]:
        data = _check(self.imap.uid("SEARCH", f"UID {first}:*"), "searching")
        found = data[0] if data and isinstance(data[0], bytes) else b""
        # "n:*" always takes the last message, even one below n (RFC 3501 6.4.8).
        return sorted(u for u in (int(x) for x in found.split()) if u >= first)

    def size(self, uid: int) -> int:
        data = _check(self.imap.uid("FETCH", str(uid), "(RFC822.SIZE)"), "reading a size")
        head = data[0] if data else b""
        found = re.search(rb"RFC822\.SIZE (\d+)", head if isinstance(head, bytes) else b"")
        return int(found.group(1)) if found else 0

    def fetch(self, uid: int) -> bytes:
        data = _check(self.imap.uid("FETCH", str(uid), "(BODY.PEEK[])"), "reading a message")
        for part in data:
            if isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], bytes):
                return part[1]
        raise MailboxError(f"the server sent no body for message {uid}")

    def move(self, uid: int, folder: str) -> None:
        if "MOVE" in self.capabilities:
            _check(self.imap.uid("MOVE", str(uid), _quoted(folder)), "moving a message")
            return
        _check(self.imap.uid("COPY", str(uid), _quoted(folder)), "copying a message")
        _check(self.imap.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)"), "flagging")
        if "UIDPLUS" in self.capabilities:
            _check(self.imap.uid("EXPUNGE", str(uid)), "expunging")
        else:
            _check(self.imap.expunge(), "expunging")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.imap.logout()


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


class MailboxPoller:
    """Reads every due mailbox source; ``clock`` gives the time (the engine's when not
    given: :func:`hub.core.clock.clock_of`).

    ``assistant`` answers questions (built from the database on the first question when
    not given); ``ssl_context`` checks the servers' certificates (the system's CAs when
    not given).
    """

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        *,
        assistant: Assistant | None = None,
        clock: Clock | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.assistant = assistant
        self.clock = clock or clock_of(engine)
        self.ssl_context = ssl_context

    async def run_once(self) -> list[MailboxOutcome]:
        """Read every due mailbox once, each in a worker thread (imaplib blocks)."""
        with Session(self.engine) as session:
            keys = [s.key for s in due_mailboxes(session, self.clock())]
        outcomes = []
        for key in keys:
            try:
                outcomes.append(await asyncio.to_thread(self.poll, key))
            except Exception as exc:  # a bug must not stop the other sources
                log.exception("reading the mailbox %s failed unexpectedly", key)
                outcomes.append(MailboxOutcome(key, f"internal error: {exc}"))
        return outcomes

    async def run(self, stop: asyncio.Event, *, idle_seconds: float = 30.0) -> None:
        """Read the mailboxes until ``stop`` is set."""
        while not stop.is_set():
            await self.run_once()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=idle_seconds)

    def poll(self, key: str) -> MailboxOutcome:
        """Read one mailbox source now; its status is written whatever happens."""
        outcome = MailboxOutcome(key)
        config = self.settings.sources.get(key)
        password = self.settings.source_secret(key) if config else None
        if config is None or config.kind != MAILBOX_KIND:
            outcome.error = f"source {key!r} is not a mailbox in {self.settings.path}"
        elif not password:
            outcome.error = f"the environment variable {config.password_env} is not set"
        else:
            try:
                self._read(key, config, password, outcome)
            except MailboxError as exc:
                outcome.error = str(exc)
            except (OSError, imaplib.IMAP4.error) as exc:
                outcome.error = f"the mailbox server failed: {redact(str(exc))}"
        self._write_status(key, outcome)
        return outcome

    def _read(
        self, key: str, config: SourceSettings, password: str, outcome: MailboxOutcome
    ) -> None:
        with Session(self.engine) as session:
            source = session.scalars(select(Source).where(Source.key == key)).one()
            source_id = source.id
        imap = ImapSession(config, password, self.ssl_context)
        try:
            if config.processed_folder:
                imap.ensure_folder(config.processed_folder)
            validity = imap.select(config.folder)
            with Session(self.engine) as session:
                known = session.scalar(
                    select(func.max(MailboxMessage.uid)).where(
                        MailboxMessage.source_id == source_id,
                        MailboxMessage.uidvalidity == validity,
                    )
                )
            # With a processed folder the folder holds only what is left to read (and
            # what a crash left recorded but unmoved): look at all of it.
            first = 1 if config.processed_folder else (known or 0) + 1
            for uid in imap.uids_from(first)[:BATCH]:
                self._one(imap, config, source_id, validity, uid, outcome)
        finally:
            imap.close()

    def _one(
        self,
        imap: ImapSession,
        config: SourceSettings,
        source_id: int,
        validity: int,
        uid: int,
        outcome: MailboxOutcome,
    ) -> None:
        with Session(self.engine) as session:
            seen = session.scalar(
                select(MailboxMessage.id).where(
                    MailboxMessage.source_id == source_id,
                    MailboxMessage.uidvalidity == validity,
                    MailboxMessage.uid == uid,
                )
            )
        if seen is None:
            limits = MailLimits(config.max_message_kb * 1024, config.max_attachment_kb * 1024)
            size = imap.size(uid)
            raw = b"" if size > limits.max_message_bytes else imap.fetch(uid)
            try:
                self._record(config, source_id, validity, uid, size, raw, limits, outcome)
            except Exception as exc:  # a bug on one message must not hold up the mailbox
                log.exception("message %s of %s could not be read", uid, config.title)
                reason = f"refused: the hub could not read it ({type(exc).__name__})"
                with transaction(self.engine) as session:
                    session.add(
                        MailboxMessage(
                            source_id=source_id,
                            uidvalidity=validity,
                            uid=uid,
                            outcome="refused",
                            reason=reason,
                        )
                    )
                outcome.add("refused")
                outcome.problems.append(f"message {uid}: {reason}")
        else:
            outcome.add("already_read")
        if config.processed_folder:
            imap.move(uid, config.processed_folder)

    def _own(self, config: SourceSettings) -> tuple[set[str], set[str]]:
        addresses = {(config.username or "").lower()}
        channel = self.settings.channels.get(config.reply_channel or "")
        if channel is not None:
            addresses.add(channel.target.lower())
        for ch in self.settings.channels.values():
            if ch.platform == REPLY_PLATFORM:
                addresses.add(ch.target.lower())
        domains = {address_domain(a) for a in addresses if "@" in a}
        public = urlsplit(self.settings.hub.public_url or "").hostname
        if public:
            domains.add(public.lower())
        return {a for a in addresses if a}, domains

    def _record(
        self,
        config: SourceSettings,
        source_id: int,
        validity: int,
        uid: int,
        size: int,
        raw: bytes,
        limits: MailLimits,
        outcome: MailboxOutcome,
    ) -> None:
        now = self.clock()
        row = MailboxMessage(source_id=source_id, uidvalidity=validity, uid=uid, outcome="refused")
        mail: ReadMail | None = None
        if not raw:
            row.reason = (
                f"refused: the message is {size // 1024} KB, over the "
                f"{limits.max_message_bytes // 1024} KB cap (max_message_kb); not downloaded"
            )
        else:
            addresses, domains = self._own(config)
            try:
                mail = read_mail(raw, limits=limits, own_addresses=addresses, own_domains=domains)
            except MailRefused as exc:
                row.reason = f"refused: {exc}"
        try:
            with transaction(self.engine) as session:
                if mail is not None:
                    row.message_id = (mail.message_id or "")[:500] or None
                    row.sender = mail.sender[:320]
                    row.subject = mail.subject[:500]
                    row.references = mail.references
                    if row.message_id and _seen_message(session, source_id, row.message_id):
                        row.outcome, row.reason = "duplicate", "already read (same Message-ID)"
                    else:
                        self._act(session, config, source_id, mail, row, now)
                session.add(row)
        except IntegrityError:  # another poller recorded the same UID first
            outcome.add("already_read")
            return
        except HubError as exc:  # what it asked for could not be done: say so, keep it
            row.outcome, row.reason = "refused", f"refused: {exc}"
            row.item_id = row.question_id = None
            with transaction(self.engine) as session:
                session.add(row)
        outcome.add(row.outcome)
        if row.reason and row.outcome != "ignored":
            who = row.sender or "unknown sender"
            outcome.problems.append(f"message {uid} from {who}: {row.reason}")

    def _act(
        self,
        session: Session,
        config: SourceSettings,
        source_id: int,
        mail: ReadMail,
        row: MailboxMessage,
        now: dt.datetime,
    ) -> None:
        notes = list(mail.notes)
        if mail.ignored:
            row.outcome, row.reason = "ignored", f"ignored: {mail.ignored}"
            return
        member = session.scalars(
            select(Member)
            .where(func.lower(Member.email) == mail.sender, Member.erased_at.is_(None))
            .limit(1)
        ).first()
        asks = member is not None and mail.is_question(config.questions_address)
        channel = answering_channel(self.settings, row_source_key(session, source_id))
        if asks and channel is None:
            notes.insert(0, "a question kept as news: no enabled email channel to answer through")
        if member is not None and asks and channel is not None:
            self._answer(session, channel, mail, member, row, now)
        else:
            self._submit(session, config, source_id, mail, member, row, now)
            if member is None:
                notes.insert(0, "held for moderation: the sender is not a known member")
        row.reason = "; ".join(filter(None, [row.reason, *notes])) or None

    def _submit(
        self,
        session: Session,
        config: SourceSettings,
        source_id: int,
        mail: ReadMail,
        member: Member | None,
        row: MailboxMessage,
        now: dt.datetime,
    ) -> None:
        source = session.get(Source, source_id)
        assert source is not None
        try:
            candidate = submission_candidate(
                external_id=mail.message_id or f"uid:{row.uidvalidity}:{row.uid}",
                title=mail.subject or mail.text.split("\n", 1)[0][:200],
                text=mail.html or mail.text,
                text_is_html=mail.html is not None,
                link=mail.link,
                now=now,
                default_language=mail.content_language or config.language,
            )
        except SubmissionError as exc:
            raise MailRefused(str(exc)) from None
        report = submit(
            session,
            source,
            candidate,
            platform=REPLY_PLATFORM,
            reply_to=mail.sender[:200],
            member_id=member.id if member else None,
            settings=self.settings,
            now=now,
        )
        items = report.created or report.merged or report.updated or report.translated
        row.item_id = items[0].id if items else None
        row.outcome = "item" if member is not None else "held"

    def _answer(
        self,
        session: Session,
        channel: str,
        mail: ReadMail,
        member: Member,
        row: MailboxMessage,
        now: dt.datetime,
    ) -> None:
        if self.assistant is None:
            self.assistant = Assistant.from_session(session)
        answer = ask_and_record(
            session,
            self.assistant,
            mail.question()[:4000],
            platform=REPLY_PLATFORM,
            reply_to=mail.sender[:200],
            member_id=member.id,
            now=now,
            member=member,
            notify_channel=self.settings.hub.secretariat_channel,
            timezone=self.settings.hub.timezone,
        )
        row.outcome, row.question_id = "question", answer.question_id
        row.reason = "handed to the secretariat" if needs_secretariat(answer) else None
        session.flush()
        enqueue(
            session,
            channel_key=channel,
            kind="reply",
            payload={
                "title": "",
                "text": answer.answer,
                "language": answer.language,
                "extra": {
                    "reply_to": mail.sender,
                    "platform": REPLY_PLATFORM,
                    "question_id": answer.question_id,
                    "automatic": True,
                    **thread_of(row),
                },
            },
            dedup_key=f"mail-answer:{answer.question_id}",
            now=now,
        )

    def _write_status(self, key: str, outcome: MailboxOutcome) -> None:
        now = self.clock()
        with transaction(self.engine) as session:
            source = session.scalars(select(Source).where(Source.key == key)).one()
            source.last_fetched_at = now
            source.next_fetch_at = now + dt.timedelta(minutes=source.interval_minutes)
            if outcome.error:
                source.last_error = redact(outcome.error)
                source.consecutive_failures = (source.consecutive_failures or 0) + 1
                return
            source.last_success_at = now
            source.last_error = None
            source.consecutive_failures = 0
            ignored = outcome.counts.get("ignored", 0)
            lines = list(outcome.problems)
            if ignored:
                lines.append(
                    f"{ignored} automatic message(s) ignored (auto-replies, bounces, lists)"
                )
            if lines:  # a quiet cycle keeps the last cycle's words on the page
                source.last_problems = [*lines, *(source.last_problems or [])][:MAX_PROBLEMS]


def row_source_key(session: Session, source_id: int) -> str:
    source = session.get(Source, source_id)
    assert source is not None
    return source.key


def _seen_message(session: Session, source_id: int, message_id: str) -> bool:
    found = session.scalar(
        select(MailboxMessage.id)
        .where(MailboxMessage.source_id == source_id, MailboxMessage.message_id == message_id)
        .limit(1)
    )
    return found is not None


def thread_of(row: MailboxMessage) -> dict[str, str]:
    """The headers a reply to ``row`` carries (RFC 5322 3.6.4): ``In-Reply-To`` is the
    message's id, ``References`` its thread, ``subject`` its subject."""
    headers = {"subject": row.subject or ""}
    if row.message_id:
        headers["in_reply_to"] = row.message_id
    if row.references:
        headers["references"] = row.references
    return headers


def question_thread(session: Session, question_id: int) -> dict[str, str]:
    """The thread a reply to question ``question_id`` continues, if it came by mail."""
    row = session.scalars(
        select(MailboxMessage).where(MailboxMessage.question_id == question_id).limit(1)
    ).first()
    return thread_of(row) if row is not None else {}
