"""What the bots say to members, in the member's language, from Babel catalogues.

The bots' words are marked where they are written, ``say(language, "Cancelled.")`` for a
sentence said at once and ``N_("...")`` for one kept in a table and said later, and
translated in ``bots/locale/<lang>/LC_MESSAGES/messages.po``, one catalogue per language
of the network (the same mechanism as the console's, ``hub/web/locale``). The catalogues
are read and compiled in memory when first needed: no build step, no ``.mo`` files in git.
An unknown language, or a sentence not yet translated, falls back to English.

To add words: mark them, then ``make messages`` and translate the new entries.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue of ``language`` (English and unknown codes: the source words)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == SOURCE_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)


def say(language: str | None, message: str, **values: str) -> str:
    """``message`` in ``language``, its ``{placeholders}`` filled with ``values``."""
    translated = translations(language or SOURCE_LANGUAGE).gettext(message)
    return translated.format(**values) if values else translated


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues without translating it yet."""
    return message
