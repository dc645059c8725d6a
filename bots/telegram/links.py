"""Where a Telegram message can be seen, and who sent an update (``hub.wiring``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from hub.core.ports import ChannelInfo


def permalink(channel: ChannelInfo, platform_message_id: str) -> str | None:
    """A public channel's ``https://t.me/NAME/ID``; a private chat has no address."""
    if channel.target.startswith("@") and platform_message_id.isdigit():
        return f"https://t.me/{quote(channel.target.removeprefix('@'))}/{platform_message_id}"
    return None


def submission_event_key(external_id: str) -> str | None:
    """The inbox key of the update a submission came in: its origin's id is
    ``telegram:<chat id>:<update id>`` (bots/telegram/handlers.py)."""
    platform, _, rest = external_id.partition(":")
    if platform != "telegram" or not rest:
        return None
    return rest.rpartition(":")[2] or None


def person(update: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The sender's ``@username`` and name, as Telegram gave them in the update."""
    message = update.get("message") or update.get("edited_message") or {}
    sender = message.get("from") or {}
    if not isinstance(sender, Mapping):
        return None, None
    names = (sender.get("first_name"), sender.get("last_name"))
    name = " ".join(str(n) for n in names if n) or None
    username = sender.get("username")
    return (f"@{username}" if username else None), name
