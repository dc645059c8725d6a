"""Where a Slack message can be seen, and who sent an event (``hub.wiring``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """``https://slack.com/archives/CHANNEL/pTS``, Slack's archive form, which redirects
    to the workspace. The sink's id is ``CHANNEL:TS`` (or the bare ``TS`` of older rows)."""
    where, sep, ts = platform_message_id.rpartition(":")
    where = where if sep else channel.target
    if ts.replace(".", "").isdigit() and where:
        return f"https://slack.com/archives/{quote(where)}/p{ts.replace('.', '')}"
    return None


def submission_event_key(external_id: str) -> str | None:
    """The inbox key of the event a submission came in: its origin's id is
    ``slack:<event key>`` (bots/slack/handlers.py)."""
    platform, _, rest = external_id.partition(":")
    return rest if platform == "slack" and rest else None


def person(event: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The sender's ``@username`` and name; an interaction is stored as
    ``{"kind": "interaction", "payload": {...}}``."""
    inner = event.get("payload") or event
    sender = inner.get("user") if isinstance(inner, Mapping) else None
    if not isinstance(sender, Mapping):
        return None, None
    username, name = sender.get("username"), sender.get("name")
    return (f"@{username}" if username else None), (str(name) if name else None)
