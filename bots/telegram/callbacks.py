"""The ``callback_data`` of the hub's inline buttons, written and read (pure).

Telegram gives a button's ``callback_data`` back when a member taps it; it holds
1-64 bytes (core.telegram.org/bots/api#inlinekeyboardbutton). The hub's buttons:

- ``lang:<code>``: answer in that language (``/language``);
- ``rm:<record id>`` or ``rm:<award id>|<step>``: remind me of that event, or of that
  step of an award (under an answer, in ``/remind``); a reference longer than fits is
  written ``rm#<digest>`` and found again among the records that can be reminded of;
- ``rc:<reminder id>``: cancel that reminder of mine (``/remind``).

Nothing read here is trusted: a member's client sends back what it was given, but the
data may come from a message months old, or from a client that made it up. Each reader
returns None for what it cannot use, and the handlers check again against the database
(the record still dated and to come, the reminder the chat's own).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

MAX_BYTES = 64
LANGUAGE = "lang:"
REMIND = "rm:"
REMIND_DIGEST = "rm#"
CANCEL = "rc:"
_STEP = "|"
_DIGEST_CHARS = 24


def language_data(code: str) -> str:
    return f"{LANGUAGE}{code}"


def read_language(data: str, languages: Iterable[str]) -> str | None:
    code = data.removeprefix(LANGUAGE)
    return code if data.startswith(LANGUAGE) and code in set(languages) else None


def _reference(record_id: str, step: str | None) -> str:
    return record_id if step is None else f"{record_id}{_STEP}{step}"


def _digest(reference: str) -> str:
    return hashlib.sha256(reference.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def remind_data(record_id: str, step: str | None) -> str:
    """The data of a "remind me" button, within 64 bytes however long the record's id."""
    reference = _reference(record_id, step)
    data = f"{REMIND}{reference}"
    return data if len(data.encode("utf-8")) <= MAX_BYTES else REMIND_DIGEST + _digest(reference)


def read_remind(
    data: str, candidates: Iterable[tuple[str, str | None]]
) -> tuple[str, str | None] | None:
    """The (record id, award step) a "remind me" button names, if it is one of
    ``candidates`` (the records the hub knows); None for anything else."""
    known = list(candidates)
    if data.startswith(REMIND):
        reference = data.removeprefix(REMIND)
        return next((c for c in known if _reference(*c) == reference), None)
    if data.startswith(REMIND_DIGEST):
        digest = data.removeprefix(REMIND_DIGEST)
        return next((c for c in known if _digest(_reference(*c)) == digest), None)
    return None


def cancel_data(reminder_id: int) -> str:
    return f"{CANCEL}{reminder_id}"


def read_cancel(data: str) -> int | None:
    match = re.fullmatch(r"rc:([1-9][0-9]{0,17})", data)
    return int(match.group(1)) if match else None
