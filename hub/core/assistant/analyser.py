"""Words to index terms: normalised, function words out, stemmed per language.

The one place where a word becomes the term the index holds and a question asks: the
Snowball stemmer of each of the five languages, with the fixes it needs here (plurals it
cuts otherwise than their singular, accents its rules need, Catalan's "ll"), numbers,
ordinals and Roman numerals as ``#13`` and years as ``y2013``, and "en ligne", "went
online" as one term. Both the index (:mod:`~hub.core.assistant.retrieval_index`) and the
question's terms (:mod:`~hub.core.assistant.retrieval`) use it, so the two always agree.
"""

from __future__ import annotations

import re
import threading

import snowballstemmer

from hub.core.assistant.language_gaps import singular, singular_endings
from hub.core.assistant.text import normalise, split_codes
from hub.core.assistant.vocabulary import Vocabulary

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

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}

ACCENTED_SUFFIXES = {
    "fr": (("ees", "ées"), ("ee", "ée")),
    "pt": (("coes", "ções"), ("cao", "ção")),
    "ca": (("cio", "ció"), ("sio", "sió")),
}
"""Derivational endings whose accent the Snowball stemmers need: words are stemmed without
accents, and then "évaluées" (evaluee, not evalu), "avaliação" (avaliaca, not avali) and
"participació" (participac, not particip) miss the verb and noun of the same root."""

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


def roman(text: str) -> int | None:
    """``"xiii"`` -> 13; None unless the letters are a well-formed numeral."""
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN_VALUES[ch]
        following = ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
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
        self._singulars = singular_endings(vocabulary.sections)  # Catalan "nous" (language_gaps)
        self._stemmers = {lang: snowballstemmer.stemmer(name) for lang, name in STEMMERS.items()}
        self._cache: dict[tuple[str, str], str] = {}
        self._stemming = threading.Lock()
        """A Snowball stemmer keeps its word in itself while it works: one thread at a time
        (a retriever is shared by the assistants of a process, see retrieval_cache)."""

    def stem(self, token: str, language: str) -> str:
        key = (token, language)
        found = self._cache.get(key)
        if found is None:
            token = singular(token, self._singulars.get(language, ()))
            for plural, one in PLURAL_SUFFIXES.get(language, ()):
                if token.endswith(plural) and len(token) > len(plural) + 2:
                    token = token[: -len(plural)] + one
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
