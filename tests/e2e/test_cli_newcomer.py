"""The ``hub`` command where a newcomer stands: no tokens, no database yet, the demo's database.

Real processes (``python -m hub``) in a folder holding a copy of the IOPD's
config, with no platform token and no ``HUB_*`` variable in the environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from hub.cli import database_error
from hub.cli.app import DEMO_DATA_DIR
from hub.cli.serve_cmd import _cli_hint
from hub.core.db import make_engine, transaction, upgrade
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


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A folder as a fresh clone has it: config/ and .env.example, no .env, no data/."""
    shutil.copytree(CONFIG, tmp_path / "config")
    shutil.copy(CONFIG.parent / ".env.example", tmp_path / ".env.example")
    return tmp_path


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


def test_db_upgrade_and_every_reading_command_need_no_platform_secret(clone: Path) -> None:
    upgraded = hub("db", "upgrade", cwd=clone)
    assert upgraded.returncode == 0, upgraded.stderr
    add_item(clone / "data" / "hub.db", "Award call opens")
    for command in READ_COMMANDS:
        result = hub(*command, cwd=clone)
        output = result.stdout + result.stderr
        assert result.returncode == 0, (command, output)
        assert "Traceback" not in output and "is not set" not in output, (command, output)
    checked = hub("config", "check", cwd=clone)  # the file is fine; it lists what sending needs
    assert checked.returncode == 0 and "secrets not set yet" in checked.stdout
    route = hub("route", "1", "--dry-run", cwd=clone)
    assert "Award call opens" in route.stdout and "slack_news" in route.stdout


@pytest.mark.parametrize("command", [["worker", "--once"], ["serve", "--role", "worker"]])
def test_what_sends_names_the_missing_variable(clone: Path, command: list[str]) -> None:
    assert hub("db", "upgrade", cwd=clone).returncode == 0
    result = hub(*command, cwd=clone)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "SLACK_BOT_TOKEN is not set" in result.stderr
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr
    assert "Traceback" not in result.stderr


def _make_empty(database: Path) -> None:
    database.parent.mkdir(parents=True)
    sqlite3.connect(database).close()


def _make_behind(database: Path) -> None:
    database.parent.mkdir(parents=True)
    engine = make_engine(f"sqlite:///{database}")
    upgrade(engine, "0001")
    engine.dispose()


def _copy_env_example(clone: Path) -> None:
    shutil.copy(clone / ".env.example", clone / ".env")  # what the README says to do


@pytest.mark.parametrize(
    ("situation", "words"),
    [
        ("no database", "no database at data/hub.db"),
        ("an empty file", "is not migrated yet"),
        ("an older migration", "is at migration 0001, this hub needs"),
        (".env from .env.example", "no database at data/hub.db"),
    ],
)
def test_an_unmigrated_database_is_one_sentence_saying_db_upgrade(
    clone: Path, situation: str, words: str
) -> None:
    database = clone / "data" / "hub.db"
    if situation == "an empty file":
        _make_empty(database)
    elif situation == "an older migration":
        _make_behind(database)
    elif situation == ".env from .env.example":
        _copy_env_example(clone)
    # The check is made once, where the CLI opens the database: a few commands show it.
    for command in (
        ["sources"],
        ["status"],
        ["route", "1", "--dry-run"],
        ["export", "--member", "1"],
    ):
        result = hub(*command, cwd=clone)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        [sentence] = result.stderr.strip().splitlines()
        assert words in sentence and "`hub db upgrade`" in sentence, (command, sentence)
        assert "sqlite:///data/hub.db" in sentence
    assert database.exists() == (situation in ("an empty file", "an older migration"))


def test_db_current_on_a_fresh_clone_creates_nothing(clone: Path) -> None:
    result = hub("db", "current", cwd=clone)
    assert result.returncode == 0 and result.stdout.startswith("empty: no database at")
    assert not (clone / "data").exists()


def test_a_schema_error_that_escapes_a_command_is_one_sentence_too() -> None:
    error = OperationalError("SELECT 1", {}, sqlite3.OperationalError("no such table: sources"))
    sentence = database_error(error, "sqlite:///data/hub.db")
    assert sentence == (
        "the database sqlite:///data/hub.db is not migrated (no such table: sources): "
        "run `hub db upgrade`"
    )
    locked = OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
    assert database_error(locked, None) == "the database refused the command: database is locked"


def _demo_database(clone: Path) -> Path:
    url = f"sqlite:///{DEMO_DATA_DIR / 'hub.db'}"
    assert hub("db", "upgrade", "--database-url", url, cwd=clone).returncode == 0
    database = clone / DEMO_DATA_DIR / "hub.db"
    with sqlite3.connect(database) as connection:  # the demo enables what its stand-ins play
        connection.execute("UPDATE channels SET enabled = 1 WHERE key = 'mastodon'")
    connection.close()
    return database


def test_demo_reads_the_demos_database_whatever_the_environment_says(clone: Path) -> None:
    missing = hub("--demo", "status", cwd=clone)
    assert missing.returncode == 1
    assert "no demo database at data/demo/hub.db: run `hub demo`" in missing.stderr
    database = _demo_database(clone)
    item_id = add_item(database, "Demo award ceremony", tags=["award"])
    elsewhere = f"sqlite:///{clone / 'elsewhere.db'}"
    result = hub(
        "--demo", "route", str(item_id), "--dry-run", cwd=clone, HUB_DATABASE_URL=elsewhere
    )
    assert result.returncode == 0, result.stderr
    assert "Demo award ceremony" in result.stdout
    # As the demo left its channels (mastodon on), not as hub.toml has them (off):
    [mastodon] = [line for line in result.stdout.splitlines() if "mastodon" in line]
    assert "yes" in mastodon and "disabled" not in mastodon
    assert not (clone / "elsewhere.db").exists()
    for command in (["--demo", "status"], ["--demo", "sources"], ["--demo", "deliveries"]):
        assert hub(*command, cwd=clone).returncode == 0, command


def test_demo_never_sends_nor_takes_the_deployments_config(clone: Path) -> None:
    database = _demo_database(clone)
    before = snapshot(database)
    worker = hub("--demo", "worker", "--once", cwd=clone)
    assert worker.returncode == 2 and "--demo only reads" in worker.stderr
    sync = hub("--demo", "sources", "sync", cwd=clone)
    assert sync.returncode == 2 and "demo" in sync.stderr
    assert snapshot(database) == before


def test_the_demos_hint_is_a_command_that_works(clone: Path) -> None:
    _demo_database(clone)
    url = f"sqlite:///{DEMO_DATA_DIR / 'hub.db'}"
    hint = _cli_hint(DEMO_DATA_DIR, url)
    assert hint.startswith(".venv/bin/hub --demo status")
    assert f"HUB_DATABASE_URL={url} hub status" in hint
    other = _cli_hint(Path("elsewhere"), "sqlite:///elsewhere/hub.db")
    assert other == "HUB_DATABASE_URL=sqlite:///elsewhere/hub.db .venv/bin/hub status"
    assignment, *_ = shlex.split(hint.split("(or ", 1)[1].rstrip(")"))
    name, value = assignment.split("=", 1)
    result = hub("status", cwd=clone, **{name: value})
    assert result.returncode == 0, result.stderr


def test_sources_lists_without_writing_and_sources_sync_writes(clone: Path) -> None:
    assert hub("db", "upgrade", cwd=clone).returncode == 0
    database = clone / "data" / "hub.db"
    add_item(database, "Award call opens")
    config = clone / "config" / "hub.toml"
    text = config.read_text(encoding="utf-8")
    (old_url,) = [
        s["url"]
        for s in json.loads(hub("sources", "--json", cwd=clone).stdout)
        if s["key"] == "website_news"
    ]
    config.write_text(text.replace(old_url, "https://elsewhere.example.org/news.rss"), "utf-8")
    before = snapshot(database)
    for command in READ_COMMANDS:
        assert hub(*command, cwd=clone).returncode == 0, command
    assert snapshot(database) == before  # not a row, not a byte
    listed = json.loads(hub("sources", "--json", cwd=clone).stdout)
    assert {s["key"]: s["url"] for s in listed}["website_news"] == old_url
    synced = hub("sources", "sync", cwd=clone)
    assert synced.returncode == 0 and "(0 added, 1 changed, 0 retired)" in synced.stdout
    listed = json.loads(hub("sources", "--json", cwd=clone).stdout)
    assert {s["key"]: s["url"] for s in listed}["website_news"] == (
        "https://elsewhere.example.org/news.rss"
    )
    assert snapshot(database) != before
