"""Babel catalogues read from ``.po`` files: the one way the hub's edges translate words.

The console (``hub/web/locale``), the bots (``bots/locale``), the newsletters
(``newsletters/locale``) and the assistant's answers (``hub/core/assistant/locale``) each
keep one ``messages.po`` per language under ``<dir>/<lang>/LC_MESSAGES/``, extracted and
merged by ``make messages``. This module reads one and compiles it in memory when first
asked: no build step, no ``.mo`` files in git.
A plural entry not yet translated is left out, so English stands in rather than "".
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
"""The language the words are written in; its "translation" is the words themselves."""


@cache
def catalogue(locale_dir: Path, language: str) -> NullTranslations:
    """The compiled catalogue of ``language`` under ``locale_dir`` (English, or a language
    without a catalogue there: the source words)."""
    path = locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == SOURCE_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        read = read_po(po, locale=language, domain=DOMAIN)
    for message in list(read):
        if message.id and isinstance(message.string, tuple) and not all(message.string):
            del read[message.id]
    compiled = io.BytesIO()
    write_mo(compiled, read, use_fuzzy=False)
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)
