"""The words by which a list question names the field it wants of each record of a kind,
in the five languages: "which cities hosted the IOPD conference?", "quels pays ont...",
"em que cidades se realizou...", "en quines ciutats...". The field (a place, a country, a
year, a date) is one each record of the kind writes on its own line of the list, and the
verb of hosting says where an event took place: neither is a trait a listed record's text
must hold ("hosted" is the secretariat's, "accueillir" the UCLG agreement's), so both are
set aside and every record of the kind is listed with its place and date.
"""

from __future__ import annotations

HOSTING = frozenset(
    {
        # English
        "host",
        "hosts",
        "hosted",
        "hosting",
        # Spanish
        "acogio",
        "acogido",
        "acogida",
        "acoge",
        "acogen",
        "acogieron",
        "albergo",
        "albergado",
        "alberga",
        "albergan",
        "albergaron",
        # French
        "accueilli",
        "accueillie",
        "accueillis",
        "accueillies",
        "accueille",
        "accueillent",
        "accueillait",
        "accueillir",
        # Catalan
        "acollit",
        "acollida",
        "acollits",
        "acull",
        "acullen",
        "acollir",
        "acollia",
        # Portuguese
        "acolheu",
        "acolhido",
        "acolhida",
        "acolhe",
        "acolhem",
        "acolheram",
        "sediou",
        "sediaram",
        "sedia",
        "sediam",
        "sediado",
        "sediada",
    }
)
"""Verbs of hosting an event, in the five languages: asked for a list, they say the
records listed took place somewhere, which each record's line writes."""
FIELDS = frozenset(
    {
        # places
        "cities",
        "places",
        "venues",
        "ciudades",
        "lugares",
        "villes",
        "lieux",
        "ciutats",
        "llocs",
        "cidades",
        # countries
        "countries",
        "paises",
        "pays",
        "paisos",
        # years and dates
        "years",
        "anos",
        "annees",
        "anys",
        "dates",
        "fechas",
        "datas",
    }
)
"""Nouns naming the field asked of each listed record (its city, country, year or date),
plural (a singular asks one record's), without accents: each record's line of the list writes it."""
NAMING_A_FIELD = HOSTING | FIELDS
