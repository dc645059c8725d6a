"""The Bluesky stand-in as the demo and the console use it (wired in ``hub.wiring.STANDINS``)."""

from __future__ import annotations

import html
from typing import Any

from bots.bluesky.standin import BlueskyStandIn
from bots.standin import described
from hub.core.ports import ChannelInfo, ReceivedPost


def post_to_html(record: dict[str, Any]) -> str:
    """A post as Bluesky shows it: link facets as links (by UTF-8 byte offsets), a card."""
    encoded = record.get("text", "").encode("utf-8")
    pieces, position = [], 0
    for facet in sorted(record.get("facets") or [], key=lambda f: f["index"]["byteStart"]):
        start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
        if start < position:
            continue
        pieces.append(html.escape(encoded[position:start].decode("utf-8", "replace")))
        label = html.escape(encoded[start:end].decode("utf-8", "replace"))
        uri = next((f.get("uri") for f in facet["features"] if f.get("uri")), None)
        pieces.append(f'<a href="{html.escape(uri)}">{label}</a>' if uri else f"<b>{label}</b>")
        position = end
    pieces.append(html.escape(encoded[position:].decode("utf-8", "replace")))
    shown = "".join(pieces).replace("\n", "<br>")
    card = (record.get("embed") or {}).get("external")
    if card:
        shown += (
            f'<blockquote><a href="{html.escape(card["uri"])}">{html.escape(card["title"])}</a>'
            f"<br>{html.escape(card.get('description', ''))}</blockquote>"
        )
    return shown


class BlueskyDemoStandIn(BlueskyStandIn):
    """The PDS stand-in; every prepared handle logs in with the demo's app password."""

    platform = "bluesky"
    password = "demo-app-password"

    def __init__(self) -> None:
        super().__init__(accounts={})

    def secret(self) -> str:
        return self.password

    def prepare(self, channel: ChannelInfo) -> None:
        self.add_account(channel.target.lstrip("@"), self.password)

    def posts(self) -> list[ReceivedPost]:
        handles = {account.did: f"@{account.handle}" for account in self._accounts.values()}
        return [
            ReceivedPost(
                platform="bluesky",
                channel=handles.get(stored.repo, stored.repo),
                message_id=stored.uri,
                text=stored.record.get("text", ""),
                html=post_to_html(stored.record),
                edited=stored.edited,
                deleted=stored.deleted,
                picture=self._picture(stored.record),
            )
            for stored in self.records.values()
        ]

    def _picture(self, record: dict[str, Any]) -> str | None:
        """The post's image or card thumb, as the PDS decoded its blob."""
        embed = record.get("embed") or {}
        blob = (embed.get("external") or {}).get("thumb")
        if blob is None and embed.get("images"):
            blob = embed["images"][0].get("image")
        if not isinstance(blob, dict):
            return None
        stored = self.blobs.get(str((blob.get("ref") or {}).get("$link")))
        return described(stored.facts) if stored else None


def bluesky_standin() -> BlueskyDemoStandIn:
    return BlueskyDemoStandIn()
