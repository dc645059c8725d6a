"""The URLs Mastodon counts as 23: twitter-text's own conformance cases.

Each case is from twitter-text's conformance/extract.yml (the ``urls`` and
``urls_with_indices`` sections), limited to what Mastodon asks of the
extractor: URLs with a protocol (``extract_url_without_protocol: false`` in
Mastodon's app/validators/status_length_validator.rb). URLs written without
a protocol are never counted as URLs by Mastodon, so the conformance cases
that expect them expect nothing here.
"""

from __future__ import annotations

import pytest

from bots.mastodon.standin import countable_length
from bots.mastodon.urls import urls_with_protocol

CONFORMANCE = [
    ("lone", "http://example.com", ["http://example.com"]),
    ("after-text", "text http://google.com", ["http://google.com"]),
    ("empty-fragment", "text http://foobar.com/#", ["http://foobar.com/#"]),
    (
        "fragment-query",
        "text http://google.com/#search?q=iphone%20-filter%3Alinks",
        ["http://google.com/#search?q=iphone%20-filter%3Alinks"],
    ),
    ("port", "text http://somehost.com:3000", ["http://somehost.com:3000"]),
    ("tilde-plus-percent", "text http://xo.com/~matthew+%ff-x", ["http://xo.com/~matthew+%ff-x"]),
    (
        "inner-punctuation",
        "text http://xo.com/~matthew+%ff-,.;x",
        ["http://xo.com/~matthew+%ff-,.;x"],
    ),
    (
        "balanced-parens",
        "text http://en.wikipedia.org/wiki/Primer_(film)",
        ["http://en.wikipedia.org/wiki/Primer_(film)"],
    ),
    ("unicode-domain", "text http://✪df.ws/ejp", ["http://✪df.ws/ejp"]),
    ("one-letter-domain", "text http://x.com/oneletterdomain", ["http://x.com/oneletterdomain"]),
    (
        "parens-then-path",
        "text http://msdn.microsoft.com/ja-jp/library/system.net.httpwebrequest(v=VS.100).aspx",
        ["http://msdn.microsoft.com/ja-jp/library/system.net.httpwebrequest(v=VS.100).aspx"],
    ),
    ("underscore-in-domain", "text http://domain-dash_2314352345_dfasd.foo-cow_4352.com", []),
    ("leading-dash", "text http://-dash_2314352345_dfasd.foo-cow_4352.com", []),
    ("no-tld", "text http://no-tld", []),
    ("tld-too-short", "text http://tld-too-short.x", []),
    ("after-paren", "(http://twitter.com", ["http://twitter.com"]),
    (
        "hyphenated-tld",
        "text http://domain.com-that-you-should-have-put-a-space-after",
        ["http://domain.com"],
    ),
    ("query-then-fragment", "text http://foo.com?#foo text", ["http://foo.com?#foo"]),
    (
        "path-ends-plus-or-dash",
        "Go to http://example.com/a+ or http://example.com/a-",
        ["http://example.com/a+", "http://example.com/a-"],
    ),
    (
        "cyrillic-path",
        "Go to http://twitter.com/Русские_слова",
        ["http://twitter.com/Русские_слова"],
    ),
    ("minimal", "test http://a.b.cd", ["http://a.b.cd"]),
    ("trailing-dash-subdomain", "test http://trailingdash-.twitter.com", []),
    ("underscore-tld", "test http://twitter.c_o_m", []),
    (
        "period-then-slash",
        "test http://www.foo.com/foo/path-with-period./",
        ["http://www.foo.com/foo/path-with-period./"],
    ),
    ("no-final-period", "test http://twitter.com/.", ["http://twitter.com/"]),
    (
        "many-trailing-periods",
        "Test http://example.com/path.........................",
        ["http://example.com/path"],
    ),
    (
        "many-trailing-commas",
        "Test http://example.com/,,,,,,,,,,,,,,,,,,,,,,,,",
        ["http://example.com/"],
    ),
    (
        "many-trailing-bangs",
        "Test http://example.com/path/!!!!!!!!!!!!!!!!!!!!!",
        ["http://example.com/path/"],
    ),
    ("in-hashtag-or-mention", "#http://test.com @http://test.com", []),
    ("tco-apostrophe", "I really like http://t.co/pbY2NfTZ's website", ["http://t.co/pbY2NfTZ"]),
    ("tco-colon", "According to http://t.co/ulYGBYSo: the internet", ["http://t.co/ulYGBYSo"]),
    ("after-dollar", "$http://twitter.com $http://t.co/abcde", []),
    (
        "cjk-around",
        "http://twitter.com/これは日本語です。example.com中国語http://t.co/abcde한국",
        ["http://twitter.com/", "http://t.co/abcde"],
    ),
    (
        "idn-tlds",
        "test http://foobar.みんな/ http://foobar.中国/ http://foobar.پاکستان/ ",
        ["http://foobar.みんな/", "http://foobar.中国/", "http://foobar.پاکستان/"],
    ),
    ("punycode", "test http://xn--ls8h.XN--ls8h.la/", ["http://xn--ls8h.XN--ls8h.la/"]),
    ("without-protocol", "foo.com t.co/abcde ELPAÍS.com", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CONFORMANCE], ids=[c[0] for c in CONFORMANCE]
)
def test_twitter_text_conformance(text: str, expected: list[str]) -> None:
    found = urls_with_protocol(text)
    assert [url.url for url in found] == expected
    assert all(text[url.start : url.end] == url.url for url in found)


def test_indices_are_code_points() -> None:
    [found] = urls_with_protocol("皆さん見てください！ http://google.com")
    assert (found.start, found.end) == (11, 28)


# Mastodon's StatusLengthValidator: graphemes, each URL 23, @user@domain as @user.
LENGTHS = [
    ("plain", "héllo", 5),
    ("url-is-23", "see https://oidp.net/" + "a" * 200, 4 + 23),
    ("trailing-period-counts", "see https://oidp.net/a.", 4 + 23 + 1),
    ("unknown-tld-counts-whole", "see https://oidp.unknowntld/" + "a" * 40, 4 + 24 + 40),
    ("no-protocol-counts-whole", "see oidp.net/" + "a" * 40, 4 + 9 + 40),
    ("mention-domain-dropped", "hi @alice@example.social", 3 + 6),
    ("graphemes", "👩‍👩‍👧 ok", 4),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LENGTHS], ids=[c[0] for c in LENGTHS]
)
def test_standin_counts_like_mastodon(text: str, expected: int) -> None:
    assert countable_length(text) == expected
