"""A worker's connections for its claims and results run them on their generic plans.

The claim's plan for its parameters depends on statistics, and a queue filled faster
than autovacuum analyses it looks empty to the planner, which then sorts every due row
for each claim (``hub.core.bus.statement_connections``). The worker's own connections say
``force_generic_plan``; one it lets go goes back to the pool planning as the server's
default, so no other user of the pool inherits the setting. A connection that dies as
the worker sets it up is a database error the worker waits out, as any other.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError

from hub.core.bus.messages import ChannelSinks
from hub.core.bus.statement_connections import StatementConnections
from hub.core.bus.worker import Worker
from hub.testing.sinks import InstantSink


def _mode(conn) -> str:
    return str(conn.execute(text("SHOW plan_cache_mode")).scalar_one())


def test_the_worker_s_statements_use_generic_plans_and_give_the_setting_back(
    engine: Engine,
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("plan caching is PostgreSQL's")
    with engine.connect() as conn:
        default = _mode(conn)
    worker = Worker(engine, ChannelSinks(lambda row: InstantSink(None)))  # type: ignore[arg-type]
    with worker._connections.statement() as conn:  # the connections the worker writes on
        assert _mode(conn) == "force_generic_plan"
    worker._connections.let_go_all()
    with engine.connect() as conn:  # the pool hands the same connection out again
        assert _mode(conn) == default != "force_generic_plan"
    engine.dispose()


def test_a_connection_dropped_as_the_worker_takes_it_is_a_database_error_it_retries(
    engine: Engine,
) -> None:
    """The pool's ping passed, then the server dropped the connection (a restart, an
    administrator) before the worker's setting reached it: the worker's loop retries a
    ``DBAPIError``; anything else ends the worker process."""
    if engine.dialect.name != "postgresql":
        pytest.skip("the worker's own connection settings are PostgreSQL's")
    connections = StatementConnections(engine)
    armed = [True]

    def drop_it(dbapi_connection, record, proxy) -> None:  # after the pool's ping
        if armed:
            armed.clear()
            pid = dbapi_connection.info.backend_pid
            with engine.connect() as other:  # waits until that backend has ended
                other.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})

    event.listen(engine.pool, "checkout", drop_it)
    with pytest.raises(DBAPIError) as raised, connections.statement():
        pass
    assert raised.value.connection_invalidated
    assert not armed
    with connections.statement() as conn:  # the next statement has a live connection
        assert _mode(conn) == "force_generic_plan"
    connections.let_go_all()
    engine.dispose()
