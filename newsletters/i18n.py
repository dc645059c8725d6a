"""The words an edition prints around the news, in the network's languages, and its dates.

Section titles and the footer are written here for en, es, fr, ca and pt;
another language falls back to English. Words that come with a number
(:func:`counted`) have a form per CLDR plural category (``one``, ``other``...),
chosen by Babel's plural rules for the language. Dates are formatted by Babel
in the edition's locale.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date, format_skeleton

from hub.core.config.settings import NetworkName, name_in

LANGUAGES = ("en", "es", "fr", "ca", "pt")

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "members": "News from members",
        "network": "From the network",
        "events": "Events ahead",
        "awards": "Award calls and results",
        "publications": "Publications",
        "read_more": "Read more",
        "until": "until",
        "subject": "{network} newsletter, {period}",
        "preheader": "{count} news items from the network, events ahead and award calls",
        "why": "You receive this newsletter as a contact of a member of {network}.",
        "unsubscribe": "Unsubscribe",
        "preferences": "Update your preferences",
        "shortened": "Summaries are shortened so that this email arrives whole; "
        "the full texts are on the website.",
        "omitted": "{count} more items are on the website.",
        "in_this_edition": "In this edition",
    },
    "es": {
        "members": "Noticias de los miembros",
        "network": "Desde la red",
        "events": "Próximos eventos",
        "awards": "Convocatorias y resultados de premios",
        "publications": "Publicaciones",
        "read_more": "Leer más",
        "until": "hasta",
        "subject": "Boletín de {network}, {period}",
        "preheader": "{count} noticias de la red, próximos eventos y convocatorias de premios",
        "why": "Recibe este boletín como contacto de un miembro de {network}.",
        "unsubscribe": "Darse de baja",
        "preferences": "Actualizar sus preferencias",
        "shortened": "Los resúmenes se han acortado para que este correo llegue entero; "
        "los textos completos están en la web.",
        "omitted": "{count} noticias más en la web.",
        "in_this_edition": "En este número",
    },
    "fr": {
        "members": "Nouvelles des membres",
        "network": "Du réseau",
        "events": "Événements à venir",
        "awards": "Appels et résultats des prix",
        "publications": "Publications",
        "read_more": "Lire la suite",
        "until": "jusqu'au",
        "subject": "Lettre d'information de {network}, {period}",
        "preheader": "{count} nouvelles du réseau, événements à venir et appels à candidatures",
        "why": "Vous recevez cette lettre en tant que contact d'un membre de {network}.",
        "unsubscribe": "Se désabonner",
        "preferences": "Modifier vos préférences",
        "shortened": "Les résumés sont raccourcis pour que ce courriel arrive en entier ; "
        "les textes complets sont sur le site.",
        "omitted": "{count} autres nouvelles sur le site.",
        "in_this_edition": "Dans ce numéro",
    },
    "ca": {
        "members": "Notícies dels membres",
        "network": "Des de la xarxa",
        "events": "Propers esdeveniments",
        "awards": "Convocatòries i resultats dels premis",
        "publications": "Publicacions",
        "read_more": "Llegir més",
        "until": "fins al",
        "subject": "Butlletí de {network}, {period}",
        "preheader": "{count} notícies de la xarxa, propers esdeveniments i convocatòries",
        "why": "Rebeu aquest butlletí com a contacte d'un membre de {network}.",
        "unsubscribe": "Donar-se de baixa",
        "preferences": "Actualitzar les vostres preferències",
        "shortened": "Els resums s'han escurçat perquè aquest correu arribi sencer; "
        "els textos complets són al web.",
        "omitted": "{count} notícies més al web.",
        "in_this_edition": "En aquest número",
    },
    "pt": {
        "members": "Notícias dos membros",
        "network": "Da rede",
        "events": "Próximos eventos",
        "awards": "Chamadas e resultados dos prémios",
        "publications": "Publicações",
        "read_more": "Ler mais",
        "until": "até",
        "subject": "Boletim da {network}, {period}",
        "preheader": "{count} notícias da rede, próximos eventos e chamadas para prémios",
        "why": "Recebe este boletim como contacto de um membro da {network}.",
        "unsubscribe": "Cancelar a subscrição",
        "preferences": "Atualizar as suas preferências",
        "shortened": "Os resumos foram encurtados para que este email chegue inteiro; "
        "os textos completos estão no site.",
        "omitted": "Mais {count} notícias no site.",
        "in_this_edition": "Nesta edição",
    },
}


_COUNTED: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "preheader": {
            "one": "{count} news item from the network, events ahead and award calls",
            "other": "{count} news items from the network, events ahead and award calls",
        },
        "omitted": {
            "one": "{count} more item is on the website.",
            "other": "{count} more items are on the website.",
        },
    },
    "es": {
        "preheader": {
            "one": "{count} noticia de la red, próximos eventos y convocatorias de premios",
            "other": "{count} noticias de la red, próximos eventos y convocatorias de premios",
        },
        "omitted": {
            "one": "{count} noticia más en la web.",
            "other": "{count} noticias más en la web.",
        },
    },
    "fr": {
        "preheader": {
            "one": "{count} nouvelle du réseau, événements à venir et appels à candidatures",
            "other": "{count} nouvelles du réseau, événements à venir et appels à candidatures",
        },
        "omitted": {
            "one": "{count} autre nouvelle sur le site.",
            "other": "{count} autres nouvelles sur le site.",
        },
    },
    "ca": {
        "preheader": {
            "one": "{count} notícia de la xarxa, propers esdeveniments i convocatòries",
            "other": "{count} notícies de la xarxa, propers esdeveniments i convocatòries",
        },
        "omitted": {
            "one": "{count} notícia més al web.",
            "other": "{count} notícies més al web.",
        },
    },
    "pt": {
        "preheader": {
            "one": "{count} notícia da rede, próximos eventos e chamadas para prémios",
            "other": "{count} notícias da rede, próximos eventos e chamadas para prémios",
        },
        "omitted": {
            "one": "Mais {count} notícia no site.",
            "other": "Mais {count} notícias no site.",
        },
    },
}
"""Words that come with a count, per CLDR plural category (``other`` stands in for the rest)."""


def counted(key: str, count: int, language: str) -> str:
    """``key``'s words for ``count`` in ``language``: ``1 noticia``, ``2 noticias``."""
    if language not in _COUNTED:
        language = "en"
    forms = _COUNTED[language][key]
    category = Locale.parse(language).plural_form(count)
    return forms.get(category, forms["other"]).format(count=count)


def words(language: str) -> dict[str, str]:
    """The edition's fixed words in ``language`` (English for a language not covered)."""
    return _WORDS.get(language, _WORDS["en"])


def long_date(day: dt.date, language: str) -> str:
    """``22 November 2026`` in the edition's language."""
    return format_date(day, format="long", locale=language if language in _WORDS else "en")


def month_name(day: dt.date, language: str) -> str:
    """``November 2026`` in the edition's language, in its own pattern (``noviembre de 2026``)."""
    return format_skeleton("yMMMM", day, locale=language if language in _WORDS else "en")


def default_subject(network: NetworkName, period_end: dt.date, language: str) -> str:
    """The subject a draft proposes: ``IOPD newsletter, November 2026`` (``Boletín de OIDP...``)."""
    return words(language)["subject"].format(
        network=name_in(network, language), period=month_name(period_end, language)
    )
