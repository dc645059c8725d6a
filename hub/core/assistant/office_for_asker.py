"""The regional office for where the asker is: the open office whose region holds their country.

"Which regional office should a city in Colombia get in touch with?", "Somos uma associação em
Maputo, Moçambique. A que escritório regional devemos escrever?": the asker says who and
where they are (a city, an association, a council of a country) and asks which office is
theirs. No record names Colombia or Mozambique; an office record names its region ("Latin
America", "Africa") and CLDR's containment (:func:`~hub.core.assistant.place_names.regions_of`)
says which regions hold the asker's country. The office answered is the one open on the day
asked (its ``founded`` date on or before it; a planned office has none) whose region holds
that country; with none or more than one, the question goes the usual way (a country whose
office is only planned, "asking from Toronto", stays handed off). Only the question's own
sentence is read for the office asked ("which office", "a que escritório"), the whole message
for the asker and their country; the asker's noun stands a few words before the country
("a city in Colombia", "uma associação em Maputo, Moçambique"), so a country that is the
topic ("the conference in Senegal") chooses no office. Asked when, whether, how many or how
to join, the question asks something else and goes the usual way.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.casual_kinds import region_at
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView
from hub.core.assistant.member_kinds import KIND_NOUNS
from hub.core.assistant.place_names import country_matcher, regions_of
from hub.core.assistant.reading import Reading
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

OFFICE_KIND = "office"
"""The records' kind of a regional office, and its words' entry in the vocabulary's kinds."""
ASKED_SLOTS = frozenset({None, "what", "list", "where", "contact", "which"})
"""Slots asking which office (or where to write): when, whether, how many and how to join
ask something else of it."""
ASKER_BEFORE = 4
"""At most this many words from the asker's noun to their country ("uma associação em Maputo,
Moçambique", "un municipio pequeño de Chile")."""
ASKING_BEFORE = 4
"""At most this many words from the question word to the office's ("qual é o nosso
escritório")."""
SAID = {
    "en": "{country} ({region}): its regional office is the {office}. {body}",
    "es": "{country} ({region}): su oficina regional es {office}. {body}",
    "fr": "{country} ({region}) : son bureau régional est {office}. {body}",
    "ca": "{country} ({region}): la seva oficina regional és {office}. {body}",
    "pt": "{country} ({region}): o seu escritório regional é {office}. {body}",
}
"""The answer: the country, the region holding it, the office and what its record says."""


@cache
def _region_codes() -> dict[str, str]:
    """A world region's English name as CLDR writes it, normalised -> its M49 code."""
    names = Locale.parse("en").territories
    return {normalise(name): code for code, name in names.items() if code.isdigit()}


def _office_words(vocabulary: Vocabulary) -> list[tuple[str, ...]]:
    """The office kind's words in every language, as word tuples ("regional office")."""
    by = (vocabulary.sections.get("kinds") or {}).get(OFFICE_KIND) or {}
    return [tuple(normalise(str(w)).split()) for ws in by.values() for w in ws]


def _asks_office(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether a question word stands a few words before an office's word ("which regional
    office", "a que escritório", "qual é o nosso escritório"): the office is what is asked,
    not a word of the message ("the clerk's office asked me")."""
    phrases = _office_words(vocabulary)
    asking = {f.start for f in vocabulary.question_words.find(list(words), fuzzy=False)}
    return any(
        tuple(words[i : i + len(p)]) == p and asking & set(range(i - ASKING_BEFORE, i))
        for p in phrases
        if p
        for i in range(len(words))
    )


def _asker_country(words: list[str], vocabulary: Vocabulary) -> str | None:
    """The one country the message places its asker in: named a few words after an asker's
    noun ("a city in Colombia"); None with no such country or more than one."""
    nouns = vocabulary.askers | frozenset().union(*KIND_NOUNS.values())
    found = {
        f.value
        for f in country_matcher().find(list(words), fuzzy=False)
        if any(w in nouns for w in words[max(0, f.start - ASKER_BEFORE) : f.start])
    }
    return found.pop() if len(found) == 1 else None


def _open_on(entry: EntryView, today: dt.date) -> bool:
    founded = entry.data.get("founded")
    try:
        day = founded if isinstance(founded, dt.date) else dt.date.fromisoformat(str(founded))
    except ValueError:
        return False
    return day <= today


def _named(office: EntryView, words: list[str]) -> bool:
    """Whether the question names the office by its city ("the office in Dakar"): it asks
    about that office, not which is the asker's."""
    city = normalise(str(office.data.get("city", ""))).split()
    return bool(city) and any(words[i : i + len(city)] == city for i in range(len(words)))


def office_for_asker(
    ctx: Context, reading: Reading, vocabulary: Vocabulary, decision: Decision
) -> Decision | None:
    """The open office whose region holds the asker's country, when the question asks which
    office and ``decision``, the usual way's, found no record; None when it asks no office,
    names no asker's country or no one office holds it."""
    if (
        not decision.reply.handoff
        or reading.qtype not in ASKED_SLOTS
        or reading.out_of_scope_words  # "the office's phone number": no record states it
        or region_at(reading.words)  # "la Plateforme africaine": the office is named
        or not _asks_office(reading.words, vocabulary)
    ):
        return None
    country = _asker_country(reading.message or reading.words, vocabulary)
    if country is None:
        return None
    held = regions_of(country)
    offices = [
        e
        for e in ctx.index.by_kind.get(OFFICE_KIND, [])
        if _open_on(e, ctx.today)
        and (
            e.data.get("country") == country
            or _region_codes().get(normalise(str(e.data.get("region", "")))) in held
        )
    ]
    if len(offices) != 1 or _named(offices[0], reading.words):
        return None
    office, lang = offices[0], ctx.language
    region = str(office.data.get("region", ""))
    code = _region_codes().get(normalise(region), "")
    names = Locale.parse(lang).territories
    text = SAID.get(lang, SAID["en"]).format(
        country=names.get(country, country),
        region=names.get(code, region),
        office=office.name.get(lang) or office.name.get("en", ""),
        body=office.body.get(lang) or office.body.get("en", ""),
    )
    return Decision(Reply(text.strip(), [office.id]), "where", 0.8)


__all__ = ["office_for_asker"]
