"""``hub db ...``: the database schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from hub.cli.app import app, runtime

if TYPE_CHECKING:
    from hub.core.config.catalog import SyncReport

db_app = typer.Typer(help="Create and migrate the database.", no_args_is_help=True)
app.add_typer(db_app, name="db")

DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Apply every pending migration, then mirror hub.toml's sources, channels and routes.

    Safe to run at any time; needs no platform secret. The configuration is
    mirrored only when the config file can be read (with --database-url and
    no config file, the migrations alone are applied).
    """
    from hub.core.db import current_revision, upgrade
    from hub.core.errors import ConfigError

    rt = runtime(ctx)
    settings = None
    if not rt.demo:  # the demo's database mirrors the demo's own settings, not hub.toml's
        try:
            settings = rt.settings()
        except ConfigError:
            if not database_url:
                raise  # the database's address comes from the config: say what is wrong with it
    engine = rt.engine(database_url, migrated=False)
    ctx.call_on_close(engine.dispose)
    before = current_revision(engine)
    upgrade(engine)
    after = current_revision(engine)
    where = engine.url.render_as_string(hide_password=True)
    if before == after:
        typer.echo(f"{where}: already at {after}")
    else:
        typer.echo(f"{where}: upgraded {before or 'empty'} -> {after}")
    if settings is None:
        typer.echo(f"{rt.config_path}: not mirrored ({'--demo' if rt.demo else 'not readable'})")
        return
    from hub.core.config.catalog import sync_config
    from hub.core.db import transaction

    with transaction(engine) as session:
        report = sync_config(session, settings)
    typer.echo(f"{settings.path}: {sync_words(report)}")


def sync_words(report: SyncReport) -> str:
    """What a mirroring of the configuration did, in a few words."""
    if not (report.added or report.changed or report.retired):
        return "sources, channels and routes already mirrored"
    return (
        f"sources, channels and routes mirrored ({report.added} added, "
        f"{report.changed} changed, {report.retired} retired)"
    )


@db_app.command("current")
def current_command(ctx: typer.Context, database_url: DatabaseUrl = None) -> None:
    """Print the database's migration and whether it is the newest (creates nothing)."""
    from hub.core.db import current_revision, head_revision, sqlite_file

    rt = runtime(ctx)
    url = rt.database_url(database_url)
    file = sqlite_file(url)
    head = head_revision()
    if file is not None and not file.is_file():
        typer.echo(f"empty: no database at {file} yet (`hub db upgrade` creates it at {head})")
        return
    engine = rt.engine(database_url, migrated=False)
    ctx.call_on_close(engine.dispose)
    current = current_revision(engine)
    state = "current" if current == head else f"behind (newest is {head})"
    typer.echo(f"{current or 'empty'}: {state}")
