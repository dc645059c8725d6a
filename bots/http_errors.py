"""HTTP answers as the hub's delivery errors, for the sinks that speak plain HTTP (httpx).

429 is ``RateLimited`` with the server's wait (a JSON ``retry_after``, else the
``Retry-After`` header in seconds or as an HTTP date, else the
``X-RateLimit-Reset-After`` header); 5xx, 408 and 425 are transient; 401 and
403 are ``Forbidden``; 404 and 410 ``ChannelGone``; any other 4xx
``BadPayload``. Network failures are transient, timeouts ``Timeout``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime

import httpx

from hub.core.errors import (
    BadPayload,
    ChannelGone,
    DeliveryError,
    Forbidden,
    RateLimited,
    Timeout,
    TransientError,
)

DEFAULT_WAIT = 60.0


def _number(value: object) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def retry_after(headers: Mapping[str, str], body: object, wall_clock: Callable[[], float]) -> float:
    """Seconds the server asks to wait, from its body or headers (RFC 9110 Retry-After)."""
    if isinstance(body, dict):
        found = _number(body.get("retry_after"))
        if found is not None:
            return max(found, 0.001)
    header = headers.get("retry-after")
    if header:
        found = _number(header.strip())
        if found is not None:
            return max(found, 0.001)
        try:
            when = parsedate_to_datetime(header)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None:
            return max(when.timestamp() - wall_clock(), 1.0)
    found = _number(headers.get("x-ratelimit-reset-after", ""))
    return max(found, 0.001) if found is not None else DEFAULT_WAIT


def error_for(
    response: httpx.Response, what: str, wall_clock: Callable[[], float], detail: str = ""
) -> DeliveryError:
    """The hub error for an unsuccessful answer; ``detail`` is the server's own words."""
    status = response.status_code
    said = f"{what} answered {status}" + (f": {detail}" if detail else "")
    if status == 429:
        try:
            body: object = response.json()
        except ValueError:
            body = None
        return RateLimited(retry_after(response.headers, body, wall_clock), said)
    return status_error(status, said)


def status_error(status: int, said: str) -> DeliveryError:
    """The hub error for an unsuccessful status other than 429, with ``said`` as its words."""
    if status >= 500 or status in (408, 425):
        return TransientError(said)
    if status in (401, 403):
        return Forbidden(said)
    if status in (404, 410):
        return ChannelGone(said)
    return BadPayload(said)


def network_error(exc: httpx.HTTPError, what: str) -> DeliveryError:
    """A failure before any answer: transient (the outbox retries it)."""
    if isinstance(exc, httpx.TimeoutException):
        return Timeout(f"{what} did not answer in time")
    return TransientError(f"{what}: {type(exc).__name__}")
