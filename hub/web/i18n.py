"""The console's own words in the user's language, from Babel catalogues.

Templates say ``{{ _("Approve") }}`` (or ``{% trans %}...{% endtrans %}``) and
views say ``_("...")`` from this module; both look up the language of the
request being served, which :func:`use_language` sets for the running thread
(the console renders each request in one worker thread). The catalogues are the
``.po`` files under ``hub/web/locale/<lang>/LC_MESSAGES/messages.po``, read and
compiled in memory when first needed (:mod:`hub.core.translations`, shared with the bots
and the newsletters): no build step, no ``.mo`` files in git.

The console speaks :data:`INTERFACE_LANGUAGES` to the secretariat; the members'
own pages (preferences, the news form) speak every language of
:data:`MEMBER_LANGUAGES`, whose catalogues hold at least those pages' words.
Dates and month names are written by Babel in the language being served
(:func:`format_when`, :func:`format_day`), never by ``strftime``.

To add words: mark them, then ``make messages`` (``pybabel extract`` + ``update``)
and translate the new entries in each ``.po`` file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path

from babel.dates import format_date, format_datetime, format_skeleton
from babel.support import NullTranslations

from hub.core.translations import DOMAIN as DOMAIN
from hub.core.translations import catalogue

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "en"
INTERFACE_LANGUAGES = {"en": "English", "es": "Español", "ca": "Català"}
"""The languages the console speaks; English is the source language of the catalogue."""
MEMBER_LANGUAGES = {**INTERFACE_LANGUAGES, "fr": "Français", "pt": "Português"}
"""The languages of the pages members see (preferences, the news form): the network's five."""
PUBLIC_TEMPLATES = (
    "public_base.html",
    "news.html",
    "news_item.html",
    "news_missing.html",
    "archive.html",
)
"""The public news pages and the newsletter archive (:mod:`hub.web.news_pages`)."""
MEMBER_TEMPLATES = (
    "base.html",
    "preferences.html",
    "preferences_invalid.html",
    "member_submit.html",
    "_news_fields.html",
    "refused.html",
    *PUBLIC_TEMPLATES,
)
"""The templates members see: every catalogue of :data:`MEMBER_LANGUAGES` holds their words."""
MEMBER_VIEWS = ("preferences_views.py", "submit_views.py", "news_intake.py")
"""The modules (in ``hub/web/``) whose words members read on those pages."""

_language: ContextVar[str] = ContextVar("console_language", default=DEFAULT_LANGUAGE)


def translations(language: str) -> NullTranslations:
    """The compiled catalogue for ``language`` (English and unknown codes: the source words)."""
    return catalogue(LOCALE_DIR, language)


def current_language() -> str:
    return _language.get()


@contextlib.contextmanager
def use_language(
    language: str | None, offered: Mapping[str, str] = INTERFACE_LANGUAGES
) -> Iterator[str]:
    """Serve the words of ``language`` (one of ``offered``, else English) within the block."""
    chosen = language if language is not None and language in offered else DEFAULT_LANGUAGE
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


MOMENT_PATTERN = "dd MMM y HH:mm"
"""How the console writes a moment: ``04 Dec 2026 10:00``, ``04 de des. 2026 10:00``."""
DAY_PATTERN = "dd MMM y"


def format_when(value: dt.datetime, zone: dt.tzinfo) -> str:
    """A moment in ``zone``, its month named in the current language (CLDR pattern)."""
    return str(format_datetime(value, MOMENT_PATTERN, tzinfo=zone, locale=_language.get()))


def format_day(value: dt.date, pattern: str = DAY_PATTERN) -> str:
    """A day in the current language (``pattern`` as CLDR's: ``dd MMM`` gives ``04 de des.``)."""
    return str(format_date(value, pattern, locale=_language.get()))


def format_month(value: dt.date) -> str:
    """A month and year, in the current language (``December 2026``, ``desembre del 2026``)."""
    return str(format_skeleton("yMMMM", value, locale=_language.get()))


def best_match(
    accept_language: str | None, offered: Mapping[str, str] = INTERFACE_LANGUAGES
) -> str:
    """The language of ``offered`` an ``Accept-Language`` header prefers (pages before sign-in)."""
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
        if code in offered and quality > best_q:
            best, best_q = code, quality
    return best
