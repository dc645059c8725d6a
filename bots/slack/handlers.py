"""The hub's Slack listeners on the Bolt app (:mod:`bots.slack.app`), fed from the inbox.

- ``app_mention`` and direct messages (``message`` in an ``im``): the
  question goes to the assistant, the answer to the same conversation, in the
  thread of the mention;
- ``/iopd QUESTION`` answers in the conversation of the command;
  ``/iopd preferences`` (or a ``/preferences`` command) answers, to the member
  alone, with their own signed link to their preferences page;
  ``/iopd submit`` and the global shortcut ``hub_submit_news`` open the
  submission form (a modal: title, text, link, image, language), and
  ``/iopd submit TITLE | TEXT | LINK`` submits at once;
- ``view_submission`` of the form stores a pending item of the
  ``slack_submissions`` source, and the secretariat's channel gets a message
  with Approve, Decline and Edit buttons;
- ``block_actions`` of those buttons approve (the router writes the
  deliveries) or decline the item, and the member is told on the platform
  they used; Edit opens the item in a modal whose submission corrects it;
  each answered in place (``chat.update`` of the message, with who did what);
- ``app_home_opened`` publishes the member's App Home tab (:mod:`bots.slack.home`).

Each step is idempotent, so an event processed twice acts once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext as Ctx
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Engine

from bots.answering import ChatQuestion, answer_into_chat, find_member, say_into_chat
from bots.chat_news import submit_from_chat, tell_submitter, told
from bots.i18n import N_, say
from bots.preferences import preferences_reply
from bots.slack.app import NOW, RECORD, replay, slack_app
from bots.slack.format import (
    APPROVE_ACTION,
    DECLINE_ACTION,
    EDIT_ACTION,
    escape,
    moderation_actions,
)
from bots.slack.home import home_view
from hub.core.accounts import AuditEntry
from hub.core.assistant.assistant import Assistant
from hub.core.bus.inbox import InboxRecord
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Item, Member, utcnow
from hub.core.moderation.decisions import (
    ModerationError,
    SubmitterNotice,
    approve_and_notify,
    correct_posted,
    decline_and_notify,
    edit,
)
from hub.core.moderation.submissions import SubmissionError, plain_to_html

log = logging.getLogger(__name__)
PLATFORM = "slack"
SOURCE = "slack_submissions"
SUBMIT_CALLBACK = "hub_submit"
PREFERENCES_ACTION = "hub_preferences"
SUBMIT_SHORTCUT = "hub_submit_news"
"""The callback id of the global shortcut "Submit news" (set in the Slack app's config)."""
FORM_FAILED = N_(
    "The submission form could not be opened. You can also write /iopd submit TITLE | TEXT | LINK"
)
_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")
TOLD: tuple[SubmitterNotice, ...] = (tell_submitter,)
"""Who tells the member of the buttons' decision: the chat they submitted from."""


def submit_modal(
    reply_to: str, language: str = "en", languages: Sequence[str] = ()
) -> dict[str, Any]:
    """The submission form in ``language``; ``private_metadata`` keeps where to tell the member.

    With ``languages`` (the deployment's), the member may say which language the news is
    in (a ``static_select`` of the languages' own names); unsaid, the hub detects it."""

    def field(
        block: str, label: str, multiline: bool = False, optional: bool = False
    ) -> dict[str, Any]:
        element = {"type": "plain_text_input", "action_id": block, "multiline": multiline}
        return {
            "type": "input",
            "block_id": block,
            "optional": optional,
            "label": {"type": "plain_text", "text": say(language, label)},
            "element": element,
        }

    return {
        "type": "modal",
        "callback_id": SUBMIT_CALLBACK,
        "private_metadata": reply_to,
        "title": {"type": "plain_text", "text": say(language, "Submit news")},
        "submit": {"type": "plain_text", "text": say(language, "Submit")},
        "blocks": [
            field("title", N_("Title")),
            field("text", N_("Text"), multiline=True),
            field("link", N_("Link"), optional=True),
            field("image", N_("Image link"), optional=True),
            *([language_select(language, languages)] if languages else []),
        ],
    }


def language_select(language: str, languages: Sequence[str]) -> dict[str, Any]:
    """An optional input block choosing one of ``languages``, each by its own name."""
    options = [
        {
            "text": {
                "type": "plain_text",
                "text": (Locale.parse(code).get_display_name(code) or code).title(),
            },
            "value": code,
        }
        for code in languages
    ]
    return {
        "type": "input",
        "block_id": "language",
        "optional": True,
        "label": {"type": "plain_text", "text": say(language, N_("Language"))},
        "element": {"type": "static_select", "action_id": "language", "options": options},
    }


EDIT_CALLBACK = "hub_edit"


def edit_modal(item: Item, where: dict[str, str]) -> dict[str, Any]:
    """The secretariat's correction of a pending item (title, text, link), in a modal;
    ``private_metadata`` keeps the item and the moderation message to update."""

    def field(block: str, label: str, value: str, multiline: bool = False) -> dict[str, Any]:
        element: dict[str, Any] = {
            "type": "plain_text_input",
            "action_id": block,
            "multiline": multiline,
        }
        if value:
            element["initial_value"] = value[:3000]
        return {
            "type": "input",
            "block_id": block,
            "optional": block == "link",
            "label": {"type": "plain_text", "text": label},
            "element": element,
        }

    return {
        "type": "modal",
        "callback_id": EDIT_CALLBACK,
        "private_metadata": json.dumps({"item": item.id, **where}),
        "title": {"type": "plain_text", "text": f"Edit #{item.id}"[:24]},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": [
            field("title", "Title", item.title),
            field("text", "Text", item.summary_text or "", multiline=True),
            field("link", "Link", item.link or ""),
        ],
    }


def form_values(view: dict[str, Any]) -> dict[str, str]:
    """The modal's input values by block id."""
    values: dict[str, str] = {}
    for block, actions in (view.get("state", {}).get("values", {}) or {}).items():
        for action in actions.values():
            chosen = action.get("selected_option") or {}
            values[block] = str(action.get("value") or chosen.get("value") or "")
    return values


def slack_lane(record: InboxRecord) -> str:
    """The conversation of an event: its channel (events, commands) or the user (clicks)."""
    data = record.payload
    if data.get("kind") == "event":
        return str((data.get("event") or {}).get("channel", ""))
    if data.get("kind") == "command":
        return str(data.get("channel_id", ""))
    return "user:" + str(((data.get("payload") or {}).get("user") or {}).get("id", ""))


@dataclass
class SlackHandlers:
    """The inbox handler for the ``slack`` platform: a Bolt app and its listeners.

    Calling it with an inbox record replays the stored request into the Bolt
    app (:func:`bots.slack.app.replay`); Bolt's matchers route it to the
    listener below that takes it. A listener that raises has the event retried.
    """

    engine: Any
    settings: Settings
    assistant: Assistant
    client: AsyncWebClient | None = None
    clock: Callable[[], dt.datetime] = utcnow
    app: AsyncApp = field(init=False)

    def __post_init__(self) -> None:
        self.app = slack_app(engine=self.engine, clock=self.clock, client=self.client)
        self.register(self.app)

    def register(self, app: AsyncApp) -> None:
        """The hub's listeners on ``app`` (Bolt's matchers: event types, command names,
        action ids, view callback ids, shortcut callback ids)."""
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.command(re.compile(r"^/"))(self.on_command)
        app.view(SUBMIT_CALLBACK)(self.on_submit_form)
        app.shortcut(SUBMIT_SHORTCUT)(self.on_submit_shortcut)
        app.action(APPROVE_ACTION)(self.on_moderation)
        app.action(DECLINE_ACTION)(self.on_moderation)
        app.action(EDIT_ACTION)(self.on_edit)
        app.view(EDIT_CALLBACK)(self.on_edit_saved)
        app.event("app_home_opened")(self.on_home_opened)
        app.action(PREFERENCES_ACTION)(self.on_link_button)

    async def __call__(self, record: InboxRecord, now: dt.datetime) -> None:
        await replay(self.app, record, now)

    # --- listeners ---------------------------------------------------------------

    async def on_mention(self, ack: AsyncAck, event: dict[str, Any], context: Ctx) -> None:
        await ack()
        await self._event(context[RECORD], event, context[NOW])

    async def on_message(self, ack: AsyncAck, event: dict[str, Any], context: Ctx) -> None:
        """Direct messages are questions; other messages (channels, edits) are not."""
        await ack()
        await self._event(context[RECORD], event, context[NOW])

    async def on_command(self, ack: AsyncAck, command: dict[str, Any], context: Ctx) -> None:
        await ack()
        await self._command(context[RECORD], command, context[NOW], context.get("client"))

    async def on_submit_form(self, ack: AsyncAck, body: dict[str, Any], context: Ctx) -> None:
        await ack()
        record, now = context[RECORD], context[NOW]
        user = str((body.get("user") or {}).get("id", ""))
        view = body.get("view") or {}
        reply_to = str(view.get("private_metadata") or user)
        await self._submit(record, form_values(view), user, reply_to, now)

    async def on_submit_shortcut(
        self, ack: AsyncAck, shortcut: dict[str, Any], context: Ctx
    ) -> None:
        """The global shortcut opens the form; the member is answered in a direct message."""
        await ack()
        user = str((shortcut.get("user") or {}).get("id", ""))
        await self._open_form(
            context[RECORD],
            str(shortcut.get("trigger_id", "")),
            user,
            user,
            context[NOW],
            context.get("client"),
        )

    def _refusal(self, body: dict[str, Any]) -> str | None:
        """Why the button in ``body`` does not count, or None when it does.

        A moderation button counts only in the secretariat's channel, and, when
        ``[hub] slack_moderators`` lists anyone, only from them: a copy of the message
        forwarded elsewhere, or a user who merely sees it, cannot approve.
        """
        hub = self.settings.hub
        user = str((body.get("user") or {}).get("id", ""))
        place = body.get("channel") or {}
        channel = str((body.get("container") or {}).get("channel_id") or place.get("id", ""))
        secretariat = self.settings.channels.get(hub.secretariat_channel or "")
        names = {channel, f"#{place.get('name', '')}", str(place.get("name", ""))}
        if secretariat is None or secretariat.platform != PLATFORM:
            return "there is no Slack secretariat channel"
        if secretariat.target not in names - {"", "#"}:
            return f"pressed in {channel or 'no channel'}, not the secretariat's channel"
        if hub.slack_moderators and user not in hub.slack_moderators:
            return f"{user or 'someone'} is not one of [hub] slack_moderators"
        return None

    async def on_moderation(self, ack: AsyncAck, body: dict[str, Any], context: Ctx) -> None:
        await ack()
        user = str((body.get("user") or {}).get("id", ""))
        refusal = self._refusal(body)
        if refusal is not None:
            log.warning("slack: a moderation button was ignored: %s", refusal)
            return
        for action in body.get("actions") or []:
            if action.get("action_id") in (APPROVE_ACTION, DECLINE_ACTION):
                outcome = await asyncio.to_thread(
                    self._moderate,
                    str(action["action_id"]),
                    str(action.get("value")),
                    user,
                    context[NOW],
                )
                await self._mark_done(body.get("container") or {}, outcome, context.get("client"))

    async def on_edit(self, ack: AsyncAck, body: dict[str, Any], context: Ctx) -> None:
        """Edit: the item in a modal, for the secretariat to correct before deciding."""
        await ack()
        refusal = self._refusal(body)
        if refusal is not None:
            log.warning("slack: an edit button was ignored: %s", refusal)
            return
        client = context.get("client")
        action = (body.get("actions") or [{}])[0]
        value = str(action.get("value", ""))
        if self.client is None or client is None or not value.isdigit():
            return
        container = body.get("container") or {}
        where = {
            "channel": str(container.get("channel_id", "")),
            "ts": str(container.get("message_ts", "")),
        }

        def load() -> dict[str, Any] | None:
            with transaction(self.engine) as session:
                item = session.get(Item, int(value))
                return edit_modal(item, where) if item is not None else None

        view = await asyncio.to_thread(load)
        if view is None:
            return
        try:
            await client.views_open(trigger_id=str(body.get("trigger_id", "")), view=view)
        except SlackClientError as error:  # the trigger lives 3 s: a retry cannot help
            log.warning("slack: could not open the edit form: %s", error)

    async def on_edit_saved(self, ack: AsyncAck, body: dict[str, Any], context: Ctx) -> None:
        """The corrected item is saved (audited); the moderation message shows who edited
        it and keeps its buttons while the item waits."""
        await ack()
        user = str((body.get("user") or {}).get("id", ""))
        view = body.get("view") or {}
        try:
            where = json.loads(str(view.get("private_metadata") or "{}"))
        except ValueError:
            return
        # The form was opened from a button that counted; its submission is checked again.
        pressed = {"user": body.get("user"), "container": {"channel_id": where.get("channel")}}
        refusal = self._refusal(pressed)
        if refusal is not None:
            log.warning("slack: an edit was ignored: %s", refusal)
            return
        values = form_values(view)
        now = context[NOW]

        def save() -> tuple[str, int, bool] | None:
            with transaction(self.engine) as session:
                item = session.get(Item, int(where.get("item", 0)))
                if item is None:
                    return None
                try:
                    edit(
                        item,
                        title=values.get("title", ""),
                        link=values.get("link") or None,
                        summary_html=plain_to_html(values.get("text", "")),
                    )
                except ModerationError as error:
                    return f"#{item.id} {escape(item.title)}: {escape(str(error))}", item.id, True
                if item.status == "approved":
                    correct_posted(session, item, by=f"slack:{user}", now=now)
                by, target = f"slack:{user}", f"item:{item.id}"
                audit = AuditEntry(
                    at=now, actor=by, action="edit", target=target, detail="edited in Slack"
                )
                session.add(audit)
                text = f"✏️ #{item.id} {escape(item.title)}: edited by <@{escape(user)}>"
                return text, item.id, item.status == "pending"

        saved = await asyncio.to_thread(save)
        client = context.get("client")
        channel, ts = where.get("channel"), where.get("ts")
        if saved is None or self.client is None or client is None or not channel or not ts:
            return
        text, item_id, waiting = saved
        blocks: list[dict[str, Any]] = [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}}
        ]
        if waiting:
            blocks.append(moderation_actions(item_id))
        try:
            await client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        except SlackClientError as error:  # the edit is saved; the label is cosmetic
            log.warning("slack: could not update the moderation message: %s", error)

    async def on_home_opened(self, ack: AsyncAck, event: dict[str, Any], context: Ctx) -> None:
        """The member's App Home tab, published anew each time they open it."""
        await ack()
        user = str(event.get("user", ""))
        client = context.get("client")
        if event.get("tab", "home") != "home" or not user or self.client is None or not client:
            return
        now = context[NOW]

        def build() -> dict[str, Any]:
            member = find_member(self.engine, slack_user_id=user)
            language = member.language if member else self.settings.hub.default_language
            with transaction(self.engine) as session:
                return home_view(session, self.settings, member, language, now)

        view = await asyncio.to_thread(build)
        await client.views_publish(user_id=user, view=view)  # a failure is retried

    async def on_link_button(self, ack: AsyncAck) -> None:
        """A link button (the preferences page): Slack opens the URL; nothing to do."""
        await ack()

    # --- questions ---------------------------------------------------------------

    async def _event(self, record: InboxRecord, event: dict[str, Any], now: dt.datetime) -> None:
        if event.get("bot_id") or event.get("subtype"):
            return  # the hub's own posts and edits, joins...: nothing to answer
        kind = event.get("type")
        is_dm = kind == "message" and event.get("channel_type") == "im"
        if kind != "app_mention" and not is_dm:
            return
        channel, ts = str(event.get("channel", "")), str(event.get("ts", ""))
        thread = str(event.get("thread_ts") or (ts if kind == "app_mention" else ""))
        reply_to = f"{channel}:{thread}" if thread else channel
        await self._ask(
            record, str(event.get("text", "")), str(event.get("user", "")), reply_to, now
        )

    async def _ask(
        self, record: InboxRecord, text: str, user: str, reply_to: str, now: dt.datetime
    ) -> None:
        question = _MENTION.sub("", text).strip()
        if not question:
            return
        member = await asyncio.to_thread(find_member, self.engine, slack_user_id=user)
        if member is not None and not member.timezone:
            await self._learn_timezone(member.id, user)
        asked = ChatQuestion(
            PLATFORM, record.event_key, question, reply_to, member.id if member else None
        )
        await asyncio.to_thread(
            answer_into_chat, self.engine, self.assistant, self.settings, asked, now
        )

    async def _learn_timezone(self, member_id: int, user: str) -> None:
        """Keep the member's time zone from their Slack profile (``users.info``'s ``tz``),
        so their reminders reach them on their own clock; a refusal changes nothing."""
        if self.client is None or not user:
            return
        try:
            response = await self.client.users_info(user=user)
        except SlackApiError as error:
            log.info("slack: no time zone for %s: %s", user, error.response.get("error"))
            return
        tz = str((response.get("user") or {}).get("tz") or "")
        try:
            ZoneInfo(tz)
        except (ValueError, ZoneInfoNotFoundError):
            return
        await asyncio.to_thread(_set_timezone, self.engine, member_id, tz)

    async def _command(
        self, record: InboxRecord, data: dict[str, Any], now: dt.datetime, client: Any
    ) -> None:
        text = str(data.get("text", "")).strip()
        channel, user = str(data.get("channel_id", "")), str(data.get("user_id", ""))
        first = text.split(" ", 1)[0].lower()
        if str(data.get("command", "")).lower() == "/preferences" or first == "preferences":
            await self._preferences(record, user, now)
            return
        if first in ("", "help"):
            await self._say(record, channel, self.assistant.help(self._language_of(user)), now)
            return
        if first != "submit":
            await self._ask(record, text, user, channel, now)
            return
        rest = text[len("submit") :].strip()
        if rest:
            parts = [p.strip() for p in rest.split("|")] + ["", ""]
            values = {"title": parts[0], "text": parts[1], "link": parts[2], "image": ""}
            await self._submit(record, values, user, channel, now)
        else:
            await self._open_form(
                record, str(data.get("trigger_id", "")), user, channel, now, client
            )

    async def _open_form(
        self,
        record: InboxRecord,
        trigger_id: str,
        user: str,
        reply_to: str,
        now: dt.datetime,
        client: Any,
    ) -> None:
        """``views.open`` of the submission form; the member is told if it cannot open."""
        if self.client is None or client is None:
            return
        language = self._language_of(user)
        try:
            form = submit_modal(reply_to, language, self.settings.hub.languages)
            await client.views_open(trigger_id=trigger_id, view=form)
        except SlackClientError as error:  # the trigger lives 3 s: a retry cannot help
            log.warning("slack: could not open the submission form: %s", error)
            await self._say(record, reply_to, say(language, FORM_FAILED), now)

    async def _preferences(self, record: InboxRecord, user: str, now: dt.datetime) -> None:
        """The member's own link, said in a direct message (reply_to a user id opens one)."""
        member = await asyncio.to_thread(find_member, self.engine, slack_user_id=user)
        language = member.language if member else self.settings.hub.default_language
        text = preferences_reply(self.settings, member, language, now)
        await asyncio.to_thread(
            say_into_chat,
            self.engine,
            platform=PLATFORM,
            reply_to=user,
            text=text,
            language=language,
            dedup_key=f"say:slack:{record.event_key}",
            now=now,
        )

    def _language_of(self, user: str) -> str:
        member = find_member(self.engine, slack_user_id=user) if user else None
        return member.language if member else self.settings.hub.default_language

    async def _say(self, record: InboxRecord, reply_to: str, text: str, now: dt.datetime) -> None:
        await asyncio.to_thread(
            say_into_chat,
            self.engine,
            platform=PLATFORM,
            reply_to=reply_to,
            text=text,
            language="en",
            dedup_key=f"say:slack:{record.event_key}",
            now=now,
        )

    # --- submissions and moderation -----------------------------------------------

    async def _submit(
        self,
        record: InboxRecord,
        values: dict[str, str],
        user: str,
        reply_to: str,
        now: dt.datetime,
    ) -> None:
        member = await asyncio.to_thread(find_member, self.engine, slack_user_id=user)
        language = member.language if member else self.settings.hub.default_language

        def store() -> str:
            try:
                with transaction(self.engine) as session:
                    item = submit_from_chat(
                        session,
                        self.settings,
                        source_key=SOURCE,
                        platform=PLATFORM,
                        external_id=f"slack:{record.event_key}",
                        title=values.get("title", ""),
                        text=values.get("text", ""),
                        link=values.get("link") or None,
                        image_url=values.get("image") or None,
                        reply_to=reply_to,
                        member_id=member.id if member else None,
                        now=now,
                        language=language,
                    )
                    chosen = values.get("language", "")
                    if (
                        item is not None
                        and item.status == "pending"
                        and chosen in (self.settings.hub.languages)
                    ):  # the member said which language the news is in
                        edit(item, language=chosen)
                    title = item.title if item is not None else values.get("title", "")
                    return told("received", language, title=title)
            except SubmissionError as error:
                return str(error)

        text = await asyncio.to_thread(store)
        await asyncio.to_thread(
            say_into_chat,
            self.engine,
            platform=PLATFORM,
            reply_to=reply_to,
            text=text,
            language=language,
            dedup_key=f"submitted:slack:{record.event_key}",
            now=now,
        )

    def _moderate(self, action: str, value: str, user: str, now: dt.datetime) -> str | None:
        """Approve or decline; returns what the secretariat's message should now say."""
        if not value.isdigit():
            log.warning("slack: moderation button with item id %r ignored", value)
            return None
        by = f"slack:{user}"
        with transaction(self.engine) as session:
            item = session.get(Item, int(value))
            if item is None:
                log.warning("slack: moderation of unknown item %s", value)
                return None
            title = escape(item.title)
            try:
                if action == APPROVE_ACTION:
                    approve_and_notify(session, item, self.settings, by=by, now=now, notices=TOLD)
                    return f"✅ #{item.id} {title}: approved by <@{escape(user)}>"
                # the button gives no reason the member could read in their language
                decline_and_notify(
                    session,
                    item,
                    reason="declined by the secretariat",
                    by=by,
                    now=now,
                    notices=TOLD,
                    reason_for_member="",
                )
                return f"🚫 #{item.id} {title}: declined by <@{escape(user)}>"
            except ModerationError as error:  # declining an approved item: nothing to redo
                log.warning("slack: item %s: %s", value, error)
                return f"#{item.id} {title}: {escape(str(error))}"

    async def _mark_done(self, container: dict[str, Any], outcome: str | None, client: Any) -> None:
        """Replace the buttons by the outcome, so nobody presses them again (best effort)."""
        channel, ts = container.get("channel_id"), container.get("message_ts")
        if self.client is None or client is None or outcome is None or not channel or not ts:
            return
        try:
            section = {"type": "section", "text": {"type": "mrkdwn", "text": outcome}}
            await client.chat_update(channel=channel, ts=ts, text=outcome, blocks=[section])
        except SlackClientError as error:  # the decision is recorded; the label is cosmetic
            log.warning("slack: could not update the moderation message: %s", error)


def _set_timezone(engine: Engine, member_id: int, tz: str) -> None:
    with transaction(engine) as session:
        member = session.get(Member, member_id)
        if member is not None and not member.timezone:
            member.timezone = tz
