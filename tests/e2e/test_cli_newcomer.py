"""The ``hub`` command where a newcomer stands: no tokens, no database yet.

Real processes (``python -m hub``) in a folder holding a copy of the IOPD's
config, with no platform token and no ``HUB_*`` variable in the environment
(``newcomer.py``). The same newcomer with a database not migrated yet is in
``test_cli_newcomer_unmigrated.py``, with the demo's database in
``test_cli_newcomer_demo.py``.

Each command a user types is a process of its own, but the clone after ``hub db upgrade``
is made once (``upgraded``) and the reading commands are run once on it (``reading``):
that every one of them needs no platform secret and that none of them writes a byte (nor
mirrors a config the user has changed: that is ``hub sources sync``'s work) are two tests
on the same processes.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from newcomer import READ_COMMANDS, add_item, copy_clone, fresh_clone, hub, snapshot, source_url
from sqlalchemy.exc import OperationalError

from hub.cli import database_error

NEW_URL = "https://elsewhere.example.org/news.rss"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    return fresh_clone(tmp_path)


@dataclass(frozen=True)
class Upgraded:
    """A fresh clone after the newcomer's first command, ``hub db upgrade``."""

    clone: Path
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory: pytest.TempPathFactory) -> Upgraded:
    """Made once for the module; a test that changes the clone works on a copy."""
    clone = fresh_clone(tmp_path_factory.mktemp("upgraded"))
    return Upgraded(clone, hub("db", "upgrade", cwd=clone))


@dataclass(frozen=True)
class Reading:
    """Every reading command, each its own process, on an upgraded clone holding an item
    whose config has since changed a source's URL (not mirrored yet)."""

    clone: Path
    old_url: str
    before: tuple[str, list[str]]
    after: tuple[str, list[str]]
    results: dict[tuple[str, ...], subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def reading(upgraded: Upgraded, tmp_path_factory: pytest.TempPathFactory) -> Reading:
    assert upgraded.result.returncode == 0, upgraded.result.stderr
    clone = copy_clone(upgraded.clone, tmp_path_factory.mktemp("reading"))
    database = clone / "data" / "hub.db"
    add_item(database, "Award call opens")
    old_url = source_url(database, "website_news")
    config = clone / "config" / "hub.toml"
    text = config.read_text(encoding="utf-8")
    assert old_url in text
    config.write_text(text.replace(old_url, NEW_URL), "utf-8")
    before = snapshot(database)
    results = {tuple(command): hub(*command, cwd=clone) for command in READ_COMMANDS}
    return Reading(clone, old_url, before, snapshot(database), results)


def test_db_upgrade_and_every_reading_command_need_no_platform_secret(
    upgraded: Upgraded, reading: Reading
) -> None:
    assert upgraded.result.returncode == 0, upgraded.result.stderr
    for command, result in reading.results.items():
        output = result.stdout + result.stderr
        assert result.returncode == 0, (command, output)
        assert "Traceback" not in output and "is not set" not in output, (command, output)
    checked = hub(
        "config", "check", cwd=reading.clone
    )  # the file is fine; it lists what sending needs
    assert checked.returncode == 0 and "secrets not set yet" in checked.stdout
    route = reading.results[("route", "1", "--dry-run")]
    assert "Award call opens" in route.stdout and "slack_news" in route.stdout


def test_sources_lists_without_writing_and_sources_sync_writes(
    reading: Reading, tmp_path: Path
) -> None:
    for command, result in reading.results.items():
        assert result.returncode == 0, command
    assert reading.after == reading.before  # not a row, not a byte
    listed = json.loads(reading.results[("sources", "--json")].stdout)
    assert {s["key"]: s["url"] for s in listed}["website_news"] == reading.old_url
    clone = copy_clone(reading.clone, tmp_path)
    synced = hub("sources", "sync", cwd=clone)
    assert synced.returncode == 0 and "(0 added, 1 changed, 0 retired)" in synced.stdout
    listed = json.loads(hub("sources", "--json", cwd=clone).stdout)
    assert {s["key"]: s["url"] for s in listed}["website_news"] == NEW_URL
    assert snapshot(clone / "data" / "hub.db") != reading.before


@pytest.mark.parametrize("command", [["worker", "--once"], ["serve", "--role", "worker"]])
def test_what_sends_names_the_missing_variable(
    upgraded: Upgraded, tmp_path: Path, command: list[str]
) -> None:
    assert upgraded.result.returncode == 0, upgraded.result.stderr
    result = hub(*command, cwd=copy_clone(upgraded.clone, tmp_path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "SLACK_BOT_TOKEN is not set" in result.stderr
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr
    assert "Traceback" not in result.stderr


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
