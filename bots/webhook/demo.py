"""The webhook receiver stand-in as the demo and the console use it (``hub.wiring.STANDINS``)."""

from __future__ import annotations

import html

from bots.standin import described
from bots.webhook.standin import StoredEvent, WebhookStandIn
from hub.core.ports import ChannelInfo, ReceivedPost


def event_to_html(
    title: str, text: str, link: str | None, image_url: str | None, body_html: str = ""
) -> str:
    """An event as a receiver might show it: the title (linked), the hub's sanitised HTML
    or else the text, the picture (callers sanitise the result again)."""
    shown = f"<b>{html.escape(title)}</b>"
    if link:
        shown = f'<a href="{html.escape(link)}">{shown}</a>'
    if body_html:
        shown += body_html
    elif text:
        shown += "<br>" + html.escape(text).replace("\n", "<br>")
    if image_url:
        shown += f'<br><img src="{html.escape(image_url)}" alt="">'
    return shown


def _post(stored: StoredEvent) -> ReceivedPost:
    return ReceivedPost(
        platform="webhook",
        channel=stored.channel,
        message_id=stored.id,
        text="\n".join(part for part in (stored.title, stored.text) if part),
        html=event_to_html(stored.title, stored.text, stored.link, stored.image_url, stored.html),
        edited=stored.updated,
        deleted=stored.deleted,
        picture=described(stored.picture),
    )


class WebhookDemoStandIn(WebhookStandIn):
    """The receiver with the demo's signing secret."""

    platform = "webhook"

    def __init__(self) -> None:
        super().__init__(secret_key="demo-webhook-signing-secret")

    def secret(self) -> str:
        return self.secret_key

    def prepare(self, channel: ChannelInfo) -> None:
        """Any path on the receiver takes events; nothing to make known."""

    def posts(self) -> list[ReceivedPost]:
        return [_post(stored) for stored in self.stored.values()]


def webhook_standin() -> WebhookDemoStandIn:
    return WebhookDemoStandIn()
