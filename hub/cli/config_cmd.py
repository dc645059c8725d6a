"""``hub config ...``: validate a deployment's configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import app, runtime
from hub.core.config.settings import load_settings, read_environment
from hub.wiring import PLATFORMS

config_app = typer.Typer(help="Check the deployment's configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("check")
def check(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="The file to check (default: the --config file).")
    ] = None,
) -> None:
    """Validate hub.toml: keys, types, channel names, secrets; exit 2 on any problem."""
    path = file or runtime(ctx).config_path
    settings = load_settings(path, read_environment(), platforms=PLATFORMS)
    enabled = sum(1 for channel in settings.channels.values() if channel.enabled)
    typer.echo(
        f"{path}: OK ({len(settings.sources)} sources, {len(settings.channels)} channels "
        f"({enabled} enabled), {len(settings.routes)} routes, {len(settings.schedules)} schedules)"
    )
