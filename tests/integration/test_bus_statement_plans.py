"""A worker's connections for its claims and results run them on their generic plans.

The claim's plan for its parameters depends on statistics, and a queue filled faster
than autovacuum analyses it looks empty to the planner, which then sorts every due row
for each claim (``hub.core.bus.worker._plan_generic``). The worker's own connections say
``force_generic_plan``; one it lets go goes back to the pool planning as the server's
default, so no other user of the pool inherits the setting.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from hub.core.bus.messages import ChannelSinks
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
    with worker._statement() as conn:
        assert _mode(conn) == "force_generic_plan"
    worker._let_go_all()
    with engine.connect() as conn:  # the pool hands the same connection out again
        assert _mode(conn) == default != "force_generic_plan"
    engine.dispose()
