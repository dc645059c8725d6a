"""The bot's command menu: ``setMyCommands`` once per language at start-up.

Telegram shows a bot's commands in the client's menu, in the user's language when
the bot registered a list for that ``language_code``, else the default list
(core.telegram.org/bots/api#setmycommands; a command is 1-32 characters of a-z, 0-9
and _, a description 1-256 characters, at most 100 commands). The hub registers the
English list as the default and one list for each other language of its catalogues.
"""

from __future__ import annotations

import logging
from typing import Any

from bots.i18n import N_, say

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es", "fr", "ca", "pt")
COMMANDS = (
    ("next", N_("The next event")),
    ("events", N_("Upcoming events")),
    ("awards", N_("The award call")),
    ("remind", N_("My reminders, and setting one")),
    ("language", N_("The language I answer in")),
    ("submit", N_("Send news to the network")),
    ("preferences", N_("My preferences")),
    ("help", N_("What I can do")),
)
"""The private-chat commands (:mod:`bots.telegram.handlers`), in menu order."""


def command_list(language: str) -> list[dict[str, str]]:
    """The BotCommand objects for ``language``."""
    return [{"command": name, "description": say(language, text)} for name, text in COMMANDS]


async def register_commands(bot: Any) -> bool:
    """Register the menu with python-telegram-bot's ``Bot``: the default (English) list and
    one per other language. Telegram unreachable is logged and False: the bot answers
    commands all the same, only the menu is missing."""
    from telegram import BotCommand

    try:
        for language in LANGUAGES:
            listed = command_list(language)
            commands = [BotCommand(e["command"], e["description"]) for e in listed]
            code = None if language == "en" else language
            await bot.set_my_commands(commands, language_code=code)
    except Exception as error:  # the menu is a convenience; the bots role goes on
        log.warning("telegram: could not register the command menu: %s", error)
        return False
    return True
