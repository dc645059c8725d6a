"""The inbox (moderation queue): items waiting for a decision, one at a time or several at once.

Each card says who sent the item (member, platform, address) and lets the
moderator correct its regions, which routes match on like the tagger's.
Per item: approve, edit, tags and language, regions, decline. In bulk: tick items, then
approve, decline (one reason for all), set the language or add a tag, in one
POST; each item's outcome is shown and written to the audit log. An item that
cannot take the action (an approved one cannot be declined) is reported and
left as it was; the others go ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from starlette.responses import Response

from hub.core.bus.router import plan_routes
from hub.core.ingest.tags import COUNTRIES_FILE, TOPICS_FILE
from hub.core.models import Item, ItemPicture
from hub.core.moderation import decisions as moderation
from hub.web.i18n import _
from hub.web.item_views import approved_words, corrected_words, source_titles, told_words
from hub.web.notices import NOTICES
from hub.web.page import Page, Refused, whole_number
from hub.web.platform_previews import platform_previews, source_keys
from hub.web.senders import senders_of
from hub.wiring import PLATFORMS

PAGE_SIZE = 50
BULK_ACTIONS = ("approve", "decline", "language", "tag")


@cache
def topic_tags() -> list[str]:
    """The topic tags of ``topics.yaml``, the vocabulary the tagger proposes."""
    data = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8")) or {}
    return sorted(str(tag) for tag in data)


@cache
def tagger_regions() -> list[str]:
    """The regions of ``countries.yaml``, the ones the tagger gives items."""
    data = yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8")) or {}
    return [str(region) for region in data.get("regions") or []]


def region_choices(page: Page) -> list[str]:
    """The tagger's regions, then any other region a route of hub.toml matches on."""
    choices = list(tagger_regions())
    for route in page.settings.routes:
        for region in route.match.regions:
            slug = moderation.tag_slug(region)
            if slug and slug not in choices:
                choices.append(slug)
    return choices


@dataclass
class Outcome:
    """What one bulk action did to one item."""

    item_id: int
    title: str
    done: bool
    words: str


def moderation_queue(page: Page, results: list[Outcome] | None = None) -> Response:
    """Items waiting for a decision, oldest first, with their cleaned summary."""
    items = list(
        page.db.scalars(
            select(Item)
            .where(Item.status == "pending")
            .order_by(Item.id)
            .limit(PAGE_SIZE)
            .options(selectinload(Item.translations))  # routing reads them: one query, not 20
        )
    )
    total = page.db.scalar(select(func.count()).where(Item.status == "pending"))
    keys = source_keys(page.db, items)
    return page.render(
        "moderation.html",
        items=items,
        total=total,
        sources=source_titles(page),
        destinations={item.id: destinations(page, item, keys) for item in items},
        previews={
            item.id: platform_previews(page.db, page.settings, item, page.now, keys=keys)
            for item in items
        },
        pictures={
            picture.item_id: picture
            for picture in page.db.scalars(
                select(ItemPicture).where(ItemPicture.item_id.in_([item.id for item in items]))
            )
        },
        senders=senders_of(page.db, items),
        regions=region_choices(page),
        topics=topic_tags(),
        languages=page.settings.hub.languages,
        results=results or [],
        back="/moderation",
    )


def destinations(page: Page, item: Item, keys: dict[int, str]) -> list[str]:
    """Where approving would send the item, by the routes of hub.toml (titles if set);
    ``keys`` are the sources' keys (:func:`source_keys`), read once for the page."""
    key = keys.get(item.source_id) if item.source_id is not None else None
    channels = page.settings.channels
    chosen = [
        d.channel for d in plan_routes(item, page.settings, key, platforms=PLATFORMS) if d.deliver
    ]
    return [channels[c].title or c if c in channels else c for c in chosen]


def _language(page: Page, back: str) -> str:
    language = page.field("language")
    if language not in page.settings.hub.languages:
        choices = ", ".join(page.settings.hub.languages)
        raise Refused(_("Choose one of %(languages)s.") % {"languages": choices}, back)
    return language


def classify(page: Page) -> Response:
    """Set one item's tags (topic boxes plus other tags) and language."""
    item = page.db.get(Item, int(page.request.path_params["item_id"]))
    back = page.field("back") if page.field("back").startswith("/moderation") else "/moderation"
    if item is None:
        raise Refused(_("There is no such item (it may have been removed)."), back)
    if item.status == "retracted":
        raise Refused(_("A retracted item is no longer edited."), back)
    language = _language(page, back)
    chosen = page.form.getlist("topic") if page.form is not None else []
    others = page.field("other_tags").split(",")
    moderation.edit(item, language=language)
    moderation.retag(item, tags=[str(t) for t in chosen] + [t for t in others if t.strip()])
    item.updated_at = page.now
    corrections = moderation.correct_posted(page.db, item, by=page.user.email, now=page.now)
    page.audit("classify", f"item:{item.id}", f"{language}: {', '.join(item.tags or [])}")
    said = _("Saved the tags and language of “%(title)s”.") % {"title": item.title}
    return page.redirect(back, said + corrected_words(len(corrections)))


def set_regions(page: Page) -> Response:
    """Set one item's regions (the boxes ticked; none clears them): routes match on them."""
    item = page.db.get(Item, int(page.request.path_params["item_id"]))
    back = page.field("back") if page.field("back").startswith("/moderation") else "/moderation"
    if item is None:
        raise Refused(_("There is no such item (it may have been removed)."), back)
    if item.status == "retracted":
        raise Refused(_("A retracted item is no longer edited."), back)
    chosen = [str(r) for r in page.form.getlist("region")] if page.form is not None else []
    allowed = region_choices(page)
    unknown = [r for r in chosen if r not in allowed]
    if unknown:
        raise Refused(_("Choose regions from the list."), back)
    before = ", ".join(item.regions or []) or "-"
    moderation.retag(item, regions=chosen)
    item.updated_at = page.now
    after = ", ".join(item.regions or []) or "-"
    page.audit("classify", f"item:{item.id}", f"regions: {before} -> {after}")
    said = _("Saved the region of “%(title)s”: %(regions)s.") % {
        "title": item.title,
        "regions": ", ".join(item.regions or []) or _("none"),
    }
    return page.redirect(back, said)


def bulk(page: Page) -> Response:
    """One action on every ticked item; the queue comes back with each item's outcome."""
    action = page.field("action")
    if action not in BULK_ACTIONS:
        raise Refused(_("Choose what to do with the ticked items."), "/moderation")
    raw = page.form.getlist("item") if page.form is not None else []
    numbers = (whole_number(v) for v in raw if isinstance(v, str))
    ids = sorted({n for n in numbers if n is not None})
    if not ids:
        raise Refused(_("Tick at least one item."), "/moderation")
    reason, language, tag = page.field("reason"), "", ""
    if action == "decline" and not reason:
        raise Refused(_("Say why the items are declined: the members are told."), "/moderation")
    if action == "language":
        language = _language(page, "/moderation")
    if action == "tag":
        tag = moderation.tag_slug(page.field("tag"))
        if not tag:
            raise Refused(_("Name the tag to add."), "/moderation")
    items = {i.id: i for i in page.db.scalars(select(Item).where(Item.id.in_(ids)))}
    results = []
    for item_id in ids:
        item = items.get(item_id)
        if item is None:
            results.append(Outcome(item_id, "", False, _("There is no such item.")))
            continue
        try:
            words = _apply(page, item, action, reason=reason, language=language, tag=tag)
        except moderation.ModerationError as exc:
            results.append(Outcome(item.id, item.title, False, str(exc)))
            continue
        results.append(Outcome(item.id, item.title, True, words))
    return moderation_queue(page, results)


def _apply(page: Page, item: Item, action: str, *, reason: str, language: str, tag: str) -> str:
    """Do ``action`` to ``item``, audit it, and say what happened (ModerationError if it cannot)."""
    target, by = f"item:{item.id}", page.user.email
    if action == "approve":
        decision = moderation.approve_and_notify(
            page.db, item, page.settings, by=by, now=page.now, notices=NOTICES, note="bulk"
        )
        return approved_words(page, item, decision.deliveries, decision.told)
    if action == "decline":
        decision = moderation.decline_and_notify(
            page.db, item, reason=reason, by=by, now=page.now, notices=NOTICES, note="bulk"
        )
        return _("Declined “%(title)s”.") % {"title": item.title} + told_words(decision.told)
    if item.status == "retracted":
        raise moderation.ModerationError(_("A retracted item is no longer edited."))
    if action == "language":
        moderation.edit(item, language=language)
        page.audit("classify", target, f"bulk: language {language}")
    else:
        moderation.retag(item, tags=[*(item.tags or []), tag])
        page.audit("classify", target, f"bulk: tag {tag}")
    item.updated_at = page.now
    corrections = moderation.correct_posted(page.db, item, by=by, now=page.now)
    said = _("Saved “%(title)s”.") % {"title": item.title}
    return said + corrected_words(len(corrections))
