"""The ``mailchimp`` entry in the sink registry: campaign sends through the bus.

Items reach the newsletter through editions (``hub newsletter draft``,
``approve``, ``push``), never one by one through routes: an ``item`` (or any
kind but ``campaign``) is refused with :class:`~hub.core.errors.BadPayload`
saying so.

A ``campaign`` delivery (``extra["campaign_id"]``) sends a campaign that
already exists in Mailchimp. A campaign send cannot be taken back, so the
sink never sends without first reading the campaign's status: a campaign
that is ``sent`` or ``sending`` is the receipt, not a reason to send again.
That holds across crashes (a worker killed after Mailchimp accepted the send
and before the hub recorded it): the next attempt reads ``sent`` and records
it. Two sends racing past the status read cannot both succeed either:
Mailchimp refuses a second send of a campaign ("already been sent"), which
the sink also takes as the receipt once the status confirms it.

Before sending, the sink reads the campaign's send checklist
(GET /campaigns/{id}/send-checklist): Mailchimp refuses to send a campaign
that is not ready ("Your Campaign is not ready to send."), e.g. an edition
whose language segment matches no subscribed member yet (newcomers join as
pending). Such a campaign is not sent and the delivery fails with
:class:`CampaignNotReady`, which names the checklist's reasons, instead of
Mailchimp's bare refusal.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, ClassVar

from hub.core.errors import (
    BadPayload,
    DeliveryError,
    Forbidden,
    HubError,
    TransientError,
)
from hub.core.ports import ChannelInfo, Message, RateLimit, Receipt

if TYPE_CHECKING:
    from mailchimp_marketing import Client

DEFAULT_BASE_URL = "https://server.api.mailchimp.com/3.0"
GONE_OUT = ("sent", "sending")


class CampaignNotReady(BadPayload):
    """Mailchimp's send checklist says the campaign cannot be sent (the reasons follow)."""


class NewsletterChannelSink:
    """Sends existing campaigns of one Mailchimp account; refuses single items."""

    platform: ClassVar[str] = "mailchimp"

    def __init__(self, channel: ChannelInfo, api_key: str | None = None) -> None:
        self.channel = channel
        self._api_key = api_key
        self._client: Client | None = None

    async def start(self) -> None:
        return None

    async def send(self, message: Message) -> Receipt:
        """Send the campaign named by the message, unless it already went out."""
        if message.kind != "campaign":
            raise BadPayload(
                f"channel {self.channel.key} is a Mailchimp audience: items reach it through "
                "newsletter editions (hub newsletter draft/approve/push), not through routes"
            )
        campaign_id = str(message.extra.get("campaign_id") or "")
        if not campaign_id:
            raise BadPayload("a campaign delivery needs extra.campaign_id")
        return await asyncio.to_thread(self._send_campaign, campaign_id)

    def _send_campaign(self, campaign_id: str) -> Receipt:
        from newsletters.mailchimp import call

        client = self._mailchimp()
        if self._status(campaign_id) in GONE_OUT:
            return Receipt(campaign_id)  # sent earlier (perhaps by a killed worker)
        self._check_ready(campaign_id)
        try:
            call(client.campaigns.send, campaign_id)
        except HubError as exc:
            if getattr(exc, "status", None) == 400 and self._status(campaign_id) in GONE_OUT:
                return Receipt(campaign_id)  # another sender got there first
            raise _delivery_error(exc) from exc
        return Receipt(campaign_id)

    def _check_ready(self, campaign_id: str) -> None:
        """Raise CampaignNotReady with the checklist's errors when Mailchimp would refuse."""
        from newsletters.mailchimp import call

        try:
            checklist = call(self._mailchimp().campaigns.get_send_checklist, campaign_id)
        except HubError as exc:
            raise _delivery_error(exc) from exc
        if checklist.get("is_ready", True):
            return
        reasons = [
            f"{item.get('heading', '')}: {item.get('details', '')}".strip(": ")
            for item in checklist.get("items") or []
            if item.get("type") == "error"
        ]
        raise CampaignNotReady(
            f"campaign {campaign_id} held, not sent: Mailchimp says it is not ready to send ("
            + ("; ".join(reasons) or "no reason given")
            + ")"
        )

    def _status(self, campaign_id: str) -> str:
        from newsletters.mailchimp import call

        try:
            found = call(self._mailchimp().campaigns.get, campaign_id, fields=["id", "status"])
        except HubError as exc:
            raise _delivery_error(exc) from exc
        return str(found["status"])

    def _mailchimp(self) -> Client:
        from newsletters.mailchimp import MailchimpAccount, make_client

        if self._client is None:
            if not self._api_key:
                raise Forbidden(f"channel {self.channel.key}: no Mailchimp API key configured")
            base_url = self.channel.base_url or DEFAULT_BASE_URL
            account = MailchimpAccount(self._api_key, base_url, self.channel.target)
            self._client = make_client(account)
        return self._client

    def rate_limits(self, message: Message) -> list[RateLimit]:
        return []

    async def close(self) -> None:
        return None


def _delivery_error(exc: HubError) -> DeliveryError:
    """The bus's error for a Mailchimp failure (a 429 and a time-out already are one)."""
    from newsletters.errors import MailchimpUnavailable

    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, MailchimpUnavailable):
        return TransientError(str(exc))
    status: Any = getattr(exc, "status", None)
    if status in (401, 403):
        return Forbidden(str(exc))
    return BadPayload(str(exc))


def mailchimp_sink(channel: ChannelInfo, secret: str | None) -> NewsletterChannelSink:
    """The sink factory (``hub.wiring.SINKS``) for ``platform = "mailchimp"``; ``secret`` is
    the API key."""
    return NewsletterChannelSink(channel, secret)
