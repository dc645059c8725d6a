"""What the hub does with a Telegram update from the inbox.

Private chats: free text goes to the assistant; ``/next``, ``/events`` and
``/awards`` ask the assistant that question in the member's language;
``/help`` (and ``/start``) say what can be asked; ``/language xx`` stores the
member's language; ``/preferences`` answers with the member's own signed link
to their preferences page; ``/submit`` starts a conversation (title, text, link,
image link; ``/skip`` and ``/cancel``) whose state lives in
``bot_conversations``, so a restart loses nothing, and ends in a pending item
of the ``telegram_submissions`` source. Groups: the bot answers when
mentioned (``@bot``) or when a command is addressed to it.

Replies go through the outbox to the chat the update came from. Each update
is handled once even if processed twice: replies carry the update's id in
their dedup key, and a conversation remembers the last update it took.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bots.answering import ChatQuestion, answer_into_chat, find_member, say_into_chat
from bots.chat_news import submit_from_chat, told
from bots.i18n import N_
from bots.i18n import say as in_language
from bots.preferences import preferences_reply
from hub.core.assistant.assistant import Assistant
from hub.core.bus.inbox import InboxRecord
from hub.core.db import transaction
from hub.core.models import BotConversation, Member
from hub.core.moderation.submissions import SubmissionError

log = logging.getLogger(__name__)
PLATFORM = "telegram"
SOURCE = "telegram_submissions"
LANGUAGES = ("en", "es", "fr", "ca", "pt")

COMMAND_QUESTIONS = {
    "next": N_("When is the next event?"),
    "events": N_("What are the upcoming events?"),
    "awards": N_("When is the award call?"),
}
"""The question each command asks the assistant, in English (``bots/locale``: the others)."""

PROMPTS = {
    "title": N_("What is the title of your news?"),
    "text": N_("Now the text, please."),
    "link": N_("A link (https://...), or /skip."),
    "image": N_("An image link (https://...), or /skip."),
    "photo": N_("Please send the image as a link (https://...), or /skip."),
    "cancelled": N_("Cancelled."),
    "language": N_("I will answer in English."),
    "language_usage": N_("Use /language followed by one of: en, es, fr, ca, pt."),
}
"""What the bot says in the /submit and /language conversations, in English."""
STEPS = ("title", "text", "link", "image")


def prompt(key: str, language: str) -> str:
    return in_language(language, PROMPTS[key])


def command_of(text: str, bot_username: str | None) -> tuple[str, str] | None:
    """(command, argument) of ``/cmd@bot arg``; None if not a command or for another bot."""
    if not text.startswith("/"):
        return None
    head, _, rest = text.partition(" ")
    name, _, addressee = head[1:].partition("@")
    if addressee and bot_username and addressee.lower() != bot_username.lower():
        return None
    return name.lower(), rest.strip()


def telegram_lane(record: InboxRecord) -> str:
    """The chat of an update: a /submit conversation's steps must run in order."""
    for key in ("message", "edited_message", "channel_post"):
        message = record.payload.get(key)
        if isinstance(message, dict):
            return str((message.get("chat") or {}).get("id", ""))
    return "other"


@dataclass
class TelegramHandlers:
    """The inbox handler for the ``telegram`` platform."""

    engine: Engine
    settings: Any
    assistant: Assistant
    bot_username: str | None = None

    async def __call__(self, record: InboxRecord, now: dt.datetime) -> None:
        message = record.payload.get("message")
        if not isinstance(message, dict):
            return  # edits, channel posts...: nothing to do
        chat = message.get("chat") or {}
        if not isinstance(chat.get("id"), int):
            return
        if "photo" in message and chat.get("type") == "private":
            await self._photo(record, chat["id"], now)
            return
        if not isinstance(message.get("text"), str):
            return
        text = message["text"].strip()
        if chat.get("type") == "private":
            await self._private(record, chat["id"], text, message, now)
        elif chat.get("type") in ("group", "supergroup"):
            await self._group(record, chat["id"], text, now)

    # --- language ----------------------------------------------------------------

    def _language(self, chat_id: int) -> tuple[Member | None, str | None]:
        member = find_member(self.engine, telegram_chat_id=chat_id)
        if member is not None:
            return member, member.language
        with transaction(self.engine) as session:
            prefs = session.scalar(
                select(BotConversation).where(
                    BotConversation.platform == PLATFORM,
                    BotConversation.chat_key == f"prefs:{chat_id}",
                )
            )
            return None, (prefs.data.get("language") if prefs else None)

    def _set_language(self, chat_id: int, language: str, now: dt.datetime) -> None:
        with transaction(self.engine) as session:
            member = session.scalar(select(Member).where(Member.telegram_chat_id == chat_id))
            if member is not None:
                member.language = language
                return
            key = f"prefs:{chat_id}"
            prefs = session.scalar(
                select(BotConversation).where(
                    BotConversation.platform == PLATFORM, BotConversation.chat_key == key
                )
            )
            if prefs is None:
                prefs = BotConversation(platform=PLATFORM, chat_key=key, kind="prefs", step="-")
                session.add(prefs)
            prefs.data = {"language": language}
            prefs.updated_at = now

    # --- private chats -------------------------------------------------------------

    async def _private(
        self,
        record: InboxRecord,
        chat_id: int,
        text: str,
        message: dict[str, Any],
        now: dt.datetime,
    ) -> None:
        member, chosen = await asyncio.to_thread(self._language, chat_id)
        sender_language = str((message.get("from") or {}).get("language_code") or "")[:2]
        language = chosen or (sender_language if sender_language in LANGUAGES else "en")
        command = command_of(text, self.bot_username)
        say = self._sayer(record, chat_id, language, now)
        if command is not None:
            name, argument = command
            if name in ("help", "start"):
                await say(self.assistant.help(language))
            elif name == "language":
                wanted = argument.lower()[:2]
                if wanted in LANGUAGES and len(argument.strip()) == 2:
                    await asyncio.to_thread(self._set_language, chat_id, wanted, now)
                    await say(prompt("language", wanted))
                else:
                    await say(prompt("language_usage", language))
            elif name in COMMAND_QUESTIONS:
                question = in_language(language, COMMAND_QUESTIONS[name])
                await self._ask(record, chat_id, question, member, language, now)
            elif name == "submit":
                await asyncio.to_thread(self._start_submission, record, chat_id, now)
                await say(prompt("title", language))
            elif name == "preferences":
                await say(preferences_reply(self.settings, member, language, now))
            elif name in ("skip", "cancel"):
                await self._continue(record, chat_id, text, member, language, now)
            else:
                await say(self.assistant.help(language))  # an unknown command: what we can do
            return
        if await self._continue(record, chat_id, text, member, language, now):
            return
        await self._ask(record, chat_id, text, member, chosen, now)

    def _sayer(self, record: InboxRecord, chat_id: int, language: str, now: dt.datetime) -> Any:
        async def say(text: str) -> None:
            await asyncio.to_thread(
                say_into_chat,
                self.engine,
                platform=PLATFORM,
                reply_to=str(chat_id),
                text=text,
                language=language,
                dedup_key=f"tg:{record.event_key}:say",
                now=now,
            )

        return say

    async def _ask(
        self,
        record: InboxRecord,
        chat_id: int,
        text: str,
        member: Member | None,
        lang: str | None,
        now: dt.datetime,
    ) -> None:
        asked = ChatQuestion(
            PLATFORM, record.event_key, text, str(chat_id), member.id if member else None, lang
        )
        await asyncio.to_thread(
            answer_into_chat, self.engine, self.assistant, self.settings, asked, now
        )

    # --- groups --------------------------------------------------------------------

    async def _group(self, record: InboxRecord, chat_id: int, text: str, now: dt.datetime) -> None:
        command = command_of(text, self.bot_username)
        addressed = f"@{self.bot_username}".lower() if self.bot_username else None
        if command is not None and command[0] in COMMAND_QUESTIONS:
            question = COMMAND_QUESTIONS[command[0]]
        elif addressed and addressed in text.lower():
            question = " ".join(w for w in text.split() if w.lower() != addressed)
        else:
            return
        await self._ask(record, chat_id, question, None, None, now)

    # --- the /submit conversation ---------------------------------------------------

    async def _photo(self, record: InboxRecord, chat_id: int, now: dt.datetime) -> None:
        """A photo sent in the form: its Bot API file URL would reveal the bot's token, so
        the member is asked for a public link instead."""
        _, chosen = await asyncio.to_thread(self._language, chat_id)
        if await asyncio.to_thread(self._in_conversation, chat_id):
            await self._sayer(record, chat_id, chosen or "en", now)(prompt("photo", chosen or "en"))

    def _conversation(self, session: Session, chat_id: int) -> BotConversation | None:
        return session.scalar(
            select(BotConversation).where(
                BotConversation.platform == PLATFORM,
                BotConversation.chat_key == str(chat_id),
                BotConversation.kind == "submit",
            )
        )

    def _in_conversation(self, chat_id: int) -> bool:
        with transaction(self.engine) as session:
            return self._conversation(session, chat_id) is not None

    def _start_submission(self, record: InboxRecord, chat_id: int, now: dt.datetime) -> None:
        with transaction(self.engine) as session:
            conversation = self._conversation(session, chat_id)
            if conversation is None:
                conversation = BotConversation(
                    platform=PLATFORM, chat_key=str(chat_id), kind="submit", step="title"
                )
                session.add(conversation)
            conversation.step = "title"
            conversation.data = {"last_update": record.event_key}
            conversation.updated_at = now

    async def _continue(
        self,
        record: InboxRecord,
        chat_id: int,
        text: str,
        member: Member | None,
        language: str,
        now: dt.datetime,
    ) -> bool:
        """Take ``text`` as the next answer of a running /submit; False if none runs."""
        reply = await asyncio.to_thread(self._step, record, chat_id, text, member, language, now)
        if reply is None:
            return False
        await self._sayer(record, chat_id, language, now)(reply)
        return True

    def _step(
        self,
        record: InboxRecord,
        chat_id: int,
        text: str,
        member: Member | None,
        language: str,
        now: dt.datetime,
    ) -> str | None:
        with transaction(self.engine) as session:
            conversation = self._conversation(session, chat_id)
            if conversation is None:
                return None
            data = dict(conversation.data or {})
            if str(data.get("last_update")) == record.event_key:
                return None  # this update was already taken (processed twice)
            data["last_update"] = record.event_key
            if text.startswith("/cancel"):
                session.delete(conversation)
                return prompt("cancelled", language)
            skipped = text.startswith("/skip")
            step = conversation.step
            if skipped and step in ("title", "text"):
                return prompt(step, language)
            data[step] = "" if skipped else text
            following = STEPS[STEPS.index(step) + 1] if step != STEPS[-1] else None
            if following is not None:
                conversation.step, conversation.data, conversation.updated_at = following, data, now
                return prompt(following, language)
            try:
                item = submit_from_chat(
                    session,
                    self.settings,
                    source_key=SOURCE,
                    platform=PLATFORM,
                    external_id=f"telegram:{chat_id}:{record.event_key}",
                    title=data.get("title", ""),
                    text=data.get("text", ""),
                    link=data.get("link") or None,
                    image_url=data.get("image") or None,
                    reply_to=str(chat_id),
                    member_id=member.id if member else None,
                    now=now,
                    language=language,
                )
            except SubmissionError as error:
                session.delete(conversation)
                return f"{error}. /submit"
            session.delete(conversation)
            title = item.title if item is not None else data.get("title", "")
            return told("received", language, title=title)
