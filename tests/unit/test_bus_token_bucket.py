"""Token bucket arithmetic (the database rows are exercised in the integration tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.core.bus.ratelimit import Bucket, refill, wait_for
from hub.core.ports import RateLimit

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
LIMIT = RateLimit("chat", rate=2.0, burst=4.0)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("tokens", "elapsed", "expected"),
    [(0.0, 0.0, 0.0), (0.0, 1.0, 2.0), (3.5, 1.0, 4.0), (1.0, -5.0, 1.0)],
)
def test_refill_adds_rate_times_elapsed_up_to_burst(tokens, elapsed, expected):
    assert refill(Bucket(tokens, T0), LIMIT, at(elapsed)) == pytest.approx(expected)


def test_wait_is_the_time_to_the_next_whole_token():
    assert wait_for(Bucket(0.5, T0), LIMIT, T0) == pytest.approx(0.25)
    assert wait_for(Bucket(1.0, T0), LIMIT, T0) == 0.0


def test_margin_slows_the_refill():
    assert wait_for(Bucket(0.0, T0), LIMIT, T0, margin=0.5) == pytest.approx(1.0)


def test_a_pause_overrides_tokens():
    bucket = Bucket(4.0, T0, paused_until=at(3))
    assert wait_for(bucket, LIMIT, at(1)) == pytest.approx(2.0)
    assert wait_for(bucket, LIMIT, at(3)) == 0.0
