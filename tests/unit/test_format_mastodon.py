"""Mastodon formatting: 500 as Mastodon counts (graphemes, every URL 23), no stray mentions."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.formatting import ELLIPSIS, graphemes
from bots.limits import MASTODON
from bots.mastodon.format import URL, WORD_JOINER, requests_for, status_length
from bots.mastodon.standin import countable_length
from hub.core.ports import ChannelInfo, Message

LONG_URL = "https://oidp.net/" + "q" * 60
CHANNEL = ChannelInfo("social", "mastodon", "@iopd@mastodon.social")


def message(**fields: Any) -> Message:
    return Message(**{"delivery_id": 1, "kind": "item", "title": "Title", **fields})


def status(**fields: Any) -> tuple[str, str, dict[str, Any]]:
    [request] = requests_for(message(**fields), CHANNEL)
    if "status" in request.body:
        assert status_length(request.body["status"]) <= MASTODON.status
    return request.method, request.path, request.body


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"html": "<p>A <b>b</b> &amp; c</p>"}, {"status": "Title\n\nA b & c"}),
        ({"language": "pt-BR"}, {"status": "Title", "language": "pt", "visibility": "public"}),
        (
            {"tags": ("open gov", "2027", "Català"), "link": "https://oidp.net/x"},
            {"status": "Title\n\n#open_gov #Català\n\nhttps://oidp.net/x"},
        ),
        ({"text": "ask @ada@x.social"}, {"status": f"Title\n\nask @{WORD_JOINER}ada@x.social"}),
        ({"link": "javascript:alert(1)"}, {"status": "Title"}),
        (
            {"html": '<ul><li><a href="https://oidp.net/a">First</a></li><li>Second</li></ul>'},
            {"status": "Title\n\n• First https://oidp.net/a\n• Second"},
        ),
        (
            {"html": '<p>See <a href="https://oidp.net/a">https://oidp.net/a</a></p>'},
            {"status": "Title\n\nSee https://oidp.net/a"},
        ),
    ],
)
def test_formats(fields: dict[str, Any], expected: dict[str, Any]) -> None:
    _, path, body = status(**fields)
    assert path == "/api/v1/statuses"
    assert {key: body[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("fields", "method", "path"),
    [
        ({"edit_of": "1099"}, "PUT", "/api/v1/statuses/1099"),
        ({"edit_of": "1099", "kind": "retraction"}, "DELETE", "/api/v1/statuses/1099"),
    ],
)
def test_corrections(fields: dict[str, Any], method: str, path: str) -> None:
    assert status(**fields)[:2] == (method, path)


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("abc", 3),
        ("see https://example.org/" + "x" * 200, 4 + 23),
        ("http://a.io and https://c.de", 5 + 2 * 23),
        # twitter-text (Mastodon's status_length_validator.rb): no known TLD, no URL
        ("http://a.b and https://c.d", 26),
        ("see https://oidp.net/a.", 4 + 23 + 1),  # trailing punctuation outside the URL
        ("👨\u200d👩\u200d👧 e\u0301", 3),
    ],
)
def test_status_length_counts_like_mastodon(text: str, length: int) -> None:
    assert status_length(text) == length


def test_long_body_cut_at_a_word_keeps_tags_and_link() -> None:
    link = "https://oidp.net/" + "x" * 300
    _, _, body = status(text="word " * 400, tags=("award",), link=link)
    text = body["status"]
    assert text.endswith(f"#award\n\n{link}")
    assert f"word{ELLIPSIS}" in text
    assert status_length(text) == MASTODON.status - 1 or status_length(text) <= MASTODON.status


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(max_size=300),
    body=st.one_of(
        st.text(max_size=700),
        st.text(min_size=1, max_size=6).map(lambda s: s * 300),
        st.lists(st.sampled_from(["http://a.b ", "https://x.org/" + "y" * 40 + " ", "word "])).map(
            "".join
        ),
        st.lists(
            st.sampled_from([f'<a href="{LONG_URL}">link</a> ', "http", "s://", "<li>", "word "])
        ).map("".join),
    ),
    as_html=st.booleans(),
    tags=st.lists(st.text(max_size=20), max_size=6),
    link=st.one_of(st.none(), st.just("https://oidp.net/" + "z" * 80), st.text(max_size=20)),
)
def test_any_message_fits_mastodon(
    title: str, body: str, as_html: bool, tags: list[str], link: str | None
) -> None:
    fields = {"html" if as_html else "text": body}
    _, _, request = status(title=title, tags=tuple(tags), link=link, **fields)
    text = request["status"]
    assert status_length(text) <= MASTODON.status
    assert countable_length(text) <= MASTODON.status  # the stand-in's count, Mastodon's rules
    assert "".join(graphemes(text)) == text
    for url in URL.findall(text):  # a body link is never cut
        assert not url.startswith("https://oidp.net/q") or url.startswith(LONG_URL)
