"""Who sent an item: the member, the platform and the address, for the moderation cards.

An item knows its member (``items.member_id``, set when the platform account
or e-mail is a member's) and each origin knows its platform and where to
answer (``item_origins.reply_to``: the Slack user, the Telegram chat, the
e-mail typed in the web form). A chat handle (``@name``) is no column: it is
read from the platform event the submission came in, while the inbox keeps it
(a few days; :func:`hub.core.bus.inbox.purge_done` removes done events), else the card
shows the account's id. Everything here is member-supplied text: templates
escape it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from hub.core.models import InboxEvent, Item, ItemOrigin, Member
from hub.wiring import SENDERS


@dataclass(frozen=True)
class Sender:
    """One way an item reached the hub from a person."""

    platform: str
    address: str | None = None
    name: str | None = None  # the display name the platform gave, when no handle
    member: Member | None = None  # a member whose e-mail is the one typed (web form)


@dataclass(frozen=True)
class Senders:
    """The member an item is filed under (if known) and each way it was sent."""

    member: Member | None
    via: list[Sender]


def senders_of(session: Session, items: Sequence[Item]) -> dict[int, Senders]:
    """Each item's member and senders (origins without a platform, i.e. feeds, left out)."""
    ids = [item.id for item in items]
    origins = list(
        session.scalars(
            select(ItemOrigin)
            .where(ItemOrigin.item_id.in_(ids), ItemOrigin.platform.is_not(None))
            .order_by(ItemOrigin.id)
        )
    )
    events = _events(session, origins)
    member_ids = {item.member_id for item in items if item.member_id is not None}
    members = {
        m.id: m
        for m in session.scalars(select(Member).where(Member.id.in_(member_ids)))
        if m.erased_at is None
    }
    emails = {(o.reply_to or "").strip().lower() for o in origins if _is_email(o)}
    by_email = {
        (m.email or "").lower(): m
        for m in session.scalars(select(Member).where(func.lower(Member.email).in_(emails)))
        if m.erased_at is None
    }
    found: dict[int, Senders] = {
        item.id: Senders(members.get(item.member_id or -1), []) for item in items
    }
    for origin in origins:
        platform = origin.platform or ""
        if _is_email(origin):
            address = (origin.reply_to or "").strip()
            sender = Sender(platform, address, member=by_email.get(address.lower()))
        elif platform in SENDERS:
            key = _event_key(origin)
            payload = events.get(key) if key else None
            handle, name = SENDERS[platform].person(payload) if payload else (None, None)
            sender = Sender(platform, handle or origin.reply_to, name)
        else:
            sender = Sender(platform, origin.reply_to)
        if sender not in found[origin.item_id].via:
            found[origin.item_id].via.append(sender)
    return found


def _is_email(origin: ItemOrigin) -> bool:
    return origin.platform == "web" and bool(origin.reply_to) and "@" in (origin.reply_to or "")


def _event_key(origin: ItemOrigin) -> tuple[str, str] | None:
    """The inbox event a chat submission came in, as its platform names it."""
    lookup = SENDERS.get(origin.platform or "")
    key = lookup.event_key(origin.external_id) if lookup else None
    return (origin.platform or "", key) if key else None


def _events(session: Session, origins: list[ItemOrigin]) -> dict[tuple[str, str], dict[str, Any]]:
    keys = {key for key in map(_event_key, origins) if key is not None}
    if not keys:
        return {}
    rows = session.execute(
        select(InboxEvent.platform, InboxEvent.event_key, InboxEvent.payload).where(
            tuple_(InboxEvent.platform, InboxEvent.event_key).in_(keys)
        )
    )
    return {(platform, key): payload or {} for platform, key, payload in rows}
