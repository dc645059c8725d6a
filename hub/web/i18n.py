"""The console's own words in the user's language, from Babel catalogues.

Templates say ``{{ _("Approve") }}`` (or ``{% trans %}...{% endtrans %}``) and
views say ``_("...")`` from this module; both look up the language of the
request being served, which :func:`use_language` sets for the running thread
(the console renders each request in one worker thread). The catalogues are the
``.po`` files under ``hub/web/locale/<lang>/LC_MESSAGES/messages.po``, read and
compiled in memory when first needed: no build step, no ``.mo`` files in git.

To add words: mark them, then ``make messages`` (``pybabel extract`` + ``update``)
and translate the new entries in each ``.po`` file.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
DEFAULT_LANGUAGE = "en"
INTERFACE_LANGUAGES = {"en": "English", "es": "Español", "ca": "Català"}
"""The languages the console speaks; English is the source language of the catalogue."""

_language: ContextVar[str] = ContextVar("console_language", default=DEFAULT_LANGUAGE)


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue for ``language`` (English and unknown codes: the source words)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)


def current_language() -> str:
    return _language.get()


@contextlib.contextmanager
def use_language(language: str | None) -> Iterator[str]:
    """Serve the words of ``language`` (a supported code, else English) within the block."""
    chosen = language if language in INTERFACE_LANGUAGES else DEFAULT_LANGUAGE
    token = _language.set(chosen)
    try:
        yield chosen
    finally:
        _language.reset(token)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language."""
    return translations(_language.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return str(translations(_language.get()).pgettext(context, message))


_ = gettext


def best_match(accept_language: str | None) -> str:
    """The supported language an ``Accept-Language`` header prefers (for pages before sign-in)."""
    best, best_q = DEFAULT_LANGUAGE, 0.0
    for part in (accept_language or "").split(","):
        code, _sep, params = part.strip().partition(";")
        code = code.strip().lower()[:2]
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if code in INTERFACE_LANGUAGES and quality > best_q:
            best, best_q = code, quality
    return best
