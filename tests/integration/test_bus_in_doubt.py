"""The attempt number and "may already have been sent" reach the sink's Message.

A claim knows how many times its delivery was claimed and the error recorded
before it (a sweep records one when a worker died holding the lease), so
``build_messages`` can tell the sink that an earlier attempt may have reached
the platform unrecorded. A first claim is not in doubt; a claim given back
unsent does not count as an attempt and keeps the doubt it had.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from hub.core.bus import outbox
from hub.core.bus.messages import build_messages, load_channels
from hub.core.bus.outbox import Result
from hub.core.bus.states import AttemptOutcome
from hub.core.models import Delivery
from hub.testing.bus import bus_settings, seed_deliveries

SETTINGS = bus_settings(channels=1)
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def later(seconds: float) -> dt.datetime:
    return NOW + dt.timedelta(seconds=seconds)


def claim_messages(engine, token: str, at: dt.datetime):
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token=token, now=at, limit=10, lease_seconds=5)
        channels = load_channels(conn, [c.channel_id for c in claims])
        return claims, build_messages(conn, claims, channels)


def test_a_first_claim_is_attempt_one_and_not_in_doubt(engine):
    [delivery_id] = seed_deliveries(engine, SETTINGS, 1, now=NOW)
    [claim], messages = claim_messages(engine, "w1/1", NOW)
    assert (claim.attempt, claim.in_doubt) == (1, False)
    message = messages[delivery_id]
    assert (message.attempt, message.in_doubt) == (1, False)


def test_a_claim_taken_over_from_a_dead_worker_is_in_doubt(engine):
    [delivery_id] = seed_deliveries(engine, SETTINGS, 1, now=NOW)
    claim_messages(engine, "killed/1", NOW)  # the worker dies: no result recorded
    with engine.begin() as conn:
        assert outbox.sweep_expired(conn, later(10)) == 1
    [claim], messages = claim_messages(engine, "w2/1", later(10))
    assert claim.attempt == 2
    assert claim.previous_error and "lease expired" in claim.previous_error
    message = messages[delivery_id]
    assert (message.attempt, message.in_doubt) == (2, True)


def test_a_retry_after_a_recorded_failure_is_in_doubt(engine):
    [delivery_id] = seed_deliveries(engine, SETTINGS, 1, now=NOW)
    [claim], _ = claim_messages(engine, "w1/1", NOW)
    failed = Result(
        claim, AttemptOutcome.RETRY, NOW, NOW, error="Slack did not answer in time", due_at=NOW
    )
    with engine.begin() as conn:
        outbox.record_results(conn, [failed])
    _, messages = claim_messages(engine, "w1/2", later(1))
    assert (messages[delivery_id].attempt, messages[delivery_id].in_doubt) == (2, True)


def test_a_claim_given_back_unsent_is_not_an_attempt_and_keeps_its_doubt(engine):
    [delivery_id] = seed_deliveries(engine, SETTINGS, 1, now=NOW)
    [claim], _ = claim_messages(engine, "w1/1", NOW)
    with engine.begin() as conn:
        outbox.record_results(conn, [Result(claim, AttemptOutcome.RELEASED, NOW, NOW, due_at=NOW)])
    [again], messages = claim_messages(engine, "w1/2", later(1))
    assert (again.attempt, messages[delivery_id].in_doubt) == (1, False)

    with engine.begin() as conn:  # a requeued dead delivery: attempts reset, doubt kept
        conn.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id)
            .values(status="dead", last_error="lease expired: the worker stopped")
        )
        outbox.requeue(conn, now=later(2), ids=[delivery_id])
    [claim], _ = claim_messages(engine, "w1/3", later(2))
    with engine.begin() as conn:
        outbox.record_results(
            conn, [Result(claim, AttemptOutcome.RELEASED, NOW, NOW, due_at=later(2))]
        )
    [last], messages = claim_messages(engine, "w1/4", later(3))
    assert last.attempt == 1
    assert messages[delivery_id].in_doubt is True
