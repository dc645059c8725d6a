"""Answers a question offers: candidates for the slot it asks, not what it names.

Members often offer the answers they hesitate between ("is it in SF or Chicago?", "¿es en
Rabat o en Marrakech?", "c'est en mai ou en juin ?", "la sessió va ser al juny o al
juliol?", "é em Lisboa ou Cascais?") or guess after asking ("where's the secretariat
based, bcn?", "le secrétariat est basé où ? bcn ?"). The candidates are no words of the
record asked about, and "X or Y" asks no yes or no: read as words to find, a candidate
the records do not know ("Marrakech") hands the question off, and one they do turns it
into a "Yes." that answers nothing. :func:`offered_answers` finds them:

- **either/or**: two candidates of one sort joined by "or" (places, months, parts of a
  day), or one of a sort and a single unknown word after the same preposition ("en Rabat
  o en Marrakech"): the slot of their sort is asked (where, when, at what time of day);
- **guesses** after a question word's clause ("where is it based, bcn?", "qui
  l'organise ? la ville ou le secrétariat ?"): short clauses, joined by "or" or of the
  slot's own sort.

The candidates' words are then set aside (no record is judged by them), and the
slot is answered from the record, which says which candidate is right. Guesses at what a
thing is ("c'est quoi l'OIDP ? une ONG ?") are the entries' own
(:meth:`~hub.core.assistant.answers_entries.EntryAnswers._guesses_aside`), which share
:data:`OR_WORDS` and :func:`alternatives`. "Or" joining two things asked ("which opened
first, the Porto Alegre office or the Dakar platform?"), or offering no candidates
("online or in person?", "or is it only for cities?"), is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from hub.core.assistant.place_names import city_matcher, country_matcher
from hub.core.assistant.text import PhraseMatcher, normalise
from hub.core.assistant.vocabulary import Vocabulary

OR_WORDS = frozenset({"or", "o", "u", "ou"})
"""Words joining candidates ("an NGO or a network", "una ONG o una red", "une ONG ou un
réseau", "uma ONG ou uma rede"), normalised."""
GUESS_WORDS = 5
"""At most this many words in each guess ("Une ONG, un réseau de villes ?", "a programme
or a network of cities?")."""
CANDIDATE_WORDS = 3
"""At most this many words in a candidate of an either/or ("San Francisco", "apres midi")."""
LEADS = frozenset(
    {"in", "at", "on", "by", "the", "this", "en", "el", "la", "los", "las", "al", "a", "por"}
    | {"le", "les", "l", "au", "aux", "dans", "du", "de", "des", "d", "ce", "cette"}
    | {"els", "del", "pel", "per", "aquest", "aquesta", "em", "no", "na", "nos", "nas"}
    | {"o", "os", "as", "do", "da", "pela", "pelo", "neste", "nesta", "este", "esta"}
)
"""Prepositions and articles before a candidate ("in the morning", "al juny", "à Dakar",
"na parte da tarde"): what it is offered as, not the candidate."""
EXISTENCE = frozenset(
    {"any", "there", "hay", "algun", "alguna", "algunos", "algunas", "algum", "alguma"}
    | {"alguns", "algumas", "existe", "existen", "existem", "exists", "exist", "quelque"}
    | {"quelques", "cap", "algun", "alguna"}
)
"""Words asking whether any record is in one place or another ("are there seminars in
Lisbon or Porto?", "¿hay algún evento en Rabat o en Dakar?"): "or" joins where to look,
and the question stays what it was."""
EXISTENCE_PAIRS = frozenset({("y", "a"), ("hi", "ha"), ("hi", "havia")})
"""The same asked in two words ("il y a", "hi ha")."""
YEAR_BEFORE = frozenset({"l", "aquest", "cada", "un", "quin", "el", "d"})
"""Words before Catalan "any" (a year: "l'any passat"), never English "any"."""
COMPARING = frozenset(
    {"better", "worse", "prefer", "mejor", "peor", "prefieres", "meilleur", "meilleure"}
    | {"mieux", "pire", "preferes", "millor", "pitjor", "prefereixes", "melhor", "pior"}
)
"""Words comparing the candidates ("better in Porto Alegre or in Barcelona?"): a judgement
between them is asked, which no record makes, not which one is right."""
SLOTS = {"place": "where", "month": "when", "day_part": "when"}
"""The slot the candidates' sort asks."""
GUESSED_SLOTS = frozenset({"where", "when", "who"})
"""Slots a question word asks that guesses may follow."""
_CLAUSE = re.compile(r"[,;:.?!¿¡()\n]+")


@dataclass(frozen=True)
class Offered:
    """The candidates a question offers, and the slot they answer."""

    slot: str | None
    """The slot the candidates answer; None when the question asks what it did (an
    alternative doubted after it)."""
    words: tuple[str, ...]
    """The candidates' words and the words joining them, in order: not what is asked."""
    hour: bool = False
    """The candidates are parts of a day: the time of day is asked."""


def alternatives(words: list[str]) -> list[list[str]]:
    """The candidates of one clause, split at the words joining them ("an NGO or a
    network")."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word in OR_WORDS:
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


def offered_answers(
    text: str, qtype: str | None, vocabulary: Vocabulary, places: Set[str]
) -> Offered | None:
    """The candidates ``text`` offers (either/or, or guesses after a question word's
    clause), with ``places`` the words of the records' cities and countries; None when it
    offers none."""
    clauses = [c for c in (normalise(part).split() for part in _CLAUSE.split(text)) if c]
    either = _either_or(clauses, vocabulary, places)
    if either is not None:
        return either
    return _guessed(clauses, qtype, vocabulary, places) or _doubted(clauses, vocabulary)


def _sort(words: list[str], vocabulary: Vocabulary, places: Set[str]) -> str | None:
    """The sort of candidate ``words`` are wholly: a place (the records', or a city or
    country the vocabulary names), a month or a part of a day; None for any other words."""
    if not words or len(words) > CANDIDATE_WORDS:
        return None
    if all(w in places for w in words):
        return "place"
    sorts: list[tuple[str, PhraseMatcher[Any]]] = [
        ("place", city_matcher()),  # "Lisboa", "Bruxelles": a city, held there or not
        ("place", country_matcher()),  # "Marruecos"
        ("month", vocabulary.months),
        ("day_part", vocabulary.day_parts),
    ]
    for sort, matcher in sorts:
        found = matcher.find(list(words), fuzzy=False)
        if any(f.start == 0 and f.end == len(words) for f in found):
            return sort
    return None


def _either_or(
    clauses: list[list[str]], vocabulary: Vocabulary, places: Set[str]
) -> Offered | None:
    """Two candidates of one sort joined by "or" closing a clause ("is it in sf or
    chicago", "al juny o al juliol"), or one of a sort and a single unknown word after the
    same lead ("en rabat o en marrakech"); none in a question asking whether there are
    any ("are there seminars in Lisbon or Porto?")."""
    for clause in clauses:
        if _asks_existence(clause) or COMPARING.intersection(clause):
            continue
        joins = [i for i, w in enumerate(clause) if w in OR_WORDS and 0 < i < len(clause) - 1]
        for at in reversed(joins):
            found = _pair(clause[:at], clause[at + 1 :], vocabulary, places)
            if found is not None:
                sort, first, second = found
                words = (*first, clause[at], *second)
                return Offered(SLOTS[sort], words, hour=sort == "day_part")
    return None


def _asks_existence(clause: list[str]) -> bool:
    """The clause asks whether there are any ("are there...", "¿hay algún...?", "il y a")."""
    for i, word in enumerate(clause):
        before = clause[i - 1] if i else ""
        if word in EXISTENCE and not (word == "any" and before in YEAR_BEFORE):
            return True
        if (before, word) in EXISTENCE_PAIRS:
            return True
    return False


def _pair(
    before: list[str], after: list[str], vocabulary: Vocabulary, places: Set[str]
) -> tuple[str, list[str], list[str]] | None:
    """The sort of the candidates either side of "or" and their words, or None: both of
    one sort, or one of a sort and the other a single word the vocabulary does not know
    after the same lead ("en Rabat o en Marrakech", "à Paris ou à Barcelone")."""
    lead_after = 0
    while lead_after < len(after) and after[lead_after] in LEADS:
        lead_after += 1
    second = after[lead_after:]
    second_lead = after[lead_after - 1] if lead_after else ""
    seconds = [
        (_sort(second[:end], vocabulary, places), second[:end])
        for end in range(min(CANDIDATE_WORDS, len(second)), 0, -1)
    ]
    for size in range(min(CANDIDATE_WORDS, len(before)), 0, -1):
        first = before[len(before) - size :]
        lead = before[len(before) - size - 1] if len(before) > size else ""
        sort = _sort(first, vocabulary, places)
        for other, words in seconds:
            if sort is not None and other == sort:
                return sort, first, words
        led = bool(second_lead) and lead == second_lead and lead in LEADS
        if not led:
            continue
        if sort is not None and len(second) == 1 and _unknown(second[0], vocabulary):
            return sort, first, second
        single = seconds[-1] if len(second) == 1 else (None, [])
        if sort is None and size == 1 and single[0] is not None and _unknown(first[0], vocabulary):
            return single[0], first, second
    return None


def _unknown(word: str, vocabulary: Vocabulary) -> bool:
    """A word that may be a name the records lack: no function word, no word of the
    vocabulary's slots, yes/no or question phrases."""
    return (
        word.isalpha()
        and len(word) >= 3
        and word not in vocabulary.stopwords
        and not vocabulary.types.knows(word)
        and not vocabulary.polar.knows(word)
        and not vocabulary.question_words.knows(word)
    )


def _guessed(
    clauses: list[list[str]], qtype: str | None, vocabulary: Vocabulary, places: Set[str]
) -> Offered | None:
    """Guesses closing a question whose clause asks a slot by a question word ("where's
    the secretariat based, bcn?", "¿quién la organiza? ¿la secretaría o el municipio?"):
    every clause after it short, with no question word of its own (French "ou" between
    guesses is "or"), joined by "or" or of the slot's own sort."""
    questions = vocabulary.question_words
    asking = next((i for i, c in enumerate(clauses) if questions.find(list(c), fuzzy=False)), None)
    if asking is None or asking == len(clauses) - 1:
        return None
    asked = {f.value for f in vocabulary.types.find(list(clauses[asking]), fuzzy=False)}
    if qtype not in asked:  # "who's organising it, the secretariat or the host city?":
        qtype = next((s for s in sorted(asked) if s in GUESSED_SLOTS), None)  # not "city"
    if qtype not in GUESSED_SLOTS:
        return None
    guesses = clauses[asking + 1 :]
    if any(
        c[f.start] not in OR_WORDS for c in guesses for f in questions.find(list(c), fuzzy=False)
    ):
        return None
    parts = [part for c in guesses for part in alternatives(c)]
    if not parts or any(not part or len(part) > GUESS_WORDS for part in parts):
        return None
    if len(parts) == 1:  # one guess: only of the slot's sort ("bcn?", "a Barcelona?")
        guess = parts[0]
        lead = 0
        while lead < len(guess) - 1 and guess[lead] in LEADS:
            lead += 1
        sort = _sort(guess[lead:], vocabulary, places)
        if sort is None or SLOTS[sort] != qtype:
            return None
    return Offered(qtype, tuple(w for c in guesses for w in c if w not in LEADS))


def _doubted(clauses: list[list[str]], vocabulary: Vocabulary) -> Offered | None:
    """An alternative the asker doubts, closing the question: "or" and a yes/no verb ("can
    a neighbourhood association join, or is it only for cities?", "does it have an office in
    Africa, or is everything run from Barcelona?", "¿..., o es solo para ciudades?"). The
    question before it is what is asked; the alternative's words name nothing of it. Not
    French "ou est-il ?" (where is it?), nor an "or" opening the question."""
    if not clauses:
        return None
    clause = clauses[-1]
    for at, word in enumerate(clause):
        if word not in OR_WORDS or not (at or len(clauses) > 1) or at == len(clause) - 1:
            continue
        rest = clause[at + 1 :]
        if not any(f.start == 0 for f in vocabulary.polar.find(list(rest), fuzzy=False)):
            continue
        if any(f.start == 0 for f in vocabulary.types.find(clause[at:], fuzzy=False)):
            continue  # "ou est" is French "où est": where is asked
        return Offered(None, tuple(clause[at:]))
    return None
