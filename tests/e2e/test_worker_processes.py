"""Real ``hub worker`` processes killed with SIGKILL, their database connections dropped.

Nothing approved may be lost, and a kill may repeat at most one message (the
workers run with ``--concurrency 1 --record-each``). After the run every
worker must stop on SIGTERM with exit code 0 (run_chaos_bench raises if not).
"""

from __future__ import annotations

import os

import pytest

from hub.bench.chaos import run_chaos_bench

POSTGRES_URL = os.environ.get("HUB_TEST_DATABASE_URL")

pytestmark = pytest.mark.slow


@pytest.mark.postgres
def test_killed_workers_and_dropped_connections_lose_nothing_on_postgres():
    result = run_chaos_bench(
        POSTGRES_URL, deliveries=800, kills=3, workers=2, connection_drops=2, seed=11, deadline=120
    )
    assert result["kills"] == 3
    assert result["lost"] == 0
    assert result["duplicates"] <= result["kills"]


def test_a_killed_worker_loses_nothing_on_sqlite():
    result = run_chaos_bench(None, deliveries=400, kills=2, workers=1, seed=5, deadline=120)
    assert (result["kills"], result["lost"]) == (2, 0)
    assert result["duplicates"] <= result["kills"]
