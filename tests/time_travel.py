"""Run the suite as if on another day: ``HUB_TEST_TRAVEL=+400d pytest ...``.

A test that mixes the real clock with a fixed one (a console on a stepping
clock, test data stamped with ``datetime.now()``) passes on the day it is
written and fails weeks later. ``make test`` therefore runs the in-process
tests again with the whole process moved a year ahead and a year behind
(time-machine moves ``time.time``, ``datetime.now`` and friends, and the clock
keeps ticking), so such a time bomb fails at once rather than in two weeks.

The value is a signed number of days (``+400d``, ``-365d``) or an ISO date.
Subprocesses are not moved, so the travelling runs leave out ``tests/e2e``.
"""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
import time_machine

TRAVEL = os.environ.get("HUB_TEST_TRAVEL", "").strip()
_OFFSET = re.compile(r"^([+-]\d+)d$")


def destination(value: str, today: dt.datetime) -> dt.datetime:
    """Where ``HUB_TEST_TRAVEL`` points, as an aware datetime."""
    offset = _OFFSET.match(value)
    if offset:
        return today + dt.timedelta(days=int(offset.group(1)))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(
            f"HUB_TEST_TRAVEL={value!r}: give a number of days such as +400d or -365d, "
            "or a date such as 2028-02-29"
        ) from None
    return dt.datetime.combine(day, today.timetz())


_traveller: time_machine.travel | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _traveller
    if not TRAVEL:
        return
    when = destination(TRAVEL, dt.datetime.now(dt.UTC))
    traveller = time_machine.travel(when, tick=True)
    traveller.start()
    _traveller = traveller


def pytest_report_header(config: pytest.Config) -> str | None:
    if not TRAVEL:
        return None
    return f"time travel: HUB_TEST_TRAVEL={TRAVEL}, the tests run on {dt.date.today().isoformat()}"


def pytest_unconfigure(config: pytest.Config) -> None:
    global _traveller
    if _traveller is not None:
        _traveller.stop()
        _traveller = None
