"""``hub bench ...``: measurements of the hub on this machine (never timed tests).

Each benchmark module exposes a ``run_*`` function returning a plain dict (the
``--json`` contract) and a ``render_*`` function for the readable table. The
helpers here are what several benchmarks share: throwaway databases on a
PostgreSQL server and percentiles.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from hub.core.db import normalise_url


@contextmanager
def scratch_postgres_database(server_url: str, prefix: str = "hub_bench") -> Iterator[str]:
    """A new empty database on the server of ``server_url``, dropped afterwards; yields its URL."""
    url = make_url(normalise_url(server_url))
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` percentile (nearest rank) of ``values``; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]
