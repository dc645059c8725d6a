"""Previews (``hub preview`` and the console's platform previews) are made at the injected
clock's ``now``: a Bluesky post's ``createdAt`` is that time, and moving the process's
real clock changes no preview."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import time_machine
from typer.testing import CliRunner

from hub.cli import _register, app
from hub.core.ports import ChannelInfo, Message
from hub.wiring import DISPLAYS, PREVIEWS, reach

NOW = dt.datetime(2009, 7, 14, 10, 30, 15, 250000, tzinfo=dt.UTC)
"""The injected clock's time, years from any day the suite runs on."""
ELSEWHERE = dt.datetime(2041, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
"""Where the real clock is moved to, to show that no preview reads it."""


def created(requests: list[dict[str, object]]) -> dt.datetime:
    [request] = requests
    body = request["body"]
    assert isinstance(body, dict)
    stamp = body["record"]["createdAt"]
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def message(**extra: object) -> Message:
    return Message(
        delivery_id=7,
        kind="item",
        title="Porto Alegre opens its youth budget",
        text="Young people vote on a share of the city's budget. " * 40,
        link="https://oidp.net/en/news/porto-alegre",
        language="en",
        extra=dict(extra),
    )


def channel(platform: str) -> ChannelInfo:
    return ChannelInfo("preview", platform, "", "en", None)


def test_a_bluesky_preview_is_posted_at_the_injected_now() -> None:
    assert created(PREVIEWS["bluesky"](message(), channel("bluesky"), NOW)) == NOW
    later = NOW + dt.timedelta(days=3, seconds=1)
    assert created(PREVIEWS["bluesky"](message(), channel("bluesky"), later)) == later


@pytest.mark.parametrize("thread", [False, True])
@pytest.mark.parametrize("platform", sorted(PREVIEWS))
def test_no_preview_reads_the_real_clock(platform: str, thread: bool) -> None:
    def made() -> tuple[object, ...]:
        sent = PREVIEWS[platform](message(thread=thread), channel(platform), NOW)
        return (
            sent,
            DISPLAYS[platform](message(thread=thread), channel(platform), NOW),
            reach(platform, message(thread=thread), channel(platform), sent, NOW),
        )

    here = made()
    with time_machine.travel(ELSEWHERE, tick=False):
        assert made() == here


def test_the_cli_previews_at_the_time_it_reads_at_its_edge(tmp_path: Path) -> None:
    _register()
    path = tmp_path / "items.json"
    item = {
        "title": "Porto Alegre opens its youth budget",
        "summary_text": "Vote.",
        "language": "en",
    }
    path.write_text(json.dumps([item, {**item, "title": "Second"}]), encoding="utf-8")
    with time_machine.travel(ELSEWHERE, tick=False):
        result = CliRunner().invoke(app, ["preview", str(path), "-p", "bluesky", "--json"])
    assert result.exit_code == 0, result.output
    requests = json.loads(result.stdout)
    assert [created([request]) for request in requests] == [ELSEWHERE, ELSEWHERE]
