"""Drafts for the networks a person posts to by hand (X, LinkedIn, Facebook, Instagram).

An approved item routed to a manual channel (:data:`hub.core.config.settings.
MANUAL_PLATFORMS`) is a delivery held with ``mode = "manual"``: no worker claims it.
:func:`waiting_drafts` lists them with the item's content in the channel's language
(what the console sizes for each network); a person posts the text and gives the
post's URL, which :func:`hub.core.bus.outbox.mark_posted` records as the delivery's
platform id. :func:`queue_drafts_digest` is the daily reminder to the secretariat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.bus.messages import ItemContent, content_for, item_contents
from hub.core.bus.outbox import enqueue
from hub.core.bus.states import DeliveryKind, DeliveryStatus
from hub.core.config.settings import ScheduleSettings, Settings
from hub.core.models import Channel, Delivery
from hub.core.ports import Message


@dataclass(frozen=True)
class SizedDraft:
    """A network's ready text for an item, as its platform module sized it."""

    network: str
    """How people call the network ("X")."""
    text: str
    length: int
    limit: int
    unit: str
    """``weighted`` (X's count) or ``characters``."""
    shortened: bool
    fold_at: int | None = None
    """Where the feed folds the text ("See more"): Facebook."""
    hashtags_dropped: int = 0
    missing_image: bool = False
    """The network needs a picture and the item has none (Instagram)."""


Drafter = Callable[[Message], SizedDraft]
"""Sizes an item's message for one manual network (``hub.wiring.DRAFTERS``)."""


@dataclass(frozen=True)
class WaitingDraft:
    """One item waiting to be posted by hand on one manual channel."""

    delivery_id: int
    item_id: int
    channel: str
    platform: str
    channel_language: str | None
    created_at: dt.datetime
    content: ItemContent


def waiting_drafts(session: Session, settings: Settings) -> list[WaitingDraft]:
    """Every draft not posted yet, oldest first, in its channel's language."""
    rows = session.execute(
        select(Delivery.id, Delivery.item_id, Delivery.created_at, Channel.key, Channel.language)
        .join(Channel, Channel.id == Delivery.channel_id)
        .where(
            Delivery.status == DeliveryStatus.HELD,
            Delivery.mode == "manual",
            Delivery.item_id.is_not(None),
        )
        .order_by(Delivery.id)
    ).all()
    languages = {row.language for row in rows if row.language}
    items, translated = item_contents(
        session.connection(), {row.item_id for row in rows}, languages
    )
    drafts = []
    for row in rows:
        configured = settings.channels.get(row.key)
        if configured is None or not configured.manual or row.item_id not in items:
            continue
        drafts.append(
            WaitingDraft(
                delivery_id=row.id,
                item_id=row.item_id,
                channel=row.key,
                platform=configured.platform,
                channel_language=row.language,
                created_at=row.created_at,
                content=content_for(items[row.item_id], translated, row.language),
            )
        )
    return drafts


def queue_drafts_digest(
    session: Session, settings: Settings, schedule: ScheduleSettings, now: dt.datetime, period: str
) -> str:
    """Tell the secretariat's channel (``schedule.channel``, else ``hub.secretariat_channel``)
    which drafts wait, once per period; nothing is sent when none waits."""
    channel = schedule.channel or settings.hub.secretariat_channel
    if not channel:
        return "skipped: no channel (set channel, or hub.secretariat_channel)"
    drafts = waiting_drafts(session, settings)
    if not drafts:
        return "no draft waiting"
    by_channel: dict[str, list[WaitingDraft]] = {}
    for draft in drafts:
        by_channel.setdefault(draft.channel, []).append(draft)
    lines = []
    for key, waiting in by_channel.items():
        title = settings.channels[key].title or key
        lines.append(f"{title}: {len(waiting)}")
        lines += [f"  - #{d.item_id} {d.content.title}" for d in waiting[:10]]
    base = (settings.hub.public_url or "").rstrip("/")
    where = f"{base}/drafts" if base else "the console's Drafts page"
    text = "\n".join(lines) + f"\nCopy each ready text and mark it as posted: {where}"
    enqueue(
        session,
        channel_key=channel,
        kind=DeliveryKind.ALERT,
        payload={"title": f"{len(drafts)} drafts wait to be posted by hand", "text": text},
        dedup_key=f"drafts-digest:{channel}:{period}",
        now=now,
    )
    return f"queued a digest of {len(drafts)} waiting draft(s) to {channel}"


def message_of(draft: WaitingDraft) -> Message:
    """The draft's item as the platform-neutral message a drafter sizes."""
    c = draft.content
    return Message(
        delivery_id=draft.delivery_id,
        kind="item",
        title=c.title,
        text=c.text,
        html=c.html,
        link=c.link,
        image_url=c.image_url,
        language=c.language,
        tags=c.tags,
    )
