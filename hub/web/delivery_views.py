"""Deliveries that went wrong: the list, retrying one or all, and links to sent messages.

Retrying goes through :func:`hub.core.bus.outbox.requeue`, the function behind
``hub deliveries retry``, so the console and the command agree on what a
retry resets. Every retry is written to the audit log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from sqlalchemy import func, select
from starlette.responses import Response

from hub.core.bus.outbox import requeue
from hub.core.bus.states import ErrorKind
from hub.core.models import Channel, Delivery, DeliveryAttempt, Item
from hub.core.ports import ChannelInfo
from hub.web.i18n import _, ngettext
from hub.web.page import Page, Refused, whole_number
from hub.wiring import PERMALINKS

PAGE_SIZE = 50
STATUSES = ("failed", "dead", "pending", "in_flight", "held", "sent")
TROUBLE = ("failed", "dead")
_GAVE_UP = re.compile(r"\(gave up after (\d+) attempts\)$")


def error_in_words(error: str | None, kind: str | None = None) -> str:
    """What a delivery's last error means for the secretariat, from its ``error_kind``
    (the error's class, or one of the hub's own reasons); the detail stays shown beside."""
    if not error:
        return ""
    words = {
        "RateLimited": _("The platform asked the hub to slow down; it waits as asked."),
        "Timeout": _("The platform did not answer in time (the message may have arrived)."),
        "TransientError": _("The platform had a passing problem (network or server)."),
        "ChannelGone": _("The channel, chat or account no longer exists."),
        "Forbidden": _("The hub may not post there: check the token and the bot's access."),
        "BadPayload": _("The platform refused the message itself (too long or bad markup)."),
        ErrorKind.LEASE_EXPIRED: _("The worker stopped before recording a result."),
        ErrorKind.RELEASED_AT_SHUTDOWN: _("The hub stopped before a result was recorded."),
    }.get(kind or "")
    if words is None:
        words = _("An unexpected error.")
    gave_up = _GAVE_UP.search(error)
    if gave_up:
        count = int(gave_up.group(1))
        words += " " + ngettext(
            "Given up after %(n)s attempt.", "Given up after %(n)s attempts.", count
        ) % {"n": count}
    return words


def message_url(
    channel: Channel,
    platform_message_id: str | None,
    *,
    base_url: str | None = None,
    standins: Mapping[str, Any] | None = None,
) -> str | None:
    """Where a sent message can be seen: the sandbox page in the demo (``standins`` plays
    the channel's platform), else the platform's own address as its module gives it
    (``hub.wiring.PERMALINKS``); None for a private chat or a platform without one."""
    if not platform_message_id:
        return None
    if standins and channel.platform in standins:
        return f"/standins#standin-{quote(channel.platform)}"
    permalink = PERMALINKS.get(channel.platform)
    if permalink is None:
        return None
    info = ChannelInfo(channel.key, channel.platform, channel.target, base_url=base_url)
    return permalink(info, platform_message_id)


@dataclass
class DeliveryRow:
    """One delivery as the list shows it."""

    delivery: Delivery
    channel: Channel
    item_title: str | None
    last_try: Any
    words: str
    link: str | None


def link_for(page: Page, delivery: Delivery, channel: Channel) -> str | None:
    """:func:`message_url` for a delivery shown in the console."""
    configured = page.settings.channels.get(channel.key)
    return message_url(
        channel,
        delivery.platform_message_id,
        base_url=configured.base_url if configured else None,
        standins=page.console.standins,
    )


def _filters(page: Page) -> tuple[tuple[str, ...], str]:
    status = page.param("status")
    wanted = (status,) if status in STATUSES else TROUBLE
    return wanted, page.param("channel")


def deliveries_page(page: Page) -> Response:
    """Failed and dead deliveries (or any status asked for), newest first, 50 a page."""
    wanted, channel_key = _filters(page)
    last_try = (
        select(func.max(DeliveryAttempt.finished_at))
        .where(DeliveryAttempt.delivery_id == Delivery.id)
        .scalar_subquery()
    )
    query = (
        select(Delivery, Channel, Item.title, last_try)
        .join(Channel, Channel.id == Delivery.channel_id)
        .outerjoin(Item, Item.id == Delivery.item_id)
        .where(Delivery.status.in_(wanted))
        .order_by(Delivery.id.desc())
    )
    if channel_key:
        query = query.where(Channel.key == channel_key)
    before = whole_number(page.param("before"))
    if before is not None:
        query = query.where(Delivery.id < before)
    rows = page.db.execute(query.limit(PAGE_SIZE + 1)).all()
    more = len(rows) > PAGE_SIZE
    shown = [
        DeliveryRow(
            d, c, title, tried, error_in_words(d.last_error, d.error_kind), link_for(page, d, c)
        )
        for d, c, title, tried in rows[:PAGE_SIZE]
    ]
    return page.render(
        "deliveries.html",
        rows=shown,
        chosen=page.param("status") if page.param("status") in STATUSES else "",
        statuses=STATUSES,
        channel=channel_key,
        channel_keys=list(page.db.scalars(select(Channel.key).order_by(Channel.key))),
        trouble=_trouble_count(page, channel_key),
        older=shown[-1].delivery.id if more and shown else None,
        back=_here(page),
    )


def _here(page: Page) -> str:
    query = page.request.url.query
    return page.request.url.path + ("?" + query if query else "")


def _trouble_ids(page: Page, channel_key: str) -> list[int]:
    query = select(Delivery.id).where(Delivery.status.in_(TROUBLE))
    if channel_key:
        query = query.join(Channel, Channel.id == Delivery.channel_id).where(
            Channel.key == channel_key
        )
    return list(page.db.scalars(query))


def _trouble_count(page: Page, channel_key: str) -> int:
    query = select(func.count()).select_from(Delivery).where(Delivery.status.in_(TROUBLE))
    if channel_key:
        query = query.join(Channel, Channel.id == Delivery.channel_id).where(
            Channel.key == channel_key
        )
    return int(page.db.scalar(query) or 0)


def _back(page: Page, default: str) -> str:
    back = page.field("back")
    return back if back.startswith("/") and not back.startswith("//") else default


def retry_delivery(page: Page) -> Response:
    """Make one failed or dead delivery due again with a fresh set of attempts."""
    delivery = page.db.get(Delivery, int(page.request.path_params["delivery_id"]))
    if delivery is None:
        raise Refused(_("There is no such delivery."), "/deliveries")
    default = f"/items/{delivery.item_id}" if delivery.item_id else "/deliveries"
    back = _back(page, default)
    count = requeue(page.db.connection(), now=page.now, ids=[delivery.id])
    if not count:
        raise Refused(
            _("Delivery %(id)s is %(status)s: only failed ones are retried.")
            % {"id": delivery.id, "status": delivery.status},
            back,
        )
    page.audit("retry", f"item:{delivery.item_id}", f"delivery {delivery.id}")
    return page.redirect(
        back, _("Delivery %(id)s will be sent again shortly.") % {"id": delivery.id}
    )


def retry_all(page: Page) -> Response:
    """Every failed and dead delivery (of one channel, if chosen) due again, once confirmed."""
    channel_key = page.field("channel")
    back = "/deliveries" + (f"?channel={quote(channel_key)}" if channel_key else "")
    if page.field("confirm") != "yes":
        raise Refused(_("Tick the box to confirm that every failed delivery is retried."), back)
    ids = _trouble_ids(page, channel_key)
    count = requeue(page.db.connection(), now=page.now, ids=ids) if ids else 0
    page.audit(
        "retry-all", f"channel:{channel_key}" if channel_key else None, f"{count} deliveries"
    )
    message = ngettext(
        "%(n)s delivery will be sent again shortly.",
        "%(n)s deliveries will be sent again shortly.",
        count,
    ) % {"n": count}
    return page.redirect(back, message if count else _("No delivery needed retrying."))
