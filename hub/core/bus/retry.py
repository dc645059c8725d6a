"""When to try a failed delivery again: a small policy that returns a decision.

The policy looks at the error's class, never at a flag:

- ``RateLimited``: retry after exactly the time the platform asked;
- other ``TransientError`` (timeouts, 5xx) and errors a sink did not
  classify: exponential backoff with jitter;
- ``PermanentError`` (channel gone, forbidden, payload refused): fail now;
- any retry beyond the delivery's ``max_attempts``: dead.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from hub.core.errors import PermanentError, RateLimited

Outcome = Literal["retry", "failed", "dead"]


@dataclass(frozen=True)
class RetryDecision:
    """What to do with a delivery whose attempt failed: retry after ``delay`` s, or stop."""

    outcome: Outcome
    delay: float
    reason: str


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff: ``base * factor**(attempt-1)`` capped at ``max_delay``, ±jitter."""

    base_delay: float = 2.0
    factor: float = 2.0
    max_delay: float = 3600.0
    jitter: float = 0.2

    def backoff(self, attempt: int, rng: random.Random | None = None) -> float:
        """The delay before the retry that follows failed attempt number ``attempt`` (1-based)."""
        delay = min(self.max_delay, self.base_delay * self.factor ** max(0, attempt - 1))
        spread = delay * self.jitter
        return max(0.0, delay + (rng or random).uniform(-spread, spread))

    def decide(
        self,
        error: BaseException,
        attempt: int,
        max_attempts: int,
        rng: random.Random | None = None,
    ) -> RetryDecision:
        """The decision after attempt number ``attempt`` failed with ``error``."""
        reason = f"{type(error).__name__}: {error}"
        if isinstance(error, PermanentError):
            return RetryDecision("failed", 0.0, reason)
        if attempt >= max_attempts:
            return RetryDecision("dead", 0.0, f"{reason} (gave up after {attempt} attempts)")
        if isinstance(error, RateLimited):
            return RetryDecision("retry", max(0.0, error.retry_after), reason)
        return RetryDecision("retry", self.backoff(attempt, rng), reason)


DATABASE_RETRY = RetryPolicy(base_delay=0.25, factor=2.0, max_delay=5.0, jitter=0.0)
"""How long a worker waits before trying the database again after it failed (a restart)."""
