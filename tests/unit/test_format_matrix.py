"""The Matrix formatter: m.text with HTML, m.replace edits and redactions, within one event.

Sizes are checked by the stand-in's own reckoning of the federation event
(bots/matrix/standin.py), from the spec's Size limits, not by the formatter.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bots.limits import MATRIX
from bots.matrix.format import requests_for
from bots.matrix.links import permalink
from bots.matrix.standin import SERVER, MatrixStandIn
from hub.core.ports import ChannelInfo, Message

ROOM = f"!news:{SERVER}"
CHANNEL = ChannelInfo("mx", "matrix", ROOM)
ALLOWED = {"b", "i", "u", "del", "a", "br"}


def item(**fields: Any) -> Message:
    base: dict[str, Any] = {"delivery_id": 3, "kind": "item", "title": "Award 2027"}
    return Message(**(base | fields))


class Balanced(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.seen: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        if tag != "br":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"


def balanced(markup: str) -> set[str]:
    parser = Balanced()
    parser.feed(markup)
    parser.close()
    assert parser.open == []
    return parser.seen


@pytest.mark.parametrize(
    ("message", "path"),
    [
        (item(), "/_matrix/client/v3/rooms/%21news%3Astandin.local/send/m.room.message/hub-3"),
        (
            item(edit_of="$e1"),
            "/_matrix/client/v3/rooms/%21news%3Astandin.local/send/m.room.message/hub-3",
        ),
        (
            item(kind="retraction", edit_of="$e1"),
            "/_matrix/client/v3/rooms/%21news%3Astandin.local/redact/%24e1/hub-3",
        ),
    ],
)
def test_send_edit_and_redact_are_puts_with_the_deliverys_transaction_id(
    message: Message, path: str
) -> None:
    [request] = requests_for(message, CHANNEL)
    assert (request.method, request.path) == ("PUT", path)


def test_an_item_is_bold_linked_title_then_the_text_and_tags() -> None:
    message = item(
        html='<p>Apply <b>now</b> &amp; <a href="https://oidp.net/x">read</a> <i>x</i></p>',
        link="https://oidp.net/c",
        tags=("award", "pb"),
    )
    [request] = requests_for(message, CHANNEL)
    body = request.body
    assert body["formatted_body"] == (
        '<a href="https://oidp.net/c"><b>Award 2027</b></a><br><br>Apply <b>now</b> &amp; '
        '<a href="https://oidp.net/x">read</a> <i>x</i><br><br><i>#award #pb</i>'
    )
    assert body["body"] == "Award 2027\n\nApply now & read x\n\nhttps://oidp.net/c\n\n#award #pb"


def test_member_markup_in_plain_text_is_shown_as_typed() -> None:
    [request] = requests_for(item(title="<script>", text="a <b>b</b> & c"), CHANNEL)
    assert (
        request.body["formatted_body"]
        == "<b>&lt;script&gt;</b><br><br>a &lt;b&gt;b&lt;/b&gt; &amp; c"
    )


def test_an_edit_replaces_the_original_with_a_starred_fallback() -> None:
    [request] = requests_for(item(title="New", edit_of="$orig"), CHANNEL)
    body = request.body
    assert body["m.relates_to"] == {"rel_type": "m.replace", "event_id": "$orig"}
    assert body["m.new_content"]["body"] == "New"
    assert body["body"] == "* New" and body["formatted_body"] == "* <b>New</b>"


def test_a_permalink_is_a_matrix_to_link() -> None:
    assert permalink(CHANNEL, "$abc:standin.local") == (
        "https://matrix.to/#/!news:standin.local/$abc:standin.local"
    )
    assert permalink(ChannelInfo("mx", "matrix", "news"), "$abc") is None


def fits_one_event(message: Message) -> None:
    [request] = requests_for(message, CHANNEL)
    content = request.body
    size = MatrixStandIn()._pdu_size(ROOM, f"@hub:{SERVER}", "m.room.message", content)
    assert size <= MATRIX.event_bytes
    assert balanced(str(content["formatted_body"])) <= ALLOWED
    assert content["msgtype"] == "m.text" and str(content["body"]).strip()


@pytest.mark.parametrize("edit", [None, "$orig"])
def test_a_very_long_item_of_wide_characters_fits_one_event(edit: str | None) -> None:
    fits_one_event(item(text="é🇪🇸👨‍👩‍👧 <&> " * 9000, html="", edit_of=edit))
    fits_one_event(item(html="<p><b>é🇪🇸 &lt;&amp;&gt;</b> x</p>" * 4000, edit_of=edit))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=3000), title=st.text(max_size=300), edit=st.booleans())
def test_any_text_fits_one_event_with_balanced_html(text: str, title: str, edit: bool) -> None:
    fits_one_event(item(title=title, text=text, edit_of="$orig" if edit else None))
