"""Where a Teams message can be seen (``hub.wiring.PERMALINKS``): a webhook's answer names
no message, so there is none."""

from __future__ import annotations

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """None: Teams gives a webhook post no id the hub could link to."""
    return None
