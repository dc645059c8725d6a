"""Telling the member who sent an item what the secretariat decided.

The notices are written by the platform side (``bots.chat_news.tell_submitter``
queues "approved" or "declined" to each chat the item came from, in the
member's language); the composition root wires them in
``hub.wiring.MODERATION_NOTICES``, so the console names no platform package.
The console's pages pass :data:`NOTICES` to
``hub.core.moderation.decisions.approve_and_notify`` and ``decline_and_notify``.
"""

from __future__ import annotations

from collections.abc import Sequence

from hub.core.moderation.decisions import SubmitterNotice
from hub.wiring import MODERATION_NOTICES

NOTICES: Sequence[SubmitterNotice] = MODERATION_NOTICES
"""Who tells the members, as the console's approve and decline pass it to the core."""
