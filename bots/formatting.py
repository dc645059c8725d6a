"""Pure text helpers shared by every platform formatter.

Platforms count length differently (Telegram in UTF-16 code units, Bluesky in
graphemes, Slack and Mastodon in characters) and escape differently, so the
helpers take a ``cost`` function: what one piece of text costs on the
platform once escaped. It must be additive over graphemes (the cost of a
string is the sum of its graphemes' costs), which holds for every length and
escaping rule used here. Cuts happen only between graphemes, preferably at a
word boundary, so no emoji, flag or accented letter is ever split.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import regex

from bots.i18n import N_, say
from bots.richtext import Run
from hub.core.picture_links import PictureAddress
from hub.core.ports import Message

Cost = Callable[[str], int]
ELLIPSIS = "…"

_GRAPHEME = regex.compile(r"\X")
_READ_MORE = {
    "en": "Read more",
    "es": "Leer más",
    "ca": "Llegir més",
    "fr": "Lire la suite",
    "pt": "Ler mais",
    "it": "Leggi di più",
    "de": "Weiterlesen",
}

_MACHINE_FROM = {
    "en": N_("Machine-translated from English"),
    "es": N_("Machine-translated from Spanish"),
    "fr": N_("Machine-translated from French"),
    "ca": N_("Machine-translated from Catalan"),
    "pt": N_("Machine-translated from Portuguese"),
}
_MACHINE = N_("Machine-translated")


@dataclass(frozen=True)
class MachineMark:
    """What tells readers that no person checked a post's text: the words, in the post's
    language, and the original's page to link them to (None: no safe link)."""

    text: str
    link: str | None


def machine_mark(message: Message) -> MachineMark | None:
    """The mark of a machine-translated message (``message.machine_from`` set), or None.

    Every formatter places it; a translation a person wrote or edited has no mark.
    """
    if not message.machine_from:
        return None
    source = message.machine_from.split("-")[0].lower()
    words = say(message.language, _MACHINE_FROM.get(source, _MACHINE))
    return MachineMark(words, safe_link(message.original_link))


def machine_mark_texts(languages: Sequence[str] = ("en", "es", "fr", "ca", "pt")) -> set[str]:
    """All the words the mark can take in ``languages`` (to find marked posts)."""
    return {say(lang, words) for lang in languages for words in (*_MACHINE_FROM.values(), _MACHINE)}


def graphemes(text: str) -> list[str]:
    """The user-perceived characters of ``text`` (extended grapheme clusters)."""
    found: list[str] = _GRAPHEME.findall(text)
    return found


def grapheme_len(text: str) -> int:
    """How many graphemes ``text`` has (what Bluesky counts)."""
    return len(graphemes(text))


def utf16_len(text: str) -> int:
    """How many UTF-16 code units ``text`` has (what Telegram counts)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def safe_link(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with no spaces or control characters."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) <= len("https://"):
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    return url


def with_hub_picture(message: Message, picture_url: PictureAddress | None) -> Message:
    """``message`` with its ``image_url`` (a stranger's server, which a platform would
    fetch itself) replaced by the public address of the hub's own checked copy, when the
    item has a stored picture and the hub a public address (``[hub] public_url``)."""
    if message.picture is None or picture_url is None:
        return message
    url = picture_url(message.picture)
    return replace(message, image_url=url) if url else message


def fetchable_image(url: str | None) -> str | None:
    """``url`` when a platform's servers can fetch it themselves: https, a name (not an
    address literal, not localhost). Slack refuses the whole message when it cannot
    download an image block's picture, and Discord shows a broken embed."""
    link = safe_link(url)
    if link is None or not link.lower().startswith("https://"):
        return None
    host = (urlsplit(link).hostname or "").lower()
    if not host or host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return link
    return None  # an address literal: private, or at least not a public site's name


def read_more_label(language: str | None) -> str:
    """The link label pointing at the full item, in the channel's language."""
    base = (language or "en").split("-")[0].lower()
    return _READ_MORE.get(base, _READ_MORE["en"])


def cut_prefix(text: str, budget: int, cost: Cost = len) -> str:
    """The longest prefix of ``text`` costing at most ``budget``, ending between words.

    Falls back to a grapheme boundary when the last word boundary would throw
    away more than half of what fits (one very long word or URL). Trailing
    whitespace is dropped.
    """
    if budget <= 0:
        return ""
    kept: list[str] = []
    used = 0
    # The graphemes one at a time (finditer, not graphemes()): a long text is cut after
    # its first ``budget`` or so, not split whole each time (Slack cuts a long body into
    # pieces with this, one prefix after another).
    for match in _GRAPHEME.finditer(text):
        grapheme = match.group()
        used += cost(grapheme)
        if used > budget:
            break
        kept.append(grapheme)
    else:
        return text
    last_space = max((i for i, g in enumerate(kept) if g.isspace()), default=-1)
    if last_space >= len(kept) // 2:
        kept = kept[:last_space]
    return "".join(kept).rstrip()


def shorten(text: str, budget: int, cost: Cost = len, ellipsis: str = ELLIPSIS) -> str:
    """``text`` if it fits ``budget``, else a word-boundary prefix plus ``ellipsis``."""
    if cost(text) <= budget:
        return text
    prefix = cut_prefix(text, budget - cost(ellipsis), cost)
    return prefix + ellipsis if prefix else ""


def fit_runs(
    runs: Sequence[Run],
    budget: int,
    *,
    escape: Callable[[str], str],
    wrap: Callable[[Run, str], str],
    cost: Cost = len,
    ellipsis: str = ELLIPSIS,
) -> tuple[str, bool]:
    """Render ``runs`` into at most ``budget``; returns the markup and whether it was cut.

    ``escape`` turns plain text into the platform's escaped text and ``wrap``
    puts a run's escaped text inside its markup (tags, asterisks, link
    syntax). Each run is rendered whole and closed on its own, so a cut never
    leaves a tag open, an entity halved or a grapheme split.
    """
    pieces: list[str] = []
    used = 0
    for run in runs:
        piece = wrap(run, escape(run.text))
        if used + cost(piece) <= budget:
            pieces.append(piece)
            used += cost(piece)
            continue
        wrapper = cost(wrap(run, "x")) - cost("x")
        room = budget - used - wrapper - cost(ellipsis)
        prefix = cut_prefix(run.text, room, lambda g: cost(escape(g)))
        if prefix.strip():
            pieces.append(wrap(run, escape(prefix)))
        markup = "".join(pieces).rstrip()
        if cost(markup + ellipsis) > budget:  # the rstrip above can only shrink it
            return markup, True
        return markup + ellipsis, True
    return "".join(pieces), False
