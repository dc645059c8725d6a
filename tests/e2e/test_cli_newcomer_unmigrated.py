"""The newcomer's database is not migrated yet (none, an empty file, an older migration):
every command that reads says so in one sentence naming ``hub db upgrade``.

Real processes in a copy of the IOPD's config, no platform token (``newcomer.py``).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from newcomer import fresh_clone, hub

from hub.core.db import make_engine, upgrade


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    return fresh_clone(tmp_path)


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
