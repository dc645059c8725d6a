"""The delivery state machine: every status, kind and outcome, and who moves what where.

A delivery (one message to one channel, a row of ``deliveries``) has a **kind**
and a **status**. The statuses and the transitions between them, each done by one
function of :mod:`hub.core.bus.outbox` (the only module that writes ``status``)::

    held ──digest_held──> digested            a digest item, taken into a roundup
    digested ──undigest_failed_roundups──> held   its roundup failed: into the next one
    held ──mark_posted──> sent                 a draft for a manual channel (X, LinkedIn,
                                              ...), posted by a person with its URL
    (router: a digest channel holds items for its roundup, a manual one for a person;
    an immediate one queues them)

    pending ──claim_due──> in_flight ──record_results──> sent
                                      ├─record_results─> pending     retry, due later
                                      ├─record_results─> pending     given back unsent
                                      ├─record_results─> failed      permanent error
                                      └─record_results─> dead        out of attempts
            in_flight ──sweep_expired──> pending | dead              lease ran out (worker died)
            in_flight ──release_leases─> pending                     the process stopped
    failed | dead ──requeue──> pending                               a person asked again
    pending | held ──cancel_unsent──> cancelled                      the item was retracted

A Mailchimp campaign is not sent by a worker: ``newsletters.ledger`` books its
push, schedule and send as attempts on one ``campaign`` delivery, whose status
follows the campaign (``draft`` -> ``scheduled`` -> ``sent``, or ``failed``).

The database refuses any other value (CHECK constraints, migration 0011).
"""

from __future__ import annotations

from enum import StrEnum


class DeliveryStatus(StrEnum):
    """Where a delivery stands."""

    HELD = "held"
    PENDING = "pending"
    IN_FLIGHT = "in_flight"
    SENT = "sent"
    FAILED = "failed"
    DEAD = "dead"
    DIGESTED = "digested"
    CANCELLED = "cancelled"
    DRAFT = "draft"
    SCHEDULED = "scheduled"


class DeliveryKind(StrEnum):
    """What a delivery carries."""

    ITEM = "item"
    """One news item to a channel."""
    ROUNDUP = "roundup"
    """A channel's digest of a period's items."""
    ALERT = "alert"
    """A warning to the secretariat's channel."""
    REPLY = "reply"
    """A private message to a member: an answer, a notice, a reminder, a link."""
    CORRECTION = "correction"
    """An edit of a message already posted."""
    RETRACTION = "retraction"
    """The removal of a message already posted."""
    CAMPAIGN = "campaign"
    """A newsletter edition as a Mailchimp campaign (booked by ``newsletters.ledger``)."""
    TEST_SEND = "test_send"
    """A Mailchimp test e-mail of an edition."""


class AttemptOutcome(StrEnum):
    """How one attempt ended (``delivery_attempts.outcome``)."""

    SENT = "sent"
    RETRY = "retry"
    FAILED = "failed"
    DEAD = "dead"
    RELEASED = "released"
    """Given back unsent; not written to the attempt history."""


class ErrorKind(StrEnum):
    """Why the last attempt failed, for people and filters (``deliveries.error_kind``).

    The delivery errors of :mod:`hub.core.errors` are stored under their class name
    (``RateLimited``, ``ChannelGone``...); these are the hub's own reasons besides.
    """

    UNEXPECTED = "Unexpected"
    """The sink raised something that is not a delivery error (a bug)."""
    LEASE_EXPIRED = "LeaseExpired"
    RELEASED_AT_SHUTDOWN = "ReleasedAtShutdown"
    RETRACTED = "Retracted"


DEFAULT_MAX_ATTEMPTS = 8
"""Attempts before a delivery is dead, unless its row says otherwise."""

PENDING_OR_HELD = (DeliveryStatus.PENDING, DeliveryStatus.HELD)
"""Not sent yet, and not being sent: what a retraction cancels."""
UNSUCCESSFUL = (DeliveryStatus.FAILED, DeliveryStatus.DEAD)
"""Ended without success: what a person may requeue."""
LIVE = (DeliveryStatus.PENDING, DeliveryStatus.IN_FLIGHT, DeliveryStatus.HELD, DeliveryStatus.SENT)
"""On its way or delivered."""
GAVE_UP = (AttemptOutcome.FAILED, AttemptOutcome.DEAD)
"""Attempts after which the hub stopped trying."""


def sql_in(column: str, values: type[StrEnum]) -> str:
    """A CHECK expression allowing exactly ``values`` in ``column``."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"
