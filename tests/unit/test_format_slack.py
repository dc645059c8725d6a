"""Slack formatting: a table of cases through one helper, and a property test.

Every output must pass the stand-in's Block Kit checks (at most 50 blocks,
section text at most 3000, header at most 150) and no mrkdwn text may hold
an unescaped ``<``, ``>`` or ``&`` outside Slack's ``<url|text>`` link syntax,
so member text can never become a mention, a ``<!channel>`` or a link.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.limits import SLACK
from bots.slack.format import link, requests_for
from bots.slack.standin import block_problems, blocks_text_size
from hub.core.ports import ChannelInfo, Message

CHANNEL = ChannelInfo("news-slack", "slack", "C0NEWS")
_LINK = re.compile(r"<(https?://|mailto:)[^<>|\s]+\|[^<>]*>|<(https?://)[^<>|\s]+>")
_ENTITY = re.compile(r"&(amp|lt|gt);")


def message(**fields: Any) -> Message:
    return Message(**{"delivery_id": 9, "kind": "item", "title": "Title", **fields})


def mrkdwn_texts(body: dict[str, Any]) -> list[str]:
    """Every mrkdwn string of a request body (the fallback text included)."""
    texts = [body["text"]] if "text" in body else []
    for block in body.get("blocks", []):
        if block.get("text", {}).get("type") == "mrkdwn":
            texts.append(block["text"]["text"])
        texts += [e["text"] for e in block.get("elements", []) if e.get("type") == "mrkdwn"]
    return texts


def assert_safe_mrkdwn(text: str) -> None:
    stripped = _ENTITY.sub("", _LINK.sub("", text))
    assert not set(stripped) & set("<>&"), text


def post(channel: ChannelInfo = CHANNEL, **fields: Any) -> tuple[str, dict[str, Any]]:
    """The one request a message becomes: (path, body), after checking blocks and escaping."""
    [request] = requests_for(message(**fields), channel)
    assert block_problems(request.body.get("blocks", [])) == []
    assert blocks_text_size(request.body.get("blocks", [])) <= SLACK.blocks_text
    for text in mrkdwn_texts(request.body):
        assert_safe_mrkdwn(text)
    return request.path, request.body


def section_texts(body: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in body["blocks"] if b["type"] == "section"]


CASES = [
    pytest.param(
        {"title": "Fish & <chips>"},
        {"text": "Fish &amp; &lt;chips&gt;"},
        [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": "Fish & <chips>", "emoji": True},
            }
        ],
        id="header-plain-text-fallback-escaped",
    ),
    pytest.param(
        {"html": "<p>One <strong>two</strong> <em>three</em> <s>four</s></p>"},
        None,
        [{"type": "section", "text": {"type": "mrkdwn", "text": "One *two* _three_ ~four~"}}],
        id="styles-to-mrkdwn",
    ),
    pytest.param(
        {"text": "Hi <!channel> & <@U123> <https://evil|x>"},
        None,
        [
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "Hi &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|x&gt;",
                },
            }
        ],
        id="member-text-cannot-ping-or-link",
    ),
    pytest.param(
        {"html": '<a href="https://x.org/?a=1&amp;b=2|3">the <b>site</b></a>'},
        None,
        [
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "<https://x.org/?a=1&amp;b=2%7C3|the> *<https://x.org/?a=1&amp;b=2%7C3|site>*",
                },
            }
        ],
        id="links-in-slack-syntax",
    ),
    pytest.param(
        {"tags": ("open gov", "Català"), "link": "https://oidp.net/n/1", "language": "ca"},
        {"text": "Title <https://oidp.net/n/1|Llegir més>"},
        [
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "#open_gov #Català"}]},
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": "<https://oidp.net/n/1|Llegir més>"},
            },
        ],
        id="tags-context-and-read-more-in-language",
    ),
    pytest.param(
        {"image_url": "https://oidp.net/p.jpg"},
        None,
        [{"type": "image", "image_url": "https://oidp.net/p.jpg", "alt_text": "Title"}],
        id="image-block",
    ),
]


@pytest.mark.parametrize(("fields", "expected_body", "expected_blocks"), CASES)
def test_formats(
    fields: dict[str, Any], expected_body: dict[str, Any] | None, expected_blocks: list[Any]
) -> None:
    path, body = post(**fields)
    assert path == "/chat.postMessage"
    if expected_body:
        assert {key: body[key] for key in expected_body} == expected_body
    for block in expected_blocks:
        assert block in body["blocks"]


def test_metadata_carries_the_delivery_id() -> None:
    _, body = post()
    assert body["metadata"] == {
        "event_type": "hub_delivery",
        "event_payload": {"delivery_id": 9, "kind": "item"},
    }
    assert body["unfurl_links"] is False


@pytest.mark.parametrize(
    ("fields", "path", "expected"),
    [
        (
            {"edit_of": "C0NEWS:1700.000100"},
            "/chat.update",
            {"channel": "C0NEWS", "ts": "1700.000100"},
        ),
        ({"edit_of": "1700.000100"}, "/chat.update", {"channel": "C0NEWS", "ts": "1700.000100"}),
        (
            {"edit_of": "C9:1700.000100", "kind": "retraction"},
            "/chat.delete",
            {"channel": "C9", "ts": "1700.000100"},
        ),
    ],
)
def test_corrections(fields: dict[str, Any], path: str, expected: dict[str, Any]) -> None:
    got, body = post(**fields)
    assert got == path
    assert {key: body[key] for key in expected} == expected


def test_long_body_is_split_into_sections_and_cut_with_the_link_kept() -> None:
    words = " ".join(f"w{i}&" for i in range(10000))
    _, body = post(text=words, link="https://oidp.net/n/1")
    sections = section_texts(body)
    assert len(sections) > 2
    assert all(len(s) <= SLACK.section_text for s in sections)
    assert sum(len(s) for s in sections[:-1]) <= SLACK.body
    assert sections[-2].endswith("…")
    assert sections[-1] == "<https://oidp.net/n/1|Read more>"


def test_all_blocks_stay_within_slacks_total_text_with_the_rest_behind_the_link() -> None:
    """Slack refuses ``msg_blocks_too_long`` past about 12-13k characters of blocks
    (slackapi/bolt-js#2509); a full body with a long title, tags, image and link
    used to make about 14k."""
    words = " ".join(f"word{i}" for i in range(5000))
    _, body = post(
        title="T" * 400,
        text=words,
        tags=tuple(f"tag{i}" for i in range(400)),
        image_url="https://oidp.net/" + "p" * 2900 + ".jpg",
        link="https://oidp.net/n/" + "x" * 1400,
    )
    assert blocks_text_size(body["blocks"]) <= SLACK.blocks_text_budget
    sections = section_texts(body)
    assert sections[-2].endswith("…")
    assert sections[-1].startswith("<https://oidp.net/n/")


def test_a_grapheme_longer_than_a_section_is_dropped_not_sent() -> None:
    tower = "e" + "\u0301" * 4000
    _, body = post(text=f"before {tower} after")
    assert section_texts(body) == ["before after"]


def test_header_is_cut_to_150_characters() -> None:
    _, body = post(title="word " * 100)
    header = body["blocks"][0]["text"]["text"]
    assert len(header) <= SLACK.header_text and header.endswith("…")


def test_link_helper_keeps_the_syntax_whole() -> None:
    assert link("https://a.b/?x=<1>|2", "a|b <c>") == "<https://a.b/?x=&lt;1&gt;%7C2|a¦b &lt;c&gt;>"


# --- property: anything in, valid Block Kit and safe mrkdwn out -----------------------

# Left unformatted (fmt: skip): the fragments read as a paragraph; one a line runs past 30 lines.
MARKUP = st.sampled_from(
    [
        "<b>", "</b>", "<i>", "<em>", "<s>", "<p>", "</p>", "<br>", "<pre>", "</pre>", "<code>",
        "</code>", "<ul><li>", "<h2>", '<a href="https://x.org/?a=1&amp;b=|2">', "</a>",
        '<a href="javascript:x">', "<!channel>", "<@U1>", "<", ">", "&", "&amp;", "&lt;", "*",
        "_", "`", "|", "👨\u200d👩\u200d👧", "🇪🇸", "e\u0301", "\n\n", " ",
    ]
)  # fmt: skip
HTML = st.lists(st.one_of(st.text(max_size=40), MARKUP), max_size=80).map("".join)
LONG_TEXT = st.one_of(
    st.text(max_size=300), st.text(min_size=1, max_size=8).map(lambda s: s * 2500)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(max_size=300),
    body=st.one_of(HTML, LONG_TEXT),
    as_html=st.booleans(),
    tags=st.lists(st.text(max_size=20), max_size=5),
    link_url=st.one_of(st.none(), st.just("https://oidp.net/n?a=1&b=<2>|3"), st.text(max_size=30)),
    image=st.booleans(),
)
def test_any_message_becomes_valid_blocks_with_safe_mrkdwn(
    title: str, body: str, as_html: bool, tags: list[str], link_url: str | None, image: bool
) -> None:
    fields: dict[str, Any] = {"title": title, "tags": tuple(tags), "link": link_url}
    fields["html" if as_html else "text"] = body
    if image:
        fields["image_url"] = "https://oidp.net/p.jpg"
    _, request_body = post(**fields)  # checks blocks and escaping
    assert len(request_body["blocks"]) <= SLACK.blocks
    assert len(request_body["text"]) <= SLACK.fallback_text
    assert sum(len(s) for s in section_texts(request_body)) <= SLACK.body + SLACK.section_text
