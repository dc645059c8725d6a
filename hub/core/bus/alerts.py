"""A summary to the secretariat when deliveries fail for good.

At most one alert per hour: the first failure of an hour queues a delivery
to ``hub.secretariat_channel`` that lists what failed in the last hour
(dedup key ``delivery-failures:<hour>``). Alerts about alerts are never sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.bus.outbox import Result, enqueue
from hub.core.bus.states import GAVE_UP, UNSUCCESSFUL, DeliveryKind
from hub.core.models import Channel, Delivery, DeliveryAttempt


def failure_summary(session: Session, now: dt.datetime, limit: int = 20) -> tuple[int, list[str]]:
    """How many deliveries failed or died in the last hour, and lines for the first ``limit``."""
    since = now - dt.timedelta(hours=1)
    query = (
        select(Delivery.id, Channel.key, Delivery.status, Delivery.last_error)
        .join(Channel, Channel.id == Delivery.channel_id)
        .join(DeliveryAttempt, DeliveryAttempt.delivery_id == Delivery.id)
        .where(Delivery.status.in_(UNSUCCESSFUL), Delivery.kind != DeliveryKind.ALERT)
        .where(DeliveryAttempt.outcome.in_(GAVE_UP))
        .where(DeliveryAttempt.finished_at >= since)
        .distinct()
        .order_by(Delivery.id.desc())
    )
    rows = session.execute(query).all()
    lines = [
        f"#{id_} to {key}: {status}: {error or 'no reason'}"
        for id_, key, status, error in rows[:limit]
    ]
    return len(rows), lines


def queue_failure_alert(session: Session, *, channel_key: str, now: dt.datetime) -> Delivery | None:
    """Queue this hour's failure summary to ``channel_key`` (once per hour)."""
    count, lines = failure_summary(session, now)
    if not count:
        return None
    hour = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H")
    text = f"{count} deliveries failed or gave up:\n" + "\n".join(lines)
    text += (
        "\nSee `hub deliveries --status failed`; retry with `hub deliveries retry --all-failed`."
    )
    payload = {"title": f"{count} deliveries failed", "text": text}
    return enqueue(
        session,
        channel_key=channel_key,
        kind="alert",
        payload=payload,
        dedup_key=f"delivery-failures:{hour}",
        now=now,
    )


def failure_alerter(
    channel_key: str | None,
) -> Callable[[Engine, list[Result], dt.datetime], None]:
    """A worker hook that queues the hourly alert when a batch had failures."""

    def hook(engine: Engine, failures: list[Result], now: dt.datetime) -> None:
        if channel_key is None or all(r.claim.kind == "alert" for r in failures):
            return
        with Session(engine) as session, session.begin():
            queue_failure_alert(session, channel_key=channel_key, now=now)

    return hook
