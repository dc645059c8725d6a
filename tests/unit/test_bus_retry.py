"""The retry policy decides from the error's class and the attempt count."""

from __future__ import annotations

import random

import pytest

from hub.core.bus.retry import RetryPolicy
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, Timeout, TransientError

POLICY = RetryPolicy(base_delay=2.0, factor=2.0, max_delay=60.0, jitter=0.2)


@pytest.mark.parametrize(
    ("error", "attempt", "outcome"),
    [
        (TransientError("503"), 1, "retry"),
        (Timeout("slow"), 3, "retry"),
        (RateLimited(7.5), 2, "retry"),
        (ValueError("sink bug"), 1, "retry"),
        (ChannelGone("gone"), 1, "failed"),
        (Forbidden("kicked"), 1, "failed"),
        (BadPayload("too long"), 1, "failed"),
        (TransientError("503"), 8, "dead"),
        (RateLimited(1.0), 8, "dead"),
        (BadPayload("too long"), 8, "failed"),
    ],
)
def test_outcome_follows_error_class_and_attempts(error, attempt, outcome):
    assert POLICY.decide(error, attempt, 8).outcome == outcome


def test_rate_limited_waits_exactly_what_the_platform_asked():
    decision = POLICY.decide(RateLimited(7.5), 1, 8, random.Random(1))
    assert decision.delay == 7.5


@pytest.mark.parametrize(("attempt", "centre"), [(1, 2.0), (2, 4.0), (3, 8.0), (10, 60.0)])
def test_backoff_grows_exponentially_within_jitter_and_cap(attempt, centre):
    delays = [POLICY.backoff(attempt, random.Random(seed)) for seed in range(50)]
    assert all(centre * 0.8 <= d <= centre * 1.2 for d in delays)
    assert len(set(delays)) > 1  # jittered


def test_permanent_failure_records_the_reason():
    decision = POLICY.decide(ChannelGone("chat not found"), 1, 8)
    assert "ChannelGone" in decision.reason and "chat not found" in decision.reason
