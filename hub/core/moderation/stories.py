"""A person's word on stories across languages: merge two items into one, or split one.

Ingest attaches a translation to the item it belongs to when the signals are
clear (:mod:`hub.core.ingest.stories`); it is conservative, so the secretariat
sometimes sees one story as two items (a translated slug, no shared image), or,
rarely, two stories joined. :func:`merge_stories` makes ``other`` the
translation of ``keep`` into its language: its origins follow (so the next poll
attaches that entry to ``keep``), what it posted is deleted and what it had not
sent is cancelled (a retraction, with the reason saying where it went), and
``keep`` is routed again so the channels of that language get the story once,
in their language. :func:`split_story` does the reverse for one language: the
translation becomes an item of its own, pending, for the secretariat to decide.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.ingest.identity import normalise_link
from hub.core.models import Delivery, Item, ItemOrigin, ItemTranslation
from hub.core.moderation.decisions import ModerationError

ACTIVE = ("pending", "approved")


def merge_stories(
    session: Session,
    keep: Item,
    other: Item,
    *,
    settings: Settings,
    by: str,
    now: dt.datetime,
) -> list[Delivery]:
    """Make ``other`` the translation of ``keep``; returns ``keep``'s new deliveries."""
    from hub.core.bus.router import route_item
    from hub.core.moderation.corrections import retract_item

    if keep.id == other.id:
        raise ModerationError("an item cannot be merged into itself")
    if keep.status not in ACTIVE or other.status not in ACTIVE:
        raise ModerationError("only pending or approved items are merged")
    language = other.language
    if not language or language == keep.language:
        raise ModerationError(
            f"item {other.id} is in {language or 'no known language'}, like item {keep.id}: "
            "a story's variants are in different languages (decline the duplicate instead)"
        )
    variant = next((t for t in keep.translations if t.language == language), None)
    if variant is None:
        variant = ItemTranslation(language=language, title=other.title)
        keep.translations.append(variant)
    variant.title = other.title
    variant.summary_html, variant.summary_text = other.summary_html, other.summary_text
    variant.link, variant.content_hash = other.link, other.content_hash
    for moved in list(other.translations):  # languages only ``other`` had
        if moved.language != keep.language and all(
            t.language != moved.language for t in keep.translations
        ):
            other.translations.remove(moved)
            copied = ItemTranslation(language=moved.language, title=moved.title)
            copied.summary_html, copied.summary_text = moved.summary_html, moved.summary_text
            copied.link, copied.content_hash = moved.link, moved.content_hash
            keep.translations.append(copied)
    for origin in session.scalars(select(ItemOrigin).where(ItemOrigin.item_id == other.id)):
        origin.item_id = keep.id
        origin.language = origin.language or language
    for name in ("tags", "countries", "regions"):
        have = list(getattr(keep, name) or [])
        setattr(keep, name, have + [v for v in getattr(other, name) or [] if v not in have])
    keep.updated_at = now
    session.flush()
    if other.status == "approved":
        retract_item(session, other, by=by, reason=f"merged into item {keep.id}", now=now)
    else:
        other.status, other.decline_reason = "declined", f"merged into item {keep.id}"
    session.flush()
    session.expire(keep, ["translations", "origins"])
    if keep.status != "approved":
        return []
    return route_item(session, keep, settings, now=now)


def split_story(session: Session, item: Item, language: str, *, now: dt.datetime) -> Item:
    """Make ``item``'s translation into ``language`` an item of its own (pending)."""
    variant = next((t for t in item.translations if t.language == language), None)
    if variant is None:
        raise ModerationError(f"item {item.id} has no {language} version to split off")
    alone = Item(
        source_id=item.source_id,
        member_id=item.member_id,
        title=variant.title,
        link=variant.link,
        link_key=normalise_link(variant.link),
        summary_html=variant.summary_html,
        summary_text=variant.summary_text,
        image_url=item.image_url,
        language=language,
        tags=list(item.tags or []),
        countries=list(item.countries or []),
        regions=list(item.regions or []),
        status="pending",
        content_hash=variant.content_hash,
        published_at=item.published_at,
        created_at=now,
        updated_at=now,
    )
    session.add(alone)
    session.flush()
    origins = select(ItemOrigin).where(
        ItemOrigin.item_id == item.id, ItemOrigin.language == language
    )
    for origin in session.scalars(origins):
        origin.item_id, origin.language = alone.id, None
    item.translations.remove(variant)
    item.updated_at = now
    session.flush()
    session.expire(item, ["origins"])
    return alone
