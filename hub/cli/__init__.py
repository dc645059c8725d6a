"""``hub``: the command line. Each module here adds one group of commands to ``app``."""

from __future__ import annotations

import sys

from hub.cli.app import app
from hub.errors import ProblemsError


def _register() -> None:
    # Importing a command module attaches its commands to ``app``.
    from hub.cli import config_cmd, db_cmd  # noqa: F401
    from hub.cli import serve_cmd  # noqa: F401
    from hub.cli import bus_cmd  # noqa: F401
    from hub.cli import bench_cmd  # noqa: F401
    from hub.cli import knowledge_cmd  # noqa: F401
    from hub.cli import ask_cmd  # noqa: F401
    from hub.cli import preview_cmd  # noqa: F401
    from hub.cli import ingest_cmd  # noqa: F401
    from hub.cli import members_cmd, newsletter_cmd  # noqa: F401
    from hub.cli import ops_cmd, roundup_cmd  # noqa: F401
    from hub.cli import users_cmd  # noqa: F401


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
