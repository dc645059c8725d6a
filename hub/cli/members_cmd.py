"""``hub members ...``: the member list, and its sync with the Mailchimp audience."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import app, runtime
from hub.core.clock import clock_of
from hub.core.errors import HubError

members_app = typer.Typer(help="Members and the newsletter audience.", no_args_is_help=True)
app.add_typer(members_app, name="members")

DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]
BaseUrl = Annotated[
    str | None,
    typer.Option(
        "--base-url", help="Mailchimp API base URL (e.g. a stand-in's); overrides config."
    ),
]


@members_app.command("import")
def import_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV with a header row.", exists=True)],
    database_url: DatabaseUrl = None,
) -> None:
    """Create or update members from a CSV (organisation, email, contact_name, language, ...)."""
    from newsletters.publish import import_members_csv

    settings = runtime(ctx).settings()
    try:
        report = import_members_csv(runtime(ctx).engine(database_url), file, settings.hub.languages)
    except HubError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"{report.created} created, {report.updated} updated, {len(report.problems)} rows skipped"
    )
    for problem in report.problems:
        typer.secho(f"  {problem}", fg=typer.colors.YELLOW, err=True)


@members_app.command("sync")
def sync_command(
    ctx: typer.Context,
    base_url: BaseUrl = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Send members to the Mailchimp audience (batches; never resubscribes anyone)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from hub.core.members.links import preferences_url
    from hub.core.models import Member, utcnow
    from newsletters.publish import account_from_settings, sync_audience

    settings = runtime(ctx).settings()
    engine = runtime(ctx).engine(database_url)
    try:
        account = account_from_settings(settings, base_url=base_url)
        from sqlalchemy import func, select
        from sqlalchemy.orm import Session

        with Session(engine) as session:
            total = session.scalar(select(func.count()).select_from(Member)) or 0
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
        ) as progress:
            task = progress.add_task("members synced", total=total)
            _, report = sync_audience(
                engine,
                account,
                progress=lambda done: progress.update(task, completed=done),
                links=lambda member: preferences_url(settings, member.id, utcnow()),
            )
            progress.update(task, completed=total)
    except HubError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"{report.members} members sent in {len(report.batches)} batches "
        f"({report.operations} operations), {report.skipped} left out "
        f"(no email, erased or unsubscribed), {report.errored} operations failed"
    )
    for error in report.errors[:20]:
        typer.secho(f"  {error}", fg=typer.colors.YELLOW, err=True)


@members_app.command("pull")
def pull_command(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option("--since", help="ISO time (default: the last pull).")
    ] = None,
    base_url: BaseUrl = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Read subscription changes made in Mailchimp (unsubscribes, bounces) into the members."""
    from newsletters.publish import account_from_settings, pull_audience

    settings = runtime(ctx).settings()
    moment = None
    if since:
        moment = dt.datetime.fromisoformat(since)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    engine = runtime(ctx).engine(database_url)
    try:
        changes, changed = pull_audience(
            engine,
            account_from_settings(settings, base_url=base_url),
            clock_of(engine)(),
            moment,
        )
    except HubError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{changes} changes read from Mailchimp, {changed} members updated")
