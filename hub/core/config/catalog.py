"""Mirror the configuration's sources, channels and routes into their tables.

Deliveries reference channel rows and items reference source rows, so the
configured names must exist in the database before anything is routed.
:func:`sync_config` is idempotent: run it at every start (the CLI does) and
after editing ``hub.toml``. Rows whose key left the configuration are kept
(history points at them) but disabled; routes are mirrored exactly.

A source's ``member`` (an email address, a member id or an organisation's name)
becomes its owner (``Source.member_id``): the member it names, found by id,
email (any case) or organisation, or added to the members when the network does
not know it yet, so a feed said to be a member's is always treated as one
(told of breakage, fetched from public addresses only). A source whose entry
names no member keeps the owner set in the console (or by ``hub sources owner``).

A feed a member registers on the members' form (:func:`register_member_feed`,
key ``member_feed_<n>``) is not in ``hub.toml`` and stays enabled at each sync.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.models import Channel, Member, Route, Source


@dataclass(frozen=True)
class SyncReport:
    """How many rows :func:`sync_config` added, changed and disabled or removed."""

    added: int = 0
    changed: int = 0
    retired: int = 0


def _assign(row: object, values: dict[str, object]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def sync_config(session: Session, settings: Settings) -> SyncReport:
    """Upsert the configured sources, channels and routes in the caller's transaction."""
    added = changed = retired = 0

    sources = {row.key: row for row in session.scalars(select(Source))}
    for key, source in settings.sources.items():
        values: dict[str, object] = {
            "kind": source.kind,
            "url": source.url,
            "title": source.title,
            "trusted": source.trusted,
            "enabled": source.enabled,
            "interval_minutes": source.interval_minutes,
        }
        if source.member:
            values["member_id"] = owner_id(session, source.member)
        row = sources.pop(key, None)
        if row is None:
            session.add(Source(key=key, **values))
            added += 1
        elif _assign(row, values):
            changed += 1
    for row in sources.values():
        if row.key.startswith(MEMBER_FEED_PREFIX) and row.member_id is not None:
            continue  # registered by its owner on the members' form, not in hub.toml
        if row.enabled and row.kind not in ("console",):
            row.enabled = False
            retired += 1

    channels = {channel_row.key: channel_row for channel_row in session.scalars(select(Channel))}
    for key, channel in settings.channels.items():
        values = {
            "platform": channel.platform,
            "target": channel.target,
            "language": channel.language,
            "mode": channel.mode,
            "enabled": channel.enabled,
        }
        channel_row = channels.pop(key, None)
        if channel_row is None:
            session.add(Channel(key=key, **values))
            added += 1
        elif _assign(channel_row, values):
            changed += 1
    for channel_row in channels.values():
        if channel_row.enabled:
            channel_row.enabled = False
            retired += 1

    routes = {route_row.name: route_row for route_row in session.scalars(select(Route))}
    seen: set[str] = set()
    for position, route in enumerate(settings.routes):
        if route.name in seen:  # names are not unique in the file; the first one wins
            continue
        seen.add(route.name)
        values = {
            "position": position,
            "match": route.match.model_dump(),
            "channels": list(route.to),
            "mode": route.mode,
        }
        route_row = routes.pop(route.name, None)
        if route_row is None:
            session.add(Route(name=route.name, **values))
            added += 1
        elif _assign(route_row, values):
            changed += 1
    for route_row in routes.values():
        session.delete(route_row)
        retired += 1

    session.flush()
    return SyncReport(added=added, changed=changed, retired=retired)


MEMBER_FEED_PREFIX = "member_feed_"
"""The key of a feed a member registered on the members' form (``member_feed_<n>``)."""


class FeedRegistrationError(HubError):
    """A member's feed registration that cannot be kept; the message says why."""


def register_member_feed(
    session: Session, *, url: str, title: str, owner_email: str, language: str | None = None
) -> Source:
    """Keep the feed a member registers as a source of theirs (in the caller's transaction).

    The owner is the member with ``owner_email`` (added when new), so the feed is
    fetched from public addresses only and its owner is told when it breaks and
    when it recovers; it is not trusted (its items wait for a person) and stays
    enabled when ``hub.toml`` is synced again. A feed address already known is
    refused, not stored twice.
    """
    del language  # the language of a member's feed is detected per entry
    known = session.scalar(select(Source.key).where(Source.url == url))
    if known is not None:
        raise FeedRegistrationError(f"this feed is already known to the hub ({known})")
    member_id = owner_id(session, owner_email)
    count = session.scalar(
        select(func.count()).where(Source.key.startswith(MEMBER_FEED_PREFIX, autoescape=True))
    )
    key = f"{MEMBER_FEED_PREFIX}{(count or 0) + 1}"
    while session.scalar(select(Source.id).where(Source.key == key)) is not None:
        key = f"{key}_"
    source = Source(
        key=key,
        kind="feed",
        url=url,
        title=title[:300],
        trusted=False,
        enabled=True,
        member_id=member_id,
        interval_minutes=60,
    )
    session.add(source)
    session.flush()
    return source


def owner_id(session: Session, reference: str) -> int:
    """The id of the member ``reference`` names (id, email or organisation), added if new."""
    reference = reference.strip()
    if reference.isdigit():
        found = session.get(Member, int(reference))
        if found is not None and found.erased_at is None:
            return found.id
    if "@" in reference:
        email = reference.lower()
        query = select(Member.id).where(func.lower(Member.email) == email)
    else:
        query = select(Member.id).where(func.lower(Member.organisation) == reference.lower())
    found_id = session.scalar(query.where(Member.erased_at.is_(None)).order_by(Member.id))
    if found_id is not None:
        return found_id
    member = Member(
        organisation=reference.split("@")[0] if "@" in reference else reference,
        email=reference.lower() if "@" in reference else None,
        topics=[],
    )
    session.add(member)
    session.flush()
    return member.id


def channel_ids(session: Session, keys: list[str] | None = None) -> dict[str, int]:
    """Channel id by key (all channels, or only ``keys``)."""
    query = select(Channel.key, Channel.id)
    if keys is not None:
        query = query.where(Channel.key.in_(keys))
    return {key: id_ for key, id_ in session.execute(query)}
