"""``/preferences`` in the bots: the member's own signed link to their preferences page.

The member is known by their chat id (Telegram) or user id (Slack); someone
the hub does not know as a member is told politely how to become one. The
link is personal, so the bots answer it only in private conversations.
"""

from __future__ import annotations

import datetime as dt

from bots.i18n import N_, say
from hub.core.config.settings import Settings
from hub.core.members.links import preferences_url
from hub.core.models import Member

TEXTS = {
    "link": N_(
        "Here is your personal preferences page (topics, language, newsletter), "
        "valid for 90 days. Do not share it: {url}"
    ),
    "unknown": N_(
        "I do not know you as a member of the network yet, so I have no preferences "
        "to show you. The secretariat can add you: just write to them."
    ),
    "unavailable": N_(
        "The preferences page is not available on this hub yet; please write to the secretariat."
    ),
}
"""What ``/preferences`` answers, in English; ``bots/locale`` holds the translations."""


def _say(key: str, language: str | None, **values: str) -> str:
    return say(language, TEXTS[key], **values)


def preferences_reply(
    settings: Settings, member: Member | None, language: str | None, now: dt.datetime
) -> str:
    """What the bot answers to ``/preferences``, in the member's language."""
    if member is None:
        return _say("unknown", language)
    url = preferences_url(settings, member.id, now)
    if url is None or not url.startswith("http"):
        return _say("unavailable", member.language or language)
    return _say("link", member.language or language, url=url)
