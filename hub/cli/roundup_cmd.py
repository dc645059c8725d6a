"""``hub roundup CHANNEL --period week [--dry-run]``: a channel's roundup, now."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hub.cli.app import app, runtime

DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", envvar="HUB_DATABASE_URL", help="Overrides the config."),
]


class PeriodName(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class GroupBy(StrEnum):
    topic = "topic"
    country = "country"


@app.command("roundup")
def roundup_command(
    ctx: typer.Context,
    channel: Annotated[
        str, typer.Argument(help="The channel (a key of \\[channels] in hub.toml).")
    ],
    period: Annotated[PeriodName, typer.Option(help="The period it sums up.")] = PeriodName.week,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the roundup; queue nothing, mark nothing.")
    ] = False,
    group_by: Annotated[GroupBy, typer.Option(help="Group items by topic or country.")] = (
        GroupBy.topic
    ),
    language: Annotated[str | None, typer.Option(help="Overrides the channel's language.")] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Build the roundup of the held items now; without --dry-run, queue it (once a period)."""
    from sqlalchemy import select

    from hub.core.db import transaction
    from hub.core.errors import HubError
    from hub.core.models import Channel, utcnow
    from hub.core.schedule.roundups import build_roundup, run_roundup

    rt = runtime(ctx)
    settings = rt.settings()
    if channel not in settings.channels:
        known = ", ".join(sorted(settings.channels)) or "none"
        typer.echo(f"no channel {channel!r} in {settings.path} (channels: {known})", err=True)
        raise typer.Exit(1)
    engine = rt.engine(database_url)
    ctx.call_on_close(engine.dispose)
    now = utcnow()
    try:
        with transaction(engine) as session:
            if session.scalar(select(Channel.id).where(Channel.key == channel)) is None:
                raise HubError(
                    f"channel {channel!r} is in {settings.path} but not in the database yet: "
                    "`hub sources sync` mirrors it"
                )
            if dry_run:
                roundup = build_roundup(
                    session,
                    settings,
                    channel,
                    period.value,
                    now,
                    language=language,
                    group_by=group_by.value,
                )
                if not roundup.entries:
                    typer.echo(f"nothing held for {channel}: no roundup would be posted")
                    return
                typer.echo(roundup.text())
                return
            result = run_roundup(
                session,
                settings,
                channel,
                period.value,
                now,
                language=language,
                group_by=group_by.value,
            )
    except HubError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    if result.roundup is not None and result.roundup.entries:
        typer.echo(result.roundup.text())
        typer.echo("")
    typer.echo(f"{channel}: {result.outcome}")
