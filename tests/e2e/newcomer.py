"""What the ``hub`` newcomer tests share (``test_cli_newcomer*.py``): a folder as a fresh
clone has it, the ``hub`` command run there with no platform token and no ``HUB_*``
variable, and a look at the SQLite database it leaves.

The tests are in several files so that pytest-xdist (``--dist loadfile``) spreads them
over its workers. Each test works in a clone of its own; what is expensive to make and the
same for several tests of a file (a clone after ``hub db upgrade``, the demo's database) is
made once by a module-scoped fixture and copied (:func:`copy_clone`): a ``hub`` process
costs about a second of CPU, most of it importing the hub.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from hub.cli.app import DEMO_DATA_DIR
from hub.core.db import make_engine, transaction
from hub.core.models import Item, Source

CONFIG = Path(__file__).parents[2] / "config"
READ_COMMANDS = [
    ["sources"],
    ["sources", "--json"],
    ["status"],
    ["deliveries"],
    ["deliveries", "--status", "failed"],
    ["schedules"],
    ["route", "1", "--dry-run"],
    ["roundup", "slack_roundups", "--dry-run"],
    ["users", "list"],
    ["db", "current"],
]
PLATFORM_PREFIXES = ("SLACK_", "TELEGRAM_", "MAILCHIMP_", "MASTODON_", "BLUESKY_", "HUB_")


def clean_env(**extra: str) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(PLATFORM_PREFIXES) and not key.endswith(("_TOKEN", "_KEY"))
    }
    environ.update(extra)
    return environ


def hub(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hub", *args],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def fresh_clone(folder: Path) -> Path:
    """``folder`` as a fresh clone has it: config/ and .env.example, no .env, no data/."""
    shutil.copytree(CONFIG, folder / "config")
    shutil.copy(CONFIG.parent / ".env.example", folder / ".env.example")
    return folder


def copy_clone(clone: Path, folder: Path) -> Path:
    """A copy of ``clone`` (its config, .env.example and data/) in ``folder``, for a test
    to change without touching what the next test copies."""
    shutil.copytree(clone, folder, dirs_exist_ok=True)
    return folder


def source_url(database: Path, key: str) -> str:
    """The URL the database holds for the source ``key`` (read only)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        [(url,)] = connection.execute("SELECT url FROM sources WHERE key = ?", (key,)).fetchall()
    finally:
        connection.close()
    return str(url)


def add_item(database: Path, title: str, tags: list[str] | None = None) -> int:
    engine = make_engine(f"sqlite:///{database}")
    with transaction(engine) as session:
        source_id = session.query(Source.id).filter(Source.key == "website_news").scalar()
        item = Item(title=title, status="approved", language="en", tags=tags or [])
        item.source_id = source_id
        session.add(item)
        session.flush()
        item_id = item.id
    engine.dispose()
    return item_id


def snapshot(database: Path) -> tuple[str, list[str]]:
    """The database file's checksum and every row, as SQL."""
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return digest, list(connection.iterdump())
    finally:
        connection.close()


def demo_database(clone: Path) -> Path:
    url = f"sqlite:///{DEMO_DATA_DIR / 'hub.db'}"
    assert hub("db", "upgrade", "--database-url", url, cwd=clone).returncode == 0
    database = clone / DEMO_DATA_DIR / "hub.db"
    with sqlite3.connect(database) as connection:  # the demo enables what its stand-ins play
        connection.execute("UPDATE channels SET enabled = 1 WHERE key = 'mastodon'")
    connection.close()
    return database
