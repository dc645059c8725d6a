"""The ledger's sealed days agree with a direct count of the ledger (SQLite and PostgreSQL).

A week of sends, rate-limited retries, failures, a failure requeued and failed again on
the same day, deaths and retractions goes through the outbox's own functions, the clock
moving a few hours at a time and the days sealed as the dashboard seals them; at every
step the sealed-plus-open figures equal what the rows themselves say, counted here in
Python, and the dashboard's chart and ``/metrics`` show those figures.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from sqlalchemy import select, update

from hub.core.bus import ledger_days, outbox
from hub.core.bus.outbox import Result
from hub.core.bus.states import AttemptOutcome
from hub.core.db import make_engine, transaction
from hub.core.metrics import render_metrics
from hub.core.models import Channel, Delivery, DeliveryAttempt, DeliveryDay
from hub.core.stats import deliveries_per_day
from hub.testing.bus import bus_settings, seed_deliveries

START = dt.datetime(2026, 11, 16, 21, 0, tzinfo=dt.UTC)
SETTINGS = bus_settings(channels=3)
RATE_LIMITED = "RateLimited: slow down (retry after 30 s)"


def direct_count(engine) -> tuple[Counter, Counter, Counter]:
    """(channel, day, kind) -> sent, failed deliveries, rate-limited attempts: from the rows."""
    sent: Counter = Counter()
    failed: set[tuple[str, dt.date, str, int]] = set()
    limited: Counter = Counter()
    with transaction(engine) as session:
        keys = dict(session.execute(select(Channel.id, Channel.key)).all())
        kinds = {}
        for d in session.scalars(select(Delivery)):
            kinds[d.id] = d.kind
            if d.status == "sent" and d.sent_at is not None:
                sent[(keys[d.channel_id], d.sent_at.date(), d.kind)] += 1
        for a in session.scalars(select(DeliveryAttempt)):
            key = (keys[a.channel_id], a.finished_at.date(), kinds[a.delivery_id])
            if a.outcome in ("failed", "dead"):
                failed.add((*key, a.delivery_id))
            if (a.error or "").startswith("RateLimited:"):
                limited[key] += 1
    return sent, Counter(f[:3] for f in failed), limited


def assert_agrees(engine, now: dt.datetime) -> None:
    sent, failed, limited = direct_count(engine)
    with transaction(engine) as session:
        tallied = ledger_days.daily(session, dt.date(2026, 1, 1))
        totals = ledger_days.lifetime(session.connection())
    assert {k: t.sent for k, t in tallied.items() if t.sent} == dict(sent)
    assert {k: t.failed for k, t in tallied.items() if t.failed} == dict(failed)
    assert {k: t.rate_limited for k, t in tallied.items() if t.rate_limited} == dict(limited)
    per_kind: Counter = Counter()
    for (channel, _day, kind), count in sent.items():
        per_kind[(channel, kind)] += count
    assert {k: t.sent for k, t in totals.items() if t.sent} == dict(per_kind)


def step(engine, now: dt.datetime, rng: random.Random, worker: str) -> None:
    """One claim of everything due, each ending as the dice say, recorded by the outbox."""
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token=worker, now=now, limit=100, lease_seconds=60)
    results = []
    for claim in sorted(claims, key=lambda c: c.id):
        at = now + dt.timedelta(seconds=rng.randint(1, 50))
        roll = rng.random()
        if roll < 0.55:
            results.append(Result(claim, AttemptOutcome.SENT, now, at, platform_message_id="m"))
        elif roll < 0.75:
            later = at + dt.timedelta(hours=rng.choice((1, 5, 30)))
            results.append(
                Result(
                    claim,
                    AttemptOutcome.RETRY,
                    now,
                    at,
                    error=RATE_LIMITED,
                    error_kind="RateLimited",
                    due_at=later,
                )
            )
        elif roll < 0.9:
            results.append(Result(claim, AttemptOutcome.FAILED, now, at, error="ChannelGone: gone"))
        else:
            results.append(Result(claim, AttemptOutcome.DEAD, now, at, error="Timeout: late"))
    with engine.begin() as conn:
        assert outbox.record_results(conn, results) == 0


def test_sealed_days_agree_with_the_ledger_after_sends_retries_and_retractions(engine):
    rng = random.Random(20)
    ids = seed_deliveries(engine, SETTINGS, 240, now=START)
    with engine.begin() as conn:  # the deliveries fall due over the week
        for n, delivery_id in enumerate(ids):
            due = START + dt.timedelta(hours=(n * 7) % 150)
            conn.execute(update(Delivery).where(Delivery.id == delivery_id).values(due_at=due))
    now, turn = START, 0
    sealed_any = False
    statuses: set[str] = set()
    while now < START + dt.timedelta(days=7):
        step(engine, now, rng, f"w/{turn}")
        if turn % 5 == 2:  # a person retries every failure: some fail again the same day
            with engine.begin() as conn:
                outbox.requeue(conn, now=now, all_failed=True)
        if turn % 7 == 3:  # an item is retracted: its unsent deliveries are cancelled
            with transaction(engine) as session:
                item_id = session.scalar(
                    select(Delivery.item_id).where(Delivery.status == "pending").limit(1)
                )
                if item_id is not None:
                    outbox.cancel_unsent(session, item_id, by="ana@example.org")
        if turn % 3 == 0:  # the dashboard seals as the days go by
            ledger_days.seal(engine, now)
            with transaction(engine) as session:
                sealed_any = sealed_any or ledger_days.sealed_through(session) > dt.date(2000, 1, 1)
        assert_agrees(engine, now)
        with transaction(engine) as session:
            statuses |= set(session.scalars(select(Delivery.status)))
        now += dt.timedelta(hours=rng.choice((2, 3, 5)))
        turn += 1
    assert sealed_any
    with transaction(engine) as session:
        assert session.scalar(select(DeliveryDay.day).limit(1)) is not None  # days were kept
    assert {"sent", "failed", "dead", "cancelled"} <= statuses  # every ending was met

    # The dashboard's chart and /metrics read the same figures.
    ledger_days.seal(engine, now)
    sent, failed, _ = direct_count(engine)
    with transaction(engine) as session:
        chart = deliveries_per_day(session, now, days=30)
    for channel, series in chart.items():
        for day in series:
            assert day.first == sum(
                v for (c, d, _k), v in sent.items() if (c, d) == (channel, day.day)
            )
            assert day.second == sum(
                v for (c, d, _k), v in failed.items() if (c, d) == (channel, day.day)
            )
    assert sum(d.first for s in chart.values() for d in s) == sum(sent.values())
    body = render_metrics(engine, now).decode()
    for channel in ("c0", "c1", "c2"):
        count = sum(v for (c, _d, _k), v in sent.items() if c == channel)
        assert f'hub_deliveries{{channel="{channel}",kind="item",status="sent"}} {count}.0' in body


def test_a_row_dated_into_a_sealed_day_is_counted_once_the_day_is_reopened(engine):
    ids = seed_deliveries(engine, SETTINGS, 4, now=START)
    now = START + dt.timedelta(days=5)
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token="w/1", now=START, limit=2, lease_seconds=60)
        outbox.record_results(
            conn,
            [Result(c, AttemptOutcome.SENT, START, START, platform_message_id="m") for c in claims],
        )
    assert ledger_days.seal(engine, now) == (now - dt.timedelta(hours=2)).date() - dt.timedelta(1)
    late = START + dt.timedelta(days=1)  # Mailchimp reports a send time days later
    with transaction(engine) as session:
        session.execute(
            update(Delivery).where(Delivery.id == ids[3]).values(status="sent", sent_at=late)
        )
        assert ledger_days.reopen(session, late)
    ledger_days.seal(engine, now)
    assert_agrees(engine, now)
    with transaction(engine) as session:
        assert not ledger_days.reopen(session, now)  # today is not sealed: nothing to reopen


def test_results_recorded_into_a_sealed_day_are_counted_at_the_next_seal(engine):
    """A worker's results recorded days after their sends (a recorder that waited out an
    outage): nobody reopens the day, the seal finds them by their attempts."""
    seed_deliveries(engine, SETTINGS, 6, now=START)
    now = START + dt.timedelta(days=5)
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token="w/1", now=START, limit=2, lease_seconds=60)
        outbox.record_results(
            conn,
            [Result(c, AttemptOutcome.SENT, START, START, platform_message_id="m") for c in claims],
        )
    sealed = ledger_days.seal(engine, now)
    assert sealed > START.date() + dt.timedelta(days=1)
    assert_agrees(engine, now)
    sent_then = START + dt.timedelta(days=1, hours=3)  # a day sealed already
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token="w/2", now=sent_then, limit=4, lease_seconds=60)
        late = [
            Result(claims[0], AttemptOutcome.SENT, sent_then, sent_then, platform_message_id="m"),
            Result(claims[1], AttemptOutcome.SENT, sent_then, sent_then, platform_message_id="m"),
            Result(claims[2], AttemptOutcome.FAILED, sent_then, sent_then, error="ChannelGone: x"),
            Result(claims[3], AttemptOutcome.DEAD, START, START, error="Timeout: late"),
        ]
        outbox.record_results(conn, late)
    assert ledger_days.seal(engine, now) == sealed  # the late days counted again
    assert_agrees(engine, now)
    assert ledger_days.seal(engine, now) == sealed  # and nothing more to reopen
    assert_agrees(engine, now)


def test_a_process_first_looking_finds_a_sent_row_dated_back_with_no_attempt(engine, database_url):
    """A row dated into a sealed day with no attempt and no reopen (moved by hand while no
    reader ran): the next process's first seal compares the totals and counts it."""
    ids = seed_deliveries(engine, SETTINGS, 3, now=START)
    now = START + dt.timedelta(days=4)
    with engine.begin() as conn:
        claims = outbox.claim_due(conn, token="w/1", now=START, limit=1, lease_seconds=60)
        outbox.record_results(
            conn,
            [Result(c, AttemptOutcome.SENT, START, START, platform_message_id="m") for c in claims],
        )
    ledger_days.seal(engine, now)
    dated_back = START + dt.timedelta(days=1)
    with engine.begin() as conn:
        conn.execute(
            update(Delivery).where(Delivery.id == ids[2]).values(status="sent", sent_at=dated_back)
        )
    later = make_engine(database_url)  # another process: its first look at this database
    try:
        ledger_days.seal(later, now)
        assert_agrees(later, now)
    finally:
        later.dispose()
