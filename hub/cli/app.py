"""The ``hub`` command's root: the Typer app and what every command shares.

Settings are read here, once, at the edge; commands pass them down explicitly.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import Engine

from hub.core.config.settings import Settings, load_settings, read_environment

DEFAULT_CONFIG = Path("config/hub.toml")

app = typer.Typer(
    name="hub",
    help="The communication hub: collect news, fan it out, answer members.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@dataclass
class Runtime:
    """What a command needs from the edge: the config file, read lazily and once."""

    config_path: Path
    _settings: Settings | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        if self._settings is None:
            from hub.wiring import PLATFORMS

            self._settings = load_settings(
                self.config_path, read_environment(), platforms=PLATFORMS
            )
        return self._settings

    def engine(self, database_url: str | None = None) -> Engine:
        if self._engine is None:
            from hub.core.db import make_engine

            self._engine = make_engine(database_url or self.settings().database_url())
        return self._engine


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[
        Path,
        typer.Option("--config", "-c", envvar="HUB_CONFIG", help="The deployment's hub.toml."),
    ] = DEFAULT_CONFIG,
) -> None:
    """The communication hub: collect news, fan it out, answer members."""
    ctx.obj = Runtime(config_path=config)


def configure_logging(settings: Settings | None, level: int = logging.INFO) -> None:
    """Log through hub.core.logs' redacting handler, masking every configured secret."""
    from hub.core.logs import configure_logging as install

    secrets = list(settings.secrets.values()) if settings is not None else []
    install(os.environ, level=level, secrets=secrets)


def runtime(ctx: typer.Context) -> Runtime:
    obj = ctx.find_root().obj
    assert isinstance(obj, Runtime)
    return obj
