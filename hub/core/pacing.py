"""The last look at a rate budget's moment, right before the HTTP write.

The worker reserves a slot of a budget for a moment (:meth:`DatabaseRateLimiter.reserve_many`)
and checks, when its loop wakes the send, that it is not late. Between that check and the
request's first byte lie the sink's own awaits (building the request, the HTTP client's
pool): on a busy host they can add tens of milliseconds, and a message that reaches the
platform that much after its moment bunches with the next ones in the platform's window
(a 429 on a bot's 30 a second). So the worker also sets :data:`SEND_BY` around the send,
and a sink whose HTTP client can look calls :func:`check_send_by` right before it writes:
a write that would leave after that moment raises :class:`LateForBudget`, nothing is sent,
and the worker reserves a new slot instead (the old one is forfeited, never crowded).

Only a send's first write is checked: once the first request of a send has left, the
send is under way and its later requests (a thread's parts) must not be cut short.
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass


class LateForBudget(Exception):
    """The send's first write would leave after its budget's moment allows; nothing was
    sent. Not a :class:`~hub.core.errors.DeliveryError`: the worker reserves again."""

    def __init__(self, late: float) -> None:
        super().__init__(f"the write would leave {late * 1000:.1f} ms after its moment")
        self.late = late


@dataclass
class SendBy:
    """The latest moment on ``time.monotonic`` a send's first write may leave."""

    at: float
    checked: bool = False


SEND_BY: ContextVar[SendBy | None] = ContextVar("hub_send_by", default=None)


def check_send_by() -> None:
    """Raise :class:`LateForBudget` when the current send's first write is late; a send
    without a moment (no budget, or its first write already left) always passes."""
    send_by = SEND_BY.get()
    if send_by is None or send_by.checked:
        return
    late = time.monotonic() - send_by.at
    if late > 0:
        raise LateForBudget(late)
    send_by.checked = True
