"""The ``mailchimp`` entry in the sink registry, so a deployment may enable its newsletter channel.

Items reach the newsletter through editions (``hub newsletter draft``,
``approve``, ``push``), never one by one through routes: this sink refuses
every delivery with :class:`~hub.errors.BadPayload` saying so. It exists so
that ``[channels.newsletter]`` with ``platform = "mailchimp"`` validates
when enabled, and so the bus can name the platform if a route points there
by mistake.
"""

from __future__ import annotations

from typing import ClassVar

from hub.errors import BadPayload
from hub.sinks import ChannelInfo, Message, RateLimit, Receipt


class NewsletterChannelSink:
    """Refuses single deliveries: the newsletter is sent as editions."""

    platform: ClassVar[str] = "mailchimp"

    def __init__(self, channel: ChannelInfo) -> None:
        self.channel = channel

    async def start(self) -> None:
        return None

    async def send(self, message: Message) -> Receipt:
        raise BadPayload(
            f"channel {self.channel.key} is a Mailchimp audience: items reach it through "
            "newsletter editions (hub newsletter draft/approve/push), not through routes"
        )

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return []

    async def close(self) -> None:
        return None


def mailchimp_sink(channel: ChannelInfo, secret: str | None) -> NewsletterChannelSink:
    """The ``hub.sinks`` factory for ``platform = "mailchimp"``."""
    return NewsletterChannelSink(channel)
