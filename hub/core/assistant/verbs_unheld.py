"""Verbs the record named does not hold, in a question whose nouns single out one record
(issue 22).

The class served: a question naming one record by its nouns is handed off because of a verb,
often of the asker's own doing, that the record does not write: "I remember hearing about X,
what is it?", "me interrogan sobre X: ¿qué es?", "en qué se fundamenta el plan de 2014?",
"comment je m'y inscris ?". The coverage gate
(:meth:`~hub.core.assistant.answers_base.ResponderBase.coverage`) weighs a word no record holds
as the rarest word there is, and one a few other records hold as a rare word, so one everyday
verb counts as much as the topic, and the record the nouns name falls under the gate.

Why a verb and not any unknown word: a noun no record holds is a topic the records lack (a
hotel, a refund, a password, a visa, a poem) and must keep its weight, so that the request is
handed off. A verb form is read by where it stands, not guessed from its ending (Romance
nouns end as verbs do: "visa", "reembolso", "alquiler"):

- Spanish, French, Catalan and Portuguese: right after a clitic or subject pronoun ("nos
  ofrecen", "se fundamenta", "je dois", "m'hi apunto", "ele faz"), which no noun follows;
  an infinitive after a word that governs one ("hay que rellenar", "pour adhérer", "posso
  pagar"); or a first person right after "how" opening a sentence ("cómo participo", "com
  m'apunto"), where no noun stands without its article;
- English, whose verbs and nouns share their forms ("refund", "book", "visit"), so that no
  ending tells them apart: the forms of a closed set of verbs of the asker's own knowing,
  wondering, hearing and saying ("I was wondering", "I heard", "people mention"), which
  name no topic a member asks about.

Such a word is marked (:data:`LIGHT`) among the question's terms, and the gate weighs it, in
a record that does not hold it, as a common word (one held by a fifth of the records:
:func:`light_weight`), not as the rarest nor as a rare word some other record writes.

Unchanged: a yes/no question (the verb is the claim asked: "did they sign it?"; so is a
question with no question word), a question asking who or when (the verb names the relation
or the moment asked: "who signed it?", "when was it approved?"), a question with a noun no
record holds (the verb beside it keeps its weight: "which vaccines to travel to X?"), one
whose other words are only places, kinds of record and the network's name ("where can I park
in X for the conference?": the verb is what is asked), and every word a record holds
(weighed by its own rarity as before). The words are in the vocabulary's ``verbs_unheld``
section, per language.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import TYPE_CHECKING

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

if TYPE_CHECKING:
    from hub.core.assistant.reading import Reading
    from hub.core.assistant.retrieval import Retriever

LIGHT = "~verb"
"""The mark joined to a word's terms when the word is a verb no record holds: no record
holds the mark either, so the word still ranks nothing and narrows as before."""

COMMON_SHARE = 0.2
"""A marked verb weighs as a word held by this share of the records: the share from which a
word no longer narrows (:meth:`~hub.core.assistant.answers_base.ResponderBase._weighty`)."""

UNCHANGED_SLOTS = frozenset({"yesno", "who", "when"})
"""Slots whose verb is what is asked: the claim of a yes/no question, the relation of who,
the moment of when ("when was the plan approved": its years are no approval's date)."""

ROMANCE_INFINITIVE = {
    "es": re.compile(r"^[a-z]{2,}(?:ar|er|ir)(?:se|me|te|nos|lo|la|los|las|le|les)?$"),
    "pt": re.compile(r"^[a-z]{2,}(?:ar|er|ir|or)(?:se|me|te|nos|lo|la|los|las|lhe|lhes)?$"),
    "ca": re.compile(r"^[a-z]{2,}(?:ar|er|ir|re)$"),
    "fr": re.compile(r"^[a-z]{2,}(?:er|ir|re|oir)$"),
}
"""An infinitive, normalised (no accents); the pronoun joined after it in Spanish and
Portuguese ("inscribirse"), written apart in Catalan and French ("adherir-s'hi")."""

_SENTENCE = re.compile(r"[.!?¿¡;:\n]+")
MIN_LETTERS = 3
"""Shorter words are function words or letters, never a verb asked about."""


@cache
def _section() -> dict[str, dict[str, frozenset[str]]]:
    """The vocabulary's ``verbs_unheld`` section: each key's words per language, normalised."""
    raw = load_vocabulary().sections.get("verbs_unheld") or {}
    return {
        key: {
            language: frozenset(normalise(str(w)) for w in words or [])
            for language, words in (value or {}).items()
        }
        for key, value in raw.items()
    }


def _words(key: str, language: str) -> frozenset[str]:
    return _section().get(key, {}).get(language, frozenset())


@cache
def _english_forms() -> frozenset[str]:
    """The forms of the English verbs of the asker's own doing: each verb, its "-s", "-ed"
    and "-ing" (a final "e" dropped before "-ed" and "-ing", "y" after a consonant made
    "ie" before "-s"), and the irregular forms the section lists."""
    forms: set[str] = set(_words("irregular", "en"))
    for verb in _words("verbs", "en"):
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, f"{verb}s", f"{stem}ed", f"{stem}ing"}
        if verb.endswith("y") and verb[-2:-1] not in set("aeiou"):
            forms |= {f"{verb[:-1]}ies", f"{verb[:-1]}ied"}
    return frozenset(forms)


def _governs(before: list[str], language: str) -> bool:
    """Whether the words just before a word govern an infinitive ("tenemos que", "pour")."""
    phrases = _words("before_infinitive", language)
    return any(" ".join(before[-n:]) in phrases for n in (1, 2) if len(before) >= n)


def _after_pronoun(before: list[str], language: str) -> bool:
    """Right after a clitic or subject pronoun ("nos piden"), or two of them ("me lo dan")."""
    pronouns = _words("pronouns", language)
    if before and before[-1] in pronouns:
        return True
    return len(before) >= 2 and before[-1] in _words("objects", language) and before[-2] in pronouns


def verb_form(sentence: list[str], i: int, language: str) -> bool:
    """Whether ``sentence[i]`` is a verb by where it stands (see the module's docstring)."""
    word = sentence[i]
    if len(word) < MIN_LETTERS or not word.isalpha():
        return False
    if language == "en":
        return word in _english_forms()
    before = sentence[:i]
    if _after_pronoun(before, language):
        return True
    infinitive = ROMANCE_INFINITIVE.get(language)
    if infinitive is not None and infinitive.match(word) and _governs(before, language):
        return True
    return (
        i == 1
        and sentence[0] in _words("how", language)
        and word.endswith(tuple(_words("first_person", language)))
    )


def unheld_verbs(text: str, language: str, held: set[str] | None = None) -> set[str]:
    """The words of ``text`` that are verb forms (:func:`verb_form`), but for ``held``."""
    found: set[str] = set()
    for part in _SENTENCE.split(text):
        sentence = normalise(part).split()
        for i, word in enumerate(sentence):
            if (held is None or word not in held) and verb_form(sentence, i, language):
                found.add(word)
    return found


def marked_verbs(
    terms: list[set[str]],
    reading: Reading,
    qtype: str,
    language: str,
    retriever: Retriever,
    generic: set[str],
) -> list[set[str]]:
    """``terms`` with :data:`LIGHT` joined to the terms of each verb form; as they are in a
    yes/no question or one asking who (:data:`UNCHANGED_SLOTS`), when a word no record holds
    is no verb (a topic the records lack is asked: the request stays handed off), and when
    the other words the records hold are all ``generic`` (places, kinds of record, the
    network's name), which single out no record."""
    if qtype in UNCHANGED_SLOTS or reading.polar or not terms:
        return terms
    if not retriever.vocabulary.question_words.find(reading.words, fuzzy=False):
        return terms  # "¿se piensa dar un premio?": no question word, the verb is the claim
    verbs = unheld_verbs(reading.text, language)
    if not verbs:
        return terms
    stem = retriever.analyser.stem
    stems = {stem(w, language) for w in verbs} | {stem(w, "en") for w in verbs}
    unknown = [o for o in terms if not any(t in retriever.idf for t in o)]
    if any(not o & stems for o in unknown):  # "¿qué vacunas necesito para viajar a X?": a
        return terms  # noun no record holds is asked; the verb beside it keeps its weight
    if not any(
        any(t in retriever.idf for t in o) and not o & generic for o in terms if not o & stems
    ):  # "where can I park in X for the conference": a place and a kind name no one record;
        return terms  # the verb is what is asked
    return [o | {LIGHT} if o & stems else o for o in terms]


def light_weight(options: set[str], weight: float, records: int) -> float:
    """The weight in the coverage gate of a word of ``weight``: a marked verb's is at most that
    of a word held by :data:`COMMON_SHARE` of the ``records``, however rare it is."""
    if LIGHT not in options:
        return weight
    held = records * COMMON_SHARE
    return min(weight, math.log(1 + (records - held + 0.5) / (held + 0.5)))
