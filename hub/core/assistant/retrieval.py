"""Ranked retrieval over every knowledge record, in five languages.

Each record (event, award edition and each of its steps, office, working
group, priority, task, OGP Local fact, FAQ, document) becomes one
:class:`Doc`: the words of all its fields and all their languages, its
places (city, and the country's name in the five languages from Babel's
CLDR data), its numbers and years, and the names of its kind in the five
languages (:file:`vocabulary.yaml`). Words are normalised (no accents, lower
case), function words dropped and the rest stemmed with the Snowball
stemmer of the field's language.

Ranking is BM25 (own code, about forty lines: with about two hundred short
records, a full-text engine would add a dependency and a start-up cost for
nothing; measured in ``hub bench ask``). A query word is stemmed in the
question's language and in English (members mix them) and counts once, with
its best stem. Fuzzy matching (rapidfuzz) is first for names: a query word
the records never use, five letters or more, may be read as a name word of
the records (a city, an event's own name) that it nearly equals. A word still
unknown, of six letters or more, that is one letter away from a record's word
of the same first letter is read as its misspelling ("membrship"); shorter
everyday words are never corrected (one letter makes another word of them).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import snowballstemmer
from babel import Locale
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from hub.core.assistant.casual_kinds import casual_kinds
from hub.core.assistant.index import AwardView, EntryView, EventView, KnowledgeIndex
from hub.core.assistant.language_names import names_a_language
from hub.core.assistant.name_acronyms import unambiguous_acronyms
from hub.core.assistant.number_words import counts_time, used_as_number
from hub.core.assistant.reading import SLOT_OF
from hub.core.assistant.slot_asked import CONCEPTS
from hub.core.assistant.spelling import Speller
from hub.core.assistant.sub_regions import sub_region_term, sub_regions, sub_regions_at
from hub.core.assistant.text import LONGEST_WORD, normalise, split_codes
from hub.core.assistant.vocabulary import (
    LANGUAGES,
    Vocabulary,
    city_variants,
    country_variants,
    demonyms,
    network_words,
    regions_of,
)
from hub.core.knowledge.loader import LOADER_KEYS

STEMMERS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "ca": "catalan",
    "pt": "portuguese",
}
_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th|a|o|e|er|re|eme|ieme|t|na|ena|ta|to)?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_ROMAN = re.compile(r"^([ivxl]{2,7})(e|eme|er|th)?$")
"""A Roman numeral of two letters or more, maybe with an ordinal ending (``xiiie``, French
``ixe``). Spanish, Catalan and Portuguese write no ending after one ("XIII Conferencia"):
with "a" or "o" the letters are words ("via", "vio", "lio")."""
ROMAN_WORDS = frozenset({"vie"})
"""Everyday words written as a numeral and its ending (French "vie", life, not the 6th)."""
ROMAN_MOST = 40
"""The highest edition a Roman numeral names here: above it, the letters are words ("li",
"lie", "live" read as the 51st and 54th)."""
_GLOSS = re.compile(r"\([^)]*\)")
_CAPITALS = re.compile(r"\b[A-Z]{4,}\b")
"""A word the records write in capitals (PARTICIPATE) is a name, not an everyday word."""
NAME_IN_CAPITALS = 6
"""A word this long the records write in capitals (PARTICIPATE) is also a term of its own,
rarer than the everyday word's stem ("particip", in most records): asked, it finds the name.
Shorter ones are acronyms (IOPD, UCLG), or names too like everyday words ("GOLD", "IDEA")."""
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
K1, B = 1.2, 0.5
TYPO_LENGTH = 6
"""The shortest word read as a misspelling of a record's word (one letter wrong)."""
ACRONYM_TYPO = 4
"""The shortest word read as a records' acronym with two letters swapped ("OIPD", "UCGL");
shorter ones are too often another word."""
NAME_SOUND = 0.89
"""Jaro-Winkler likeness, same first letter, for a place spelt as heard ("abiyán", Abidjan)."""
COMPOUND, COMPOUND_PART = 9, 4
"""The shortest word read as two of the records' words joined, and the shortest part."""
DERIVED_PREFIX = 6
"""Letters a word unknown to the records must share with a record's word to be taken as
derived from it (fewer join unrelated words: "parti", "inter")."""
DERIVED_SHARE = 0.75
"""Share of the shorter word's letters the two must begin with alike."""
ACCENTED_SUFFIXES = {
    "fr": (("ees", "ées"), ("ee", "ée")),
    "pt": (("coes", "ções"), ("cao", "ção")),
    "ca": (("cio", "ció"), ("sio", "sió")),
}
"""Derivational endings whose accent the Snowball stemmers need: words are stemmed without
accents, and then "évaluées" (evaluee, not evalu), "avaliação" (avaliaca, not avali) and
"participació" (participac, not particip) miss the verb and noun of the same root."""
_ADJECTIVE_IN_ATIC = re.compile(r"^([a-z]{3,})ati(c|ca|co|cs|cas|cos|que|ques)$")
"""An adjective made of a noun in -ma/-ate/-at/-e with "-àtic", "-ático", "-atique", "-atic"
(climàtica, temàtiques, thematic): the group is the noun's root ("clim", "tem", "them")."""
_NOUN_ROOT = re.compile(r"^([a-z]{3,}?)(?:ate?|a|e)?s?$")
"""The root of a noun asked ("clima", "temes", "climate", "climat", "theme" -> "clim", "tem",
"clim", "clim", "them"), whose adjective in -atic the Snowball stemmers give another stem."""
PLURAL_SUFFIXES = {
    "es": (("eas", "ea"),),
    "pt": (("ais", "al"), ("eis", "el"), ("ens", "em")),
    "ca": (("ques", "ca"), ("gues", "ga")),
}
"""Plurals the Snowball stemmer cuts otherwise than their singular: Portuguese keeps "canal",
"local", "nível" and cuts "canais", "locais", "níveis" to "can", "loc", "nív"; Catalan
spells "tasca", "pràctica", "llarga" as "tasques", "pràctiques", "llargues" in the plural
("tasc" and "tas", "practic" and "pract"), and keeps "jovens", "viagens" whole but cuts
"jovem", "viagem" to "jov", "viag"; Spanish cuts "tareas", "líneas", "asambleas" to
"tar", "lin", "asambl" but "tarea", "línea", "asamblea" to "tare", "line", "asamble". The
plural is stemmed as its singular (words of six letters or more: "quais", "mais" stay)."""
ROOT_LL = {"ca": "\u0142"}
"""Catalan's "ll" is a consonant of the root (treball, consell, detall), never an ending,
but the Catalan Snowball stemmer cuts it: "treball" and "treballa" to "treb", "treballs" to
"trebal", "treballen" to "treball", "consell" to "con". It is held as one letter the
stemmer's rules do not know (as Catalan's own "l·l" keeps it apart) while the word is
stemmed, so every form of the word keeps it: "treball" for them all."""
BARE_PLURALS: dict[str, tuple[str, ...]] = {"es": ("as", "os"), "pt": ("as", "os")}
"""Plurals a Spanish or Portuguese stemmer leaves whole because the word is too short for
its regions ("actas", "atas", "otros"): the plural is stemmed as its singular ("acta",
"ata"), which the stemmer also leaves whole. Longer plurals lose their "-s" in the stemmer
already ("trabajos", "trabajo": "trabaj")."""
ONLINE = {"en": frozenset({"ligne", "linea", "linia"}), "em": frozenset({"linha"})}
""""En ligne", "en línea", "en línia", "em linha": online, one word, as English writes it (the
"line" of a work plan is another word: the phrase is never the record kind's name)."""
ONLINE_TERM = "onlin"
"""The English stem of "online", the term the phrases are indexed and asked as."""
PUT_ONLINE = frozenset(
    {"mis", "mise", "mises", "mettre", "met", "puesto", "puesta", "poner", "posat", "posada"}
    | {"posar", "posto", "posta", "por", "pos", "puso", "pusieron", "pone", "ponen"}
    | {"put", "went", "go", "goes", "gone"}
)
"""Verbs that, before "online" ("mis en ligne", "puesta en línea", "went online"), make it a
launch: what the records call the launch of a website."""
LAUNCH_TERM = "launch"
VOWELS = frozenset("aeiouy")
ELIDED = frozenset({"d", "l"})
ELISION_BEFORE = frozenset("aeiouh")
"""Letters elided before a word beginning with these ("d'aquest", "l'any", "d'hiver")."""
LABEL_FOLLOWERS = frozenset(
    {"of", "in", "de", "del", "dels", "du", "des", "do", "da", "dos", "das"}
)
WIDE_REGIONS = frozenset({"002", "202", "019", "419", "142", "150", "009"})
"""The world regions (M49) a record's country puts it in too: the continents, Sub-Saharan
Africa and Latin America. Not the sub-regions named by a direction ("Western Africa",
"Europe du Sud"): their "west", "sud" are a question's common words."""
NETWORK_LINKS = frozenset({"de", "la", "del", "du", "l", "da", "do"})
"""Words between a kind's name and the network's noun it is of ("congrès du réseau"); not
English "the", which a verb's subject follows too ("the plan, what did the network conclude")."""
HOME = "iopd"
"""The record of the hub's own network, whose name most records say."""
NAME_WEIGHT, ALIAS_WEIGHT, KIND_WEIGHT, BODY_WEIGHT = 3, 2, 1, 1
PART_OF_LABELLED = ("priority",)
"""Data fields by which a part names the labelled record it belongs to (``priority: C``)."""
INHERITED_WEIGHT = 0.5
"""The weight of the whole's name in a part's terms: less than the whole's own, so that
asked of the whole, the whole outranks its parts."""
BOUND_MIN, BOUND_SHARE, BOUND_PREFIX = 4, 0.9, 6
"""A term seen at least this often, beside one same word (stems sharing their first letters,
so "participatory", "participatif" and "participativo" are one) at least this share of the
time, is bound to it."""


SYNONYM_STEM = 4
"""The shortest stem a synonym adds ("soc" of "socis" is also "sóc", I am)."""
DETERMINERS = frozenset({"the", "los", "las", "les", "els", "os", "as", "these", "those"})
"""Words before a number that make it a count of what is asked ("the two members")."""


def roman(text: str) -> int | None:
    """``"xiii"`` -> 13; None unless the letters are a well-formed numeral."""
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    canonical = ""
    rest = total
    for value, letters in (
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while rest >= value:
            canonical += letters
            rest -= value
    return total if canonical == text and 0 < total < 60 else None


def number_term(token: str) -> str | None:
    """An ordinal or small number (``13th``, ``13a``, ``xiii``, ``15``) as ``#13``; a year as
    ``y2013``; None for other words."""
    if _YEAR.match(token):
        return f"y{token}"
    match = _ORDINAL.match(token)
    if match:
        return f"#{int(match.group(1))}"
    numeral = _ROMAN.match(token)
    if numeral and token not in ROMAN_WORDS and (value := roman(numeral.group(1))):
        return f"#{value}" if value <= ROMAN_MOST else None
    return None


class Analyser:
    """Words -> index terms: normalised, function words out, stemmed per language."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.stopwords = vocabulary.stopwords
        self._stemmers = {lang: snowballstemmer.stemmer(name) for lang, name in STEMMERS.items()}
        self._cache: dict[tuple[str, str], str] = {}
        self._stemming = threading.Lock()
        """A Snowball stemmer keeps its word in itself while it works: one thread at a time
        (a retriever is shared by the assistants of a process, see retrieval_cache)."""

    def stem(self, token: str, language: str) -> str:
        key = (token, language)
        found = self._cache.get(key)
        if found is None:
            for plural, singular in PLURAL_SUFFIXES.get(language, ()):
                if token.endswith(plural) and len(token) > len(plural) + 2:
                    token = token[: -len(plural)] + singular
                    break
            for plain, accented in ACCENTED_SUFFIXES.get(language, ()):
                if token.endswith(plain) and len(token) > len(plain) + 2:
                    token = token[: -len(plain)] + accented  # the stemmer's rules need it
                    break
            found = self._snowball(token, language)
            endings = BARE_PLURALS.get(language, ())
            if found == token and token.endswith(endings) and len(token) > 3:
                found = self._snowball(token[:-1], language)
            self._cache[key] = found
        return found

    def _snowball(self, token: str, language: str) -> str:
        """The Snowball stem of ``token``; a Catalan "ll" held as one letter meanwhile."""
        held = ROOT_LL.get(language)
        word = token.replace("ll", held) if held else token
        with self._stemming:
            stemmed: str = self._stemmers[language].stemWord(word)
        return stemmed.replace(held, "ll") if held else stemmed

    def terms(self, text: str, language: str) -> list[str]:
        return self.terms_of(normalise(text).split(), language)

    def terms_of(self, words: list[str], language: str) -> list[str]:
        """Like :meth:`terms`, for words already normalised."""
        out = []
        tokens = split_codes(words)
        for i, token in enumerate(tokens):
            if i and token in ONLINE.get(tokens[i - 1], ()):
                put = i > 1 and tokens[i - 2] in PUT_ONLINE  # "mis en ligne": launched
                out.append(LAUNCH_TERM if put else ONLINE_TERM)  # "en ligne": online
                continue
            if i and token == "online" and tokens[i - 1] in PUT_ONLINE:
                out.append(LAUNCH_TERM)  # "went online": launched
                continue
            number = number_term(token)
            if number:
                out.append(number)
            elif token not in self.stopwords and len(token) > 1:
                out.append(self.stem(token, language))
        return out


@dataclass
class Doc:
    """One record (or one award step) as the index sees it."""

    key: str
    record_id: str
    group: str  # event | award | step | entry
    kind: str
    record: EventView | AwardView | EntryView
    step: str | None = None
    terms: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    length: float = 0.0
    unwritten: float = 0.0
    """The weight of the terms the record holds without writing them (the regions its country
    lies in): no part of its length, so a record is not the shorter for lying nowhere."""
    names: list[set[str]] = field(default_factory=list)
    """The terms of the record's own name, one set per language."""
    kind_terms: set[str] = field(default_factory=set)
    """Terms that only say what kind of record this is (conference, office...)."""
    wholes: list[str] = field(default_factory=list)
    """The keys of the records this one is part of (the challenge of one of its areas)."""
    own_places: set[str] = field(default_factory=set)
    """Terms of the record's own city and country (not places its text only mentions)."""
    initials: set[str] = field(default_factory=set)
    """The initials of its name's word pairs (``^pb``), held apart from its length."""


class Retriever:
    """A BM25 index of every record, built once per knowledge revision."""

    def __init__(self, index: KnowledgeIndex, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.analyser = Analyser(vocabulary)
        self.docs: list[Doc] = []
        self.raw_words: set[str] = set()
        self.place_words: set[str] = set()
        """Words of the records' cities and countries, not function words: no language vote."""
        self.place_terms: set[str] = set()
        """Terms of the records' cities and countries."""
        self.acronyms: set[str] = set()
        """Words the records' names write in capitals (OGP, UCLG, IOPD): names of bodies."""
        self.capital_words: set[str] = set()
        """Words the records write in capitals: names (PARTICIPATE), never a concept's word."""
        self.name_words: set[str] = set()
        self.own_acronyms: dict[str, set[str]] = {}
        """Record key -> the acronyms its name makes and no other record's does (FUM)."""
        self._seen: Counter[str] = Counter()
        self._beside: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.bound: dict[str, str] = {}
        """Term -> the start of the word it always stands beside in the records ("budget" of
        "participatory budgeting"): alone in a question, it means what the records do not hold."""
        self._words: dict[str, list[tuple[int, str, list[str]]]] = {}
        """A record's plain words per field, with the field's weight, while it is built (for
        the concepts it holds)."""
        self.synonyms: dict[str, set[str]] = {}
        """Term -> the terms of the same name (IOPD/OIDP, UCLG/CGLU), from records' data."""
        self._countries = {lang: Locale.parse(lang).territories for lang in LANGUAGES}
        self._region_codes = {
            normalise(name): code
            for code, name in self._countries["en"].items()
            if code.isdigit()  # a world region (M49: "003" North America), not a country
        }
        for event in index.events:
            self._add(self._event_doc(event))
        for award in index.awards:
            self._add(self._award_doc(award))
            for step in award.steps.values():
                self._add(self._step_doc(award, step.step))
        self._citing = _citing_plans(index)
        for entry in index.entries.values():
            self._add(self._entry_doc(entry))
        self._members_places()
        self._inherit()
        self._name_acronyms()
        self._finish()
        self.speller = Speller(self.raw_words, vocabulary)
        """Corrects a question's misspelt words into the records' and the tables' words."""
        self.lettered: frozenset[str] = self._lettered()
        """Words naming a kind whose records are labelled by a letter (priority A, B...)."""

    # --- building ---------------------------------------------------------------------------

    def _field(
        self, doc: Doc, texts: Iterable[tuple[str, str]], weight: int, concepts: bool = True
    ) -> None:
        """Index ``texts``; ``concepts`` False for names of places ("Costa" is no cost).
        A term the field's translations share (a number, a name) counts as often as the
        language that says it most, not once per translation: a record translated five times
        is not five times about the task number its text mentions."""
        counts: dict[str, Counter[str]] = {}
        for language, text in texts:
            if not text:
                continue
            plain = normalise(text).split()
            self.raw_words.update(plain)
            capitals = {normalise(w) for w in _CAPITALS.findall(text)}
            if weight == NAME_WEIGHT:
                self.acronyms |= {normalise(w) for w in _ACRONYM.findall(text)}
            self.capital_words |= capitals
            words = [w if w not in capitals else "|" for w in plain]  # PARTICIPATE is a name
            if concepts:
                self._words.setdefault(doc.key, []).append((weight, language, words))
            lang = language if language in STEMMERS else "en"
            terms = self.analyser.terms_of(plain, lang)
            counted = counts.setdefault(language, Counter())
            if concepts and weight >= ALIAS_WEIGHT:  # a name's initials ("PB", "OP", "BP")
                doc.initials |= self._initials(plain)
            for word in plain:  # "PARTICIPATE": the name's own term, beside the verb's stem
                if word in capitals and len(word) >= NAME_IN_CAPITALS:
                    counted[f"!{word}"] += weight
            for *_, region in sub_regions_at(plain, self.analyser.stopwords):
                doc.terms[sub_region_term(region)] += weight  # "the office in Northern
                doc.unwritten += weight  # Europe": held, its length unchanged
                self.place_terms.add(sub_region_term(region))
            for i, term in enumerate(terms):
                counted[term] += weight
                self._seen[term] += 1
                for j in (i - 1, i + 1):
                    if 0 <= j < len(terms) and terms[j] != term:
                        self._beside[term][terms[j]] += 1
        merged: Counter[str] = Counter()
        for counted in counts.values():
            for term, n in counted.items():
                merged[term] = max(merged[term], n)
        for term, count in merged.items():
            doc.terms[term] += count

    def _name_acronyms(self) -> None:
        """Each record is also called by the acronym its name makes in any language (WUF,
        FUM, GFMDD) that no other record's name makes: one of its names, held apart from its
        length as its word pairs' initials are."""
        named = [(d.key, d.record.name.values()) for d in self.docs if d.step is None]
        own = unambiguous_acronyms(named, self.analyser.stopwords, self.raw_words)
        by_key = {d.key: d for d in self.docs if d.step is None}
        for acronym, key in own.items():
            self.own_acronyms.setdefault(key, set()).add(acronym)
            by_key[key].initials.add(acronym)
            by_key[key].names.append({acronym})
            self.acronyms.add(acronym)
            self.name_words.add(acronym)

    def _initials(self, words: list[str]) -> set[str]:
        """The initials of each two words in a row of a name, no function word between
        ("participatory budgeting" ^pb, "orçamento participativo" ^op): what members write
        for it."""
        content = [w for w in words if w not in self.analyser.stopwords and w.isalpha()]
        return {f"^{a[0]}{b[0]}" for a, b in pairwise(content)}

    def _names(self, doc: Doc, texts: Iterable[str], proper_only: bool = False) -> None:
        """Words of proper names: the only words a typo may be corrected to. An entry's
        name ("Task 12: Special reports") is mostly everyday words: only its capitalised
        words after the first (OGP, Local, PARTICIPATE) are names there."""
        for text in texts:
            raw = text.split()
            for i, token in enumerate(raw):
                if proper_only and (i == 0 or not token[:1].isupper()):
                    continue
                for word in normalise(token).split():
                    if len(word) >= 4 and word not in self.analyser.stopwords:
                        self.name_words.add(word)

    def _own_names(self, doc: Doc, names: dict[str, str]) -> None:
        """The terms of each of the record's names; a name with a gloss in brackets ("Círculos
        locales de OGP (Local Circles)") is also the name without it."""
        for language, text in names.items():
            lang = language if language in STEMMERS else "en"
            for variant in {text, _GLOSS.sub(" ", text)}:
                terms = (
                    set(self.analyser.terms(variant, lang))
                    | {
                        f"!{normalise(w)}"
                        for w in _CAPITALS.findall(variant)
                        if len(w) >= NAME_IN_CAPITALS
                    }
                    | {
                        sub_region_term(region)  # "Northern Europe" named is that part of Europe
                        for *_, region in sub_regions_at(
                            normalise(variant).split(), self.analyser.stopwords
                        )
                    }
                )
                if terms and terms not in doc.names:
                    doc.names.append(terms)

    def _terms_in(self, text: str | None, language: str) -> list[str]:
        return self.analyser.terms(text or "", language if language in STEMMERS else "en")

    def name_share(self, doc: Doc, terms: list[set[str]]) -> float:
        """How much of the record's own name (in its best language) the question says."""
        asked = set().union(*terms) if terms else set()
        return max((len(name & asked) / len(name) for name in doc.names), default=0.0)

    def _kind(self, doc: Doc, kind: str) -> None:
        for language, phrases in self.vocabulary.kinds.get(kind, {}).items():
            for phrase in phrases:
                terms = self.analyser.terms(phrase, language)
                doc.kind_terms.update(terms)
                for term in terms:
                    doc.terms[term] += KIND_WEIGHT
                self.raw_words.update(normalise(phrase).split())
        qualifiers = self.vocabulary.kind_qualifiers.get(kind, {})
        held = {  # "outside" events: a word of theirs, no kind's name, and not written by
            t  # them (no part of their length)
            for language, words in qualifiers.items()
            for t in self.analyser.terms(" ".join(words), language)
        }
        for term in held - set(doc.terms):
            doc.terms[term] += KIND_WEIGHT
            doc.unwritten += KIND_WEIGHT
        for words in qualifiers.values():
            self.raw_words.update(normalise(" ".join(words)).split())

    def _place(self, doc: Doc, city: str | None, country: str | None) -> None:
        texts = city_variants(city or "")  # "Barcelone", "València" too
        if country:
            texts += [(lang, self._countries[lang].get(country, "")) for lang in LANGUAGES]
            texts += country_variants(country)  # "Costa de Marfil", "Senegalese"
        self._field(doc, texts, ALIAS_WEIGHT, concepts=False)
        self._names(doc, [t for _, t in texts])
        wider = [  # "in Africa", "na América Latina": the regions its country lies in, a
            (lang, self._countries[lang].get(region, ""))  # place of its own, not its name
            for region in sorted(regions_of(country or "") & WIDE_REGIONS)
            for lang in LANGUAGES
        ]
        before = sum(doc.terms.values())
        self._field(doc, wider, BODY_WEIGHT, concepts=False)
        doc.unwritten += sum(doc.terms.values()) - before
        for _, text in [*texts, *wider]:  # "Buenos Aires" says no language; "de", "la" do
            words = normalise(text).split()
            self.place_words.update(w for w in words if w not in self.analyser.stopwords)
        for language, text in [*texts, *wider]:
            terms = self.analyser.terms(text, language)
            self.place_terms.update(terms)
            doc.own_places.update(terms)
        for region in sorted(regions_of(country or "") & sub_regions()):  # "West Africa"
            term = sub_region_term(region)
            doc.terms[term] = max(doc.terms[term], BODY_WEIGHT)
            doc.unwritten += BODY_WEIGHT
            self.place_terms.add(term)
            doc.own_places.add(term)

    def _members_places(self) -> None:
        """A record whose members are places (a circle of Bogotá and Aragón) is held in
        them too: "the circle Bogotá shares" names it by a place of its own."""
        for doc in self.docs:
            members = doc.record.data.get("members") if isinstance(doc.record, EntryView) else None
            if not isinstance(members, list):
                continue
            for member in members:
                if isinstance(member, str):
                    terms = {t for lang in LANGUAGES for t in self.analyser.terms(member, lang)}
                    doc.own_places |= terms & self.place_terms

    def _event_doc(self, event: EventView) -> Doc:
        doc = Doc(event.id, event.id, "event", event.kind, event)
        self._field(doc, event.name.items(), NAME_WEIGHT)
        self._own_names(doc, event.name)
        self._names(doc, event.name.values())
        self._field(doc, event.theme.items(), ALIAS_WEIGHT)
        self._field(doc, event.description.items(), BODY_WEIGHT)
        self._field(doc, [("en", event.organiser or "")], BODY_WEIGHT)
        self._place(doc, event.city, event.country)
        self._kind(doc, event.kind)
        if event.kind != "agenda_item":
            self._kind(doc, "event")
        if event.number:
            doc.terms[f"#{event.number}"] += ALIAS_WEIGHT
        if event.starts_on:
            doc.terms[f"y{event.starts_on.year}"] += ALIAS_WEIGHT
        return doc

    def _award_doc(self, award: AwardView) -> Doc:
        doc = Doc(award.id, award.id, "award", "award", award)
        self._field(doc, award.name.items(), NAME_WEIGHT)
        self._own_names(doc, award.name)
        self._field(doc, award.description.items(), BODY_WEIGHT)
        self._kind(doc, "award")
        self._award_numbers(doc, award)
        return doc

    def _award_numbers(self, doc: Doc, award: AwardView) -> None:
        if award.edition:
            doc.terms[f"#{award.edition}"] += ALIAS_WEIGHT
        year = award.year or (award.first_date.year if award.first_date else None)
        if year:
            doc.terms[f"y{year}"] += ALIAS_WEIGHT

    def _step_doc(self, award: AwardView, step: str) -> Doc:
        doc = Doc(f"{award.id}#{step}", award.id, "step", "award", award, step=step)
        self._field(doc, award.name.items(), NAME_WEIGHT)
        self._field(doc, award.steps[step].description.items(), BODY_WEIGHT)
        self._kind(doc, "award")
        self._award_numbers(doc, award)
        family = self.vocabulary.step_family(step)
        for language, phrases in self.vocabulary.steps.get(family, {}).items():
            self._field(doc, [(language, p) for p in phrases], ALIAS_WEIGHT)
        return doc

    def _entry_doc(self, entry: EntryView) -> Doc:
        doc = Doc(entry.id, entry.id, "entry", entry.kind, entry)
        self._field(doc, entry.name.items(), NAME_WEIGHT)
        self._own_names(doc, entry.name)
        if entry.kind == "source_document":  # its title is in one or two languages; the plan
            for plan in self._citing.get(str(entry.data.get("file")), []):  # citing it names
                unsaid = {  # it in all five, where the title does not already say it
                    k: v
                    for k, v in plan.name.items()
                    if not set(self._terms_in(v, k)) <= set(self._terms_in(entry.name.get(k), k))
                }
                self._field(doc, unsaid.items(), ALIAS_WEIGHT)
                self._own_names(doc, unsaid)
        self._names(doc, entry.name.values(), proper_only=True)
        questions = entry.data.get("questions") or []
        if isinstance(questions, list):
            self._field(doc, [("en", str(q)) for q in questions], ALIAS_WEIGHT)
        self._field(doc, entry.body.items(), BODY_WEIGHT)
        data_words = [str(v) for v in _flat(entry.data, skip=LOADER_KEYS | LINK_KEYS | NAMING_KEYS)]
        self._field(doc, [("en", w) for w in data_words], BODY_WEIGHT)
        city = entry.data.get("city")
        country = entry.data.get("country")
        self._place(doc, city if isinstance(city, str) else None, _str(country))
        region = entry.data.get("region")
        code = self._region_codes.get(normalise(region)) if isinstance(region, str) else None
        if code:  # "North America": also "América del Norte", "Amérique du Nord"...
            self._place(doc, None, code)
        self._kind(doc, entry.kind)
        language = entry.data.get("language")
        if entry.kind == "source_document" and language in STEMMERS:  # "the Catalan version":
            said = [
                (code, Locale.parse(language).get_display_name(code) or "") for code in STEMMERS
            ]
            said += [(code, w) for w, code in self.vocabulary.synonyms.get("version", ())]
            self._field(doc, said, ALIAS_WEIGHT)  # its language, named in each, is part of
            spoken = {t for code, name in said for t in self.analyser.terms(name, code)}
            doc.names += [own | spoken for own in doc.names]  # what the document is called
        for key in ("acronyms", "aliases"):
            group = entry.data.get(key)
            names = list(group.values()) if isinstance(group, dict) else group
            if isinstance(names, list):
                self._synonyms([str(n) for n in names])
                self._field(doc, [("en", str(n)) for n in names], ALIAS_WEIGHT)
        for key in ("label", "task"):
            value = entry.data.get(key)
            if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
                doc.terms[f"#{int(value)}"] += ALIAS_WEIGHT
            elif isinstance(value, str) and value.isalpha():  # "priority B", "priority II"
                letters = value.lower()
                doc.terms[number_term(letters) or f"#{letters}"] += ALIAS_WEIGHT
                if len(letters) == 1 and letters in _ROMAN_VALUES:  # "priority V": the fifth
                    doc.terms[f"#{_ROMAN_VALUES[letters]}"] += ALIAS_WEIGHT
        return doc

    def _lettered(self) -> frozenset[str]:
        kinds = {
            d.kind
            for d in self.docs
            if isinstance(d.record, EntryView)
            and isinstance(label := d.record.data.get("label"), str)
            and len(label) == 1
            and label.isalpha()
        }
        return frozenset(
            normalise(phrase).split()[0]
            for kind in kinds
            for phrases in self.vocabulary.kinds.get(kind, {}).values()
            for phrase in phrases
            if phrase.strip()
        )

    def _inherit(self) -> None:
        """A record that is part of another also holds the whole's name, with a small
        weight: an area of the Open Gov Challenge named "Open Gov Challenge: Civic Space" is
        asked as "the challenge on civic space" in any language, a line of the 2013 work plan
        as "the visibility line of the 2013 plan". The whole is the record whose own name is
        what the part's name says before its colon, the work plan the part's data names, or
        the event a field of its data names after that event's kind (a roundup's item).
        The words of the network's own name, which most records hold, are not inherited."""
        by_name: dict[frozenset[str], Doc] = {}
        for doc in self.docs:
            if doc.group == "entry":
                for name in doc.names:
                    by_name.setdefault(frozenset(name), doc)
        plans = [d for d in self.docs if d.kind == "work_plan"]
        events = {d.record_id: d for d in self.docs if d.group == "event"}
        home = next((d for d in self.docs if d.record_id == HOME), None)
        network = set().union(*home.names) if home and home.names else set()
        network |= {s for t in network for s in self.synonyms.get(t, ())}
        for doc in self.docs:
            record = doc.record
            if not isinstance(record, EntryView):
                continue
            wholes = []
            for language, text in record.name.items():
                head, colon, _ = text.partition(":")
                lang = language if language in STEMMERS else "en"
                whole = by_name.get(frozenset(self.analyser.terms(head, lang))) if colon else None
                if whole is not None and whole is not doc and whole not in wholes:
                    wholes.append(whole)
            linked = [  # "roundup: ogp-local-roundup-2023-11": a field named after the kind
                whole  # of the event it names is the event it is part of (an item of it)
                for key, value in record.data.items()
                if isinstance(value, str)
                and (whole := events.get(value)) is not None
                and whole.kind == key
                and whole not in wholes
            ]
            wholes += linked
            plan = record.data.get("work_plan")
            if isinstance(plan, str) and doc.kind != "work_plan":
                wholes += [
                    d for d in plans if plan in d.record.name.get("en", "") and d not in wholes
                ]
            for whole in wholes:
                doc.wholes.append(whole.key)
                self._item_words(doc, whole)
                if whole in linked:  # an item is not of its roundup's words, nor of its date
                    continue  # (the roundup's month is no item's; a year is its roundup's)
                for language, text in whole.record.name.items():
                    lang = language if language in STEMMERS else "en"
                    for term in self.analyser.terms(_GLOSS.sub(" ", text), lang):
                        if term not in network:  # the network's own name says nothing
                            doc.terms[term] = max(doc.terms[term], INHERITED_WEIGHT)
            doc.wholes += [d.key for d in self._labelled_wholes(doc) if d.key not in doc.wholes]

    def _item_words(self, part: Doc, whole: Doc) -> None:
        """A part its whole lists by name in a field its ``enumerations`` words name (the
        Open Gov Challenge's ``areas``: "Open Gov Challenge: Civic Space" is one) is called by
        those words in every language, as its whole's items are ("l'àmbit d'espai cívic",
        "le domaine gouvernance numérique"), with the weight of an inherited name."""
        record, listing = part.record, whole.record
        if not isinstance(record, EntryView) or not isinstance(listing, EntryView):
            return
        _, _, tail = record.name.get("en", "").partition(":")
        for key, words in self.vocabulary.enumerated_items.items():
            items = listing.data.get(key)
            if not isinstance(items, list) or normalise(tail) not in map(
                normalise, map(str, items)
            ):
                continue
            for language, phrases in words.items():
                lang = language if language in STEMMERS else "en"
                for term in self.analyser.terms(" ".join(map(str, phrases)), lang):
                    part.terms[term] = max(part.terms[term], INHERITED_WEIGHT)

    def _labelled_wholes(self, doc: Doc) -> list[Doc]:
        """The records of the same work plan that a part's data names by their label (a task's
        ``priority: C``): the part is in them too, though it holds none of their words (its
        whole's name is not inherited: "task 15" is not asked as "priority C")."""
        record = doc.record
        if not isinstance(record, EntryView):
            return []
        plan = record.data.get("work_plan")
        found = []
        for key in PART_OF_LABELLED:
            label = record.data.get(key)
            if label is None:
                continue
            found += [
                d
                for d in self.docs
                if d is not doc
                and isinstance(d.record, EntryView)
                and d.record.data.get("label") == label
                and d.record.data.get("work_plan") == plan
            ]
        return found

    def _synonyms(self, names: list[str]) -> None:
        terms = {t for name in names for t in self.analyser.terms(name, "en")}
        for term in terms:
            self.synonyms.setdefault(term, set()).update(terms)

    def _add(self, doc: Doc) -> None:
        per_language: defaultdict[tuple[str, str], int] = defaultdict(int)
        for weight, language, words in self._words.pop(doc.key, []):
            for found in self.vocabulary.types.find(words, fuzzy=False):
                if found.value in CONCEPTS:  # in the name it weighs as a name word
                    per_language[found.value, language] += weight
        for (concept, _), weight in per_language.items():  # said in one language, not summed
            doc.terms[f"@{concept}"] = max(doc.terms[f"@{concept}"], weight)
        for concept, broader in SLOT_OF.items():  # subscribing is also a way of joining, a little
            if doc.terms.get(f"@{concept}") and not doc.terms.get(f"@{broader}"):
                doc.terms[f"@{broader}"] = BODY_WEIGHT
        self.docs.append(doc)

    def _finish(self) -> None:
        count = len(self.docs) or 1
        frequency: Counter[str] = Counter()
        for doc in self.docs:
            doc.length = float(sum(doc.terms.values())) - doc.unwritten
            frequency.update(doc.terms.keys())
        self.average = sum(d.length for d in self.docs) / count
        self.idf = {
            term: math.log(1 + (count - n + 0.5) / (n + 0.5)) for term, n in frequency.items()
        }
        initials = Counter(t for doc in self.docs for t in doc.initials)
        self.idf.update(
            {term: math.log(1 + (count - n + 0.5) / (n + 0.5)) for term, n in initials.items()}
        )
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for number, doc in enumerate(self.docs):
            norm = K1 * (1 - B + B * doc.length / (self.average or 1))
            for term in doc.initials:  # found by them, not made longer by them
                doc.terms[term] = ALIAS_WEIGHT
            for term, tf in doc.terms.items():
                weight = self.idf[term] * tf * (K1 + 1) / (tf + norm)
                self.postings.setdefault(term, []).append((number, weight))
        self._names_list = sorted(self.name_words)
        self._by_initial_places: dict[str, list[str]] = {}
        for name in sorted(self.place_words):
            if len(name) >= TYPO_LENGTH:
                self._by_initial_places.setdefault(name[0], []).append(name)
        self._by_initial: dict[str, list[str]] = {}
        for raw in sorted(self.raw_words):
            if len(raw) >= TYPO_LENGTH - 1 and not raw.isdigit():
                self._by_initial.setdefault(raw[0], []).append(raw)
        self._by_prefix: dict[str, list[str]] = {}
        for raw in sorted(self.raw_words):  # ties in _derived: the same word in every process
            if len(raw) >= DERIVED_PREFIX and not raw.isdigit():
                self._by_prefix.setdefault(raw[:DERIVED_PREFIX], []).append(raw)
        self._adjectives: dict[str, list[str]] = {}
        for raw in sorted(self.raw_words):
            if adjective := _ADJECTIVE_IN_ATIC.match(raw):
                self._adjectives.setdefault(adjective.group(1), []).append(raw)
        kinds = set().union(*(d.kind_terms for d in self.docs)) if self.docs else set()
        acronym = self.analyser.stem(network_words()["acronym"], "en")
        home = {t[:BOUND_PREFIX] for t in {acronym, *self.synonyms.get(acronym, ())}}
        for term, seen in self._seen.items():
            if seen < BOUND_MIN or term[0] in "#y@!" or term in kinds:
                continue
            groups: Counter[str] = Counter()  # one word's stems in several languages
            for other, count in self._beside[term].items():
                groups[other[:BOUND_PREFIX]] += count
            if groups:
                partner, together = groups.most_common(1)[0]
                numbered = partner.startswith("#")  # "WUF 10": the name, its edition apart
                if together >= BOUND_SHARE * seen and partner not in home and not numbered:
                    self.bound[term] = partner
        self._seen.clear()
        self._beside.clear()

    # --- searching --------------------------------------------------------------------------

    def query_terms(self, words: list[str], language: str) -> list[set[str]]:
        """Each query word as the set of terms it may be (its stems, a corrected name)."""
        out = []
        words = casual_kinds(words)  # "ur people in africa": the office for Africa
        regions = sub_regions_at(words, self.analyser.stopwords)  # "west africa": its countries
        part_of = {j: (start, code) for start, end, code in regions for j in range(start, end)}
        for i, word in enumerate(words):
            if i in part_of:
                start, code = part_of[i]
                if i == start:
                    out.append({sub_region_term(code)})
                continue
            if word.startswith("@"):
                out.append({word})
                continue
            if _grouped(words, i):  # "80,000 people": a quantity, no edition nor a word
                continue
            if i and word in ONLINE.get(words[i - 1], ()):  # "en línea": online
                put = i > 1 and words[i - 2] in PUT_ONLINE  # "mis en ligne": launched
                out.append({LAUNCH_TERM if put else ONLINE_TERM})
                continue
            if i and word == "online" and words[i - 1] in PUT_ONLINE:  # "went online"
                out.append({LAUNCH_TERM})
                continue
            number = number_term(word)
            if number:
                out.append({number})
                continue
            if (
                len(word) == 1
                and f"#{word}" in self.postings
                and not _elided(words, i)
                and (word not in self.analyser.stopwords or (i and words[i - 1] in self.lettered))
            ):  # "priority A", "prioridade A do", "prioritat D del": a letter after the name of
                # a kind whose records are lettered; after another kind's name it is a word or
                # an elision ("pla de treball d'aquest any", "roundup d'OGP", "conférence c'est")
                out.append({f"#{word}"})  # a letter that labels a record ("priority B")
                continue
            if word in self.analyser.stopwords or len(word) < 2:
                continue
            if word not in self.raw_words and _transposed(word) & self.analyser.stopwords:
                continue  # "teh": a function word with two letters swapped
            if word not in self.raw_words and self.vocabulary.question_words.knows(word):
                continue  # "combien", "cuanto": how the member asks, never a name misspelt
            options = {self.analyser.stem(word, language), self.analyser.stem(word, "en")}
            if len(word) == 2 and f"^{word}" in self.idf:  # "pb": what its initials name
                options.add(f"^{word}")
            if word in self.acronyms and word in self.idf:  # "fum": a name's acronym
                options.add(word)
            for term in list(options):
                options |= self.synonyms.get(term, set())
            synonyms = () if word in self.raw_words else self.vocabulary.synonyms.get(word, ())
            meant = {  # "socio", which the records never write, is their "miembro" (its stem
                self.analyser.stem(other, lang)  # "soci" is that of "social": no kin)
                for other, lang in synonyms
                if other in self.raw_words and lang in {language, "en"}  # as any word is
            }
            options = {t for t in meant if len(t) >= SYNONYM_STEM} or options
            options |= self._country_of(word)
            spelt = self.vocabulary.spelt.get(language, {}).get(word)
            before = words[i - 1] if i else ""
            if (
                spelt is not None
                and f"#{spelt}" in self.idf
                and i > 0  # first, after its question word set aside: "(which) two"
                and before not in DETERMINERS
                and not self.vocabulary.question_words.knows(before)
                and used_as_number(words, i, language)  # "és nou?": new, no nine
                and not counts_time(words, i)  # "d'aquí dues setmanes": a time, no edition
            ):  # "more than five": the records' "5" (not "which two", "the two": a count)
                options.add(f"#{spelt}")
            if self._is_network(words, i):  # "the observatory": the IOPD itself
                acronym = self.analyser.stem(network_words()["acronym"], "en")
                options = {acronym, *self.synonyms.get(acronym, set())}
            if len(word) >= NAME_IN_CAPITALS and word in self.capital_words:
                options.add(f"!{word}")  # "participate": perhaps the name PARTICIPATE
            if (
                word not in self.raw_words
                and 5 <= len(word) <= LONGEST_WORD
                and not word.isdigit()
                and not names_a_language(words, i, language, self.analyser.stem)  # "en français"
            ):
                best = process.extractOne(
                    word, self._names_list, scorer=fuzz.ratio, score_cutoff=85.0
                ) or process.extractOne(  # "abiyán": a place heard, spelt another way
                    word,
                    self._by_initial_places.get(word[0], ()) if len(word) >= TYPO_LENGTH else (),
                    scorer=JaroWinkler.similarity,
                    score_cutoff=NAME_SOUND,
                )
                if best is not None:
                    options.add(self.analyser.stem(best[0], language))
                    options.add(self.analyser.stem(best[0], "en"))
            options |= self._adjectives_of(word, language)
            if not any(t in self.idf for t in options):
                options |= self._derived(word, language)
            if not any(t in self.idf for t in options):
                fixed = self._misspelt(word, language)  # an acronym mistyped is only it
                options = fixed if fixed and len(word) < TYPO_LENGTH else options | fixed
                for term in list(fixed):  # and its other names ("OIPD": the OIDP, the IOPD)
                    options |= self.synonyms.get(term, set())
            parts = [] if any(t in self.idf for t in options) else self._compound(word)
            if parts:  # "norteamérica": "norte" and "américa", as the records write them
                out += [
                    {self.analyser.stem(p, language), self.analyser.stem(p, "en")} for p in parts
                ]
                continue
            out.append(options)
        return out

    def _is_network(self, words: list[str], i: int) -> bool:
        """``words[i]`` names the network itself: "the observatory", "the network's", not
        "local observatories", "an observatory", "the observatory of Madrid"."""
        said = network_words()
        if (
            words[i] in said["nouns"]
            and words[i + 1 : i + 2] == ["s"]
            and words[i - 1 : i] == ["the"]
        ):
            return True  # "the network's priorities": the IOPD's own
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if words[i] in said["nouns"] and after not in said["not_before"]:
            kinds = self.vocabulary.kind_words  # "the network conference", "le congrès du
            j = i - 1  # réseau", "o congresso da rede": a gathering of the network, its own
            while j > 0 and words[j] in NETWORK_LINKS:
                j -= 1
            return after in kinds or (j < i - 1 and words[j] in kinds)
        if words[i] not in said["words"]:
            return False
        return before not in said["not_after"] and after not in said["not_before"]

    def _country_of(self, word: str) -> set[str]:
        """A country's adjective ("senegalese", "brasileño") is the country: the terms of its
        names in the five languages that the records hold."""
        code = demonyms().get(word)
        if code is None:
            return set()
        texts = [(lang, self._countries[lang].get(code, "")) for lang in LANGUAGES]
        return {
            term
            for lang, text in [*texts, *country_variants(code)]
            for term in self.analyser.terms(text, lang if lang in STEMMERS else "en")
            if term in self.place_terms or (term in self.idf and len(term) > len("asi"))
        }  # a short stem ("as" of "Ásia") is also a common word's

    def _compound(self, word: str) -> list[str]:
        """The two words of the records a word unknown to them is written as, joined
        ("norteamerica", "latinoamerica", "sociocultural"): each of four letters or more and
        no function word; the split with the longest first word."""
        if not COMPOUND <= len(word) <= LONGEST_WORD or word.isdigit():
            return []
        for cut in range(len(word) - COMPOUND_PART, COMPOUND_PART - 1, -1):
            left, right = word[:cut], word[cut:]
            if (
                left in self.raw_words
                and right in self.raw_words
                and left not in self.analyser.stopwords
                and right not in self.analyser.stopwords
            ):
                return [left, right]
        return []

    def _derived(self, word: str, language: str) -> set[str]:
        """The stems of the records' words a word unknown to them is derived from, or that
        derive from it ("lobbyists" and "lobby", "pregnancy" and "pregnant"): the longest
        record word sharing with it a beginning of most of the shorter one's letters."""
        if len(word) < DERIVED_PREFIX + 1 or word.isdigit():
            return set()
        best, shared_most = None, 0
        for raw in self._by_prefix.get(word[:DERIVED_PREFIX], ()):
            shared = _common_start(word, raw)
            if shared >= DERIVED_SHARE * min(len(word), len(raw)) and shared > shared_most:
                best, shared_most = raw, shared
        if best is None:
            return set()
        return {
            t
            for t in (self.analyser.stem(best, language), self.analyser.stem(best, "en"))
            if t in self.idf
        }

    def _adjectives_of(self, word: str, language: str) -> set[str]:
        """The stems of the records' adjectives in -atic made of the noun ``word`` ("clima":
        climàtica, climático; "temes": temàtiques): the cercle "de clima" asked is the
        records' "acció climàtica", which Snowball stems apart ("clim", "climatic"). Not in
        English, whose stemmer already joins most ("climate", "climatic": "climat"), and where
        "themes" would outrank the record a question names by its thematic parts."""
        root = _NOUN_ROOT.match(word)
        if root is None or language == "en":
            return set()
        return {
            t
            for adjective in self._adjectives.get(root.group(1), ())
            for t in (self.analyser.stem(adjective, language), self.analyser.stem(adjective, "en"))
            if t in self.idf
        }

    def _misspelt(self, word: str, language: str) -> set[str]:
        """The stems of the record word a word unknown to the records misspells by one
        letter ("membrship", "genral", "tarfa"): a word of six letters or more, one edit
        away from a word of the records of the same first letter."""
        if ACRONYM_TYPO <= len(word) < TYPO_LENGTH and word.isalpha():
            named = sorted(_transposed(word) & self.acronyms)  # "OIPD": the OIDP
            if len(named) != 1:
                return set()
            return {self.analyser.stem(named[0], "en")}
        if not TYPO_LENGTH <= len(word) <= LONGEST_WORD or word.isdigit():
            return set()
        kinds = self.vocabulary.kind_words  # a kind's name is read (or not) as a kind
        swapped = sorted(w for w in _transposed(word) & self.raw_words if w not in kinds)
        if len(swapped) == 1:
            return {self.analyser.stem(swapped[0], language), self.analyser.stem(swapped[0], "en")}
        found = process.extractOne(
            word,
            self._by_initial.get(word[0], ()),
            scorer=Levenshtein.distance,
            score_cutoff=1,
        )
        if found is None:
            return set()
        raw = found[0]
        return {self.analyser.stem(raw, language), self.analyser.stem(raw, "en")}

    def unbind(self, terms: list[set[str]]) -> list[set[str]]:
        """Each word without the stems that, in the records, only occur beside a word the
        question does not say (a word of a fixed name used in another sense)."""
        said = set().union(*terms) if terms else set()
        out = []
        for options in terms:
            kept = {
                t
                for t in options
                if t not in self.bound or any(o.startswith(self.bound[t]) for o in said)
            }
            out.append(kept or {f"?{min(options)}"})
        return out

    def search(self, terms: list[set[str]]) -> list[tuple[float, Doc]]:
        """Documents by BM25 score, best first (only those matching at least one term)."""
        scores: dict[int, float] = {}
        for options in terms:
            best: dict[int, float] = {}
            for term in options:
                for number, weight in self.postings.get(term, ()):
                    if weight > best.get(number, 0.0):
                        best[number] = weight
            for number, weight in best.items():
                scores[number] = scores.get(number, 0.0) + weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))  # ties: index order
        numbers = [o for o in terms if any(t[0] in "#y" and t[1:].isdigit() for t in o)]
        if numbers:  # an edition or year named is the record's own: those holding it first
            held = {n for n, _ in ranked if all(self.docs[n].terms.keys() & o for o in numbers)}
            if held:
                ranked.sort(key=lambda item: item[0] not in held)
        return [(score, self.docs[number]) for number, score in ranked]

    def content_score(self, doc: Doc, terms: list[set[str]]) -> float:
        """The part of ``doc``'s score that comes from more than its kind's name."""
        total = 0.0
        for options in terms:
            if options & doc.kind_terms:
                continue
            best = 0.0
            for term in options:
                for number, weight in self.postings.get(term, ()):
                    if self.docs[number] is doc and weight > best:
                        best = weight
            total += best
        return total


def _elided(words: list[str], i: int) -> bool:
    """``words[i]`` is "d" or "l" elided before a vowel ("d'aquest any", "l'OIDP"), the
    apostrophe lost to normalising: a word, never the letter labelling a record ("priority
    D"), unless "of" or "in" follows it as after a label ("prioritat D del pla")."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return words[i] in ELIDED and after[:1] in ELISION_BEFORE and after not in LABEL_FOLLOWERS


def _grouped(words: list[str], i: int) -> bool:
    """``words[i]`` is part of a number written in groups of three digits ("80,000",
    "1 200 000": normalised to "80 000"), a quantity the asker gives, never an edition."""
    word = words[i]
    if not word.isdigit() or len(word) > 3:
        return False
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    return (len(after) == 3 and after.isdigit()) or (
        len(word) == 3 and before.isdigit() and len(before) <= 3
    )


def _transposed(word: str) -> set[str]:
    """The words ``word`` is with two neighbouring letters swapped, the first kept (a typo
    seldom starts a word wrong; "won" is no "own")."""
    if len(word) > LONGEST_WORD:
        return set()
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}


def _common_start(one: str, other: str) -> int:
    """How many letters the two words begin with alike."""
    count = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        count += 1
    return count


LINK_KEYS = frozenset({"states_alike"})
"""Data keys listing the ids of records stating the same facts: links for citing
(:mod:`~hub.core.assistant.alike`), no words the entry says ("task-2020-17" is no year)."""

NAMING_KEYS = frozenset({"heading"})
"""Data keys naming the entry for answers' sentences (a FAQ's heading, per language, where its
name is a question): its name already holds those words, in their own languages."""


def _citing_plans(index: KnowledgeIndex) -> dict[str, list[EntryView]]:
    """Document file -> the work plans citing it (``source_doc`` or ``also_in``): a
    document's title is written in one or two languages, its plan's name in all five."""
    found: dict[str, list[EntryView]] = {}
    for entry in index.entries.values():
        if entry.kind != "work_plan":
            continue
        also = entry.data.get("also_in")
        files = [entry.source_doc, *(also if isinstance(also, list) else [])]
        for file in files:
            if isinstance(file, str):
                found.setdefault(file, []).append(entry)
    return found


def _flat(value: Any, skip: Collection[str]) -> Iterable[Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _flat(item, skip)
    elif isinstance(value, list):
        for item in value:
            yield from _flat(item, skip)
    elif isinstance(value, str) and not value.startswith(("http", "ogp-", "iopd-", "conference-")):
        yield value


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
