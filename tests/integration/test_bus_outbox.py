"""The outbox as a queue: claim in batches, lease, fence, sweep, requeue, enqueue once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from hub.core.bus import outbox
from hub.core.bus.outbox import Result
from hub.core.bus.states import AttemptOutcome
from hub.core.db import transaction
from hub.core.models import Delivery, DeliveryAttempt
from hub.testing.bus import bus_settings, seed_deliveries

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
SETTINGS = bus_settings(channels=2)


def later(seconds: float) -> dt.datetime:
    return NOW + dt.timedelta(seconds=seconds)


def statuses(engine) -> dict[int, str]:
    with engine.connect() as conn:
        return dict(conn.execute(select(Delivery.id, Delivery.status)).all())


def test_claims_are_disjoint_and_only_due_rows(engine):
    ids = seed_deliveries(engine, SETTINGS, 10, now=NOW)
    with engine.begin() as conn:
        conn.execute(update(Delivery).where(Delivery.id == ids[0]).values(due_at=later(60)))
    with engine.begin() as conn:
        first = outbox.claim_due(conn, token="a/1", now=NOW, limit=4, lease_seconds=30)
    with engine.begin() as conn:
        second = outbox.claim_due(conn, token="b/1", now=NOW, limit=100, lease_seconds=30)
    claimed = [c.id for c in first + second]
    assert len(first) == 4 and len(claimed) == 9 == len(set(claimed))
    assert ids[0] not in claimed
    assert all(c.attempt == 1 for c in first + second)


def test_results_are_recorded_and_fenced_by_the_claim_token(engine):
    seed_deliveries(engine, SETTINGS, 3, now=NOW)
    with engine.begin() as conn:
        a, b, c = outbox.claim_due(conn, token="w/1", now=NOW, limit=3, lease_seconds=30)
    results = [
        Result(a, AttemptOutcome.SENT, NOW, later(1), platform_message_id="m-1", worker="w"),
        Result(b, AttemptOutcome.RETRY, NOW, later(1), error="503", due_at=later(10), worker="w"),
        Result(c, AttemptOutcome.RELEASED, NOW, later(1), due_at=later(5), worker="w"),
    ]
    with engine.begin() as conn:
        assert outbox.record_results(conn, results) == 0
    with engine.begin() as conn:  # a second write of the same lease is stale
        assert outbox.record_results(conn, results[:1]) == 1
    with transaction(engine) as session:
        rows = {d.id: d for d in session.scalars(select(Delivery))}
        assert (rows[a.id].status, rows[a.id].platform_message_id) == ("sent", "m-1")
        assert (rows[b.id].status, rows[b.id].due_at, rows[b.id].attempts) == (
            "pending",
            later(10),
            1,
        )
        assert (rows[c.id].status, rows[c.id].attempts) == ("pending", 0)  # not an attempt
        history = session.scalars(select(DeliveryAttempt.outcome).order_by(DeliveryAttempt.id))
        # the stale write changed no row but its send is still part of the history
        assert list(history) == ["sent", "retry", "sent"]


def test_the_attempt_history_holds_every_field_of_each_attempt(engine):
    # PostgreSQL writes a batch's history in one statement (unnest), SQLite row by row
    seed_deliveries(engine, SETTINGS, 2, now=NOW)
    with engine.begin() as conn:
        a, b = outbox.claim_due(conn, token="w/1", now=NOW, limit=2, lease_seconds=30)
    results = [
        Result(a, AttemptOutcome.SENT, NOW, later(1), platform_message_id="m-1", worker="w:1"),
        Result(b, AttemptOutcome.DEAD, later(2), later(3), error="410 gone", worker="w:2"),
    ]
    with engine.begin() as conn:
        assert outbox.record_results(conn, results) == 0
    with transaction(engine) as session:
        rows = session.scalars(select(DeliveryAttempt).order_by(DeliveryAttempt.delivery_id))
        fields = "delivery_id channel_id attempt worker started_at finished_at outcome error"
        written = {tuple(getattr(r, name) for name in fields.split()) for r in rows}
    assert written == {
        (a.id, a.channel_id, 1, "w:1", NOW, later(1), "sent", None),
        (b.id, b.channel_id, 1, "w:2", later(2), later(3), "dead", "410 gone"),
    }


def test_expired_leases_return_to_the_queue_and_old_owner_is_fenced_off(engine):
    (delivery_id,) = seed_deliveries(engine, SETTINGS, 1, now=NOW)
    with engine.begin() as conn:
        (old,) = outbox.claim_due(conn, token="dead/1", now=NOW, limit=1, lease_seconds=30)
    with engine.begin() as conn:
        assert outbox.sweep_expired(conn, later(10)) == 0
        assert outbox.sweep_expired(conn, later(31)) == 1
    with engine.begin() as conn:
        (new,) = outbox.claim_due(conn, token="live/1", now=later(31), limit=1, lease_seconds=30)
    assert new.id == delivery_id and new.attempt == 2
    with engine.begin() as conn:
        stale = outbox.record_results(conn, [Result(old, AttemptOutcome.SENT, NOW, later(40))])
        fresh = outbox.record_results(conn, [Result(new, AttemptOutcome.SENT, NOW, later(40))])
    assert (stale, fresh) == (1, 0)


def test_renewed_leases_survive_the_sweep(engine):
    seed_deliveries(engine, SETTINGS, 1, now=NOW)
    with engine.begin() as conn:
        outbox.claim_due(conn, token="w/1", now=NOW, limit=1, lease_seconds=30)
        assert outbox.renew_leases(conn, ["w/1"], later(90)) == 1
    with engine.begin() as conn:
        assert outbox.sweep_expired(conn, later(60)) == 0


def test_requeue_gives_failed_and_dead_rows_fresh_attempts(engine):
    ids = seed_deliveries(engine, SETTINGS, 3, now=NOW)
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token="w/1", now=NOW, limit=3, lease_seconds=30)
        outbox.record_results(
            conn,
            [
                Result(claims[0], AttemptOutcome.FAILED, NOW, NOW, error="gone"),
                Result(claims[1], AttemptOutcome.DEAD, NOW, NOW, error="503"),
                Result(claims[2], AttemptOutcome.SENT, NOW, NOW, platform_message_id="x"),
            ],
        )
    with engine.begin() as conn:
        assert outbox.requeue(conn, now=later(1), ids=[ids[0]]) == 1
        assert outbox.requeue(conn, now=later(1), all_failed=True) == 1
    assert statuses(engine) == {ids[0]: "pending", ids[1]: "pending", ids[2]: "sent"}


def test_enqueue_is_once_per_dedup_key(engine):
    with transaction(engine) as session:
        from hub.core.config.catalog import sync_config

        sync_config(session, SETTINGS)
        first = outbox.enqueue(
            session,
            channel_key="c0",
            kind="alert",
            payload={"title": "x"},
            dedup_key="alert:1",
            now=NOW,
        )
        again = outbox.enqueue(
            session,
            channel_key="c0",
            kind="alert",
            payload={"title": "y"},
            dedup_key="alert:1",
            now=NOW,
        )
        assert first.id == again.id and again.payload == {"title": "x"}


def test_a_swept_token_is_not_renewed_and_its_holder_hears_of_it(engine):
    seed_deliveries(engine, SETTINGS, 2, now=NOW)
    with engine.begin() as conn:
        outbox.claim_due(conn, token="w/1", now=NOW, limit=1, lease_seconds=30)
        outbox.claim_due(conn, token="w/2", now=NOW, limit=1, lease_seconds=90)
    with engine.begin() as conn:  # w/1's worker was starved past its lease: swept
        assert outbox.sweep_expired(conn, later(60)) == 1
    with engine.begin() as conn:
        renewed = outbox.renew_lease_tokens(conn, ["w/1", "w/2"], later(150))
    assert renewed == {"w/2"}  # w/1 must not send the claim another worker may hold now


def test_recorded_times_keep_their_microseconds(engine):
    """The batch carries its times as microseconds since 1970 on PostgreSQL: what the ledger
    and the history hold is the very moment the worker's clock gave, to the microsecond,
    far from the epoch and across a second's boundary."""
    seed_deliveries(engine, SETTINGS, 2, now=NOW)
    with engine.begin() as conn:
        a, b = outbox.claim_due(conn, token="w/1", now=NOW, limit=2, lease_seconds=30)
    started = dt.datetime(2026, 11, 22, 12, 0, 0, 999_999, tzinfo=dt.UTC)
    finished = dt.datetime(2026, 11, 22, 12, 0, 1, 123_457, tzinfo=dt.UTC)
    due = dt.datetime(2041, 3, 9, 23, 59, 59, 1, tzinfo=dt.UTC)
    results = [
        Result(a, AttemptOutcome.SENT, started, finished, platform_message_id="m", worker="w"),
        Result(b, AttemptOutcome.RETRY, started, finished, error="503", due_at=due, worker="w"),
    ]
    with engine.begin() as conn:
        assert outbox.record_results(conn, results) == 0
    with engine.connect() as conn:
        rows = dict(conn.execute(select(Delivery.id, Delivery.sent_at)).all())
        dues = dict(conn.execute(select(Delivery.id, Delivery.due_at)).all())
        history = conn.execute(
            select(DeliveryAttempt.started_at, DeliveryAttempt.finished_at)
        ).all()

    def utc(moment):  # SQLite gives naive UTC back
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    assert utc(rows[a.id]) == finished and utc(dues[b.id]) == due
    assert [(utc(s), utc(f)) for s, f in history] == [(started, finished)] * 2


def test_removing_a_delivery_or_its_channel_removes_its_attempt_history(engine):
    """The history has no foreign key to its delivery (migration 0026): a trigger does what
    the key's cascade did, for a delivery removed alone and for a removed channel's."""
    from sqlalchemy import delete, func

    from hub.core.models import Channel

    ids = seed_deliveries(engine, SETTINGS, 4, now=NOW)
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token="w/1", now=NOW, limit=4, lease_seconds=30)
        outbox.record_results(
            conn, [Result(c, AttemptOutcome.SENT, NOW, later(1), worker="w") for c in claims]
        )
    with engine.begin() as conn:
        conn.execute(delete(Delivery).where(Delivery.id == ids[0]))
    with engine.connect() as conn:
        left = set(conn.execute(select(DeliveryAttempt.delivery_id)).scalars())
        channel_of = dict(conn.execute(select(Delivery.id, Delivery.channel_id)).all())
    assert left == set(ids[1:])
    gone_channel = channel_of[ids[1]]
    with engine.begin() as conn:
        conn.execute(delete(Channel).where(Channel.id == gone_channel))
    with engine.connect() as conn:
        left = set(conn.execute(select(DeliveryAttempt.delivery_id)).scalars())
        total = conn.execute(select(func.count()).select_from(Delivery)).scalar_one()
    assert left == {i for i in ids[1:] if channel_of[i] != gone_channel}
    assert total == len(left)
