"""What the public news pages and feeds show: approved items only, by language, topic, region.

One query for ``/news/``, its pages and its three feeds (:mod:`hub.web.news_feeds`), so
they cannot disagree on what was approved: an item is shown while its status is
``approved``; declined, pending and retracted ones are nowhere (a retracted item's page
answers 410 Gone). ``lang`` picks the items written in that language or translated into
it (the translation's title and text are then shown); ``topic`` and ``region`` match
the item's tags and regions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from sqlalchemy import Select, String, cast, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from hub.core.models import Item, ItemTranslation

FEED_SIZE = 50
PAGE_SIZE = 30


@dataclass(frozen=True)
class NewsFilter:
    """The filters of a news page or feed, as read from its query string."""

    lang: str = ""
    topic: str = ""
    region: str = ""

    @classmethod
    def read(cls, params: dict[str, str], languages: list[str]) -> NewsFilter:
        """Unknown languages and values that are not plain codes are ignored."""
        lang = params.get("lang", "").strip().lower()
        topic = params.get("topic", "").strip().lower()
        region = params.get("region", "").strip()
        return cls(
            lang=lang if lang in languages else "",
            topic=topic if _code(topic) else "",
            region=region if _code(region) else "",
        )

    @property
    def query(self) -> str:
        """The filters as a query string ('' when none), in a fixed order."""
        named = (("lang", self.lang), ("topic", self.topic), ("region", self.region))
        return urlencode([(name, value) for name, value in named if value])


def _code(value: str) -> bool:
    return bool(value) and len(value) <= 60 and all(c.isalnum() or c in "-_" for c in value)


Q = TypeVar("Q", bound="Select[*tuple[Any, ...]]")  # a string: SQLAlchemy 2.0 has Select[T]


def _filtered(query: Q, wanted: NewsFilter) -> Q:
    if wanted.lang:
        translated = exists().where(
            ItemTranslation.item_id == Item.id, ItemTranslation.language == wanted.lang
        )
        query = query.where(or_(Item.language == wanted.lang, translated))
    if wanted.topic:
        query = query.where(cast(Item.tags, String).like(f'%"{wanted.topic}"%'))
    if wanted.region:
        query = query.where(cast(Item.regions, String).like(f'%"{wanted.region}"%'))
    return query


def published(
    session: Session, wanted: NewsFilter, *, limit: int, before: int | None = None
) -> list[Item]:
    """The approved items the filters choose, newest first (by id), with translations."""
    query = select(Item).where(Item.status == "approved").options(selectinload(Item.translations))
    query = _filtered(query, wanted)
    if before is not None:
        query = query.where(Item.id < before)
    return list(session.scalars(query.order_by(Item.id.desc()).limit(limit)))


def newest_versions(
    session: Session, wanted: NewsFilter, *, limit: int
) -> list[tuple[int, dt.datetime]]:
    """The ids and last changes of what :func:`published` would give: enough for a feed's
    ETag without loading the items (a conditional GET answered 304 loads nothing more)."""
    query = _filtered(select(Item.id, Item.updated_at).where(Item.status == "approved"), wanted)
    rows = session.execute(query.order_by(Item.id.desc()).limit(limit))
    return [(row[0], row[1]) for row in rows]


def last_change(session: Session, wanted: NewsFilter) -> dt.datetime | None:
    """When what the filters choose last changed: approved items and retracted ones too,
    so a retraction makes the feed newer though the item left it."""
    query = select(func.max(Item.updated_at)).where(Item.status.in_(("approved", "retracted")))
    changed: dt.datetime | None = session.scalar(_filtered(query, wanted))
    return changed


def public_item(session: Session, item_id: int) -> Item | None:
    """An item as the public sees it: None unless approved or retracted (which is gone)."""
    item = session.get(Item, item_id, options=[selectinload(Item.translations)])
    if item is None or item.status not in ("approved", "retracted"):
        return None
    return item


@dataclass(frozen=True)
class Shown:
    """An item in one language: its own text, or its translation's."""

    item: Item
    language: str
    title: str
    summary_html: str
    summary_text: str
    link: str | None


def in_language(item: Item, language: str) -> Shown:
    if language and language != item.language:
        for translation in item.translations:
            if translation.language == language:
                return Shown(
                    item,
                    language,
                    translation.title,
                    translation.summary_html or "",
                    translation.summary_text or "",
                    translation.link or item.link,
                )
    return Shown(
        item,
        item.language or "",
        item.title,
        item.summary_html or "",
        item.summary_text or "",
        item.link,
    )


def when(item: Item) -> dt.datetime:
    """The moment a reader is told: published, else approved, else stored."""
    return item.published_at or item.approved_at or item.created_at
