"""Where a Telegram message can be seen (``hub.wiring.PERMALINKS``)."""

from __future__ import annotations

from urllib.parse import quote

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """A public channel's ``https://t.me/NAME/ID``; a private chat has no address."""
    if channel.target.startswith("@") and platform_message_id.isdigit():
        return f"https://t.me/{quote(channel.target.removeprefix('@'))}/{platform_message_id}"
    return None
