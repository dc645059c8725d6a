"""``hub bench worker``'s parts: the slow sink, one run to the end, the delaying proxy.

Speed is the benchmark's business, never a test's: these check that a run
delivers everything and reports what the JSON contract names.
"""

from __future__ import annotations

import asyncio
import os
import time

import pytest
from sqlalchemy import text

from hub.bench.bus import SINK_RATE, bench_ceiling
from hub.bench.proxy import delayed
from hub.bench.worker import default_count, ideal_per_s, one_run
from hub.core.db import make_engine
from hub.core.ports import ChannelInfo, Message
from hub.testing.sinks import InstantSink, SlowSink

CHANNEL = ChannelInfo("c0", "slow", "#c0")
MESSAGE = Message(delivery_id=1, kind="item", title="t")


def test_the_slow_sink_takes_its_time_and_picks_the_same_slow_sends_every_run() -> None:
    sink = SlowSink(CHANNEL, latency=0.01, slow_fraction=0.1, slow_latency=0.5)
    twin = SlowSink(CHANNEL, latency=0.01, slow_fraction=0.1, slow_latency=0.5)
    picked = [sink.latency_of(n) for n in range(2000)]
    assert picked == [twin.latency_of(n) for n in range(2000)]
    slow = picked.count(0.5) / len(picked)
    assert 0.07 < slow < 0.13 and set(picked) == {0.01, 0.5}
    started = time.perf_counter()
    receipt = asyncio.run(sink.send(MESSAGE))
    assert time.perf_counter() - started >= sink.latency_of(1) * 0.9
    assert receipt.platform_message_id == "slow:1" and sink.count == 1
    assert [lim.rate for lim in sink.rate_limits(MESSAGE)] == [10_000.0]
    assert SlowSink(CHANNEL, rate=None).rate_limits(MESSAGE) == []


def test_the_ideal_is_concurrency_over_the_mean_send_time() -> None:
    assert ideal_per_s(16, 0.05, 0.0, 2.0) == pytest.approx(320.0)
    assert ideal_per_s(16, 0.05, 0.01, 2.0) == pytest.approx(16 / 0.0695)


def test_one_run_delivers_every_delivery_and_reports_the_rate(database_url: str) -> None:
    result = one_run(
        database_url,
        120,
        concurrency=8,
        latency=0.002,
        slow_fraction=0.05,
        slow_latency=0.01,
        rate_limited=True,
        db_latency_ms=0.0,
    )
    assert result["achieved_per_s"] == pytest.approx(120 / result["seconds"], rel=0.01)
    assert set(result["loop_lag_ms"]) == {"p50", "p99", "max"}


@pytest.mark.postgres
def test_the_proxy_delays_every_round_trip_and_keeps_the_answers(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the proxy stands between the hub and a PostgreSQL server")
    with delayed(database_url, 20.0) as far_url:
        engine = make_engine(far_url)
        with engine.connect() as conn:
            started = time.perf_counter()
            for n in range(5):
                assert conn.execute(text("SELECT :n"), {"n": n}).scalar() == n
            assert time.perf_counter() - started >= 5 * 0.020
        engine.dispose()


def test_the_bus_bench_sink_declares_its_budget_only_when_asked() -> None:
    limits = InstantSink(CHANNEL, rate=SINK_RATE).rate_limits(MESSAGE)
    assert [(lim.key, lim.rate) for lim in limits] == [("instant:c0", SINK_RATE)]
    assert InstantSink(CHANNEL).rate_limits(MESSAGE) == []


@pytest.mark.postgres
def test_the_ceiling_loop_acknowledges_every_row_once() -> None:
    server = os.environ.get("HUB_TEST_DATABASE_URL")
    if not server:
        pytest.skip("the ceiling is measured on a PostgreSQL server")
    result = bench_ceiling(server, 250, workers=2)  # raises unless all 250 were acknowledged
    assert result["workers"] == 2 and result["batch"] == 100 and result["rows_per_s"] > 0


def test_a_run_with_slow_sends_is_long_enough_for_their_tail_to_be_small() -> None:
    assert default_count(16, 0.05, 0.0, 2.0) == 2000
    count = default_count(16, 0.05, 0.01, 2.0)
    assert count / ideal_per_s(16, 0.05, 0.01, 2.0) >= 2.0 / 0.05  # 20 slow sends long
