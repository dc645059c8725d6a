"""What the bots say to a member speaks the member's language, with no English left.

A member of each of the network's five languages goes through everything the bots say to a
member: Telegram's /help, /preferences (known and unknown), /language (set and misused), the
/submit conversation (every prompt, a photo instead of a link, /cancel, the "received"
notice), a question the knowledge cannot answer (the handoff), then "approved" and
"declined"; Slack's help, one-line submissions (one accepted, one without a title, one with a
link that is not a web address) and its form. Each reply is compared with
the same reply to an English member: an English word of it that shows in the other
language's reply is a failure, unless it is data (the member's own title and text), a name
(the network, platforms, commands, addresses) or a word that language's own texts use too.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from visible_words import catalogue_words, english_left, words_in

from bots.chat_news import tell_submitter
from bots.slack.handlers import SlackHandlers, submit_modal
from bots.telegram.handlers import TelegramHandlers
from bots.telegram.standin import TelegramStandIn
from hub.core.assistant import Assistant
from hub.core.bus.inbox import InboxRecord
from hub.core.config.catalog import sync_config
from hub.core.config.settings import Settings
from hub.core.db import transaction
from hub.core.models import Delivery, Item, Member

BOTS_LOCALE = Path(__file__).parents[2] / "bots" / "locale"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
LANGUAGES = ("en", "es", "fr", "ca", "pt")
TITLE, TEXT = "Girona Budget Assembly", "Vote until May at the Girona library."
UNANSWERABLE = "What colour is the secretariat's bicycle?"
NAMES = {"iopd", "oidp", "slack", "telegram", "https", "en", "es", "fr", "ca", "pt", "ogp", "local"}
"""The network's name, platforms, the language codes /language takes, and "OGP Local" (the Open
Government Partnership's programme, a proper noun the help names in every language)."""

SAME_WORDS = {
    "fr": {
        "catalan",  # the language's name is spelt the same in French
        "question",  # the same word in French
        "newsletter",  # French uses the loanword: the assistant's help says "la newsletter"
    },
    "pt": {
        "me",  # the pronoun of "Pergunte-me"
        "newsletter",  # as in French: "a newsletter"
    },
}
"""Words a language writes as English does that its bots' catalogue happens not to use."""


def settings() -> Settings:
    return Settings.model_validate(
        {
            "hub": {
                "name": {"en": "IOPD", "es": "OIDP", "fr": "OIDP", "ca": "OIDP", "pt": "OIDP"},
                "languages": list(LANGUAGES),
                "public_url": "https://hub.example.org/",
            },
            "sources": {
                "telegram_submissions": {"kind": "telegram"},
                "slack_submissions": {"kind": "slack"},
            },
            "channels": {
                "telegram_assistant": {
                    "platform": "telegram",
                    "target": "-100",
                    "token_env": "TG_TOKEN",
                },
                "slack_assistant": {
                    "platform": "slack",
                    "target": "C0ASSIST",
                    "token_env": "SLACK_TOKEN",
                },
            },
            "secrets": {"HUB_SECRET_KEY": "k" * 40, "TG_TOKEN": "1:x", "SLACK_TOKEN": "xoxb-x"},
        }
    )


MEMBER = TelegramStandIn(wall_clock=lambda: NOW.timestamp())
"""Shapes the updates as Telegram sends them (``bot_command`` entities, ``message_id``...)."""


def update(
    number: int, chat: int, text: str | None = None, photo: bool = False, language: str = "en"
) -> InboxRecord:
    sent = MEMBER.member_update(chat, text or "-", language_code=language)
    if photo:  # Bot API "PhotoSize": each size has its unique id and dimensions
        del sent["message"]["text"]
        sent["message"]["photo"] = [
            {"file_id": "f", "file_unique_id": "u", "width": 9, "height": 6}
        ]
    sent["update_id"] = number
    return InboxRecord(number, "telegram", str(number), sent, 1, NOW)


def slack_command(number: int, user: str, text: str) -> InboxRecord:
    command = {
        "kind": "command",
        "command": "/iopd",
        "text": text,
        "channel_id": "C0X",
        "user_id": user,
    }
    return InboxRecord(number, "slack", f"c{number}", command, 1, NOW)


def conversation(engine: Engine, language: str, assistant: Assistant) -> list[str]:
    """Everything the bots say to a member of ``language``, in order (``assistant``: the
    session's, built once from the knowledge files: it answers from them and keeps nothing
    of a conversation)."""
    configured = settings()
    chat, stranger, user = 1000, 2000, "U0MEMBER"
    with transaction(engine) as session:
        sync_config(session, configured)
        session.add(
            Member(
                organisation="Girona",
                email="m@girona.example.org",
                language=language,
                telegram_chat_id=chat,
                slack_user_id=user,
                topics=[],
            )
        )
    telegram = TelegramHandlers(engine, configured, assistant)
    said = [
        "/help",
        "/preferences",
        f"/language {language}",
        "/language klingon",
        "/submit",
        TITLE,
        TEXT,
        None,
        "/skip",
        "/skip",
        "/submit",
        "/cancel",
        UNANSWERABLE,
    ]
    for number, text in enumerate(said, start=1):
        asyncio.run(telegram(update(number, chat, text, photo=text is None), NOW))
    asyncio.run(telegram(update(100, stranger, "/preferences", language=language), NOW))
    slack = SlackHandlers(engine, configured, assistant)
    asyncio.run(slack(slack_command(1, user, "help"), NOW))
    asyncio.run(slack(slack_command(2, user, f"submit {TITLE} | {TEXT}"), NOW))
    asyncio.run(slack(slack_command(3, user, f"submit  | {TEXT}"), NOW))  # refused: no title
    asyncio.run(slack(slack_command(4, user, f"submit {TITLE} | {TEXT} | ftp://x.org"), NOW))
    with transaction(engine) as session:
        for item in session.scalars(select(Item).order_by(Item.id)):
            tell_submitter(session, item, "approved", now=NOW)
            tell_submitter(session, item, "declined", now=NOW)
        rows = session.scalars(
            select(Delivery).where(Delivery.kind == "reply").order_by(Delivery.id)
        )
        replies = [str(row.payload["text"]) for row in rows]
    modal = submit_modal("C0X", language)
    form = [modal["title"]["text"], modal["submit"]["text"]]
    form += [block["label"]["text"] for block in modal["blocks"]]
    return replies + form


def own_words(language: str) -> set[str]:
    catalogues = [BOTS_LOCALE / language / "LC_MESSAGES" / "messages.po"]
    own = catalogue_words(language, [path for path in catalogues if path.is_file()])
    return own | SAME_WORDS.get(language, set())


@pytest.fixture(params=LANGUAGES[1:])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_bots_reply_in_the_members_language(
    engine: Engine, language: str, lingua_assistant: Assistant
) -> None:
    english = conversation(engine, "en", lingua_assistant)
    with transaction(engine) as session:
        for table in ("deliveries", "item_origins", "items", "bot_conversations", "members"):
            session.execute(Delivery.metadata.tables[table].delete())
    other = conversation(engine, language, lingua_assistant)
    assert len(english) == len(other) >= 20, (english, other)
    data = words_in(f"{TITLE} {TEXT} {UNANSWERABLE}") | NAMES
    exempt = data | own_words(language)
    left = {}
    for number, (source, reply) in enumerate(zip(english, other, strict=True)):
        assert len(words_in(source) - data) >= 1, source
        if english_left(words_in(source), words_in(reply), exempt):
            left[number] = (reply, sorted(english_left(words_in(source), words_in(reply), exempt)))
    assert left == {}, "\n".join(f"{n}: {reply!r} {words}" for n, (reply, words) in left.items())
