"""Fetching items' pictures once, through the SSRF guard, and storing them clean.

An item's ``image_url`` (a feed's enclosure or ``media:content``, a member's
upload or link) names a server a stranger chose. :class:`PictureFetcher` fetches
each such URL once with :func:`hub.core.ingest.fetch.fetch` and a
:class:`~hub.core.ingest.netguard.NetGuard` (the same rebinding-proof connection,
deadline, size cap and redirect limit as member feeds), hands the bytes to
:func:`hub.core.pictures.prepare` (Pillow: an image by its bytes, no bomb, no
EXIF) and stores the result in ``item_pictures``, or the reason there is none.
Either way the row exists, so the URL is not fetched again unless the item's
``image_url`` changes. Sinks read the stored bytes; no platform is ever given a
URL the hub has not checked.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import cast

import httpx
from sqlalchemy import Connection, Engine, Table, and_, delete, insert, or_, select, update

from hub.core.clock import Clock, clock_of
from hub.core.config.settings import Settings
from hub.core.ingest.errors import FetchError
from hub.core.ingest.fetch import FetchLimits, fetch
from hub.core.ingest.link_picture import LinkPicture, NoLinkPicture, link_picture
from hub.core.ingest.netguard import NetGuard
from hub.core.models import Item, ItemPicture, PictureUpload, Source
from hub.core.pictures import PictureRefused, prepare
from hub.core.ports import Picture

log = logging.getLogger(__name__)
items = cast("Table", Item.__table__)
pictures = cast("Table", ItemPicture.__table__)
uploads = cast("Table", PictureUpload.__table__)
sources = cast("Table", Source.__table__)

MEMBER_SOURCES = ("web", "slack", "telegram", "mailbox")
"""The kinds of source a member submits through: their links' pages may name a picture."""

PICTURE_ACCEPT = "image/jpeg, image/png, image/webp, image/gif;q=0.8, image/*;q=0.5"
PICTURE_LIMITS = FetchLimits(deadline_seconds=20.0, max_bytes=20 * 1024 * 1024, max_redirects=3)
"""A picture may be up to 20 MB as fetched (the re-encoded copy is much smaller)."""


@dataclass(frozen=True)
class Outcome:
    """What became of one item's picture: stored (with its size) or refused (why)."""

    item_id: int
    url: str
    picture: Picture | None = None
    error: str | None = None


def _reason(exc: FetchError) -> str:
    if exc.kind == "too_large":
        return (
            f"too large: the picture is bigger than the "
            f"{PICTURE_LIMITS.max_bytes // (1024 * 1024)} MB the hub fetches"
        )
    return exc.reason


async def fetch_picture(
    client: httpx.AsyncClient,
    url: str,
    guard: NetGuard,
    *,
    alt: str = "",
    limits: FetchLimits = PICTURE_LIMITS,
) -> Picture:
    """The picture at ``url``, fetched through ``guard`` and prepared; PictureRefused
    (fetch failures included) says why not."""
    try:
        fetched = await fetch(client, url, limits=limits, guard=guard, accept=PICTURE_ACCEPT)
    except FetchError as exc:
        raise PictureRefused(f"could not fetch the picture: {_reason(exc)}") from None
    return await asyncio.to_thread(prepare, fetched.body, alt)


def picture_guard(allow_private: Sequence[str] = ()) -> NetGuard:
    """The SSRF guard for pictures: public addresses, and ``[hub] picture_allow_private``."""
    return NetGuard.from_blocks(allow_private)


def picture_fetcher(
    client: httpx.AsyncClient, settings: Settings | None, clock: Clock | None = None
) -> PictureFetcher:
    """The deployment's picture fetcher (its guard allows ``[hub] picture_allow_private``);
    without ``clock``, on the clock of the engine it stores through (or its poller's)."""
    allow = settings.hub.picture_allow_private if settings is not None else ()
    return PictureFetcher(client, picture_guard(allow), clock)


def pending(
    conn: Connection, limit: int, urls: Sequence[str] | None = None
) -> list[tuple[int, str, str]]:
    """Items whose ``image_url`` has no stored outcome yet (or a different URL's):
    (id, URL, title), newest first; only those with one of ``urls`` when given."""
    query = (
        select(items.c.id, items.c.image_url, items.c.title)
        .select_from(items.outerjoin(pictures, pictures.c.item_id == items.c.id))
        .where(
            items.c.image_url.is_not(None),
            items.c.image_url != "",
            or_(
                pictures.c.item_id.is_(None),
                pictures.c.source_url != items.c.image_url,
                and_(pictures.c.data.is_(None), pictures.c.error.is_(None)),  # alt given first
            ),
        )
        .order_by(items.c.id.desc())
        .limit(limit)
    )
    if urls is not None:
        query = query.where(items.c.image_url.in_(list(urls)))
    return [(row.id, row.image_url, row.title) for row in conn.execute(query)]


def links_to_read(conn: Connection, limit: int) -> list[tuple[int, str]]:
    """Members' submissions with a link but no picture whose link's page has not been read
    for one yet (or was read for another link): (id, link), newest first. Declined and
    retracted items are left alone."""
    query = (
        select(items.c.id, items.c.link)
        .select_from(
            items.join(sources, sources.c.id == items.c.source_id).outerjoin(
                pictures, pictures.c.item_id == items.c.id
            )
        )
        .where(
            sources.c.kind.in_(MEMBER_SOURCES),
            or_(items.c.image_url.is_(None), items.c.image_url == ""),
            items.c.link.is_not(None),
            items.c.link != "",
            items.c.status.not_in(("declined", "retracted")),
            or_(
                pictures.c.item_id.is_(None),
                and_(pictures.c.data.is_(None), pictures.c.source_url != items.c.link),
            ),
        )
        .order_by(items.c.id.desc())
        .limit(limit)
    )
    return [(row.id, row.link) for row in conn.execute(query)]


def set_alt(conn: Connection, item_id: int, url: str, alt: str) -> None:
    """Give the item's picture its alt text (the submitter's, a moderator's), before or
    after the picture itself is fetched."""
    alt = alt.strip()
    found = conn.execute(select(pictures.c.source_url).where(pictures.c.item_id == item_id)).first()
    if found is None:
        conn.execute(
            insert(pictures).values(item_id=item_id, source_url=url, alt=alt, fetched_at=None)
        )
    else:
        conn.execute(update(pictures).where(pictures.c.item_id == item_id).values(alt=alt))


def offer_alt(conn: Connection, item_id: int, url: str, alt: str) -> None:
    """Give the item's picture the feed's own description, unless it has alt text
    already (a submitter's or a moderator's words are kept)."""
    alt = alt.strip()
    if not alt:
        return
    found = conn.execute(
        select(pictures.c.alt, pictures.c.source_url).where(pictures.c.item_id == item_id)
    ).first()
    if found is None or (not found.alt and found.source_url == url):
        set_alt(conn, item_id, url, alt)


def store(conn: Connection, outcome: Outcome, now: dt.datetime) -> None:
    """Write ``outcome`` as the item's picture row (replacing an older URL's, keeping the
    alt text given to the item)."""
    kept_alt = conn.scalar(select(pictures.c.alt).where(pictures.c.item_id == outcome.item_id))
    conn.execute(delete(pictures).where(pictures.c.item_id == outcome.item_id))
    picture = outcome.picture
    conn.execute(
        insert(pictures).values(
            item_id=outcome.item_id,
            source_url=outcome.url,
            data=picture.data if picture else None,
            mime=picture.mime if picture else None,
            width=picture.width if picture else None,
            height=picture.height if picture else None,
            alt=(picture.alt if picture else "") or kept_alt or "",
            error=outcome.error,
            fetched_at=now,
        )
    )


@dataclass
class PictureFetcher:
    """Fetches and stores the pictures of items that have none yet, a few at a time."""

    client: httpx.AsyncClient
    guard: NetGuard
    clock: Clock | None = None
    """The hub's clock; None: the clock of the engine it stores through
    (:func:`hub.core.clock.clock_of`), or its poller's when a poller runs it."""
    batch: int = 20
    concurrency: int = 4
    links: bool = True
    """Read members' links' pages for a picture (``og:image``) when they sent none."""

    async def one(self, item_id: int, url: str) -> Outcome:
        try:
            picture = await fetch_picture(self.client, url, self.guard)
        except PictureRefused as exc:
            return Outcome(item_id, url, error=str(exc))
        except Exception as exc:  # a bug in one picture must not stop the others
            log.exception("picture of item %d failed unexpectedly", item_id)
            return Outcome(item_id, url, error=f"internal error: {exc}")
        return Outcome(item_id, url, picture=picture)

    async def ahead(self, engine: Engine, urls: Sequence[str]) -> dict[str, Outcome]:
        """The pictures at ``urls`` (new feed entries'), fetched before their items are
        stored, so that a trusted source's item is approved with its picture already there
        (a worker may send it the moment it is committed). URLs the hub already holds a
        picture or a refusal for are not fetched again."""
        wanted = list(dict.fromkeys(url for url in urls if url))
        if not wanted:
            return {}
        done = or_(pictures.c.data.is_not(None), pictures.c.error.is_not(None))
        with engine.connect() as conn:
            known = set(
                conn.scalars(
                    select(pictures.c.source_url).where(pictures.c.source_url.in_(wanted), done)
                )
            )
        todo = [url for url in wanted if url not in known][: self.batch]
        gate = asyncio.Semaphore(self.concurrency)

        async def gated(url: str) -> Outcome:
            async with gate:
                return await self.one(0, url)

        return {o.url: o for o in await asyncio.gather(*(gated(url) for url in todo))}

    def store_ahead(self, conn: Connection, fetched: dict[str, Outcome], now: dt.datetime) -> int:
        """Store pictures fetched :meth:`ahead` for the items that now have those URLs (in
        the transaction that stores the items); returns how many."""
        if not fetched:
            return 0
        rows = pending(conn, 10 * len(fetched) + 10, urls=list(fetched))
        for item_id, url, _title in rows:
            store(conn, replace(fetched[url], item_id=item_id), now)
        return len(rows)

    async def read_links(self, engine: Engine, item_ids: set[int] | None = None) -> int:
        """Give members' submissions that have a link but no picture the picture their
        link's page names (``og:image``, :mod:`hub.core.ingest.link_picture`) as their
        ``image_url``, with its ``og:image:alt``; a page that gives none is remembered
        with the reason, as a refused picture is. Returns how many links were read."""
        with engine.connect() as conn:
            todo = links_to_read(conn, self.batch * 50 if item_ids else self.batch)
        if item_ids is not None:
            todo = [row for row in todo if row[0] in item_ids]
        todo = todo[: self.batch]
        if not todo:
            return 0
        gate = asyncio.Semaphore(self.concurrency)

        async def gated(link: str) -> LinkPicture | str:
            async with gate:
                try:
                    return await link_picture(self.client, link, self.guard)
                except NoLinkPicture as exc:
                    return str(exc)
                except Exception as exc:  # one page's bug must not stop the others
                    log.exception("reading the picture of link %s failed unexpectedly", link)
                    return f"internal error: {exc}"

        found = await asyncio.gather(*(gated(link) for _, link in todo))
        now = (self.clock or clock_of(engine))()
        with engine.begin() as conn:
            for (item_id, link), result in zip(todo, found, strict=True):
                # the item may have been given a picture or another link meanwhile
                still = conn.scalar(
                    select(items.c.id).where(
                        items.c.id == item_id,
                        items.c.link == link,
                        or_(items.c.image_url.is_(None), items.c.image_url == ""),
                    )
                )
                if still is None:
                    continue
                if isinstance(result, str):
                    store(conn, Outcome(item_id, link, error=result), now)
                    continue
                conn.execute(
                    update(items)
                    .where(items.c.id == item_id)
                    .values(image_url=result.url, updated_at=now)
                )
                conn.execute(delete(pictures).where(pictures.c.item_id == item_id))
                if result.alt:
                    set_alt(conn, item_id, result.url, result.alt)
        return len(todo)

    async def collect(self, engine: Engine, item_ids: set[int] | None = None) -> list[Outcome]:
        """Fetch the pictures still missing (only ``item_ids``' when given) and store them,
        members' links' pictures (:meth:`read_links`) included."""
        if self.links:
            await self.read_links(engine, item_ids)
        with engine.connect() as conn:
            todo = pending(conn, self.batch * 50 if item_ids else self.batch)
        if item_ids is not None:
            todo = [row for row in todo if row[0] in item_ids]
        todo = todo[: self.batch]
        if not todo:
            return []
        gate = asyncio.Semaphore(self.concurrency)

        async def gated(item_id: int, url: str) -> Outcome:
            async with gate:
                return await self.one(item_id, url)

        outcomes = await asyncio.gather(*(gated(i, url) for i, url, _ in todo))
        now = (self.clock or clock_of(engine))()
        with engine.begin() as conn:
            for outcome in outcomes:
                # the URL may have changed while fetching: store only what is still wanted
                still = conn.scalar(
                    select(items.c.id).where(
                        and_(items.c.id == outcome.item_id, items.c.image_url == outcome.url)
                    )
                )
                if still is not None:
                    store(conn, outcome, now)
        return list(outcomes)


def item_pictures(
    conn: Connection, item_ids: set[int]
) -> tuple[dict[int, Picture], dict[int, str]]:
    """Of ``item_ids``, the stored pictures (alt text defaulting to the item's title) and
    the items whose current picture was refused, with the reason (their posts go as text,
    and their deliveries say why), in one query: a worker asks for both with every claim."""
    if not item_ids:
        return {}, {}
    query = (
        select(
            pictures.c.item_id,
            pictures.c.data,
            pictures.c.mime,
            pictures.c.width,
            pictures.c.height,
            pictures.c.alt,
            pictures.c.error,
            items.c.title,
        )
        .join(items, items.c.id == pictures.c.item_id)
        .where(pictures.c.item_id.in_(item_ids), pictures.c.source_url == items.c.image_url)
    )
    stored: dict[int, Picture] = {}
    refused: dict[int, str] = {}
    for row in conn.execute(query):
        if row.data is None:
            refused[row.item_id] = row.error or "refused"
            continue
        alt = (row.alt or row.title or "").strip()
        stored[row.item_id] = Picture(
            bytes(row.data), row.mime, row.width, row.height, alt, item_id=row.item_id
        )
    return stored, refused


def load_pictures(conn: Connection, item_ids: set[int]) -> dict[int, Picture]:
    """The stored pictures of ``item_ids`` (those that have one), alt text defaulting to
    the item's title."""
    return item_pictures(conn, item_ids)[0]


def refused_pictures(conn: Connection, item_ids: set[int]) -> set[int]:
    """Of ``item_ids``, those whose current picture was refused (their posts go as text)."""
    return set(item_pictures(conn, item_ids)[1])


@dataclass(frozen=True)
class Uploaded:
    """A platform's own copy of an item's picture: its URL there and its size."""

    url: str
    width: int
    height: int


def known_uploads(conn: Connection, item_ids: set[int], target: str) -> dict[int, Uploaded]:
    """The copies of ``item_ids``' current pictures already uploaded to ``target``."""
    if not item_ids:
        return {}
    query = (
        select(uploads.c.item_id, uploads.c.url, uploads.c.width, uploads.c.height)
        .join(items, items.c.id == uploads.c.item_id)
        .where(
            uploads.c.item_id.in_(item_ids),
            uploads.c.target == target,
            uploads.c.source_url == items.c.image_url,
        )
    )
    return {row.item_id: Uploaded(row.url, row.width, row.height) for row in conn.execute(query)}


def record_upload(
    conn: Connection, item_id: int, target: str, uploaded: Uploaded, now: dt.datetime
) -> None:
    """Remember that ``target`` holds the item's current picture at ``uploaded.url``."""
    source_url = conn.scalar(select(items.c.image_url).where(items.c.id == item_id))
    if not source_url:
        return  # the item lost its picture meanwhile: nothing to remember
    conn.execute(delete(uploads).where(uploads.c.item_id == item_id, uploads.c.target == target))
    conn.execute(
        insert(uploads).values(
            item_id=item_id,
            target=target,
            source_url=source_url,
            url=uploaded.url,
            width=uploaded.width,
            height=uploaded.height,
            uploaded_at=now,
        )
    )


def picture_errors(conn: Connection, item_ids: set[int]) -> dict[int, str]:
    """Of ``item_ids``, those whose current picture was refused, with the reason (their
    posts go as text, and their deliveries say why)."""
    return item_pictures(conn, item_ids)[1]
