"""The Slack stand-in as the demo and the console use it (wired in ``hub.wiring.STANDINS``)."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from bots.slack.standin import event_body
from bots.slack.standin_socket import APP_TOKEN, SlackSocketStandIn
from bots.standin import described
from hub.core.ports import ChannelInfo, ReceivedPost

_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")
_BOLD = re.compile(r"\*([^*\n]+)\*")


def mrkdwn_to_html(text: str) -> str:
    """Slack's mrkdwn as the Slack client shows it: bold, links, line breaks.

    Slack text arrives escaped (``&amp; &lt; &gt;``), so it is unescaped once and
    every piece is escaped again for HTML.
    """
    pieces: list[str] = []
    position = 0
    for found in _LINK.finditer(text):
        pieces.append(_inline(text[position : found.start()]))
        url, label = html.unescape(found.group(1)), html.unescape(found.group(2))
        pieces.append(f'<a href="{html.escape(url)}">{html.escape(label)}</a>')
        position = found.end()
    pieces.append(_inline(text[position:]))
    return "".join(pieces).replace("\n", "<br>")


def _inline(text: str) -> str:
    escaped = html.escape(html.unescape(text), quote=False)
    return _BOLD.sub(r"<b>\1</b>", escaped)


class SlackDemoStandIn(SlackSocketStandIn):
    """The Slack Web API stand-in with the demo's token and channels, and Socket Mode:
    the demo has no public URL, so its members' messages reach the hub over the link
    the hub's bots role dials (``[hub] slack_mode = "socket"``)."""

    platform = "slack"
    token = "xoxb-demo-stand-in"
    app_token = APP_TOKEN

    def __init__(self) -> None:
        super().__init__(tokens=(self.token,))
        self._members = 0

    def secret(self) -> str:
        return self.token

    def member_says(self, text: str, *, language: str) -> str:
        """A member writes to the bot in a direct message of their own (over Socket Mode)."""
        self._members += 1
        number = self._members
        channel, user = f"D0MEMBER{number:04d}", f"U0MEMBER{number:04d}"
        self.add_channel(channel, f"member-{number}-{language}")
        at = self.wall_clock()
        event = {
            "type": "message",
            "channel_type": "im",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": f"{int(at)}.{number:06d}",
        }
        self.queue("event", json.loads(event_body(event, f"Ev0DEMO{number:06d}", at)))
        return channel

    def replies(self, conversation: str) -> list[str]:
        return [message.text for message in self.messages(conversation)]

    def prepare(self, channel: ChannelInfo) -> None:
        name = channel.target.lstrip("#").lower()
        self.add_channel(channel.target, name)

    def posts(self) -> list[ReceivedPost]:
        return [
            ReceivedPost(
                platform="slack",
                channel=message.channel,
                message_id=message.ts,
                text=message.text,
                html=self._rendered(message.blocks, message.text),
                edited=message.edited,
                deleted=message.deleted,
                picture=described(self.picture_of(message)),
            )
            for message in self.stored.values()
        ]

    @staticmethod
    def _rendered(blocks: list[dict[str, Any]], fallback: str) -> str:
        parts = []
        for block in blocks:
            if block.get("type") == "header":
                parts.append(f"<b>{html.escape(block['text'].get('text', ''))}</b>")
            elif block.get("type") == "section" and block.get("text"):
                parts.append(mrkdwn_to_html(block["text"].get("text", "")))
            elif block.get("type") == "context":
                texts = [e.get("text", "") for e in block.get("elements", []) if "text" in e]
                parts.append(f"<small>{mrkdwn_to_html(' · '.join(texts))}</small>")
        return "<br>".join(parts) or mrkdwn_to_html(fallback)


def slack_standin() -> SlackDemoStandIn:
    return SlackDemoStandIn()
