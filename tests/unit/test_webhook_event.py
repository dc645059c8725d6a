"""The signed webhook's event and signature, and how HTTP answers become hub errors."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bots.http_errors import error_for, retry_after
from bots.limits import WebhookLimits
from bots.webhook.format import encoded, event, requests_for
from bots.webhook.sink import signature
from hub.core.errors import BadPayload, ChannelGone, Forbidden, RateLimited, TransientError
from hub.core.ports import ChannelInfo, Message

CHANNEL = ChannelInfo("wh", "webhook", "https://intranet.example.org/hooks/iopd?src=hub")
WALL = 1_800_000_000.0


def item(**fields: object) -> Message:
    base: dict[str, object] = {"delivery_id": 9, "kind": "item", "title": "Award", "text": "Body"}
    return Message(**(base | fields))  # type: ignore[arg-type]


def test_created_updated_and_deleted_events_name_the_same_message() -> None:
    created = event(item(), CHANNEL)
    updated = event(item(delivery_id=10, edit_of="hub-9", title="Award (fixed)"), CHANNEL)
    deleted = event(item(delivery_id=11, kind="retraction", edit_of="hub-9"), CHANNEL)
    assert (created["event"], created["id"]) == ("message.created", "hub-9")
    assert (updated["event"], updated["id"], updated["title"]) == (
        "message.updated",
        "hub-9",
        "Award (fixed)",
    )
    assert deleted == {
        "event": "message.deleted",
        "id": "hub-9",
        "delivery_id": 11,
        "channel": "wh",
    }


def test_the_post_goes_to_the_targets_path_and_query() -> None:
    [request] = requests_for(item(), CHANNEL)
    assert (request.method, request.path) == ("POST", "/hooks/iopd?src=hub")


def test_the_signature_is_hmac_sha256_of_timestamp_and_body() -> None:
    body = encoded(event(item(), CHANNEL))
    expected = hmac.new(b"k", b"1800000000." + body, hashlib.sha256).hexdigest()
    assert signature("k", "1800000000", body) == f"sha256={expected}"
    assert signature("other", "1800000000", body) != signature("k", "1800000000", body)


@given(st.text(max_size=5000), st.text(max_size=5000))
def test_an_event_stays_within_its_size(text: str, html: str) -> None:
    limits = WebhookLimits(body_bytes=4096, text=3000)
    body = event(item(text=text * 3, html=html), CHANNEL, limits)
    assert len(encoded(body)) <= 4096 or len(str(body["text"])) <= 1
    assert json.loads(encoded(body))["id"] == "hub-9"


def answer(status: int, **kwargs: object) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("POST", "http://x/"), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (500, TransientError),
        (503, TransientError),
        (408, TransientError),
        (401, Forbidden),
        (403, Forbidden),
        (404, ChannelGone),
        (410, ChannelGone),
        (400, BadPayload),
        (422, BadPayload),
        (301, BadPayload),
    ],
)
def test_statuses_map_to_transient_or_permanent(status: int, kind: type[Exception]) -> None:
    found = error_for(answer(status), "receiver", lambda: WALL)
    assert type(found) is kind


def test_a_429_waits_what_the_server_says() -> None:
    by_body = error_for(answer(429, json={"retry_after": 1.5}), "d", lambda: WALL)
    by_header = error_for(answer(429, headers={"Retry-After": "7"}), "d", lambda: WALL)
    assert isinstance(by_body, RateLimited) and by_body.retry_after == 1.5
    assert isinstance(by_header, RateLimited) and by_header.retry_after == 7


def test_retry_after_as_an_http_date_counts_from_the_wall_clock() -> None:
    headers = {"retry-after": "Fri, 15 Jan 2027 08:00:30 GMT"}
    moment = 1_800_000_000.0  # 2027-01-15 08:00:00 UTC
    assert retry_after(headers, None, lambda: moment) == 30.0
    assert retry_after({"retry-after": "soon"}, None, lambda: moment) == 60.0
    assert retry_after({"x-ratelimit-reset-after": "2.5"}, None, lambda: moment) == 2.5
