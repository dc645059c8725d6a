"""The Slack stand-ins' events carry the stand-in's clock, not the process's."""

from __future__ import annotations

import datetime as dt
import json

from bots.slack.demo import SlackDemoStandIn
from bots.slack.standin import event_body

AT = dt.datetime(2011, 5, 6, 7, 8, 9, tzinfo=dt.UTC).timestamp()
"""A wall clock years from any day the suite runs on."""


def test_an_event_envelope_is_stamped_with_the_given_time() -> None:
    envelope = json.loads(event_body({"type": "app_mention"}, "Ev1", AT))
    assert envelope["event_time"] == int(AT)


def test_the_demo_s_member_message_is_written_at_the_stand_in_s_clock() -> None:
    slack = SlackDemoStandIn()
    slack.wall_clock = lambda: AT
    slack.member_says("When is the next conference?", language="en")
    [(kind, envelope)] = slack._queued
    assert kind == "event"
    assert envelope["event_time"] == int(AT)
    assert envelope["event"]["ts"].startswith(f"{int(AT)}.")
