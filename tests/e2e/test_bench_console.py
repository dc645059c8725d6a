"""``hub bench console`` run tiny: it builds its data set, starts the web role as a process,
signs in and loads every page; speed is its business, never this test's."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run_bench(*options: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "hub", "bench", "console", "--json", *options],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def check_contract(result: dict, items: int, deliveries: int, database: str) -> None:
    assert (result["items"], result["deliveries"], result["database"]) == (
        items,
        deliveries,
        database,
    )
    pages = result["pages"]
    for path in ("/", "/channels", "/metrics", "/deliveries", "/moderation", "/items"):
        assert path in pages, sorted(pages)
    assert any(path.startswith("/items/") for path in pages)  # one item's own page
    for timing in pages.values():
        assert 0 < timing["p50_ms"] <= timing["p95_ms"]
    assert result["attempts"] >= deliveries // 2


def test_the_console_bench_on_sqlite_reports_every_page() -> None:
    check_contract(
        run_bench("--items", "40", "--deliveries", "90", "--times", "2"), 40, 90, "sqlite"
    )


def test_the_console_bench_on_postgresql_reports_every_page() -> None:
    server = os.environ.get("HUB_TEST_DATABASE_URL")
    if not server:
        pytest.skip("HUB_TEST_DATABASE_URL is not set")
    result = run_bench(
        "--database-url", server, "--items", "30", "--deliveries", "70", "--times", "2"
    )
    check_contract(result, 30, 70, "postgresql")
