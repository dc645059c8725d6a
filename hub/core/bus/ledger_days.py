"""The ledger's days: per UTC day, channel and kind, what was sent, failed and rate-limited.

The dashboard charts 30 days and ``/metrics`` reports every delivery ever sent; counting
them from ``deliveries`` at each request costs the whole ledger (0.5-0.8 s at a million
rows). A day that is over does not change any more, so it is counted once and kept in
:class:`~hub.core.models.DeliveryDay` (a summary table); a reader adds the rows of the
days still open, which the partial indexes of migration 0017 give for the cost of those
days alone.

- :func:`seal` writes every day over by :data:`SEAL_MARGIN` (results are recorded a few
  seconds to a lease after their send: the margin keeps a late one inside an open day),
  in one transaction of its own that takes the seal's row first, so two readers never
  write a day twice. The first reader after a day ends pays for that one day.
- :func:`reopen` is for a writer that dates a row into a sealed day (the Mailchimp ledger
  books a campaign's send time as Mailchimp reports it, possibly days later): the days
  from that one on are counted again at the next reader.
- :func:`seal` also finds the rows written into sealed days by writers that did not say
  so (:func:`late_day`): a worker's results recorded after the margin (a recorder that
  waited out a database outage, a worker whose clock lags the console's), a row moved by
  hand. Every recorded result inserts an attempt dated by its send, so this process
  looks at the attempts inserted since it last looked (their ids, the primary key: a
  look costs the new rows alone); the first time a process looks at a database it
  compares the sealed days' totals with the ledger's once, which also finds a sent row
  dated back with no attempt. The days from the earliest late one on are reopened.
- :func:`daily` and :func:`lifetime` read: sealed days up to the seal read in the same
  query's snapshot, open days from the ledger itself, never both for one day.

What a day holds, as the console has always counted it: ``sent``, deliveries whose
status is ``sent`` by their ``sent_at`` (the outbox and the Mailchimp ledger write both
together; a sent row without ``sent_at`` is counted nowhere); ``failed``, deliveries
with an attempt that ended ``failed`` or ``dead`` that day (each once);
``rate_limited``, attempts a platform answered with a rate limit (``RateLimited: ...``).
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    and_,
    case,
    delete,
    func,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from hub.core.bus import queue
from hub.core.bus.states import GAVE_UP, DeliveryStatus
from hub.core.models import Channel, Delivery, DeliveryAttempt, DeliveryDay, LedgerSeal

SEAL = "deliveries"
SEAL_MARGIN = dt.timedelta(hours=2)
"""How long after midnight UTC a day waits before it is sealed."""
NOTHING_SEALED = dt.date.min
seals = cast("Table", LedgerSeal.__table__)
days_table = cast("Table", DeliveryDay.__table__)
Executor = Connection | Session

SENT_ROW = Delivery.status == literal_column(f"'{DeliveryStatus.SENT}'")
"""Sent rows (with a bound on ``sent_at``, the index ``ix_deliveries_sent`` serves them).
Constants are written into the SQL: neither SQLite nor PostgreSQL's generic plans prove
a partial index's predicate from a bound parameter."""
UNSUCCESSFUL = DeliveryAttempt.outcome != literal_column("'sent'")
"""Attempts in the partial index ``ix_delivery_attempts_unsuccessful``."""
GAVE_UP_ROW = DeliveryAttempt.outcome.in_([literal_column(f"'{o}'") for o in GAVE_UP])
RATE_LIMITED_ROW = DeliveryAttempt.error.like(literal_column("'RateLimited:%'"))


@dataclass
class Tally:
    sent: int = 0
    failed: int = 0
    rate_limited: int = 0


Key = tuple[dt.date, int, str]
"""(UTC day, channel id, kind)."""


def utc_day(executor: Executor, column: Any) -> ColumnElement[Any]:
    """SQL for the UTC date of a stored moment (SQLite keeps naive UTC already)."""
    if queue.dialect_of(executor) == "postgresql":
        return func.date(func.timezone(literal_column("'UTC'"), column))
    return func.date(column)


def as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def sealable_through(now: dt.datetime) -> dt.date:
    """The last UTC day over by :data:`SEAL_MARGIN` at ``now``."""
    return (now.astimezone(dt.UTC) - SEAL_MARGIN).date() - dt.timedelta(days=1)


def tally(executor: Executor, since: dt.datetime, until: dt.datetime | None) -> dict[Key, Tally]:
    """The ledger itself, counted by day, channel and kind in [``since``, ``until``)."""
    found: dict[Key, Tally] = defaultdict(Tally)
    d, a = Delivery, DeliveryAttempt
    sent_day = utc_day(executor, d.sent_at)
    sent = select(sent_day, d.channel_id, d.kind, func.count()).where(SENT_ROW, d.sent_at >= since)
    if until is not None:
        sent = sent.where(d.sent_at < until)
    for day, channel, kind, count in executor.execute(
        sent.group_by(sent_day, d.channel_id, d.kind)
    ):
        found[(as_date(day), int(channel), str(kind))].sent += int(count)
    tried_day = utc_day(executor, a.finished_at)
    gave_up = func.count(func.distinct(case((GAVE_UP_ROW, a.delivery_id))))
    limited = func.sum(case((RATE_LIMITED_ROW, 1), else_=0))
    tries = (
        select(tried_day, a.channel_id, d.kind, gave_up, limited)
        .join(d, d.id == a.delivery_id)
        .where(UNSUCCESSFUL, a.finished_at >= since)
    )
    if until is not None:
        tries = tries.where(a.finished_at < until)
    for day, channel, kind, failed, rate_limited in executor.execute(
        tries.group_by(tried_day, a.channel_id, d.kind)
    ):
        row = found[(as_date(day), int(channel), str(kind))]
        row.failed += int(failed or 0)
        row.rate_limited += int(rate_limited or 0)
    return found


def sealed_through(executor: Executor) -> dt.date:
    """The last sealed day (:data:`NOTHING_SEALED` before the first seal)."""
    through = executor.execute(select(LedgerSeal.through).where(LedgerSeal.name == SEAL)).scalar()
    return as_date(through) if through is not None else NOTHING_SEALED


def _earliest(conn: Connection) -> dt.date | None:
    dated = Delivery.sent_at.is_not(None)  # the index's predicate, so that it serves the min
    first_sent = conn.execute(select(func.min(Delivery.sent_at)).where(SENT_ROW, dated)).scalar()
    first_try = conn.execute(select(func.min(DeliveryAttempt.finished_at)).where(UNSUCCESSFUL))
    days = [as_date(v) for v in (first_sent, first_try.scalar()) if v is not None]
    return min(days) if days else None


_looked: weakref.WeakKeyDictionary[Pool, int] = weakref.WeakKeyDictionary()
"""Per database this process reads (its engine's pool), the newest attempt id looked at."""
_looking = threading.Lock()


def _sealed_totals_differ(conn: Connection, through: dt.date) -> bool:
    """Whether the sealed days' totals differ from the ledger's over the same days: a
    count of the sent rows (their partial index) and the unsuccessful attempts' tally
    (theirs), once per process and database."""
    until = midnight(through + dt.timedelta(days=1))
    d = DeliveryDay
    kept = conn.execute(
        select(
            func.coalesce(func.sum(d.sent), 0),
            func.coalesce(func.sum(d.failed), 0),
            func.coalesce(func.sum(d.rate_limited), 0),
        ).where(d.day <= through)
    ).one()
    dated = Delivery.sent_at.is_not(None)
    sent = conn.execute(
        select(func.count()).select_from(Delivery).where(SENT_ROW, dated, Delivery.sent_at < until)
    ).scalar()
    tried_day = utc_day(conn, DeliveryAttempt.finished_at)
    gave_up = func.count(func.distinct(case((GAVE_UP_ROW, DeliveryAttempt.delivery_id))))
    limited = func.sum(case((RATE_LIMITED_ROW, 1), else_=0))
    failed = rate_limited = 0
    for day_failed, day_limited in conn.execute(
        select(gave_up, limited)
        .where(UNSUCCESSFUL, DeliveryAttempt.finished_at < until)
        .group_by(tried_day, DeliveryAttempt.channel_id)
    ):
        failed += int(day_failed or 0)
        rate_limited += int(day_limited or 0)
    counted = (int(sent or 0), failed, rate_limited)
    return tuple(int(v) for v in kept) != counted


def late_day(engine: Engine) -> dt.date | None:
    """The earliest sealed day a row was written into since it was sealed, as far as this
    process can tell (see the module's notes); None when there is none.

    The attempts inserted since this process last looked (ids above the newest it saw)
    name the days of their sends; the first look at a database compares the sealed
    totals with the ledger instead, and a difference reopens every sealed day. An
    attempt whose id was taken before the last look but committed after it is not
    seen: it is a send's result being written at that moment, dated within the seal's
    margin, so its day is still open."""
    with engine.connect() as conn:
        through = sealed_through(conn)
        newest = int(conn.execute(select(func.max(DeliveryAttempt.id))).scalar() or 0)
        with _looking:
            seen = _looked.get(engine.pool)
        late: dt.date | None = None
        if through == NOTHING_SEALED:
            pass
        elif seen is None or seen > newest:  # a first look (or the database was made anew)
            if _sealed_totals_differ(conn, through):
                late = NOTHING_SEALED + dt.timedelta(days=1)
        elif newest > seen:
            first = conn.execute(
                select(func.min(DeliveryAttempt.finished_at)).where(DeliveryAttempt.id > seen)
            ).scalar()
            if first is not None and as_date(first) <= through:
                late = as_date(first)
    with _looking:
        _looked[engine.pool] = max(newest, _looked.get(engine.pool, 0))
    return late


def seal(engine: Engine, now: dt.datetime) -> dt.date:
    """Seal every day over by the margin that is not sealed yet; returns the last one sealed.

    Days a row was written into after they were sealed (:func:`late_day`) are counted
    again first."""
    target = sealable_through(now)
    late = late_day(engine)
    if late is not None:
        with engine.begin() as conn:
            reopen(conn, midnight(late))
    with engine.connect() as conn:
        if sealed_through(conn) >= target:
            return target
    with engine.begin() as conn:
        # The seal's row first: on SQLite this write takes the database's lock before
        # anything is read; on PostgreSQL the row lock below makes a second sealer wait.
        mark = {"name": SEAL, "through": NOTHING_SEALED}
        statement = queue.insert_ignoring_duplicates(seals, queue.dialect_of(conn), ["name"])
        conn.execute(statement, [mark])
        locked = select(LedgerSeal.through).where(LedgerSeal.name == SEAL)
        if conn.dialect.name == "postgresql":
            locked = locked.with_for_update()
        through = as_date(conn.execute(locked).scalar_one())
        if through >= target:
            return through
        first = through + dt.timedelta(days=1) if through != NOTHING_SEALED else _earliest(conn)
        if first is not None and first <= target:
            counted = tally(conn, midnight(first), midnight(target + dt.timedelta(days=1)))
            conn.execute(delete(DeliveryDay).where(DeliveryDay.day >= first))
            rows = [
                {
                    "day": day,
                    "channel_id": channel,
                    "kind": kind,
                    "sent": t.sent,
                    "failed": t.failed,
                    "rate_limited": t.rate_limited,
                }
                for (day, channel, kind), t in sorted(counted.items())
            ]
            if rows:
                conn.execute(days_table.insert(), rows)
        conn.execute(update(LedgerSeal).where(LedgerSeal.name == SEAL).values(through=target))
    return target


def reopen(executor: Executor, moment: dt.datetime) -> bool:
    """A row was dated ``moment``: if its day is sealed, count it and the days after again."""
    day = moment.astimezone(dt.UTC).date()
    seal_row = and_(LedgerSeal.name == SEAL, LedgerSeal.through >= day)
    back = update(LedgerSeal).where(seal_row).values(through=day - dt.timedelta(days=1))
    if not int(getattr(executor.execute(back), "rowcount", 0) or 0):
        return False
    executor.execute(delete(DeliveryDay).where(DeliveryDay.day >= day))
    return True


def _channel_keys(executor: Executor) -> dict[int, str]:
    return {int(i): str(k) for i, k in executor.execute(select(Channel.id, Channel.key))}


def daily(executor: Executor, first: dt.date) -> dict[tuple[str, dt.date, str], Tally]:
    """(channel key, day, kind) -> the day's tally, from ``first`` to the newest row."""
    through = sealed_through(executor)
    keys = _channel_keys(executor)
    found: dict[tuple[str, dt.date, str], Tally] = {}
    if through >= first:
        d = DeliveryDay
        for day, channel, kind, sent, failed, limited in executor.execute(
            select(d.day, d.channel_id, d.kind, d.sent, d.failed, d.rate_limited).where(
                d.day >= first, d.day <= through
            )
        ):
            if channel in keys:
                found[(keys[channel], as_date(day), kind)] = Tally(sent, failed, limited)
    open_from = max(first, through + dt.timedelta(days=1)) if through != NOTHING_SEALED else first
    for (day, channel, kind), t in tally(executor, midnight(open_from), None).items():
        if channel in keys:
            found[(keys[channel], day, kind)] = t
    return found


def lifetime(executor: Executor) -> dict[tuple[str, str], Tally]:
    """(channel key, kind) -> every day's tally added up (``failed`` counted per day)."""
    through = sealed_through(executor)
    keys = _channel_keys(executor)
    found: dict[tuple[str, str], Tally] = defaultdict(Tally)
    d = DeliveryDay
    for channel, kind, sent, failed, limited in executor.execute(
        select(d.channel_id, d.kind, func.sum(d.sent), func.sum(d.failed), func.sum(d.rate_limited))
        .where(d.day <= through)
        .group_by(d.channel_id, d.kind)
    ):
        row = found[(keys.get(channel, str(channel)), kind)]
        row.sent, row.failed, row.rate_limited = int(sent), int(failed), int(limited)
    since = midnight(through + dt.timedelta(days=1)) if through != NOTHING_SEALED else None
    open_days = tally(executor, since or dt.datetime(1970, 1, 1, tzinfo=dt.UTC), None)
    for (_, channel, kind), t in open_days.items():
        row = found[(keys.get(channel, str(channel)), kind)]
        row.sent += t.sent
        row.failed += t.failed
        row.rate_limited += t.rate_limited
    return dict(found)
