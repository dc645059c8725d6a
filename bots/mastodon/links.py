"""Where a Mastodon status can be seen (``hub.wiring.PERMALINKS``)."""

from __future__ import annotations

from urllib.parse import quote

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """``https://instance/@user/ID``: the instance is the channel's ``base_url`` or the
    account's domain."""
    user, _sep, domain = channel.target.lstrip("@").partition("@")
    configured = (channel.base_url or "").rstrip("/")
    instance = configured or (f"https://{domain}" if "." in domain else "")
    if not instance or not user or not platform_message_id.isdigit():
        return None
    return f"{instance}/@{quote(user)}/{platform_message_id}"
