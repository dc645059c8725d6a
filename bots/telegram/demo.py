"""The Telegram stand-in as the demo and the console use it (wired in ``hub.wiring.STANDINS``)."""

from __future__ import annotations

import zlib

from bots.standin import described
from bots.telegram.standin import TelegramStandIn
from hub.core.ports import ChannelInfo, ReceivedPost


class TelegramDemoStandIn(TelegramStandIn):
    """The Bot API stand-in with the demo's token; channels named ``@user`` are made up."""

    platform = "telegram"
    token = "424242:demo-stand-in"

    def __init__(self) -> None:
        super().__init__(tokens=(self.token,))

    def secret(self) -> str:
        return self.token

    def prepare(self, channel: ChannelInfo) -> None:
        target = channel.target
        if target.lstrip("-").isdigit():
            self.add_chat(int(target), type="channel", title=channel.key)
            return
        # A stable made-up id for a public @username, as Telegram gives channels.
        chat_id = -1_000_000_000_000 - zlib.crc32(target.encode())
        self.add_chat(chat_id, type="channel", title=channel.key, username=target.lstrip("@"))

    def member_says(self, text: str, *, language: str) -> str:
        """A member in a private chat of their own writes to the bot (polled by the hub)."""
        self._members = getattr(self, "_members", 0) + 1
        chat_id = 7_000_000 + self._members
        name = f"Member {self._members} ({language})"
        self.queue_update(
            self.member_update(chat_id, text, first_name=name, language_code=language)
        )
        return str(chat_id)

    def replies(self, conversation: str) -> list[str]:
        """The bot's messages, each followed by its inline buttons when it has some
        (``[Remind me]`` under an answer about a date), as the demo prints them."""
        shown = []
        for message in self.messages(int(conversation)):
            shown.append(message.text)
            rows = (message.reply_markup or {}).get("inline_keyboard", [])
            labels = [f"[{button['text']}]" for row in rows for button in row]
            if labels:
                shown.append("buttons: " + " ".join(labels))
        return shown

    def posts(self) -> list[ReceivedPost]:
        names = {
            chat.id: f"@{chat.username}" if chat.username else str(chat.id)
            for chat in self.chats.values()
        }
        return [
            ReceivedPost(
                platform="telegram",
                channel=names.get(message.chat_id, str(message.chat_id)),
                message_id=str(message.message_id),
                text=message.text,
                html=message.html,
                edited=message.edit_date is not None,
                deleted=message.deleted,
                picture=described(message.photo_upload),
            )
            for message in self.stored.values()
        ]


def telegram_standin() -> TelegramDemoStandIn:
    return TelegramDemoStandIn()
