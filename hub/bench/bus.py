"""``hub bench bus``: how fast the outbox drains, beside the database's own ceiling.

The sink accepts at once but declares a rate limit far above the run's pace
(:data:`SINK_RATE` a second per channel), as every real sink declares one, so
the shared rate limiter runs on the measured path (``--no-rate-limited``
measures the path no real sink takes).

1. SQLite, one in-process worker, ``count`` deliveries to that sink:
   deliveries/s and the claim-to-recorded latency (p50, p99).
2. The ceiling: 4 processes running the bare queue loop on a scratch database
   of the same server (one ``FOR UPDATE SKIP LOCKED`` claim of 100 rows, then
   one acknowledgement of them, each its own transaction, straight through
   psycopg): rows/s. Nothing the hub does per delivery (messages, sends,
   results, attempt history, leases, budgets) is in it. It is measured before
   and after step 3, and their mean is the ceiling (:func:`ceiling_of`).
3. PostgreSQL, 1 and 4 hub worker processes on a scratch database:
   deliveries/s, and the 4 workers' fraction of the ceiling.
4. procrastinate, the same number of no-op jobs and worker processes on a
   scratch database of the same server: jobs/s, and the hub/procrastinate ratio.

Worker processes start, connect and wait at a barrier; the clock runs from
the barrier to the moment the last process ran out of work (each stops when
nothing is due; interpreter start and exit are not measured).
"""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import io
import multiprocessing
import os
import pstats
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from hub.bench import percentile, scratch_postgres_database
from hub.core.bus.messages import ChannelRow, ChannelSinks
from hub.core.bus.worker import Worker, WorkerConfig
from hub.core.db import make_engine, upgrade
from hub.core.models import utcnow
from hub.core.ports import ChannelInfo
from hub.testing.bus import bus_settings, seed_deliveries
from hub.testing.sinks import InstantSink

SETTINGS = bus_settings(channels=8)
CONFIG = WorkerConfig(concurrency=100, batch_size=100, until_idle=True, poll_interval=0.05)
PROCRASTINATE_TASK = "hub_bench_noop"
SINK_RATE = 100_000.0
"""The sink's declared budget per channel, a second: far above any pace reached here."""
CEILING_BATCH = 100
CEILING_WORKERS = 4

_CLAIM = """
UPDATE deliveries SET status = 'in_flight', attempts = attempts + 1,
    lease_until = now() + interval '60 seconds', leased_by = %(token)s
WHERE id IN (
    SELECT id FROM deliveries WHERE status = 'pending' AND due_at <= now()
    ORDER BY status, due_at LIMIT %(limit)s FOR UPDATE SKIP LOCKED)
RETURNING id
"""
_ACK = """
UPDATE deliveries SET status = 'sent', sent_at = now(), lease_until = NULL
WHERE id = ANY(%(ids)s) AND leased_by = %(token)s
"""


def instant_sinks(rate: float | None = SINK_RATE) -> ChannelSinks:
    def build(row: ChannelRow) -> InstantSink:
        return InstantSink(ChannelInfo(row.key, row.platform, row.target), keep=False, rate=rate)

    return ChannelSinks(build)


def bench_sqlite(
    count: int, profile: bool = False, rate: float | None = SINK_RATE
) -> dict[str, Any]:
    """One worker in this process on a fresh SQLite file."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine)
        seed_deliveries(engine, SETTINGS, count, now=utcnow())
        worker = Worker(engine, instant_sinks(rate), config=CONFIG, measure=True)
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        stats = asyncio.run(worker.run())
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - started
        engine.dispose()
    result: dict[str, Any] = {
        "deliveries_per_s": round(stats.sent / elapsed, 1),
        "p50_ms": round(percentile(stats.latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(stats.latencies, 0.99) * 1000, 2),
    }
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(20)
        result["profile"] = out.getvalue()
    return result


def _hub_worker_process(
    url: str, rate: float | None, ready: Any, start: Any, sent: Any, finished: Any
) -> None:
    engine = make_engine(url)
    with engine.connect():
        pass  # connect before the clock starts
    ready.release()
    start.wait()
    stats = asyncio.run(Worker(engine, instant_sinks(rate), config=CONFIG).run())
    _finished(finished)
    engine.dispose()
    with sent.get_lock():
        sent.value += stats.sent


def _finished(finished: Any) -> None:
    """Note when this process's work ended (its interpreter's exit is not measured)."""
    with finished.get_lock():
        finished.value = max(finished.value, time.time())


def _run_processes(target: Any, args: tuple[Any, ...], workers: int) -> tuple[float, int]:
    """Start ``workers`` processes at a barrier; seconds until the last one is done, and sends."""
    context = multiprocessing.get_context("spawn")
    ready, start, sent = context.Semaphore(0), context.Event(), context.Value("i", 0)
    finished = context.Value("d", 0.0)
    processes = [
        context.Process(target=target, args=(*args, ready, start, sent, finished))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    for _ in processes:
        ready.acquire()
    started = time.time()
    start.set()
    for process in processes:
        process.join()
    return finished.value - started, sent.value


def _seeded_database(server_url: str, count: int) -> Any:
    """A scratch database on the server with ``count`` due deliveries (a context manager)."""

    @contextlib.contextmanager
    def seeded() -> Iterator[str]:
        with scratch_postgres_database(server_url) as url:
            engine = make_engine(url)
            upgrade(engine)
            seed_deliveries(engine, SETTINGS, count, now=utcnow())
            engine.dispose()
            yield url

    return seeded()


def bench_postgres(
    server_url: str, count: int, workers: int, rate: float | None = SINK_RATE
) -> dict[str, Any]:
    with _seeded_database(server_url, count) as url:
        elapsed, sent = _run_processes(_hub_worker_process, (url, rate), workers)
    if sent != count:
        raise RuntimeError(f"{sent} of {count} deliveries sent")
    return {"workers": workers, "deliveries_per_s": round(count / elapsed, 1)}


def _bare_queue_process(url: str, ready: Any, start: Any, done: Any, finished: Any) -> None:
    """Claim 100 due rows with SKIP LOCKED, acknowledge them, again until none is due."""
    import psycopg

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    token = f"bare:{os.getpid()}"
    rows = 0
    with psycopg.connect(conninfo) as conn:
        ready.release()
        start.wait()
        while True:
            with conn.transaction():
                claimed = conn.execute(_CLAIM, {"token": token, "limit": CEILING_BATCH})
                ids = [row[0] for row in claimed.fetchall()]
            if not ids:
                break
            with conn.transaction():
                conn.execute(_ACK, {"ids": ids, "token": token})
            rows += len(ids)
    _finished(finished)
    with done.get_lock():
        done.value += rows


def bench_ceiling(server_url: str, count: int, workers: int = CEILING_WORKERS) -> dict[str, Any]:
    """The bare claim + acknowledge loop's rows/s on this server: the bus's ceiling."""
    with _seeded_database(server_url, count) as url:
        elapsed, rows = _run_processes(_bare_queue_process, (url,), workers)
    if rows != count:
        raise RuntimeError(f"the bare loop acknowledged {rows} of {count} rows")
    return {"workers": workers, "batch": CEILING_BATCH, "rows_per_s": round(count / elapsed, 1)}


def ceiling_of(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The ceiling measured before the hub's runs and again after them, as one: their mean
    (``rows_per_s``), each beside it. On a host whose load changes while the benchmark
    runs (other processes on the same cores), a ceiling measured only before the hub's
    runs tilts the fraction by whatever the load did meanwhile; the mean of both sides
    cancels a steady drift."""
    mean = (before["rows_per_s"] + after["rows_per_s"]) / 2
    return {
        **before,
        "rows_per_s": round(mean, 1),
        "rows_per_s_before": before["rows_per_s"],
        "rows_per_s_after": after["rows_per_s"],
    }


def _procrastinate_app(url: str) -> Any:
    import procrastinate

    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo))
    app.task(name=PROCRASTINATE_TASK)(_noop)
    return app


def _noop() -> None:
    return None


def _procrastinate_worker_process(
    url: str, ready: Any, start: Any, done: Any, finished: Any
) -> None:
    async def work() -> None:
        app = _procrastinate_app(url)
        async with app.open_async():
            ready.release()
            await asyncio.get_running_loop().run_in_executor(None, start.wait)
            await app.run_worker_async(
                concurrency=1, wait=False, install_signal_handlers=False, delete_jobs="never"
            )
            _finished(finished)

    asyncio.run(work())


def bench_procrastinate(server_url: str, count: int, workers: int) -> dict[str, Any]:
    with scratch_postgres_database(server_url, prefix="hub_bench_procrastinate") as url:

        async def prepare() -> None:
            app = _procrastinate_app(url)
            async with app.open_async():
                await app.schema_manager.apply_schema_async()
                task = app.tasks[PROCRASTINATE_TASK]
                for offset in range(0, count, 1000):
                    await task.batch_defer_async(*({} for _ in range(min(1000, count - offset))))

        async def finished() -> int:
            app = _procrastinate_app(url)
            async with app.open_async():
                rows = await app.connector.execute_query_all_async(
                    "SELECT count(*) AS n FROM procrastinate_jobs WHERE status = 'succeeded'"
                )
                return int(rows[0]["n"])

        asyncio.run(prepare())
        elapsed, _ = _run_processes(_procrastinate_worker_process, (url,), workers)
        done = asyncio.run(finished())
    if done != count:
        raise RuntimeError(f"procrastinate finished {done} of {count} jobs")
    return {"name": "procrastinate", "workers": workers, "jobs_per_s": round(count / elapsed, 1)}


def run_bus_bench(
    server_url: str | None,
    count: int = 20_000,
    profile: bool = False,
    *,
    rate_limited: bool = True,
    procrastinate: bool = True,
) -> dict[str, Any]:
    """All the measurements as the ``--json`` object."""
    rate = SINK_RATE if rate_limited else None
    result: dict[str, Any] = {"sqlite": bench_sqlite(count, profile=profile, rate=rate)}
    result["rate_limited"] = rate_limited
    result["sink_limit_per_s"] = rate
    result["postgresql"] = []
    result["baseline"] = None
    result["ratio_vs_procrastinate"] = None
    result["ceiling"] = None
    result["fraction_of_ceiling"] = None
    if server_url:
        before = bench_ceiling(server_url, count)
        result["postgresql"] = [bench_postgres(server_url, count, n, rate) for n in (1, 4)]
        after = bench_ceiling(server_url, count)
        result["ceiling"] = ceiling_of(before, after)
        hub_at_4 = result["postgresql"][-1]["deliveries_per_s"]
        result["fraction_of_ceiling"] = round(hub_at_4 / result["ceiling"]["rows_per_s"], 3)
        if procrastinate:
            result["baseline"] = bench_procrastinate(server_url, count, 4)
            ratio = hub_at_4 / result["baseline"]["jobs_per_s"]
            result["ratio_vs_procrastinate"] = round(ratio, 2)
    return result


def render_bus_bench(result: dict[str, Any], count: int) -> str:
    s = result["sqlite"]
    limit = result.get("sink_limit_per_s")
    declared = f" (it declares {limit:,.0f}/s per channel)" if limit else " (no rate limit)"
    lines = [
        f"bus benchmark, {count} deliveries to the instant sink{declared}",
        f"  SQLite, 1 worker      {s['deliveries_per_s']:>10,.0f} deliveries/s"
        f"   p50 {s['p50_ms']:.1f} ms   p99 {s['p99_ms']:.1f} ms",
    ]
    for row in result["postgresql"]:
        lines.append(
            f"  PostgreSQL, {row['workers']} worker{'s' if row['workers'] > 1 else ' '}"
            f"  {row['deliveries_per_s']:>10,.0f} deliveries/s"
        )
    ceiling = result.get("ceiling")
    if ceiling:
        lines.append(
            f"  bare claim+ack, {ceiling['workers']} processes"
            f" {ceiling['rows_per_s']:>7,.0f} rows/s"
            f"   (the ceiling; hub at 4 workers is {result['fraction_of_ceiling']:.0%} of it)"
        )
    base = result["baseline"]
    if base:
        lines.append(
            f"  procrastinate, {base['workers']} workers {base['jobs_per_s']:>8,.0f} jobs/s"
            f"   (hub is {result['ratio_vs_procrastinate']}x)"
        )
    elif not result["postgresql"]:
        lines.append("  PostgreSQL skipped: give --database-url or set HUB_DATABASE_URL")
    if "profile" in s:
        lines.append(s["profile"])
    return "\n".join(lines)
