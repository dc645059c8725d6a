"""Storing candidates: one item per story, however many places it came from.

Three kinds of sameness, checked in order for each candidate:

1. the same origin: ``(source, external_id)`` already has an :class:`ItemOrigin`.
   Nothing new; if the source changed the entry (its fingerprint,
   ``content_hash``), the item is updated in place.
2. the same link: another item has the same normalised link.
3. the same text: an item from another source, seen within
   :data:`NEAR_WINDOW`, whose title and text are near-identical
   (rapidfuzz ratio >= :data:`NEAR_RATIO`).

In cases 2 and 3 the candidate becomes one more origin of that item. Only a
genuinely new story creates an :class:`Item`: approved at once (through the
router, so its deliveries are written in the same transaction) when the
source is trusted, else left ``pending`` for the secretariat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.ingest.parse import Candidate
from hub.core.models import Item, ItemOrigin, Source

NEAR_RATIO = 92.0
NEAR_WINDOW = dt.timedelta(days=14)
NEAR_TEXT = 400
TITLE_RATIO = 60.0
TITLE_SHORTLIST = 20
RECENT_LIMIT = 5000


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

    def load(self, session: Session) -> None:
        if self.loaded:
            return
        rows = session.execute(
            select(Item.id, Item.source_id, Item.title, Item.summary_text)
            .where(Item.created_at >= self.since)
            .order_by(Item.id.desc())
            .limit(RECENT_LIMIT)
        )
        for item_id, source_id, title, text in rows:
            self.add(item_id, source_id, title, text or "")
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
    for candidate in fresh:
        origin = known.get(candidate.external_id)
        if origin is not None:
            if _update_if_edited(origin.item, candidate):
                report.updated.append(origin.item)
            else:
                report.unchanged += 1
            continue
        item = by_link.get(candidate.link_key) if candidate.link_key else None
        if item is None:
            near = recent.near(candidate, source.id)
            item = session.get(Item, near) if near is not None else None
        if item is not None:
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
    session.flush()  # one flush for the batch: ids for the new items
    for item in created:
        recent.add(item.id, source.id, item.title, item.summary_text)
        report.created.append(item)
        if source.trusted and settings is not None:
            from hub.core.bus.router import approve_item

            approve_item(session, item, settings, by=f"trusted:{source.key}", now=now)
            report.approved.append(item)
    session.flush()
    return report


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
    query = (
        select(ItemOrigin.external_id, Item.content_hash)
        .join(Item, Item.id == ItemOrigin.item_id)
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
) -> ItemOrigin:
    return ItemOrigin(
        item=item,
        source_id=source.id,
        external_id=candidate.external_id,
        platform=platform or source.kind,
        reply_to=reply_to,
        seen_at=now,
    )
