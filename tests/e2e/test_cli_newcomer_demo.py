"""``hub --demo ...`` where a newcomer stands: the demo's database, whatever the
environment says, only read, and the hint the demo prints is a command that works.

Real processes in a copy of the IOPD's config, no platform token (``newcomer.py``). The
demo's database (``hub db upgrade --database-url``) is made once for the module
(``demo_clone``); each test works on a copy of it.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from newcomer import add_item, demo_database, fresh_clone, hub, snapshot

from hub.cli.app import DEMO_DATA_DIR
from hub.cli.serve_cmd import _cli_hint

DEMO_DATABASE = DEMO_DATA_DIR / "hub.db"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    return fresh_clone(tmp_path)


@pytest.fixture(scope="module")
def demo_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh clone with the demo's database (``newcomer.demo_database``), made once."""
    clone = fresh_clone(tmp_path_factory.mktemp("demo"))
    demo_database(clone)
    return clone


def with_demo_database(clone: Path, demo_clone: Path) -> Path:
    """``clone`` given a copy of the demo's database; the copy's path."""
    database = clone / DEMO_DATABASE
    database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_clone / DEMO_DATABASE, database)
    return database


def test_demo_reads_the_demos_database_whatever_the_environment_says(
    clone: Path, demo_clone: Path
) -> None:
    missing = hub("--demo", "status", cwd=clone)
    assert missing.returncode == 1
    assert "no demo database at data/demo/hub.db: run `hub demo`" in missing.stderr
    database = with_demo_database(clone, demo_clone)
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


def test_demo_never_sends_nor_takes_the_deployments_config(clone: Path, demo_clone: Path) -> None:
    database = with_demo_database(clone, demo_clone)
    before = snapshot(database)
    worker = hub("--demo", "worker", "--once", cwd=clone)
    assert worker.returncode == 2 and "--demo only reads" in worker.stderr
    sync = hub("--demo", "sources", "sync", cwd=clone)
    assert sync.returncode == 2 and "demo" in sync.stderr
    assert snapshot(database) == before


def test_the_demos_hint_is_a_command_that_works(clone: Path, demo_clone: Path) -> None:
    with_demo_database(clone, demo_clone)
    url = f"sqlite:///{DEMO_DATABASE}"
    hint = _cli_hint(DEMO_DATA_DIR, url)
    assert hint.startswith(".venv/bin/hub --demo status")
    assert f"HUB_DATABASE_URL={url} hub status" in hint
    other = _cli_hint(Path("elsewhere"), "sqlite:///elsewhere/hub.db")
    assert other == "HUB_DATABASE_URL=sqlite:///elsewhere/hub.db .venv/bin/hub status"
    assignment, *_ = shlex.split(hint.split("(or ", 1)[1].rstrip(")"))
    name, value = assignment.split("=", 1)
    result = hub("status", cwd=clone, **{name: value})
    assert result.returncode == 0, result.stderr
