"""Feed bytes -> candidate items, with every problem recorded in words.

The bytes pass :func:`hub.core.ingest.xmlguard.check_xml` first, then feedparser
parses them from a stream (never a URL or a path: feedparser would fetch the
one and open the other). feedparser's own HTML sanitiser and relative-URI
pass are turned off: :mod:`hub.core.ingest.sanitise` does both with a stricter
allow-list, and skipping them roughly halves the parse time (see
``hub bench feeds``). A feed feedparser can still read despite being
ill-formed (its "bozo" flag) is used and the problem recorded; one it cannot
read raises :class:`FeedError`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import feedparser

from hub.core.ingest.errors import FeedError
from hub.core.ingest.identity import bounded, content_hash, normalise_link
from hub.core.ingest.picture_alt import MediaTexts, clean_alt, html_images, media_texts
from hub.core.ingest.sanitise import absolute_url, clean_summary, clean_title, usable_base
from hub.core.ingest.xmlguard import check_xml

FUTURE_TOLERANCE = dt.timedelta(days=2)
OLDEST = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
MAX_ENTRIES = 500


@dataclass
class Candidate:
    """One entry, cleaned, ready to be deduplicated and stored."""

    external_id: str
    title: str
    link: str | None
    link_key: str | None
    summary_html: str
    summary_text: str
    published_at: dt.datetime | None
    content_hash: str
    image_url: str | None = None
    image_alt: str = ""
    """The feed's own description of the picture (Media RSS, or the ``<img alt>``)."""
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)
    """Links to the same entry in other languages (``rel="alternate"`` with ``hreflang``)."""
    unchanged: bool = False
    """True when the source published exactly this entry before: only the id is filled in."""


@dataclass
class ParsedFeed:
    """A feed's title and link, its candidates, and what was wrong with it."""

    title: str
    link: str | None
    version: str
    candidates: list[Candidate]
    problems: list[str]


_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def _describe_unreadable(data: bytes, exc: object) -> FeedError:
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if not data.strip():
        return FeedError("empty", "empty: the server sent an empty body")
    if _HTML_START.match(head):
        return FeedError("not_a_feed", "not a feed: the address serves an HTML page")
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in head[:512])
    if printable < 0.8 * min(len(head), 512) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FeedError("not_a_feed", "not a feed: the body is binary data, not XML")
    detail = f" ({exc})" if exc else ""
    return FeedError("unreadable", f"unreadable: not a feed feedparser can read{detail}")


def _problem_words(exc: object) -> str:
    name = type(exc).__name__
    if name == "CharacterEncodingOverride":
        return f"wrong declared encoding: {exc}"
    if name == "CharacterEncodingUnknown":
        return f"unknown encoding: {exc}"
    if name == "NonXMLContentType":
        return f"served with a non-XML content type: {exc}"
    return f"ill-formed XML, read anyway: {exc}"


def parse_feed(
    data: bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    now: dt.datetime,
    known: Mapping[str, str] | None = None,
) -> ParsedFeed:
    """Parse ``data`` (the body fetched from ``url``) into cleaned candidates.

    ``known`` maps the external ids this source published before to their
    fingerprints: an entry that has not changed since is not cleaned again
    and comes back as an ``unchanged`` candidate (most entries of a feed
    that changed are old ones).
    """
    if not data.strip():
        raise FeedError("empty", "empty: the server sent an empty body")
    check_xml(data)
    # No content-location: feedparser would resolve guids against it, and a moved feed
    # would then change every identity. Links are resolved by the sanitiser instead.
    headers = {"content-type": content_type or "application/xml"}
    try:
        result = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser can fail on corrupt input (a mangled encoding name)
        raise FeedError("unreadable", f"unreadable: feedparser failed ({exc})") from None
    version = result.get("version") or ""
    entries = result.get("entries") or []
    problems: list[str] = []
    if result.get("bozo"):
        trouble = result.get("bozo_exception")
        if not version and not entries:
            raise _describe_unreadable(data, trouble)
        problems.append(_problem_words(trouble))
    if not version and not entries:
        raise _describe_unreadable(data, None)
    feed = result.get("feed") or {}
    base = usable_base(feed.get("link")) or usable_base(url)
    if len(entries) > MAX_ENTRIES:
        problems.append(f"{len(entries)} entries: only the first {MAX_ENTRIES} were read")
    candidates = []
    seen: set[str] = set()
    media = media_texts(data, len(entries)) or []
    for position, entry in enumerate(entries[:MAX_ENTRIES]):
        texts = media[position] if position < len(media) else MediaTexts()
        candidate = _candidate(entry, base, now, problems, position, known or {}, texts)
        if candidate is None:
            continue
        if candidate.external_id in seen:  # one entry published twice under one id
            problems.append(
                f"entry {position + 1}: the same id as an earlier entry "
                f"({candidate.external_id[:60]!r}); read once"
            )
            continue
        seen.add(candidate.external_id)
        candidates.append(candidate)
    return ParsedFeed(
        title=clean_title(feed.get("title") or ""),
        link=feed.get("link"),
        version=version,
        candidates=candidates,
        problems=problems,
    )


def _entry_html(entry: Any, folded: frozenset[str] = frozenset()) -> str:
    """The entry's body: its content, else its summary. A ``media:description`` that
    feedparser folded into ``content`` (``folded``) describes a picture, not the entry."""
    for content in entry.get("content") or []:
        value = str(content.get("value") or "")
        if value and not (folded and clean_alt(value) in folded):
            return value
    return str(entry.get("summary") or entry.get("description") or "")


def _xml_base(entry: Any) -> str | None:
    """The ``xml:base`` in force for the entry's HTML, if the feed declared one."""
    for detail in [*(entry.get("content") or []), entry.get("summary_detail") or {}]:
        base = usable_base(detail.get("base"))
        if base:
            return base
    return None


def _entry_date(
    entry: Any, now: dt.datetime, problems: list[str], label: str
) -> dt.datetime | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        parsed = entry.get(f"{key}_parsed")
        if parsed is None:
            problems.append(f"{label}: unreadable date {raw[:60]!r}, left empty")
            return None
        try:
            moment = dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
        except (OverflowError, ValueError, OSError):
            problems.append(f"{label}: impossible date {raw[:60]!r}, left empty")
            return None
        if moment > now + FUTURE_TOLERANCE:
            problems.append(f"{label}: date {raw[:60]!r} is in the future, left empty")
            return None
        if moment < OLDEST:
            problems.append(f"{label}: date {raw[:60]!r} is implausibly old, left empty")
            return None
        return moment
    return None


def _image(entry: Any) -> str | None:
    for media in entry.get("media_thumbnail") or entry.get("media_content") or []:
        if usable_base(media.get("url")):
            return str(media["url"])
    for link in entry.get("links") or []:
        is_image = str(link.get("type", "")).startswith("image/")
        if link.get("rel") == "enclosure" and is_image and usable_base(link.get("href")):
            return str(link["href"])
    return None


def _picture(
    entry: Any, raw_html: str, base: str | None, media: MediaTexts, title: str
) -> tuple[str | None, str]:
    """The entry's picture and its alt text from the feed: the Media RSS picture or the
    enclosure (described by Media RSS, else by the ``<img alt>`` of the same picture in
    the entry's HTML), else the first picture of the entry's HTML with its alt."""
    in_html = html_images(raw_html, base)
    url = _image(entry)
    if url is None:
        return in_html[0] if in_html else (None, "")
    alt = media.alt_for(url, title)
    if not alt:
        alt = next((said for found, said in in_html if found == url and said), "")
    return url, alt


def _links(entry: Any, base: str | None) -> tuple[str | None, list[str]]:
    """The entry's own link and its links to other language versions.

    feedparser makes ``entry.link`` the last ``rel="alternate"`` link; when some carry
    an ``hreflang``, the entry's own is the first alternate without one.
    """
    own: str | None = None
    alternates: list[str] = []
    for link in entry.get("links") or []:
        href = str(link.get("href") or "")
        if not href or link.get("rel", "alternate") != "alternate":
            continue
        if link.get("hreflang"):
            alternate = absolute_url(base, href)
            if alternate:
                alternates.append(alternate)
        elif own is None:
            own = absolute_url(base, href)
    raw_link = str(entry.get("link") or "")
    if own is None and raw_link:
        own = absolute_url(base, raw_link)
    return own, [a for a in alternates if a != own]


def _candidate(
    entry: Any,
    base: str | None,
    now: dt.datetime,
    problems: list[str],
    position: int,
    known: Mapping[str, str],
    media: MediaTexts,
) -> Candidate | None:
    link, alternates = _links(entry, base)
    raw_title, raw_html = str(entry.get("title") or ""), _entry_html(entry, media.folded)
    # The fingerprint of the entry as its source published it: a change means an edit.
    fingerprint = content_hash(raw_title, raw_html, link or "", str(_image(entry)))
    link_key = normalise_link(link)
    guid = " ".join(str(entry.get("id") or "").split())
    early_id = (
        bounded("guid:" + guid) if guid else bounded("link:" + link_key) if link_key else None
    )
    if early_id is not None and known.get(early_id) == fingerprint:
        label = f"entry {position + 1}"
        return Candidate(
            external_id=early_id,
            title="",
            link=link,
            link_key=link_key,
            summary_html="",
            summary_text="",
            published_at=_entry_date(entry, now, problems, label),
            content_hash=fingerprint,
            unchanged=True,
        )
    title = clean_title(raw_title)
    # Relative links in the HTML: against xml:base, else the article (the HTML was
    # usually copied from its page), else the feed.
    summary = clean_summary(raw_html, _xml_base(entry) or link or base)
    label = f"entry {position + 1}" + (f" ({title[:40]!r})" if title else "")
    if not title and not summary.text and not link:
        problems.append(f"{label}: no title, text or link; skipped")
        return None
    if not title:
        title = clean_title(summary.text, 120) or (link or "untitled")
    external_id = early_id or "hash:" + content_hash(title, summary.text)
    image_url, image_alt = _picture(entry, raw_html, _xml_base(entry) or link or base, media, title)
    return Candidate(
        external_id=external_id,
        title=title,
        link=link,
        link_key=link_key,
        summary_html=summary.html,
        summary_text=summary.text,
        published_at=_entry_date(entry, now, problems, label),
        content_hash=fingerprint,
        image_url=image_url,
        image_alt=image_alt,
        alternates=alternates,
    )
