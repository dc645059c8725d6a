"""Answers from the index for each intent, worded by ``phrases.yaml``.

Each intent's handler (in :mod:`hub.core.assistant.events` and
:mod:`hub.core.assistant.network`) returns a :class:`~hub.core.assistant.context.Reply`.
Nothing here invents: every fact comes from a record, and a missing fact is
said to be missing.
"""

from __future__ import annotations

from collections.abc import Callable

from hub.core.assistant import events, network
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.understand import Query


def respond(ctx: Context, query: Query) -> Reply:
    """The reply to ``query`` (whose intent is already chosen)."""
    handlers: dict[str, Callable[[], Reply]] = {
        "next_event": lambda: events.next_event(ctx, query),
        "next_conference": lambda: events.next_event(ctx, query, frozenset({"conference"})),
        "events_by_date": lambda: (
            events.events_in(ctx, query, query.period)
            if query.period
            else events.next_event(ctx, query)
        ),
        "events_by_place": lambda: events.events_at(ctx, query),
        "events_by_topic": lambda: events.events_on(ctx, query),
        "conference": lambda: events.conference(ctx, query),
        "award": lambda: network.award(ctx, query),
        "offices": lambda: network.offices(ctx, query),
        "working_groups": lambda: network.entry_list(ctx, "working_group", "working_groups"),
        "thematic_priorities": lambda: network.entry_list(ctx, "thematic_priority", "thematic"),
        "ogp_local": lambda: network.ogp_local(ctx, query),
        "faq": lambda: network.faq(ctx, query),
    }
    handler = handlers.get(query.intent)
    return handler() if handler else ctx.handoff()
