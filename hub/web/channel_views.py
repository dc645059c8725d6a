"""Channels and routes: where the hub posts, how each place is doing, and why an item goes where.

The dry run calls :func:`hub.core.bus.router.plan_routes`, the function behind
``hub route ITEM --dry-run``: the console and the command give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from starlette.responses import Response

from hub.core.bus.router import RouteDecision, plan_routes
from hub.core.bus.status import ChannelFigures, bus_status, day_bounds
from hub.core.config.settings import RouteSettings, Settings
from hub.core.models import Channel, Delivery, DeliveryAttempt, Item, Member, Source
from hub.web.i18n import _
from hub.web.page import Page, whole_number
from hub.wiring import PLATFORMS, sends_only

RECENT_ITEMS = 20


@dataclass
class ChannelRow:
    """One configured channel and how it is doing today."""

    key: str
    title: str
    platform: str
    target: str
    language: str | None
    mode: str
    state: str
    state_words: str
    sent_today: int = 0
    failed_today: int = 0
    queued: int = 0
    held: int = 0
    replies_today: int = 0
    replies_failed_today: int = 0
    tests_today: int = 0
    send_only: bool = False


@dataclass
class RouteRow:
    """One ``[[routes]]`` entry in words: what it takes and where it sends it."""

    name: str
    conditions: list[tuple[str, list[str]]]
    to: list[tuple[str, str]] = field(default_factory=list)


def _rate_limited(page: Page) -> dict[str, int]:
    """Deliveries waiting out a platform's rate limit, per channel key."""
    d = Delivery
    rows = page.db.execute(
        select(Channel.key, func.count())
        .join(d, d.channel_id == Channel.id)
        .where(d.status == "pending", d.due_at > page.now, d.error_kind == "RateLimited")
        .group_by(Channel.key)
    ).all()
    return {key: int(count) for key, count in rows}


EDITS = ("correction", "retraction")


def _last_outcomes(page: Page) -> dict[str, tuple[str, str | None]]:
    """Each channel's latest attempt: (outcome, error), one index lookup per channel. On a
    send-only channel, corrections and retractions are refused by design and say so on
    their own deliveries: its state comes from what it can send."""
    found: dict[str, tuple[str, str | None]] = {}
    platforms = {key: c.platform for key, c in page.settings.channels.items()}
    for channel_id, key in page.db.execute(select(Channel.id, Channel.key)).all():
        query = (
            select(DeliveryAttempt.outcome, DeliveryAttempt.error)
            .where(DeliveryAttempt.channel_id == channel_id)
            .order_by(DeliveryAttempt.id.desc())
            .limit(1)
        )
        if sends_only(platforms.get(key, "")):
            query = query.join(Delivery, Delivery.id == DeliveryAttempt.delivery_id).where(
                Delivery.kind.not_in(EDITS)
            )
        last = page.db.execute(query).first()
        if last is not None:
            found[key] = (last.outcome, last.error)
    return found


def channel_state(
    enabled: bool, rate_limited: int, last: tuple[str, str | None] | None
) -> tuple[str, str]:
    """(state, words): paused (switched off), rate-limited, failing, or working."""
    if not enabled:
        return "paused", _("Paused: switched off in hub.toml.")
    if rate_limited:
        return "rate-limited", _("Rate-limited: the platform asked the hub to wait.")
    if last is not None and last[0] != "sent":
        return "failing", _("Failing: its last attempt did not go through.")
    return "working", _("Working.") if last else _("No attempt recorded yet.")


def channel_rows(page: Page) -> list[ChannelRow]:
    """Every configured channel with its state and today's figures."""
    start, end = day_bounds(page.now, page.settings.hub.timezone)
    status = bus_status(page.db.connection(), page.now, day_start=start, day_end=end)
    figures = {c.channel: c for c in status.channels}
    limited = _rate_limited(page)
    last = _last_outcomes(page)
    rows = []
    for key, channel in sorted(page.settings.channels.items()):
        counts = figures.get(key, ChannelFigures(key))
        state, words = channel_state(channel.enabled, limited.get(key, 0), last.get(key))
        rows.append(
            ChannelRow(
                key=key,
                title=channel.title or key,
                platform=channel.platform,
                target=channel.target,
                language=channel.language,
                mode="manual" if channel.manual else channel.mode,
                state=state,
                state_words=words,
                sent_today=counts.sent_today,
                failed_today=counts.failed_today,
                queued=counts.queued + counts.in_flight,
                held=counts.held,
                replies_today=counts.replies_today,
                replies_failed_today=counts.replies_failed_today,
                tests_today=counts.tests_today,
                send_only=sends_only(channel.platform),
            )
        )
    return rows


def route_row(route: RouteSettings, settings: Settings) -> RouteRow:
    """A route's conditions and destinations (with the mode each destination gets)."""
    match = route.match
    conditions = [
        (_("sources"), match.sources),
        (_("tags"), match.tags),
        (_("languages"), list(match.languages)),
        (_("regions"), match.regions),
        (_("countries"), match.countries),
        (_("members"), match.members),
    ]
    row = RouteRow(route.name, [(name, values) for name, values in conditions if values])
    for key in route.to:
        channel = settings.channels.get(key)
        mode: str = route.mode or (channel.mode if channel else "immediate")
        if channel is not None and channel.manual:
            mode = "manual"
        row.to.append((channel.title or key if channel else key, mode))
    return row


def dry_run(page: Page, item_id: int) -> tuple[Item | None, list[RouteDecision]]:
    """Where the routes would send the item and why, as ``hub route ITEM --dry-run`` says."""
    item = page.db.get(Item, item_id)
    if item is None:
        return None, []
    source = page.db.scalar(select(Source.key).where(Source.id == item.source_id))
    member = page.db.get(Member, item.member_id) if item.member_id else None
    return item, plan_routes(item, page.settings, source, member=member, platforms=PLATFORMS)


def channels_page(page: Page) -> Response:
    """Channels with their state, the routes in words, and a dry run for any item."""
    asked = page.param("item").lstrip("#")
    number = whole_number(asked)
    item, decisions = dry_run(page, number) if number is not None else (None, [])
    context: dict[str, Any] = {
        "asked": asked,
        "item": item,
        "decisions": decisions,
        "channel_titles": {k: c.title or k for k, c in page.settings.channels.items()},
    }
    if page.htmx:
        return page.render("channels_dryrun.html", **context)
    recent = page.db.execute(
        select(Item.id, Item.title, Item.status).order_by(Item.id.desc()).limit(RECENT_ITEMS)
    ).all()
    return page.render(
        "channels.html",
        channels=channel_rows(page),
        routes=[route_row(r, page.settings) for r in page.settings.routes],
        recent=recent,
        **context,
    )
