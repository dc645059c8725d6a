"""``hub preview`` per platform: the exact API requests a sink would send, as data.

Each function here is wired in ``hub.wiring.PREVIEWS`` and called by
``hub/cli/preview_cmd.py`` with a hub ``Message`` and ``ChannelInfo``; it returns
the JSON contract ``[{"method", "path", "body"}, ...]``. The requests come from
the same ``requests_for`` the sink sends, so a preview is what would be posted.
Platform modules are imported lazily so one platform's missing library never
breaks another's preview.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from hub.core.ports import ChannelInfo, Message

Preview = list[dict[str, Any]]


def _with_target(channel: ChannelInfo, default: str) -> ChannelInfo:
    return channel if channel.target else replace(channel, target=default)


def slack(message: Message, channel: ChannelInfo) -> Preview:
    """chat.postMessage (or chat.update / chat.delete) with Block Kit."""
    from bots.slack.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "#preview"))]


def telegram(message: Message, channel: ChannelInfo) -> Preview:
    """sendMessage or sendPhoto (or an edit / delete) in HTML parse mode."""
    from bots.telegram.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "@preview"))]


def mastodon(message: Message, channel: ChannelInfo) -> Preview:
    """POST /api/v1/statuses with the item's language."""
    from bots.mastodon.format import requests_for

    return [r.as_json() for r in requests_for(message, _with_target(channel, "@preview"))]


def bluesky(message: Message, channel: ChannelInfo) -> Preview:
    """com.atproto.repo.createRecord of an app.bsky.feed.post with facets and a card."""
    from bots.bluesky.format import requests_for

    target = _with_target(channel, "preview.bsky.social")
    return [r.as_json() for r in requests_for(message, target, now=datetime.now(UTC))]
