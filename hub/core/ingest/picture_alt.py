"""A feed's own description of an entry's picture, as the picture's alt text.

Feeds describe their pictures in Media RSS (www.rssboard.org/media-rss):
``media:description`` ("short description describing the media object") and
``media:title`` on a ``media:content`` or ``media:thumbnail``, on the
``media:group`` holding it, or on the item for all its media; or, when the
picture is in the entry's HTML, the ``<img alt>`` beside it. feedparser keeps
none of them with the picture: it folds ``media:description`` into the entry's
``content`` (where it would pass for the body) and drops ``media:title``. So
:func:`media_texts` reads the Media RSS elements from the feed's bytes once
more (only when the feed declares the namespace), entry by entry in document
order, with lxml's parser refusing entities, DTDs and the network.

Every alt text is cleaned like a title (:func:`~hub.core.ingest.sanitise.clean_title`:
tags and entities resolved, invisibles removed, one line) and capped at
:data:`ALT_LIMIT` characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from lxml import etree

from hub.core.ingest.sanitise import absolute_url, clean_title, usable_base

MRSS = "http://search.yahoo.com/mrss/"
ALT_LIMIT = 1500
"""The longest alt text kept: Mastodon's limit for a media description (the tightest of
the platforms that take one), far above what a picture's description needs."""
SMALL_SIDE = 64
"""An ``<img>`` declared narrower or lower than this is an icon or a tracking pixel, not
the entry's picture."""
_ENTRIES = ("item", "{http://purl.org/rss/1.0/}item", "{http://www.w3.org/2005/Atom}entry")
_MEDIA = (f"{{{MRSS}}}content", f"{{{MRSS}}}thumbnail")


def clean_alt(raw: str) -> str:
    """``raw`` (text or HTML from a feed) as alt text: one line of plain text, capped."""
    return clean_title(raw, ALT_LIMIT) if raw and raw.strip() else ""


@dataclass(frozen=True)
class MediaTexts:
    """One entry's Media RSS words: per picture URL, and for the whole item."""

    by_url: dict[str, str] = field(default_factory=dict)
    item: str = ""
    titles_by_url: dict[str, str] = field(default_factory=dict)
    item_title: str = ""
    folded: frozenset[str] = frozenset()
    """Every ``media:description`` of the entry, cleaned: what feedparser may have put
    in the entry's ``content``."""

    def alt_for(self, url: str, entry_title: str) -> str:
        """The description of the picture at ``url``, else its title (unless it is only
        the entry's own title again)."""
        described = self.by_url.get(url) or self.item
        if described:
            return described
        titled = self.titles_by_url.get(url) or self.item_title
        return "" if clean_alt(entry_title) == titled else titled


def _text(element: etree._Element, name: str) -> str:
    found = element.find(f"{{{MRSS}}}{name}")
    return clean_alt("".join(found.itertext())) if found is not None else ""


def _entry_texts(entry: etree._Element) -> MediaTexts:
    by_url: dict[str, str] = {}
    titles: dict[str, str] = {}
    for media in entry.iter(*_MEDIA):
        url = (media.get("url") or "").strip()
        if not url:
            continue
        described, titled = _text(media, "description"), _text(media, "title")
        parent = media.getparent()
        while parent is not None and parent is not entry and not (described and titled):
            described = described or _text(parent, "description")
            titled = titled or _text(parent, "title")
            parent = parent.getparent()
        if described:
            by_url.setdefault(url, described)
        if titled:
            titles.setdefault(url, titled)
    folded = frozenset(
        clean_alt("".join(found.itertext()))
        for found in entry.iter(f"{{{MRSS}}}description")
        if "".join(found.itertext()).strip()
    )
    return MediaTexts(by_url, _text(entry, "description"), titles, _text(entry, "title"), folded)


def media_texts(data: bytes, entries: int) -> list[MediaTexts] | None:
    """Each entry's Media RSS texts, in document order; None when the feed has none, or
    when its entries cannot be matched one for one with feedparser's ``entries``."""
    if MRSS.encode() not in data:
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None  # feedparser read it loosely; its pictures keep the title as alt
    found = [_entry_texts(entry) for entry in root.iter(*_ENTRIES)]
    return found if len(found) == entries else None


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append({name: value or "" for name, value in attrs})


def _small(image: dict[str, str]) -> bool:
    for side in ("width", "height"):
        value = image.get(side, "").strip().removesuffix("px")
        if value.isdigit() and int(value) < SMALL_SIDE:
            return True
    return False


def html_images(html: str, base: str | None) -> list[tuple[str, str]]:
    """The pictures of an entry's HTML: (absolute URL, cleaned alt), icons and tracking
    pixels (declared under :data:`SMALL_SIDE` pixels) left out."""
    if "<img" not in html.lower():
        return []
    parser = _Images()
    parser.feed(html[:200_000])
    parser.close()
    found = []
    for image in parser.images:
        url = absolute_url(base, image.get("src", "").strip())
        if url and usable_base(url) and not _small(image):
            found.append((url, clean_alt(image.get("alt", ""))))
    return found
