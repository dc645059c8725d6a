"""Where a Slack message can be seen: the archive permalink (``hub.wiring.PERMALINKS``)."""

from __future__ import annotations

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
