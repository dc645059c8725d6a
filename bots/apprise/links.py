"""Where an Apprise notification can be seen (``hub.wiring.PERMALINKS``): nowhere the hub
knows of, so there is none."""

from __future__ import annotations

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    return None
