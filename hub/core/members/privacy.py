"""Privacy requests: everything the hub holds about a member, and erasing it.

:func:`export_member` gathers the member's record, the items they submitted
(with where each was seen), their questions to the assistant and the
sources they own, as plain JSON-able data.

:func:`erase_member` removes personal data and keeps the statistics:

- the member row stays (so counts by country, region and type hold) but its
  contact name, e-mail, Slack and Telegram ids, preferred platform and topics
  are cleared, ``newsletter_status`` becomes ``erased`` and ``erased_at`` is
  set; the organisation's name is kept (membership of the network is public);
- their questions keep platform, language, intent, status, handoff and dates
  (the assistant's statistics) but lose the text, the answer, the reply and
  the chat reference, and are unlinked from the member;
- items they submitted stay (published news, and delivery statistics refer
  to them) but are unlinked from the member, and the chat references of
  their submissions (``item_origins.reply_to``) are cleared;
- the assistant's replies to them (``reply`` deliveries) keep their row and
  status but lose their payload (the text, the question, the chat reference);
- their reminders are deleted; platform events they sent (``inbox_events``
  naming their Slack user id or Telegram chat id) lose their payload;
- other deliveries are untouched: they name channels and items, not people.

Mailchimp's permanent delete belongs to the ``newsletters`` package; it is
called if that package provides ``erase_member`` (looked up lazily), and the
report says so either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, cast, delete, or_, select, update
from sqlalchemy.orm import Session

from hub.core.errors import HubError
from hub.core.models import (
    Delivery,
    InboxEvent,
    Item,
    ItemOrigin,
    Member,
    Question,
    Reminder,
    Source,
)

ERASED_TEXT = "[erased]"


def _plain(row: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    data = {}
    for column in row.__table__.columns:
        if column.key in skip:
            continue
        value = getattr(row, column.key)
        data[column.key] = value.isoformat() if isinstance(value, dt.date | dt.datetime) else value
    return data


def find_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise HubError(f"no member {member_id}")
    return member


def export_member(session: Session, member_id: int) -> dict[str, Any]:
    """Everything about one member, as JSON-able data."""
    member = find_member(session, member_id)
    items = session.scalars(select(Item).where(Item.member_id == member_id).order_by(Item.id)).all()
    origins = session.scalars(
        select(ItemOrigin).where(ItemOrigin.item_id.in_([i.id for i in items]))
    ).all()
    questions = session.scalars(
        select(Question).where(Question.member_id == member_id).order_by(Question.id)
    ).all()
    sources = session.scalars(select(Source).where(Source.member_id == member_id)).all()
    reminders = session.scalars(select(Reminder).where(Reminder.member_id == member_id)).all()
    return {
        "member": _plain(member),
        "items": [_plain(i) for i in items],
        "item_origins": [_plain(o) for o in origins],
        "questions": [_plain(q) for q in questions],
        "reminders": [_plain(r) for r in reminders],
        "replies": [_plain(d) for d in replies_to(session, [q.id for q in questions])],
        "inbox_events": [_plain(e) for e in inbox_events_of(session, member)],
        "sources": [_plain(s, skip=("etag", "last_modified")) for s in sources],
    }


def replies_to(session: Session, question_ids: list[int]) -> list[Delivery]:
    """The reply deliveries that answered these questions (their payload names the member)."""
    if not question_ids:
        return []
    wanted = set(question_ids)
    replies = session.scalars(select(Delivery).where(Delivery.kind == "reply"))
    return [d for d in replies if (d.payload or {}).get("extra", {}).get("question_id") in wanted]


def _mentions(value: Any, ids: set[str]) -> bool:
    """Whether a platform payload names one of ``ids`` as a user or chat id."""
    if isinstance(value, dict):
        return any(
            (key in ("id", "user", "user_id", "chat_id") and str(inner) in ids)
            or _mentions(inner, ids)
            for key, inner in value.items()
        )
    if isinstance(value, list):
        return any(_mentions(inner, ids) for inner in value)
    return False


def inbox_events_of(session: Session, member: Member) -> list[InboxEvent]:
    """Platform events sent by the member (their Slack user id or Telegram chat id)."""
    ids = {str(v) for v in (member.slack_user_id, member.telegram_chat_id) if v}
    if not ids:
        return []
    text = cast(InboxEvent.payload, Text)
    candidates = session.scalars(select(InboxEvent).where(or_(*(text.contains(i) for i in ids))))
    return [event for event in candidates if _mentions(event.payload, ids)]


@dataclass
class ErasureReport:
    """What :func:`erase_member` changed, and what it could not do."""

    member_id: int
    questions: int = 0
    items: int = 0
    origins: int = 0
    replies: int = 0
    reminders: int = 0
    inbox_events: int = 0
    mailchimp: str = ""
    notes: list[str] = field(default_factory=list)


def _count(result: Any) -> int:
    return int(result.rowcount or 0)


def erase_member(
    session: Session,
    member_id: int,
    now: dt.datetime,
    *,
    mailchimp: Callable[[str], object] | None = None,
    mailchimp_off: str | None = None,
) -> ErasureReport:
    """Remove a member's personal data in the caller's transaction (see the module docstring).

    ``mailchimp`` is called with the member's e-mail address before it is
    cleared (the caller binds the account); if it raises, nothing is erased.
    ``mailchimp_off`` says why a configured audience is not called (disabled, no
    key): the member is erased here and the report says what to delete by hand.
    """
    member = find_member(session, member_id)
    report = ErasureReport(member_id)
    if member.erased_at is not None:
        report.notes.append(f"already erased on {member.erased_at:%Y-%m-%d}; erased again")
    if member.email and mailchimp is not None:
        mailchimp(member.email)
        report.mailchimp = "deleted permanently from the Mailchimp audience"
    elif member.email and mailchimp_off:
        report.mailchimp = (
            f"not done: {mailchimp_off}; delete {member.email} permanently from the "
            "Mailchimp audience by hand (Audience, the contact, Actions, Permanently delete)"
        )
    elif member.email:
        report.mailchimp = (
            "not done: no Mailchimp audience is configured here; if the contact is in "
            "one, delete it permanently there by hand"
        )
    else:
        report.mailchimp = "nothing to do (no e-mail address)"
    question_ids = list(session.scalars(select(Question.id).where(Question.member_id == member_id)))
    for reply in replies_to(session, question_ids):
        reply.payload = {"erased": True}
        report.replies += 1
    for event in inbox_events_of(session, member):
        event.payload = {"erased": True}
        report.inbox_events += 1
    report.reminders = _count(
        session.execute(delete(Reminder).where(Reminder.member_id == member_id))
    )
    item_ids = list(session.scalars(select(Item.id).where(Item.member_id == member_id)))
    report.origins = _count(
        session.execute(
            update(ItemOrigin)
            .where(ItemOrigin.item_id.in_(item_ids), ItemOrigin.reply_to.is_not(None))
            .values(reply_to=None)
        )
    )
    report.items = _count(
        session.execute(update(Item).where(Item.member_id == member_id).values(member_id=None))
    )
    report.questions = _count(
        session.execute(
            update(Question)
            .where(Question.member_id == member_id)
            .values(
                member_id=None,
                text=ERASED_TEXT,
                answer=None,
                reply_text=None,
                reply_to=None,
                replied_by=None,
                sources=[],
            )
        )
    )
    member.contact_name = None
    member.email = None
    member.slack_user_id = None
    member.telegram_chat_id = None
    member.preferred_platform = None
    member.topics = []
    member.newsletter_status = "erased"
    member.erased_at = now
    session.flush()
    return report
