"""What the bus is doing: queue figures per channel, and one delivery's history.

A channel's account sends three sorts of message, and the console counts them
apart so that "sent today" means what a reader of the channel saw:

- posts to the channel itself (``item``, ``roundup``, ``alert``, and a
  Mailchimp ``campaign`` to the audience);
- private replies to one member (:data:`REPLY_KINDS`: the assistant's answers,
  the secretariat's replies to handed-off questions, reminders, help and
  form messages, preferences links, notices to a submitter), which go
  through the platform's channel only because that is the account they are
  sent from;
- test sends of a newsletter campaign to the secretariat (:data:`TEST_KINDS`).

The hour figures (``sent_last_hour``, ``failed_last_hour``) stay the bus's
throughput, every kind together, as ``hub status`` and ``/metrics`` have
always shown them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Connection, and_, case, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute

from hub.core.bus.ledger_days import GAVE_UP_ROW, SENT_ROW, UNSUCCESSFUL
from hub.core.bus.states import DeliveryStatus
from hub.core.models import Channel, Delivery, DeliveryAttempt

WAITING = (DeliveryStatus.PENDING, DeliveryStatus.IN_FLIGHT, DeliveryStatus.HELD)
"""Not sent yet and not given up: few rows, whatever the ledger's size."""

REPLY_KINDS = ("reply",)
"""Delivery kinds that go to one member's own chat, not to the channel's readers."""
TEST_KINDS = ("test_send",)
"""Delivery kinds that are tests of a newsletter campaign, sent to the secretariat only."""


@dataclass
class ChannelFigures:
    """Queue figures of one channel; ``*_last_hour`` count outcomes of the past hour.

    The ``*_today`` figures count the day given to :func:`bus_status`:
    ``sent_today`` and ``failed_today`` the channel's own posts and campaigns
    (and failed test sends), ``replies_today`` and ``replies_failed_today``
    private replies to members, ``tests_today`` test sends that went.
    """

    channel: str
    queued: int = 0
    due: int = 0
    in_flight: int = 0
    held: int = 0
    sent_last_hour: int = 0
    failed_last_hour: int = 0
    sent_today: int = 0
    failed_today: int = 0
    replies_today: int = 0
    replies_failed_today: int = 0
    tests_today: int = 0


@dataclass
class BusStatus:
    channels: list[ChannelFigures] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.channels)


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet ``condition`` (a portable conditional count)."""
    return func.sum(case((condition, 1), else_=0))


def start_of_day(now: dt.datetime, timezone: str) -> dt.datetime:
    """Midnight of ``now``'s day in ``timezone`` (the deployment's), as an aware UTC time."""
    return day_bounds(now, timezone)[0]


def day_bounds(now: dt.datetime, timezone: str) -> tuple[dt.datetime, dt.datetime]:
    """``now``'s day in ``timezone`` as [midnight, next midnight), aware UTC times.

    The two midnights are computed separately, so a day with a daylight-saving
    change is 23 or 25 hours long, as it is for the people living it.
    """
    zone = ZoneInfo(timezone)
    day = now.astimezone(zone).date()
    start = dt.datetime.combine(day, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def bus_status(
    conn: Connection,
    now: dt.datetime,
    day_start: dt.datetime | None = None,
    day_end: dt.datetime | None = None,
) -> BusStatus:
    """Pending (queued), due now, in flight and held per channel; sent/failed in the last hour,
    and in the day [``day_start``, ``day_end``) when ``day_start`` is given (see
    :func:`day_bounds`; without ``day_end`` the day is the 24 hours from ``day_start``)."""
    d, hour_ago = Delivery, now - dt.timedelta(hours=1)
    # What waits (a few rows, by the status index), then what went in the last hour (by
    # the sent rows' partial index): never the whole ledger of sent rows.
    rows = conn.execute(
        select(
            Channel.key,
            count_if(d.status == DeliveryStatus.PENDING),
            count_if(and_(d.status == DeliveryStatus.PENDING, d.due_at <= now)),
            count_if(d.status == DeliveryStatus.IN_FLIGHT),
            count_if(d.status == DeliveryStatus.HELD),
        )
        .join(d, d.channel_id == Channel.id)
        .where(d.status.in_(WAITING))
        .group_by(Channel.key)
    ).all()
    figures = {row[0]: ChannelFigures(row[0], *(int(v or 0) for v in row[1:])) for row in rows}
    for key, count in conn.execute(
        select(Channel.key, func.count())
        .join(d, d.channel_id == Channel.id)
        .where(SENT_ROW, d.sent_at >= hour_ago)
        .group_by(Channel.key)
    ):
        figures.setdefault(key, ChannelFigures(key)).sent_last_hour = int(count)
    failed = conn.execute(
        select(Channel.key, func.count(func.distinct(DeliveryAttempt.delivery_id)))
        .join(d, d.channel_id == Channel.id)
        .join(DeliveryAttempt, DeliveryAttempt.delivery_id == d.id)
        .where(UNSUCCESSFUL, GAVE_UP_ROW)
        .where(DeliveryAttempt.finished_at >= hour_ago)
        .group_by(Channel.key)
    ).all()
    for key, count in failed:
        figures.setdefault(key, ChannelFigures(key)).failed_last_hour = int(count)
    if day_start is not None:
        end = day_end or day_start + dt.timedelta(days=1)
        sent_names = {"post": "sent_today", "reply": "replies_today", "test": "tests_today"}
        for key, sort, count in _sent_between(conn, day_start, end):
            setattr(figures.setdefault(key, ChannelFigures(key)), sent_names[sort], count)
        failed_names = {"post": "failed_today", "reply": "replies_failed_today"}
        for key, sort, count in _failed_between(conn, day_start, end):
            channel = figures.setdefault(key, ChannelFigures(key))
            name = failed_names.get(sort, "failed_today")  # a failed test is the channel's trouble
            setattr(channel, name, getattr(channel, name) + count)
    return BusStatus(sorted(figures.values(), key=lambda c: c.channel))


def sort_of(kind: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[str]:
    """SQL for the sort of message a delivery kind is: ``post``, ``reply`` or ``test``."""
    # Constants written into the SQL (not bound): PostgreSQL must see the same
    # expression in the select list and in GROUP BY.
    return case(
        (kind.in_([literal_column(f"'{k}'") for k in REPLY_KINDS]), literal_column("'reply'")),
        (kind.in_([literal_column(f"'{k}'") for k in TEST_KINDS]), literal_column("'test'")),
        else_=literal_column("'post'"),
    )


def _sent_between(
    conn: Connection, start: dt.datetime, end: dt.datetime
) -> list[tuple[str, str, int]]:
    d = Delivery
    sort = sort_of(d.kind)
    rows = conn.execute(
        select(Channel.key, sort, func.count())
        .join(d, d.channel_id == Channel.id)
        .where(SENT_ROW, d.sent_at >= start, d.sent_at < end)
        .group_by(Channel.key, sort)
    )
    return [(key, str(kind), int(count)) for key, kind, count in rows]


def _failed_between(
    conn: Connection, start: dt.datetime, end: dt.datetime
) -> list[tuple[str, str, int]]:
    """Deliveries with a failed or dead attempt in [start, end) (one count per delivery)."""
    d = Delivery
    sort = sort_of(d.kind)
    rows = conn.execute(
        select(Channel.key, sort, func.count(func.distinct(DeliveryAttempt.delivery_id)))
        .join(d, d.channel_id == Channel.id)
        .join(DeliveryAttempt, DeliveryAttempt.delivery_id == d.id)
        .where(UNSUCCESSFUL, GAVE_UP_ROW)
        .where(DeliveryAttempt.finished_at >= start, DeliveryAttempt.finished_at < end)
        .group_by(Channel.key, sort)
    )
    return [(key, str(kind), int(count)) for key, kind, count in rows]


def delivery_history(conn: Connection, delivery_id: int) -> list[DeliveryAttempt]:
    """Every attempt of one delivery, oldest first."""
    query = (
        select(DeliveryAttempt)
        .where(DeliveryAttempt.delivery_id == delivery_id)
        .order_by(DeliveryAttempt.attempt, DeliveryAttempt.id)
    )
    from sqlalchemy.orm import Session

    with Session(bind=conn) as session:
        return list(session.scalars(query))
