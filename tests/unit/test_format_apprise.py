"""The Apprise formatter: a title and a plain-text body, the link and tags after the text."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.apprise.format import notification, requests_for
from bots.limits import APPRISE
from hub.core.ports import Message


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {"delivery_id": 3, "kind": "item", "title": "Award 2027"}
    return Message(**(base | fields))


def test_html_becomes_plain_text_then_link_and_tags() -> None:
    found = notification(
        item(html="<p>Apply <b>now</b> &amp; win</p>", link="https://oidp.net/c", tags=("a",))
    )
    assert found == {
        "title": "Award 2027",
        "body": "Apply now & win\n\nhttps://oidp.net/c\n\n#a",
        "body_format": "text",
    }


def test_an_unsafe_link_is_left_out_and_an_empty_item_keeps_its_title() -> None:
    assert notification(item(text="", link="javascript:alert(1)"))["body"] == "Award 2027"


def test_edits_and_retractions_make_no_request() -> None:
    assert requests_for(item(edit_of="apprise-1")) == []
    assert requests_for(item(kind="retraction", edit_of="apprise-1")) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=9000), title=st.text(max_size=600))
def test_any_item_stays_within_the_budget(text: str, title: str) -> None:
    found = notification(item(title=title, text=text))
    assert found["body"].strip() and len(found["title"]) <= 250
    assert len(found["body"]) <= APPRISE.body + 1  # the text's cut, and no link or tags here
