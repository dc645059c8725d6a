"""The Teams formatter: one Adaptive Card within 28 KB that the stand-in's checks (from
Microsoft's documented card message) accept; nothing for edits and retractions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.limits import TEAMS
from bots.teams.format import encoded, escape_markdown, payload, requests_for
from bots.teams.standin import Refused, _check_card
from hub.core.ports import Message


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {"delivery_id": 3, "kind": "item", "title": "Award 2027"}
    return Message(**(base | fields))


def accepted(body: dict[str, Any]) -> dict[str, Any]:
    [attachment] = body["attachments"]
    try:
        _check_card(attachment["content"])
    except Refused as exc:
        pytest.fail(f"Teams would refuse it: {exc.text}")
    content: dict[str, Any] = attachment["content"]
    return content


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a*b_c", "a\\*b\\_c"),
        ("[x](y)", "\\[x\\](y)"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "\\1. not a list"),
        ("<at>x</at>", "\\<at\\>x\\</at\\>"),
    ],
)
def test_member_markdown_is_escaped(text: str, shown: str) -> None:
    assert escape_markdown(text) == shown


def test_an_item_is_a_card_with_title_text_tags_picture_and_read_more() -> None:
    message = item(
        html="<p>Apply <b>now</b>, <a href='https://oidp.net/x'>here</a></p>",
        link="https://oidp.net/c",
        image_url="https://oidp.net/p.png",
        tags=("award",),
        language="fr",
    )
    card = accepted(payload(message))
    kinds = [element["type"] for element in card["body"]]
    assert kinds == ["TextBlock", "TextBlock", "TextBlock", "Image"]
    assert card["body"][1]["text"] == "Apply **now**, [here](https://oidp.net/x)"
    assert card["body"][2]["text"] == "\\#award"
    assert card["actions"] == [
        {"type": "Action.OpenUrl", "title": "Lire la suite", "url": "https://oidp.net/c"}
    ]


def test_edits_and_retractions_make_no_request() -> None:
    assert requests_for(item(edit_of="teams-1")) == []
    assert requests_for(item(kind="retraction", edit_of="teams-1")) == []


def test_an_empty_item_still_makes_a_card_teams_takes() -> None:
    card = accepted(payload(item(title="")))
    assert card["body"] == [{"type": "TextBlock", "text": "…", "wrap": True}]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=3000), title=st.text(max_size=600))
def test_any_item_fits_28_kb_and_is_accepted(text: str, title: str) -> None:
    body = payload(item(title=title, text=text, link="https://oidp.net/c"))
    assert len(encoded(body)) <= TEAMS.payload_bytes
    accepted(body)


def test_a_very_long_item_of_wide_characters_is_cut_to_28_kb() -> None:
    message = item(text="participación 🇪🇸 *_[]< " * 5000)
    body = payload(message)
    assert len(encoded(body)) <= TEAMS.payload_bytes
    assert accepted(body)["body"][1]["text"].endswith("…")
    # with a smaller room the text is cut further, never the card's frame
    small = replace(TEAMS, payload_bytes=3000)
    assert len(encoded(payload(message, small))) <= 3000
