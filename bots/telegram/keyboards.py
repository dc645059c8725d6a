"""The hub's inline keyboards as rows of (label, callback_data) (pure).

A reply's ``extra["buttons"]`` holds them; :func:`bots.telegram.format.inline_keyboard`
turns them into Telegram's InlineKeyboardMarkup. The data is written by
:mod:`bots.telegram.callbacks`.
"""

from __future__ import annotations

from collections.abc import Sequence

from bots.formatting import shorten
from bots.telegram import callbacks
from hub.core.assistant.reminding import Remindable

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "ca": "Català",
    "pt": "Português",
}
"""Each language in its own words, on the /language keyboard (names, not translated)."""
BUTTON_TEXT = 60
"""Characters of a record's name on a button; Telegram shows long ones cut anyway."""
Buttons = list[list[tuple[str, str]]]


def languages(codes: Sequence[str]) -> Buttons:
    """The ``/language`` keyboard: each language in its own words, three then two."""
    row = [(LANGUAGE_NAMES.get(code, code), callbacks.language_data(code)) for code in codes]
    return [row[:3], row[3:]] if len(row) > 3 else [row]


def reminders(mine: Sequence[tuple[int, str]], coming: Sequence[Remindable]) -> Buttons:
    """The ``/remind`` keyboard: a button to cancel each of the chat's reminders (id,
    label), then a "remind me" button for each record coming up."""
    buttons: Buttons = [
        [(f"✕ {shorten(label, BUTTON_TEXT)}", callbacks.cancel_data(reminder_id))]
        for reminder_id, label in mine
    ]
    buttons += [
        [(f"⏰ {shorten(t.label, BUTTON_TEXT)}", callbacks.remind_data(t.record_id, t.step))]
        for t in coming
    ]
    return buttons


def without(shown: Buttons, data: str) -> Buttons:
    """The keyboard ``shown`` less the button carrying ``data`` (and any row left empty)."""
    rows = [[(label, d) for label, d in row if d != data] for row in shown]
    return [row for row in rows if row]
