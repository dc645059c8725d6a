"""``hub backup``, ``hub restore``, ``hub export --member``, ``hub erase --member``.

Backups use SQLite's online backup API (``sqlite3.Connection.backup``): the
copy is consistent even while ``hub serve`` writes (WAL mode: the copy reads
one snapshot and never blocks the writer). A backup is written next to its destination and
renamed into place, so a half-written file never has the final name. On
PostgreSQL the tools are ``pg_dump`` and ``pg_restore``; the commands say so.

A restore replaces the whole database: it asks for ``--yes``, checks the file
is a hub database at a migration this version knows, refuses while a hub
process is seen running (a live scheduler lease or worker leases), and keeps
the replaced database as ``<name>.before-restore-<time>``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hub.cli.app import app, runtime
from hub.core.config.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(1)


def _engine(ctx: typer.Context, database_url: str | None, *, migrated: bool = True) -> Engine:
    """The command's engine; backup and restore (``migrated=False``) check the file themselves."""
    engine = runtime(ctx).engine(database_url, migrated=migrated)
    ctx.call_on_close(engine.dispose)
    return engine


def sqlite_path(engine: Engine) -> Path | None:
    """The database file of a SQLite engine; None for PostgreSQL or an in-memory database."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(str(engine.url.database))


def _postgres_advice(engine: Engine, verb: str) -> str:
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
    if verb == "backup":
        return f"PostgreSQL: use pg_dump, e.g.\n  pg_dump --format=custom --file=hub.dump '{url}'"
    return f"PostgreSQL: use pg_restore, e.g.\n  pg_restore --clean --dbname='{url}' hub.dump"


def backup_sqlite(database: Path, destination: Path, pages: int = -1) -> int:
    """Copy a live SQLite database consistently to ``destination``; returns its size in bytes.

    ``pages=-1`` copies in one step, inside one read transaction: in WAL mode
    the hub's writers carry on meanwhile, and a step never has to restart
    because a writer changed the database between steps.
    """
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target, pages=pages)
        finally:
            target.close()
    finally:
        source.close()
    os.replace(partial, destination)
    return destination.stat().st_size


def backup_revision(path: Path) -> str:
    """The migration of a hub database file; raises ValueError if it is not one we know."""
    from alembic.script import ScriptDirectory

    from hub.core.db import MIGRATIONS

    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            connection.execute("SELECT count(*) FROM deliveries").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{path}: not a hub database ({exc})") from None
    if not row:
        raise ValueError(f"{path}: not a hub database (no migration recorded)")
    revision = str(row[0])
    try:
        found = ScriptDirectory(str(MIGRATIONS)).get_revision(revision)
    except Exception:
        found = None
    if found is None:
        raise ValueError(f"{path}: migration {revision} is unknown to this version of the hub")
    return revision


def hub_seems_running(engine: Engine, now: dt.datetime) -> str | None:
    """Why we think a hub process uses this database right now, or None."""
    from sqlalchemy import func, select

    from hub.core.models import Delivery, ScheduledRun
    from hub.core.schedule.scheduler import LEADER_JOB

    with engine.connect() as conn:
        lease = conn.execute(
            select(ScheduledRun.outcome, ScheduledRun.finished_at).where(
                ScheduledRun.job == LEADER_JOB
            )
        ).first()
        if lease and lease.outcome and lease.finished_at and lease.finished_at > now:
            return (
                f"the scheduler {lease.outcome} holds its lease until {lease.finished_at:%H:%M:%S}"
            )
        leased = conn.execute(
            select(func.count()).where(Delivery.status == "in_flight", Delivery.lease_until > now)
        ).scalar()
        if leased:
            return f"{leased} deliveries are leased by a running worker"
    return None


def restore_sqlite(backup: Path, database: Path, now: dt.datetime) -> Path | None:
    """Replace ``database`` by ``backup`` (backup API); returns where the old one was kept."""
    kept = None
    if database.exists():
        kept = database.with_name(f"{database.name}.before-restore-{now:%Y%m%dT%H%M%S}")
        backup_sqlite(database, kept)
    database.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(database, timeout=30)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return kept


@app.command("backup")
def backup_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="Where to write the copy (a new file).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Write a consistent copy of the SQLite database, safe while the hub runs."""
    engine = _engine(ctx, database_url, migrated=False)
    database = sqlite_path(engine)
    if database is None:
        raise _fail(_postgres_advice(engine, "backup"))
    if not database.is_file():
        raise _fail(f"{database}: no database yet (run hub db upgrade or hub serve first)")
    if path.exists() and not force:
        raise _fail(f"{path} exists; choose a new file or pass --force")
    path.parent.mkdir(parents=True, exist_ok=True)
    size = backup_sqlite(database, path)
    revision = backup_revision(path)
    typer.echo(f"backed up {database} to {path} ({size:,} bytes, migration {revision})")


@app.command("restore")
def restore_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A file written by hub backup.")],
    yes: Annotated[bool, typer.Option("--yes", help="Really replace the database.")] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Replace the SQLite database by a backup (stop hub serve first)."""
    from hub.core.db import head_revision
    from hub.core.models import utcnow

    engine = _engine(ctx, database_url, migrated=False)
    database = sqlite_path(engine)
    if database is None:
        raise _fail(_postgres_advice(engine, "restore"))
    try:
        revision = backup_revision(path)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if not yes:
        raise _fail(
            f"this replaces {database} by {path} (migration {revision}); "
            "stop every hub process, then run again with --yes"
        )
    now = utcnow()
    if database.is_file():
        running = hub_seems_running(engine, now)
        if running:
            raise _fail(f"a hub process seems to be running ({running}); stop it first")
    engine.dispose()
    kept = restore_sqlite(path, database, now)
    typer.echo(f"restored {database} from {path} (migration {revision})")
    if kept:
        typer.echo(f"the replaced database is kept as {kept}")
    if revision != head_revision():
        typer.echo(f"the backup is at an older migration: run `hub db upgrade` ({head_revision()})")


@app.command("export")
def export_command(
    ctx: typer.Context,
    member: Annotated[int, typer.Option("--member", help="The member's id.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to a file (default: stdout).")
    ] = (None),
    database_url: DatabaseUrl = None,
) -> None:
    """Everything the hub holds about a member, as JSON (a privacy request)."""
    from sqlalchemy.orm import Session

    from hub.core.errors import HubError
    from hub.core.members.privacy import export_member

    with Session(_engine(ctx, database_url)) as session:
        try:
            data = export_member(session, member)
        except HubError as exc:
            raise _fail(str(exc)) from None
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"wrote {out}")


def mailchimp_audience(settings: Settings) -> tuple[str | None, str | None]:
    """The Mailchimp channel ``hub erase`` deletes the contact from, or why there is none.

    A channel that is disabled, or whose key is not set (the shipped configuration),
    is not called: the member is erased here and the report says to delete the
    contact in Mailchimp by hand (docs/deploy.md, "Privacy requests").
    """
    keys = [key for key, c in settings.channels.items() if c.platform == "mailchimp"]
    if not keys:
        return None, None
    for key in keys:
        if settings.channels[key].enabled and settings.secret(key):
            return key, None
    key = keys[0]
    channel = settings.channels[key]
    if not channel.enabled:
        return None, f"[channels.{key}] is disabled in {settings.path}"
    return None, f"the environment variable {channel.token_env} of [channels.{key}] is not set"


@app.command("erase")
def erase_command(
    ctx: typer.Context,
    member: Annotated[int, typer.Option("--member", help="The member's id.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Remove a member's personal data; statistics stay, anonymous (a privacy request)."""
    from hub.core.db import transaction
    from hub.core.errors import HubError
    from hub.core.members.privacy import erase_member
    from hub.core.models import utcnow
    from hub.wiring import mailchimp_eraser

    if not yes and not typer.confirm(f"Erase the personal data of member {member}?"):
        raise typer.Exit(1)
    settings = runtime(ctx).settings()
    eraser = mailchimp_eraser()
    audience, why_not = mailchimp_audience(settings)
    try:
        with transaction(_engine(ctx, database_url)) as session:
            bound = (lambda email: eraser(settings, email)) if audience else None
            report = erase_member(session, member, utcnow(), mailchimp=bound, mailchimp_off=why_not)
    except HubError as exc:
        raise _fail(str(exc)) from None
    typer.echo(
        f"member {member}: contact data erased; {report.questions} questions and "
        f"{report.items} items kept anonymous, {report.origins} chat references cleared, "
        f"{report.replies} replies and {report.inbox_events} platform events emptied, "
        f"{report.reminders} reminders deleted"
    )
    typer.echo(f"mailchimp: {report.mailchimp}")
    for note in report.notes:
        typer.echo(f"note: {note}")


@app.command("schedules")
def schedules_command(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Each schedule: its last run and outcome, and when it fires next."""
    from rich.console import Console
    from rich.table import Table
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from hub.core.models import ScheduledRun, utcnow
    from hub.core.schedule.periods import next_due
    from hub.core.schedule.scheduler import job_name

    settings = runtime(ctx).settings()
    now = utcnow()
    table = Table(title="schedules")
    for column in ("schedule", "kind", "last period", "outcome", "next (UTC)"):
        table.add_column(column)
    with Session(_engine(ctx, database_url)) as session:
        for key, schedule in sorted(settings.schedules.items()):
            last = session.scalars(
                select(ScheduledRun)
                .where(ScheduledRun.job == job_name(key))
                .order_by(ScheduledRun.started_at.desc(), ScheduledRun.id.desc())
                .limit(1)
            ).first()
            upcoming = next_due(schedule, now, settings.hub.timezone)
            table.add_row(
                key + ("" if schedule.enabled else " (disabled)"),
                schedule.kind + (f" -> {schedule.channel}" if schedule.channel else ""),
                last.period_key if last else "-",
                (last.outcome or "") if last else "never ran",
                f"{upcoming.fires_at:%Y-%m-%d %H:%M} ({upcoming.key})",
            )
    Console(width=160).print(table)
