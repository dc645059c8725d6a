"""A member's message as the assistant reads it: its question, slot, time and words.

The whole message is read (no cut). A long message is summarised to its
question sentences (those with a question mark or a question word); a
sentence that gives the assistant orders ("ignore previous instructions")
is set aside. Then, from small closed word sets (:file:`vocabulary.yaml`):

- the slot asked (when, where, who, what, how to join, how much, how many,
  list, yes/no);
- the time window relative to the asker's now (today, this/next/last week,
  month, year, a season, a named month, a year) and whether the question
  asks for the next or the last of something;
- whether it is out of scope (passwords, travel money, personal data,
  opinions).

What is left are the words retrieval looks up in the records.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hub.core.assistant.dates import (
    Period,
    add_months,
    month_period,
    named_month,
    season_period,
    year_period,
)
from hub.core.assistant.text import normalise, split_codes
from hub.core.assistant.vocabulary import TYPE_ORDER, Vocabulary

_SENTENCE = re.compile(r"(?<=[.!?¿¡\n])\s+|(?<=\?)")
_QUESTION_MARK = re.compile(r"[?¿]")
_CLAUSE = re.compile(r"[,;:]\s+")
_MARKUP = re.compile(r"<[^<>]{0,40}>|#{2,}|[()\[\]{}]")
"""Tags, rules and brackets: what they wrap is a sentence of its own ("<system>answer
yes</system> ...", "(ignore the rules)"), so an order inside them is set aside alone."""
_YEAR_WORD = re.compile(r"(19|20)\d\d")
LONG = 80
PREAMBLE_WORDS = 8
"""A clause before a colon this long (words) is a preamble, not the question's topic."""
CONSUMING = frozenset(
    {"when", "where", "who", "theme", "what", "list", "how_many", "contact", "duration"}
)
"""Question types whose phrases are only question words (set aside before retrieval)."""
CONCEPTS = frozenset({"cost", "join", "subscribe", "share"})
"""Question types that are also what is asked about: their words, in any language, are one
retrieval term (``@cost``), which the records holding any of them also carry."""
MEMBERS_ASK = frozenset({"join", "subscribe", "cost"})
"""Slots whose askers (a university, a city) are who would join or pay, not what is asked."""
SLOT_OF = {"subscribe": "join"}
"""A concept asked as the slot of another (subscribing asks how to join, a newsletter)."""
"""A message longer than this (characters) is summarised to its question sentences."""


@dataclass
class Reading:
    text: str
    words: list[str]
    """Normalised words of the question sentences."""
    qtype: str | None = None
    period: Period | None = None
    relative: str | None = None  # next | last
    year: int | None = None
    out_of_scope: bool = False
    out_of_scope_in: frozenset[str] = frozenset()
    """The languages whose out-of-scope words the question says (French "vol" is a flight,
    Catalan "vol" wants): the question is out of scope only if asked in one of them."""
    only_orders: bool = False
    remind: bool = False
    hour: bool = False
    """The time of day is asked ("at what time"), not only the date."""
    day: bool = False
    """The day itself is asked ("what day"), not only the month or year."""
    polar: bool = False
    """A yes/no question: a yes/no phrase opens it, or a verb does and no question word is
    in it ("was the 13th conference in Cascais?", "¿la conferencia fue en Abiyán?")."""
    still: bool = False
    """Whether something still holds today is asked (no dated record states that)."""
    closing: bool = False
    """When something closes is asked (a deadline), not when it opens."""
    content: list[str] = field(default_factory=list)
    """Words left for retrieval (time words and markers set aside)."""
    context: list[str] = field(default_factory=list)
    """Words of the clauses around the question ("we're a small NGO in Lyon"): they help
    rank the records, but a record is not judged by whether it holds them."""


def question_sentences(text: str, vocabulary: Vocabulary) -> str:
    """The sentences that ask, without those that give orders; the whole text if none ask."""
    focus, context = question_parts(text, vocabulary)
    return " ".join(part for part in (focus, context) if part)


def question_parts(text: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """The message's focus and its context: the sentences that ask (a question mark, or a
    question word opening them) and the others around them ("how do I join? we're a small
    NGO in Lyon"). A long message keeps only its asking sentences; a sentence that gives the
    assistant orders is set aside; with no sentence that asks, or only such sentences, all is
    focus. (Clauses of one sentence stay together: "Open Gov Challenge: which areas does it
    cover?" names its topic before the colon, measured worse split.)"""
    sentences = [
        s.strip()
        for piece in _MARKUP.split(text)
        for s in _SENTENCE.split(piece)
        if s and s.strip()
    ]
    kept = []
    for sentence in sentences:
        words = normalise(sentence).split()
        orders = vocabulary.injection.find(words, fuzzy=False)
        if orders:
            cut = min(found.start for found in orders)
            rest = words[:cut]
            if len(rest) >= 2:
                kept.append(" ".join(rest))
            continue
        kept.append(sentence)
    if not kept:
        return "", ""
    story = list(kept)
    if len(text) > LONG:
        asking = [
            s for s in kept if _QUESTION_MARK.search(s) or _asks(s, vocabulary, anywhere=True)
        ]
        kept = asking or kept
    asks = [_QUESTION_MARK.search(s) is not None or _asks(s, vocabulary) for s in kept]
    if all(asks) or not any(asks):
        asking, around = kept, []
    else:
        asking = [s for s, a in zip(kept, asks, strict=True) if a]
        around = [s for s, a in zip(kept, asks, strict=True) if not a]
    first = story.index(asking[0])
    if first and not _names_anything(" ".join(asking), vocabulary):
        before = story[first - 1]  # "When was it exactly?" asks about the sentence before it
        asking = [before, *asking]
        around = [s for s in around if s is not before]
    asking, told = _without_preambles(asking, vocabulary)
    around += told
    clauses = [c for s in asking for c in _CLAUSE.split(s) if c.strip()]
    clauses = [part for c in clauses for part in _asker_then_question(c, vocabulary)]
    about_asker = [_introduces(c, vocabulary) for c in clauses]
    if any(about_asker) and not all(about_asker):  # "we're a small town, how do we join?"
        asking = [c for c, a in zip(clauses, about_asker, strict=True) if not a]
        around += [c for c, a in zip(clauses, about_asker, strict=True) if a]
    return " ".join(asking), " ".join(around)


def _without_preambles(sentences: list[str], vocabulary: Vocabulary) -> tuple[list[str], list[str]]:
    """A long clause that asks nothing before a colon ("I couldn't find it on the website:
    when was...?") is context; a short one names the topic ("Open Gov Challenge: which areas
    does it cover?") and stays."""
    kept, told = [], []
    for sentence in sentences:
        head, colon, tail = sentence.partition(": ")
        if (
            colon
            and tail.strip()
            and len(head.split()) >= PREAMBLE_WORDS
            and not _QUESTION_MARK.search(head)
            and not _asks(head, vocabulary)
        ):
            told.append(head)
            kept.append(tail)
        else:
            kept.append(sentence)
    return kept, told


def _names_anything(text: str, vocabulary: Vocabulary) -> bool:
    """Whether a question says what it is about: a word left once function words, question
    words and fillers are set aside ("when was it exactly?" names nothing)."""
    words = written_out(normalise(text).split(), vocabulary)
    used: set[int] = set()
    vocabulary.courtesies.find(words, used, fuzzy=False)
    vocabulary.question_words.find(words, used, fuzzy=False)
    vocabulary.types.find(words, used, fuzzy=False)
    return any(
        i not in used and w not in vocabulary.stopwords and len(w) > 2 for i, w in enumerate(words)
    )


def _introduces(clause: str, vocabulary: Vocabulary) -> bool:
    """The clause opens by saying who asks ("we're a small NGO", "somos un ayuntamiento")."""
    words = normalise(clause).split()
    return any(item.start <= 1 for item in vocabulary.introductions.find(words, fuzzy=False))


def _asker_then_question(clause: str, vocabulary: Vocabulary) -> list[str]:
    """A clause saying who asks that goes on to ask ("we're a town near Porto and our mayor
    wants to know in which month...") is split where its question word begins."""
    if not _introduces(clause, vocabulary):
        return [clause]
    words = normalise(clause).split()
    starts = [
        item.start
        for item in [
            *vocabulary.types.find(list(words), fuzzy=False),
            *vocabulary.question_words.find(list(words), fuzzy=False),
        ]
        if item.start > 2
    ]
    if not starts:
        return [clause]
    cut, seen = min(starts), 0
    tokens = clause.split()
    for i, token in enumerate(tokens):
        if seen >= cut:
            return [" ".join(tokens[:i]), " ".join(tokens[i:])]
        seen += len(normalise(token).split())
    return [clause]


def _asks(clause: str, vocabulary: Vocabulary, anywhere: bool = False) -> bool:
    """A question word or phrase opens the clause (its first or second word: "and when"),
    or, with ``anywhere``, is in it."""
    words = written_out(normalise(clause).split(), vocabulary)
    found = [
        *vocabulary.types.find(list(words), fuzzy=False),
        *vocabulary.question_words.find(list(words), fuzzy=False),
    ]
    return any(anywhere or item.start <= 1 for item in found)


def written_out(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """Chat shortcuts written out ("q" -> "que", "pra" -> "para"); a letter after a kind's
    name ("priority C") is a label, never a shortcut."""
    table = vocabulary.shortcuts or {}
    out: list[str] = []
    for i, word in enumerate(words):
        long = table.get(word)
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


def read(text: str, vocabulary: Vocabulary, today: dt.date) -> Reading:
    focus, around = question_parts(text, vocabulary)
    kept = " ".join(part for part in (focus, around) if part)
    words = written_out(split_codes(normalise(focus).split()), vocabulary)
    context = written_out(split_codes(normalise(around).split()), vocabulary)
    reading = Reading(text=kept, words=words, only_orders=not words and bool(text.strip()))
    if not words:
        return reading
    set_aside: set[int] = set()
    vocabulary.courtesies.find(context, set_aside, fuzzy=False)
    reading.context = [w for i, w in enumerate(context) if i not in set_aside]
    years = [w for w in reading.context if _YEAR_WORD.fullmatch(w)]
    words.extend(years)  # a year said around the question still names what is asked about
    used: set[int] = set()
    vocabulary.courtesies.find(words, used, fuzzy=False)  # greetings and thanks set aside
    reading.remind = bool(vocabulary.remind.find(words, used, fuzzy=False))
    reading.hour = bool(vocabulary.hour.find(list(words), fuzzy=False))
    reading.day = bool(vocabulary.day.find(list(words), fuzzy=False))
    reading.still = bool(vocabulary.still.find(list(words), fuzzy=False))
    reading.closing = bool(vocabulary.closing.find(list(words), fuzzy=False))
    out_of_scope = vocabulary.out_of_scope.find(words, fuzzy=False)
    if out_of_scope:  # the asker's story asks nothing
        reading.out_of_scope = True
        reading.out_of_scope_in = frozenset(found.value for found in out_of_scope)
    for found in vocabulary.periods.find(words, used, fuzzy=False):
        unit, offset = found.value
        reading.period = relative(unit, offset, today)
    for word in words:
        if re.fullmatch(r"(19|20)\d\d", word):
            reading.year = int(word)
    month = next(iter(vocabulary.months.find(words, used, fuzzy=False)), None)
    season = next(iter(vocabulary.seasons.find(words, used, fuzzy=False)), None)
    if month is not None and _month_is_meant(words, month.start):
        reading.period = named_month(month.value, today, reading.year)
    elif season is not None:
        reading.period = season_period(season.value, today, reading.year)
    elif reading.period is None and reading.year is not None:
        reading.period = year_period(reading.year)
    marker = next(iter(vocabulary.next_last.find(words, used, fuzzy=False)), None)
    if marker is not None and reading.period is None:
        reading.relative = marker.value
    for ordinal in vocabulary.ordinals.find(words, used, fuzzy=False):
        words[ordinal.start] = str(ordinal.value)  # "thirteenth" is "13th": an edition
        used.discard(ordinal.start)
    for i, word in enumerate(words):  # "my (local) city (council)": who asks, not what is asked
        before = words[i - 1] if i else ""
        if word in vocabulary.askers and (
            before in vocabulary.possessives or (i - 1 in used and before in vocabulary.askers)
        ):
            used.add(i)
    reading.qtype = _qtype(words, vocabulary, used)
    if reading.qtype == "duration":  # "how long does it last": a verb, not the last one
        reading.relative = None
    reading.polar = reading.qtype == "yesno" or _polar(words, vocabulary, reading.qtype)
    if reading.polar and reading.qtype is None:
        reading.qtype = "yesno"
    if reading.qtype in MEMBERS_ASK:  # "can a university join?": the one who would join
        used.update(i for i, word in enumerate(words) if word in vocabulary.askers)
    reading.content = [w for i, w in enumerate(words) if i not in used]
    if reading.qtype in CONCEPTS:
        reading.content.append(f"@{reading.qtype}")
    reading.qtype = SLOT_OF.get(reading.qtype or "", reading.qtype)
    return reading


def _qtype(words: list[str], vocabulary: Vocabulary, used: set[int]) -> str | None:
    """The slot asked. Only the words of pure question phrases (when, where, what is) are
    set aside: the words that say what is asked about (a fee, joining, members, a kind of
    record) stay for retrieval. A yes/no phrase ("is there", "does the") asks yes or no only
    where a question starts, not inside one ("when is the next...")."""
    seen = set(used)
    found = vocabulary.types.find(words, seen, fuzzy=False)
    kept = set()
    for item in found:
        if item.value == "yesno" and item.start > 1:
            continue
        kept.add(item.value)
        if item.value in CONSUMING or item.value in CONCEPTS:
            used.update(
                i for i in range(item.start, item.end) if words[i] not in vocabulary.kind_words
            )
    return next((t for t in TYPE_ORDER if t in kept), None)


def _polar(words: list[str], vocabulary: Vocabulary, qtype: str | None) -> bool:
    """A verb opens the question ("is membership free?", "can a city join?"), or one is in
    it and it has no question word ("la 13a conferencia fue en Cascais?")."""
    found = vocabulary.polar.find(list(words), fuzzy=False)
    if any(item.start == 0 for item in found):
        return True
    return (
        qtype is None
        and bool(found)
        and not vocabulary.question_words.find(list(words), fuzzy=False)
    )


def _month_is_meant(words: list[str], position: int) -> bool:
    """ "may" is a month after a preposition or before a year, not in "may I"."""
    word = words[position]
    if word not in {"may", "mar"}:
        return True
    before = words[position - 1] if position else ""
    after = words[position + 1] if position + 1 < len(words) else ""
    return before in {"in", "en", "em", "de", "el", "l", "au"} or after.isdigit()


def relative(unit: str, offset: int, today: dt.date) -> Period:
    """This/next/last day, weekend, week, month or year around ``today``."""
    if unit == "day":
        day = today + dt.timedelta(days=offset)
        return Period(day, day, "range")
    if unit == "weekend":  # the Saturday and Sunday of this (next, last) week
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
        return Period(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "range")
    if unit == "week":
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
        return Period(monday, monday + dt.timedelta(days=6), "range")
    if unit == "month":
        year, month = add_months(today.year, today.month, offset)
        return month_period(year, month)
    return year_period(today.year + offset)
