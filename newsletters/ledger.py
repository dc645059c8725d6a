"""Mailchimp in the delivery ledger: an edition's campaign and its test sends as deliveries.

Everything else the hub sends is a :class:`~hub.core.models.Delivery` with its
attempts, and the console's Channels page and dashboard read their figures
from those rows. The newsletter is handed to Mailchimp by
:func:`newsletters.publish.push_edition` instead of by a worker, so this
module books what it asked Mailchimp, on the deployment's Mailchimp channel:

- one ``campaign`` delivery per edition (dedup key ``campaign:edition:ID``),
  whose every Mailchimp call (``push``, ``schedule``, ``send``) is a
  :class:`~hub.core.models.DeliveryAttempt` (``worker`` says which call; outcome
  ``sent`` or ``failed`` with Mailchimp's words). Its status follows the
  campaign: ``draft`` (it exists in Mailchimp, unsent), ``scheduled``
  (``due_at`` is the send time), ``sent`` (``sent_at``: when it went to the
  audience, ours or Mailchimp's ``send_time`` from the report), or
  ``failed`` while no campaign exists at all;
- one ``test_send`` delivery per test (``sent`` or ``failed``), counted
  apart from campaigns (see :data:`hub.core.bus.status.TEST_KINDS`).

Why deliveries rather than reading the editions table: the editions table
holds the campaign's state but neither its failed calls nor its test sends,
and the ledger is the one place where every message the hub sent, and every
attempt that failed, is written down. None of these rows is ever claimed by
a worker: ``draft`` and ``scheduled`` are not statuses the outbox claims, and
a ``failed`` campaign row carries no campaign id, so a requeue cannot send
anything (the Mailchimp sink refuses it and says why).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.bus import ledger_days
from hub.core.logs import redact
from hub.core.models import Channel, Delivery, DeliveryAttempt, NewsletterEdition

CAMPAIGN = "campaign"
TEST_SEND = "test_send"


def campaign_key(edition_id: int) -> str:
    """The dedup key of an edition's ``campaign`` delivery."""
    return f"campaign:edition:{edition_id}"


def mailchimp_channel_id(session: Session) -> int | None:
    """The Mailchimp channel's row (``newsletter`` by convention); None if there is none."""
    rows = session.execute(
        select(Channel.id, Channel.key).where(Channel.platform == "mailchimp").order_by(Channel.id)
    ).all()
    for channel_id, key in rows:
        if key == "newsletter":
            return int(channel_id)
    return int(rows[0][0]) if rows else None


def _payload(edition: NewsletterEdition, **extra: object) -> dict[str, object]:
    return {
        "title": edition.subject or "",
        "text": "",
        "language": edition.language,
        "extra": {
            "edition_id": edition.id,
            "campaign_id": edition.mailchimp_campaign_id,
            **extra,
        },
    }


def _attempt(
    session: Session, delivery: Delivery, action: str, now: dt.datetime, error: str | None
) -> None:
    delivery.attempts = (delivery.attempts or 0) + 1
    error = redact(error) if error else error  # Mailchimp's text may echo a key or an address
    delivery.last_error = error
    session.add(
        DeliveryAttempt(
            delivery_id=delivery.id,
            channel_id=delivery.channel_id,
            attempt=delivery.attempts,
            worker=f"mailchimp:{action}",
            started_at=now,
            finished_at=now,
            outcome="failed" if error else "sent",
            error=error,
        )
    )


def book_campaign(
    session: Session,
    edition: NewsletterEdition,
    *,
    now: dt.datetime,
    action: str | None = None,
    error: str | None = None,
) -> Delivery | None:
    """Bring the edition's ``campaign`` delivery up to date with the edition, and book the
    Mailchimp call ``action`` (``push``, ``schedule``, ``send``) as an attempt, failed when
    ``error`` is given. Without ``action`` (a report read) only the state is synced.

    Returns None, booking nothing, when the database has no Mailchimp channel."""
    channel_id = mailchimp_channel_id(session)
    if channel_id is None:
        return None
    key = campaign_key(edition.id)
    delivery = session.scalar(select(Delivery).where(Delivery.dedup_key == key))
    if delivery is None:
        if action is None:
            return None
        delivery = Delivery(
            channel_id=channel_id,
            kind=CAMPAIGN,
            dedup_key=key,
            mode="immediate",
            attempts=0,
            max_attempts=1,
            due_at=now,
            created_at=now,
        )
        session.add(delivery)
    delivery.payload = _payload(edition)
    delivery.platform_message_id = edition.mailchimp_campaign_id
    was_sent = delivery.sent_at if delivery.status == "sent" else None
    if edition.status == "sent":
        delivery.status = "sent"
        delivery.sent_at = edition.sent_at or delivery.sent_at or now
    elif edition.status == "scheduled" and edition.scheduled_for is not None:
        delivery.status, delivery.due_at = "scheduled", edition.scheduled_for
    elif edition.mailchimp_campaign_id:
        delivery.status = "draft"
    else:
        delivery.status = "failed"
    is_sent = delivery.sent_at if delivery.status == "sent" else None
    if was_sent != is_sent:
        # Mailchimp's send time may date the campaign into a day the ledger has sealed.
        for moment in (was_sent, is_sent):
            if moment is not None:
                ledger_days.reopen(session, moment)
    session.flush()
    if action is not None:
        _attempt(session, delivery, action, now, error)
        session.flush()
    return delivery


def book_test(
    session: Session,
    edition: NewsletterEdition,
    recipients: Sequence[str],
    *,
    now: dt.datetime,
    error: str | None = None,
) -> Delivery | None:
    """Book one test send of the edition's campaign (to ``recipients``, not the audience).

    The addresses themselves stay in the audit log; the ledger keeps how many."""
    channel_id = mailchimp_channel_id(session)
    if channel_id is None:
        return None
    delivery = Delivery(
        channel_id=channel_id,
        kind=TEST_SEND,
        dedup_key=f"test_send:edition:{edition.id}:{uuid.uuid4().hex}",
        mode="immediate",
        payload=_payload(edition, recipients=len(recipients)),
        status="failed" if error else "sent",
        attempts=0,
        max_attempts=1,
        due_at=now,
        created_at=now,
        sent_at=None if error else now,
        platform_message_id=edition.mailchimp_campaign_id,
    )
    session.add(delivery)
    session.flush()
    _attempt(session, delivery, "test", now, error)
    session.flush()
    return delivery
