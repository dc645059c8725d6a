"""The words an edition prints around the news, in the network's languages, and its dates.

Section titles and the footer are written here in English and translated in the
Babel catalogues ``newsletters/locale/<lang>/LC_MESSAGES/messages.po`` (es, fr, ca,
pt; the mechanism of the console and the bots, :mod:`hub.core.translations`); another
language falls back to English. Words that come with a number (:func:`counted`) have a
form per plural category, chosen by the catalogue's plural rule. Dates are formatted by
Babel in the edition's locale. To add words: mark them, ``make messages``, translate.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.dates import format_date, format_skeleton
from babel.support import NullTranslations

from hub.core.config.settings import NetworkName, name_in
from hub.core.translations import catalogue

LANGUAGES = ("en", "es", "fr", "ca", "pt")
LOCALE_DIR = Path(__file__).parent / "locale"


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues without translating it yet."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for the catalogues (``ngettext``'s two forms)."""
    return singular, plural


WORDS = {
    "members": N_("News from members"),
    "network": N_("From the network"),
    "events": N_("Events ahead"),
    "awards": N_("Award calls and results"),
    "publications": N_("Publications"),
    "read_more": N_("Read more"),
    "until": N_("until"),
    "subject": N_("{network} newsletter, {period}"),
    "preheader": N_("{count} news items from the network, events ahead and award calls"),
    "why": N_("You receive this newsletter as a contact of a member of {network}."),
    "unsubscribe": N_("Unsubscribe"),
    "preferences": N_("Update your preferences"),
    "shortened": N_(
        "Summaries are shortened so that this email arrives whole; "
        "the full texts are on the website."
    ),
    "omitted": N_("{count} more items are on the website."),
    "in_this_edition": N_("In this edition"),
}
"""The edition's fixed words in English; ``newsletters/locale`` holds the translations."""

COUNTED = {
    "preheader": Nn_(
        "{count} news item from the network, events ahead and award calls",
        "{count} news items from the network, events ahead and award calls",
    ),
    "omitted": Nn_(
        "{count} more item is on the website.", "{count} more items are on the website."
    ),
}
"""Words that come with a count: the English singular and plural (the catalogues hold each
language's forms, chosen by its plural rule)."""


MACHINE_FROM = {
    "en": N_("Machine-translated from English"),
    "es": N_("Machine-translated from Spanish"),
    "fr": N_("Machine-translated from French"),
    "ca": N_("Machine-translated from Catalan"),
    "pt": N_("Machine-translated from Portuguese"),
}
MACHINE = N_("Machine-translated")
"""The mark under an item whose text is a machine draft no person edited, by the item's
own language."""


def machine_mark(source: str | None, language: str) -> str:
    """The words telling readers in ``language`` that a machine translated the item from
    ``source`` (empty when ``source`` is None: a person wrote or checked the text)."""
    if not source:
        return ""
    return _catalogue(language).gettext(MACHINE_FROM.get(source, MACHINE))


def machine_words(language: str) -> str:
    """ "Machine-translated" in ``language``, for a text whose source is not said."""
    return _catalogue(language).gettext(MACHINE)


def _catalogue(language: str) -> NullTranslations:
    return catalogue(LOCALE_DIR, language if language in LANGUAGES else "en")


def counted(key: str, count: int, language: str) -> str:
    """``key``'s words for ``count`` in ``language``: ``1 noticia``, ``2 noticias``."""
    singular, plural = COUNTED[key]
    return _catalogue(language).ngettext(singular, plural, count).format(count=count)


def words(language: str) -> dict[str, str]:
    """The edition's fixed words in ``language`` (English for a language not covered)."""
    translated = _catalogue(language)
    return {key: translated.gettext(text) for key, text in WORDS.items()}


def long_date(day: dt.date, language: str) -> str:
    """``22 November 2026`` in the edition's language."""
    return format_date(day, format="long", locale=language if language in LANGUAGES else "en")


def month_name(day: dt.date, language: str) -> str:
    """``November 2026`` in the edition's language, in its own pattern (``noviembre de 2026``)."""
    return format_skeleton("yMMMM", day, locale=language if language in LANGUAGES else "en")


def default_subject(network: NetworkName, period_end: dt.date, language: str) -> str:
    """The subject a draft proposes: ``IOPD newsletter, November 2026`` (``Boletín de OIDP...``)."""
    return words(language)["subject"].format(
        network=name_in(network, language), period=month_name(period_end, language)
    )
