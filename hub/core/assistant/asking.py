"""Whether a clause asks and whether it names anything, and the words a question is read
with: chat shortcuts written out, the stressing "é que" dropped, courtesies set aside, a
closing (deadline) asked, proper names, slips in time and question words corrected.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from hub.core.assistant.heard_on import frames_a_report
from hub.core.assistant.text import LONGEST_WORD, normalise
from hub.core.assistant.vocabulary import Vocabulary

_OF = frozenset({"of", "de", "d", "del", "du", "do", "da"})
_CLAUSE = re.compile(r"[,;:.?!¿¡()\n]+")
SHORT_BEFORE = 4
"""A word this short before a question word is its preposition ("con qué", "avec quel")."""
TYPO_CUTOFF = 88.0
"""rapidfuzz ratio for a time word's typo ("wekend", "semanaa"): one slip in a long word."""
TRANSPOSED_LENGTH = 6
"""A word this long with two neighbouring letters swapped ("prcohain", "semnaa") is still
the time word (one slip for a typist, two for the ratio)."""


def names_anything(text: str, vocabulary: Vocabulary) -> bool:
    """Whether a question says what it is about: a word left once function words, question
    words and fillers are set aside ("when was it exactly?" names nothing)."""
    words = written_out(normalise(text).split(), vocabulary)
    used: set[int] = set()
    set_courtesies_aside(words, vocabulary, used)
    vocabulary.types.find(words, used, fuzzy=False)  # "which days": the longer phrase first
    vocabulary.question_words.find(words, used, fuzzy=False)
    return any(
        i not in used and w not in vocabulary.stopwords and w not in WRITING and len(w) > 2
        for i, w in enumerate(words)
    )


WRITING = frozenset(
    {
        *("write", "writing"),
        *("escribir", "escribimos", "escribo", "escribirle", "escribirles"),
        *("ecrire", "ecrit", "ecris", "ecrivons", "ecrivez"),
        *("escriure", "escrivim", "escric", "escriureu"),
        *("escrever", "escrevemos", "escrevo", "escrevermos"),
    }
)
"""Verbs of writing to someone: "what's the e-mail to write to?" names nothing, so what it
asks of is the sentence before ("we want to join OGP Local")."""


def asks(
    clause: str,
    vocabulary: Vocabulary,
    anywhere: bool = False,
    opens: bool = False,
    reported: bool = False,
) -> bool:
    """A question word or phrase opens the clause (its first or second word: "and when"),
    or, with ``anywhere``, is in it. A yes/no phrase asks only where it opens the clause:
    elsewhere it is a verb like any other ("I have the name but not the place"). With
    ``opens`` (is this sentence a question?), a second word asks only after a joining word
    ("and when"): "need dates for the travel form" says why the asker asks. Greetings and
    hedges before it are not counted ("Hi, where...", "Concretely, where..."), and a
    question word inside a greeting asks nothing ("Com os melhores cumprimentos"). With
    ``reported``, "que" after a verb of seeing ("vi que", "he vist que") opens what the
    asker saw, and asks nothing."""
    words = written_out(normalise(clause).split(), vocabulary)
    aside: set[int] = set()
    set_courtesies_aside(words, vocabulary, aside)
    spans = vocabulary.courtesies.find(list(words), fuzzy=False)
    greeting = {  # "Com os melhores cumprimentos": Catalan "com" (how) in a sign-off asks nothing
        i for item in spans if item.value == "courtesy" for i in range(item.start, item.end)
    } & aside
    hedged = {i for item in spans if item.value == "hedge" for i in range(item.start, item.end)}
    found = [
        item
        for item in [
            *vocabulary.types.find(list(words), fuzzy=False),
            *vocabulary.question_words.find(list(words), fuzzy=False),
        ]
        if item.start not in greeting and not (reported and frames_a_report(words, item.start))
    ]
    lead = next((i for i in range(len(words)) if i not in greeting | hedged), 0)  # "Hi,
    # where...", "Concretely, where...": the question word after a greeting or a hedge opens
    # it (not after a filler: "I heard that...")
    return any(
        item.start in {0, lead}
        or (
            item.value != "yesno"
            and (
                anywhere
                or any(
                    item.start == start + 1 and (not opens or words[start] in _JOINING)
                    for start in {0, lead}
                )
            )
        )
        for item in found
    )


_JOINING = frozenset(
    {"and", "so", "but", "or", "y", "e", "et", "i", "o", "ou", "pero", "mais", "mas"}
)
"""A word joining a question to what came before ("and when?", "et où ?"): the question
word after it still opens the question ("need dates for the form" asks nothing)."""


EMPHASIS = ("e", "que")
"""Portuguese "é que" after a question word ("onde é que fica", "quem é que lidera", "o que
é que é"): it only stresses the question, and it splits the question's phrase ("onde
fica") from its verb."""


def emphasis_dropped(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """``words`` without the "é que" stressing a question word."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if tuple(words[i : i + 2]) == EMPHASIS and out and _question_word(out[-1], vocabulary):
            i += len(EMPHASIS)
            continue
        out.append(words[i])
        i += 1
    return out


CAPITALS_ONLY = frozenset({"usa", "eau"})
"""Shortcuts that are also words of another language (Spanish and Portuguese "usa", it
uses; French "eau", water): written out only when written in capitals ("USA", "EAU")."""
VERBS_UNLESS_CAPITALS = frozenset({"usa"})
"""Those of them that, not in capitals, are a verb that names nothing asked ("¿qué ciudad
usa datos abiertos?"): left out of the words, so that no record held in the United States
matches them and no premise of place is read in them ("no, not in the USA")."""
_CAPITALISED = re.compile(r"\b[A-Z]{2,}\b")


def written_out(
    words: list[str], vocabulary: Vocabulary, capitals: frozenset[str] | None = None
) -> list[str]:
    """Chat shortcuts written out ("q" -> "que", "pra" -> "para"); a letter after a kind's
    name ("priority C") is a label, never a shortcut. With ``capitals`` (the words the text
    writes in capitals), a shortcut that is also another language's word is written out
    only if among them."""
    table = vocabulary.shortcuts or {}
    out: list[str] = []
    for i, word in enumerate(words):
        long = table.get(word)
        if capitals is not None and word in CAPITALS_ONLY and word not in capitals:
            if word in VERBS_UNLESS_CAPITALS:
                continue
            long = None
        written = long is not None and words[i + 1 : i + len(long)] == list(long[1:]) != []
        if (
            long
            and not written
            and not (len(word) == 1 and out and out[-1] in vocabulary.kind_words)
        ):
            out.extend(long)
        else:
            out.append(word)
    return out


def set_courtesies_aside(words: list[str], vocabulary: Vocabulary, used: set[int]) -> None:
    """Mark the greetings, thanks and sign-offs in ``used`` ("Buenas,", "un abrazo"), except
    a word of a kind's name ("buenas practicas", "boas praticas" name the award)."""
    blocked: set[int] = set()
    vocabulary.names.find(words, blocked, fuzzy=False)
    blocked -= used
    seen = used | blocked
    vocabulary.courtesies.find(words, seen, fuzzy=False)
    used.update(seen - blocked)


_DETERMINERS = frozenset(
    {"la", "las", "el", "los", "una", "unas", "esa", "esta", "cual", "su", "sus", "mi", "nueva"}
)
"""Words that make what follows a noun: Spanish "la fecha" is a date, Portuguese "fecha" (it
closes) never follows them (but "el plazo", "the deadline" are closing nouns: only a closing
word that is also a date word is read by them)."""


def _asks_closing(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether when something closes is asked: a closing word ("deadline", "cierra",
    "fecha" in Portuguese), unless it is part of a date question ("en que fecha", Spanish
    for "on what date"), follows a determiner ("la fecha") or names a part of a period
    ("at the end of the year")."""
    covered: set[int] = set()
    for matcher in (vocabulary.date, vocabulary.day, vocabulary.month_parts):
        for item in matcher.find(list(words), fuzzy=False):
            covered.update(range(item.start, item.end))
    for item in vocabulary.closing.find(list(words), fuzzy=False):
        span = range(item.start, item.end)
        if all(i in covered for i in span):  # "fecha" of "en que fecha", not "fecha limite"
            continue
        dated = item.end - item.start == 1 and any(
            found.value == "when" for found in vocabulary.types.find(words[span.start : span.stop])
        )  # a closing word that is another language's "date" ("fecha"), after "la"
        if dated and item.start and words[item.start - 1] in _DETERMINERS:
            continue
        return True
    return False


EXACT = frozenset(
    {
        *("exact", "precise"),  # English; French "exact", "précise" too
        *("exacto", "exacta", "exactos", "exactas", "preciso", "precisa", "precisos", "precisas"),
        *("exacte", "exactes", "exacts", "precis", "precises"),  # French and Catalan
        *("exato", "exata", "exatos", "exatas"),  # Portuguese ("preciso" as in Spanish)
    }
)
"""The adjectives asking a date to the day ("the exact deadline", "plazo exacto", "date
limite exacte", "termini exacte", "prazo exato"), in the five languages, accents dropped."""


def asks_day(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether the day itself is asked: a phrase of the day ("what day", "quins dies", "dates
    exactes"), or a closing word said exact beside it ("the exact closing date", "prazo
    exato"): a deadline to the day, which a month or a year does not give. The closing word
    stays a closing word (:func:`_asks_closing`): when it closes is still what is asked."""
    if vocabulary.day.find(list(words), fuzzy=False):
        return True
    for item in vocabulary.closing.find(list(words), fuzzy=False):
        beside = words[max(item.start - 1, 0) : item.start] + words[item.end : item.end + 1]
        if any(w in EXACT for w in beside):
            return True
    return False


def _ending_words(words: list[str], vocabulary: Vocabulary, used: set[int]) -> set[int]:
    """The positions of the closing words of a when-question that name no award step ("when
    does the conference end", "quan s'acaba", "cuándo termina"): like "begin", they say which
    end of a date is asked, not what the question is about. A step's own word ("when does
    the call close", "el plazo") names that step and stays."""
    steps = _step_phrases(vocabulary)
    return {
        i
        for found in vocabulary.closing.find(list(words), set(used), fuzzy=False)
        if tuple(words[found.start : found.end]) not in steps
        for i in range(found.start, found.end)
    }


def _step_phrases(vocabulary: Vocabulary) -> frozenset[tuple[str, ...]]:
    return frozenset(
        tuple(normalise(phrase).split())
        for languages in vocabulary.steps.values()
        for phrases in languages.values()
        for phrase in phrases
    )


NOUN_ARTICLES = frozenset(
    {"the", "el", "la", "los", "las", "lo", "le", "les", "l", "els", "o", "os", "a", "as"}
)
"""Definite articles opening the noun phrase a question may be ("the theme of...?", "l'any
de...", "a cidade da...")."""
NAMING_NO_SLOT = frozenset({"yesno"})


def slot_named(words: list[str], at: int, vocabulary: Vocabulary) -> str | None:
    """The slot a noun phrase opening at ``at`` asks by its head noun, as if asked with the
    slot's question word: an article, then a slot's noun or phrase ("the theme", "la date",
    "l'organisateur", "a cidade", "the venue", "el plazo"), read from the types, the slot
    nouns and the closing words of :file:`vocabulary.yaml`; None for an article before any
    other noun ("the certificate") or for no article there."""
    if at + 1 >= len(words) or words[at] not in NOUN_ARTICLES:
        return None
    head = words[at : at + 4]
    for matcher in (vocabulary.slot_nouns, vocabulary.types, vocabulary.closing):
        for found in matcher.find(head, fuzzy=False):
            opens = found.start == 1 or (found.start == 0 and found.end > 1)  # "the venue"
            if opens and found.value not in NAMING_NO_SLOT:
                return "when" if matcher is vocabulary.closing else found.value  # "el plazo"
    return None


def clause_opens_asking(text: str, vocabulary: Vocabulary, *, after_short: bool = False) -> bool:
    """A clause of ``text`` opens with a question word ("how is the network funded?", "...,
    qual era?"), or, ``after_short``, with a short word and then one ("con qué red...?",
    "amb quina xarxa...?"): it asks what or which, never only yes or no. A question word
    inside a clause is not counted: the "que" of "¿es verdad que...?" or "est-ce que...?"
    is a conjunction."""
    for clause in _CLAUSE.split(text):
        words = normalise(clause).split()[:3]
        for found in vocabulary.question_words.find(words, fuzzy=False):
            if found.start == 0:
                return True
            if after_short and found.start == 1 and len(words[0]) <= SHORT_BEFORE:
                return True
    return False


def _question_word(word: str, vocabulary: Vocabulary) -> bool:
    return bool(vocabulary.question_words.find([word], fuzzy=False))


_CAPITALS = re.compile(r"[^\W\d_][^\W_]*")
TITLE_CASE = 0.7
"""Above this share of capitalised words (not opening a sentence), a text is written in title
case ("When Is The Next Conference"): its capitals name nothing."""
_OPENERS = frozenset('.!?¿¡:;,"«“(')


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence: only spaces before it back to the
    text's start, a line break or a mark that ends or opens a clause. Looks back over the
    spaces only, so every word of a long message costs what its own gap costs."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _OPENERS


def proper_name_words(text: str) -> frozenset[str]:
    """The (normalised) words written only as a name's in ``text``: in capitals ("What is
    PARTICIPATE?") or capitalised beside another capitalised word, not opening a sentence
    ("when is Participate Barcelona"). A question's own words in such a name (a slot word,
    "participate") are the name's, not what is asked. Text in capitals or in title case
    throughout names nothing this way."""
    tokens = list(_CAPITALS.finditer(text))
    if not tokens:
        return frozenset()
    upper = [t.group().isupper() and len(t.group()) > 1 for t in tokens]
    title = [t.group()[0].isupper() for t in tokens]
    opening = [_opens_sentence(text, t.start()) for t in tokens]
    inside = [t for t, opens in zip(title, opening, strict=True) if not opens]
    if sum(inside) > TITLE_CASE * len(inside) or sum(upper) * 2 > len(tokens):
        return frozenset()
    names: set[str] = set()
    lower: set[str] = set()
    for i, token in enumerate(tokens):
        word = normalise(token.group())
        beside = (i > 0 and title[i - 1] and not opening[i - 1]) or (
            i + 1 < len(tokens) and title[i + 1]
        )
        if (upper[i] and len(token.group()) >= 4) or (title[i] and not opening[i] and beside):
            names.add(word)
        elif not title[i]:
            lower.add(word)
    return frozenset(names - lower)


def _opens_with_and(text: str) -> bool:
    """Portuguese "e o desafio...?" opens with "and", not "é" ("is"): the writer puts
    accents elsewhere, so an "e" without one is the conjunction."""
    first = re.match(r"\W*(\w+)", text)
    accented = any(not c.isascii() and c.isalpha() for c in text)
    return first is not None and first.group(1) in {"e", "E"} and accented


QUESTION_TYPO = 5
"""The shortest question word a slip is read as ("qundo": quando); shorter ones ("qui",
"quan", "onde") are one letter from too many other words."""


def typos_corrected(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """A word no table knows, one slip away from a time word ("wekend", "semanaa", "proxma")
    or a question word of five letters or more ("qundo"), is that word. Only long words
    (five letters or more), and never a month: months are too close to names. Two
    neighbouring letters swapped in a long word ("prcohain", "ofifce", "esdeveniemnts",
    "explcíame") make the time word, the kind's name or the question's word, if only one."""
    asking = [w for w in vocabulary.question_words.singles if len(w) >= QUESTION_TYPO]
    targets = [*vocabulary.time_words, *asking]  # "qundo", "cuado": quando, cuando
    known = vocabulary.time_words | vocabulary.kind_words
    out = []
    for word in words:
        if 5 <= len(word) <= LONGEST_WORD and word not in vocabulary.votes and not word.isdigit():
            best = process.extractOne(word, targets, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
            swapped = (
                sorted(w for w in _swaps(word) if w in known or vocabulary.types.knows(w))
                if best is None
                else []
            )
            if len(swapped) == 1:  # "prcohain", "ofifce": two letters swapped
                word = swapped[0]
            elif best is not None and word not in (f"{best[0]}s", f"{best[0]}es"):
                word = str(best[0])  # (a plural is another word: "anteriores")
        out.append(word)
    return out


def _swaps(word: str) -> set[str]:
    """``word`` with two neighbouring letters swapped, if it is long enough for that to be a
    slip rather than another word. A closing "re" is not swapped: it is how French and
    Catalan spell the English "-er" ("registre", "membre", "centre"), another language's
    word, not a slip for "register"."""
    if len(word) < TRANSPOSED_LENGTH:
        return set()
    last = len(word) - 2 if word.endswith("re") else len(word) - 1
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(last)}
