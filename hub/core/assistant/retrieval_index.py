"""Building the index: every record turned into a :class:`~.retrieval_doc.Doc` of terms.

Each record (event, award edition and each of its steps, office, working group, priority,
task, OGP Local fact, FAQ, document) becomes one ``Doc``: the words of all its fields and
all their languages, its places (city, and the country's name in the five languages from
Babel's CLDR data), its numbers and years, and the names of its kind in the five languages
(:file:`vocabulary.yaml`), each field with its weight. Then the BM25 weights of every term
and the tables the question's side looks words up in (names, places, words by their first
letters). Searching the index is :mod:`~hub.core.assistant.retrieval`'s.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from itertools import pairwise
from typing import Any

from babel import Locale

from hub.core.assistant.analyser import ROMAN_VALUES, STEMMERS, Analyser, number_term
from hub.core.assistant.index import AwardView, EntryView, EventView, KnowledgeIndex
from hub.core.assistant.name_acronyms import unambiguous_acronyms
from hub.core.assistant.place_names import city_variants, country_variants, regions_of
from hub.core.assistant.reading import SLOT_OF
from hub.core.assistant.record_wholes import inherit
from hub.core.assistant.retrieval_doc import (
    ALIAS_WEIGHT,
    BODY_WEIGHT,
    GLOSS,
    KIND_WEIGHT,
    NAME_WEIGHT,
    Doc,
)
from hub.core.assistant.slot_asked import CONCEPTS
from hub.core.assistant.spelling import Speller
from hub.core.assistant.sub_regions import sub_region_term, sub_regions, sub_regions_at
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import LANGUAGES, Vocabulary
from hub.core.assistant.vocabulary_file import network_words
from hub.core.knowledge.loader import LOADER_KEYS

_CAPITALS = re.compile(r"\b[A-Z]{4,}\b")
"""A word the records write in capitals (PARTICIPATE) is a name, not an everyday word."""
NAME_IN_CAPITALS = 6
"""A word this long the records write in capitals (PARTICIPATE) is also a term of its own,
rarer than the everyday word's stem ("particip", in most records): asked, it finds the name.
Shorter ones are acronyms (IOPD, UCLG), or names too like everyday words ("GOLD", "IDEA")."""
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")

K1, B = 1.2, 0.5
TYPO_LENGTH = 6
"""The shortest word read as a misspelling of a record's word (one letter wrong)."""

DERIVED_PREFIX = 6
"""Letters a word unknown to the records must share with a record's word to be taken as
derived from it (fewer join unrelated words: "parti", "inter")."""

_ADJECTIVE_IN_ATIC = re.compile(r"^([a-z]{3,})ati(c|ca|co|cs|cas|cos|que|ques)$")
"""An adjective made of a noun in -ma/-ate/-at/-e with "-àtic", "-ático", "-atique", "-atic"
(climàtica, temàtiques, thematic): the group is the noun's root ("clim", "tem", "them")."""

WIDE_REGIONS = frozenset({"002", "202", "019", "419", "142", "150", "009"})
"""The world regions (M49) a record's country puts it in too: the continents, Sub-Saharan
Africa and Latin America. Not the sub-regions named by a direction ("Western Africa",
"Europe du Sud"): their "west", "sud" are a question's common words."""

BOUND_MIN, BOUND_SHARE, BOUND_PREFIX = 4, 0.9, 6
"""A term seen at least this often, beside one same word (stems sharing their first letters,
so "participatory", "participatif" and "participativo" are one) at least this share of the
time, is bound to it."""


class RecordIndex:
    """A BM25 index of every record, built once per knowledge revision; searched by its
    subclass :class:`~hub.core.assistant.retrieval.Retriever`."""

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
        self._citing = citing_plans(index)
        for entry in index.entries.values():
            self._add(self._entry_doc(entry))
        self._members_places()
        inherit(self.docs, self.analyser, self.vocabulary, self.synonyms)
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
            for variant in {text, GLOSS.sub(" ", text)}:
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
                if len(letters) == 1 and letters in ROMAN_VALUES:  # "priority V": the fifth
                    doc.terms[f"#{ROMAN_VALUES[letters]}"] += ALIAS_WEIGHT
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


LINK_KEYS = frozenset({"states_alike"})
"""Data keys listing the ids of records stating the same facts: links for citing
(:mod:`~hub.core.assistant.alike`), no words the entry says ("task-2020-17" is no year)."""

NAMING_KEYS = frozenset({"heading"})
"""Data keys naming the entry for answers' sentences (a FAQ's heading, per language, where its
name is a question): its name already holds those words, in their own languages."""


def citing_plans(index: KnowledgeIndex) -> dict[str, list[EntryView]]:
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
