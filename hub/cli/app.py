"""The ``hub`` command's root: the Typer app and what every command shares.

Settings are read here, once, at the edge; commands pass them down explicitly.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hub.core.config.settings import Settings, load_settings, read_environment

if TYPE_CHECKING:
    from sqlalchemy import Engine

DEFAULT_CONFIG = Path("config/hub.toml")
DEMO_DATA_DIR = Path("data/demo")
"""Where ``hub demo`` keeps its database (``hub.db`` inside), relative to where it runs."""

app = typer.Typer(
    name="hub",
    help="The communication hub: collect news, fan it out, answer members.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def demo_database_url(data_dir: Path = DEMO_DATA_DIR) -> str:
    """The SQLite URL of the database ``hub demo --data-dir data_dir`` writes."""
    return f"sqlite:///{data_dir / 'hub.db'}"


@dataclass
class Runtime:
    """What a command needs from the edge: the config file, read lazily and once.

    ``demo`` points every command at the demo's database instead of the
    deployment's (``hub --demo status``).
    """

    config_path: Path
    demo: bool = False
    database_shown: str | None = None
    """The database last opened, password hidden (for the one-line database errors)."""
    _settings: Settings | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        if self._settings is None:
            from hub.wiring import PLATFORMS, TRANSLATORS

            self._settings = load_settings(
                self.config_path,
                read_environment(),
                platforms=PLATFORMS,
                engines=TRANSLATORS,
                overrides=_as_the_demo_left_it if self.demo else None,
            )
        return self._settings

    def database_url(self, database_url: str | None = None) -> str:
        """``--demo``'s database, else ``database_url`` (``--database-url``), else the config's."""
        if self.demo:
            return demo_database_url()
        return database_url or self.settings().database_url()

    def engine(self, database_url: str | None = None, *, migrated: bool = True) -> Engine:
        """The engine of the command's database.

        With ``migrated`` (what every command that reads or writes rows wants)
        a database that is missing, not migrated or unreachable raises
        :class:`~hub.db.DatabaseNotReady`, one sentence saying what to run; a
        missing SQLite file is not created. ``hub db upgrade`` and ``hub
        serve``, which migrate, pass ``migrated=False``.
        """
        if self._engine is None:
            from hub.core.clock import utcnow, with_clock
            from hub.core.db import (
                DatabaseNotReady,
                check_ready,
                make_engine,
                shown_url,
                sqlite_file,
            )

            url = self.database_url(database_url)
            self.database_shown = shown_url(url)
            file = sqlite_file(url)
            if migrated and file is not None and not file.is_file():
                if self.demo:
                    raise DatabaseNotReady(
                        f"no demo database at {file}: run `hub demo` (or `hub demo --once`) "
                        "in this folder first"
                    )
                raise DatabaseNotReady(
                    f"no database at {file} ({self.database_shown}): "
                    "run `hub db upgrade` to create it"
                )
            # the outermost wiring: the CLI runs on the machine's clock, and the rows it
            # writes are stamped on it (hub.core.clock)
            engine = with_clock(make_engine(url), utcnow)
            if migrated:
                try:
                    check_ready(engine)
                except DatabaseNotReady:
                    engine.dispose()
                    raise
            self._engine = engine
        return self._engine

    def require_secrets(self, channels: Iterable[str] | None = None) -> Settings:
        """The settings, once every enabled channel that will send has its secret.

        For the commands and roles that send; a missing secret is a problem
        naming the environment variable (exit 2). ``--demo`` never sends: the
        demo's platforms are stand-ins that live only while ``hub demo`` runs.
        """
        from hub.core.config.settings import require_secrets

        if self.demo:
            raise typer.BadParameter(
                "--demo only reads the demo's database; `hub demo` itself sends to its stand-ins",
                param_hint="--demo",
            )
        settings = self.settings()
        require_secrets(settings, channels)
        return settings


def _as_the_demo_left_it(data: dict[str, Any]) -> None:
    """Switch channels and sources on and off as the demo did (it enables what its stand-ins
    play), read from its database, so ``hub --demo route 1 --dry-run`` tells what happened."""
    import sqlite3

    database = DEMO_DATA_DIR / "hub.db"
    if not database.is_file():
        return  # the engine says so, in one sentence
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            for table in ("channels", "sources"):
                configured = data.get(table, {})
                for key, enabled in connection.execute(f"SELECT key, enabled FROM {table}"):
                    if isinstance(configured.get(key), dict):
                        configured[key]["enabled"] = bool(enabled)
        finally:
            connection.close()
    except sqlite3.Error:
        return  # not migrated: the engine says so


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[
        Path,
        typer.Option("--config", "-c", envvar="HUB_CONFIG", help="The deployment's hub.toml."),
    ] = DEFAULT_CONFIG,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help=f"Use the demo's database ({DEMO_DATA_DIR / 'hub.db'}, written by `hub demo`) "
            "instead of the deployment's; wins over HUB_DATABASE_URL and --database-url.",
        ),
    ] = False,
) -> None:
    """The communication hub: collect news, fan it out, answer members."""
    if isinstance(ctx.obj, Runtime):  # main() made it, to name the database in its errors
        ctx.obj.config_path, ctx.obj.demo = config, demo
    else:
        ctx.obj = Runtime(config_path=config, demo=demo)


def configure_logging(settings: Settings | None, level: int = logging.INFO) -> None:
    """Log through hub.core.logs' redacting handler, masking every configured secret."""
    from hub.core.logs import configure_logging as install

    secrets = list(settings.secrets.values()) if settings is not None else []
    install(os.environ, level=level, secrets=secrets)


def runtime(ctx: typer.Context) -> Runtime:
    obj = ctx.find_root().obj
    assert isinstance(obj, Runtime)
    return obj
