"""The API's items and deliveries: list, read, create as a source, approve, decline, retry.

Each action is the console's: approval and decline through
:mod:`hub.core.moderation.decisions` (the router writes the deliveries in the same
transaction, the submitters are told, the audit log names the user and the token),
new items through :func:`hub.web.news_intake.submit_news` (the same cleaning,
deduplication and trust as the console's form), retries through
:func:`hub.core.bus.outbox.requeue` (as ``hub deliveries retry``).
"""

from __future__ import annotations

from sqlalchemy import String, cast, or_, select

from hub.core.accounts import AuditEntry
from hub.core.bus.outbox import requeue
from hub.core.models import Channel, Delivery, Item, Source
from hub.core.moderation import decisions as moderation
from hub.core.moderation.corrections import correction_prefix, retraction_prefix
from hub.web.api.framework import Call, Reply, before_id, next_page, page_size
from hub.web.api.problems import Problem
from hub.web.api.schemas import (
    Decline,
    DeliveryList,
    DeliveryOut,
    ItemCreate,
    ItemCreated,
    ItemDetail,
    ItemList,
    ItemOut,
)
from hub.web.delivery_views import message_url
from hub.web.news_intake import Submission, SubmissionError, submit_news
from hub.web.notices import NOTICES

ITEM_STATUSES = ("pending", "approved", "declined", "retracted")
DELIVERY_STATUSES = ("pending", "in_flight", "held", "sent", "failed", "dead")
WRITABLE_KINDS = ("console", "web")
"""The kinds of source news may be handed in as (the ones people write into)."""


def _source_keys(call: Call) -> dict[int, str]:
    return {row[0]: row[1] for row in call.db.execute(select(Source.id, Source.key))}


def item_out(item: Item, sources: dict[int, str]) -> ItemOut:
    return ItemOut(
        id=item.id,
        title=item.title,
        summary_html=item.summary_html or "",
        summary_text=item.summary_text or "",
        link=item.link,
        image_url=item.image_url,
        language=item.language,
        tags=list(item.tags or []),
        countries=list(item.countries or []),
        regions=list(item.regions or []),
        status=item.status,  # type: ignore[arg-type]
        source=sources.get(item.source_id) if item.source_id else None,
        published_at=item.published_at,
        approved_at=item.approved_at,
        approved_by=item.approved_by,
        decline_reason=item.decline_reason,
        created_at=item.created_at,
        updated_at=item.updated_at,
    )


def delivery_out(call: Call, delivery: Delivery, channel: Channel) -> DeliveryOut:
    configured = call.console.settings.channels.get(channel.key)
    url = message_url(
        channel,
        delivery.platform_message_id,
        base_url=configured.base_url if configured else None,
        standins=call.console.standins,
    )
    return DeliveryOut(
        id=delivery.id,
        item_id=delivery.item_id,
        channel=channel.key,
        kind=delivery.kind,
        status=delivery.status,
        attempts=delivery.attempts,
        max_attempts=delivery.max_attempts,
        due_at=delivery.due_at,
        sent_at=delivery.sent_at,
        platform_message_id=delivery.platform_message_id,
        error_kind=delivery.error_kind,
        last_error=delivery.last_error,
        url=url,
    )


def _item(call: Call) -> Item:
    item = call.db.get(Item, call.path_int("item_id"))
    if item is None:
        raise Problem("not-found", f"there is no item {call.request.path_params['item_id']}")
    return item


def _detail(call: Call, item: Item) -> ItemDetail:
    rows = call.db.execute(
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
    base = item_out(item, _source_keys(call))
    return ItemDetail(**base.model_dump(), deliveries=[delivery_out(call, d, c) for d, c in rows])


def list_items(call: Call) -> Reply:
    """Items, newest first, filtered as the console's list is."""
    size = page_size(call)
    query = select(Item).order_by(Item.id.desc())
    status = call.param("status")
    if status:
        if status not in ITEM_STATUSES:
            raise Problem("invalid-request", f"status must be one of {', '.join(ITEM_STATUSES)}")
        query = query.where(Item.status == status)
    if call.param("source"):
        query = query.join(Source, Source.id == Item.source_id).where(
            Source.key == call.param("source")
        )
    if call.param("language"):
        query = query.where(Item.language == call.param("language"))
    if call.param("tag"):
        tag = moderation.tag_slug(call.param("tag"))
        query = query.where(cast(Item.tags, String).like(f'%"{tag}"%'))
    if call.param("region"):
        region = call.param("region").replace('"', "")
        query = query.where(cast(Item.regions, String).like(f'%"{region}"%'))
    before = before_id(call)
    if before is not None:
        query = query.where(Item.id < before)
    rows = list(call.db.scalars(query.limit(size + 1)))
    sources = _source_keys(call)
    return Reply(
        ItemList(
            items=[item_out(i, sources) for i in rows[:size]], next=next_page(call, rows, size)
        )
    )


def read_item(call: Call) -> Reply:
    return Reply(_detail(call, _item(call)))


def create_item(call: Call) -> Reply:
    """Hand the hub a piece of news as one of its sources; a trusted source's is approved."""
    body: ItemCreate = call.body
    settings = call.console.settings
    configured = settings.sources.get(body.source)
    if configured is None or configured.kind not in WRITABLE_KINDS or not configured.enabled:
        writable = [k for k, s in settings.sources.items() if s.kind in WRITABLE_KINDS]
        raise Problem(
            "invalid-request",
            f"the source {body.source!r} does not take news by hand; "
            f"use one of: {', '.join(sorted(writable)) or 'none is configured'}",
            errors=[{"pointer": "#/source", "detail": "not a source of kind console or web"}],
        )
    submission = Submission(
        title=body.title,
        text=body.text,
        link=body.link or None,
        image_url=body.image_url or None,
        language=body.language or None,
    )
    try:
        result = submit_news(
            call.db, settings, body.source, submission, now=call.now, platform="api"
        )
    except SubmissionError as exc:
        raise Problem("invalid-request", str(exc)) from None
    item = result.item
    call.db.add(
        AuditEntry(
            at=call.now,
            actor=call.actor[:320],
            action="submit",
            target=f"item:{item.id}",
            detail=f"{result.outcome} via {body.source} (API)",
        )
    )
    call.db.flush()
    created = ItemCreated(item=item_out(item, _source_keys(call)), outcome=result.outcome)  # type: ignore[arg-type]
    status = 201 if result.outcome == "created" else 200
    return Reply(created, status, {"location": f"/api/v1/items/{item.id}"})


def approve_item(call: Call) -> Reply:
    """Approve: the router writes one delivery per channel of the item's routes."""
    item = _item(call)
    try:
        moderation.approve_and_notify(
            call.db, item, call.console.settings, by=call.actor, now=call.now, notices=NOTICES
        )
    except moderation.ModerationError as exc:
        raise Problem("conflict", str(exc)) from None
    call.db.flush()
    return Reply(_detail(call, item))


def decline_item(call: Call) -> Reply:
    """Decline with a reason the members who sent it are told."""
    item = _item(call)
    body: Decline = call.body
    reason = body.reason.strip()
    if not reason:
        raise Problem(
            "invalid-request",
            "say why the item is declined: the member is told",
            errors=[{"pointer": "#/reason", "detail": "a reason is needed"}],
        )
    try:
        moderation.decline_and_notify(
            call.db, item, reason=reason, by=call.actor, now=call.now, notices=NOTICES
        )
    except moderation.ModerationError as exc:
        raise Problem("conflict", str(exc)) from None
    call.db.flush()
    return Reply(_detail(call, item))


def list_deliveries(call: Call) -> Reply:
    """Deliveries, newest first, by status, channel or item."""
    size = page_size(call)
    query = select(Delivery, Channel).join(Channel, Channel.id == Delivery.channel_id)
    status = call.param("status")
    if status:
        if status not in DELIVERY_STATUSES:
            raise Problem(
                "invalid-request", f"status must be one of {', '.join(DELIVERY_STATUSES)}"
            )
        query = query.where(Delivery.status == status)
    if call.param("channel"):
        query = query.where(Channel.key == call.param("channel"))
    item = call.param("item")
    if item:
        if not item.isdigit() or len(item) > 18:
            raise Problem("invalid-request", "item must be a whole number (an item's id)")
        query = query.where(Delivery.item_id == int(item))
    before = before_id(call)
    if before is not None:
        query = query.where(Delivery.id < before)
    rows = call.db.execute(query.order_by(Delivery.id.desc()).limit(size + 1)).all()
    deliveries = [d for d, _channel in rows]
    return Reply(
        DeliveryList(
            deliveries=[delivery_out(call, d, c) for d, c in rows[:size]],
            next=next_page(call, deliveries, size),
        )
    )


def _delivery(call: Call) -> tuple[Delivery, Channel]:
    delivery = call.db.get(Delivery, call.path_int("delivery_id"))
    if delivery is None:
        raise Problem(
            "not-found", f"there is no delivery {call.request.path_params['delivery_id']}"
        )
    channel = call.db.get(Channel, delivery.channel_id)
    assert channel is not None
    return delivery, channel


def read_delivery(call: Call) -> Reply:
    return Reply(delivery_out(call, *_delivery(call)))


def retry_delivery(call: Call) -> Reply:
    """Make a failed or dead delivery due again with a fresh set of attempts."""
    delivery, channel = _delivery(call)
    if not requeue(call.db.connection(), now=call.now, ids=[delivery.id]):
        raise Problem(
            "conflict", f"delivery {delivery.id} is {delivery.status}: only failed ones are retried"
        )
    call.db.add(
        AuditEntry(
            at=call.now,
            actor=call.actor[:320],
            action="retry",
            target=f"item:{delivery.item_id}",
            detail=f"delivery {delivery.id} (API)",
        )
    )
    call.db.expire(delivery)
    return Reply(delivery_out(call, delivery, channel))
