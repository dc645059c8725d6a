"""``hub``: the command line. Each module here adds one group of commands to ``app``."""

from __future__ import annotations

import sys

from hub.cli.app import DEFAULT_CONFIG, Runtime, app
from hub.core.errors import HubError, ProblemsError


def _register() -> None:
    # Importing a command module attaches its commands to ``app``.
    from hub.cli import (  # noqa: F401
        ask_cmd,
        bench_cmd,
        bus_cmd,
        config_cmd,
        db_cmd,
        ingest_cmd,
        knowledge_cmd,
        members_cmd,
        newsletter_cmd,
        ops_cmd,
        preview_cmd,
        roundup_cmd,
        serve_cmd,
        users_cmd,
    )


def main() -> None:
    """Entry point of the ``hub`` console script: one sentence for the user, never a traceback.

    Typer runs in standalone mode, so usage errors print their usual message
    and exit 2; a :class:`ProblemsError` (a wrong config or knowledge file, a
    missing secret) escapes it and is printed here, one line per problem
    (exit 2). A database that is missing, not migrated or unreachable is one
    sentence saying what to run (exit 1), whichever command found out. Any other
    :class:`HubError` a command raises (a batch file it cannot read...) is its message
    (exit 1).
    """
    _register()
    runtime = Runtime(config_path=DEFAULT_CONFIG)
    try:
        app(obj=runtime)
    except ProblemsError as exc:
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(2)
    except HubError as exc:  # after its subclass above: a command's own refusal, in a line
        # (a DatabaseNotReady too: its message is the sentence saying what to run)
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
    except Exception as exc:
        # SQLAlchemy is imported here, not above: ``hub --help`` and the commands that open
        # no database start without it (an error of its own means it is loaded already).
        from sqlalchemy.exc import OperationalError, ProgrammingError

        if not isinstance(exc, (OperationalError, ProgrammingError)):
            raise
        print(f"error: {database_error(exc, runtime.database_shown)}", file=sys.stderr)
        sys.exit(1)


_SCHEMA_MISSING = ("no such table", "no such column", "does not exist", "undefinedtable")


def database_error(exc: Exception, where: str | None) -> str:
    """One sentence for a database error that escaped a command (the check at open missed it)."""
    orig = getattr(exc, "orig", None) or exc
    reason = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    database = f"the database {where}" if where else "the database"
    if any(words in reason.lower() for words in _SCHEMA_MISSING):
        return f"{database} is not migrated ({reason}): run `hub db upgrade`"
    return f"{database} refused the command: {reason}"


__all__ = ["app", "main"]
