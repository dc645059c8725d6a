"""A question asking two slots of what it names, parted into one question per slot.

Members often ask two things of one record in one sentence, the second joined by "and" and a
question word of its own ("when was the plan approved, and in which session?", "who hosts the
secretariat and in which city is it based?", "¿qué es y dónde se hace?", "quelle ville et
quel pays ?", "quina és i quan és?", "quem organiza e onde?"). Read whole, one slot is
answered and the other dropped, or the whole question is handed off because one part is not
stated. :func:`split_slots` parts such a sentence into two questions about the same thing:
the first without the second clause, the second with the second clause's question word in
place of the first's ("who hosts the secretariat and in which city is it based?": "in which
city is it based hosts the secretariat?"); :class:`~hub.core.assistant.assistant.Assistant`
answers both and says which part the records do not state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hub.core.assistant.asides import JOINING
from hub.core.assistant.asking import asks, names_anything
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import Vocabulary

_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]*")
"""A sentence and the marks ending it (a Spanish "¿" stays inside the sentence it opens)."""
_TOKEN = re.compile(r"[^\W_]+(?:·[^\W_]+)?")
"""A word as written (Catalan "col·laboració" is one word)."""
LINKS = frozenset(
    {"in", "on", "at", "for", "by", "from", "to", "of", "en", "a", "de", "para", "por"}
    | {"dans", "pour", "par", "amb", "per", "em", "no", "na", "com", "con", "avec"}
)
"""Prepositions that may come between "and" and the second question word ("and in which
session", "y en qué sesión", "et dans quelle ville", "i a quina sessió", "e em que cidade")."""
SLOT_WORDS = frozenset({"when", "where", "who"})
"""Slots a noun after a question word asks with it ("what date", "en qué lugar")."""
MARKS = " \t,;:?¿!¡-–—"
"""What is trimmed around a clause cut out of a sentence."""


@dataclass(frozen=True)
class SlotPair:
    first: str
    """The message with the question's second clause left out."""
    second: str
    """The message with the question's second clause asking in place of its first."""


def split_slots(text: str, vocabulary: Vocabulary) -> SlotPair | None:
    """The message parted into one question per slot its question asks, or None when no
    sentence of it asks a question and then, after "and" (and a preposition), another
    question word of what it names."""
    marked = "?" in text
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        if not sentence.strip() or (marked and "?" not in sentence):
            continue  # a sentence around the question: the asker's story asks nothing
        parted = _parted(sentence, vocabulary)
        if parted is None:
            continue
        first, second = parted
        before, after = text[: match.start()], text[match.end() :]
        return SlotPair(
            first=" ".join(f"{before} {first} {after}".split()),
            second=" ".join(f"{before} {second} {after}".split()),
        )
    return None


def _parted(sentence: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """The sentence's two questions, or None when it asks one."""
    tokens = list(_TOKEN.finditer(sentence))
    words = [normalise(t.group()).replace(" ", "") for t in tokens]
    for j in range(1, len(words) - 1):
        if tokens[j].group().casefold() not in JOINING:
            continue  # Portuguese "é" (is) is no "e" (and)
        start = j + 1
        if (
            words[start] in LINKS
            and start + 1 < len(words)
            and not _question_word(words[start], vocabulary)
        ):  # Catalan "on" (where) is no English "on"
            start += 1  # "and in which city"
        if not _question_word(words[start], vocabulary):
            continue
        head = sentence[: tokens[j].start()]
        if not asks(head, vocabulary, anywhere=True):
            continue  # "the plan and what it says": the sentence asks nothing before "and"
        if not names_anything(head, vocabulary):
            return None  # "where and when is it?", "what exactly and where...": one question
        opening = _opening(words[:j], vocabulary)
        if opening is None:
            continue
        lead, end = opening
        tail = sentence[tokens[j + 1].start() :].strip(MARKS + " ")
        lead_text = sentence[: tokens[lead].start()] if lead else ""
        rest = sentence[tokens[end].start() : tokens[j].start()] if end < j else ""
        first = f"{head.rstrip(MARKS)}?"
        rest = rest.strip(MARKS)
        said = tail.split()
        if said and rest.split()[:1] == said[-1:]:
            rest = rest[len(said[-1]) :]  # "quina és..., i quan és?": "quan és la..."
        second = f"{lead_text}{tail} {rest.strip(MARKS)}".strip() + "?"
        return first, second
    return None


def _opening(words: list[str], vocabulary: Vocabulary) -> tuple[int, int] | None:
    """Where the first clause's question phrase begins and ends: the first question word
    and the question phrase it opens ("when was", "qui", "en qué fecha"), or None."""
    found = [
        *vocabulary.types.find(words, fuzzy=False),
        *vocabulary.question_words.find(words, fuzzy=False),
    ]
    starts = [f for f in found if _question_word(words[f.start], vocabulary)]
    if not starts:
        return None
    lead = min(f.start for f in starts)
    end = max(f.end for f in starts if f.start == lead)
    following = [f for f in found if f.start == end and f.value in SLOT_WORDS]
    while following:  # "what date", "quin dia": the noun asks the slot with the word
        end = max(f.end for f in following)
        following = [f for f in found if f.start == end and f.value in SLOT_WORDS]
    while end < len(words) and (
        vocabulary.units.knows(words[end]) or vocabulary.month_words.knows(words[end])
    ):
        end += 1  # "which month", "quel jour", "en qué año": a unit of time asks when
    if lead and words[lead - 1] in LINKS:
        lead -= 1  # "en qué fecha", "in which year"
    return lead, end


def _question_word(word: str, vocabulary: Vocabulary) -> bool:
    return bool(vocabulary.question_words.find([word], fuzzy=False))
