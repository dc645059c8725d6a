"""Where a Matrix message can be seen (``hub.wiring.PERMALINKS``): a matrix.to link to the
event in its room (matrix-org/matrix-spec, content/appendices.md, matrix.to navigation)."""

from __future__ import annotations

from urllib.parse import quote

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    room = channel.target.strip()
    if not room.startswith(("!", "#")) or not platform_message_id.startswith("$"):
        return None
    return f"https://matrix.to/#/{quote(room, safe='!:#')}/{quote(platform_message_id, safe='$:')}"
