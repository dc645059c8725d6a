"""The assistant and the database: questions, handoffs, the secretariat's replies, reminders.

- :func:`ask_and_record` answers and stores the :class:`~hub.core.models.Question`
  (``status`` ``answered``, or ``open`` with ``handoff`` set: the console's
  queue, also when only a part of it was passed on), and the reminder the member
  asked for, if any.
- :func:`answer_reply` records the secretariat's reply and queues it to the
  member on the platform they asked from (one delivery per question).
- :func:`save_reply_as_knowledge` keeps a replied question and its reply as
  an FAQ entry (one click on the console's Questions page): the next member
  who asks the same thing is answered from it, in any language the entry is
  written in (the secretariat adds translations in the Knowledge pages).
- :func:`due_reminders` queues every reminder that has fallen due; the
  scheduler calls it.

Replies and reminders go through the outbox as ``kind="reply"`` deliveries
whose payload carries the member's address in ``extra["reply_to"]``; the
channel is the platform's ``<platform>_assistant`` channel if configured,
else its first enabled channel.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.assistant.assistant import Answer, Assistant, HasLanguage, ReminderRequest
from hub.core.assistant.reminding import Remindable
from hub.core.assistant.tables import load_tables
from hub.core.bus.outbox import enqueue
from hub.core.errors import HubError
from hub.core.members.addressing import address_member
from hub.core.members.links import mark_seen
from hub.core.metrics import observe_answer_latency
from hub.core.models import Channel, Delivery, KnowledgeEntry, Member, Question, Reminder

log = logging.getLogger(__name__)


def ask_and_record(
    session: Session,
    assistant: Assistant,
    text: str,
    *,
    platform: str,
    reply_to: str | None,
    member_id: int | None,
    now: dt.datetime,
    lang: str | None = None,
    member: HasLanguage | None = None,
    notify_channel: str | None = None,
    timezone: str = "UTC",
) -> Answer:
    """Answer ``text`` and store the question (and reminder); the caller commits.

    A reminder leaves at :data:`REMINDER_HOUR` on the member's clock on the day
    the assistant told them (the day before the date): their time zone
    (``Member.timezone``), else ``timezone`` (the deployment's).

    With ``notify_channel`` (the deployment's ``hub.secretariat_channel``), a
    handed-off question is also announced there as an ``alert`` delivery.
    """
    assistant.refresh(session)  # edits made in the console since the index was built
    started = time.perf_counter()
    answer = assistant.answer(text, now=now, lang=lang, member=member)
    observe_answer_latency(time.perf_counter() - started)
    waiting = needs_secretariat(answer)
    question = Question(
        member_id=member_id,
        platform=platform,
        reply_to=reply_to,
        text=text,
        language=answer.language,
        intent=answer.intent,
        confidence=answer.confidence,
        answer=answer.answer,
        sources=list(answer.sources),
        handoff=waiting,
        status="open" if waiting else "answered",
    )
    session.add(question)
    session.flush()
    answer.question_id = question.id
    mark_seen(session, member_id, now)
    if waiting and notify_channel:
        part = " (one part of it)" if answer.passed_on is not None else ""
        enqueue(
            session,
            channel_key=notify_channel,
            kind="alert",
            payload={
                "title": (
                    f"Question #{question.id} ({platform}, {answer.language}) needs a reply{part}"
                ),
                "text": answer.passed_on or text,
                "language": "en",
                "extra": {"question_id": question.id, "platform": platform},
            },
            dedup_key=f"handoff:{question.id}",
            now=now,
        )
    if answer.reminder is not None:
        add_reminder(
            session,
            answer.reminder,
            question_id=question.id,
            member_id=member_id,
            platform=platform,
            reply_to=reply_to,
            language=answer.language,
            now=now,
            timezone=timezone,
        )
    return answer


def needs_secretariat(answer: Answer) -> bool:
    """Whether the secretariat must answer the question, or a part of it: a handoff, or an
    answer that passed a part the records do not answer to the secretariat
    (:attr:`Answer.passed_on`). Stored as ``handoff`` with ``status`` ``open``, such a
    question waits in the console's queue, beside what the assistant already said."""
    return answer.handoff or answer.passed_on is not None


def add_reminder(
    session: Session,
    about: ReminderRequest | Remindable,
    *,
    member_id: int | None,
    platform: str,
    reply_to: str | None,
    language: str,
    now: dt.datetime,
    timezone: str = "UTC",
    question_id: int | None = None,
) -> Reminder:
    """Keep a reminder of ``about`` for the member at ``reply_to``; the caller commits.

    It leaves at :data:`REMINDER_HOUR` on the member's clock (``Member.timezone``, else
    ``timezone``, the deployment's) on the day before the date. A pending reminder of the
    same record, day and chat is the same reminder: asking twice (a button tapped twice)
    keeps one.
    """
    owner = session.get(Member, member_id) if member_id is not None else None
    zone = (owner.timezone if owner is not None else None) or timezone
    at = reminder_time(about.remind_at.date(), zone, now)
    same = session.scalars(
        select(Reminder).where(
            Reminder.status == "pending",
            Reminder.platform == platform,
            Reminder.reply_to == reply_to,
            Reminder.record_id == about.record_id,
            Reminder.label == about.label,
            Reminder.remind_at == at,
        )
    ).first()
    if same is not None:
        return same
    reminder = Reminder(
        question_id=question_id,
        member_id=member_id,
        platform=platform,
        reply_to=reply_to,
        language=language,
        record_id=about.record_id,
        label=about.label,
        when_text=about.when,
        remind_at=at,
        status="pending",
    )
    session.add(reminder)
    session.flush()
    return reminder


def pending_reminders(
    session: Session, *, platform: str, reply_to: str, limit: int = 10
) -> list[Reminder]:
    """The reminders still to leave for the chat ``reply_to`` on ``platform``, soonest first."""
    query = (
        select(Reminder)
        .where(
            Reminder.status == "pending",
            Reminder.platform == platform,
            Reminder.reply_to == reply_to,
        )
        .order_by(Reminder.status, Reminder.remind_at)
        .limit(limit)
    )
    return list(session.scalars(query))


def cancel_reminder(
    session: Session, reminder_id: int, *, platform: str, reply_to: str
) -> Reminder | None:
    """Cancel the pending reminder ``reminder_id`` if it is the chat ``reply_to``'s own;
    None when it is not (someone else's, already sent, cancelled or unknown)."""
    reminder = session.get(Reminder, reminder_id)
    if reminder is None or (reminder.platform, reminder.reply_to) != (platform, reply_to):
        return None
    if reminder.status != "pending":
        return None
    reminder.status = "cancelled"
    session.flush()
    return reminder


REMINDER_HOUR = dt.time(9, 0)
"""Reminders leave at this time on the member's clock (within minutes: the reminders
schedule runs every few minutes)."""


def reminder_time(day: dt.date, timezone: str, now: dt.datetime) -> dt.datetime:
    """The UTC instant of :data:`REMINDER_HOUR` on ``day`` in ``timezone`` (``now`` if past)."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    moment = dt.datetime.combine(day, REMINDER_HOUR, tzinfo=zone).astimezone(dt.UTC)
    return max(moment, now)


def open_questions(session: Session, limit: int = 100) -> list[Question]:
    """The console's queue: handed-off questions still waiting for a reply, oldest first."""
    query = select(Question).where(Question.status == "open").order_by(Question.id).limit(limit)
    return list(session.scalars(query))


def reply_channel(session: Session, platform: str) -> str:
    """The channel key replies to ``platform`` go through."""
    rows = session.execute(
        select(Channel.key)
        .where(Channel.platform == platform, Channel.enabled.is_(True))
        .order_by(Channel.id)
    ).scalars()
    keys = list(rows)
    if not keys:
        raise HubError(f"no enabled {platform} channel to send the reply through")
    preferred = f"{platform}_assistant"
    return preferred if preferred in keys else keys[0]


def answer_reply(
    session: Session,
    question_id: int,
    text: str,
    by: str,
    now: dt.datetime,
    *,
    channel_key: str | None = None,
) -> Delivery:
    """Record the secretariat's reply and queue it to the member (once per question)."""
    question = session.get(Question, question_id)
    if question is None:
        raise HubError(f"no question {question_id}")
    if not text.strip():
        raise HubError("the reply is empty")
    question.reply_text = text
    question.replied_by = by
    question.replied_at = now
    question.status = "replied"
    member = session.get(Member, question.member_id) if question.member_id else None
    # The reply goes where the member follows the network now (their preferences).
    to = address_member(
        member,
        platform=question.platform,
        reply_to=question.reply_to,
        language=question.language,
        languages=(question.language,) if question.language else (),
    )
    platform = question.platform if to.opted_out or not to.platform else to.platform
    if platform != question.platform:
        channel_key = None
    extra: dict[str, object] = {
        "reply_to": to.reply_to if platform != question.platform else question.reply_to,
        "platform": platform,
        "question_id": question.id,
        "question": question.text,
    }
    if platform == question.platform:
        from hub.core.ingest.mailbox import question_thread  # a question that came by mail

        extra.update(question_thread(session, question.id))
    payload = {"title": "", "text": text, "language": question.language, "extra": extra}
    return enqueue(
        session,
        channel_key=channel_key or reply_channel(session, platform),
        kind="reply",
        payload=payload,
        dedup_key=f"reply:{question_id}",
        now=now,
    )


class NotSaveable(HubError):
    """This question cannot be kept as knowledge (not replied yet, or already kept)."""


def saved_entry_id(question_id: int) -> str:
    """The id of the FAQ entry a question's reply is kept as."""
    return f"faq-question-{question_id}"


def save_reply_as_knowledge(
    session: Session, question_id: int, *, by: str, now: dt.datetime
) -> KnowledgeEntry:
    """Keep a replied question as an FAQ entry: the question is its name and first variant,
    the reply its answer, both in the question's language; who saved it and when are kept.

    The knowledge revision moves with the new row, so every assistant rebuilds its index
    (:meth:`~hub.core.assistant.Assistant.refresh`) before its next answer.
    """
    question = session.get(Question, question_id)
    if question is None:
        raise NotSaveable(f"there is no question {question_id}")
    if not question.reply_text or not question.reply_text.strip():
        raise NotSaveable(f"question {question_id} has no reply yet")
    entry_id = saved_entry_id(question_id)
    if session.get(KnowledgeEntry, entry_id) is not None:
        raise NotSaveable(f"question {question_id} is already kept as {entry_id}")
    language = question.language or "en"
    entry = KnowledgeEntry(
        id=entry_id,
        kind="faq",
        name={language: " ".join(question.text.split())[:300]},
        body={language: question.reply_text.strip()},
        data={
            "origin": "console",
            "questions": [question.text],
            "from_question": question_id,
            "replied_by": question.replied_by,
        },
        edited_at=now,
        edited_by=by,
        created_at=now,
        updated_at=now,
    )
    session.add(entry)
    session.flush()
    return entry


def due_reminders(session: Session, now: dt.datetime, *, limit: int = 500) -> int:
    """Queue every pending reminder due by ``now``; returns how many were queued."""
    tables = load_tables()
    due = session.scalars(
        select(Reminder)
        .where(Reminder.status == "pending", Reminder.remind_at <= now)
        .order_by(Reminder.status, Reminder.remind_at)
        .limit(limit)
    ).all()
    queued = 0
    channels: dict[str, str | None] = {}
    member_ids = {r.member_id for r in due if r.member_id is not None}
    members = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(member_ids)))}
    for reminder in due:
        # Where the member follows the network now; the language they were told the date in.
        to = address_member(
            members.get(reminder.member_id) if reminder.member_id else None,
            platform=reminder.platform,
            reply_to=reminder.reply_to,
            language=reminder.language,
            languages=(reminder.language,),
        )
        if to.opted_out or not to.platform:
            reminder.status = "opted_out"
            continue
        if to.platform not in channels:
            try:
                channels[to.platform] = reply_channel(session, to.platform)
            except HubError as error:
                log.warning("reminder %s not sent: %s", reminder.id, error)
                channels[to.platform] = None
        channel_key = channels[to.platform]
        if channel_key is None:
            reminder.status = "no_channel"
            continue
        text = tables.phrase(
            "reminder_due", reminder.language, target=reminder.label, when=reminder.when_text
        )
        payload = {
            "title": "",
            "text": text,
            "language": reminder.language,
            "extra": {
                "reply_to": to.reply_to,
                "platform": to.platform,
                "reminder_id": reminder.id,
                "record_id": reminder.record_id,
            },
        }
        enqueue(
            session,
            channel_key=channel_key,
            kind="reply",
            payload=payload,
            dedup_key=f"reminder:{reminder.id}",
            now=now,
        )
        reminder.status = "queued"
        reminder.sent_at = now
        queued += 1
    session.flush()
    return queued
