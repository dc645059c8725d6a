"""The Mailchimp stand-in as ``hub demo`` and the console use it (wired in ``hub.wiring.STANDINS``).

Wraps :class:`~newsletters.standin.MailchimpStandIn` (which serves from its
own thread) in the hub's async :class:`~hub.core.ports.StandIn` port; what it
"holds" are the campaigns pushed to it, as a member would receive them.
"""

from __future__ import annotations

import asyncio

from hub.core.ports import ChannelInfo, ReceivedPost
from newsletters.standin import MailchimpStandIn, Received


class MailchimpDemoStandIn:
    """The Mailchimp Marketing API stand-in with the demo's key and audience."""

    platform = "mailchimp"

    def __init__(self) -> None:
        self.server = MailchimpStandIn()
        self.url = ""

    async def start(self) -> str:
        await asyncio.to_thread(self.server.start)
        self.url = self.server.base_url
        return self.url

    async def close(self) -> None:
        await asyncio.to_thread(self.server.close)

    def secret(self) -> str:
        return self.server.api_key

    def prepare(self, channel: ChannelInfo) -> None:
        """The channel's target is the audience id: the stand-in answers for it."""
        self.server.state.list_id = channel.target

    @property
    def received(self) -> list[Received]:
        """Every request the stand-in answered (the console lists them)."""
        return self.server.received

    def messages(self) -> list[dict[str, str]]:
        """The campaigns as the console lists them: audience, status and subject."""
        return [
            {
                "channel": f"{self.server.state.list_id} ({campaign['status']})",
                "text": (campaign.get("settings") or {}).get("subject_line", campaign_id),
            }
            for campaign_id, campaign in self.server.state.campaigns.items()
        ]

    def posts(self) -> list[ReceivedPost]:
        state = self.server.state
        posts = []
        for campaign_id, campaign in state.campaigns.items():
            content = state.contents.get(campaign_id, {})
            settings = campaign.get("settings") or {}
            subject = settings.get("subject_line", "")
            posts.append(
                ReceivedPost(
                    platform="mailchimp",
                    channel=f"campaign:{campaign['status']}",
                    message_id=campaign_id,
                    text=f"{subject}\n{content.get('plain_text', '')}",
                    html=content.get("html", ""),
                )
            )
        return posts


def mailchimp_standin() -> MailchimpDemoStandIn:
    """The stand-in factory (``hub.wiring.STANDINS``)."""
    return MailchimpDemoStandIn()
