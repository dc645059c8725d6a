"""The Mastodon stand-in as the demo and the console use it (wired in ``hub.wiring.STANDINS``)."""

from __future__ import annotations

import html
import re

from bots.mastodon.standin import MastodonStandIn
from bots.standin import described
from hub.core.ports import ChannelInfo, ReceivedPost

_URL = re.compile(r"https?://[^\s<>\"]+")


def status_to_html(text: str) -> str:
    """A status as Mastodon shows it: paragraphs, line breaks and linked URLs."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        escaped = html.escape(paragraph)
        linked = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
        paragraphs.append(f"<p>{linked.replace(chr(10), '<br>')}</p>")
    return "".join(paragraphs)


class MastodonDemoStandIn(MastodonStandIn):
    """The Mastodon stand-in with the demo's token; every prepared account shares it."""

    platform = "mastodon"
    token = "demo-mastodon-token"

    def __init__(self) -> None:
        super().__init__(tokens={self.token: "oidp"})

    def secret(self) -> str:
        return self.token

    def prepare(self, channel: ChannelInfo) -> None:
        self.tokens[self.token] = channel.target.lstrip("@").split("@")[0] or "oidp"

    def posts(self) -> list[ReceivedPost]:
        return [
            ReceivedPost(
                platform="mastodon",
                channel=f"@{status.account}",
                message_id=status.id,
                text=status.text,
                html=status_to_html(status.text),
                edited=status.edited_at is not None,
                deleted=status.deleted,
                picture=described(status.media[0].facts) if status.media else None,
            )
            for status in self.statuses.values()
        ]


def mastodon_standin() -> MastodonDemoStandIn:
    return MastodonDemoStandIn()
