"""``hub bench console``: every console page and ``/metrics`` on a two-year ledger.

1. A database (SQLite in a temporary folder, or a scratch database on the
   PostgreSQL server of ``--database-url``) is migrated and filled in bulk
   (``COPY`` on PostgreSQL, ``executemany`` on SQLite): ``items`` items from
   ten feeds over two years, ``deliveries`` deliveries to ten channels (most
   sent, some digested, cancelled, failed, dead, held or waiting out a rate
   limit), one attempt per try, replies to members, questions and audit
   entries. PostgreSQL is then vacuumed and analysed, as autovacuum would
   have left a database of that age.
2. The web role starts as a real process (``hub serve --role web`` on a free
   loopback port), and the bench signs in as a staff account over HTTP.
3. Each page (every GET page of the console without a path parameter, one
   item's page, and ``/metrics``) is loaded once untimed, then 20 times:
   p50 and p95 in milliseconds.

The JSON contract: ``{"items": N, "deliveries": N, "database": "postgresql"|"sqlite",
"pages": {PATH: {"p50_ms": x, "p95_ms": x}}}``, plus ``"first_ms"`` per page
(the untimed first load), ``"build_s"`` (how long the data set took) and
``"attempts"``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, select, text

from hub.bench import percentile, scratch_postgres_database
from hub.core.db import make_engine, transaction, upgrade
from hub.core.models import Channel, Delivery, Question, Source, utcnow

CHANNELS = 10
SOURCES = 10
SPAN = dt.timedelta(days=730)
TIMES = 20
BENCH_EMAIL = "bench@example.org"
BENCH_PASSWORD = "bench password for the console"
SECRET_KEY = "bench-secret-key-for-the-console-0123456789"
SKIPPED = {
    "/login",
    "/logout",
    "/healthz",
    "/readyz",
    "/favicon.ico",
    "/submit-news",
    "/events.ics",
}
"""GET paths that are not console pages (sign-in, health, the members' form, the public feed)."""


def bench_toml() -> str:
    """The deployment of the bench: ten feeds, ten channels (two of them digests), one route."""
    lines = ['[hub]\nname = "Bench hub"\ntimezone = "Europe/Madrid"\nlanguages = ["en", "es"]\n']
    for n in range(SOURCES):
        lines.append(f'[sources.feed{n}]\nkind = "feed"\nurl = "https://example.org/{n}.rss"\n')
    for n in range(CHANNELS):
        mode = 'mode = "digest"\n' if n >= CHANNELS - 2 else ""
        lines.append(f'[channels.ch{n}]\nplatform = "memory"\ntarget = "c{n}"\n{mode}')
    to = ", ".join(f'"ch{n}"' for n in range(CHANNELS))
    lines.append(f'[[routes]]\nname = "everything"\nto = [{to}]\n')
    return "\n".join(lines)


# --- the data set -----------------------------------------------------------------------


def _item_rows(count: int, now: dt.datetime, sources: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    step = SPAN / max(count, 1)
    for n in range(1, count + 1):
        created = now - SPAN + step * n
        recent = n > count - 40
        status = "pending" if recent and n % 2 else ("declined" if n % 97 == 0 else "approved")
        yield (
            n,
            sources[n % len(sources)],
            f"Story {n}: the network's news",
            f"https://example.org/story/{n}",
            f"<p>Summary of story {n}.</p>",
            f"Summary of story {n}.",
            "en" if n % 3 else "es",
            "[]",
            "[]",
            "[]",
            status,
            created,
            created if status == "approved" else None,
            created,
            created,
        )


ITEM_COLUMNS = (
    "id, source_id, title, link, summary_html, summary_text, language, tags, countries, "
    "regions, status, published_at, approved_at, created_at, updated_at"
)
DELIVERY_COLUMNS = (
    "id, item_id, channel_id, kind, dedup_key, route, mode, payload, status, attempts, "
    "max_attempts, due_at, last_error, error_kind, created_at, sent_at, platform_message_id"
)
ATTEMPT_COLUMNS = (
    "delivery_id, channel_id, attempt, worker, started_at, finished_at, outcome, error"
)
RATE_LIMITED = "RateLimited: slow down (retry after 30 s)"


def _fate(n: int, recent: bool) -> str:
    """What became of delivery ``n``: mostly sent; a few of every other ending."""
    if recent:
        return ("pending", "pending_limited", "held", "sent")[n % 4]
    return {0: "failed", 1: "dead", 2: "cancelled", 3: "digested"}.get(n % 150, "sent")


def _ledger(
    deliveries: int, items: int, now: dt.datetime, channels: Sequence[int]
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Delivery rows (item x channel, then replies to members) and their attempts."""
    rows: list[tuple[Any, ...]] = []
    attempts: list[tuple[Any, ...]] = []
    pairs = min(deliveries, items * len(channels))
    step = SPAN / max(deliveries, 1)
    for n in range(1, deliveries + 1):
        created = now - SPAN + step * n
        recent = n > deliveries - 200
        if n <= pairs:
            item_id, channel = (n - 1) // len(channels) + 1, channels[(n - 1) % len(channels)]
            kind, dedup = "item", None
        else:
            item_id, channel = None, channels[n % len(channels)]
            kind, dedup = "reply", f"reply:{n}"
        fate = _fate(n, recent)
        status = "pending" if fate == "pending_limited" else fate
        tries: list[tuple[str, str | None]] = []
        error = error_kind = sent_at = mid = None
        due = created
        if fate == "sent":
            if n % 40 == 0:
                tries.append(("retry", RATE_LIMITED))
            tries.append(("sent", None))
            sent_at, mid = created + dt.timedelta(seconds=2), f"m{n}"
        elif fate in ("failed", "dead"):
            tries += [("retry", RATE_LIMITED)] * (1 if fate == "failed" else 7)
            final = "ChannelGone: the channel is gone" if fate == "failed" else "Timeout: no answer"
            tries.append((fate, final))
            error, error_kind = final, final.split(":", 1)[0]
        elif fate == "pending_limited":
            tries.append(("retry", RATE_LIMITED))
            error, error_kind, due = RATE_LIMITED, "RateLimited", now + dt.timedelta(seconds=30)
        rows.append(
            (
                n,
                item_id,
                channel,
                kind,
                dedup,
                "everything" if item_id else None,
                "immediate",
                "{}",
                status,
                len(tries),
                8,
                due,
                error,
                error_kind,
                created,
                sent_at,
                mid,
            )
        )
        for attempt, (outcome, message) in enumerate(tries, start=1):
            at = created + dt.timedelta(seconds=attempt)
            attempts.append((n, channel, attempt, "bench/1", at, at, outcome, message))
    return rows, attempts


def _copy(engine: Engine, table: str, columns: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Bulk load: ``COPY`` on PostgreSQL, one ``executemany`` on SQLite."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if engine.dialect.name == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns.split(",")))
            naive = [
                tuple(v.astimezone(dt.UTC).replace(tzinfo=None) if _aware(v) else v for v in row)
                for row in rows
            ]
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", naive)
        raw.commit()
    finally:
        raw.close()


def _aware(value: Any) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def build_data_set(
    engine: Engine, config: Path, items: int, deliveries: int, now: dt.datetime
) -> dict[str, int]:
    """Migrate, mirror the bench's deployment and load the ledger in bulk; returns row counts."""
    from hub.core.accounts import AuditEntry
    from hub.core.config.catalog import sync_config
    from hub.core.config.settings import load_settings
    from hub.web.security import hash_password

    upgrade(engine)
    with transaction(engine) as session:
        sync_config(session, load_settings(config))
    with transaction(engine) as session:
        sources = list(session.scalars(select(Source.id).order_by(Source.id)))
        channels = list(session.scalars(select(Channel.id).order_by(Channel.id)))
    _copy(engine, "items", ITEM_COLUMNS, list(_item_rows(items, now, sources)))
    rows, attempts = _ledger(deliveries, items, now, channels)
    _copy(engine, "deliveries", DELIVERY_COLUMNS, rows)
    del rows
    _copy(engine, "delivery_attempts", ATTEMPT_COLUMNS, attempts)
    with transaction(engine) as session:
        for n in range(2000):
            at = now - SPAN + SPAN * (n + 1) / 2000
            session.add(
                Question(
                    platform="slack" if n % 2 else "telegram",
                    text=f"When is meeting {n}?",
                    status="answered" if n % 10 else "open",
                    handoff=n % 10 == 0,
                    created_at=at,
                )
            )
            session.add(AuditEntry(at=at, actor="ana@example.org", action="approve"))
        from argon2 import PasswordHasher

        from hub.core.models import User

        password = hash_password(BENCH_PASSWORD, PasswordHasher())
        session.add(User(email=BENCH_EMAIL, name="Bench", role="admin", password_hash=password))
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            for table in ("items", "deliveries", "delivery_attempts"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
            conn.commit()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    return {"attempts": len(attempts)}


# --- the web role -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def web_role(url: str, config: Path, folder: Path) -> Iterator[str]:
    """``hub serve --role web`` on a free loopback port until the block ends; yields its URL."""
    port = _free_port()
    knowledge = folder / "no-knowledge"  # not a folder: the web role loads no seed knowledge
    env = {
        **os.environ,
        "HUB_DATABASE_URL": url,
        "HUB_SECRET_KEY": SECRET_KEY,
        "HUB_CONFIG": str(config),
    }
    command = [sys.executable, "-m", "hub", "serve", "--role", "web", "--port", str(port)]
    command += ["--knowledge", str(knowledge)]
    log = (folder / "web.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                log.flush()
                raise RuntimeError(f"the web role stopped: {(folder / 'web.log').read_text()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("the web role did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def console_pages(config: Path, engine: Engine) -> list[str]:
    """Every GET page of the console without a path parameter, one item's page, ``/metrics``."""
    from hub.core.config.settings import load_settings
    from hub.web import create_app

    app = create_app(load_settings(config), engine, secret_key=SECRET_KEY)
    paths: list[str] = []
    for route in app.routes:
        path = getattr(route, "path", "")
        methods = getattr(route, "methods", None) or set()
        if "GET" in methods and "{" not in path and path not in SKIPPED and path not in paths:
            paths.append(path)
    with transaction(engine) as session:
        busiest = session.scalar(
            select(Delivery.item_id)
            .where(Delivery.item_id.is_not(None))
            .order_by(Delivery.item_id.desc())
            .limit(1)
        )
    if busiest is not None:
        paths.append(f"/items/{busiest}")
    if "/metrics" not in paths:
        paths.append("/metrics")
    return paths


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def sign_in(client: httpx.Client) -> None:
    """Sign in as the bench's staff account, as a person does (the form, its CSRF token)."""
    form = client.get("/login")
    found = _CSRF.search(form.text)
    if found is None:
        raise RuntimeError("the sign-in page has no CSRF token")
    answer = client.post(
        "/login",
        data={"csrf_token": found.group(1), "email": BENCH_EMAIL, "password": BENCH_PASSWORD},
    )
    if answer.status_code != 303:
        raise RuntimeError(f"sign-in answered {answer.status_code}")


def time_pages(base: str, paths: Sequence[str], times: int) -> dict[str, dict[str, float]]:
    """Load each page once untimed, then ``times`` times: p50, p95 and the first load (ms)."""
    pages: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=base, timeout=120, follow_redirects=False) as client:
        sign_in(client)
        for path in paths:
            started = time.perf_counter()
            first = client.get(path)
            first_ms = (time.perf_counter() - started) * 1000
            if first.status_code != 200:
                raise RuntimeError(f"{path} answered {first.status_code}")
            took = []
            for _ in range(times):
                started = time.perf_counter()
                client.get(path).raise_for_status()
                took.append((time.perf_counter() - started) * 1000)
            pages[path] = {
                "p50_ms": round(percentile(took, 0.50), 1),
                "p95_ms": round(percentile(took, 0.95), 1),
                "first_ms": round(first_ms, 1),
            }
    return pages


def _run(url: str, folder: Path, items: int, deliveries: int, times: int) -> dict[str, Any]:
    config = folder / "hub.toml"
    config.write_text(bench_toml())
    engine = make_engine(url)
    try:
        started = time.perf_counter()
        counts = build_data_set(engine, config, items, deliveries, utcnow())
        build_s = time.perf_counter() - started
        paths = console_pages(config, engine)
    finally:
        engine.dispose()
    with web_role(url, config, folder) as base:
        pages = time_pages(base, paths, times)
    return {
        "items": items,
        "deliveries": deliveries,
        "database": "postgresql" if url.startswith("postgresql") else "sqlite",
        "pages": pages,
        "attempts": counts["attempts"],
        "build_s": round(build_s, 1),
    }


def run_console_bench(
    database_url: str | None,
    *,
    items: int = 100_000,
    deliveries: int | None = None,
    times: int = TIMES,
) -> dict[str, Any]:
    """The bench on a scratch PostgreSQL database (``database_url``'s server) or SQLite.

    ``deliveries`` defaults to 1,000,000 on PostgreSQL and 100,000 on SQLite (the goals)."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if database_url:
            with scratch_postgres_database(database_url, "hub_bench_console") as url:
                return _run(url, folder, items, deliveries or 1_000_000, times)
        url = f"sqlite:///{folder / 'console.db'}"
        return _run(url, folder, items, deliveries or 100_000, times)


def render_console_bench(result: dict[str, Any]) -> str:
    """A table: page, p50, p95 and the first load, slowest p95 first."""
    head = (
        f"{result['database']}: {result['items']:,} items, {result['deliveries']:,} deliveries "
        f"({result['attempts']:,} attempts), built in {result['build_s']} s"
    )
    lines = [head, f"{'page':<32} {'p50 ms':>8} {'p95 ms':>8} {'first ms':>9}"]
    pages = sorted(result["pages"].items(), key=lambda kv: -kv[1]["p95_ms"])
    for path, page in pages:
        lines.append(f"{path:<32} {page['p50_ms']:>8} {page['p95_ms']:>8} {page['first_ms']:>9}")
    return "\n".join(lines)
