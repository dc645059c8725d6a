"""Answers about events and conferences: the next one, by period, place, topic, number.

Listings apply every filter the question gives (a period, a place, a topic,
conferences only). A place or an edition the knowledge does not hold is
handed off, never answered with another record.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.context import Context, Reply, Target, describe, event_name, listing, place
from hub.core.assistant.dates import Period, day_words, period_words, when
from hub.core.assistant.index import EventView
from hub.core.assistant.understand import Query

NOT_NEXT = frozenset({"agenda_item"})
"""Kinds never offered as "the next event" (the secretariat's own agenda items)."""


def upcoming(ctx: Context, kinds: frozenset[str] | None = None) -> list[EventView]:
    """Dated events not yet over, soonest first (day- and month-precise before year-precise)."""
    found = []
    for event in ctx.index.events:
        span = event.span
        if span is None or event.kind in NOT_NEXT or (kinds and event.kind not in kinds):
            continue
        if span[1] >= ctx.today:
            found.append(event)
    return sorted(found, key=lambda e: (e.precision == "year", e.starts_on, e.id))


def next_event(ctx: Context, query: Query, kinds: frozenset[str] | None = None) -> Reply:
    key = "next_conference" if kinds else "next_event"
    found = upcoming(ctx, kinds)
    if found:
        first = found[0]
        return Reply(
            ctx.phrase(key, event=describe(ctx, first)), [first.id], target=_target(ctx, first)
        )
    past = [e for e in ctx.index.events if e.span and (not kinds or e.kind in kinds)]
    before = [ctx.phrase("none_upcoming", today=day_words(ctx.today, ctx.language))]
    if past:
        last = max(past, key=lambda e: e.starts_on or dt.date.min)
        before.append(ctx.phrase("last_known", event=describe(ctx, last)))
        return ctx.handoff(*before, sources=[last.id])
    return ctx.handoff(*before)


def matching_events(ctx: Context, query: Query) -> list[EventView]:
    """Events meeting every filter the question gives: period, place, topic, conferences only."""
    period = query.period
    found = []
    for event in ctx.index.events:
        if "conference" in query.concepts and event.kind != "conference":
            continue
        if query.city and not (event.city and query.city in event.city):
            continue
        if query.country and not query.city and event.country != query.country:
            continue
        if query.topic and query.topic not in event.topics:
            continue
        if period is not None:
            span = event.span
            if span is None or (event.precision == "year" and period.kind != "year"):
                continue
            if not period.overlaps(*span):
                continue
        found.append(event)
    return found


def _qualifiers(ctx: Context, query: Query, but: str) -> str:
    """What else narrowed a listing, for its header: " (2013)", " (Berlin)"."""
    extra = []
    if but != "period" and query.period is not None:
        seasons = ctx.tables.words_for("seasons", ctx.language)
        extra.append(period_words(query.period, ctx.language, seasons))
    if but != "place" and (query.city or query.country):
        extra.append(query.city or place(ctx, None, query.country) or "")
    if but != "topic" and query.topic:
        extra.append(ctx.tables.topic_label(query.topic, ctx.language))
    return f" ({', '.join(extra)})" if extra else ""


def events_in(ctx: Context, query: Query, period: Period) -> Reply:
    found = matching_events(ctx, query)
    seasons = ctx.tables.words_for("seasons", ctx.language)
    words = period_words(period, ctx.language, seasons) + _qualifiers(ctx, query, "period")
    if not found:
        return ctx.handoff(ctx.phrase("no_events_in", period=words))
    key = "conferences_in" if "conference" in query.concepts else "events_in"
    return Reply(listing(ctx, ctx.phrase(key, period=words), found), [e.id for e in found])


def events_at(ctx: Context, query: Query) -> Reply:
    if query.unknown_place:
        return ctx.handoff(ctx.phrase("no_events_at", place=query.unknown_place))
    found = matching_events(ctx, query)
    where = (query.city or place(ctx, None, query.country) or "") + _qualifiers(ctx, query, "place")
    if not found:
        return ctx.handoff(ctx.phrase("no_events_at", place=where))
    return Reply(listing(ctx, ctx.phrase("events_at", place=where), found), [e.id for e in found])


def events_on(ctx: Context, query: Query) -> Reply:
    found = matching_events(ctx, query)
    label = ctx.tables.topic_label(query.topic or "", ctx.language)
    if not found:
        return ctx.handoff()
    header = ctx.phrase("events_on", topic=label + _qualifiers(ctx, query, "topic"))
    return Reply(listing(ctx, header, found), [e.id for e in found])


def conference(ctx: Context, query: Query) -> Reply:
    candidates = [e for e in ctx.index.events if e.kind == "conference"]
    if query.unknown_place and query.number is None and query.year is None:
        return ctx.handoff(ctx.phrase("no_such_record"))
    if query.number is not None:
        candidates = [e for e in candidates if e.number == query.number]
    elif query.year is not None:
        candidates = [e for e in candidates if e.starts_on and e.starts_on.year == query.year]
    elif query.city:
        candidates = [e for e in candidates if e.city and query.city in e.city]
    elif query.country:
        candidates = [e for e in candidates if e.country == query.country]
    if not candidates:
        return ctx.handoff(ctx.phrase("no_such_record"))
    event = candidates[0]
    parts = [describe(ctx, event) + "."]
    missing = False
    theme = event.theme.get(ctx.language) or event.theme.get("en")
    if theme:
        parts.append(ctx.phrase("theme", theme=theme))
    elif "theme" in query.concepts:
        parts.append(ctx.phrase("theme_unknown"))
        missing = True
    if event.span is None:
        parts.append(ctx.phrase("date_unknown"))
        missing = missing or "when" in query.concepts
    if not event.city and "where" in query.concepts:
        parts.append(ctx.phrase("place_unknown"))
        missing = True
    if missing:
        return ctx.handoff(*parts, sources=[event.id])
    return Reply(" ".join(parts), [event.id], target=_target(ctx, event))


def _target(ctx: Context, event: EventView) -> Target | None:
    if event.starts_on is None or event.precision == "year":
        return None
    written = when(event.starts_on, event.ends_on, event.precision, ctx.language) or ""
    return Target(event.id, event_name(ctx, event), event.starts_on, written)
