"""Storing candidates: one item per story, however many places it came from.

Three kinds of sameness, checked in order for each candidate:

1. the same origin: ``(source, external_id)`` already has an :class:`ItemOrigin`.
   Nothing new; if the source changed the entry (its fingerprint,
   ``content_hash``), the item is updated in place.
2. the same link: another item has the same normalised link.
3. the same text: an item from another source, seen within
   :data:`NEAR_WINDOW`, whose title and text are near-identical
   (rapidfuzz ratio >= :data:`NEAR_RATIO`).
4. the same story in another language (:mod:`hub.core.ingest.stories`): an
   item seen within :data:`NEAR_WINDOW`, in another language, that the entry
   declares as its alternate, whose link is the same but for its language, or
   that shares its image, names and numbers.

In cases 2 and 3 the candidate becomes one more origin of that item. In case 4,
and in case 2 when the candidate is in another language than the item, the
candidate becomes the item's translation into its language (an
:class:`ItemTranslation`, with an origin that names that language): one item,
one story, posted once per channel in the channel's language. If the item is
approved already, it is routed again, so channels that take only the new
language get it now (routing adds only missing deliveries). Only a
genuinely new story creates an :class:`Item`: approved at once (through the
router, so its deliveries are written in the same transaction) when the
source is trusted, else left ``pending`` for the secretariat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from dataclasses import replace as dataclass_replace
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.ingest.parse import Candidate
from hub.core.ingest.pictures import offer_alt
from hub.core.ingest.stories import StoryIndex, StorySignals
from hub.core.models import Item, ItemOrigin, ItemTranslation, Source

NEAR_RATIO = 92.0
NEAR_WINDOW = dt.timedelta(days=14)
NEAR_TEXT = 400
TITLE_RATIO = 60.0
TITLE_SHORTLIST = 20
RECENT_LIMIT = 5000


def _row_signals(row: Any) -> StorySignals:
    return StorySignals.of(
        language=row.language,
        link_key=row.link_key,
        title=row.title,
        text=row.summary_text or "",
        image_url=row.image_url,
        published_at=row.published_at or row.created_at,
    )


def _comparable(title: str, text: str) -> str:
    return " ".join(f"{title} {text[:NEAR_TEXT]}".lower().split())


@dataclass
class RecentItems:
    """Recent items' comparable text, loaded once and kept current while storing.

    The poller builds one per cycle so that 300 sources do not each reload it.
    Matching is two-staged to stay cheap with thousands of recent items:
    titles first (short strings, a loose :data:`TITLE_RATIO`), then the full
    title and text of the few titles that came close (with at most 400
    characters of text, two stories whose titles are under 60% alike are
    hardly ever 92% alike as a whole).
    """

    since: dt.datetime
    texts: dict[int, str] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    sources: dict[int, int | None] = field(default_factory=dict)
    loaded: bool = False
    _stories: StoryIndex | None = None
    _unindexed: list[tuple[int, Any]] = field(default_factory=list)

    def stories(self) -> StoryIndex:
        """The recent items' story signals, indexed on first use: most polls bring no new
        entry, and those that do mostly match by link first."""
        if self._stories is None:
            self._stories = StoryIndex()
            for item_id, found in self._unindexed:
                signals = found if isinstance(found, StorySignals) else _row_signals(found)
                self._stories.add(item_id, signals)
            self._unindexed = []
        return self._stories

    def add_story(self, item_id: int, signals: StorySignals) -> None:
        if self._stories is None:
            self._unindexed.append((item_id, signals))
        else:
            self._stories.add(item_id, signals)

    def load(self, session: Session) -> None:
        if self.loaded:
            return
        rows = session.execute(
            select(
                Item.id,
                Item.source_id,
                Item.title,
                Item.summary_text,
                Item.language,
                Item.link_key,
                Item.image_url,
                Item.published_at,
                Item.created_at,
            )
            .where(Item.created_at >= self.since)
            .order_by(Item.id.desc())
            .limit(RECENT_LIMIT)
        )
        for row in rows:
            self.add(row.id, row.source_id, row.title, row.summary_text or "")
            self._unindexed.append((row.id, row))
        self.loaded = True

    def add(self, item_id: int, source_id: int | None, title: str, text: str) -> None:
        self.texts[item_id] = _comparable(title, text)
        self.titles[item_id] = " ".join(title.lower().split())
        self.sources[item_id] = source_id

    def near(self, candidate: Candidate, source_id: int) -> int | None:
        """The id of a near-identical item from another source, if any."""
        if not self.texts:
            return None
        title = " ".join(candidate.title.lower().split())
        close = process.extract(
            title,
            self.titles,
            scorer=fuzz.ratio,
            score_cutoff=TITLE_RATIO,
            processor=None,
            limit=TITLE_SHORTLIST,
        )
        query = _comparable(candidate.title, candidate.summary_text)
        best: tuple[float, int] | None = None
        for _, _, item_id in close:
            if self.sources.get(item_id) == source_id:
                continue
            score = fuzz.ratio(query, self.texts[item_id], score_cutoff=NEAR_RATIO)
            if score and (best is None or score > best[0]):
                best = (score, int(item_id))
        return best[1] if best else None


@dataclass
class StoreReport:
    """What storing a batch of candidates did."""

    created: list[Item] = field(default_factory=list)
    updated: list[Item] = field(default_factory=list)
    merged: list[Item] = field(default_factory=list)
    translated: list[Item] = field(default_factory=list)
    """Items that gained (or updated) a translation from a candidate in another language."""
    unchanged: int = 0
    approved: list[Item] = field(default_factory=list)


def store_candidates(
    session: Session,
    source: Source,
    candidates: Iterable[Candidate],
    *,
    settings: Settings | None,
    now: dt.datetime,
    recent: RecentItems | None = None,
    platform: str | None = None,
    reply_to: str | None = None,
    member_id: int | None = None,
) -> StoreReport:
    """Deduplicate and store ``candidates`` from ``source`` in the caller's transaction.

    ``settings`` is needed to approve items of a trusted source (the router
    reads the routes); without it they stay pending. ``platform``, ``reply_to``
    and ``member_id`` describe a member's submission (where to tell them the
    outcome, and who sent it; the source's owner otherwise).
    """
    report = StoreReport()
    recent = recent or RecentItems(since=now - NEAR_WINDOW)
    recent.load(session)
    fresh: list[Candidate] = []
    seen_here: set[str] = set()
    for candidate in candidates:
        if candidate.unchanged or candidate.external_id in seen_here:
            report.unchanged += 1
            continue
        seen_here.add(candidate.external_id)
        fresh.append(candidate)
    known = _known_origins(session, source.id, [c.external_id for c in fresh])
    new = [c for c in fresh if c.external_id not in known]
    by_link = _items_by_link(session, [c.link_key for c in new if c.link_key])
    created: list[Item] = []
    created_from: list[Candidate] = []
    batch = _Batch()
    for candidate in fresh:
        origin = known.get(candidate.external_id)
        if origin is not None:
            if origin.language is not None:
                if _update_translation(origin.item, origin.language, candidate):
                    report.translated.append(origin.item)
                else:
                    report.unchanged += 1
            elif _update_if_edited(origin.item, candidate):
                report.updated.append(origin.item)
            else:
                report.unchanged += 1
            continue
        item = by_link.get(candidate.link_key) if candidate.link_key else None
        if item is None:
            near = recent.near(candidate, source.id)
            item = session.get(Item, near) if near is not None else None
        signals = _signals(candidate, now)
        if item is None:
            item = _story_of(session, recent, batch, signals)
        if item is not None:
            if _other_language(item, candidate):
                attached = _attach_translation(item, candidate, replace=False)
                session.add(
                    _origin(item, source, candidate, platform, reply_to, now, candidate.language)
                )
                if attached:
                    report.translated.append(item)
                else:
                    report.merged.append(item)
                continue
            session.add(_origin(item, source, candidate, platform, reply_to, now))
            report.merged.append(item)
            continue
        item = _new_item(source, candidate, now)
        if member_id is not None:
            item.member_id = member_id
        session.add(item)
        session.add(_origin(item, source, candidate, platform, reply_to, now))
        if candidate.link_key:
            by_link[candidate.link_key] = item
        created.append(item)
        created_from.append(candidate)
        batch.append(item, signals)
    session.flush()  # one flush for the batch: ids for the new items
    for item, candidate in zip(created, created_from, strict=True):
        if candidate.image_alt and item.image_url and item.image_url == candidate.image_url:
            offer_alt(session.connection(), item.id, item.image_url, candidate.image_alt)
    for item in created:
        recent.add(item.id, source.id, item.title, item.summary_text)
        report.created.append(item)
        if source.trusted and settings is not None:
            from hub.core.bus.router import approve_item

            approve_item(session, item, settings, by=f"trusted:{source.key}", now=now)
            report.approved.append(item)
    for item, signals in batch.entries():
        recent.add_story(item.id, signals)
    if settings is not None:
        from hub.core.bus.router import route_item

        for item in dict.fromkeys(report.translated):
            if item.status == "approved":  # channels of the new language get it now
                route_item(session, item, settings, now=now)
    session.flush()
    return report


def _signals(candidate: Candidate, now: dt.datetime) -> StorySignals:
    return StorySignals.of(
        language=candidate.language,
        link_key=candidate.link_key,
        title=candidate.title,
        text=candidate.summary_text,
        image_url=candidate.image_url,
        alternates=candidate.alternates,
        published_at=candidate.published_at or now,
    )


class _Batch:
    """The items created by this batch (no ids yet) and their story signals."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.signals: list[StorySignals] = []
        self.index = StoryIndex()

    def append(self, item: Item, signals: StorySignals) -> None:
        self.index.add(len(self.items), signals)
        self.items.append(item)
        self.signals.append(signals)

    def entries(self) -> list[tuple[Item, StorySignals]]:
        return list(zip(self.items, self.signals, strict=True))


def _story_of(
    session: Session, recent: RecentItems, batch: _Batch, signals: StorySignals
) -> Item | None:
    """The item (stored, or new in this batch) a candidate with ``signals`` translates."""
    found_here = batch.index.find(signals)
    if found_here is not None:
        return batch.items[found_here[0]]
    found = recent.stories().find(signals)
    return session.get(Item, found[0]) if found is not None else None


def _other_language(item: Item, candidate: Candidate) -> bool:
    return bool(candidate.language and item.language and candidate.language != item.language)


def _attach_translation(item: Item, candidate: Candidate, *, replace: bool) -> bool:
    """Make ``candidate`` the item's text in its language; False when the item has that
    language already and ``replace`` is off (a second copy in that language is one more
    origin, nothing more), or when it has it from a person (never overwritten).

    The translation's topics, countries and regions join the item's: routes read them.
    """
    language = candidate.language or ""
    existing = next((t for t in item.translations if t.language == language), None)
    if existing is not None and (not replace or existing.content_hash is None):
        return False
    if existing is None:
        existing = ItemTranslation(language=language, title=candidate.title)
        item.translations.append(existing)
    existing.title = candidate.title
    existing.summary_html = candidate.summary_html
    existing.summary_text = candidate.summary_text
    existing.content_hash = candidate.content_hash
    existing.link = candidate.link
    for name in ("tags", "countries", "regions"):
        have = list(getattr(item, name) or [])
        extra = [value for value in getattr(candidate, name) if value not in have]
        if extra:
            setattr(item, name, have + extra)
    if candidate.image_url and not item.image_url:
        item.image_url = candidate.image_url
    return True


def _update_translation(item: Item, language: str, candidate: Candidate) -> bool:
    """An edit of an entry that is the item's translation: update that translation."""
    existing = next((t for t in item.translations if t.language == language), None)
    if existing is not None and existing.content_hash in (None, candidate.content_hash):
        return False  # unchanged, or a person's translation that the feed does not overwrite
    if candidate.language and candidate.language != language:
        candidate = dataclass_replace(candidate, language=language)
    return _attach_translation(item, candidate, replace=True)


def _items_by_link(session: Session, keys: list[str]) -> dict[str, Item]:
    """The oldest item for each of these normalised links (one query per 500 links)."""
    found: dict[str, Item] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 500):
        query = (
            select(Item)
            .where(Item.link_key.in_(unique[start : start + 500]))
            .order_by(Item.id.desc())
        )
        for item in session.scalars(query):
            if item.link_key:
                found[item.link_key] = item  # descending ids: the oldest wins
    return found


def fingerprints(session: Session, source_id: int, limit: int = 1000) -> dict[str, str]:
    """External id -> fingerprint of the entries ``source`` published last (to skip re-work).

    The newest ``limit`` are enough: a feed carries at most 500 entries, its
    newest ones; an older entry that comes back is simply cleaned again.
    """
    own = case(
        (ItemOrigin.language.is_(None), Item.content_hash), else_=ItemTranslation.content_hash
    )
    query = (
        select(ItemOrigin.external_id, own)
        .join(Item, Item.id == ItemOrigin.item_id)
        .outerjoin(
            ItemTranslation,
            (ItemTranslation.item_id == ItemOrigin.item_id)
            & (ItemTranslation.language == ItemOrigin.language),
        )
        .where(ItemOrigin.source_id == source_id)
        .order_by(ItemOrigin.id.desc())
        .limit(limit)
    )
    return {external_id: digest for external_id, digest in session.execute(query) if digest}


def _known_origins(session: Session, source_id: int, ids: list[str]) -> dict[str, ItemOrigin]:
    found: dict[str, ItemOrigin] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(ItemOrigin).where(
            ItemOrigin.source_id == source_id, ItemOrigin.external_id.in_(chunk)
        )
        found.update({origin.external_id: origin for origin in session.scalars(query)})
    return found


def _update_if_edited(item: Item, candidate: Candidate) -> bool:
    if item.content_hash == candidate.content_hash:
        return False
    item.title = candidate.title
    item.summary_html = candidate.summary_html
    item.summary_text = candidate.summary_text
    item.content_hash = candidate.content_hash
    if candidate.language:
        item.language = candidate.language
    if candidate.image_url:
        item.image_url = candidate.image_url
    return True


def _new_item(source: Source, candidate: Candidate, now: dt.datetime) -> Item:
    return Item(
        source_id=source.id,
        member_id=source.member_id,
        title=candidate.title,
        link=candidate.link,
        link_key=candidate.link_key,
        summary_html=candidate.summary_html,
        summary_text=candidate.summary_text,
        image_url=candidate.image_url,
        language=candidate.language,
        tags=list(candidate.tags),
        countries=list(candidate.countries),
        regions=list(candidate.regions),
        status="pending",
        content_hash=candidate.content_hash,
        published_at=candidate.published_at,
        created_at=now,
        updated_at=now,
    )


def _origin(
    item: Item,
    source: Source,
    candidate: Candidate,
    platform: str | None,
    reply_to: str | None,
    now: dt.datetime,
    language: str | None = None,
) -> ItemOrigin:
    return ItemOrigin(
        language=language,
        item=item,
        source_id=source.id,
        external_id=candidate.external_id,
        platform=platform or source.kind,
        reply_to=reply_to,
        seen_at=now,
    )
