"""``hub bench chaos``: kill worker processes with SIGKILL mid-run; count what was lost.

Real ``hub worker`` processes send deliveries to a recording sink (one JSON
line per message received, from every process, in one file). While they
work, a random worker is killed with SIGKILL at random moments and a new one
started in its place; optionally the database server drops every worker's
connection (``pg_terminate_backend``, standing in for a server restart). At
the end the survivors get SIGTERM and must exit 0. Then:

- lost: deliveries never received by the sink (must be 0);
- duplicates: messages received more than once (at most one per kill:
  workers run with ``--concurrency 1 --record-each``, so at most one message
  is ever sent and not yet recorded).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from hub.bench import scratch_postgres_database
from hub.bus.sinks import read_recording
from hub.bus.testing import seed_deliveries
from hub.db import make_engine, upgrade
from hub.models import Delivery, utcnow
from hub.settings import Settings

LEASE_SECONDS = 3.0  # long enough that a starved but living worker keeps its lease
CHANNELS = 4


def _config(folder: Path) -> tuple[Path, Path, Settings]:
    recording = folder / "received.jsonl"
    lines = ['[hub]\nlanguages = ["en"]\n']
    for n in range(CHANNELS):
        lines.append(f'[channels.c{n}]\nplatform = "recording"\ntarget = "{recording}"\n')
    lines.append(f'[[routes]]\nname = "all"\nto = {[f"c{n}" for n in range(CHANNELS)]}\n')
    config = folder / "hub.toml"
    config.write_text("\n".join(lines).replace("'", '"'))
    settings = Settings.model_validate(
        {
            "channels": {
                f"c{n}": {"platform": "recording", "target": str(recording)}
                for n in range(CHANNELS)
            },
            "routes": [{"name": "all", "to": [f"c{n}" for n in range(CHANNELS)]}],
        }
    )
    return config, recording, settings


def start_worker(config: Path, url: str, log: Path, *extra: str) -> subprocess.Popen[bytes]:
    """A real ``hub worker`` process for the benchmark's deployment."""
    command = [
        sys.executable, "-c", "from hub.cli import main; main()",
        "--config", str(config), "worker", "--database-url", url,
        "--lease", str(LEASE_SECONDS), "--poll", "0.1", *extra,
    ]  # fmt: skip
    with log.open("ab") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)


def _unsent(engine: Any) -> int:
    with engine.connect() as conn:
        query = select(func.count()).select_from(Delivery).where(Delivery.status != "sent")
        return int(conn.execute(query).scalar() or 0)


def _terminate_backends(engine: Any) -> int:
    """Drop every other connection to the database, as a server restart would."""
    with engine.connect() as conn:
        return len(
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).all()
        )


def _busy_victim(
    running: list[subprocess.Popen[bytes]],
    recording: Path,
    rng: random.Random,
    started: float,
    deadline: float,
) -> subprocess.Popen[bytes]:
    """A worker that has already sent something (so the kill lands in the middle of work)."""
    while True:
        senders = {r["pid"] for r in read_recording(str(recording))}
        busy = [p for p in running if p.pid in senders]
        if busy:
            return rng.choice(busy)
        if time.monotonic() - started > deadline:
            raise RuntimeError("no worker sent anything")
        time.sleep(0.05)


@contextmanager
def _database(server_url: str | None) -> Iterator[str]:
    if server_url:
        with scratch_postgres_database(server_url, prefix="hub_bench_chaos") as url:
            yield url
    else:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'chaos.db'}"


def run_chaos_bench(
    server_url: str | None,
    deliveries: int = 5000,
    kills: int = 10,
    workers: int = 3,
    *,
    connection_drops: int = 0,
    seed: int | None = None,
    deadline: float = 300.0,
) -> dict[str, Any]:
    """The ``--json`` object: ``deliveries``, ``kills``, ``lost``, ``duplicates``."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder_name, _database(server_url) as url:
        folder = Path(folder_name)
        config, recording, settings = _config(folder)
        if url.startswith("sqlite"):
            workers = 1  # SQLite serves one worker process
        engine = make_engine(url)
        upgrade(engine)
        seed_deliveries(engine, settings, deliveries, now=utcnow())
        log = folder / "workers.log"
        extra = ("--concurrency", "1", "--batch-size", "5", "--record-each")
        running = [start_worker(config, url, log, *extra) for _ in range(workers)]
        done_kills = done_drops = 0
        events = ["kill"] * kills + ["drop"] * connection_drops
        rng.shuffle(events)
        started = time.monotonic()
        try:
            for event in events:
                time.sleep(rng.uniform(0.1, 0.4))
                if event == "kill":
                    victim = _busy_victim(running, recording, rng, started, deadline)
                    running.remove(victim)
                    victim.send_signal(signal.SIGKILL)
                    victim.wait()
                    done_kills += 1
                    running.append(start_worker(config, url, log, *extra))
                else:
                    _terminate_backends(engine)
                    done_drops += 1
            while _unsent(engine):
                if time.monotonic() - started > deadline:
                    raise RuntimeError(f"not finished after {deadline:g} s; see {log}")
                time.sleep(0.2)
        finally:
            codes = []
            for process in running:
                process.send_signal(signal.SIGTERM)
            for process in running:
                try:
                    codes.append(process.wait(timeout=30))
                except subprocess.TimeoutExpired:
                    process.kill()
                    codes.append(process.wait())
            engine.dispose()
        if any(codes):
            raise RuntimeError(f"workers exited with {codes} after SIGTERM: {log.read_text()}")
        received = Counter(str(r["delivery_id"]) for r in read_recording(str(recording)))
        result = {
            "deliveries": deliveries,
            "kills": done_kills,
            "lost": deliveries - len(received),
            "duplicates": sum(received.values()) - len(received),
        }
        if os.environ.get("HUB_BENCH_VERBOSE"):
            print(
                f"{done_drops} connection drops, {time.monotonic() - started:.1f} s,"
                f" {len({r['pid'] for r in read_recording(str(recording))})} sending processes",
                file=sys.stderr,
            )
        return result


def render_chaos_bench(result: dict[str, Any]) -> str:
    return (
        f"chaos: {result['deliveries']} deliveries, {result['kills']} workers killed "
        f"with SIGKILL: {result['lost']} lost, {result['duplicates']} duplicated"
    )
