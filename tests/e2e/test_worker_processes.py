"""Real ``hub worker`` processes killed with SIGKILL, delivering to the platform stand-ins.

The reduced CI version of ``hub bench chaos``: Slack posts, Telegram messages
and Mailchimp campaign sends through the real sinks, workers killed at random
points, at least two of them right after a platform accepted a message and
before the hub recorded it. Nothing may be lost; Slack (history lookup) and
Mailchimp (status read) never repeat a message; Telegram, which has no
idempotency key, may repeat at most one message per kill. After the run every
worker must stop on SIGTERM with exit code 0 (run_chaos_bench raises if not).
"""

from __future__ import annotations

import os

import pytest

from hub.bench.chaos import run_chaos_bench

POSTGRES_URL = os.environ.get("HUB_TEST_DATABASE_URL")

# The deadline only stops a run that hangs (the bench returns as soon as every delivery is
# recorded): it is wide, because on a busy two-core machine the same run takes several times
# as long, and a test that fails for the machine's load says nothing about the hub.
DEADLINE_S = 600

pytestmark = [pytest.mark.slow, pytest.mark.timeout(DEADLINE_S + 60)]


def check(result: dict, deliveries: int, kills: int, after_accept: int) -> None:
    assert (result["deliveries"], result["kills"]) == (deliveries, kills)
    assert result["kills_after_accept"] == after_accept
    assert sum(p["kills_after_accept"] for p in result["platforms"].values()) == after_accept
    assert result["lost"] == 0
    assert result["failed"] == 0
    assert result["platforms"]["slack"]["duplicates"] == 0
    assert result["platforms"]["mailchimp"]["duplicates"] == 0
    assert result["duplicates"] <= result["kills"]
    assert sum(p["deliveries"] for p in result["platforms"].values()) == deliveries


def test_killed_workers_lose_nothing_and_slack_repeats_nothing_on_sqlite():
    result = run_chaos_bench(
        None,
        deliveries=600,
        kills=4,
        kills_after_accept=2,
        seed=5,
        deadline=DEADLINE_S,
        channels=20,
    )
    check(result, 600, 4, 2)


@pytest.mark.postgres
def test_killed_workers_and_dropped_connections_lose_nothing_on_postgres():
    result = run_chaos_bench(
        POSTGRES_URL,
        deliveries=450,
        kills=4,
        workers=2,
        kills_after_accept=2,
        connection_drops=2,
        seed=11,
        deadline=DEADLINE_S,
        channels=20,
    )
    check(result, 450, 4, 2)
