"""What the bus is doing: queue figures per channel, and one delivery's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Connection, and_, case, func, select

from hub.core.models import Channel, Delivery, DeliveryAttempt


@dataclass
class ChannelFigures:
    """Queue figures of one channel; ``*_last_hour`` count outcomes of the past hour."""

    channel: str
    queued: int = 0
    due: int = 0
    in_flight: int = 0
    held: int = 0
    sent_last_hour: int = 0
    failed_last_hour: int = 0
    sent_today: int = 0
    failed_today: int = 0


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
    local = now.astimezone(ZoneInfo(timezone))
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


def bus_status(
    conn: Connection, now: dt.datetime, day_start: dt.datetime | None = None
) -> BusStatus:
    """Pending (queued), due now, in flight and held per channel; sent/failed in the last hour,
    and since ``day_start`` (the start of the deployment's day) when it is given."""
    d, hour_ago = Delivery, now - dt.timedelta(hours=1)
    rows = conn.execute(
        select(
            Channel.key,
            count_if(d.status == "pending"),
            count_if(and_(d.status == "pending", d.due_at <= now)),
            count_if(d.status == "in_flight"),
            count_if(d.status == "held"),
            count_if(and_(d.status == "sent", d.sent_at >= hour_ago)),
        )
        .join(d, d.channel_id == Channel.id)
        .where(d.status.in_(("pending", "in_flight", "held", "sent")))
        .group_by(Channel.key)
    ).all()
    figures = {row[0]: ChannelFigures(row[0], *(int(v or 0) for v in row[1:])) for row in rows}
    failed = conn.execute(
        select(Channel.key, func.count(func.distinct(DeliveryAttempt.delivery_id)))
        .join(d, d.channel_id == Channel.id)
        .join(DeliveryAttempt, DeliveryAttempt.delivery_id == d.id)
        .where(DeliveryAttempt.outcome.in_(("failed", "dead")))
        .where(DeliveryAttempt.finished_at >= hour_ago)
        .group_by(Channel.key)
    ).all()
    for key, count in failed:
        figures.setdefault(key, ChannelFigures(key)).failed_last_hour = int(count)
    if day_start is not None:
        for key, count in _sent_since(conn, day_start):
            figures.setdefault(key, ChannelFigures(key)).sent_today = count
        for key, count in _failed_since(conn, day_start):
            figures.setdefault(key, ChannelFigures(key)).failed_today = count
    return BusStatus(sorted(figures.values(), key=lambda c: c.channel))


def _sent_since(conn: Connection, since: dt.datetime) -> list[tuple[str, int]]:
    d = Delivery
    rows = conn.execute(
        select(Channel.key, func.count())
        .join(d, d.channel_id == Channel.id)
        .where(d.status == "sent", d.sent_at >= since)
        .group_by(Channel.key)
    )
    return [(key, int(count)) for key, count in rows]


def _failed_since(conn: Connection, since: dt.datetime) -> list[tuple[str, int]]:
    """Deliveries with a failed or dead attempt since ``since`` (one count per delivery)."""
    d = Delivery
    rows = conn.execute(
        select(Channel.key, func.count(func.distinct(DeliveryAttempt.delivery_id)))
        .join(d, d.channel_id == Channel.id)
        .join(DeliveryAttempt, DeliveryAttempt.delivery_id == d.id)
        .where(DeliveryAttempt.outcome.in_(("failed", "dead")))
        .where(DeliveryAttempt.finished_at >= since)
        .group_by(Channel.key)
    )
    return [(key, int(count)) for key, count in rows]


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
