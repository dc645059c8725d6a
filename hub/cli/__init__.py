"""``hub``: the command line. Each module here adds one group of commands to ``app``."""

from __future__ import annotations

import sys

from hub.cli.app import app
from hub.core.errors import ProblemsError


def _register() -> None:
    # Importing a command module attaches its commands to ``app``.
    from hub.cli import (  # noqa: F401  # noqa: F401  # noqa: F401
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
    """Entry point of the ``hub`` console script: problems in files exit 2, no traceback.

    Typer runs in standalone mode, so usage errors print their usual message
    and exit 2; a :class:`ProblemsError` (a wrong config or knowledge file)
    escapes it and is printed here, one line per problem.
    """
    _register()
    try:
        app()
    except ProblemsError as exc:
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(2)


__all__ = ["app", "main"]
