"""What the bus's two durable queues share: the outbox and the platform inbox.

Both are tables read as queues by workers on an event loop. What they truly
share is written here once:

- :class:`DatabaseThreads`: every database call of a worker runs off its
  event loop, so a slow query, a lock wait or a distant server never holds
  up the sends, handlers and lease renewals in flight. SQLite gets one
  thread (it has one writer, and the read-then-write of a claim or a rate
  bucket must not interleave inside one process); PostgreSQL gets several.
- :func:`due_ids`: the claim's first half, the ids of due rows locked with
  ``FOR UPDATE SKIP LOCKED`` (a no-op on SQLite) and ordered by the
  ``(status, due)`` index the query filters on, so SQLite reads the index in
  order instead of sorting every pending row at each claim.
- :func:`lease_end`: a lease is "until now + seconds" in the caller's clock.
- :func:`insert_ignoring_duplicates`: the dialect's ``INSERT ... ON CONFLICT
  DO NOTHING`` (PostgreSQL and SQLite spell it alike, from different modules).
- Backoff is :class:`hub.core.bus.retry.RetryPolicy`'s, for both queues and
  for the database's own trouble (:data:`hub.core.bus.retry.DATABASE_RETRY`).

What differs, and why it stays different:

- **The fence.** The outbox fences a finished lease by the claim's token
  (``leased_by``), because a delivery given back unsent (its rate budget was
  spent, the worker is stopping) must not count as an attempt; the inbox has
  no such give-back and fences by ``attempts``, which its claim increments.
- **Expired leases.** The inbox's claim takes expired ``processing`` rows
  back directly (a handler must be idempotent; nothing is "in doubt"). The
  outbox sweeps them first, so that the delivery carries the note "lease
  expired" (a sink looks a message up on the platform before sending it
  again), and buries rows that have used their last attempt.
- **The claim's second half.** The outbox claims with one ``UPDATE ...
  RETURNING`` (its hot path, thousands of rows a second); the inbox updates
  then reads the rows back in arrival order, which its lanes need.
- **Jitter.** Deliveries retry with jitter: a platform's outage fails
  hundreds of rows at once, and their retries should spread out. Inbox
  events come a few at a time and retry within their conversation's lane;
  plain doubling keeps their next attempt predictable.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Column, Connection, Engine, Select, Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

P = ParamSpec("P")
T = TypeVar("T")
Executor = Connection | Session

POSTGRES_THREADS = 8
"""Database threads of one worker on PostgreSQL (the engine's pool holds 5 + 10)."""
SWITCH_INTERVAL = 0.001
"""The longest (s) a database thread keeps the GIL while the event loop waits for it.

Off the loop is not off the GIL: a thread building a claim's messages or reading a
result in Python holds it for Python's switch interval (5 ms by default) before the
loop may run, and a loop woken by a send's timer waits for it, several times over
when several threads take turns. With the database 2.4 ms away (``hub bench worker
--db-latency-ms 2.4``) a worker at 16 x 50 ms sends reached 84-87% of the ideal and
its loop lagged up to 150 ms; at 1 ms, 94% and 11 ms, side by side on this host."""


class DatabaseThreads:
    """Runs a worker's database calls in threads of its own, never on its event loop.

    One thread on SQLite, ``threads`` (default :data:`POSTGRES_THREADS`) elsewhere.
    Created lazily, so a worker made outside a running loop costs nothing.
    """

    def __init__(self, engine: Engine, threads: int | None = None, *, name: str = "hub-db"):
        sqlite_engine = engine.dialect.name == "sqlite"
        self.threads = 1 if sqlite_engine else max(1, threads or POSTGRES_THREADS)
        self.name = name
        self._pool: ThreadPoolExecutor | None = None

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``function(*args, **kwargs)`` in a database thread; its result or its exception."""
        if self._pool is None:
            # the process's switch interval: lowered, never raised (see SWITCH_INTERVAL)
            sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
            self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix=self.name)
        call = functools.partial(function, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._pool, call)

    def close(self) -> None:
        """Let the threads end once their current call returns (a new ``run`` starts again)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None


def due_ids(
    id_column: Column[Any],
    status_column: Column[Any],
    statuses: Sequence[str],
    due_column: Column[Any],
    now: dt.datetime,
    limit: int,
) -> Select[tuple[Any]]:
    """The ids of up to ``limit`` rows in ``statuses`` due by ``now``, earliest first.

    Locked ``FOR UPDATE SKIP LOCKED`` (rows another worker is claiming are
    skipped, not waited for) and ordered by ``(status, due)``, the columns of
    the index the query filters on.
    """
    status_filter = (
        status_column == statuses[0] if len(statuses) == 1 else status_column.in_(list(statuses))
    )
    return (
        select(id_column)
        .where(status_filter, due_column <= now)
        .order_by(status_column, due_column)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )


def lease_end(now: dt.datetime, seconds: float) -> dt.datetime:
    """When a lease taken at ``now`` for ``seconds`` runs out."""
    return now + dt.timedelta(seconds=seconds)


def driver_rows(
    conn: Connection, statement: str, parameters: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """The rows of ``statement`` (in the driver's own placeholders, ``%(name)s``) as plain
    tuples, run on ``conn``'s driver connection: a worker's hot statements (a claim with
    its messages, a batch of results) skip SQLAlchemy's result machinery, which read the
    claim's thirty columns' descriptions anew at every execution and wrapped every row.

    Within ``conn``'s transaction as any statement of ``conn`` (it is begun here if it
    was not, so that ``conn``'s commit or rollback ends it), and an error of the driver
    comes out as SQLAlchemy's (``DBAPIError``), the connection invalidated when the
    server is gone, as SQLAlchemy's own execution would do."""
    if not conn.in_transaction():
        conn.begin()
    dbapi: Any = conn.dialect.loaded_dbapi
    driver: Any = conn.connection.driver_connection
    try:
        with driver.cursor() as cursor:
            cursor.execute(statement, parameters)
            rows: list[tuple[Any, ...]] = cursor.fetchall()
            return rows
    except dbapi.Error as error:
        gone = conn.dialect.is_disconnect(error, driver, None)
        if gone:
            conn.invalidate(error)
        raise DBAPIError.instance(
            statement,
            dict(parameters),
            error,
            dbapi.Error,
            connection_invalidated=gone,
            dialect=conn.dialect,
        ) from error


def dialect_of(executor: Executor) -> str:
    """``postgresql`` or ``sqlite``, for a connection or a session."""
    if isinstance(executor, Session):
        return executor.get_bind().dialect.name
    return executor.dialect.name


def insert_ignoring_duplicates(table: Table, dialect: str, unique: Sequence[str]) -> Any:
    """``INSERT INTO table ... ON CONFLICT (unique) DO NOTHING`` for ``dialect``.

    Returns the statement (add ``values`` or ``returning`` as needed); both
    PostgreSQL and SQLite skip the row that clashes on ``unique``.
    """
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing(index_elements=list(unique))
