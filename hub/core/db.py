"""Engines, sessions and migrations.

SQLite (the default) runs in WAL mode with a busy timeout so a reader never
blocks the writer; PostgreSQL is used as it is. Migrations are Alembic's,
shipped inside the package and applied by :func:`upgrade`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from hub.core.errors import HubError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def shown_url(url: str) -> str:
    """``url`` as it may be printed: the password hidden."""
    return make_url(normalise_url(url)).render_as_string(hide_password=True)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


class DatabaseNotReady(HubError):
    """The database is missing, not migrated, or unreachable; the message says what to do."""


class DatabaseUnreachable(DatabaseNotReady):
    """The database did not answer (down, restarting, wrong address or password)."""


def check_ready(engine: Engine) -> None:
    """Raise :class:`DatabaseNotReady` unless the database is at this hub's newest migration.

    One sentence, naming the database and the command to run; nothing is
    written (a missing SQLite file is not created: check before
    :func:`make_engine` with :func:`sqlite_file`).
    """
    from sqlalchemy.exc import DBAPIError

    where = engine.url.render_as_string(hide_password=True)
    try:
        current = current_revision(engine)
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise DatabaseUnreachable(f"the database {where} does not answer: {reason}") from None
    head = head_revision()
    if current == head:
        return
    if current is None:
        raise DatabaseNotReady(
            f"the database {where} is not migrated yet: run `hub db upgrade` to create its tables"
        )
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        known = ScriptDirectory(str(MIGRATIONS)).get_revision(current) is not None
    except CommandError:
        known = False
    if not known:
        raise DatabaseNotReady(
            f"the database {where} is at migration {current}, newer than this hub knows "
            f"(newest here: {head}): upgrade the hub itself"
        )
    raise DatabaseNotReady(
        f"the database {where} is at migration {current}, this hub needs {head}: "
        "run `hub db upgrade`"
    )


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; creates the SQLite file's folder if needed."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on error."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (idempotent)."""
    from alembic import command

    command.upgrade(_alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def is_current(engine: Engine) -> bool:
    """True when the database is at the newest migration."""
    return current_revision(engine) == head_revision()
