"""The router: which channels an approved item goes to, and the deliveries that say so.

:func:`plan_routes` is pure: it reads the routes of the configuration in
order and says, for every (route, channel) pair, whether the item goes there
and why (or why not), which ``hub route ITEM --dry-run`` prints.
:func:`approve_item` marks the item approved and writes one delivery per
chosen channel in the caller's transaction; the unique (item, channel) pair
makes a second approval a no-op.

A channel named by several matching routes gets the item once, in the mode of
the first route that chose it (route order is the file's order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.bus.outbox import insert_ignoring_duplicates
from hub.core.bus.states import DEFAULT_MAX_ATTEMPTS, DeliveryKind, DeliveryStatus
from hub.core.config.catalog import channel_ids, sync_config
from hub.core.config.settings import RouteSettings, Settings
from hub.core.models import Delivery, Item, Member, Source

HELD_MODES = ("digest", "manual")
"""Modes whose deliveries wait, held: for a roundup, or for a person to post the draft."""


@dataclass(frozen=True)
class RouteDecision:
    """One (route, channel) pair considered for an item: goes there or not, and why."""

    route: str
    channel: str
    deliver: bool
    mode: str
    reason: str
    thread: bool = False


@dataclass(frozen=True)
class ItemFacts:
    """What routes match on, gathered from the item, its source and its member."""

    source: str | None
    tags: frozenset[str]
    language: str | None
    regions: frozenset[str]
    countries: frozenset[str]
    members: frozenset[str]
    variants: frozenset[str] = frozenset()
    """The languages the item has translations in (one story, several languages)."""


def item_facts(
    item: Item, settings: Settings, source_key: str | None, member: Member | None = None
) -> ItemFacts:
    """The item's routing facts; the source's configured language/region/member fill gaps."""
    source = settings.sources.get(source_key) if source_key else None
    language = item.language or (source.language if source else None)
    regions = {r.lower() for r in item.regions or []}
    if source and source.region:
        regions.add(source.region.lower())
    members: set[str] = set()
    if source and source.member:
        members.add(source.member.lower())
    if member is not None:
        members.update(
            name.lower() for name in (member.email, member.organisation, str(member.id)) if name
        )
    return ItemFacts(
        source=source_key,
        tags=frozenset(t.lower() for t in item.tags or []),
        language=language,
        regions=frozenset(regions),
        countries=frozenset(c.lower() for c in item.countries or []),
        members=frozenset(members),
        variants=frozenset(t.language for t in item.translations),
    )


def _languages(facts: ItemFacts) -> set[str]:
    return ({facts.language} if facts.language else set()) | set(facts.variants)


def _mismatch(route: RouteSettings, facts: ItemFacts) -> str | None:
    """Why the route does not take the item, or None when it matches.

    A ``translate = true`` route takes an item in any language (its channels get
    their own language, see :func:`plan_routes`).
    """
    match = route.match
    if match.sources and facts.source not in match.sources:
        return f"source {facts.source!r} not in {match.sources}"
    languages = [] if route.translate else match.languages
    checks: list[tuple[str, list[str], Collection[str]]] = [
        ("tags", match.tags, facts.tags),
        ("languages", languages, _languages(facts)),
        ("regions", match.regions, facts.regions),
        ("countries", match.countries, facts.countries),
        ("members", match.members, facts.members),
    ]
    for name, wanted, have in checks:
        if wanted and not {w.lower() for w in wanted} & set(have):
            return f"{name}: needs one of {wanted}, item has {sorted(have) or 'none'}"
    return None


def plan_routes(
    item: Item,
    settings: Settings,
    source_key: str | None,
    *,
    member: Member | None = None,
    platforms: Collection[str] | None = None,
) -> list[RouteDecision]:
    """Every (route, channel) pair considered for ``item``, in file order, with the reason."""
    facts = item_facts(item, settings, source_key, member)
    chosen: dict[str, str] = {}
    decisions: list[RouteDecision] = []
    for route in settings.routes:
        why_not = _mismatch(route, facts)
        for key in route.to:
            channel = settings.channels.get(key)
            mode: str = route.mode or (channel.mode if channel else "immediate")
            if why_not is not None:
                decisions.append(RouteDecision(route.name, key, False, mode, why_not))
            elif channel is None:
                decisions.append(RouteDecision(route.name, key, False, mode, "no such channel"))
            elif not channel.enabled:
                decisions.append(RouteDecision(route.name, key, False, mode, "channel disabled"))
            elif platforms is not None and channel.platform not in platforms and not channel.manual:
                reason = f"no sink installed for platform {channel.platform!r}"
                decisions.append(RouteDecision(route.name, key, False, mode, reason))
            elif route.translate and channel.language not in {None, *_languages(facts)}:
                reason = f"no {channel.language} translation approved (translate = true)"
                decisions.append(RouteDecision(route.name, key, False, mode, reason))
            elif key in chosen:
                reason = f"already routed by {chosen[key]!r}"
                decisions.append(RouteDecision(route.name, key, False, mode, reason))
            else:
                chosen[key] = route.name
                if channel.manual:  # a person posts it: a draft in the console
                    mode = "manual"
                decision = RouteDecision(route.name, key, True, mode, "matched", route.thread)
                decisions.append(decision)
    return decisions


def languages_to_translate(
    item: Item, settings: Settings, source_key: str | None, member: Member | None = None
) -> set[str]:
    """The channel languages that ``translate = true`` routes taking ``item`` need and
    the item lacks: what to draft by machine when it arrives."""
    facts = item_facts(item, settings, source_key, member)
    have = _languages(facts)
    needed: set[str] = set()
    for route in settings.routes:
        if not route.translate or _mismatch(route, facts) is not None:
            continue
        for key in route.to:
            channel = settings.channels.get(key)
            if channel is not None and channel.enabled and channel.language:
                needed.add(channel.language)
    return needed - have if facts.language else set()


def _source_key(session: Session, item: Item) -> str | None:
    if item.source_id is None:
        return None
    return session.scalar(select(Source.key).where(Source.id == item.source_id))


def route_item(
    session: Session,
    item: Item,
    settings: Settings,
    *,
    now: dt.datetime,
    platforms: Collection[str] | None = None,
) -> list[Delivery]:
    """Write the deliveries the routes choose for ``item`` (missing ones only)."""
    member = session.get(Member, item.member_id) if item.member_id else None
    decisions = [
        d
        for d in plan_routes(
            item, settings, _source_key(session, item), member=member, platforms=platforms
        )
        if d.deliver
    ]
    if not decisions:
        return []
    ids = channel_ids(session, [d.channel for d in decisions])
    if len(ids) < len(decisions):
        sync_config(session, settings)
        ids = channel_ids(session, [d.channel for d in decisions])
    rows: list[dict[str, object]] = [
        {
            "item_id": item.id,
            "channel_id": ids[d.channel],
            "kind": DeliveryKind.ITEM,
            "route": d.route,
            "mode": d.mode,
            "status": DeliveryStatus.HELD if d.mode in HELD_MODES else DeliveryStatus.PENDING,
            "payload": {"thread": True} if d.thread else {},
            "attempts": 0,
            "max_attempts": DEFAULT_MAX_ATTEMPTS,
            "due_at": now,
            "created_at": now,
        }
        for d in decisions
    ]
    insert_ignoring_duplicates(session, rows, ["item_id", "channel_id"])
    wanted: Sequence[int] = [ids[d.channel] for d in decisions]
    query = select(Delivery).where(Delivery.item_id == item.id, Delivery.channel_id.in_(wanted))
    return list(session.scalars(query.order_by(Delivery.id)))


def approve_item(
    session: Session,
    item: Item,
    settings: Settings,
    *,
    by: str,
    now: dt.datetime,
    platforms: Collection[str] | None = None,
) -> list[Delivery]:
    """Approve ``item`` and write its deliveries in the caller's transaction (idempotent).

    Approving twice keeps the first approval's time and author and adds no
    delivery that exists already. ``platforms``, when given, are those with a sink
    (``hub.wiring.PLATFORMS``); settings read by ``load_settings`` already refuse others.
    """
    if item.status != "approved":
        item.status = "approved"
        item.approved_at = now
        item.approved_by = by
    session.flush()
    return route_item(session, item, settings, now=now, platforms=platforms)
