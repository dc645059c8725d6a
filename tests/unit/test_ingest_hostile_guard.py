"""The pre-parse weighing of hostile XML and the bounded sanitising of huge titles and HTML."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.bench.hostile import (
    deep_html_feed,
    deep_nesting_feed,
    entity_title_feed,
    escaped_markup_feed,
    quadratic_blowup_feed,
    tiny_entries_feed,
)
from hub.core.ingest.errors import FeedError
from hub.core.ingest.parse import parse_feed
from hub.core.ingest.sanitise import (
    SUMMARY_SOURCE_TAGS,
    TITLE_LIMIT,
    TITLE_SOURCE,
    clean_summary,
    clean_title,
    summary_source,
)
from hub.core.ingest.xmlguard import MAX_ELEMENTS, check_xml, count_markup
from hub.testing.feedserver import rss

NOW = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("body", "kind", "words"),
    [
        (entity_title_feed(), "unsafe_xml", "quadratic blowup"),
        (quadratic_blowup_feed(), "unsafe_xml", "quadratic blowup"),
        (deep_nesting_feed(), "too_complex", "20,000 XML elements"),
        (tiny_entries_feed(), "too_complex", "20,000 XML elements"),
        (escaped_markup_feed(), "too_complex", "entity references"),
    ],
)
def test_costly_xml_is_refused_before_parsing(body: bytes, kind: str, words: str) -> None:
    # How fast the refusal is, is `hub bench feeds --hostile`'s to measure; here: refused.
    with pytest.raises(FeedError) as refused:
        check_xml(body)
    assert refused.value.kind == kind and words in refused.value.reason


def test_a_small_entity_used_a_few_times_is_still_read() -> None:
    body = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY org "Observatory">\n]>\n'
        b'<rss version="2.0"><channel><title>&org;</title><item><guid>1</guid>'
        b"<title>The &org; meets</title></item></channel></rss>"
    )
    check_xml(body)
    assert parse_feed(body, now=NOW).candidates[0].title == "The Observatory meets"


def test_cdata_markup_does_not_count_as_elements() -> None:
    assert count_markup(deep_html_feed(50_000))[0] < 10
    assert count_markup(b"<a><![CDATA[<b><c>")[0] == 1  # an unclosed CDATA runs to the end
    assert count_markup(b"<a>" * (MAX_ELEMENTS + 50))[0] == MAX_ELEMENTS + 1  # stops counting


def test_a_feed_of_ordinary_size_passes() -> None:
    entries = [(f"g{n}", f"Story {n}", "<p>Text &amp; more.</p>" * 20) for n in range(500)]
    check_xml(rss("Big but fine", entries))


def test_deep_html_is_cut_before_the_sanitiser_and_stays_bounded() -> None:
    deep = "<div>" * 200_000 + "deep"
    assert summary_source(deep).count("<div>") == SUMMARY_SOURCE_TAGS
    summary = clean_summary(deep)
    assert len(summary.text) <= 1500


def test_an_ordinary_summary_is_not_cut() -> None:
    html = "".join(f"<p>Paragraph <b>{n}</b></p>" for n in range(100))
    assert summary_source(html) == html


def test_a_huge_title_is_read_only_at_its_head() -> None:
    huge = "<b>word</b> " * 500_000
    head = huge[: max(TITLE_SOURCE, TITLE_LIMIT * 20)]
    assert len(head) < len(huge) // 100
    # Whatever follows the head changes nothing: only the head reaches the sanitiser.
    assert clean_title(huge + "<i>tail</i>" * 1000) == clean_title(head)
    title = clean_title(huge)
    assert title.startswith("word word") and len(title) <= 200
