"""``hub knowledge ...``: check the knowledge files and load them into the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import app, runtime

knowledge_app = typer.Typer(
    help="Seed knowledge: events, awards, offices, FAQ.", no_args_is_help=True
)
app.add_typer(knowledge_app, name="knowledge")

Folder = Annotated[
    Path | None,
    typer.Option("--dir", help="The knowledge folder (default: knowledge/ beside the config)."),
]
DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]


def _fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def _when(day: dt.date | None, precision: str) -> str:
    """A date shown no more precisely than it is known: 2020-07-20, 2020-03, 2013 or -."""
    if day is None:
        return "-"
    return {"year": day.strftime("%Y"), "month": day.strftime("%Y-%m")}.get(
        precision, day.isoformat()
    )


def _folder(ctx: typer.Context, folder: Path | None) -> Path:
    return folder or runtime(ctx).config_path.parent / "knowledge"


@knowledge_app.command("check")
def check_command(ctx: typer.Context, folder: Folder = None) -> None:
    """Validate the knowledge files without touching the database; exit 2 on any problem."""
    from hub.core.knowledge import load_directory

    path = _folder(ctx, folder)
    knowledge = load_directory(path)
    typer.echo(
        f"{path}: OK ({len(knowledge.documents)} documents, {len(knowledge.events)} events, "
        f"{len(knowledge.awards)} awards, {len(knowledge.award_steps)} award steps, "
        f"{len(knowledge.entries)} entries)"
    )


@knowledge_app.command("load")
def load_command(
    ctx: typer.Context,
    folder: Folder = None,
    database_url: DatabaseUrl = None,
    replace_console_edits: Annotated[
        bool,
        typer.Option(
            "--replace-console-edits",
            help="Overwrite records edited in the console with the files' version.",
        ),
    ] = False,
) -> None:
    """Validate the knowledge files and load them; loading twice changes nothing.

    Records edited in the console are kept as they are (and listed) unless
    --replace-console-edits is given.
    """
    from hub.core.db import is_current, transaction
    from hub.core.knowledge import load_directory, sync
    from hub.core.models import utcnow

    path = _folder(ctx, folder)
    knowledge = load_directory(path)
    engine = runtime(ctx).engine(database_url)
    ctx.call_on_close(engine.dispose)  # no connection outlives the command
    if not is_current(engine):
        _fail("the database is not at the newest migration: run `hub db upgrade` first")
    with transaction(engine) as session:
        report = sync(session, knowledge, now=utcnow(), replace_edits=replace_console_edits)
    for name, table in sorted(report.tables.items()):
        typer.echo(
            f"{name:<18} {table.created:>4} created {table.updated:>4} updated "
            f"{table.unchanged:>4} unchanged {table.removed:>4} removed"
        )
    typer.echo(
        f"{path}: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.removed} removed"
    )
    for event_id in report.skipped:
        typer.echo(f"skipped event {event_id!r}: a calendar source owns it", err=True)
    for record in report.kept:
        typer.echo(
            f"kept {record}: edited in the console (--replace-console-edits takes the file's)",
            err=True,
        )


@knowledge_app.command("list")
def list_command(
    ctx: typer.Context,
    folder: Folder = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind (conference, office, faq...).")
    ] = None,
) -> None:
    """List the records of the knowledge files: id, kind, date and name."""
    from hub.core.knowledge import load_directory

    knowledge = load_directory(_folder(ctx, folder))
    rows: list[tuple[str, str, str, str]] = []
    for event in knowledge.events:
        when = _when(event.starts_on, event.precision)
        rows.append((event.kind, when, event.id, event.name["en"]))
    for award in knowledge.awards:
        rows.append(("award", str(award.year or "-"), award.id, award.name["en"]))
    for step in knowledge.award_steps:
        when = _when(step.starts_on, step.precision)
        rows.append(
            ("award_step", when, f"{step.award}/{step.step}", step.description.get("en", ""))
        )
    for entry in knowledge.entries:
        rows.append((entry.kind, "-", entry.id, entry.name["en"]))
    for document in knowledge.documents:
        rows.append(("source_document", "-", document.id, document.title["en"]))
    shown = [row for row in rows if kind is None or row[0] == kind]
    if kind is not None and not shown:
        known = ", ".join(sorted({row[0] for row in rows}))
        _fail(f"no records of kind {kind!r} (kinds: {known})")
    for row_kind, when, record_id, name in shown:
        typer.echo(f"{row_kind:<18} {when:<10} {record_id:<48} {name}")
