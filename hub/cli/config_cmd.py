"""``hub config ...``: validate a deployment's configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import app, runtime
from hub.core.config.secret_key import SECRET_KEY_ENV, secret_key_problem
from hub.core.config.settings import load_settings, missing_secrets, read_environment
from hub.core.config.warnings import config_warnings
from hub.core.errors import ConfigError, Problem
from hub.wiring import PLATFORMS, TRANSLATORS, check_translation

config_app = typer.Typer(help="Check the deployment's configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("check")
def check(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="The file to check (default: the --config file).")
    ] = None,
    require_secrets: Annotated[
        bool,
        typer.Option(
            "--require-secrets",
            help="A missing secret is a problem (exit 2), as on a machine that sends.",
        ),
    ] = False,
) -> None:
    """Validate hub.toml: keys, types, channel names; exit 2 on any problem.

    Then warn, with file, key and line, about what loads but cannot work: a roundup
    on an immediate channel, a route to a disabled channel, reminders that fire
    once a day, a source no route takes (warnings do not change the exit code).

    The secrets named by token_env are listed when they are not set: only the
    commands that send need them (`hub serve`, `hub worker`), so they are
    problems only with --require-secrets; so is HUB_SECRET_KEY, missing, short or
    a placeholder, which the console needs.
    """
    path = file or runtime(ctx).config_path
    settings = load_settings(path, read_environment(), platforms=PLATFORMS, engines=TRANSLATORS)
    translation = check_translation(settings)
    secret = [p for p in translation if p.key == "translation.key_env"]
    if len(secret) < len(translation):
        raise ConfigError([p for p in translation if p not in secret])
    missing = missing_secrets(settings) + secret
    key_problem = secret_key_problem(settings.secrets.get(SECRET_KEY_ENV))
    if key_problem:  # the console (the web role) refuses to start without a good one
        message = f"{key_problem}: the console will not start (set a random string of 32+)"
        missing.append(Problem(settings.path, SECRET_KEY_ENV, message))
    if missing and require_secrets:
        raise ConfigError(missing)
    enabled = sum(1 for channel in settings.channels.values() if channel.enabled)
    typer.echo(
        f"{path}: OK ({len(settings.sources)} sources, {len(settings.channels)} channels "
        f"({enabled} enabled), {len(settings.routes)} routes, {len(settings.schedules)} schedules)"
    )
    if missing:
        typer.echo(f"{len(missing)} secrets not set yet (what sends and the console need):")
        for problem in missing:
            typer.echo(f"  {problem}")
    warnings = config_warnings(settings)
    if warnings:
        typer.echo(f"{len(warnings)} warnings (this loads, but will not work as it reads):")
        for warning in warnings:
            typer.echo(f"  warning: {warning}")
