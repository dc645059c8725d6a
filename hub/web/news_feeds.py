"""The approved news as feeds: RSS 2.0, Atom and JSON Feed 1.1, with the news pages' filters.

``/news/feed.xml`` (RSS 2.0), ``/news/atom.xml`` (Atom, RFC 4287) and ``/news/feed.json``
(JSON Feed 1.1, jsonfeed.org/version/1.1) take ``?lang=``, ``?topic=`` and ``?region=``
as ``/news/`` does and hold its :data:`~hub.web.public_news.FEED_SIZE` newest items.
RSS and Atom are written by feedgen. Each entry's id is its page's address, so it stays
the same across edits.

Conditional GET (RFC 9110 section 13): every answer carries an ``ETag`` (a digest of
the format, the filters and each entry's id and last change) and a ``Last-Modified`` (the
latest change among the items the filters choose, retracted ones included). A translation
added, edited or removed moves its item's ``updated_at`` (a flush hook in
:mod:`hub.core.models`), so ``?lang=fr`` changes when the French text does; a request
whose ``If-None-Match`` names the current tag, or without one whose ``If-Modified-Since``
is not older than ``Last-Modified``, gets ``304 Not Modified`` and no body.

Every text is written as :func:`hub.web.feed_text.writable` makes it: a lone surrogate
(kept in a JSON column such as ``tags`` from before the inputs refused it) or a control
character in one item becomes U+FFFD or nothing, instead of failing the whole feed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime

from feedgen.feed import FeedGenerator
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from hub.core.config.settings import Settings
from hub.core.ingest.tags import topic_name
from hub.web.feed_text import writable
from hub.web.page import Console
from hub.web.public_news import (
    FEED_SIZE,
    NewsFilter,
    Shown,
    in_language,
    last_change,
    newest_versions,
    published,
    when,
)

FORMATS = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}
PATHS = {"rss": "/news/feed.xml", "atom": "/news/atom.xml", "json": "/news/feed.json"}


def site_url(settings: Settings, request: Request) -> str:
    """The hub's public address (``hub.public_url``), else the one the request came to."""
    return (settings.hub.public_url or str(request.base_url)).rstrip("/")


@dataclass(frozen=True)
class Feed:
    """What one feed holds, before it is written in a format."""

    site: str
    title: str
    wanted: NewsFilter
    entries: list[Shown]
    changed: dt.datetime | None
    now: dt.datetime

    def address(self, path: str) -> str:
        query = self.wanted.query
        return self.site + path + (f"?{query}" if query else "")

    def page(self, shown: Shown) -> str:
        return f"{self.site}/news/{shown.item.id}"

    @property
    def updated(self) -> dt.datetime:
        return self.changed or self.now


def feed_title(settings: Settings, wanted: NewsFilter) -> str:
    network = settings.hub.network_name(wanted.lang or None)
    parts = [f"{network}: news"]
    if wanted.topic:
        parts.append(topic_name(wanted.topic, wanted.lang or "en"))
    if wanted.region:
        parts.append(wanted.region)
    return " · ".join(parts)


def rss(feed: Feed) -> bytes:
    generator = _generator(feed, "rss")
    body: bytes = generator.rss_str(pretty=True)
    return body


def atom(feed: Feed) -> bytes:
    generator = _generator(feed, "atom")
    body: bytes = generator.atom_str(pretty=True)
    return body


def _generator(feed: Feed, kind: str) -> FeedGenerator:
    generator = FeedGenerator()
    generator.id(writable(feed.address("/news/")))
    generator.title(writable(feed.title))
    generator.link(href=writable(feed.address(PATHS[kind])), rel="self")
    generator.link(href=writable(feed.address("/news/")), rel="alternate")
    generator.description(writable(feed.title))
    generator.language(feed.wanted.lang or None)
    generator.updated(feed.updated)
    generator.lastBuildDate(feed.updated)
    generator.generator("IOPD hub")
    for shown in feed.entries:  # feedgen puts each new entry first unless told to append
        entry = generator.add_entry(order="append")
        page = writable(feed.page(shown))
        entry.id(page)
        entry.guid(page, permalink=True)
        entry.title(writable(shown.title))
        entry.link(href=writable(shown.link or page), rel="alternate")
        if shown.summary_html:  # escaped, never CDATA: "]]>" is text
            entry.content(writable(shown.summary_html), type="html")
        entry.summary(writable(shown.summary_text or shown.title))  # Atom summary, RSS description
        entry.published(when(shown.item))
        entry.updated(shown.item.updated_at)
        for tag in shown.item.tags or []:
            label = topic_name(tag, shown.language or "en")
            entry.category(term=writable(tag), label=writable(label))
    return generator


def json_feed(feed: Feed) -> bytes:
    """JSON Feed 1.1 (jsonfeed.org/version/1.1): a JSON object, no library needed."""
    document: dict[str, object] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.address("/news/"),
        "feed_url": feed.address(PATHS["json"]),
        "items": [
            {
                "id": feed.page(shown),
                "url": feed.page(shown),
                **({"external_url": shown.link} if shown.link else {}),
                "title": shown.title,
                "content_html": shown.summary_html or "",
                "content_text": shown.summary_text or shown.title,
                "date_published": when(shown.item).isoformat(),
                "date_modified": shown.item.updated_at.isoformat(),
                "tags": list(shown.item.tags or []),
                **({"language": shown.language} if shown.language else {}),
                **({"image": shown.item.image_url} if shown.item.image_url else {}),
            }
            for shown in feed.entries
        ],
    }
    if feed.wanted.lang:
        document["language"] = feed.wanted.lang
    # json.dumps escapes control characters; a lone surrogate it writes as it is
    return writable(json.dumps(document, ensure_ascii=False, indent=1)).encode()


WRITERS = {"rss": rss, "atom": atom, "json": json_feed}


def etag_of(
    kind: str, wanted: NewsFilter, site: str, versions: list[tuple[int, dt.datetime]]
) -> str:
    """The feed's tag: its format, filters and address, and each entry's id and last change."""
    digest = hashlib.sha256(f"{kind}?{wanted.query}@{site}".encode())
    for item_id, changed in versions:
        digest.update(f"|{item_id}:{changed.isoformat()}".encode())
    return f'"{digest.hexdigest()[:32]}"'


def not_modified(request: Request, etag: str, changed: dt.datetime | None) -> bool:
    """Whether the client's copy is current (RFC 9110 13.1.2 and 13.1.3)."""
    tags = request.headers.get("if-none-match")
    if tags is not None:
        given = {t.strip().removeprefix("W/") for t in tags.split(",")}
        return "*" in given or etag in given
    since = request.headers.get("if-modified-since")
    if since is None or changed is None:
        return False
    try:
        moment = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if moment.tzinfo is None:
        return False
    return changed.replace(microsecond=0) <= moment


def _validators(
    console: Console, wanted: NewsFilter
) -> tuple[list[tuple[int, dt.datetime]], dt.datetime | None]:
    with Session(console.engine) as session:
        versions = newest_versions(session, wanted, limit=FEED_SIZE)
        return versions, last_change(session, wanted)


def _load(console: Console, wanted: NewsFilter, site: str) -> Feed:
    with Session(console.engine) as session:
        items = published(session, wanted, limit=FEED_SIZE)
        return Feed(
            site=site,
            title=feed_title(console.settings, wanted),
            wanted=wanted,
            entries=[in_language(item, wanted.lang) for item in items],
            changed=last_change(session, wanted),
            now=console.clock(),
        )


def _validator_headers(etag: str, changed: dt.datetime | None) -> dict[str, str]:
    headers = {"etag": etag, "cache-control": "public, max-age=300"}
    if changed is not None:
        headers["last-modified"] = format_datetime(changed.astimezone(dt.UTC), usegmt=True)
    return headers


def feed_endpoint(kind: str) -> Callable[[Request], Awaitable[Response]]:
    """The Starlette endpoint serving the feed in ``kind`` (rss, atom or json)."""

    async def serve(request: Request) -> Response:
        console: Console = request.app.state.console
        wanted = NewsFilter.read(dict(request.query_params), console.settings.hub.languages)
        site = site_url(console.settings, request)
        versions, changed = await run_in_threadpool(_validators, console, wanted)
        etag = etag_of(kind, wanted, site, versions)
        if not_modified(request, etag, changed):
            return Response(status_code=304, headers=_validator_headers(etag, changed))
        feed = await run_in_threadpool(_load, console, wanted, site)
        shown = [(s.item.id, s.item.updated_at) for s in feed.entries]  # as loaded
        headers = _validator_headers(etag_of(kind, wanted, site, shown), feed.changed)
        body = await run_in_threadpool(WRITERS[kind], feed)
        return Response(body, media_type=FORMATS[kind], headers=headers)

    serve.__name__ = f"news_{kind}"
    return serve
