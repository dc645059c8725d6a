"""``hub db ...``: the database schema."""

from __future__ import annotations

from typing import Annotated

import typer

from hub.cli.app import app, runtime

db_app = typer.Typer(help="Create and migrate the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")

DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Apply every pending migration (safe to run at any time)."""
    from hub.core.db import current_revision, upgrade

    engine = runtime(ctx).engine(database_url)
    before = current_revision(engine)
    upgrade(engine)
    after = current_revision(engine)
    where = engine.url.render_as_string(hide_password=True)
    if before == after:
        typer.echo(f"{where}: already at {after}")
    else:
        typer.echo(f"{where}: upgraded {before or 'empty'} -> {after}")


@db_app.command("current")
def current_command(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Print the database's migration and whether it is the newest."""
    from hub.core.db import current_revision, head_revision

    engine = runtime(ctx).engine(database_url)
    current, head = current_revision(engine), head_revision()
    state = "current" if current == head else f"behind (newest is {head})"
    typer.echo(f"{current or 'empty'}: {state}")
