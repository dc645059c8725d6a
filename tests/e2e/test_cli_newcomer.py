"""The ``hub`` command where a newcomer stands: no tokens, no database yet.

Real processes (``python -m hub``) in a folder holding a copy of the IOPD's
config, with no platform token and no ``HUB_*`` variable in the environment
(``newcomer.py``). The same newcomer with a database not migrated yet is in
``test_cli_newcomer_unmigrated.py``, with the demo's database in
``test_cli_newcomer_demo.py``, with ``hub sources`` in ``test_cli_newcomer_sources.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from newcomer import READ_COMMANDS, add_item, fresh_clone, hub
from sqlalchemy.exc import OperationalError

from hub.cli import database_error


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    return fresh_clone(tmp_path)


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
