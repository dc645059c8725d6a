"""The decisive evidence of a short message's language.

A chat message of a few words carries few distinctive ones, and the words several of the
five languages share ("como", "que", "o", "a", "mail", "local", "contacto") outvote the one
or two that decide it: a Portuguese "como contacto o secretariado?" has two words Spanish
also writes ("como", "contacto") and one, "o" before a noun, that only Portuguese writes so;
a Catalan "que és exactament? in a nutshell" has its "-ament" adverb beside English.

So in a message of at most :data:`SHORT_WORDS` words, each form that only one of the five
writes adds :data:`WEIGHT` votes to that language, on top of the vote the tables give it:

- the words of ``vocabulary.yaml``'s ``decisive`` section (pronouns, articles and
  contractions, the everyday forms of the verbs a member asks with);
- pronouns joined to an infinitive, written as one word: Spanish ``escribirles``,
  ``contactarlos``, ``inscribirse`` (Portuguese and Catalan write ``escrever-lhes``,
  ``contactar-los``, French puts them before: ``leur écrire``), and Spanish gerunds in
  ``-iendo`` (Portuguese ``-endo``, Catalan ``-ent``);
- Portuguese's article ``o``/``os`` before a name or after an infinitive (``contactar o
  secretariado``, ``como contacto o OIDP``) or opening the message: Spanish and Catalan
  write ``o`` only for "or", between two alike things;
- Catalan adverbs in ``-alment`` and ``-ament`` (``realment``, ``exactament``; Spanish and
  Portuguese write ``-amente``, French ``-ement``), but English nouns in ``-ament``
  (``parliament``), and verbs in ``-eix`` and ``-aig`` (``existeix``, ``vaig``);
- Catalan's "hi ha" and French's "il y a" ("there is");
- French's elided ``qu'``, ``c'`` and ``j'`` (Catalan elides only articles, prepositions and
  pronouns), and its verbs' ``-ez`` (``pouvez``, ``contactez``).

English's own words get no weight (the tables read an English question well): members write
English asides in their own language ("... in a nutshell", "... asap"), seldom the other way round.
Words written as names (a capital inside a sentence) and words reading left out (place
names) never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

SHORT_WORDS = 10
"""A message of at most this many words is short: its decisive forms get :data:`WEIGHT`."""
WEIGHT = 1.5
"""Votes a decisive form adds to its language, beside the one its words get from the tables."""
_WORD = re.compile(r"[^\W\d_]+(?:·[^\W\d_]+)?")
_OPENERS = frozenset('.!?¿¡:;\n"«“(,')

WORD_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^\w{3,}(?:ar|er|ir)(?:les|los|las|nos|le|lo|la|me|te|melo|mela|selo|sela)$"),
        "es",
    ),
    (re.compile(r"^\w{3,}(?:ar|ir|[^vmp]er)se$"), "es"),
    (re.compile(r"^\w{2,}iendo$"), "es"),
    (re.compile(r"^\w{2,}alment$"), "ca"),
    (re.compile(r"^\w{3,}[^e]ament$"), "ca"),
    (re.compile(r"^\w{2,}(?:eix|eixen|aig)$"), "ca"),
    (re.compile(r"^\w{3,}(?:v|l|t|y|n|ss|ch|qu)ez$"), "fr"),
)
"""Forms of a single word (as written, lower-cased, accents kept) that only one language
writes."""
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"(?<![^\W\d_])hi\s+(?:ha|han|havia|havien|haura|haurà|hauria)(?![^\W\d_])", re.I
        ),
        "ca",
    ),
    (re.compile(r"(?<![^\W\d_])il\s+y\s+(?:a|avait|aura)(?![^\W\d_])", re.I), "fr"),
)
"""Ways of saying "there is" that only one language has: Catalan's "hi ha" (whose "hi" the
tables leave silent, an English greeting too) and French's "il y a"."""
ELIDED = re.compile(r"(?<![^\W\d_])(?:qu|c|j)['’](?=[^\W\d_])", re.I)
"""French's elided "que", "ce" and "je" ("qu'est-ce", "c'est", "j'ai")."""
_ARTICLE = frozenset({"o", "os"})
_NOT_NOUNS = frozenset(
    {"no", "si", "sea", "es", "el", "la", "en", "de", "a", "un", "una", "que", "para", "por"}
)
"""Words Spanish's and Catalan's "o" ("or") opens a clause with, never Portuguese's article."""


@cache
def decisive_words() -> dict[str, str]:
    """Normalised word -> the one language of ``vocabulary.yaml``'s ``decisive`` section that
    writes it."""
    section = load_vocabulary().sections.get("decisive") or {}
    return {
        normalise(str(word)): language
        for language, words in (section.get("words") or {}).items()
        for word in words
    }


@cache
def never_adverbs() -> frozenset[str]:
    section = load_vocabulary().sections.get("decisive") or {}
    return frozenset(normalise(str(w)) for w in section.get("never_adverbs") or [])


def _is_name(text: str, match: re.Match[str]) -> bool:
    """Written with a capital not opening a sentence (nor the text): a name."""
    if not match.group()[0].isupper():
        return False
    i = match.start() - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] not in _OPENERS


def _opens(text: str, match: re.Match[str]) -> bool:
    """The word opens the text or a sentence of it."""
    i = match.start() - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _OPENERS


def _portuguese_article(text: str, matches: list[re.Match[str]], at: int) -> bool:
    """``matches[at]`` is Portuguese's article "o"/"os": before a word, opening the message
    or a sentence, or after an infinitive, or before a name (Spanish and Catalan "o", "or",
    stands between two alike words, neither of them a name after a common word)."""
    word = matches[at].group()
    if word.casefold() not in _ARTICLE or at + 1 >= len(matches):
        return False
    following = matches[at + 1]
    if text[matches[at].end() : following.start()].strip():  # "o, ..." "o?" : no article
        return False
    after = normalise(following.group())
    if after in _NOT_NOUNS or decisive_words().get(after) not in (None, "pt"):
        return False  # "¿o es en marzo?", "votar o no": "or"
    if _opens(text, matches[at]):
        return True
    before = matches[at - 1]
    if text[before.end() : matches[at].start()].strip():  # "X, o Y": a list's "or"
        return False
    infinitive = before.group().casefold().endswith(("ar", "er", "ir")) and len(before.group()) > 4
    if infinitive and not after.endswith(("ar", "er", "ir")):
        return True
    return following.group()[0].isupper() and not before.group()[0].isupper()


def decisive(
    text: str, allowed: Iterable[str] | None = None, *, english: bool = False
) -> dict[str, float]:
    """The forms of ``text`` that only one of the five languages writes, counted per language
    (each distinct form once); ``allowed``, when given, the normalised words that may vote.
    English's only with ``english``: :func:`weigh` gives them no weight, as an English
    question's tables already read it and another language's member writes English words
    ("hey, who got the award a València per al pla?")."""
    voters = None if allowed is None else set(allowed)
    words = decisive_words()
    adverbs = never_adverbs()
    found: dict[str, set[str]] = {}
    matches = list(_WORD.finditer(text))
    for at, match in enumerate(matches):
        written = match.group().casefold()
        plain = normalise(written)
        if voters is not None and plain not in voters and plain not in _ARTICLE:
            continue
        if _is_name(text, match):
            continue
        if _portuguese_article(text, matches, at):
            found.setdefault("pt", set()).add(f"{plain} {normalise(matches[at + 1].group())}")
            continue
        language = words.get(plain)
        if language is None and plain not in adverbs:
            language = next((lang for pattern, lang in WORD_FORMS if pattern.match(written)), None)
        if language is not None:
            found.setdefault(language, set()).add(plain)
    for pattern, language in PHRASES:
        for match in pattern.finditer(text):
            found.setdefault(language, set()).add(normalise(match.group()))
    for match in ELIDED.finditer(text):
        found.setdefault("fr", set()).add(match.group().casefold())
    if any(language != "en" for language in found) or not english:
        found.pop("en", None)
    return {language: float(len(forms)) for language, forms in found.items()}


def is_short(text: str) -> bool:
    return 0 < len(_WORD.findall(text)) <= SHORT_WORDS


def weigh(text: str, allowed: Iterable[str], scores: Mapping[str, float]) -> dict[str, float]:
    """``scores`` with :data:`WEIGHT` more votes per decisive form of ``text`` when it is
    short (``allowed``: its normalised words that may vote)."""
    out = dict(scores)
    if not is_short(text):
        return out
    for language, count in decisive(text, allowed).items():
        out[language] = out.get(language, 0.0) + WEIGHT * count
    return out


def rest_decides(first: str, text: str, allowed: Iterable[str]) -> bool:
    """The short ``text`` says only after its ``first`` question which of the languages other
    than English it is in ("mail de contacto? queremos escribirles"): the first question then
    does not set the language against the whole message's. A first question with English's
    decisive words keeps it ("who organised it? ¿quién la organizó?"), and a second question
    in English never takes it ("... since when?")."""
    if not is_short(text) or not text.startswith(first) or decisive(first, allowed, english=True):
        return False
    return any(language != "en" for language in decisive(text[len(first) :], allowed))
