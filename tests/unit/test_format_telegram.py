"""Telegram formatting: a table of cases through one helper, and a property test.

Every output must parse as Telegram HTML with only the tags Telegram accepts
(checked with ``bots.telegram.html.parse(strict=True)``, which also refuses
an unescaped ``&`` or ``>``) and fit the text or caption limit in UTF-16
code units.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.formatting import ELLIPSIS, graphemes, utf16_len
from bots.limits import TELEGRAM
from bots.telegram.format import render, requests_for
from bots.telegram.html import HtmlError, parse
from hub.core.ports import ChannelInfo, Message

CHANNEL = ChannelInfo("news-tg", "telegram", "-1001234567890")


def message(**fields: Any) -> Message:
    return Message(**{"delivery_id": 1, "kind": "item", "title": "Title", **fields})


def post(channel: ChannelInfo = CHANNEL, **fields: Any) -> tuple[str, dict[str, Any]]:
    """The one request a message becomes: (path, body), after checking it is valid HTML."""
    [request] = requests_for(message(**fields), channel)
    for key in ("text", "caption"):
        if key in request.body:
            parse(request.body[key], strict=True)
    return request.path, request.body


CASES = [
    pytest.param(
        {"title": "Fish & <chips>"},
        "/sendMessage",
        {"text": "<b>Fish &amp; &lt;chips&gt;</b>", "parse_mode": "HTML"},
        id="title-escaped-and-bold",
    ),
    pytest.param(
        {"html": "<p>One <strong>two</strong> <em>three</em></p><p>four</p>"},
        "/sendMessage",
        {"text": "<b>Title</b>\n\nOne <b>two</b> <i>three</i>\n\nfour"},
        id="paragraphs-and-styles-mapped",
    ),
    pytest.param(
        {"html": '<a href="https://x.org/?a=1&amp;b=2">x</a><script>alert(1)</script>'},
        "/sendMessage",
        {"text": '<b>Title</b>\n\n<a href="https://x.org/?a=1&amp;b=2">x</a>'},
        id="link-kept-script-dropped",
    ),
    pytest.param(
        {"html": '<a href="javascript:alert(1)">click</a> <h2>Head</h2><ul><li>a</li></ul>'},
        "/sendMessage",
        {"text": "<b>Title</b>\n\nclick\n\n<b>Head</b>\n\n• a"},
        id="unsafe-href-dropped-heading-bold-list-bullets",
    ),
    pytest.param(
        {"text": "plain <text> & more", "tags": ("open gov", "Català", "")},
        "/sendMessage",
        {"text": "<b>Title</b>\n\nplain &lt;text&gt; &amp; more\n\n#open_gov #Català"},
        id="plain-text-escaped-hashtags",
    ),
    pytest.param(
        {"link": "https://oidp.net/a?b=1&c=2", "language": "es"},
        "/sendMessage",
        {"text": '<b>Title</b>\n\n<a href="https://oidp.net/a?b=1&amp;c=2">Leer más</a>'},
        id="read-more-in-channel-language",
    ),
    pytest.param(
        {"image_url": "https://oidp.net/p.jpg", "text": "body"},
        "/sendPhoto",
        {"photo": "https://oidp.net/p.jpg", "caption": "<b>Title</b>\n\nbody"},
        id="photo-with-caption",
    ),
    pytest.param(
        {"edit_of": "42", "text": "fixed"},
        "/editMessageText",
        {"chat_id": -1001234567890, "message_id": 42, "text": "<b>Title</b>\n\nfixed"},
        id="correction-edits-text",
    ),
    pytest.param(
        {"edit_of": "42", "image_url": "https://oidp.net/p.jpg"},
        "/editMessageCaption",
        {"message_id": 42, "caption": "<b>Title</b>"},
        id="correction-of-photo-edits-caption",
    ),
    pytest.param(
        {"edit_of": "42", "kind": "retraction"},
        "/deleteMessage",
        {"chat_id": -1001234567890, "message_id": 42},
        id="retraction-deletes",
    ),
    pytest.param(
        {"html": "<pre>a <b>x</b> &lt; b</pre><code>c</code><blockquote>q</blockquote>"},
        "/sendMessage",
        {
            "text": "<b>Title</b>\n\n<pre>a x &lt; b</pre>\n\n<code>c</code>\n\n"
            "<blockquote>q</blockquote>"
        },
        id="pre-code-quote-without-nesting",
    ),
    pytest.param(
        {"html": '<blockquote>q <a href="https://y.org">l</a> <b>b</b></blockquote>'},
        "/sendMessage",
        {
            "text": "<b>Title</b>\n\n"
            '<blockquote>q <a href="https://y.org">l</a> <b>b</b></blockquote>'
        },
        id="one-quote-around-styled-runs",
    ),
]


@pytest.mark.parametrize(("fields", "path", "expected"), CASES)
def test_formats(fields: dict[str, Any], path: str, expected: dict[str, Any]) -> None:
    got_path, body = post(**fields)
    assert got_path == path
    assert {key: body[key] for key in expected} == expected


def test_forum_topic_sets_message_thread_id() -> None:
    topic = ChannelInfo("forum", "telegram", "-100555", thread_id=7)
    _, body = post(topic)
    assert body["message_thread_id"] == 7


def test_public_username_target_stays_a_string() -> None:
    _, body = post(ChannelInfo("pub", "telegram", "@iopd_news"))
    assert body["chat_id"] == "@iopd_news"


def test_long_text_is_cut_at_a_word_with_the_link_kept() -> None:
    words = " ".join(f"word{i}" for i in range(2000))
    _, body = post(text=words, link="https://oidp.net/item/1", tags=("award",))
    text = body["text"]
    assert utf16_len(text) <= TELEGRAM.text
    shown, _ = parse(text, strict=True)
    body_part = shown.split("\n\n")[1]
    assert body_part.endswith(ELLIPSIS)
    assert body_part.removesuffix(ELLIPSIS).split(" ")[-1].startswith("word")
    assert words.startswith(body_part.removesuffix(ELLIPSIS))
    assert text.endswith('<a href="https://oidp.net/item/1">Read more</a>')
    assert "#award" in text


def test_caption_limit_applies_to_photos() -> None:
    _, body = post(text="é " * 3000, image_url="https://oidp.net/p.jpg")
    assert utf16_len(body["caption"]) <= TELEGRAM.caption
    assert body["caption"].endswith(ELLIPSIS)


def test_family_emoji_and_flags_are_never_split() -> None:
    family = "👨\u200d👩\u200d👧"
    text = (family + "🇪🇸") * 1500
    shown, _ = parse(render(message(title="", text=text), TELEGRAM.text), strict=True)
    kept = graphemes(shown.removesuffix(ELLIPSIS))
    assert set(kept) <= {family, "🇪🇸"}
    assert utf16_len(shown) <= TELEGRAM.text


def test_escapes_are_never_cut_in_half() -> None:
    shown_html = render(message(title="", text="&<>" * 3000), 100)
    parse(shown_html, strict=True)
    assert utf16_len(shown_html) <= 100


# Errors as tdlib's parse_html words them (td/telegram/MessageEntity.cpp), byte offsets
@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<p>x</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("é <b", "Unclosed start tag at byte offset 3"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a href=https://o.org>x</a>", "Unexpected end of name token at byte offset 8"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ('<b ="x">y</b>', 'Empty attribute name in the tag "b" at byte offset 0'),
        ("<tg-emoji emoji-id=x>y</tg-emoji>", "Invalid custom emoji identifier specified"),
    ],
)
def test_telegram_html_parser_refuses_what_telegram_refuses(html: str, error: str) -> None:
    with pytest.raises(HtmlError) as refused:
        parse(html)
    assert str(refused.value) == error


# What tdlib's parse_html accepts though the old stand-in refused it (it invented
# "Can't nest ... inside pre or code" and "Can't find href"): fix_entities drops what
# is nested in code later, an <a> without href links its own text, ';' is optional.
@pytest.mark.parametrize(
    ("html", "text", "entities"),
    [
        ("<pre><b>x</b></pre>", "x", [{"type": "pre", "offset": 0, "length": 1}]),
        (
            "<a>https://o.org</a>",
            "https://o.org",
            [{"type": "text_link", "offset": 0, "length": 13, "url": "https://o.org"}],
        ),
        ("1 &lt 2 &amp;&amp 3 &nbsp; &#x41;", "1 < 2 && 3 &nbsp; A", []),
        ("<b>x</>", "x", [{"type": "bold", "offset": 0, "length": 1}]),
        ("<B CLASS=y >x</b >", "x", [{"type": "bold", "offset": 0, "length": 1}]),
        (
            '<pre><code class="language-python">x</code></pre>',
            "x",
            [{"type": "pre", "offset": 0, "length": 1, "language": "python"}],
        ),
        (
            "<blockquote>a<blockquote>b</blockquote></blockquote>",
            "ab",
            [{"type": "blockquote", "offset": 0, "length": 2}],
        ),
    ],
)
def test_telegram_html_parser_accepts_what_telegram_accepts(
    html: str, text: str, entities: list[dict[str, object]]
) -> None:
    assert parse(html) == (text, entities)


def test_strict_parsing_keeps_the_formatters_own_rules() -> None:
    """Not Telegram's rules: the hub's formatter escapes every & and > and nests nothing
    in code, and the formatter tests hold it to that."""
    for html in ("a & b", "a > b", "<pre><b>x</b></pre>"):
        parse(html)
        with pytest.raises(HtmlError):
            parse(html, strict=True)


def test_telegram_html_parser_gives_utf16_entity_offsets() -> None:
    text, entities = parse('😀 <b>x</b> <a href="https://a.b/?q=1&amp;r=2">l</a>')
    assert text == "😀 x l"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 1},
        {"type": "text_link", "offset": 5, "length": 1, "url": "https://a.b/?q=1&r=2"},
    ]


# --- property: anything in, valid Telegram HTML within the limit out -------------------

# Left unformatted (fmt: skip): the fragments read as a paragraph; one a line runs past 30 lines.
MARKUP = st.sampled_from(
    [
        "<b>", "</b>", "<i>", "</i>", "<em>", "<strong>", "<u>", "<s>", "<p>", "</p>", "<br>",
        "<pre>", "</pre>", "<code>", "</code>", "<blockquote>", "</blockquote>", "<ul><li>",
        "<h1>", '<a href="https://x.org/?a=1&amp;b=<2>">', '<a href="ftp://x">', "</a>",
        "<script>", "</script>", "<", ">", "&", "&amp;", "&lt;", "&nbsp;", "&#128512;",
        "👨\u200d👩\u200d👧", "🇪🇸", "e\u0301", "\n\n", " ", "tg-spoiler", "<tg-spoiler>",
    ]
)  # fmt: skip
HTML = st.lists(st.one_of(st.text(max_size=40), MARKUP), max_size=80).map("".join)
LONG_TEXT = st.one_of(st.text(max_size=300), st.text(min_size=1, max_size=8).map(lambda s: s * 700))
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(
    title=st.text(max_size=300),
    body=st.one_of(HTML, LONG_TEXT),
    as_html=st.booleans(),
    tags=st.lists(st.text(max_size=20), max_size=5),
    link=st.one_of(st.none(), st.just("https://oidp.net/n?a=1&b=2"), st.text(max_size=30)),
    photo=st.booleans(),
)
def test_any_message_becomes_valid_telegram_html_within_limits(
    title: str, body: str, as_html: bool, tags: list[str], link: str | None, photo: bool
) -> None:
    fields: dict[str, Any] = {"title": title, "tags": tuple(tags), "link": link}
    fields["html" if as_html else "text"] = body
    if photo:
        fields["image_url"] = "https://oidp.net/p.jpg"
    [request] = requests_for(message(**fields), CHANNEL)
    key, limit = ("caption", TELEGRAM.caption) if photo else ("text", TELEGRAM.text)
    html = request.body[key]
    assert utf16_len(html) <= limit
    shown, _ = parse(html, strict=True)  # only accepted tags, all closed, all escaped
    assert utf16_len(shown) <= limit


@PROPERTY_SETTINGS
@given(
    text=st.text(alphabet=st.characters(codec="utf-8", blacklist_characters="\r\n"), max_size=3000)
)
def test_shortened_plain_text_is_a_grapheme_prefix_of_the_original(text: str) -> None:
    original = text.strip()
    shown, _ = parse(render(message(title="", text=original), 200), strict=True)
    kept = shown.removesuffix(ELLIPSIS) if shown != original else shown
    assert original.startswith(kept)
    assert "".join(graphemes(original)[: len(graphemes(kept))]) == kept
