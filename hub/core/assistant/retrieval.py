"""Ranked retrieval over every knowledge record, in five languages: the question's side.

The index of every record is built by :mod:`~hub.core.assistant.retrieval_index` (a
:class:`~hub.core.assistant.retrieval_doc.Doc` per record, its words stemmed by
:mod:`~hub.core.assistant.analyser`); this module turns a question's words into the terms
they may be and ranks the records by them. It is also where the rest of the assistant
imports the index's names from (:data:`__all__`), so that they need not know the split.

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

import re

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from hub.core.assistant.analyser import (
    LAUNCH_TERM,
    ONLINE,
    ONLINE_TERM,
    PUT_ONLINE,
    STEMMERS,
    Analyser,
    number_term,
)
from hub.core.assistant.casual_kinds import casual_kinds
from hub.core.assistant.language_names import names_a_language
from hub.core.assistant.number_words import counts_time, used_as_number
from hub.core.assistant.place_names import country_variants, demonyms
from hub.core.assistant.retrieval_doc import ALIAS_WEIGHT, HOME, Doc
from hub.core.assistant.retrieval_index import (
    DERIVED_PREFIX,
    NAME_IN_CAPITALS,
    TYPO_LENGTH,
    RecordIndex,
)
from hub.core.assistant.sub_regions import sub_region_term, sub_regions_at
from hub.core.assistant.text import LONGEST_WORD
from hub.core.assistant.vocabulary import LANGUAGES
from hub.core.assistant.vocabulary_file import network_words

__all__ = [
    "ALIAS_WEIGHT",
    "HOME",
    "STEMMERS",
    "Analyser",
    "Doc",
    "Retriever",
    "number_term",
]

ACRONYM_TYPO = 4
"""The shortest word read as a records' acronym with two letters swapped ("OIPD", "UCGL");
shorter ones are too often another word."""
NAME_SOUND = 0.89
"""Jaro-Winkler likeness, same first letter, for a place spelt as heard ("abiyán", Abidjan)."""
COMPOUND, COMPOUND_PART = 9, 4
"""The shortest word read as two of the records' words joined, and the shortest part."""

DERIVED_SHARE = 0.75
"""Share of the shorter word's letters the two must begin with alike."""

_NOUN_ROOT = re.compile(r"^([a-z]{3,}?)(?:ate?|a|e)?s?$")
"""The root of a noun asked ("clima", "temes", "climate", "climat", "theme" -> "clim", "tem",
"clim", "clim", "them"), whose adjective in -atic the Snowball stemmers give another stem."""

ELIDED = frozenset({"d", "l"})
ELISION_BEFORE = frozenset("aeiouh")
"""Letters elided before a word beginning with these ("d'aquest", "l'any", "d'hiver")."""
LABEL_FOLLOWERS = frozenset(
    {"of", "in", "de", "del", "dels", "du", "des", "do", "da", "dos", "das"}
)

NETWORK_LINKS = frozenset({"de", "la", "del", "du", "l", "da", "do"})
"""Words between a kind's name and the network's noun it is of ("congrès du réseau"); not
English "the", which a verb's subject follows too ("the plan, what did the network conclude")."""

SYNONYM_STEM = 4
"""The shortest stem a synonym adds ("soc" of "socis" is also "sóc", I am)."""
DETERMINERS = frozenset({"the", "los", "las", "les", "els", "os", "as", "these", "those"})
"""Words before a number that make it a count of what is asked ("the two members")."""


class Retriever(RecordIndex):
    """The index of every record (:class:`~.retrieval_index.RecordIndex`), searched: a
    question's words as terms, and the records by BM25 score."""

    def name_share(self, doc: Doc, terms: list[set[str]]) -> float:
        """How much of the record's own name (in its best language) the question says."""
        asked = set().union(*terms) if terms else set()
        return max((len(name & asked) / len(name) for name in doc.names), default=0.0)

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
