"""Bluesky formatting: 300 graphemes, facets at UTF-8 byte offsets over whole pieces."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.bluesky.format import LINK, TAG, requests_for
from bots.formatting import grapheme_len, graphemes
from bots.limits import BLUESKY
from hub.core.ports import ChannelInfo, Message

CHANNEL = ChannelInfo("sky", "bluesky", "did:plc:iopd")
NOW = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)


def message(**fields: Any) -> Message:
    return Message(**{"delivery_id": 1, "kind": "item", "title": "Title", **fields})


def post(**fields: Any) -> tuple[str, dict[str, Any]]:
    """(path, body) of the one request; checks limits and that every facet is well placed."""
    [request] = requests_for(message(**fields), CHANNEL, now=NOW)
    record = request.body.get("record")
    if record:
        check_record(record)
    return request.path, request.body


def check_record(record: dict[str, Any]) -> None:
    text = record["text"]
    encoded = text.encode("utf-8")
    assert grapheme_len(text) <= BLUESKY.graphemes
    assert len(encoded) <= BLUESKY.text_bytes
    previous_end = 0
    for facet in record.get("facets", []):
        start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
        assert previous_end <= start < end <= len(encoded)
        previous_end = end
        covered = encoded[start:end].decode("utf-8")  # raises if a character is cut
        before = encoded[:start].decode("utf-8")
        assert "".join(graphemes(before)) + "".join(graphemes(covered)) == before + covered
        [feature] = facet["features"]
        if feature["$type"] == TAG:
            assert covered == f"#{feature['tag']}"


def facets(record: dict[str, Any]) -> list[tuple[str, str]]:
    encoded = record["text"].encode("utf-8")
    return [
        (
            encoded[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(),
            f["features"][0].get("uri") or f["features"][0].get("tag"),
        )
        for f in record.get("facets", [])
    ]


def test_post_with_link_facets_tags_and_card() -> None:
    path, body = post(
        html='<p>Olá <a href="https://oidp.net/pt">cidades</a> 🇧🇷</p>',
        tags=("orçamento participativo",),
        link="https://oidp.net/item",
        language="pt",
    )
    assert path == "/xrpc/com.atproto.repo.createRecord"
    assert body["repo"] == "did:plc:iopd" and body["collection"] == "app.bsky.feed.post"
    record = body["record"]
    assert record["text"] == "Title\n\nOlá cidades 🇧🇷\n\n#orçamento_participativo Ler mais"
    assert facets(record) == [
        ("cidades", "https://oidp.net/pt"),
        ("#orçamento_participativo", "orçamento_participativo"),
        ("Ler mais", "https://oidp.net/item"),
    ]
    assert record["facets"][0]["index"] == {"byteStart": 12, "byteEnd": 19}  # "Olá " is 5 bytes
    assert record["langs"] == ["pt"]
    assert record["createdAt"] == "2026-11-22T20:00:00.000Z"
    assert record["embed"]["external"] == {
        "uri": "https://oidp.net/item",
        "title": "Title",
        "description": "Olá cidades 🇧🇷",
    }
    assert record["facets"][-1]["features"][0]["$type"] == LINK


@pytest.mark.parametrize(
    ("fields", "path", "expected"),
    [
        (
            {"edit_of": "at://did:plc:iopd/app.bsky.feed.post/3kabc"},
            "/xrpc/com.atproto.repo.putRecord",
            {"repo": "did:plc:iopd", "rkey": "3kabc"},
        ),
        (
            {"edit_of": "at://did:plc:iopd/app.bsky.feed.post/3kabc", "kind": "retraction"},
            "/xrpc/com.atproto.repo.deleteRecord",
            {"repo": "did:plc:iopd", "rkey": "3kabc", "collection": "app.bsky.feed.post"},
        ),
    ],
)
def test_corrections(fields: dict[str, Any], path: str, expected: dict[str, Any]) -> None:
    got, body = post(**fields)
    assert got == path
    assert {key: body[key] for key in expected} == expected


def test_long_body_is_cut_to_300_graphemes_with_the_link_kept() -> None:
    _, body = post(text="👨\u200d👩\u200d👧 ok " * 200, link="https://oidp.net/x")
    text = body["record"]["text"]
    assert grapheme_len(text) <= BLUESKY.graphemes
    assert "ok…" in text and text.endswith("Read more")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(max_size=200),
    html=st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                ['<a href="https://x.org/é">', "</a>", "<p>", "e\u0301", "🇪🇸", "\u200d", "<b>"]
            ),
        ),
        max_size=60,
    ).map("".join),
    repeat=st.integers(1, 40),
    tags=st.lists(st.text(max_size=70), max_size=6),
    link=st.one_of(st.none(), st.just("https://oidp.net/n"), st.text(max_size=10)),
)
def test_any_message_fits_bluesky_with_sound_facets(
    title: str, html: str, repeat: int, tags: list[str], link: str | None
) -> None:
    post(title=title, html=html * repeat, tags=tuple(tags), link=link, language="en")
