"""Moderation and items: the queue, the list with filters, one item, its deliveries.

Every action goes through :mod:`hub.ingest.moderation` (approval through the
router, which writes the deliveries in this request's transaction) or
:func:`hub.bus.outbox.requeue`, and is written to the audit log.
"""

from __future__ import annotations

from sqlalchemy import String, cast, func, or_, select
from starlette.responses import Response

from hub.bus.outbox import requeue
from hub.bus.router import plan_routes
from hub.corrections import correction_prefix, posted, retraction_prefix
from hub.ingest import moderation
from hub.ingest.sanitise import clean_summary, clean_title
from hub.ingest.submissions import plain_to_html
from hub.models import (
    Channel,
    Delivery,
    DeliveryAttempt,
    Item,
    ItemOrigin,
    ItemTranslation,
    Source,
)
from hub.web.notices import tell_members
from hub.web.page import Page, Refused

PAGE_SIZE = 50
STATUSES = ("pending", "approved", "declined", "retracted")


def _item(page: Page) -> Item:
    item = page.db.get(Item, int(page.request.path_params["item_id"]))
    if item is None:
        raise Refused("There is no such item (it may have been removed).", "/items")
    return item


def _source_keys(page: Page) -> dict[int, str]:
    rows = page.db.execute(select(Source.id, Source.key, Source.title))
    return {row[0]: row[2] or row[1] for row in rows}


def moderation_queue(page: Page) -> Response:
    """Items waiting for a decision, oldest first, with their cleaned summary."""
    items = list(
        page.db.scalars(
            select(Item).where(Item.status == "pending").order_by(Item.id).limit(PAGE_SIZE)
        )
    )
    total = page.db.scalar(select(func.count()).where(Item.status == "pending"))
    return page.render(
        "moderation.html",
        items=items,
        total=total,
        sources=_source_keys(page),
        destinations={item.id: _destinations(page, item) for item in items},
        back="/moderation",
    )


def _destinations(page: Page, item: Item) -> list[str]:
    """Where approving would send the item, by the routes of hub.toml (titles if set)."""
    key = page.db.scalar(select(Source.key).where(Source.id == item.source_id))
    channels = page.settings.channels
    chosen = [d.channel for d in plan_routes(item, page.settings, key) if d.deliver]
    return [channels[c].title or c if c in channels else c for c in chosen]


def items_list(page: Page) -> Response:
    """Items, newest first, filtered by status, source, language and tag."""
    names = ("status", "source", "language", "tag", "delivery")
    filters = {name: page.param(name) for name in names}
    query = select(Item).order_by(Item.id.desc())
    if filters["status"] in STATUSES:
        query = query.where(Item.status == filters["status"])
    if filters["source"]:
        query = query.join(Source, Source.id == Item.source_id).where(
            Source.key == filters["source"]
        )
    if filters["language"]:
        query = query.where(Item.language == filters["language"])
    if filters["tag"]:
        tag = moderation._slug(filters["tag"])
        query = query.where(cast(Item.tags, String).like(f'%"{tag}"%'))
    if filters["delivery"] == "failed":
        failed = select(Delivery.item_id).where(Delivery.status.in_(("failed", "dead")))
        query = query.where(Item.id.in_(failed))
    before = page.param("before")
    if before.isdigit():
        query = query.where(Item.id < int(before))
    items = list(page.db.scalars(query.limit(PAGE_SIZE + 1)))
    more = len(items) > PAGE_SIZE
    items = items[:PAGE_SIZE]
    keys = list(page.db.scalars(select(Source.key).order_by(Source.key)))
    return page.render(
        "items.html",
        items=items,
        filters=filters,
        statuses=STATUSES,
        source_keys=keys,
        languages=page.settings.hub.languages,
        sources=_source_keys(page),
        older=items[-1].id if more and items else None,
        back=str(page.request.url.path)
        + ("?" + page.request.url.query if page.request.url.query else ""),
    )


def item_detail(page: Page) -> Response:
    """One item: its text, where it came from, where it went and how that went."""
    item = _item(page)
    origins = page.db.execute(
        select(ItemOrigin, Source.key)
        .join(Source, Source.id == ItemOrigin.source_id)
        .where(ItemOrigin.item_id == item.id)
        .order_by(ItemOrigin.id)
    ).all()
    deliveries = page.db.execute(
        select(Delivery, Channel)
        .join(Channel, Channel.id == Delivery.channel_id)
        .where(
            or_(
                Delivery.item_id == item.id,
                Delivery.dedup_key.startswith(correction_prefix(item.id), autoescape=True),
                Delivery.dedup_key.startswith(retraction_prefix(item.id), autoescape=True),
            )
        )
        .order_by(Delivery.id)
    ).all()
    ids = [d.id for d, _ in deliveries]
    attempts: dict[int, list[DeliveryAttempt]] = {i: [] for i in ids}
    if ids:
        for attempt in page.db.scalars(
            select(DeliveryAttempt)
            .where(DeliveryAttempt.delivery_id.in_(ids))
            .order_by(DeliveryAttempt.id)
        ):
            attempts[attempt.delivery_id].append(attempt)
    from hub.web.tables import AuditEntry

    history = list(
        page.db.scalars(
            select(AuditEntry)
            .where(AuditEntry.target == f"item:{item.id}")
            .order_by(AuditEntry.id.desc())
            .limit(20)
        )
    )
    return page.render(
        "item.html",
        item=item,
        origins=origins,
        deliveries=deliveries,
        attempts=attempts,
        history=history,
        sources=_source_keys(page),
        channels=page.settings.channels,
        languages=[code for code in page.settings.hub.languages if code != item.language],
        back=f"/items/{item.id}",
    )


def _back(page: Page, default: str) -> str:
    back = page.field("back")
    return back if back.startswith("/") and not back.startswith("//") else default


def approve(page: Page) -> Response:
    """Approve the item; the router writes its deliveries in the same transaction."""
    item = _item(page)
    was = item.status
    deliveries = moderation.approve(page.db, item, page.settings, by=page.user.email, now=page.now)
    told = tell_members(page.db, item, "approved", now=page.now) if was != "approved" else 0
    page.audit("approve", f"item:{item.id}", f"{len(deliveries)} deliveries")
    where = ", ".join(sorted({c for c in _channel_keys(page, deliveries)})) or "no channel"
    return page.redirect(
        _back(page, "/moderation"),
        f"Approved “{item.title}”: {len(deliveries)} deliveries ({where})." + _told(told),
    )


def _told(count: int) -> str:
    if not count:
        return ""
    return " The member is told." if count == 1 else f" {count} submitters are told."


def _channel_keys(page: Page, deliveries: list[Delivery]) -> list[str]:
    ids = [d.channel_id for d in deliveries]
    if not ids:
        return []
    return list(page.db.scalars(select(Channel.key).where(Channel.id.in_(ids))))


def decline(page: Page) -> Response:
    """Decline the item with a reason the member can be told."""
    item = _item(page)
    reason = page.field("reason")
    back = _back(page, "/moderation")
    if not reason:
        raise Refused(f"Say why “{item.title}” is declined: the member is told.", back)
    try:
        moderation.decline(item, reason=reason, by=page.user.email, now=page.now)
    except moderation.ModerationError as exc:
        raise Refused(str(exc), back) from None
    told = tell_members(page.db, item, "declined", now=page.now, reason=reason)
    page.audit("decline", f"item:{item.id}", reason)
    return page.redirect(back, f"Declined “{item.title}”." + _told(told))


def edit_form(page: Page) -> Response:
    item = _item(page)
    if item.status == "retracted":
        raise Refused("A retracted item is no longer edited.", f"/items/{item.id}")
    return page.render(
        "edit.html",
        item=item,
        to_correct=len(posted(page.db, item)) if item.status == "approved" else 0,
        languages=page.settings.hub.languages,
        values={
            "title": item.title,
            "summary_html": item.summary_html,
            "link": item.link or "",
            "image_url": item.image_url or "",
            "language": item.language or "",
            "tags": ", ".join(item.tags or []),
        },
    )


def edit(page: Page) -> Response:
    """Change title, summary, link, image, language and tags; text is sanitised again."""
    item = _item(page)
    if item.status == "retracted":
        raise Refused("A retracted item is no longer edited.", f"/items/{item.id}")
    language = page.field("language")
    if language and language not in page.settings.hub.languages:
        raise Refused(f"Unknown language {language!r}.", f"/items/{item.id}/edit")
    try:
        moderation.edit(
            item,
            title=page.field("title"),
            summary_html=page.field("summary_html"),
            link=page.field("link") or None,
            image_url=page.field("image_url") or None,
            language=language or None,
        )
        moderation.retag(item, tags=[t for t in page.field("tags").split(",") if t.strip()])
    except moderation.ModerationError as exc:
        raise Refused(str(exc), f"/items/{item.id}/edit") from None
    item.updated_at = page.now
    corrections = moderation.correct_posted(page.db, item, by=page.user.email, now=page.now)
    page.audit(
        "edit", f"item:{item.id}", f"{len(corrections)} corrections" if corrections else None
    )
    return page.redirect(
        _back(page, f"/items/{item.id}"), f"Saved “{item.title}”." + _corrected(len(corrections))
    )


def _corrected(count: int) -> str:
    if not count:
        return ""
    return f" {count} posted message{'s' if count != 1 else ''} will be corrected."


def retract(page: Page) -> Response:
    """Withdraw an approved item: cancel what is not sent, delete what was posted."""
    item = _item(page)
    back = f"/items/{item.id}"
    reason = page.field("reason")
    try:
        retractions = moderation.retract(
            page.db, item, by=page.user.email, reason=reason, now=page.now
        )
    except moderation.ModerationError as exc:
        raise Refused(str(exc), back) from None
    page.audit("retract", f"item:{item.id}", reason or None)
    count = len(retractions)
    deleted = (
        f" {count} posted message{'s' if count != 1 else ''} will be deleted." if count else ""
    )
    return page.redirect(back, f"Retracted “{item.title}”." + deleted)


def translate(page: Page) -> Response:
    """Add or replace the item's title and summary in another language (for the newsletter)."""
    item = _item(page)
    back = f"/items/{item.id}#translations"
    language = page.field("language")
    if language not in page.settings.hub.languages:
        raise Refused(f"Choose one of {', '.join(page.settings.hub.languages)}.", back)
    if language == item.language:
        raise Refused("The item is written in that language: edit the item itself.", back)
    title = clean_title(page.field("title"))
    if not title:
        raise Refused("The translation needs a title.", back)
    summary = clean_summary(plain_to_html(page.field("summary")), item.link)
    found = next((t for t in item.translations if t.language == language), None)
    if found is None:
        found = ItemTranslation(language=language, title=title)
        item.translations.append(found)
    found.title, found.summary_html, found.summary_text = title, summary.html, summary.text
    page.audit("translate", f"item:{item.id}", language)
    return page.redirect(back, f"Saved the {language} text of “{item.title}”.")


def retry_delivery(page: Page) -> Response:
    """Make a failed or dead delivery due again with a fresh set of attempts."""
    delivery = page.db.get(Delivery, int(page.request.path_params["delivery_id"]))
    if delivery is None:
        raise Refused("There is no such delivery.", "/items")
    back = f"/items/{delivery.item_id}" if delivery.item_id else "/"
    count = requeue(page.db.connection(), now=page.now, ids=[delivery.id])
    if not count:
        raise Refused(
            f"Delivery {delivery.id} is {delivery.status}: only failed ones are retried.", back
        )
    page.audit("retry", f"item:{delivery.item_id}", f"delivery {delivery.id}")
    return page.redirect(back, f"Delivery {delivery.id} will be sent again shortly.")
