"""The hub's own words (``vocabulary.yaml``), loaded once per process.

Only what is truly the hub's: the slot a question asks for, time words,
the names of the kinds of records and of award steps, what is never
answered, and function words. Everything about the network comes from
the knowledge records.

The file is parsed once, by :func:`load_vocabulary`; the modules that build a table of
their own from it (places here, :mod:`~hub.core.assistant.sub_regions`,
:mod:`~hub.core.assistant.asked_beyond`, :mod:`~hub.core.assistant.casual_kinds`,
:mod:`~hub.core.assistant.bounds_stated`) read it from :attr:`Vocabulary.sections`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale

from hub.core.assistant.dates import month_names, weekday_names
from hub.core.assistant.text import PhraseMatcher, normalise, read_yaml
from hub.core.assistant.verb_forms import CONJUGATED, ROMANCE, conjugated

HERE = Path(__file__).parent
LANGUAGES = ("en", "es", "fr", "ca", "pt")
TYPE_ORDER = (
    "cost",
    "how_many",
    "join",
    "subscribe",
    "contact",
    "share",
    "duration",
    "when",
    "founded",
    "where",
    "who",
    "yesno",
    "theme",
    "what",
    "list",
)

WHOLE_LIST = "whole"
"""The key of ``enumerations`` whose words ask for every item of a list, naming no field."""
SILENT_TYPES = ("contact",)
"""Question types whose words tell no language ("email" is written alike in all five)."""


@dataclass
class Vocabulary:
    types: PhraseMatcher[str]
    next_last: PhraseMatcher[str]
    periods: PhraseMatcher[tuple[str, int]]
    seasons: PhraseMatcher[str]
    out_of_scope: PhraseMatcher[str]
    injection: PhraseMatcher[str]
    order_verbs: frozenset[str]
    order_objects: frozenset[str]
    remind: PhraseMatcher[str]
    hour: PhraseMatcher[str]
    polar: PhraseMatcher[str]
    question_words: PhraseMatcher[str]
    """Verbs that open a yes/no question."""
    still: PhraseMatcher[str]
    """Words asking whether something still holds today."""
    aspect: PhraseMatcher[str]
    """Words asking whether something came to happen: ``verb`` ("llegó a", "end up"), taken
    with an infinitive after it, or ``adverb`` ("ever", "por fin")."""
    before: PhraseMatcher[str]
    """Words putting a period's start as the end of what is asked ("before the summer")."""
    closing: PhraseMatcher[str]
    """Words asking when something closes (a deadline)."""
    courtesies: PhraseMatcher[str]
    ordinals: PhraseMatcher[int]
    months: PhraseMatcher[int]
    kinds: dict[str, dict[str, list[str]]]
    steps: dict[str, dict[str, list[str]]]
    stopwords: frozenset[str]
    votes: dict[str, frozenset[str]]
    possessives: frozenset[str] = frozenset()
    askers: frozenset[str] = frozenset()
    """Nouns that, after a possessive ("my city"), say who asks, not what is asked about."""
    cardinals: dict[str, frozenset[str]] | None = None
    """Numbers written as words, per language ("ten", "diez")."""
    kind_words: frozenset[str] = frozenset()
    """Words of the kinds' names: what a question asks about, never only how it asks."""
    seat: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words naming where a body is based, its seat ("headquarters", "la sede", "la seu")."""
    names: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """The kinds' names of several words ("buenas practicas", "working group"): a greeting
    inside one ("buenas") is the name's word, not a greeting."""
    introductions: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    day: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words asking for the day itself ("what day", "quel jour")."""
    day_parts: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Parts of a day ("morning", "la tarde"), offered as answers to when something is."""
    date: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    starting: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words asking when something starts ("begin", "empieza"): a date's end, no topic."""
    """Words asking for the date ("what date", "en qué fecha"), which a year alone is not."""
    """Words opening a clause about the asker ("we are", "somos"): context, not the question."""
    shortcuts: dict[str, tuple[str, ...]] | None = None
    """Chat abbreviations (``q``, ``pra``, ``wht``) and the words they stand for."""
    shortcut_languages: dict[str, frozenset[str]] = field(default_factory=dict)
    markers: dict[str, frozenset[str]] = field(default_factory=dict)
    """The function words that tell each language (``markers``: "the", "what" in English;
    "el", "del" in Spanish and Catalan), normalised."""
    """The languages that write each abbreviation (``qdo``: Spanish and Portuguese): it votes
    for them all, never only for the language whose expansion was kept."""

    spans: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words before a number of days, weeks or months: ``at`` (in N days: that day) or
    ``within`` (within N days: from today to then)."""
    units: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """day, week or month, as each language writes it."""
    numbers: dict[str, int] = field(default_factory=dict)
    spelt: dict[str, dict[str, int]] = field(default_factory=dict)
    """Numbers from two up written as words, per language ("five", "cinq"): the digits the
    records write ("up to 5 commitments")."""
    """Numbers written as words ("two", "dos", "deux") and their value."""
    month_parts: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """early, mid or late, before a month ("early July", "a finales de mes")."""
    stages: frozenset[str] = frozenset()
    """Words naming a stage of a process ("step", "etapa"): after "last" or "next", a part
    of what is named, not the latest or the next event."""
    kind_qualifiers: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Words a kind's records are called by beside the name of events ("outside events"):
    the records hold them, but they name no kind alone."""
    enumerations: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """The items a record lists in a data field, as members ask for them all ("the steps",
    "els objectius", "étape par étape"), valued by the field's name; :data:`WHOLE_LIST` for
    the words asking for every item ("from start to finish"), which name no field."""
    enumerated_items: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Field -> language -> the words of ``enumerations`` naming that field's items ("areas",
    "domaines", "àmbits"): a record that is one of them is called by them too."""
    editions: frozenset[str] = frozenset()
    """Words asking which edition something was in ("edition", "edición", "édition")."""
    numeral_lookalikes: frozenset[str] = frozenset()
    """Everyday words spelt as a Roman numeral (Spanish "vi", I saw): a numeral only written
    in capitals or beside the name of a kind or an edition ("la prioridad vi")."""
    frequencies: frozenset[str] = frozenset()
    """How often something is paid ("annual", "anual", "mensuel"): in a cost question, part
    of the slot, not a word the record must hold."""
    slot_parts: dict[str, PhraseMatcher[str]] = field(default_factory=dict)
    """Slot -> the words that, in a question of that slot, ask the slot itself ("where do
    we write", "the steps" of joining; "how much", "le montant" of a cost): no topic."""
    synonyms: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    """Word -> the words (and their languages) of the same sense ("socio" and "miembro")."""
    month_words: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """"the month" ("the year") after a month part: the month (year) we are in."""
    year_before: frozenset[str] = frozenset()
    """Words after which a year is a period asked for ("in 2020", "el 2013")."""
    year_nouns: frozenset[str] = frozenset()
    """"year" itself: "the year 2020" is a period too."""
    content_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    """Per language, the verbs by which a what-question asks a record's content ("what did
    the plan conclude"): counted for a record stating them, not against one that does not."""
    why: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    then: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words after which a new request starts ("..., then tell me when")."""
    asides: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words opening a sentence that turns to another matter ("by the way", "já agora")."""
    reasons: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    framings: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    secondary: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words by which the asker marks a request as secondary ("is secondary", "nos importa
    menos"): the main question, not that one, decides what is answered."""
    asker_verbs: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Verbs by which the asker says where they met a thing ("appears in the plan", "came
    out of", "se llama"): the asker's, no topic of a record."""
    verb_homographs: frozenset[str] = frozenset()
    """Slot words that are a verb's form and also a noun ("costa": it costs, a coast)."""
    noun_markers: frozenset[str] = frozenset()
    """Words before such a word that make it the noun ("la costa", "a costa")."""
    directions: frozenset[str] = frozenset()
    """Words after such a word that make it the noun ("costa oeste", "côte est")."""
    """Words opening a clause that says what the asker is doing or asks for ("For my
    report:", "Fact-checking an article:", "Para un artículo:"): context before a colon."""
    likeness: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    who_verbs: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    with_verbs: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Verbs saying two bodies work together ("works with", "collabore avec")."""
    slot_nouns: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Nouns asking who, where or when as a question's head ("the organiser of...?")."""
    """Verbs saying how someone stands to a thing ("leads", "accueille"): who is asked."""
    """"(a town hall) like ours": the words before it describe the asker, not the topic."""
    """Words opening a clause that gives the asker's reason ("because"): context."""
    to_know: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words reporting a question ("wants to know", "voudrait savoir"): the question follows."""
    time_words: frozenset[str] = frozenset()
    """The words of time phrases (periods, seasons, next and last, units), which a typo
    ("wekend", "semanaa") is corrected to. (Not months: "Marcos" is a name, not "março".)"""
    weekdays: PhraseMatcher[int] = field(default_factory=PhraseMatcher)
    """Weekdays' names in the five languages (Babel), Monday 0."""
    past_words: frozenset[str] = frozenset()
    details: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Details a question asks beside its slot (an outcome), as ``vocabulary.yaml`` writes
    them: the slots each qualifies, the words asking it and those stating it, per language
    (:mod:`~hub.core.assistant.details` stems them)."""
    sections: dict[str, Any] = field(default_factory=dict)
    """The file's sections as parsed, for the modules that read a table of their own from
    them (sub-regions, places, casual names, bounds): the file is parsed once, here."""
    conjugations: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Other persons of the join and subscribe verbs
    (:func:`~hub.core.assistant.verb_forms.conjugated`): they say how to join only where
    nothing else is asked ("qui forma part": who, not how to join)."""
    """Words after a season that make it the last one ("el verano pasado")."""

    def step_family(self, step: str) -> str:
        """``call_for_candidacies`` -> ``call``: the step's family in ``steps``."""
        for family in self.steps:
            if step == family or step.startswith(family):
                return family
        return step


def _by_language(
    section: dict[str, dict[str, list[str]]],
    matcher: PhraseMatcher[Any],
    votes: dict[str, set[str]] | None,
    value: Any = None,
) -> None:
    for key, languages in section.items():
        for language, phrases in languages.items():
            for phrase in phrases:
                if not isinstance(phrase, str):
                    raise ValueError(f"vocabulary.yaml {key}.{language}: quote {phrase!r}")
                matcher.add(phrase, key if value is None else value)
                if votes is not None:
                    for word in normalise(phrase).split():
                        votes.setdefault(word, set()).add(language)


@cache
def _city_names() -> dict[str, dict[str, str]]:
    data = load_vocabulary().sections.get("city_names") or {}
    return {str(city): {str(k): str(v) for k, v in names.items()} for city, names in data.items()}


def city_name(city: str, language: str) -> str:
    """``city`` as ``language`` writes it, with the records' own name after it where they
    differ ("Barcelone (Barcelona)" in French: the member reads their own word, and finds
    the name the documents and maps use); each part of a place written with a comma
    ("Cocody, Abidjan") on its own."""
    names = _city_names()
    parts = []
    for part in (p.strip() for p in city.split(",")):
        own = names.get(part, {}).get(language)
        parts.append(f"{own} ({part})" if own and own != part else part)
    return ", ".join(parts)


@cache
def _country_names() -> dict[str, list[tuple[str, str]]]:
    data = load_vocabulary().sections.get("country_names") or {}
    return {
        str(code): [(str(lang), str(name)) for lang, names in by.items() for name in names]
        for code, by in data.items()
    }


@cache
def demonyms() -> dict[str, str]:
    """Countries' adjectives ("senegalese", "ivoirien"), normalised, and the country's code."""
    data = load_vocabulary().sections.get("demonyms") or {}
    return {
        normalise(str(word)): str(code)
        for code, by in data.items()
        for words in by.values()
        for word in words
    }


@cache
def network_words() -> dict[str, Any]:
    """Words naming the network itself ("the observatory"), those before or after which they
    name another body's, the acronym they stand for, and the nouns naming any network
    ("la red"), the hub's own only when nothing else is named."""
    data = load_vocabulary().sections.get("network_words") or {}
    return {
        "words": frozenset(normalise(str(w)) for w in data.get("words", [])),
        "not_after": frozenset(normalise(str(w)) for w in data.get("not_after", [])),
        "not_before": frozenset(normalise(str(w)) for w in data.get("not_before", [])),
        "acronym": normalise(str(data.get("acronym", ""))),
        "nouns": frozenset(normalise(str(w)) for w in data.get("nouns", [])),
    }


@cache
def _containment() -> dict[str, frozenset[str]]:
    """Country -> the world regions (M49 codes) it lies in, at every level, from CLDR's
    territory containment ("SN": Western Africa, Sub-Saharan Africa, Africa)."""
    data = load_vocabulary().sections.get("region_containment") or {}
    parents: dict[str, set[str]] = {}
    for region, members in data.items():
        for member in members:
            parents.setdefault(str(member), set()).add(str(region))
    out: dict[str, frozenset[str]] = {}
    for code in parents:
        if code.isdigit():
            continue
        found: set[str] = set()
        todo = [code]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        out[code] = frozenset(found)
    return out


def regions_of(country: str) -> frozenset[str]:
    """The world regions (M49 codes: "002" Africa, "419" Latin America...) ``country`` lies
    in; none for a code the table does not hold."""
    return _containment().get(country, frozenset())


def country_variants(code: str) -> list[tuple[str, str]]:
    """The country's other names and adjectives, as (language, name), beside CLDR's."""
    return list(_country_names().get(code, []))


@cache
def country_matcher() -> PhraseMatcher[str]:
    """Every country's name in the five languages (CLDR, from Babel) and its other names:
    the words of a place, never a slot's ("Costa de Marfil" asks no cost)."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if not code.isdigit():
                matcher.add(name, code)
    for code, names in _country_names().items():
        for _, name in names:
            matcher.add(name, code)
    return matcher


@cache
def _city_abbreviations() -> dict[str, list[str]]:
    data = load_vocabulary().sections.get("city_abbreviations") or {}
    return {str(city): [str(short) for short in shorts] for city, shorts in data.items()}


@cache
def city_matcher() -> PhraseMatcher[str]:
    """Every city the vocabulary names, in each language and by its short names ("Lisboa",
    "Barcelone", "BCN"): a place, whether or not a record is held there."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for city, names in _city_names().items():
        for name in [city, *names.values(), *_city_abbreviations().get(city, [])]:
            matcher.add(name, city)
    for city, shorts in _city_abbreviations().items():
        for name in [city, *shorts]:
            matcher.add(name, city)
    return matcher


def city_variants(city: str) -> list[tuple[str, str]]:
    """``city`` (the records' name, English), each language's name of it where it differs
    and its short names ("BCN"), as (language, name), for retrieval."""
    names = _city_names()
    shorts = _city_abbreviations()
    parts = [part.strip() for part in city.split(",")]
    return [
        ("en", city),
        *((lang, name) for part in parts for lang, name in names.get(part, {}).items()),
        *(("en", short) for part in parts for short in shorts.get(part, [])),
    ]


def _synonyms(
    groups: dict[str, dict[str, list[str]]],
) -> dict[str, frozenset[tuple[str, str]]]:
    """Each word of a group of synonyms -> every word of its group, with its language."""
    out: dict[str, frozenset[tuple[str, str]]] = {}
    for languages in groups.values():
        group = frozenset(
            (normalise(str(w)), language) for language, words in languages.items() for w in words
        )
        for word, _ in group:
            out[word] = out.get(word, frozenset()) | group
    return out


@cache
def load_vocabulary(path: Path = HERE / "vocabulary.yaml") -> Vocabulary:
    data = read_yaml(path)
    votes: dict[str, set[str]] = {}
    types: PhraseMatcher[str] = PhraseMatcher()
    voting = {key: value for key, value in data["types"].items() if key not in SILENT_TYPES}
    _by_language(voting, types, votes)
    _by_language({"where": data["seat"]}, types, votes)  # "la sede": where it is based
    seat: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"seat": data["seat"]}, seat, None)
    _by_language({key: data["types"][key] for key in SILENT_TYPES}, types, None)
    conjugations: PhraseMatcher[str] = PhraseMatcher()
    for concept in CONJUGATED:
        for language in ROMANCE:
            for phrase in data["types"][concept].get(language, []):
                conjugations.add_all(conjugated(phrase), concept)
    next_last: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"next": data["next"], "last": data["last"]}, next_last, votes)
    periods: PhraseMatcher[tuple[str, int]] = PhraseMatcher()
    for unit, offsets in data["periods"].items():
        for offset, languages in offsets.items():
            _by_language({unit: languages}, periods, votes, (unit, int(offset)))
    seasons: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["seasons"], seasons, votes)
    for word, written in _synonyms(data.get("synonyms", {})).items():  # "membresía": Spanish
        votes.setdefault(word, set()).update(lang for w, lang in written if w == word)
    out: PhraseMatcher[str] = PhraseMatcher()
    spoken = [language for language in data["out_of_scope"] if language != "any"]
    for language, phrases in data["out_of_scope"].items():  # valued by their language
        for said_in in spoken if language == "any" else [language]:  # "any": in every one
            _by_language({said_in: {said_in: phrases}}, out, None)
        if language != "any":  # a one-word phrase votes: "telefon" (Catalan), "senha"; the
            for word in (normalise(str(p)) for p in phrases):  # words of longer ones are
                if word and " " not in word:  # often English names' ("Open Gov Challenge")
                    votes.setdefault(word, set()).add(language)
    for language, phrases in data["roster"].items():  # the roster asked
        _by_language({language: {language: phrases}}, out, None)
    injection: PhraseMatcher[str] = PhraseMatcher()
    injection.add_all(data["injection"], "injection")
    remind: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"remind": data["remind"]}, remind, votes)
    hour: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"hour": data["hour"]}, hour, None)
    day_parts: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"day_part": data["day_parts"]}, day_parts, None)
    polar: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"polar": data["polar"]}, polar, None)
    for language, phrases in data["polar"].items():  # "podem": Portuguese and Catalan
        for word in (normalise(str(p)) for p in phrases if " " not in str(p).strip()):
            votes.setdefault(word, set()).add(language)
    question_words: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"question": data["question_words"]}, question_words, votes)
    still: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"still": data["still"]}, still, None)
    aspect: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["aspect"], aspect, None)
    before: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"before": data["before"]}, before, None)
    closing: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"closing": data["closing"]}, closing, None)
    courtesies: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"courtesy": data["courtesies"]}, courtesies, votes)
    _by_language({"filler": data["fillers"]}, courtesies, None)  # "te" is not French
    _by_language({"hedge": data["hedges"]}, courtesies, None)
    introductions: PhraseMatcher[str] = PhraseMatcher()
    day: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"day": data["day"]}, day, None)
    date: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"date": data.get("date", {})}, date, None)
    starting: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"starting": data.get("starting", {})}, starting, None)
    _by_language({"introduction": data["introductions"]}, introductions, None)
    shortcuts: dict[str, tuple[str, ...]] = {}
    shortcut_languages: dict[str, set[str]] = {}
    for language, table in data["shortcuts"].items():
        for short, long in table.items():  # the first language's reading of one is kept
            shortcuts.setdefault(normalise(str(short)), tuple(normalise(str(long)).split()))
            shortcut_languages.setdefault(normalise(str(short)), set()).add(language)
    stopwords: set[str] = set()
    for language, words in data["stopwords"].items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml stopwords.{language}: quote {word!r}")
            stopwords.update(normalise(str(word)).split())
            votes.setdefault(normalise(str(word)), set()).add(language)
    for language, words in data.get("function_words", {}).items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml function_words.{language}: quote {word!r}")
            stopwords.update(normalise(word).split())
    months: PhraseMatcher[int] = PhraseMatcher(fuzzy_cutoff=86.0, fuzzy_min_length=5)
    for language in LANGUAGES:
        for number, name in month_names(language).items():
            if normalise(name) != "may":  # "may I..." is not a month, "in may" is
                months.add(name, number)
            for word in normalise(name).split():
                votes.setdefault(word, set()).add(language)
    for phrase, number in data.get("month_phrases", {}).items():
        months.add(str(phrase), int(number))
    ordinals: PhraseMatcher[int] = PhraseMatcher()
    for language, table in data["ordinals"].items():
        for word, number in table.items():
            ordinals.add(str(word), int(number))
            for part in normalise(str(word)).split():
                votes.setdefault(part, set()).add(language)
    for language, words in data["markers"].items():
        for word in words:
            if not isinstance(word, str):
                raise ValueError(f"vocabulary.yaml markers.{language}: quote {word!r}")
            for part in normalise(word).split():
                votes.setdefault(part, set()).add(language)
    for kind in data["kinds"].values():
        for language, phrases in kind.items():
            for phrase in phrases:
                for word in normalise(phrase).split():
                    votes.setdefault(word, set()).add(language)
    names: PhraseMatcher[str] = PhraseMatcher()
    for kind_name, kind in data["kinds"].items():
        names.add_all((p for ps in kind.values() for p in ps if len(p.split()) > 1), kind_name)
    spans: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["spans"], spans, None)
    enumerations: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data.get("enumerations", {}), enumerations, None)
    units: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["units"], units, votes)
    month_parts: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data["month_parts"], month_parts, None)
    month_words: PhraseMatcher[str] = PhraseMatcher()
    month_words.add_all((str(w) for w in data["month_words"]), "month")
    month_words.add_all((str(w) for w in data["year_said"]), "year")
    why: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"why": data["why"]}, why, None)
    then: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"then": data["then"]}, then, None)
    asides: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"aside": data["asides"]}, asides, None)
    to_know: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"to_know": data["to_know"]}, to_know, None)
    reasons: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"reasons": data["reasons"]}, reasons, None)
    asker_verbs: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"asker_verbs": data["asker_verbs"]}, asker_verbs, None)
    slot_parts: dict[str, PhraseMatcher[str]] = {}
    for slot, languages in data.get("slot_parts", {}).items():
        _by_language({slot: languages}, slot_parts.setdefault(str(slot), PhraseMatcher()), None)
    framings: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"framings": data["framings"]}, framings, None)
    secondary: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"secondary": data.get("secondary", {})}, secondary, None)
    likeness: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"likeness": data["likeness"]}, likeness, None)
    who_verbs: PhraseMatcher[str] = PhraseMatcher()
    _by_language(data.get("who_verbs", {}), who_verbs, None)  # valued by the field named
    places_times = {key: data["slot_nouns"][key] for key in ("where", "when")}
    roles = {k: v for k, v in data["slot_nouns"].items() if k not in places_times}
    _by_language(roles, who_verbs, None)  # "the organiser": the field, as "organised" names it
    slot_nouns: PhraseMatcher[str] = PhraseMatcher()
    _by_language(roles, slot_nouns, None, value="who")
    _by_language(places_times, slot_nouns, None)
    with_verbs: PhraseMatcher[str] = PhraseMatcher()
    _by_language({"with": data.get("with_verbs", {})}, with_verbs, None)
    numbers = {
        normalise(str(word)): int(value)
        for table in data["numbers"].values()
        for word, value in table.items()
    }
    time_words = {
        word
        for section in (data["periods"].values(), [data["seasons"], data["units"]])
        for group in section
        for languages in group.values()
        for phrases in (languages.values() if isinstance(languages, dict) else [languages])
        for phrase in phrases
        for word in normalise(str(phrase)).split()
    }
    time_words.update(
        w
        for key in ("next", "last")
        for ps in data[key].values()
        for p in ps
        for w in normalise(str(p)).split()
    )
    weekdays: PhraseMatcher[int] = PhraseMatcher()
    for language in LANGUAGES:
        for number, name in weekday_names(language).items():
            weekdays.add(name, number)
            for word in normalise(name).split():
                votes.setdefault(word, set()).add(language)
    for word in data.get("loanwords", []):
        votes.pop(normalise(str(word)), None)
    return Vocabulary(
        weekdays=weekdays,
        spans=spans,
        units=units,
        numbers=numbers,
        spelt={
            str(language): {normalise(str(w)): int(v) for w, v in table.items() if int(v) >= 2}
            for language, table in data["numbers"].items()
        },
        month_parts=month_parts,
        month_words=month_words,
        year_before=frozenset(normalise(str(w)) for w in data["year_words"]["before"]),
        year_nouns=frozenset(normalise(str(w)).split()[-1] for w in data["year_words"]["nouns"]),
        content_verbs={
            str(language): frozenset(normalise(str(w)) for w in words)
            for language, words in data.get("content_verbs", {}).items()
        },
        why=why,
        then=then,
        asides=asides,
        to_know=to_know,
        reasons=reasons,
        framings=framings,
        secondary=secondary,
        asker_verbs=asker_verbs,
        verb_homographs=frozenset(normalise(w) for w in data["verb_homographs"]["words"]),
        noun_markers=frozenset(normalise(w) for w in data["verb_homographs"]["before"]),
        directions=frozenset(normalise(w) for w in data["verb_homographs"]["directions"]),
        likeness=likeness,
        who_verbs=who_verbs,
        slot_nouns=slot_nouns,
        with_verbs=with_verbs,
        past_words=frozenset(normalise(str(w)) for w in data["past_words"]),
        time_words=frozenset(w for w in time_words if len(w) >= 5),
        types=types,
        conjugations=conjugations,
        next_last=next_last,
        periods=periods,
        seasons=seasons,
        out_of_scope=out,
        injection=injection,
        order_verbs=frozenset(normalise(str(w)) for w in data["order_verbs"]),
        order_objects=frozenset(normalise(str(w)) for w in data["order_objects"]),
        remind=remind,
        hour=hour,
        day_parts=day_parts,
        polar=polar,
        question_words=question_words,
        still=still,
        aspect=aspect,
        before=before,
        closing=closing,
        courtesies=courtesies,
        ordinals=ordinals,
        months=months,
        kinds=data["kinds"],
        kind_qualifiers=data.get("kind_qualifiers", {}),
        steps=data["steps"],
        details=data.get("details", {}),
        sections=data,
        stopwords=frozenset(stopwords),
        votes={word: frozenset(langs) for word, langs in votes.items()},
        possessives=frozenset(normalise(str(w)) for w in data.get("possessives", [])),
        stages=frozenset(
            normalise(str(w)) for words in data.get("stages", {}).values() for w in words
        ),
        frequencies=frozenset(
            normalise(str(w)) for words in data.get("frequencies", {}).values() for w in words
        ),
        enumerations=enumerations,
        enumerated_items=data.get("enumerations", {}),
        editions=frozenset(normalise(str(w)) for w in data.get("editions", [])),
        numeral_lookalikes=frozenset(
            normalise(str(w))
            for words in data.get("numeral_lookalikes", {}).values()
            for w in words
        ),
        slot_parts=slot_parts,
        synonyms=_synonyms(data.get("synonyms", {})),
        cardinals={
            language: frozenset(normalise(str(w)) for w in words)
            for language, words in data.get("cardinals", {}).items()
        },
        askers=frozenset(
            normalise(str(w)) for words in data.get("askers", {}).values() for w in words
        ),
        shortcuts=shortcuts,
        shortcut_languages={k: frozenset(v) for k, v in shortcut_languages.items()},
        markers={
            language: frozenset(part for w in words for part in normalise(str(w)).split())
            for language, words in data["markers"].items()
        },
        introductions=introductions,
        day=day,
        date=date,
        starting=starting,
        names=names,
        seat=seat,
        kind_words=frozenset(
            word
            for kind in data["kinds"].values()
            for phrases in kind.values()
            for phrase in phrases
            for word in normalise(phrase).split()
        ),
    )
