"""Telling the member who sent an item what the secretariat decided.

The notices are written by the platform side (``bots.submissions.tell_submitter``
queues "approved" or "declined" to each chat the item came from, in the
member's language); the composition root wires them in
``hub.wiring.MODERATION_NOTICES``, so the console names no platform package.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from hub.core.models import Item
from hub.wiring import MODERATION_NOTICES, ModerationNotice


def tell_members(
    session: Session,
    item: Item,
    outcome: str,
    *,
    now: dt.datetime,
    reason: str = "",
    found: tuple[ModerationNotice, ...] = MODERATION_NOTICES,
) -> int:
    """Queue the ``approved`` or ``declined`` notice to the item's submitters; how many."""
    return sum(notify(session, item, outcome, now=now, reason=reason) for notify in found)
