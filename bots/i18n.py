"""What the bots say to members, in the member's language, from Babel catalogues.

The bots' words are marked where they are written, ``say(language, "Cancelled.")`` for a
sentence said at once and ``N_("...")`` for one kept in a table and said later, and
translated in ``bots/locale/<lang>/LC_MESSAGES/messages.po``, one catalogue per language
of the network (the same mechanism as the console's, ``hub/web/locale``). The catalogues
are read and compiled in memory when first needed (:mod:`hub.core.translations`): no build
step, no ``.mo`` files in git.
An unknown language, or a sentence not yet translated, falls back to English.

To add words: mark them, then ``make messages`` and translate the new entries.
"""

from __future__ import annotations

from pathlib import Path

from hub.core.translations import catalogue

LOCALE_DIR = Path(__file__).parent / "locale"


def say(language: str | None, message: str, **values: str) -> str:
    """``message`` in ``language``, its ``{placeholders}`` filled with ``values``."""
    translated = catalogue(LOCALE_DIR, language or "en").gettext(message)
    return translated.format(**values) if values else translated


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues without translating it yet."""
    return message
