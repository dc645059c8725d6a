"""The Apprise JSON receiver as the demo and the console use it (``hub.wiring.STANDINS``)."""

from __future__ import annotations

import html

from bots.apprise.standin import AppriseJsonStandIn, Notification
from hub.core.ports import ChannelInfo, ReceivedPost


def _post(stored: Notification) -> ReceivedPost:
    shown = f"<b>{html.escape(stored.title)}</b><br>" + html.escape(stored.message).replace(
        "\n", "<br>"
    )
    return ReceivedPost(
        platform="apprise",
        channel=stored.path,
        message_id=stored.id,
        text="\n".join(p for p in (stored.title, stored.message) if p),
        html=shown,
    )


class AppriseDemoStandIn(AppriseJsonStandIn):
    """The receiver; the demo's channels get its ``json://`` URL as their secret."""

    platform = "apprise"

    def __init__(self) -> None:
        super().__init__()

    def secret(self) -> str:
        return self.apprise_url()

    def prepare(self, channel: ChannelInfo) -> None:
        """One path takes every channel's notifications; nothing to make known."""

    def posts(self) -> list[ReceivedPost]:
        return [_post(stored) for stored in self.stored]


def apprise_standin() -> AppriseDemoStandIn:
    return AppriseDemoStandIn()
