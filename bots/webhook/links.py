"""A webhook's receiver has no page the hub knows of (``hub.wiring.PERMALINKS``)."""

from __future__ import annotations

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """None: what the receiver does with an event is its own business."""
    return None
