"""Where a Bluesky post can be seen (``hub.wiring.PERMALINKS``)."""

from __future__ import annotations

from urllib.parse import quote

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """``https://bsky.app/profile/DID/post/RKEY`` from the post's ``at://`` URI."""
    if not platform_message_id.startswith("at://"):
        return None
    parts = platform_message_id.removeprefix("at://").split("/")
    if len(parts) != 3:
        return None
    return f"https://bsky.app/profile/{quote(parts[0], safe=':')}/post/{quote(parts[2])}"
