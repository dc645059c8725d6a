"""Drafts: a ready text per network without an open API, and "mark as posted".

Each approved item routed to a manual channel (X, LinkedIn, Facebook, Instagram)
waits here with its text sized by that network's own counting
(``hub.wiring.DRAFTERS``, :mod:`bots.manual`), in the channel's language. A person
copies it, posts it, and gives the post's URL: the delivery is then sent like any
other (:func:`hub.core.bus.outbox.mark_posted`), so the item's page lists it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from starlette.responses import Response

from hub.core.bus.drafts import SizedDraft, WaitingDraft, message_of, waiting_drafts
from hub.core.bus.outbox import mark_posted
from hub.core.models import Channel, Delivery
from hub.web.i18n import _
from hub.web.page import Page, Refused
from hub.wiring import DRAFTERS, platform_name

HOSTS = {
    "x": ("x.com", "twitter.com"),
    "linkedin": ("linkedin.com",),
    "facebook": ("facebook.com", "fb.com"),
    "instagram": ("instagram.com",),
}
"""Where each network's posts live: a URL elsewhere is refused as a slip of the paste."""


@dataclass(frozen=True)
class DraftCard:
    """One waiting draft as the page shows it."""

    waiting: WaitingDraft
    channel_title: str
    sized: SizedDraft

    @property
    def before_fold(self) -> str:
        fold = self.sized.fold_at
        return self.sized.text if fold is None else self.sized.text[:fold]

    @property
    def after_fold(self) -> str:
        fold = self.sized.fold_at
        return "" if fold is None else self.sized.text[fold:]


def drafts_page(page: Page) -> Response:
    """Every draft waiting to be posted by hand, with its text and its count."""
    cards = []
    for waiting in waiting_drafts(page.db, page.settings):
        drafter = DRAFTERS.get(waiting.platform)
        if drafter is None:
            continue
        channel = page.settings.channels[waiting.channel]
        sized = drafter(message_of(waiting))
        cards.append(DraftCard(waiting, channel.title or waiting.channel, sized))
    return page.render("drafts.html", cards=cards)


def mark_as_posted(page: Page) -> Response:
    """Record the post a person made from a draft, by its URL."""
    delivery = page.db.get(Delivery, int(page.request.path_params["delivery_id"]))
    if delivery is None or delivery.mode != "manual":
        raise Refused(_("There is no such draft."), "/drafts")
    if delivery.status != "held":
        raise Refused(_("This draft was already marked as posted."), "/drafts")
    key = page.db.scalar(select(Channel.key).where(Channel.id == delivery.channel_id))
    channel = page.settings.channels.get(key or "")
    platform = channel.platform if channel is not None else ""
    hosts = HOSTS.get(platform, ())
    url = page.field("url")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not any(host == h or host.endswith("." + h) for h in hosts):
        raise Refused(
            _("Give the address of the post on %(network)s (https://%(host)s/...).")
            % {"network": platform_name(platform), "host": hosts[0] if hosts else "..."},
            f"/drafts#draft-{delivery.id}",
        )
    mark_posted(page.db, delivery, url=url, by=page.user.email, now=page.now)
    page.audit("posted-by-hand", f"item:{delivery.item_id}", f"delivery {delivery.id}: {url}")
    return page.redirect("/drafts", _("Marked as posted: the item's page links to the post."))
