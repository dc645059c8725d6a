"""The outbox: delivery rows as a durable queue, claimed and recorded in batches.

Every change of a delivery's status is a function here; :mod:`hub.core.bus.states`
draws them all. ``in_flight`` rows are leased until ``lease_until`` by the claim
token in ``leased_by``.

Every write that finishes a lease is fenced by the claim token: a worker
whose lease expired and was taken over cannot overwrite the new owner's
result. (The token is the claim's ``leased_by`` rather than ``attempts``, so
that a claim given back unsent does not count as an attempt.)

One transaction per batch, not per row: that is what makes the queue fast on
PostgreSQL. The claim orders by ``(status, due_at)``, the index it filters
on, which keeps SQLite from sorting every pending row at each claim; what it
shares with the platform inbox (the claim's lock and order, the lease, the
insert that skips duplicates) is in :mod:`hub.core.bus.queue`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, case, func, select, text, update
from sqlalchemy.orm import Session

from hub.core.bus import queue
from hub.core.bus.states import (
    DEFAULT_MAX_ATTEMPTS,
    PENDING_OR_HELD,
    UNSUCCESSFUL,
    AttemptOutcome,
    DeliveryKind,
    DeliveryStatus,
    ErrorKind,
)
from hub.core.errors import HubError
from hub.core.models import Channel, Delivery, DeliveryAttempt
from hub.core.ports import part_ids, quick_init

NOTIFY_CHANNEL = "hub_deliveries"
"""PostgreSQL LISTEN/NOTIFY channel; migration 0002's trigger notifies it on insert."""

deliveries = cast("Table", Delivery.__table__)
attempts_table = cast("Table", DeliveryAttempt.__table__)
Executor = Connection | Session


@quick_init
@dataclass(frozen=True)
class Claim:
    """A delivery leased to this worker; ``token`` fences every write that ends the lease.

    ``previous_error`` is the last error recorded before this claim (a sweep writes
    one when a lease expired): with ``attempt`` it tells whether an earlier
    attempt may have reached the platform unrecorded (:attr:`in_doubt`).
    """

    id: int
    item_id: int | None
    channel_id: int
    kind: str
    payload: dict[str, Any]
    attempt: int
    max_attempts: int
    token: str
    previous_error: str | None = None
    posted: tuple[str, ...] = ()
    """The parts of a thread an earlier attempt posted and recorded (not yet ``sent``)."""

    @property
    def in_doubt(self) -> bool:
        """An earlier claim of this delivery ended without a recorded success.

        True from the second attempt on (the first was claimed and did not end
        ``sent``: killed, lease expired, timeout, 5xx, 429), and after a requeue of
        a failed or dead delivery (``attempts`` is reset but the error is kept).
        A claim given back unsent does not count: its attempt is undone.
        """
        return self.attempt > 1 or self.previous_error is not None


@dataclass
class Result:
    """How one claimed delivery ended this time; ``outcome`` says which fields matter.

    ``sent`` (with ``platform_message_id``), ``retry`` (``due_at``), ``failed`` or
    ``dead`` (``error``), or ``released`` (given back unsent, ``due_at``).
    """

    claim: Claim
    outcome: AttemptOutcome
    started_at: dt.datetime
    finished_at: dt.datetime
    platform_message_id: str | None = None
    error: str | None = None
    error_kind: str | None = None
    due_at: dt.datetime | None = None
    worker: str | None = field(default=None)


def _rowcount(result: Any) -> int:
    """Rows an UPDATE matched (a Session's ``execute`` is typed as a plain ``Result``)."""
    return int(result.rowcount or 0)


def insert_ignoring_duplicates(
    executor: Executor, rows: Sequence[dict[str, Any]], unique: list[str]
) -> None:
    """Insert delivery rows; a row clashing on the ``unique`` columns is skipped."""
    if not rows:
        return
    statement = queue.insert_ignoring_duplicates(deliveries, queue.dialect_of(executor), unique)
    executor.execute(statement, list(rows))


def enqueue(
    session: Session,
    *,
    channel_key: str,
    kind: str,
    payload: dict[str, Any],
    dedup_key: str,
    now: dt.datetime,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
) -> Delivery:
    """Queue a message not tied to an item (roundup, alert, reply); once per ``dedup_key``.

    Returns the delivery, new or the one queued earlier under the same key.
    """
    channel_id = session.scalar(select(Channel.id).where(Channel.key == channel_key))
    if channel_id is None:
        raise HubError(f"no channel {channel_key!r} in the database (run sync_config first)")
    row = {
        "channel_id": channel_id,
        "kind": kind,
        "dedup_key": dedup_key,
        "payload": payload,
        "mode": "immediate",
        "status": DeliveryStatus.PENDING,
        "attempts": 0,
        "max_attempts": max_attempts,
        "due_at": now,
        "created_at": now,
    }
    insert_ignoring_duplicates(session, [row], ["dedup_key"])
    delivery = session.scalar(select(Delivery).where(Delivery.dedup_key == dedup_key))
    assert delivery is not None
    return delivery


def claim_due(
    conn: Connection, *, token: str, now: dt.datetime, limit: int, lease_seconds: float
) -> list[Claim]:
    """Lease up to ``limit`` due deliveries (``FOR UPDATE SKIP LOCKED`` on PostgreSQL)."""
    t = deliveries
    due = queue.due_ids(t.c.id, t.c.status, [DeliveryStatus.PENDING], t.c.due_at, now, limit)
    statement = (
        update(t)
        .where(t.c.id.in_(due.scalar_subquery()))
        .values(
            status=DeliveryStatus.IN_FLIGHT,
            attempts=t.c.attempts + 1,
            lease_until=queue.lease_end(now, lease_seconds),
            leased_by=token,
        )
        .returning(
            t.c.id,
            t.c.item_id,
            t.c.channel_id,
            t.c.kind,
            t.c.payload,
            t.c.attempts,
            t.c.max_attempts,
            t.c.last_error,
            t.c.platform_message_id,
        )
    )
    rows = conn.execute(statement).all()
    return [
        Claim(
            id=row.id,
            item_id=row.item_id,
            channel_id=row.channel_id,
            kind=row.kind,
            payload=row.payload,
            attempt=row.attempts,
            max_attempts=row.max_attempts,
            token=token,
            previous_error=row.last_error,
            posted=part_ids(row.platform_message_id),
        )
        for row in rows
    ]


CLAIMED_POSTGRES = (
    "claimed AS ("
    " UPDATE deliveries SET status = 'in_flight', attempts = attempts + 1,"
    " lease_until = %(lease_until)s, leased_by = %(token)s"
    " WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending' AND due_at <= %(now)s"
    " ORDER BY status, due_at LIMIT %(limit)s FOR UPDATE SKIP LOCKED)"
    " RETURNING id, item_id, channel_id, kind, payload, attempts, max_attempts, last_error,"
    " platform_message_id)"
)
""":func:`claim_due` on PostgreSQL as a common table expression named ``claimed``, in the
driver's placeholders (:func:`hub.core.bus.queue.driver_rows`), whose first nine columns
:func:`claim_of` reads: a statement can join what the sends need (the items, their
pictures and translations) to the rows it claims, in one round trip and one transaction
(:func:`hub.core.bus.messages.claim_messages`)."""


def claim_parameters(
    *, token: str, now: dt.datetime, limit: int, lease_seconds: float
) -> dict[str, Any]:
    """The parameters of :data:`CLAIMED_POSTGRES`."""
    return {
        "token": token,
        "now": now,
        "limit": limit,
        "lease_until": queue.lease_end(now, lease_seconds),
    }


_FROM_ROW: Any = object()


def claim_of(row: Sequence[Any], token: str, payload: Any = _FROM_ROW) -> Claim:
    """The claim of a row of :data:`CLAIMED_POSTGRES` (its first nine columns); ``payload``,
    when given, is the fifth column as read by a caller that selected it as text."""
    return Claim(
        id=row[0],
        item_id=row[1],
        channel_id=row[2],
        kind=row[3],
        payload=row[4] if payload is _FROM_ROW else payload,
        attempt=row[5],
        max_attempts=row[6],
        token=token,
        previous_error=row[7],
        posted=part_ids(row[8]),
    )


_SENT = (
    update(deliveries)
    .where(
        deliveries.c.id == bindparam("b_id"),
        deliveries.c.leased_by == bindparam("b_token"),
        deliveries.c.status == DeliveryStatus.IN_FLIGHT,
    )
    .values(
        status=DeliveryStatus.SENT,
        sent_at=bindparam("b_at"),
        platform_message_id=bindparam("b_mid"),
        lease_until=None,
        last_error=bindparam("b_note"),
        error_kind=None,
    )
)
_RECORD_POSTGRES = (
    "WITH v AS (SELECT id, token, channel, attempt, worker, outcome, status, undo, mid,"
    " error, kind, CAST('in_flight' AS varchar) AS held,"
    " timestamptz 'epoch' + started * interval '1 microsecond' AS started,"
    " timestamptz 'epoch' + finished * interval '1 microsecond' AS finished,"
    " timestamptz 'epoch' + due * interval '1 microsecond' AS due"
    " FROM json_to_recordset(CAST(%(results)s AS json)) AS r("
    " id bigint, token text, channel bigint, attempt integer, worker text,"
    " started bigint, finished bigint, outcome text, status text, undo integer,"
    " due bigint, mid text, error text, kind text)),"
    " sent AS ("
    " UPDATE deliveries AS d SET status = 'sent', sent_at = v.finished,"
    " platform_message_id = v.mid, lease_until = NULL, last_error = v.error, error_kind = NULL"
    " FROM v WHERE v.outcome = 'sent'"
    " AND d.id = v.id AND d.leased_by = v.token AND d.status = v.held"
    " RETURNING d.id),"
    " ended AS ("
    " UPDATE deliveries AS d SET status = v.status, attempts = d.attempts - v.undo,"
    " due_at = v.due, last_error = coalesce(v.error, d.last_error),"
    " error_kind = coalesce(v.kind, d.error_kind), lease_until = NULL, leased_by = NULL"
    " FROM v WHERE v.outcome <> 'sent'"
    " AND d.id = v.id AND d.leased_by = v.token AND d.status = v.held"
    " RETURNING d.id),"
    " history AS ("
    " INSERT INTO delivery_attempts"
    " (delivery_id, channel_id, attempt, worker, started_at, finished_at, outcome, error)"
    " SELECT id, channel, attempt, worker, started, finished, outcome, error"
    " FROM v WHERE outcome <> 'released')"
    " SELECT (SELECT count(*) FROM sent) + (SELECT count(*) FROM ended)"
)
"""A batch of results in one statement on PostgreSQL, the same writes as ``_SENT``,
``_ENDED`` and the attempt history: one plan, one execution and one round trip for the
batch, and a statement alone needs no transaction of its own (the worker sends it in
autocommit: no BEGIN and COMMIT round trips). The two updates touch different rows (a
result is the only one of its claim), each fenced by the claim's token and status.

The batch goes as one JSON parameter: psycopg dumps a list parameter element by element
in Python, which cost more than the statement itself (20 arrays of 100: about 2 ms).
The fence's status comes from ``v`` (``held``), a join condition rather than a filter
of ``deliveries``: with the filter, a planner that expects few rows ``in_flight`` (the
usual ledger) scans them for every result (100 x 100 comparisons, 3 ms a batch) instead
of looking each result's row up by its id."""
_ENDED = (
    update(deliveries)
    .where(
        deliveries.c.id == bindparam("b_id"),
        deliveries.c.leased_by == bindparam("b_token"),
        deliveries.c.status == DeliveryStatus.IN_FLIGHT,
    )
    .values(
        status=bindparam("b_status"),
        attempts=deliveries.c.attempts - bindparam("b_undo"),
        due_at=bindparam("b_due"),
        # a claim given back unsent keeps the error before it (it still tells of doubt)
        last_error=func.coalesce(bindparam("b_error"), deliveries.c.last_error),
        error_kind=func.coalesce(bindparam("b_error_kind"), deliveries.c.error_kind),
        lease_until=None,
        leased_by=None,
    )
)


ENDS_AS = {
    AttemptOutcome.RETRY: DeliveryStatus.PENDING,
    AttemptOutcome.RELEASED: DeliveryStatus.PENDING,
    AttemptOutcome.FAILED: DeliveryStatus.FAILED,
    AttemptOutcome.DEAD: DeliveryStatus.DEAD,
}
"""The status a lease ends in, by how the attempt ended (``sent`` has its own statement)."""


def record_results(conn: Connection, results: Iterable[Result]) -> int:
    """Write a batch of outcomes and their attempt history; returns rows fenced off (stale).

    One statement on PostgreSQL (``_RECORD_POSTGRES``, which needs no transaction
    around it); on SQLite, one ``executemany`` per kind of write (sqlite3 prepares once).
    """
    if conn.dialect.name == "postgresql":
        return _record_postgres(conn, list(results))
    sent, ended, history = [], [], []
    for r in results:
        c = r.claim
        if r.outcome == AttemptOutcome.SENT:
            sent.append(
                {
                    "b_id": c.id,
                    "b_token": c.token,
                    "b_at": r.finished_at,
                    "b_mid": r.platform_message_id,
                    "b_note": r.error,  # sent, with a note (a picture the platform refused)
                }
            )
        else:
            ended.append(
                {
                    "b_id": c.id,
                    "b_token": c.token,
                    "b_status": ENDS_AS[r.outcome],
                    "b_undo": 1 if r.outcome == AttemptOutcome.RELEASED else 0,
                    "b_due": r.due_at or r.finished_at,
                    "b_error": r.error,
                    "b_error_kind": r.error_kind,
                }
            )
        if r.outcome != AttemptOutcome.RELEASED:
            history.append(
                {
                    "delivery_id": c.id,
                    "channel_id": c.channel_id,
                    "attempt": c.attempt,
                    "worker": r.worker,
                    "started_at": r.started_at,
                    "finished_at": r.finished_at,
                    "outcome": r.outcome,
                    "error": r.error,
                }
            )
    # executemany: sqlite3 prepares once
    matched = 0
    if sent:
        matched += conn.execute(_SENT, sent).rowcount
    if ended:
        matched += conn.execute(_ENDED, ended).rowcount
    if history:
        conn.execute(attempts_table.insert(), history)
    return len(sent) + len(ended) - matched


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


def _epoch_us(moment: dt.datetime) -> int:
    """``moment`` in whole microseconds since 1970 (a naive one read as UTC): exact, and
    cheaper to write and to read than the ISO text of a ``timestamptz`` (its parse cost
    the server about half a microsecond, three a result)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (moment - _EPOCH) // _MICROSECOND


def _record_postgres(conn: Connection, results: list[Result]) -> int:
    """:func:`record_results` on PostgreSQL: ``_RECORD_POSTGRES``, the batch as JSON,
    through the driver (:func:`hub.core.bus.queue.driver_rows`)."""
    if not results:
        return 0
    rows: list[dict[str, Any]] = []
    sent = AttemptOutcome.SENT
    for r in results:
        c = r.claim
        # PostgreSQL's text holds no NUL (a platform's error body might)
        error = r.error.replace("\x00", "") if r.error else r.error
        row = {
            "id": c.id,
            "token": c.token,
            "channel": c.channel_id,
            "attempt": c.attempt,
            "worker": r.worker,
            "started": _epoch_us(r.started_at),
            "finished": _epoch_us(r.finished_at),
            "outcome": r.outcome,
            "mid": r.platform_message_id,
            "error": error,
        }
        if r.outcome != sent:
            # what only ``ended`` reads; a key left out is NULL in json_to_recordset,
            # and most results are sent: less JSON to write and to parse
            row["status"] = ENDS_AS[r.outcome]
            row["undo"] = 1 if r.outcome == AttemptOutcome.RELEASED else 0
            row["due"] = _epoch_us(r.due_at or r.finished_at)
            row["kind"] = r.error_kind
        rows.append(row)
    [(matched,)] = queue.driver_rows(conn, _RECORD_POSTGRES, {"results": json.dumps(rows)})
    return len(results) - int(matched)


def record_parts(conn: Connection, claim: Claim, ids: Sequence[str]) -> int:
    """Write the ids of the parts of a thread posted so far, while the lease is still the
    claim's: a crash after this repeats none of them (the next attempt gets them as
    :attr:`Claim.posted`)."""
    t = deliveries
    statement = (
        update(t)
        .where(
            t.c.id == claim.id,
            t.c.leased_by == claim.token,
            t.c.status == DeliveryStatus.IN_FLIGHT,
        )
        .values(platform_message_id=" ".join(ids))
    )
    return _rowcount(conn.execute(statement))


def renew_leases(conn: Connection, tokens: Sequence[str], until: dt.datetime) -> int:
    """Push the lease of this worker's in-flight rows to ``until``."""
    if not tokens:
        return 0
    t = deliveries
    statement = (
        update(t)
        .where(t.c.leased_by.in_(list(tokens)), t.c.status == DeliveryStatus.IN_FLIGHT)
        .values(lease_until=until)
    )
    return conn.execute(statement).rowcount


def renew_lease_tokens(conn: Connection, tokens: Sequence[str], until: dt.datetime) -> set[str]:
    """:func:`renew_leases`, and which of ``tokens`` still held a row to renew. A token
    that held none lost its claims (a sweep gave them back when its lease ran out, and
    another worker may hold them now): its holder must send none of them."""
    if not tokens:
        return set()
    t = deliveries
    statement = (
        update(t)
        .where(t.c.leased_by.in_(list(tokens)), t.c.status == DeliveryStatus.IN_FLIGHT)
        .values(lease_until=until)
        .returning(t.c.leased_by)
    )
    return {str(token) for (token,) in conn.execute(statement)}


def sweep_expired(conn: Connection, now: dt.datetime) -> int:
    """Give rows whose lease ran out (their worker died) back to the queue, or bury them."""
    t = deliveries
    statement = (
        update(t)
        .where(t.c.status == DeliveryStatus.IN_FLIGHT, t.c.lease_until < now)
        .values(
            status=case(
                (t.c.attempts >= t.c.max_attempts, DeliveryStatus.DEAD.value),
                else_=DeliveryStatus.PENDING.value,
            ),
            due_at=now,
            leased_by=None,
            lease_until=None,
            last_error="lease expired: the worker stopped before recording a result",
            error_kind=ErrorKind.LEASE_EXPIRED,
        )
    )
    return conn.execute(statement).rowcount


def release_leases(conn: Connection, worker_name: str, now: dt.datetime) -> int:
    """Give back the in-flight deliveries leased by ``worker_name``'s claims (at shutdown)."""
    t = deliveries
    statement = (
        update(t)
        .where(t.c.status == DeliveryStatus.IN_FLIGHT, t.c.leased_by.like(f"{worker_name}/%"))
        .values(
            status=DeliveryStatus.PENDING,
            due_at=now,
            lease_until=None,
            leased_by=None,
            last_error="released at shutdown before a result was recorded",
            error_kind=ErrorKind.RELEASED_AT_SHUTDOWN,
        )
    )
    return conn.execute(statement).rowcount


def cancel_unsent(executor: Executor, item_id: int, *, by: str) -> int:
    """Cancel ``item_id``'s deliveries not sent yet (pending or held): it was retracted."""
    t = deliveries
    statement = (
        update(t)
        .where(t.c.item_id == item_id, t.c.status.in_(PENDING_OR_HELD))
        .values(
            status=DeliveryStatus.CANCELLED,
            last_error=f"retracted by {by}",
            error_kind=ErrorKind.RETRACTED,
        )
    )
    return _rowcount(executor.execute(statement))


def cancel(delivery: Delivery) -> None:
    """Cancel one delivery not sent yet (a correction overtaken by a newer one)."""
    if delivery.status not in PENDING_OR_HELD:
        raise HubError(f"delivery {delivery.id} is {delivery.status}: only unsent ones cancel")
    delivery.status = DeliveryStatus.CANCELLED


def mark_posted(
    session: Session, delivery: Delivery, *, url: str, by: str, now: dt.datetime
) -> None:
    """A person posted a manual channel's draft: the delivery is sent, its id the post's
    URL, with an attempt in the history like any send (``worker`` says who)."""
    if delivery.status != DeliveryStatus.HELD or delivery.mode != "manual":
        raise HubError(f"delivery {delivery.id} is {delivery.status}: not a draft waiting")
    delivery.status = DeliveryStatus.SENT
    delivery.platform_message_id = url
    delivery.sent_at = now
    delivery.attempts += 1
    session.add(
        DeliveryAttempt(
            delivery_id=delivery.id,
            channel_id=delivery.channel_id,
            attempt=delivery.attempts,
            worker=f"by hand: {by}"[:100],
            started_at=now,
            finished_at=now,
            outcome=AttemptOutcome.SENT,
        )
    )


def undigest_failed_roundups(executor: Executor, channel_id: int) -> int:
    """Give the items of this channel's failed or dead roundups back to ``held``, so the
    next roundup carries them."""
    t = deliveries
    failed = select(t.c.id).where(
        t.c.channel_id == channel_id,
        t.c.kind == DeliveryKind.ROUNDUP,
        t.c.status.in_(UNSUCCESSFUL),
    )
    failed_ids = list(executor.execute(failed).scalars())
    if not failed_ids:
        return 0
    covered = t.c.payload["roundup_delivery_id"].as_integer()
    statement = (
        update(t)
        .where(t.c.channel_id == channel_id, t.c.status == DeliveryStatus.DIGESTED)
        .where(covered.in_(failed_ids))
        .values(status=DeliveryStatus.HELD, payload={})
        .execution_options(synchronize_session=False)
    )
    return _rowcount(executor.execute(statement))


def digest_held(executor: Executor, delivery_ids: Sequence[int], roundup_id: int) -> int:
    """Mark held items as taken into roundup delivery ``roundup_id``."""
    t = deliveries
    statement = (
        update(t)
        .where(t.c.id.in_(list(delivery_ids)), t.c.status == DeliveryStatus.HELD)
        .values(status=DeliveryStatus.DIGESTED, payload={"roundup_delivery_id": roundup_id})
        .execution_options(synchronize_session=False)
    )
    return _rowcount(executor.execute(statement))


def requeue(
    conn: Connection, *, now: dt.datetime, ids: Sequence[int] = (), all_failed: bool = False
) -> int:
    """Make failed and dead deliveries due again with a fresh set of attempts."""
    t = deliveries
    statement = update(t).where(t.c.status.in_(UNSUCCESSFUL))
    if not all_failed:
        statement = statement.where(t.c.id.in_(list(ids)))
    statement = statement.values(
        status=DeliveryStatus.PENDING, due_at=now, attempts=0, lease_until=None, leased_by=None
    )
    count = conn.execute(statement).rowcount
    notify(conn)
    return count


def notify(conn: Connection) -> None:
    """Wake idle PostgreSQL workers now (at commit); nothing to do on SQLite."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": NOTIFY_CHANNEL})


def next_due(conn: Connection) -> dt.datetime | None:
    """When the earliest pending delivery falls due (None if nothing is pending)."""
    t = deliveries
    query = select(func.min(t.c.due_at)).where(t.c.status == DeliveryStatus.PENDING)
    return conn.execute(query).scalar()
