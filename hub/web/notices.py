"""Telling the member who sent an item what the secretariat decided.

The notices are written by the platform side (``bots.submissions.tell_submitter``
queues "approved" or "declined" to each chat the item came from, in the
member's language). The core finds it through the ``hub.moderation_notices``
entry-point group, so it names no platform package; with none installed,
nobody is told and the console says so.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points

from sqlalchemy.orm import Session

from hub.models import Item

ENTRY_POINT_GROUP = "hub.moderation_notices"
Notifier = Callable[..., int]

log = logging.getLogger(__name__)


@cache
def notifiers() -> tuple[Notifier, ...]:
    """Every installed notifier: ``fn(session, item, outcome, *, now, reason) -> count``."""
    found = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            found.append(entry.load())
        except ImportError as exc:  # a platform extra not installed
            log.warning("moderation notices %r unavailable: %s", entry.name, exc)
    return tuple(found)


def tell_members(
    session: Session,
    item: Item,
    outcome: str,
    *,
    now: dt.datetime,
    reason: str = "",
    found: tuple[Notifier, ...] | None = None,
) -> int:
    """Queue the ``approved`` or ``declined`` notice to the item's submitters; how many."""
    return sum(
        notify(session, item, outcome, now=now, reason=reason)
        for notify in (notifiers() if found is None else found)
    )
