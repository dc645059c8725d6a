"""Where a Discord message can be seen (``hub.wiring.PERMALINKS``): a webhook message's
address needs its guild and channel, which the webhook's answer does not give the hub,
so there is none."""

from __future__ import annotations

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """None: ``discord.com/channels/GUILD/CHANNEL/MESSAGE`` needs ids the hub does not keep."""
    return None
