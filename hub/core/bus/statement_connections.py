"""The connections a worker's database threads keep for their single-statement writes.

On PostgreSQL a claim (with its messages) and a batch of results are each one statement:
run in autocommit, each is its own transaction, without the round trips of BEGIN and
COMMIT. Each database thread keeps its connection while it is busy, so a statement costs
no pool checkout, ping and reset either (a round trip each), and the connection is set up
once for the worker's statements (prepared at once, generic plans). Elsewhere (SQLite)
each statement is one transaction, as any write.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

STATEMENT_IDLE = 1.0
"""A database thread keeps its connection for single statements while it is used at
least this often (s); one idle longer is given back and a fresh one checked out (the
pool pings it), so a connection the server dropped meanwhile costs no failed write."""


@dataclass(eq=False)
class _Held:
    """A database thread's connection for single statements, and when it was last used."""

    conn: Connection
    used: float = field(default_factory=time.monotonic)
    busy: bool = False


class StatementConnections:
    """One kept connection per database thread, given back when idle or on the way out."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._held = threading.local()
        self._held_all: set[_Held] = set()
        self._held_lock = threading.Lock()
        self._closing = False

    def reopen(self) -> None:
        """At the start of a run: connections are kept again (after :meth:`let_go_all`)."""
        self._closing = False

    @contextlib.contextmanager
    def statement(self) -> Iterator[Connection]:
        """A connection for one write that is a single statement: in autocommit on
        PostgreSQL, one transaction elsewhere.

        A connection the server dropped comes out as SQLAlchemy's ``DBAPIError`` (the
        connection invalidated, the next statement on a fresh one), which the worker's
        loops wait out; the driver's own error would end the worker."""
        if self.engine.dialect.name != "postgresql":
            with self.engine.begin() as conn:
                yield conn
            return
        held: _Held | None = getattr(self._held, "conn", None)
        now = time.monotonic()
        if held is not None and (
            held not in self._held_all  # let go on the way out of an earlier run
            or held.conn.invalidated
            or now - held.used > STATEMENT_IDLE
        ):
            self._let_go(held)
            held = None
        if held is None:
            conn = self.engine.connect()  # the pool pings it
            try:
                _prepare_at_once(conn)
                conn.execution_options(isolation_level="AUTOCOMMIT")
                _plan_generic(conn, True)
            except BaseException:
                conn.close()  # dropped since the ping (a DBAPIError): the pool discards it
                raise
            held = self._held.conn = _Held(conn)
            with self._held_lock:
                self._held_all.add(held)
        held.busy = True
        try:
            yield held.conn
            held.conn.commit()  # ends SQLAlchemy's own bookkeeping: autocommit, no round trip
        except BaseException:
            # whatever went wrong, the next statement starts on a connection the pool checked
            self._held.conn = None
            self._let_go(held)
            raise
        finally:
            held.busy = False
            held.used = time.monotonic()
            if self._closing:
                self._let_go(held)

    def let_go_all(self) -> None:
        """On the way out: connections not in use now are closed here, the others by
        their thread when its statement ends."""
        self._closing = True
        with self._held_lock:
            idle = [held for held in self._held_all if not held.busy]
        for held in idle:
            self._let_go(held)

    def _let_go(self, held: _Held) -> None:
        with self._held_lock:
            self._held_all.discard(held)
        with contextlib.suppress(Exception):  # a dropped connection: the pool discards it
            if not held.conn.invalidated:
                _plan_generic(held.conn, False)  # the pool's next user plans as it would
            held.conn.close()


def _prepare_at_once(conn: Connection) -> None:
    """Have the server keep the plans of this connection's statements from their first
    execution: psycopg prepares a statement at its fifth by default, and a worker's
    database threads each hold a connection of their own, so a claim or a record was
    parsed and planned anew at each of its first five runs on every one of them (about
    a third of the claims and records of ``hub bench bus``, each planned in full: the
    claim's lateral reads, the record's four common table expressions)."""
    driver: Any = conn.connection.driver_connection
    if hasattr(driver, "prepare_threshold"):
        driver.prepare_threshold = 0


def _plan_generic(conn: Connection, generic: bool) -> None:
    """Have the server run this connection's prepared statements on their generic plan from
    their first execution (``generic``), or plan them as it would by default again.

    By default the server plans a prepared statement's first five executions for their
    parameters, each in full, on each of a worker's connections (one per database
    thread). For the claim that plan depends on statistics: a queue filled faster than
    autovacuum analyses it (a broadcast's thousands of rows, ``hub bench bus``'s seeded
    queue) looks almost empty to the planner, which then reads every due row and sorts
    them for a hundred (4-6 ms a claim, on 20,000 due rows), where the generic plan
    walks the ``(status, due_at)`` index in order and stops at the hundredth (about 1 ms).
    The worker's statements (a claim, a batch of results) have no parameter whose value
    should change their plan.

    Through SQLAlchemy, not the driver, so that a dropped connection is a ``DBAPIError``."""
    if hasattr(conn.connection.driver_connection, "prepare_threshold"):  # psycopg
        conn.exec_driver_sql(
            "SET plan_cache_mode = force_generic_plan" if generic else "RESET plan_cache_mode"
        )
