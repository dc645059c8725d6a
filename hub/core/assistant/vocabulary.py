"""The hub's own words (``vocabulary.yaml``), loaded once per process.

Only what is truly the hub's: the slot a question asks for, time words,
the names of the kinds of records and of award steps, what is never
answered, and function words. Everything about the network comes from
the knowledge records.

This module holds what the file is read into (:class:`Vocabulary`); the file is parsed
once, by :func:`~hub.core.assistant.vocabulary_file.load_vocabulary`; the modules that build
a table of their own from it (:mod:`~hub.core.assistant.place_names`,
:mod:`~hub.core.assistant.sub_regions`,
:mod:`~hub.core.assistant.asked_beyond`, :mod:`~hub.core.assistant.casual_kinds`,
:mod:`~hub.core.assistant.bounds_stated`) read it from :attr:`Vocabulary.sections`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hub.core.assistant.text import PhraseMatcher

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
    asker_described: PhraseMatcher[str] = field(default_factory=PhraseMatcher)
    """Words describing the asker's group ("sin personería jurídica", "not registered", "una
    red vecinal"): who would join, not what is asked (``vocabulary.yaml``'s
    ``asker_described``)."""

    def step_family(self, step: str) -> str:
        """``call_for_candidacies`` -> ``call``: the step's family in ``steps``."""
        for family in self.steps:
            if step == family or step.startswith(family):
                return family
        return step
