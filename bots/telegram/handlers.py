"""What the hub does with a Telegram update from the inbox: python-telegram-bot's Application.

Each update stored in the inbox (webhook or polling, :mod:`bots.telegram.ingress`)
is replayed into one PTB ``Application`` built without an updater
(:meth:`TelegramHandlers.__call__`: ``Update.de_json`` then
``Application.process_update``); its handlers are PTB's:

- private chats: ``CommandHandler``\\ s for ``/help`` and ``/start`` (what can be
  asked), ``/next``, ``/events`` and ``/awards`` (that question to the assistant
  in the member's language), ``/language xx`` (stored; without a code, an inline
  keyboard of the languages), ``/remind`` (the chat's reminders with a button to
  cancel each, and what is coming up with a "remind me" button each),
  ``/preferences`` (the member's own signed link), any other command (help); a
  ``MessageHandler`` (``filters.TEXT & ~filters.COMMAND``) gives free text to the
  assistant, and an answer about a dated record carries a "remind me" button;
- taps on those buttons: ``CallbackQueryHandler``\\ s by the data's prefix
  (:mod:`bots.telegram.callbacks`); anything else, or a button whose record or
  reminder is gone, is answered "this button no longer works" and changes nothing;
- ``/submit``: a ``ConversationHandler`` (title, text, link, image link;
  ``/skip`` and ``/cancel``) whose state and answers persist in the hub's
  database (:class:`bots.telegram.persistence.HubPersistence`), so a restart
  continues it; it ends in a pending item of the ``telegram_submissions`` source;
- groups: ``/next``, ``/events``, ``/awards`` addressed to the bot, and messages
  that mention it (``filters.Mention``).

The Application never speaks to Telegram itself: its bot's request object
(:class:`OutboxOnly`) answers ``getMe`` with the identity the bots role learned
and refuses any other method, because every reply goes through the outbox to
the chat the update came from. Each update is handled once even if processed
twice: replies carry the update's id in their dedup key, and the conversation
remembers the last update it took (``chat_data["last_update"]``).

A tap is answered (``answerCallbackQuery``) through the outbox too, like the edit of
the tapped message: the update is in the inbox before Telegram is told it arrived, and
the outbox's worker sends within the second when the bus is idle, well inside the
time a member's client waits for the answer (some 15 seconds). Answering from the
handler itself would need a second way to Telegram that neither retries nor shares the
bot's rate budget; what a late answer costs is a spinner that stops by itself, while
the reminder or the language is already kept.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import logging
from collections import UserDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from telegram import Bot, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bots.answering import ChatQuestion, answer_into_chat, find_member, say_into_chat
from bots.chat_news import submit_from_chat, told
from bots.i18n import N_
from bots.i18n import say as in_language
from bots.preferences import preferences_reply
from bots.telegram import callbacks, keyboards
from bots.telegram.outbox_request import BOT_ID, OutboxOnly
from bots.telegram.persistence import HubPersistence
from hub.core.assistant.assistant import Answer, Assistant
from hub.core.assistant.dates import day_words
from hub.core.assistant.reminding import Remindable
from hub.core.assistant.store import add_reminder, cancel_reminder, pending_reminders
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
    "language_choose": N_("Which language shall I answer in?"),
    "remind_me": N_("Remind me"),
    "stale_button": N_("This button no longer works. Send /remind to see what is coming up."),
    "reminder_cancelled": N_("Reminder cancelled: {target}."),
    "your_reminders": N_("Your reminders (tap one to cancel it):"),
    "no_reminders": N_("You have no reminders yet."),
    "coming_up": N_("Coming up (tap to be reminded the day before):"),
    "nothing_coming": N_("Nothing dated is coming up."),
}
"""What the bot says in the /submit and /language conversations, in English."""
STEPS = ("title", "text", "link", "image")
SUBMIT = "submit"
"""The /submit ConversationHandler's name (its states are kept under it)."""
Context = ContextTypes.DEFAULT_TYPE


def prompt(key: str, language: str) -> str:
    return in_language(language, PROMPTS[key])


def telegram_lane(record: InboxRecord) -> str:
    """The chat of an update: a /submit conversation's steps must run in order, and a tap
    in a chat waits for the messages before it."""
    tapped = record.payload.get("callback_query")
    for key in ("message", "edited_message", "channel_post"):
        message = record.payload.get(key)
        if key == "message" and message is None and isinstance(tapped, dict):
            message = tapped.get("message")
        if isinstance(message, dict):
            return str((message.get("chat") or {}).get("id", ""))
    return "other"


@dataclass
class Turn:
    """The inbox record being processed, its time, and what a handler raised."""

    record: InboxRecord
    now: dt.datetime
    errors: list[BaseException] = field(default_factory=list)


_turn: contextvars.ContextVar[Turn] = contextvars.ContextVar("telegram_turn")


def chat_id_of(update: Update) -> int:
    chat = update.effective_chat
    assert chat is not None  # every handler here filters on a chat type
    return chat.id


def text_of(update: Update) -> str:
    message = update.effective_message
    return (message.text or "").strip() if message is not None else ""


@dataclass
class TelegramHandlers:
    """The inbox handler for the ``telegram`` platform: a PTB Application fed from the inbox."""

    engine: Engine
    settings: Any
    assistant: Assistant
    bot_username: str | None = None
    application: Application[Any, Any, Any, Any, Any, Any] = field(init=False)
    _started: asyncio.Lock = field(init=False, default_factory=asyncio.Lock)
    _ready: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        request = OutboxOnly(self.bot_username)
        bot = Bot(f"{BOT_ID}:outbox-only", request=request, get_updates_request=request)
        self.persistence = HubPersistence(self.engine)
        self.application = (
            ApplicationBuilder().bot(bot).updater(None).job_queue(None)
            .persistence(self.persistence).build()
        )  # fmt: skip
        for handler in self.handlers():
            self.application.add_handler(handler)
        self.application.add_error_handler(self._keep_error)

    async def __call__(self, record: InboxRecord, now: dt.datetime) -> None:
        async with self._started:
            if not self._ready:  # loads the conversations and chat data kept in the database
                await self.application.initialize()
                self._ready = True
        try:
            update = Update.de_json(record.payload, self.application.bot)
        except Exception as error:  # an update PTB cannot read: nothing to answer
            log.warning("telegram: update %s not understood: %s", record.event_key, error)
            return
        turn = Turn(record, now)
        token = _turn.set(turn)
        try:
            await self.reload_form(update)
            await self.application.process_update(update)
            await self.application.update_persistence()
        finally:
            _turn.reset(token)
        if turn.errors:
            raise turn.errors[0]  # the inbox retries the update

    async def reload_form(self, update: Update) -> None:
        """The chat's ``/submit`` state as stored now, into PTB's ConversationHandler.

        PTB loads conversation states once, at ``initialize``; another bots process may
        have moved this chat's form since. The handler keeps its states in a
        ``TrackingDict`` (a ``UserDict``, PTB 20-22); the state is put in its ``data``
        so that it is not written back as a change. A PTB that keeps them otherwise is
        left as it is (the states then are those loaded at start)."""
        chat = update.effective_chat
        held = getattr(self._form, "_conversations", None)
        if chat is None or not isinstance(held, UserDict):
            return
        key = (chat.id,)
        state = await self.persistence.conversation_state(SUBMIT, key)
        if state is None:
            held.data.pop(key, None)
        else:
            held.data[key] = state

    async def _keep_error(self, update: object, context: Context) -> None:
        if context.error is not None:
            _turn.get().errors.append(context.error)

    def handlers(self) -> list[BaseHandler[Any, Any, Any]]:
        private = filters.ChatType.PRIVATE
        groups = filters.ChatType.GROUPS
        questions = list(COMMAND_QUESTIONS)
        self._form = self.submit_conversation()
        found: list[BaseHandler[Any, Any, Any]] = [
            self._form,
            CommandHandler(["help", "start"], self.help, private),
            CommandHandler("language", self.language, private),
            CommandHandler(questions, self.command_question, private),
            CommandHandler("preferences", self.preferences, private),
            CommandHandler("remind", self.remind, private),
            CommandHandler(["skip", "cancel"], self.nothing, private),
            MessageHandler(private & filters.COMMAND, self.help),
            MessageHandler(private & filters.TEXT, self.free_text),
            CommandHandler(questions, self.group_question, groups),
            CallbackQueryHandler(self.language_tapped, pattern=f"^{callbacks.LANGUAGE}"),
            CallbackQueryHandler(self.remind_tapped, pattern=r"^rm[:#]"),
            CallbackQueryHandler(self.cancel_tapped, pattern=f"^{callbacks.CANCEL}"),
            CallbackQueryHandler(self.stale_tapped),
        ]
        if self.bot_username:
            mentioned = groups & filters.TEXT & filters.Mention(self.bot_username)
            found.append(MessageHandler(mentioned, self.group_mention))
        return found

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

    async def _who(self, update: Update) -> tuple[Member | None, str | None, str]:
        """The member (if known), the language they chose (if any), and the one to use."""
        member, chosen = await asyncio.to_thread(self._language, chat_id_of(update))
        user = update.effective_user
        sender = str((user.language_code if user else None) or "")[:2]
        return member, chosen, chosen or (sender if sender in LANGUAGES else "en")

    async def _say(
        self,
        update: Update,
        text: str,
        language: str,
        *,
        buttons: keyboards.Buttons | None = None,
        what: str = "say",
        edit_of: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        """Queue ``text`` to the update's chat (with ``buttons``; as an edit of the bot's
        message ``edit_of``); ``what`` tells apart the deliveries of one update."""
        turn = _turn.get()
        more = {**(extra or {}), **({"buttons": buttons} if buttons else {})}
        await asyncio.to_thread(
            say_into_chat, self.engine, platform=PLATFORM, reply_to=str(chat_id_of(update)),
            text=text, language=language, dedup_key=f"tg:{turn.record.event_key}:{what}",
            now=turn.now, extra=more, edit_of=None if edit_of is None else str(edit_of),
        )  # fmt: skip

    async def _ask(
        self, update: Update, text: str, member: Member | None, lang: str | None
    ) -> None:
        turn = _turn.get()
        asked = ChatQuestion(PLATFORM, turn.record.event_key, text, str(chat_id_of(update)),
                             member.id if member else None, lang)  # fmt: skip
        private = update.effective_chat is not None and update.effective_chat.type == "private"
        await asyncio.to_thread(
            answer_into_chat, self.engine, self.assistant, self.settings, asked, turn.now,
            extra_for=self._remind_button if private else None,
        )  # fmt: skip

    def _remind_button(self, answer: Answer) -> dict[str, Any]:
        """A "remind me" button under an answer about a dated record still to come."""
        if answer.offer is None:
            return {}
        data = callbacks.remind_data(answer.offer.record_id, answer.offer.step)
        return {"buttons": [[(prompt("remind_me", answer.language), data)]]}

    # --- private chats -------------------------------------------------------------

    async def help(self, update: Update, context: Context) -> None:
        _, _, language = await self._who(update)
        await self._say(update, self.assistant.help(language), language)

    async def language(self, update: Update, context: Context) -> None:
        _, _, language = await self._who(update)
        argument = " ".join(context.args or [])
        wanted = argument.lower()[:2]
        if wanted in LANGUAGES and len(argument) == 2:
            await asyncio.to_thread(self._set_language, chat_id_of(update), wanted, _turn.get().now)
            await self._say(update, prompt("language", wanted), wanted)
            return
        text = prompt("language_usage" if argument else "language_choose", language)
        await self._say(update, text, language, buttons=keyboards.languages(LANGUAGES))

    async def command_question(self, update: Update, context: Context) -> None:
        member, _, language = await self._who(update)
        name = text_of(update)[1:].split()[0].split("@")[0].lower()
        await self._ask(update, in_language(language, COMMAND_QUESTIONS[name]), member, language)

    async def preferences(self, update: Update, context: Context) -> None:
        member, _, language = await self._who(update)
        reply = preferences_reply(self.settings, member, language, _turn.get().now)
        await self._say(update, reply, language)

    async def nothing(self, update: Update, context: Context) -> None:
        """``/skip`` or ``/cancel`` with no form open: nothing to skip or cancel."""

    async def free_text(self, update: Update, context: Context) -> None:
        member, chosen, _ = await self._who(update)
        await self._ask(update, text_of(update), member, chosen)

    # --- reminders and taps ----------------------------------------------------------

    async def remind(self, update: Update, context: Context) -> None:
        """``/remind``: the chat's reminders (tap to cancel) and what is coming up (tap to
        be reminded)."""
        _, _, language = await self._who(update)
        today = _turn.get().now.date()
        chat = str(chat_id_of(update))
        kept = await asyncio.to_thread(self._reminders_of, chat)
        coming = self.assistant.upcoming(language=language, today=today)
        lines = [prompt("your_reminders" if kept else "no_reminders", language)]
        lines += [f"• {label} — {when}" for _, label, when, _ in kept]
        lines += ["", prompt("coming_up" if coming else "nothing_coming", language)]
        lines += [f"• {t.label} — {t.when}" for t in coming]
        mine = [(reminder_id, label) for reminder_id, label, _, _ in kept]
        buttons = keyboards.reminders(mine, coming)
        await self._say(update, "\n".join(lines), language, buttons=buttons)

    def _reminders_of(self, chat: str) -> list[tuple[int, str, str, str]]:
        """The chat's pending reminders (id, label, date, record), the knowledge refreshed."""
        with transaction(self.engine) as session:
            self.assistant.refresh(session)
            mine = pending_reminders(session, platform=PLATFORM, reply_to=chat)
            return [(r.id, r.label, r.when_text, r.record_id) for r in mine]

    def _keep_reminder(
        self, target: Remindable, member: Member | None, chat: str, language: str
    ) -> None:
        turn = _turn.get()
        with transaction(self.engine) as session:
            add_reminder(
                session, target, member_id=member.id if member else None, platform=PLATFORM,
                reply_to=chat, language=language, now=turn.now,
                timezone=self.settings.hub.timezone,
            )  # fmt: skip

    def _cancel(self, reminder_id: int, chat: str) -> str | None:
        """Cancel the chat's own pending reminder; its label, or None when it was not."""
        with transaction(self.engine) as session:
            cancelled = cancel_reminder(session, reminder_id, platform=PLATFORM, reply_to=chat)
            return cancelled.label if cancelled is not None else None

    async def _answer_tap(self, update: Update, text: str, language: str) -> None:
        """``answerCallbackQuery`` with ``text``, through the outbox (see the module)."""
        query = update.callback_query
        assert query is not None  # CallbackQueryHandler's updates carry one
        extra = {"callback_query_id": query.id}
        await self._say(update, text, language, what="tap", extra=extra)

    def _tapped_message(self, update: Update) -> int | None:
        query = update.callback_query
        message = query.message if query is not None else None
        return message.message_id if message is not None else None

    async def language_tapped(self, update: Update, context: Context) -> None:
        """A language chosen on the keyboard: kept, said, and the keyboard's message
        edited to say it (the keyboard goes)."""
        query = update.callback_query
        assert query is not None
        wanted = callbacks.read_language(query.data or "", LANGUAGES)
        if wanted is None:
            await self.stale_tapped(update, context)
            return
        await asyncio.to_thread(self._set_language, chat_id_of(update), wanted, _turn.get().now)
        said = prompt("language", wanted)
        await self._answer_tap(update, said, wanted)
        message_id = self._tapped_message(update)
        if message_id is not None:
            await self._say(update, said, wanted, what="edit", edit_of=message_id)

    def _remindable(self, data: str, language: str, today: dt.date) -> Remindable | None:
        with transaction(self.engine) as session:
            self.assistant.refresh(session)
        index = self.assistant.index
        known: list[tuple[str, str | None]] = [(e.id, None) for e in index.events]
        known += [(a.id, step) for a in index.awards for step in a.steps]
        found = callbacks.read_remind(data, known)
        if found is None:
            return None
        return self.assistant.remindable(found[0], found[1], language=language, today=today)

    async def remind_tapped(self, update: Update, context: Context) -> None:
        """ "Remind me": a reminder of the record as it is now, the day before its date."""
        query = update.callback_query
        assert query is not None
        member, _, language = await self._who(update)
        turn = _turn.get()
        target = await asyncio.to_thread(
            self._remindable, query.data or "", language, turn.now.date()
        )
        if target is None:
            await self.stale_tapped(update, context)
            return
        chat = str(chat_id_of(update))
        # to_thread copies the context, so the turn (its time) goes along
        await asyncio.to_thread(self._keep_reminder, target, member, chat, language)
        day = day_words(target.remind_at.date(), language)
        said = self.assistant.tables.phrase(
            "reminder_set", language, day=day, target=target.label, when=target.when
        )
        await self._answer_tap(update, said, language)

    async def cancel_tapped(self, update: Update, context: Context) -> None:
        """A reminder cancelled from ``/remind``: its button leaves the keyboard."""
        query = update.callback_query
        assert query is not None
        _, _, language = await self._who(update)
        reminder_id = callbacks.read_cancel(query.data or "")
        chat = str(chat_id_of(update))
        label = None
        if reminder_id is not None:
            label = await asyncio.to_thread(self._cancel, reminder_id, chat)
        if label is None:
            await self.stale_tapped(update, context)
            return
        said = prompt("reminder_cancelled", language).format(target=label)
        await self._answer_tap(update, said, language)
        message = query.message
        markup = getattr(message, "reply_markup", None)
        if message is None or markup is None:
            return
        shown = [[(b.text, str(b.callback_data)) for b in row] for row in markup.inline_keyboard]
        left = keyboards.without(shown, query.data or "")
        await self._say(
            update, "", language, what="edit", edit_of=message.message_id,
            extra={"markup_only": True, **({"buttons": left} if left else {})},
        )  # fmt: skip

    async def stale_tapped(self, update: Update, context: Context) -> None:
        """A button the hub cannot use (old, or not one it made): said, nothing changed."""
        query = update.callback_query
        data = (query.data if query is not None else None) or ""
        log.info("telegram: button data %r refused", data[:64])
        _, _, language = await self._who(update)
        await self._answer_tap(update, prompt("stale_button", language), language)

    # --- groups --------------------------------------------------------------------

    async def group_question(self, update: Update, context: Context) -> None:
        name = text_of(update)[1:].split()[0].split("@")[0].lower()
        await self._ask(update, COMMAND_QUESTIONS[name], None, None)

    async def group_mention(self, update: Update, context: Context) -> None:
        addressed = f"@{self.bot_username}".lower()
        question = " ".join(w for w in text_of(update).split() if w.lower() != addressed)
        await self._ask(update, question, None, None)

    # --- the /submit conversation ---------------------------------------------------

    def submit_conversation(self) -> ConversationHandler[Any]:
        private = filters.ChatType.PRIVATE
        answer = private & filters.TEXT & ~filters.COMMAND
        steps: dict[object, list[BaseHandler[Any, Any, Any]]] = {
            step: [MessageHandler(answer, self.answer), CommandHandler("skip", self.answer)]
            for step in STEPS
        }
        return ConversationHandler(
            entry_points=[CommandHandler("submit", self.start_submission, private)],
            states=steps,
            fallbacks=[
                CommandHandler("cancel", self.cancel_submission, private),
                MessageHandler(private & filters.PHOTO, self.photo),
            ],
            allow_reentry=True,
            per_user=False,  # one form per chat, as the steps' lane is the chat
            name=SUBMIT,
            persistent=True,
        )

    def _taken(self, context: Context) -> bool:
        """Whether this update was taken already (processed twice); mark it taken."""
        data = context.chat_data
        assert data is not None
        key = _turn.get().record.event_key
        if data.get("last_update") == key:
            return True
        data["last_update"] = key
        return False

    async def start_submission(self, update: Update, context: Context) -> object:
        _, _, language = await self._who(update)
        assert context.chat_data is not None
        context.chat_data.clear()
        self._taken(context)
        await self._say(update, prompt("title", language), language)
        return "title"

    async def cancel_submission(self, update: Update, context: Context) -> object:
        _, _, language = await self._who(update)
        assert context.chat_data is not None
        context.chat_data.clear()
        await self._say(update, prompt("cancelled", language), language)
        return ConversationHandler.END

    async def photo(self, update: Update, context: Context) -> None:
        """A photo sent in the form: its Bot API file URL would reveal the bot's token, so
        the member is asked for a public link instead (the step stays)."""
        _, _, language = await self._who(update)
        await self._say(update, prompt("photo", language), language)

    async def answer(self, update: Update, context: Context) -> object:
        """The answer to the current step; the next step's question, or the item."""
        if self._taken(context):
            return None
        data = context.chat_data
        assert data is not None
        member, _, language = await self._who(update)
        step = str(data.get("step") or "title")
        skipped = text_of(update).startswith("/skip")
        if skipped and step in ("title", "text"):
            await self._say(update, prompt(step, language), language)
            return None
        data[step] = "" if skipped else text_of(update)
        following = STEPS[STEPS.index(step) + 1] if step != STEPS[-1] else None
        if following is not None:
            data["step"] = following
            await self._say(update, prompt(following, language), language)
            return following
        reply = await asyncio.to_thread(self._submit, chat_id_of(update), dict(data), member,
                                        language)  # fmt: skip
        data.clear()
        await self._say(update, reply, language)
        return ConversationHandler.END

    def _submit(
        self, chat_id: int, data: dict[str, Any], member: Member | None, language: str
    ) -> str:
        turn = _turn.get()
        with transaction(self.engine) as session:
            try:
                item = submit_from_chat(
                    session, self.settings, source_key=SOURCE, platform=PLATFORM,
                    external_id=f"telegram:{chat_id}:{turn.record.event_key}",
                    title=data.get("title", ""), text=data.get("text", ""),
                    link=data.get("link") or None, image_url=data.get("image") or None,
                    reply_to=str(chat_id), member_id=member.id if member else None,
                    now=turn.now, language=language,
                )  # fmt: skip
            except SubmissionError as error:
                return f"{error}. /submit"
            title = item.title if item is not None else data.get("title", "")
            return told("received", language, title=title)
