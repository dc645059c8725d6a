"""The picture of a member's link: its page's ``og:image`` (and ``og:image:alt``).

A member who sends news with a link but no picture (the web form, the Slack modal,
Telegram, a mail) usually links a page that names its own picture for link previews
(the Open Graph protocol, ogp.me: ``<meta property="og:image" content="...">``, with
``og:image:alt`` describing it). The hub reads that page once, through the same
SSRF-guarded fetcher as pictures (:func:`hub.core.ingest.fetch.fetch` with the picture
:class:`~hub.core.ingest.netguard.NetGuard`: every hop's address checked and pinned),
but only its first :data:`PAGE_LIMITS` ``max_bytes`` (256 KB: the ``<head>`` is at the
top) within 10 s, and parses only the ``<head>`` with lxml's HTML parser (no network,
no entities fetched). The picture found becomes the item's ``image_url`` and goes the
picture's usual way (:class:`hub.core.ingest.pictures.PictureFetcher`); a page that
cannot be read or names no picture leaves the item without one, the reason kept in
``item_pictures`` as for a refused picture.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from lxml import etree, html

from hub.core.ingest.errors import FetchError
from hub.core.ingest.fetch import FetchLimits, fetch
from hub.core.ingest.netguard import NetGuard
from hub.core.ingest.picture_alt import clean_alt
from hub.core.ingest.sanitise import absolute_url

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
PAGE_LIMITS = FetchLimits(
    deadline_seconds=10.0, max_bytes=256 * 1024, max_redirects=3, head_only=True
)
"""The first 256 KB of the page, within 10 s, through at most three redirects."""
HTML_TYPES = ("text/html", "application/xhtml+xml")
IMAGE_KEYS = ("og:image:secure_url", "og:image:url", "og:image")
"""The names of a page's picture, the more specific first (ogp.me, Structured Properties)."""
ALT_KEY = "og:image:alt"


class NoLinkPicture(Exception):
    """Why a link gives no picture (its page could not be read, or names none)."""


@dataclass(frozen=True)
class LinkPicture:
    """The picture a page names for itself, and its description."""

    url: str
    alt: str = ""


def _head(body: bytes) -> bytes:
    """The page up to the end of its ``<head>`` (all of it when there is no end tag)."""
    end = body.lower().find(b"</head")
    return body if end < 0 else body[:end]


def picture_in(body: bytes, page_url: str) -> LinkPicture | None:
    """The ``og:image`` (made absolute against ``page_url``) and ``og:image:alt`` named in
    the ``<head>`` of the page ``body``, or None when it names no http(s) picture."""
    head = _head(body)
    if not head.strip():
        return None
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        document = html.document_fromstring(head, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    found: dict[str, str] = {}
    for meta in document.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in (*IMAGE_KEYS, ALT_KEY) and content and key not in found:
            found[key] = content  # the first of each: a page's own picture comes first
    for key in IMAGE_KEYS:
        url = absolute_url(page_url, found[key]) if key in found else None
        if url is not None:
            return LinkPicture(url, clean_alt(found.get(ALT_KEY, "")))
    return None


async def link_picture(
    client: httpx.AsyncClient, link: str, guard: NetGuard, *, limits: FetchLimits = PAGE_LIMITS
) -> LinkPicture:
    """The picture the page at ``link`` names; NoLinkPicture says why there is none."""
    try:
        page = await fetch(client, link, limits=limits, guard=guard, accept=PAGE_ACCEPT)
    except FetchError as exc:
        reason = f"could not read the link's page for its picture: {exc.reason}"
        raise NoLinkPicture(reason) from None
    kind = (page.content_type or "").split(";")[0].strip().lower()
    if kind and kind not in HTML_TYPES:
        raise NoLinkPicture(f"the link is not a web page ({kind}): no og:image to read")
    found = picture_in(page.body, page.url)
    if found is None:
        raise NoLinkPicture("the link's page names no picture (no og:image in its head)")
    return found
