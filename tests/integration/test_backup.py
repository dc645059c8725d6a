"""hub backup / restore on SQLite (consistent while written to), and the PostgreSQL advice."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import func, select, text
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.cli.ops_cmd import backup_revision, backup_sqlite
from hub.core.db import head_revision, make_engine, transaction, upgrade
from hub.core.models import Item, ScheduledRun, utcnow
from hub.core.schedule.scheduler import LEADER_JOB

CONFIG = '[hub]\nlanguages = ["en"]\n'


@pytest.fixture
def hub(tmp_path):
    _register()
    config = tmp_path / "hub.toml"
    config.write_text(CONFIG)
    runner = CliRunner()

    def invoke(*args: str, database_url: str):
        return runner.invoke(app, ["--config", str(config), *args, "--database-url", database_url])

    return invoke


def items(engine) -> int:
    with transaction(engine) as session:
        return int(session.scalar(select(func.count()).select_from(Item)) or 0)


def test_a_backup_taken_while_the_hub_writes_is_consistent(sqlite_engine, tmp_path):
    database = tmp_path / "hub.db"
    stop = threading.Event()
    written: list[int] = []

    def write() -> None:
        while not stop.is_set():
            with transaction(sqlite_engine) as session:
                session.add_all([Item(title=f"t{len(written)}-{n}") for n in range(20)])
            written.append(20)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while len(written) < 5:
            threading.Event().wait(0.01)
        copies = [tmp_path / f"copy{n}.db" for n in range(3)]
        for copy in copies:
            backup_sqlite(database, copy)
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        connection = sqlite3.connect(copy)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            count = connection.execute("SELECT count(*) FROM items").fetchone()[0]
        finally:
            connection.close()
        assert count % 20 == 0 and count > 0  # whole transactions only
        assert backup_revision(copy) == head_revision()
    assert not list(tmp_path.glob("*.partial"))


def test_backup_and_restore_round_trip_through_the_cli(hub, tmp_path):
    url = f"sqlite:///{tmp_path / 'data' / 'hub.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with transaction(engine) as session:
        session.add(Item(title="before the backup"))
    backup = tmp_path / "backups" / "hub-1.db"
    result = hub("backup", str(backup), database_url=url)
    assert result.exit_code == 0, result.output
    assert f"migration {head_revision()}" in result.output
    assert hub("backup", str(backup), database_url=url).exit_code == 1  # never overwrites

    with transaction(engine) as session:
        session.add(Item(title="after the backup"))
    assert items(engine) == 2

    refused = hub("restore", str(backup), database_url=url)
    assert refused.exit_code == 1 and "--yes" in refused.output
    assert items(engine) == 2

    with transaction(engine) as session:  # a scheduler holds a live lease: the hub runs
        later = utcnow().replace(year=2100)
        lease = ScheduledRun(
            job=LEADER_JOB,
            period_key="lease",
            outcome="host:1",
            started_at=utcnow(),
            finished_at=later,
        )
        session.add(lease)
    running = hub("restore", str(backup), "--yes", database_url=url)
    assert running.exit_code == 1 and "seems to be running" in running.output
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM scheduled_runs"))
    engine.dispose()

    restored = hub("restore", str(backup), "--yes", database_url=url)
    assert restored.exit_code == 0, restored.output
    assert "kept as" in restored.output
    engine = make_engine(url)
    try:
        assert items(engine) == 1
    finally:
        engine.dispose()
    kept = list((tmp_path / "data").glob("hub.db.before-restore-*"))
    assert len(kept) == 1


def test_restore_refuses_what_is_not_a_hub_database(hub, tmp_path):
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = hub("restore", str(junk), "--yes", database_url=url)
    assert result.exit_code == 1 and "not a hub database" in result.output
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.execute("INSERT INTO alembic_version VALUES ('ffffffff')")
    connection.execute("CREATE TABLE deliveries (id INTEGER)")
    connection.commit()
    connection.close()
    result = hub("restore", str(other), "--yes", database_url=url)
    assert result.exit_code == 1 and "unknown to this version" in result.output


def test_postgres_points_to_pg_dump_without_showing_the_password(hub, tmp_path):
    url = "postgresql://hub:s3cret-pw@db.example.org:5432/hub"  # never connected to
    result = hub("backup", str(tmp_path / "x.db"), database_url=url)
    assert result.exit_code == 1
    assert "pg_dump --format=custom --file=hub.dump 'postgresql://hub:***@db.example.org" in (
        result.output
    )
    assert "s3cret-pw" not in result.output
    restore = hub("restore", str(tmp_path / "x.db"), "--yes", database_url=url)
    assert restore.exit_code == 1 and "pg_restore" in restore.output
