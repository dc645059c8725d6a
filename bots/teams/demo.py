"""The Teams stand-in as the demo and the console use it (``hub.wiring.STANDINS``)."""

from __future__ import annotations

import html
import re

from bots.standin import described
from bots.teams.standin import StoredCard, TeamsStandIn
from hub.core.ports import ChannelInfo, ReceivedPost

DEMO_PATH = "/workflows/demo/triggers/manual/paths/invoke"
DEMO_SIG = "demo-teams-workflow-signature"
_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w\\])_(.+?)_(?!\w)", re.DOTALL)
_ESCAPED = re.compile(r"\\(.)")


def markdown_to_html(text: str) -> str:
    """A TextBlock's Markdown as Teams shows it: bold, italics, links, escapes dropped."""
    shown = html.escape(text, quote=False)
    shown = _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', shown)
    shown = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", shown))
    return _ESCAPED.sub(r"\1", shown).replace("\n", "<br>")


def card_to_html(card: dict[str, object]) -> str:
    """An Adaptive Card as Teams lays it out: its text blocks, picture and buttons."""
    parts = []
    body = card.get("body")
    for element in body if isinstance(body, list) else []:
        if not isinstance(element, dict):
            continue
        if element.get("type") == "TextBlock":
            shown = markdown_to_html(str(element.get("text", "")))
            parts.append(f"<b>{shown}</b>" if element.get("weight") == "Bolder" else shown)
        elif element.get("type") == "Image":
            parts.append(f'<img src="{html.escape(str(element.get("url")))}" alt="">')
    actions = card.get("actions")
    for action in actions if isinstance(actions, list) else []:
        if isinstance(action, dict) and action.get("type") == "Action.OpenUrl":
            url, title = html.escape(str(action.get("url"))), html.escape(str(action.get("title")))
            parts.append(f'<a href="{url}">{title}</a>')
    return "<br>".join(parts)


def _post(stored: StoredCard) -> ReceivedPost:
    shown = [image.facts for image in stored.images if image.inline and not image.refused]
    return ReceivedPost(
        platform="teams",
        channel="workflow" if stored.webhook.startswith("/workflows/") else "webhook",
        message_id=stored.id,
        text="\n".join(_ESCAPED.sub(r"\1", t) for t in stored.texts()),
        html=card_to_html(stored.card),
        picture=described(shown[0]) if shown else None,
    )


class TeamsDemoStandIn(TeamsStandIn):
    """Teams with the demo's Workflows trigger, whose URL is the channels' secret."""

    platform = "teams"

    def __init__(self) -> None:
        super().__init__(hooks={DEMO_PATH: DEMO_SIG})

    def secret(self) -> str:
        """The trigger's URL as Power Automate shows it (the host replaced by base_url)."""
        return (
            f"https://prod-00.westeurope.logic.azure.com:443{DEMO_PATH}"
            f"?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={DEMO_SIG}"
        )

    def prepare(self, channel: ChannelInfo) -> None:
        """The trigger takes posts for any channel; nothing to make known."""

    def posts(self) -> list[ReceivedPost]:
        return [_post(stored) for stored in self.stored]


def teams_standin() -> TeamsDemoStandIn:
    return TeamsDemoStandIn()
