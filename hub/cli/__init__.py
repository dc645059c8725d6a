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
    from hub.cli import preview_cmd  # noqa: F401
    from hub.cli import ingest_cmd  # noqa: F401
    from hub.cli import members_cmd, newsletter_cmd  # noqa: F401


def main() -> None:
    """Entry point of the ``hub`` console script: problems in files exit 2, no traceback."""
    _register()
    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except ProblemsError as exc:
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(2)
    except SystemExit:
        raise
    except Exception as exc:  # click's own usage errors and aborts
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            print("Aborted.", file=sys.stderr)
            sys.exit(1)
        raise


__all__ = ["app", "main"]
