"""What the secretariat does to an item: approve, decline, edit, retag, retract.

The console and the Slack buttons call these; they work in the caller's
transaction. Approval goes through the router so the deliveries are written
in the same transaction. Edited text is sanitised exactly as feed text is.

"Approve, then tell the submitter" (and the same for decline) is written once,
in :func:`approve_and_notify` and :func:`decline_and_notify`: the console's
item page, its moderation page and the Slack buttons all call them, so each
records the same audit entry and tells the member only when the item changes.
The core cannot name the platforms, so the callers pass the notices in
(``hub.wiring.MODERATION_NOTICES``, or ``bots.chat_news.tell_submitter``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from hub.core.accounts import AuditEntry
from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.ingest.identity import normalise_link
from hub.core.ingest.sanitise import clean_summary, clean_title, usable_base
from hub.core.ingest.tags import default_tagger
from hub.core.models import Delivery, Item

EDITABLE = frozenset({"title", "summary_html", "link", "language", "image_url"})
_TAG = re.compile(r"[^a-z0-9]+")


class ModerationError(HubError):
    """A moderation action that cannot be done (unknown field, bad value)."""


def approve(
    session: Session, item: Item, settings: Settings, *, by: str, now: dt.datetime
) -> list[Delivery]:
    """Approve ``item`` (even a declined one) and write its deliveries; idempotent."""
    from hub.core.bus.router import approve_item

    if item.status == "retracted":
        raise ModerationError("a retracted item cannot be approved again; submit it anew")
    item.decline_reason = None
    return approve_item(session, item, settings, by=by, now=now)


def decline(item: Item, *, reason: str, by: str, now: dt.datetime) -> None:
    """Decline ``item`` with a reason the member can be told (who and when go in the reason)."""
    if item.status == "approved":
        raise ModerationError("an approved item cannot be declined; it may already be posted")
    item.status = "declined"
    item.decline_reason = reason.strip() or "declined"
    item.approved_by = None
    item.approved_at = None
    item.updated_at = now
    _ = by  # kept for the audit log the console writes


class SubmitterNotice(Protocol):
    """Tells the member who sent ``item`` that it was ``approved`` or ``declined``.

    Queues the notice in the caller's transaction (never sends) and returns how
    many were queued; an item nobody submitted from a chat queues none.
    """

    def __call__(
        self, session: Session, item: Item, outcome: str, *, now: dt.datetime, reason: str = ""
    ) -> int: ...


@dataclass(frozen=True)
class Decision:
    """What an approval or a decline did: the deliveries written, the members told."""

    item: Item
    deliveries: list[Delivery]
    told: int


def approve_and_notify(
    session: Session,
    item: Item,
    settings: Settings,
    *,
    by: str,
    now: dt.datetime,
    notices: Sequence[SubmitterNotice],
    note: str = "",
) -> Decision:
    """Approve ``item``, tell its submitters and audit it (only if it was not approved yet).

    Approving an approved item again (a second click, two editors at once, the Slack
    button after the console) writes no delivery, tells nobody and adds no audit
    entry: the log says who approved it, once. ``note`` starts the audit entry's
    detail (``bulk`` for the moderation page's ticked items). Raises
    :class:`ModerationError` as :func:`approve` does.
    """
    was = item.status
    deliveries = approve(session, item, settings, by=by, now=now)
    told = 0
    if was != "approved":
        told = sum(notify(session, item, "approved", now=now) for notify in notices)
        _audit(session, "approve", item, f"{len(deliveries)} deliveries", by=by, now=now, note=note)
    return Decision(item, deliveries, told)


def decline_and_notify(
    session: Session,
    item: Item,
    *,
    reason: str,
    by: str,
    now: dt.datetime,
    notices: Sequence[SubmitterNotice],
    note: str = "",
    reason_for_member: str | None = None,
) -> Decision:
    """Decline ``item``, tell its submitters why (only if it was not declined yet), audit it.

    The submitters are told the recorded reason, or ``reason_for_member`` when given
    (``""``: no reason, when the recorded one is a fixed English phrase a member could
    not read in their language). Raises :class:`ModerationError` as :func:`decline`
    does (an approved item).
    """
    was, was_reason = item.status, item.decline_reason
    decline(item, reason=reason, by=by, now=now)
    told = 0
    if was != "declined":
        said = (item.decline_reason or "") if reason_for_member is None else reason_for_member
        told = sum(notify(session, item, "declined", now=now, reason=said) for notify in notices)
    if was != "declined" or item.decline_reason != was_reason:  # a changed reason is news
        _audit(session, "decline", item, item.decline_reason or "", by=by, now=now, note=note)
    return Decision(item, [], told)


def _audit(
    session: Session, action: str, item: Item, detail: str, *, by: str, now: dt.datetime, note: str
) -> None:
    detail = f"{note}: {detail}" if note else detail
    session.add(
        AuditEntry(at=now, actor=by, action=action, target=f"item:{item.id}", detail=detail)
    )


def edit(item: Item, **fields: str | None) -> None:
    """Change an item's text or link; HTML is sanitised, the plain text derived again."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ModerationError(f"cannot edit {sorted(unknown)}; editable: {sorted(EDITABLE)}")
    if "link" in fields:
        link = usable_base(fields["link"]) if fields["link"] else None
        if fields["link"] and link is None:
            raise ModerationError(f"not an http(s) link: {fields['link']!r}")
        item.link, item.link_key = link, normalise_link(link)
    if "title" in fields:
        title = clean_title(fields["title"] or "")
        if not title:
            raise ModerationError("the title cannot be empty")
        item.title = title
    if "summary_html" in fields:
        summary = clean_summary(fields["summary_html"] or "", item.link)
        item.summary_html, item.summary_text = summary.html, summary.text
    if "language" in fields:
        item.language = fields["language"] or None
    if "image_url" in fields:
        item.image_url = usable_base(fields["image_url"]) if fields["image_url"] else None
    # content_hash stays the fingerprint of what the source published: the secretariat's
    # edit holds until the source itself changes the entry.


def correct_posted(session: Session, item: Item, *, by: str, now: dt.datetime) -> list[Delivery]:
    """After :func:`edit` (and :func:`retag`): edit the messages already posted of an
    approved item to its new text; returns the correction deliveries queued.

    Every caller that edits calls this once the item says what it should, so
    there is one way an edit reaches the platforms.
    """
    from hub.core.moderation.corrections import correct_item

    if item.status != "approved":
        return []
    return correct_item(session, item, by=by, now=now)


def retract(
    session: Session, item: Item, *, by: str, reason: str, now: dt.datetime
) -> list[Delivery]:
    """Withdraw an approved item: nothing more is sent, and what was posted is deleted."""
    from hub.core.moderation.corrections import retract_item

    if item.status != "approved":
        raise ModerationError(f"only an approved item can be retracted (this one is {item.status})")
    return retract_item(session, item, by=by, reason=reason, now=now)


def tag_slug(tag: str) -> str:
    """A tag as items keep it: lowercase words joined by hyphens (the console's filters too)."""
    return _TAG.sub("-", tag.strip().lower()).strip("-")


def retag(
    item: Item,
    *,
    tags: list[str] | None = None,
    countries: list[str] | None = None,
    regions: list[str] | None = None,
) -> None:
    """Replace the item's tags, countries or regions (only those given).

    Tags become lower-case slugs without duplicates; countries are ISO codes,
    and the regions follow the countries unless given too.
    """
    if tags is not None:
        item.tags = list(dict.fromkeys(s for s in (tag_slug(t) for t in tags) if s))
    if countries is not None:
        codes = [c.strip().upper() for c in countries if c.strip()]
        bad = [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]
        if bad:
            raise ModerationError(f"not ISO country codes: {bad}")
        item.countries = list(dict.fromkeys(codes))
        if regions is None:
            item.regions = default_tagger().regions_of(item.countries)
    if regions is not None:
        item.regions = list(dict.fromkeys(s for s in (tag_slug(r) for r in regions) if s))
