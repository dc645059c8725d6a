"""Which of the five languages a short question is written in.

Questions are short ("next event?", "eventos en Cascais"), where n-gram
detectors are weak: lingua (through :mod:`hub.core.ingest.language`) refuses text
under 20 characters, and on a few words it confuses Catalan with Spanish and
Portuguese. Measured on the evaluation sets (232 questions): the tables alone
got every language right, while adding lingua as one more voter got 4 wrong
(3 Catalan questions read as Spanish). So the tables decide: each known word
(function words of ``markers`` and the words of every concept, month, season
and ordinal) gives one vote shared among the languages it belongs to; lingua
is asked only when the tables tie or know no word. Remaining ties go to the
member's chosen language, then to the order of :data:`PREFERENCE`.

Besides the words, the tables read what normalising throws away (measured on every
question set, 2,075 questions: 14 wrong before, most of them Catalan or Portuguese
read as Spanish):

- letters only some of the languages write (``ò`` Catalan, ``ã`` Portuguese, ``ñ``
  Spanish, ``è`` Catalan or French, ``á`` Spanish or Portuguese, never Catalan, ``ó``, ``í``, ``ú``
  Catalan, Spanish or Portuguese, never French: "qui gestiona la Distinció?"), one vote
  per word, for words that are not names of places;
- the opening ``¿`` and ``¡`` of Spanish, and French typography's space before ``?`` and
  ``!`` ("dates ?": the Imprimerie nationale's rule, which French keyboards' users keep in
  chat; on every question set, 2,450 questions, 626 French ones have it and no other);
- clitic pronouns joined to a verb: ``explica-me`` (Portuguese after a vowel),
  ``reserva'm`` (Catalan), ``dis-moi`` (French);
- a chat abbreviation votes for every language that writes it (``qdo``: Spanish and
  Portuguese), not for the one language whose expansion was kept;
- the spelling of a word the tables do not know (:data:`SPELLINGS`: Portuguese "nh" and "lh"
  between vowels, Catalan "-ació" and "-tge", Spanish "-ción"), not of a name written with a
  capital inside the sentence;
- a country's name as one language writes it (``Emirados``, ``Espanya``, ``Marruecos``;
  CLDR's names, which Babel ships), which the place filter otherwise leaves silent.

And beyond the question (measured on every set, 7,686 questions: 10 wrong before, 5 after):
the whole message it was read from, whose greeting and who writes say the speaker's
language when the question alone ties ("Caros senhores, sou técnico... Podem dizer-ma?"),
and English words that are only names in another language's message ("q es la task 11 del
work plan?"), which then do not vote for English.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from babel import Locale

from hub.core.assistant.short_language import rest_decides, weigh
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import LANGUAGES
from hub.core.assistant.vocabulary_file import load_vocabulary
from hub.core.ingest.language import MIN_LENGTH, LanguageDetector, detector_for

PREFERENCE = ("en", "es", "fr", "pt", "ca")
FIRST_LEAD = 0.5
"""Votes by which a text's first question must lead to set the language against the rest."""

OTHER_VOTES, OTHER_SHARE = 2.0, 0.5
"""A text mostly in English that says this many words of another of the languages (and at
least this share of its English ones) is written by a speaker of that one ("hey, who got the
award a València per al pla OGP Local?"): members write English words in their own
language, seldom the other way round."""
NAMED_ENGLISH_MARKERS = 2
"""Function words of the other languages (and twice English's) that make a text's English
words names or loanwords in another language ("la task 11 del work plan")."""
Votes = Mapping[str, frozenset[str]]
"""Normalised word -> the languages it belongs to."""


_CA, _ES, _FR, _PT = (frozenset({code}) for code in ("ca", "es", "fr", "pt"))


def vote(tokens: list[str], votes: Votes) -> dict[str, float]:
    """Votes per language from the words the vocabulary knows (and the closed
    :data:`FUNCTION_WORDS`, which take precedence)."""
    scores: dict[str, float] = defaultdict(float)
    for token in tokens:
        _share(scores, FUNCTION_WORDS.get(token) or votes.get(token))
    return scores


FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ja": frozenset({"ca", "pt"}),
    "ya": frozenset({"es"}),
    **dict.fromkeys(("nao", "entao", "tambem", "voce", "voces", "apos", "sim"), _PT),
    **dict.fromkeys(("tambe", "aixo", "nomes", "nosaltres", "vosaltres", "voste"), _CA),
    **dict.fromkeys(("tambien", "despues", "alli"), _ES),
    "aqui": frozenset({"ca", "es", "pt"}),
    "tu": frozenset({"ca", "es", "fr", "pt"}),
    "penses": frozenset({"ca", "fr"}),
    **dict.fromkeys(("crois", "trouves"), _FR),
    "preferes": frozenset({"fr", "pt"}),
    **dict.fromkeys(("piensas", "prefieres", "crees"), _ES),
    **dict.fromkeys(("opines", "creus", "prefereixes", "trobes"), _CA),
    **dict.fromkeys(("achas", "pensas", "gostas"), _PT),
    "opinas": frozenset({"es", "pt"}),
}
"""Function words the vocabulary's tables miss or give too few languages: Catalan's "ja"
(already) is Portuguese's "já", Spanish writes "ya"; and those written without their accents
or tilde, as on a phone ("nao", "tambem", "voce": Portuguese; "tambe", "aixo", "nomes":
Catalan; "tambien", "despues": Spanish), which no other of the five writes so. "Tu" is
a word of four of them (Spanish's possessive, the others' "you"), though only Spanish's
stopwords vote for it. And the second person of the verbs a casual message asks the
assistant's opinion or liking with, as written on a phone ("tu preferes X ou Y?", "que en
penses?"): "penses" is Catalan or French (Spanish "piensas", Portuguese "pensas"), "preferes"
French ("préfères") or Portuguese (Spanish "prefieres", Catalan "prefereixes")."""
WRITTEN: dict[str, frozenset[str]] = {
    **dict.fromkeys(("qué", "cómo", "dónde", "cuándo", "quién", "quiénes", "cuál"), _ES),
    **dict.fromkeys(("cuáles", "cuánto", "cuánta", "cuántos", "cuántas", "más"), _ES),
    **dict.fromkeys(("también", "después", "él"), _ES),
    **dict.fromkeys(("está", "están"), frozenset({"es", "pt"})),
    **dict.fromkeys(("què", "és", "més", "també", "però", "això", "allò", "perquè"), _CA),
    **dict.fromkeys(("quê", "é", "já", "também", "você", "vocês", "até", "após", "há"), _PT),
    **dict.fromkeys(("où", "là", "déjà", "ça", "très", "après", "être"), _FR),
    "à": frozenset({"fr", "pt"}),
}
"""Function words as written with their accents, which tell apart languages that write them
alike without: "qué" is Spanish, "què" and "és" Catalan, "quê", "é" and "já" Portuguese,
"où" and "déjà" French. A word written so votes for these languages instead of its
accentless form's ("que" is any of four)."""


def _share(scores: dict[str, float], languages: frozenset[str] | None, weight: float = 1.0) -> None:
    if languages:
        for language in languages:
            scores[language] += weight / len(languages)


LETTERS: dict[str, frozenset[str]] = {
    "ñ": _ES,
    "á": frozenset({"es", "pt"}),
    "ò": _CA,
    "ó": frozenset({"ca", "es", "pt"}),
    "í": frozenset({"ca", "es", "pt"}),
    "ú": frozenset({"ca", "es", "pt"}),
    "·": _CA,
    "è": frozenset({"ca", "fr"}),
    "ï": frozenset({"ca", "fr"}),
    "à": frozenset({"ca", "fr", "pt"}),
    "ç": frozenset({"ca", "fr", "pt"}),
    "ã": _PT,
    "õ": _PT,
    "ê": frozenset({"fr", "pt"}),
    "ô": frozenset({"fr", "pt"}),
    "â": frozenset({"fr", "pt"}),
    "û": _FR,
    "î": _FR,
    "ù": _FR,
    "ë": _FR,
    "œ": _FR,
}
"""Letters only some of the five languages write; a word's letters vote together (the
languages all of them belong to)."""
_WORD = re.compile(r"[^\W\d_]+(?:·[^\W\d_]+)?")
CLITICS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"[aeiouáéíóúâêô]-(?:me|te|se|nos|vos|lhe|lhes|lo|la|los|las)\b", re.I), _PT),
    (re.compile(r"\w-(?:lhe|lhes)\b", re.I), _PT),
    (re.compile(r"\w[rs]-(?:me|te|se|nos|vos)\b", re.I), frozenset({"ca", "pt"})),
    (re.compile(r"\w-(?:ho|hi)\b", re.I), _CA),
    (re.compile(r"\b\w{2,}[aeiou]['’](?:m|n|l|t|ns|ls|hi|ho)\b", re.I), _CA),
    (re.compile(r"\w-(?:moi|toi|vous|t-il|t-elle|t-on|ils|elles)\b", re.I), _FR),
    (re.compile(r"[áéíóú][^\W\d_aeiouáéíóú]+[aei](?:me|nos|melo|mela|selo|sela)\b", re.I), _ES),
)
"""Pronouns joined to a verb: ``explica-me`` is Portuguese (Catalan writes ``explica'm``
after a vowel), ``reserva'm`` Catalan, ``dis-moi`` French, ``inscrever-se`` Portuguese or
Catalan. (``I'm`` has too short a verb; English ``'s``, ``'re``, ``'ll`` are not in it.)"""
PAST_PERIPHRASES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"\b(?:es|s'|s’)\s*va[nm]?\s+[^\W\d_]+", re.I), _CA),
    (re.compile(r"\bva(?:n|m|ig|u|ren|rem|reu)?\s+(?:[^\W\d_]+ar|ser|fer)\b", re.I), _CA),
)
"""Catalan's past tense, "va" and an infinitive ("es va crear", "va ser", "van guanyar"):
Spanish puts "a" between them ("va a crear", a future), Portuguese writes "vai", and French
infinitives never end in "-ar" ("va créer"); "es va" and "s'ha" open no Spanish or French
verb."""
_V = "aeiouáàâãéèêíïóòôõúü"
SPELLINGS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(rf"\w[{_V}][nl]h(?!eur)[{_V}]"), _PT),
    (re.compile(rf"[{_V}]ny[{_V}]"), _CA),
    (re.compile(r"(?:ac|cc|ss|pc)ió$|acions$|[^s]tges?$|tj[ae]s?$"), _CA),
    (re.compile(rf"atius?$|\w\w(?:it|iet|ut)ats?$|[{_V}]tz[{_V}]"), _CA),
    (re.compile(r"[cs]ión$|[cs]iones$|[aeiou]dad(?:es)?$"), _ES),
    (re.compile(r"agem$|agens$|[aeiou]dades?$|[^\Wa](?:c|ss)ao$|[cs]oes$"), _PT),
    (re.compile(r"[aeiou][cg]ias?$"), frozenset({"ca", "es", "pt"})),
)
"""Spellings of one language, in a word the tables do not know (measured on every question
set: the tables know the function words, and a terse question of a name and one word,
"senha do hub?", has only the word's spelling to go by):

- Portuguese writes "nh" and "lh" between vowels (``senha``, ``linha``, ``trabalho``,
  ``conselho``; Spanish writes "ñ" and "ll", Catalan "ny" and "ll", French "gn"); English and
  French have them only after a prefix opening the word (``enhance``, ``inherit``) or before
  "-eur" (``bonheur``, ``malheur``);
- Catalan writes "ny" between vowels (``companyia``, ``senyor``; English only in a few words
  like ``canyon``), nouns in ``-ació``, ``-cció``, ``-ssió``, ``-pció`` and ``-acions``
  (Spanish ``-ación``, ``-ciones``; its verbs in ``-ció``, ``inició``, come from ``-ciar``,
  never after "a", "c", "s" or "p"), and ``-tge``, ``-tja`` (``viatge``, ``platja``);
- Spanish writes ``-ción``, ``-sión``, ``-ciones`` and ``-dad`` (Catalan ``-ció``, ``-tat``,
  Portuguese ``-ção``, ``-dade``);
- Portuguese writes ``-agem`` (``viagem``, ``mensagem``) and ``-dade``;
- written without accents, as on a phone: Catalan's adjectives in ``-atiu`` (``participatiu``;
  Spanish and Portuguese ``-ativo``, French ``-atif``), nouns in ``-itat``, ``-ietat``,
  ``-utat`` (``universitat``, ``societat``, ``ciutat``) and "tz" between vowels
  (``organitzar``, ``realitzacio``); Portuguese ``-cao``, ``-ssao``, ``-coes``, ``-soes``
  (``votacao``, ``sessao``, ``inscricoes``: Spanish writes ``-cion``, Catalan ``-cio``);
- nouns in ``-cia`` and ``-gia`` after a vowel, accented or not, are Catalan, Spanish or
  Portuguese (``democracia``, ``transparencia``, ``estrategia``: French writes ``-tie``,
  ``-ce``, ``-gie``, English ``-cy``, ``-gy``).

A word written with a capital inside a sentence is a name (a person's, a record's: "OGP
Local", "Carvalho") and its spelling says nothing of the asker's language."""
_INVERTED = re.compile(r"[¿¡]")
_SPACED = re.compile(r"[^\W_][ \u00a0\u202f]+[?!]")
"""A space (or French typography's no-break spaces) between a word and its ``?`` or ``!``."""


@cache
def country_names() -> dict[tuple[str, ...], frozenset[str]]:
    """Countries' names (CLDR), whole, as not all five languages write them."""
    found: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if not code.isdigit():
                found[tuple(normalise(name).split())].add(language)
    return {
        name: frozenset(languages)
        for name, languages in found.items()
        if name and len(languages) < len(LANGUAGES)
    }


def evidence(
    text: str,
    tokens: list[str],
    votes: Votes,
    shortcuts: Mapping[str, frozenset[str]],
) -> dict[str, float]:
    """Votes per language from ``text`` (as written) and its ``tokens``, the normalised words
    that may vote (place names already left out). Words ``text`` does not hold (what an
    abbreviation was written out to) do not vote; the abbreviation does."""
    written = normalise(text).split()
    present = set(written)
    allowed = set(tokens)
    names = _names(text)  # their letters still vote: "Fòrum" is how a Catalan writes it
    scores = vote([t for t in tokens if t in present and t not in names], votes)
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if word in WRITTEN and normalise(word) in allowed - names:
            plain = normalise(word)
            _share(scores, FUNCTION_WORDS.get(plain) or votes.get(plain), -1.0)
            _share(scores, WRITTEN[word])
    for word in written:
        if word not in allowed and word in shortcuts:
            _share(scores, shortcuts[word])
    countries = country_names()
    for size in (1, 2, 3, 4):
        for start in range(len(written) - size + 1):
            name = tuple(written[start : start + size])
            if name in countries and not all(w in votes for w in name):
                _share(scores, countries[name])
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if normalise(word) not in allowed:
            continue
        sets = [LETTERS[letter] for letter in set(word) if letter in LETTERS]
        if sets:
            common = frozenset.intersection(*sets)
            _share(scores, common or frozenset.union(*sets))
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if normalise(word) not in allowed or normalise(word) in votes or _named(text, match):
            continue
        for pattern, languages in SPELLINGS:
            if pattern.search(word):
                _share(scores, languages)
                break
    if _INVERTED.search(text):
        _share(scores, _ES)
    if _SPACED.search(text):
        _share(scores, _FR)
    for pattern, languages in (*CLITICS, *PAST_PERIPHRASES):
        for _ in pattern.finditer(text):
            _share(scores, languages)
    return weigh(text, allowed, scores)  # a short message's decisive forms (short_language)


@dataclass(frozen=True)
class Message:
    """The whole message a question was read from, as written, and its words that may vote
    (place names left out)."""

    text: str
    tokens: list[str]


class QuestionLanguage:
    """Detects a question's language from table votes, with lingua as one more voter."""

    def __init__(
        self,
        votes: Votes,
        detector: LanguageDetector | None = None,
        *,
        lazy_detector: Callable[[], LanguageDetector] | None = None,
        shortcuts: Mapping[str, frozenset[str]] | None = None,
        markers: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.votes = votes
        self.shortcuts = load_vocabulary().shortcut_languages if shortcuts is None else shortcuts
        self.markers = load_vocabulary().markers if markers is None else markers
        self._detector = detector
        self._lazy = lazy_detector

    def _from_message(self, text: str, scores: dict[str, float], message: Message) -> str | None:
        """The language of the ``message`` the question ``text`` was read from, or None: its
        speaker's, when it opens (up to its first question, or to the end of ``text``) in
        another language than English with English words in it ("Bona tarda, soc tècnica...
        What is it in a nutshell?"); else the one of the question's tied languages (or of
        all, when the question has no evidence) the whole message votes most for."""
        start = message.text.find(text.strip())
        opening = message.text[: start + len(text.strip())] if start > 0 else message.text
        own = _speakers(
            evidence(
                _first_question(opening) or opening, message.tokens, self.votes, self.shortcuts
            )
        )
        if own is not None:
            return own
        tied = _best(scores)
        if len(tied) == 1:
            return None
        said = evidence(message.text, message.tokens, self.votes, self.shortcuts)
        among = _best({lang: v for lang, v in said.items() if not tied or lang in tied})
        return among[0] if len(among) == 1 else None

    def _english_named(self, scores: dict[str, float], tokens: list[str]) -> dict[str, float]:
        """``scores`` without English when its votes come from names ("q es la task 11 del
        work plan?", "cuando abre el call for entries?"): at least
        :data:`NAMED_ENGLISH_MARKERS` function words of the other languages, and twice as many
        as English's (a name's "for", "of")."""
        if "en" not in scores:
            return scores
        english = self.markers.get("en", frozenset())
        others = set().union(*(w for lang, w in self.markers.items() if lang != "en"))
        own = sum(1 for t in tokens if t in english)
        theirs = sum(1 for t in tokens if t in others and "en" not in self.votes.get(t, ()))
        if theirs < max(NAMED_ENGLISH_MARKERS, 2 * own):
            return scores
        return {lang: v for lang, v in scores.items() if lang != "en"}

    @classmethod
    def with_lingua(cls, votes: Votes) -> QuestionLanguage:
        """With lingua as tie-breaker, built the first time the tables tie. Loading its five
        models takes about a second (4.7 s on a busy machine), most of ``hub ask``'s start-up,
        while the tables alone decide the language of almost every question. (Lingua's
        low-accuracy mode loads in 60 ms but took more Catalan questions for Spanish.)"""
        return cls(votes, lazy_detector=lambda: detector_for(LANGUAGES))

    @property
    def detector(self) -> LanguageDetector | None:
        if self._detector is None and self._lazy is not None:
            self._detector, self._lazy = self._lazy(), None
        return self._detector

    def detect(
        self,
        text: str,
        tokens: list[str],
        preferred: str | None = None,
        message: Message | None = None,
    ) -> str:
        """The language of ``text`` (a question; ``tokens`` its words that may vote) and of
        the ``message`` it was read from, when reading set a greeting or who writes aside:
        the message then says which language the member opened in, and breaks the
        question's ties ("Caros senhores, sou técnico da Câmara... Podem dizer-ma?")."""
        scores = self._english_named(evidence(text, tokens, self.votes, self.shortcuts), tokens)
        if message is not None and message.text.strip() != text.strip():
            said = self._from_message(text, scores, message)
            if said is not None:
                return said
        first = _first_question(text)
        once = list(dict.fromkeys(tokens))  # "as ... just as": one word, said twice
        opened = evidence(first or text, once, self.votes, self.shortcuts)
        own = _speakers(opened)  # in the question the member opened with (a second question
        if own is not None:  # in another language may translate it: "since when? ¿desde...")
            return own
        tied = _best(scores)
        if first is not None:  # "¿es en febrero, verdad? or is it in March?": asked in Spanish
            opening = evidence(first, tokens, self.votes, self.shortcuts)
            chosen = _best(opening)
            if rest_decides(first, text, tokens):  # "mail de contacto? queremos escribirles"
                chosen = []
            if chosen and _lead(opening, chosen) >= FIRST_LEAD and not set(chosen) & set(tied):
                if preferred in chosen:  # "O OIDP colabora com a CGLU?" ties pt and ca
                    return str(preferred)
                return min(chosen, key=PREFERENCE.index)
        if len(tied) != 1 and self.detector is not None and len(text.strip()) >= MIN_LENGTH:
            found = self.detector.detect(text)
            if found and (not tied or found in tied):
                return found
        if not tied:
            return preferred if preferred in LANGUAGES else PREFERENCE[0]
        if preferred in tied:
            return str(preferred)
        return min(tied, key=PREFERENCE.index)


_OPENERS = frozenset('.!?¿¡:;\n"«“(')


def _named(text: str, match: re.Match[str]) -> bool:
    """The word ``match`` is written with a capital and does not open a sentence (only
    spaces back to the text's start or to a mark opening one): a name."""
    if not match.group()[0].isupper():
        return False
    i = match.start() - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] not in _OPENERS


def _names(text: str) -> set[str]:
    """The normalised words ``text`` writes only as names (with a capital inside a
    sentence: "que es PARTICIPATE OIDP", "L'oficina de Porto Alegre"), which say nothing of
    the asker's language; none when two thirds of the words are capitalised (a title, caps
    lock), never English's "I" nor an exclaimed word ("Hola!", which reading may move)."""
    matches = list(_WORD.finditer(text))
    capitalised = sum(1 for m in matches if m.group()[0].isupper())
    if not matches or 3 * capitalised > 2 * len(matches):
        return set()
    named: set[str] = set()
    plain: set[str] = set()
    for match in matches:
        word = normalise(match.group())
        exclaimed = text[match.end() : match.end() + 1] == "!"  # "Hola!", moved by reading
        if match.group() != "I" and not exclaimed and _named(text, match):
            named.add(word)
        else:
            plain.add(word)
    return named - plain


def _speakers(scores: dict[str, float]) -> str | None:
    """The language of a member who writes English words in their own ("hey, who got the
    award a València per al pla OGP Local?"), or None: another language with enough votes
    beside English's (members write English words in their own language, seldom the other
    way round). Its votes are of the words it says, each once: "as ... just as" is
    one Portuguese-looking word of an English question, not two."""
    english = scores.get("en", 0.0)
    others = [(v, lang) for lang, v in scores.items() if lang != "en"]
    if not english or not others:
        return None
    votes, language = max(others)
    ranked = sorted(v for v, _ in others)
    if len(ranked) > 1 and ranked[-1] - ranked[-2] < 1e-9:
        return None  # two others tie: which is unclear
    return language if votes >= max(OTHER_VOTES, OTHER_SHARE * english) else None


def _first_question(text: str) -> str | None:
    """The first question of a text that asks more than one (up to its first question
    mark), or None. Members switch language after it ("O OIDP colabora com a CGLU? since
    when?"): the answer follows the language they opened in."""
    end = text.find("?")
    if end < 0 or not text[end + 1 :].strip(" ?!.\n"):
        return None
    return text[: end + 1]


def _lead(scores: dict[str, float], first: list[str] | None = None) -> float:
    """How many votes the first language (or the ``first`` tied ones) has over the next."""
    ranked = sorted(scores.values(), reverse=True)
    if first:
        others = [v for lang, v in scores.items() if lang not in first]
        return ranked[0] - max(others, default=0.0)
    return ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)


def _best(scores: dict[str, float]) -> list[str]:
    if not scores:
        return []
    best = max(scores.values())
    return [lang for lang, score in scores.items() if best - score < 1e-9]
