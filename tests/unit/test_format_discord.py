"""The Discord formatter: one embed within Discord's limits, member markdown shown as typed.

The limits are checked by the stand-in's validator (bots/discord/standin.py), whose
rules come from Discord's documentation, not from the formatter.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.discord.demo import markdown_to_html, plain
from bots.discord.format import escape_markdown, render, requests_for
from bots.discord.standin import DiscordError, DiscordStandIn
from bots.limits import DISCORD
from hub.core.ports import ChannelInfo, Message

CHANNEL = ChannelInfo("dc", "discord", "1100")
UNESCAPE = re.compile(r"\\(.)")


def item(**fields: object) -> Message:
    base: dict[str, object] = {"delivery_id": 3, "kind": "item", "title": "Award 2027"}
    return Message(**(base | fields))  # type: ignore[arg-type]


def only_embed(body: dict[str, object]) -> dict[str, Any]:
    embeds = body["embeds"]
    assert isinstance(embeds, list) and len(embeds) == 1
    embed: dict[str, Any] = embeds[0]
    return embed


def accepted(body: dict[str, object]) -> None:
    try:
        DiscordStandIn()._validated(body, partial=False)
    except DiscordError as exc:
        pytest.fail(f"Discord would refuse it: {exc.body}")


@pytest.mark.parametrize(
    ("message", "method", "path"),
    [
        (item(), "POST", "/webhooks/1100/{token}?wait=true"),
        (item(edit_of="77"), "PATCH", "/webhooks/1100/{token}/messages/77"),
        (item(kind="retraction", edit_of="77"), "DELETE", "/webhooks/1100/{token}/messages/77"),
    ],
)
def test_post_edit_and_delete_use_the_webhook_routes(
    message: Message, method: str, path: str
) -> None:
    [request] = requests_for(message, CHANNEL)
    assert (request.method, request.path) == (method, path)
    assert "stand-in-token" not in request.path


def test_a_thread_is_named_in_the_query() -> None:
    [request] = requests_for(item(), ChannelInfo("dc", "discord", "1100", thread_id=42))
    assert request.path.endswith("?wait=true&thread_id=42")


def test_an_item_is_an_embed_with_its_link_picture_and_tags_and_pings_nobody() -> None:
    body = render(
        item(
            html='<p>Vote <a href="https://oidp.net/v">here</a>, <b>@everyone</b>.</p>',
            link="https://oidp.net/a",
            image_url="https://oidp.net/a.jpg",
            tags=("award", "best practice"),
        )
    )
    embed = only_embed(body)
    assert body["allowed_mentions"] == {"parse": []}
    assert embed["title"] == "Award 2027" and embed["url"] == "https://oidp.net/a"
    assert embed["image"] == {"url": "https://oidp.net/a.jpg"}
    assert embed["footer"] == {"text": "#award #best_practice"}
    assert "[here](<https://oidp.net/v>)" in embed["description"]
    assert "**@everyone**" in embed["description"]


def test_a_long_body_is_cut_within_the_description_and_the_total() -> None:
    body = render(
        item(title="T" * 400, text="word " * 3000, tags=tuple(f"t{i}" for i in range(99)))
    )
    embed = only_embed(body)
    assert len(embed["title"]) <= DISCORD.title
    assert embed["description"].endswith("…")
    accepted(body)


def test_a_message_with_nothing_to_show_still_has_content() -> None:
    body = render(item(title="   "))
    assert body.get("content")
    accepted(body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(max_size=400),
    text=st.text(max_size=7000),
    tags=st.lists(st.text(max_size=30), max_size=40),
    link=st.sampled_from([None, "https://oidp.net/x", "javascript:alert(1)"]),
    markup=st.text(alphabet='<>/abipstrong &;"=*_~`|#\n', max_size=400),
)
def test_discord_accepts_whatever_the_formatter_builds(
    title: str, text: str, tags: list[str], link: str | None, markup: str
) -> None:
    body = render(item(title=title, text=text, html=markup, tags=tuple(tags), link=link))
    accepted(body)
    embeds = body.get("embeds") or []
    for embed in embeds:  # type: ignore[attr-defined]
        assert "javascript:" not in str(embed.get("url", ""))


@given(st.text(max_size=300))
def test_escaped_markdown_reads_back_as_typed(text: str) -> None:
    escaped = escape_markdown(text)
    assert UNESCAPE.sub(r"\1", escaped) == text
    assert plain(escaped, []) == (text if text.strip() else "")
    assert "<b>" not in markdown_to_html(escaped)  # **text** typed by a member stays literal
