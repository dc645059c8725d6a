"""The public news pages: ``/news/`` (approved items, filtered) and ``/news/{id}`` (one item).

Public (no sign-in, no cookies set). The page speaks the language ``?lang=`` names when it
is one of the network's five, else the one the browser prefers; items are chosen by
:mod:`hub.web.public_news`, the feeds' own query, and a retracted item's page answers
410 Gone. The feeds are in :mod:`hub.web.news_feeds`, the archive of newsletters in
:mod:`hub.web.archive_views`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from hub.core.ingest.tags import topic_names
from hub.web import archive_views
from hub.web.feed_text import writable
from hub.web.i18n import MEMBER_LANGUAGES, best_match, current_language, use_language
from hub.web.news_feeds import PATHS, feed_endpoint
from hub.web.page import Console
from hub.web.public_news import PAGE_SIZE, NewsFilter, in_language, public_item, published, when
from hub.web.security import CONTENT_SECURITY_POLICY

PUBLIC_POLICY = CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' https:")
"""The console's policy, with items' pictures from their own sites."""


def page_language(request: Request) -> str:
    """``?lang=`` when it is a members' language, else the browser's choice among them."""
    asked = request.query_params.get("lang", "").strip().lower()
    if asked in MEMBER_LANGUAGES:
        return asked
    return best_match(request.headers.get("accept-language"), MEMBER_LANGUAGES)


def render_public(
    console: Console, request: Request, template: str, status: int = 200, **context: Any
) -> Response:
    """A public page in :func:`page_language`, with the console's look and no cookie."""
    with use_language(page_language(request), MEMBER_LANGUAGES):
        body = console.templates.get_template(template).render(
            hub_name=console.settings.hub.network_name(current_language()),
            path=request.url.path,
            **context,
        )
    headers = {"cache-control": "public, max-age=60", "content-security-policy": PUBLIC_POLICY}
    # a lone surrogate kept in a row (an item's tags) would fail the page's UTF-8 encoding
    return HTMLResponse(writable(body), status_code=status, headers=headers)


def _public(
    build: Callable[[Console, Request, Session], Response],
) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        console: Console = request.app.state.console

        def run() -> Response:
            with Session(console.engine) as session:
                return build(console, request, session)

        return await run_in_threadpool(run)

    endpoint.__name__ = build.__name__
    return endpoint


def _news_list(console: Console, request: Request, session: Session) -> Response:
    wanted = NewsFilter.read(dict(request.query_params), console.settings.hub.languages)
    before = request.query_params.get("before", "")
    older_than = int(before) if before.isdigit() and len(before) <= 18 else None
    items = published(session, wanted, limit=PAGE_SIZE + 1, before=older_than)
    more = len(items) > PAGE_SIZE
    shown = [in_language(item, wanted.lang) for item in items[:PAGE_SIZE]]
    query = wanted.query
    return render_public(
        console,
        request,
        "news.html",
        entries=shown,
        when=when,
        wanted=wanted,
        query=query,
        feeds={kind: path + (f"?{query}" if query else "") for kind, path in PATHS.items()},
        languages=console.settings.hub.languages,
        topics=sorted(topic_names()),
        older=items[PAGE_SIZE - 1].id if more else None,
    )


def _news_item(console: Console, request: Request, session: Session) -> Response:
    item_id = int(request.path_params["item_id"])
    item = public_item(session, item_id) if item_id < 2**63 else None
    if item is None:
        return render_public(console, request, "news_missing.html", status=404, gone=False)
    if item.status == "retracted":
        return render_public(console, request, "news_missing.html", status=410, gone=True)
    wanted = request.query_params.get("lang", "")
    shown = in_language(item, wanted if wanted in console.settings.hub.languages else "")
    others = sorted({t.language for t in item.translations} | {item.language or ""} - {""})
    return render_public(
        console, request, "news_item.html", entry=shown, when=when(item), others=others
    )


def routes() -> list[Mount]:
    """``/news/...`` and ``/archive/...``: mounts, so the console's page tests leave them to
    their own tests (they are members' pages in the reader's language)."""
    news: list[BaseRoute] = [
        Route("/", _public(_news_list), methods=["GET"]),
        Route("/feed.xml", feed_endpoint("rss"), methods=["GET"]),
        Route("/atom.xml", feed_endpoint("atom"), methods=["GET"]),
        Route("/feed.json", feed_endpoint("json"), methods=["GET"]),
        Route("/{item_id:int}", _public(_news_item), methods=["GET"]),
    ]
    archive: list[BaseRoute] = [
        Route("/", _public(archive_views.archive_list), methods=["GET"]),
        Route("/{edition_id:int}", _public(archive_views.archive_edition), methods=["GET"]),
    ]
    return [Mount("/news", routes=news), Mount("/archive", routes=archive)]
