"""An item as each platform will show it, for every channel the routes choose.

The moderation cards and the item page show, before anything is sent, what each
post will look like: the router's plan for the item (:func:`plan_routes`, as
approving would apply it), the item's text in each channel's language (its
translation when it has one, as the worker picks it), the platform module's own
requests, rendered by the stand-in sandbox's renderers (``hub.wiring.DISPLAYS``).
The HTML goes through the hub's sanitiser before reaching the page. A channel in
digest mode shows that the item waits for the roundup; a platform with no
renderer (the newsletter) says where the item goes instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.bus.messages import Translated, content_for
from hub.core.bus.router import plan_routes
from hub.core.config.settings import Settings
from hub.core.errors import HubError
from hub.core.models import Item, Source
from hub.core.ports import ChannelInfo, Message
from hub.web.render import sanitised
from hub.wiring import DISPLAYS, NEWSLETTER_PLATFORMS, PLATFORMS


@dataclass(frozen=True)
class PlatformPreview:
    """One channel's post as its platform will show it (or why there is none to show)."""

    channel: str
    title: str
    platform: str
    mode: str
    body: Markup | None
    problem: str | None = None


def _translations(item: Item) -> Translated:
    """The item's translations as the worker reads them, from its (loaded) relationship."""
    return {
        (item.id, t.language): (t.title, t.summary_text, t.summary_html, t.link, t.machine)
        for t in item.translations
    }


def source_keys(db: Session, items: Iterable[Item]) -> dict[int, str]:
    """Each source's key for these items' sources, in one query (routes match on it)."""
    wanted = {item.source_id for item in items if item.source_id is not None}
    if not wanted:
        return {}
    rows = db.execute(select(Source.id, Source.key).where(Source.id.in_(wanted)))
    return {source_id: key for source_id, key in rows}


def platform_previews(
    db: Session,
    settings: Settings,
    item: Item,
    now: dt.datetime,
    *,
    keys: dict[int, str] | None = None,
) -> list[PlatformPreview]:
    """Each channel approving would send ``item`` to, with its post as the platform shows it
    if sent at ``now`` (the page's clock: a Bluesky post's time is that).

    ``keys`` (from :func:`source_keys`) spares a query per item when a page shows many."""
    keys = source_keys(db, [item]) if keys is None else keys
    source_key = keys.get(item.source_id) if item.source_id is not None else None
    translated = _translations(item)
    shown: list[PlatformPreview] = []
    seen: set[str] = set()
    for decision in plan_routes(item, settings, source_key, platforms=PLATFORMS):
        if not decision.deliver or decision.channel in seen:
            continue
        seen.add(decision.channel)
        channel = settings.channels[decision.channel]
        title = channel.title or decision.channel
        display = DISPLAYS.get(channel.platform)
        if display is None and channel.platform not in NEWSLETTER_PLATFORMS:
            continue  # a test double or a platform with nothing to show
        if decision.mode == "digest" or display is None:
            shown.append(
                PlatformPreview(decision.channel, title, channel.platform, decision.mode, None)
            )
            continue
        content = content_for(item, translated, channel.language)
        message = Message(
            delivery_id=0,
            kind="item",
            title=content.title,
            text=content.text,
            html=content.html,
            link=content.link,
            image_url=content.image_url,
            language=content.language,
            tags=content.tags,
            machine_from=content.machine_from,
            original_link=content.original_link,
        )
        info = ChannelInfo(
            decision.channel,
            channel.platform,
            channel.target,
            channel.language,
            channel.thread_id,
            channel.base_url,
        )
        try:
            body: Markup | None = sanitised(display(message, info, now))
            problem = None
        except HubError as error:  # the formatter refuses what the platform would refuse
            body, problem = None, str(error)
        shown.append(
            PlatformPreview(decision.channel, title, channel.platform, decision.mode, body, problem)
        )
    return shown
