"""The hub's clock, carried by its database engine.

Every part of the hub reads the time from one injected clock (a callable giving an
aware UTC datetime): the console's, a stand-in's, a test's set to another year. The
rows' own stamps (``created_at``, ``updated_at``: column defaults and flush hooks that
no caller passes a time to) read it from the engine they are written through, which
carries it as an execution option (:func:`with_clock`): every session and connection
made from that engine, wherever it is made, stamps its rows on it.

The machine's clock (:func:`utcnow`) is what an engine made without one gives
(:func:`clock_of`); the outermost wiring (the CLI, the web app) binds the clock it
runs on, so a console on a stepping clock stamps its rows on that clock too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # the CLI reads this module's clock before it needs SQLAlchemy, if it ever does
    from sqlalchemy import Connection, Engine

Clock = Callable[[], dt.datetime]

OPTION = "hub_clock"
"""The execution option of an engine (or connection) that holds its clock."""

Bind = TypeVar("Bind", "Engine", "Connection")


def utcnow() -> dt.datetime:
    """The machine's clock, in UTC."""
    return dt.datetime.now(dt.UTC)


def with_clock(bind: Bind, clock: Clock) -> Bind:
    """``bind`` (an engine: the same pool; or a connection) whose rows are stamped on
    ``clock``."""
    return bind.execution_options(**{OPTION: clock})


def clock_of(bind: Engine | Connection | None) -> Clock:
    """The clock ``bind`` (an engine or a connection) carries; the machine's when none."""
    if bind is None:
        return utcnow
    clock = bind.get_execution_options().get(OPTION)
    return clock if callable(clock) else utcnow


def clock_in(options: Any) -> Clock:
    """The clock among a statement's execution options (a column default's context)."""
    clock = options.get(OPTION) if options is not None else None
    return clock if callable(clock) else utcnow
