"""The Discord stand-in as the demo and the console use it (wired in ``hub.wiring.STANDINS``)."""

from __future__ import annotations

import html
import re
from typing import Any

from bots.discord.standin import DiscordStandIn, StoredMessage
from bots.standin import ImageFacts, described
from hub.core.ports import ChannelInfo, ReceivedPost

_ESCAPED = re.compile(r"\\(.)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(&lt;(https?://[^\s]+?)&gt;\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_ITALIC = re.compile(r"\*(.+?)\*", re.DOTALL)


def markdown_to_html(text: str) -> str:
    """Discord's markdown as it shows: bold, italics, masked links, escapes dropped."""
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(html.escape(match.group(1)))
        return f"\x00{len(held) - 1}\x00"

    shown = html.escape(_ESCAPED.sub(hold, text), quote=False)
    shown = _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', shown)
    shown = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", shown))
    shown = re.sub("\x00(\\d+)\x00", lambda m: held[int(m.group(1))], shown)
    return shown.replace("\n", "<br>")


def message_to_html(content: str, embeds: list[dict[str, Any]]) -> str:
    """A webhook message as Discord shows it: its content, then each embed as a card."""
    shown = markdown_to_html(content) if content else ""
    for embed in embeds:
        title = html.escape(str(embed.get("title") or ""))
        url = embed.get("url")
        if title and isinstance(url, str):
            title = f'<a href="{html.escape(url)}">{title}</a>'
        card = f"<b>{title}</b><br>" if title else ""
        card += markdown_to_html(str(embed.get("description") or ""))
        image = embed.get("image")
        if isinstance(image, dict) and isinstance(image.get("url"), str):
            card += f'<br><img src="{html.escape(image["url"])}" alt="">'
        footer = embed.get("footer")
        if isinstance(footer, dict) and footer.get("text"):
            card += f"<br><small>{html.escape(str(footer['text']))}</small>"
        shown += f"<blockquote>{card}</blockquote>"
    return shown


def plain(content: str, embeds: list[dict[str, Any]]) -> str:
    parts = [content] + [
        "\n".join(str(e.get(key) or "") for key in ("title", "description")) for e in embeds
    ]
    return _ESCAPED.sub(r"\1", "\n".join(part for part in parts if part.strip()))


class DiscordDemoStandIn(DiscordStandIn):
    """The webhook stand-in; every prepared channel's webhook takes the demo's token."""

    platform = "discord"
    token = "demo-discord-webhook-token"

    def __init__(self) -> None:
        super().__init__(webhooks={})

    def secret(self) -> str:
        return self.token

    def prepare(self, channel: ChannelInfo) -> None:
        self.webhooks[channel.target.strip()] = self.token

    def posts(self) -> list[ReceivedPost]:
        return [self._post(stored) for stored in self.stored.values()]

    def _post(self, stored: StoredMessage) -> ReceivedPost:
        shown = self._shape(stored)["embeds"]  # attachment:// images as their file's URL
        pictures = [found for e in stored.embeds if (found := self.embedded(stored, e))]
        picture = pictures[0] if pictures else None
        facts = (
            ImageFacts(
                str(picture.format), int(picture.width), int(picture.height or 0), picture.has_exif
            )
            if picture is not None and picture.width is not None
            else None
        )
        return ReceivedPost(
            platform="discord",
            channel=f"webhook {stored.webhook_id}",
            message_id=stored.id,
            text=plain(stored.content, stored.embeds),
            html=message_to_html(stored.content, shown),
            edited=stored.edited_timestamp is not None,
            deleted=stored.deleted,
            picture=described(facts),
        )


def discord_standin() -> DiscordDemoStandIn:
    return DiscordDemoStandIn()
