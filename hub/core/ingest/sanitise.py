"""Cleaning text that came from outside: allow-list HTML, plain text, capped titles.

Member and feed HTML is reduced to a small allow-list with nh3 (the Rust
ammonia sanitiser): no scripts, styles, iframes, forms or event handlers, and
only ``http``, ``https`` and ``mailto`` URLs survive (nh3 decodes entities
first, so ``jav&#x61;script:`` is caught). Relative links are resolved
against the feed's base URL and every link gets ``rel="noopener noreferrer"``.
The plain-text version keeps paragraphs; titles and summaries are capped at
a word boundary.

Since only the first few hundred characters of a title and the first 1,500
of a summary are kept, only a bounded head of each is cleaned: a hostile
feed's 30-million-character title, or HTML nested 100,000 deep (the HTML
parser's cost grows with the square of the depth), would otherwise cost
seconds for text that is thrown away.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import nh3

# Left unformatted (fmt: skip): the tags read as a paragraph; one a line is 37 lines.
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q",
        "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr",
        "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})

TITLE_LIMIT = 200
SUMMARY_LIMIT = 1500
TITLE_SOURCE = 16 * 1024  # characters of a raw title that are read
SUMMARY_SOURCE = 256 * 1024  # characters of a summary's raw HTML that are sanitised
SUMMARY_SOURCE_TAGS = 4000  # ...and tags: the sanitiser's cost grows with nesting squared

# Bidi embeddings/overrides/isolates and marks, zero-width characters, BOM.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HOST = re.compile(r"(?:[^@/\s\x00-\x1f\x7f<>\"'`\\]+@)?[\w.\-\[\]:]+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_START_TAG = re.compile(r"<[A-Za-z]")


@lru_cache(maxsize=256)
def _cleaner(base_url: str | None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        url_relative=("rewrite_with_base", base_url) if base_url else "deny",
    )


def usable_base(url: str | None) -> str | None:
    """``url`` if it can serve as a base for relative links (absolute http/https)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and _HOST.fullmatch(parts.netloc):
        return url.strip()
    return None


def absolute_url(base: str | None, href: str) -> str | None:
    """``href`` made absolute against ``base``, if the result is a usable http(s) URL."""
    try:
        return usable_base(urljoin(base, href) if base else href)
    except ValueError:  # e.g. a malformed IPv6 host
        return None


_SPOOFING = re.compile("[\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""In HTML: bidi embeddings, overrides and isolates (they reorder what a reader sees, as
in "Trojan Source"), zero-width spaces and joiners-of-words, the BOM. Kept: ZWJ and ZWNJ
(emoji sequences, Persian and Indic scripts) and the LRM/RLM marks (right-to-left text)."""


def clean_html(fragment: str, base_url: str | None = None) -> str:
    """``fragment`` reduced to the allow-list, links absolute against ``base_url``.

    Without a usable base, relative URLs are dropped rather than left dangling.
    """
    if not fragment:
        return ""
    fragment = _CONTROL.sub("", fragment)
    try:
        cleaner = _cleaner(usable_base(base_url))
    except ValueError:  # a base the URL library refuses (odd host): drop relative links
        cleaner = _cleaner(None)
    # after cleaning too: the cleaner turns &#x202E; into the character itself
    return _SPOOFING.sub("", cleaner.clean(fragment)).strip()


_BLOCKS = frozenset(
    {"p", "div", "blockquote", "pre", "table", "tr", "ul", "ol", "figure", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer"}
)
_DROPPED = DROPPED_WITH_CONTENT | {"head", "title", "noscript"}


class _TextCollector(HTMLParser):
    """Walks HTML and keeps its text, with blank lines between blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "hr":
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(_SPACES.sub(" ", data.replace("\n", " ")))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment; paragraphs separated by one blank line."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return tidy_text(fragment)
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return tidy_text("".join(collector.parts))


_TAG_RE = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")


def _tag_as_text(match: re.Match[str]) -> str:
    closing, name = match.group(1), match.group(2).lower()
    if name in _BLOCKS:
        return "\n\n"
    if name == "br":
        return "\n"
    if name == "li" and not closing:
        return "\n- "
    if name in ("td", "th") and not closing:
        return " "
    return ""


def sanitised_to_text(safe_html: str) -> str:
    """The text of HTML that :func:`clean_html` produced (a fast path: no parser needed).

    Only valid for the sanitiser's output: it is well-formed, quotes every
    attribute and has no script or style content left.
    """
    if "<" not in safe_html and "&" not in safe_html:
        return tidy_text(safe_html)
    text = _TAG_RE.sub(_tag_as_text, safe_html.replace("\n", " "))
    return tidy_text(html.unescape(text))


def tidy_text(text: str) -> str:
    """Invisible and control characters removed, spaces collapsed, at most one blank line."""
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def cap(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" \n,;:.-") + "…"


def clean_title(raw: str, limit: int = TITLE_LIMIT) -> str:
    """A title as one line of plain text: tags and entities resolved, invisibles removed."""
    raw = raw[: max(TITLE_SOURCE, limit * 20)]
    text = html_to_text(raw) if ("<" in raw or "&" in raw) else raw
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    text = " ".join(text.split())
    return cap(text, limit)


def summary_source(fragment: str) -> str:
    """The head of ``fragment`` worth sanitising for a summary (see the module's note).

    At most :data:`SUMMARY_SOURCE` characters and :data:`SUMMARY_SOURCE_TAGS`
    tags; the sanitiser closes whatever the cut leaves open.
    """
    fragment = fragment[:SUMMARY_SOURCE]
    for number, match in enumerate(_START_TAG.finditer(fragment), start=1):
        if number > SUMMARY_SOURCE_TAGS:
            return fragment[: match.start()]
    return fragment


@dataclass(frozen=True)
class CleanSummary:
    """A summary as safe HTML and as plain text."""

    html: str
    text: str


def clean_summary(
    fragment: str, base_url: str | None = None, limit: int = SUMMARY_LIMIT
) -> CleanSummary:
    """Sanitised HTML and its text; when too long, both are rebuilt from the capped text."""
    safe = clean_html(summary_source(fragment), base_url)
    text = sanitised_to_text(safe)
    if len(text) <= limit:
        return CleanSummary(safe, text)
    text = cap(text, limit)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    rebuilt = "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
    return CleanSummary(rebuilt, text)
