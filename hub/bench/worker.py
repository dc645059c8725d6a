"""``hub bench worker``: one real worker against a sink that takes 50 ms per send.

With ``concurrency`` sends in flight and each taking ``latency``, a worker
that never blocks its own loop and never waits for its slowest send delivers
``concurrency / mean latency`` messages per second (Little's law): 320/s at
16 x 50 ms. The benchmark seeds ``count`` due deliveries on a scratch
database (a SQLite file by default, or a PostgreSQL server's scratch
database), runs :class:`~hub.core.bus.worker.Worker` in this process until
nothing is due, and reports the rate it reached and its fraction of that
ideal, with the event loop's lag meanwhile (how long a ready task waited:
database work done on the loop shows up here).

A run drains 2,000 deliveries, or, with slow sends, enough that one slow send
is at most 5% of the run: a slow send that starts as the queue runs dry ends
the run up to its latency later whatever the worker does (a 2 s send near the
end of a 9 s run would cap any worker at about 82% of the ideal).

The sink declares a rate limit far above the run's pace, as every real sink
declares one, so the shared rate limiter runs on the measured path. Options
give the two harder cases of the performance issue: a fraction of sends
taking much longer (``slow_fraction``, ``slow_ms``), and the database some
milliseconds away behind a delaying proxy (``db_latency_ms``, PostgreSQL).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hub.bench import percentile, scratch_postgres_database
from hub.bench.proxy import delayed
from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.db import make_engine, upgrade
from hub.core.errors import HubError
from hub.core.models import utcnow
from hub.core.ports import ChannelInfo
from hub.testing.bus import bus_settings, seed_deliveries
from hub.testing.sinks import SlowSink

SETTINGS = bus_settings(channels=8)
LAG_TICK = 0.005


@contextmanager
def _database(server_url: str | None) -> Iterator[str]:
    if server_url:
        with scratch_postgres_database(server_url, prefix="hub_bench_worker") as url:
            yield url
        return
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / 'bench.db'}"


async def _watch_lag(lags: list[float], stop: asyncio.Event) -> None:
    """How late the loop wakes a task that asked to sleep ``LAG_TICK`` s."""
    while not stop.is_set():
        asked = time.perf_counter()
        await asyncio.sleep(LAG_TICK)
        lags.append(max(0.0, time.perf_counter() - asked - LAG_TICK))


async def _run(worker: Worker) -> tuple[float, list[float]]:
    lags: list[float] = []
    done = asyncio.Event()
    watcher = asyncio.create_task(_watch_lag(lags, done))
    started = time.perf_counter()
    try:
        await worker.run()
    finally:
        elapsed = time.perf_counter() - started
        done.set()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
    return elapsed, lags


def one_run(
    url: str,
    count: int,
    *,
    concurrency: int,
    latency: float,
    slow_fraction: float,
    slow_latency: float,
    rate_limited: bool,
    db_latency_ms: float,
) -> dict[str, Any]:
    """Seed ``count`` deliveries on ``url`` and drain them with one worker; the figures."""
    engine = make_engine(url)
    upgrade(engine)
    seed_deliveries(engine, SETTINGS, count, now=utcnow())
    engine.dispose()

    def build(row: ChannelRow) -> SlowSink:
        channel = ChannelInfo(row.key, row.platform, row.target)
        rate = 10_000.0 if rate_limited else None
        return SlowSink(
            channel,
            latency=latency,
            slow_fraction=slow_fraction,
            slow_latency=slow_latency,
            rate=rate,
        )

    config = WorkerConfig(concurrency=concurrency, until_idle=True, poll_interval=0.05)
    with contextlib.ExitStack() as stack:
        worker_url = stack.enter_context(delayed(url, db_latency_ms)) if db_latency_ms else url
        engine = make_engine(worker_url)
        with engine.connect():
            pass  # connect before the clock starts
        worker = Worker(engine, ChannelSinks(build), config=config)
        elapsed, lags = asyncio.run(_run(worker))
        engine.dispose()
    if worker.stats.sent != count:
        raise HubError(f"the worker sent {worker.stats.sent} of {count} deliveries")
    return {
        "seconds": round(elapsed, 3),
        "achieved_per_s": round(count / elapsed, 1),
        "loop_lag_ms": {
            "p50": round(percentile(lags, 0.50) * 1000, 2),
            "p99": round(percentile(lags, 0.99) * 1000, 2),
            "max": round(max(lags, default=0.0) * 1000, 2),
        },
    }


def ideal_per_s(
    concurrency: int, latency: float, slow_fraction: float, slow_latency: float
) -> float:
    """``concurrency`` sends in flight, each taking the sink's mean latency."""
    mean = (1 - slow_fraction) * latency + slow_fraction * slow_latency
    return concurrency / mean


TAIL_SHARE = 0.05
"""With slow sends, a run is long enough that one slow send is at most this share of it."""


def default_count(
    concurrency: int, latency: float, slow_fraction: float, slow_latency: float
) -> int:
    """2,000 deliveries, or more with slow sends: a slow send that starts as the queue
    runs dry ends the run up to ``slow_latency`` later whatever the worker does, so the
    run must be long enough that this tail is small beside it (:data:`TAIL_SHARE`)."""
    if slow_fraction <= 0:
        return 2000
    ideal = ideal_per_s(concurrency, latency, slow_fraction, slow_latency)
    return max(2000, math.ceil(ideal * slow_latency / TAIL_SHARE))


def run_worker_bench(
    server_url: str | None,
    count: int | None = None,
    *,
    concurrency: int = 16,
    sink_latency_ms: float = 50.0,
    slow_fraction: float = 0.0,
    slow_ms: float = 2000.0,
    db_latency_ms: float = 0.0,
    rate_limited: bool = True,
    runs: int = 1,
) -> dict[str, Any]:
    """``runs`` runs on fresh databases; the run of median rate as the ``--json`` object."""
    if db_latency_ms and not server_url:
        raise HubError("--db-latency-ms needs a PostgreSQL server (--database-url)")
    latency, slow_latency = sink_latency_ms / 1000, slow_ms / 1000
    ideal = ideal_per_s(concurrency, latency, slow_fraction, slow_latency)
    if count is None:
        count = default_count(concurrency, latency, slow_fraction, slow_latency)
    measured = []
    for _ in range(runs):
        with _database(server_url) as url:
            measured.append(
                one_run(
                    url,
                    count,
                    concurrency=concurrency,
                    latency=latency,
                    slow_fraction=slow_fraction,
                    slow_latency=slow_latency,
                    rate_limited=rate_limited,
                    db_latency_ms=db_latency_ms,
                )
            )
    rates = [run["achieved_per_s"] for run in measured]
    median = sorted(measured, key=lambda run: run["achieved_per_s"])[(len(measured) - 1) // 2]
    return {
        "database": "postgresql" if server_url else "sqlite",
        "deliveries": count,
        "concurrency": concurrency,
        "sink_latency_ms": sink_latency_ms,
        "slow_fraction": slow_fraction,
        "slow_ms": slow_ms,
        "db_latency_ms": db_latency_ms,
        "rate_limited": rate_limited,
        "ideal_per_s": round(ideal, 1),
        **median,
        "fraction_of_ideal": round(median["achieved_per_s"] / ideal, 3),
        "runs_per_s": rates,
        "median_per_s": statistics.median(rates),
    }


def render_worker_bench(result: dict[str, Any]) -> str:
    slow = (
        f", {result['slow_fraction']:.1%} of sends {result['slow_ms']:g} ms"
        if result["slow_fraction"]
        else ""
    )
    db = (
        f", database +{result['db_latency_ms']:g} ms per round trip"
        if result["db_latency_ms"]
        else ""
    )
    lag = result["loop_lag_ms"]
    runs = ", ".join(f"{rate:,.1f}" for rate in result["runs_per_s"])
    return "\n".join(
        [
            f"worker benchmark, {result['deliveries']} deliveries on {result['database']}, "
            f"concurrency {result['concurrency']}, sink {result['sink_latency_ms']:g} ms{slow}{db}",
            f"  achieved   {result['achieved_per_s']:>8,.1f} sends/s   (runs: {runs})",
            f"  ideal      {result['ideal_per_s']:>8,.1f} sends/s   "
            f"({result['fraction_of_ideal']:.0%} of it)",
            f"  loop lag   p50 {lag['p50']:.1f} ms   p99 {lag['p99']:.1f} ms"
            f"   max {lag['max']:.1f} ms",
        ]
    )
