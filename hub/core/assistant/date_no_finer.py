"""A date answered no finer than the question already knows it: said, then handed off.

A record may date an event or an award step by its month or its year only. Answered with
that month or year, some questions learn nothing, and the member leaves thinking they were
told; in the five languages:

- **the question states it already**, right after its word of when: the year of a record
  dated by its year ("when in 2020 is it?", "c'est quand en 2020 ?"), or the month of one
  dated by its month ("¿cuándo en octubre...?"): "it takes place in 2020" tells it back.
  "When is it?", with no year said, is answered by its year; a year said of a record dated
  to its month ("when in 2020?": October) or to its days is answered too, and so is a
  time said apart as a guess ("when is it? next month?"): the record's month answers it.
- **the question asks finer than the record states**: "when exactly" (the vocabulary's
  ``date_no_finer`` ``exactly`` adverbs) of a record dated by its month or year, or the
  dates ("what dates", "à quelles dates": the vocabulary's ``date``) of one dated by its
  year, or the day itself ("what day", "dias exatos",
  :func:`~hub.core.assistant.asking.asks_day`) of either. A month asked ("which month
  exactly?") of a record dated by its month is answered, and a year asked of a year.

Which phrase says what the records give is returned (``year_only_dates``,
``month_only_day``); :mod:`~hub.core.assistant.precision_asked` keeps the answer's
sentence (the month or year, in the asker's language) and its record cited, adds the
phrase and hands the question off.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from hub.core.assistant.reading import Reading
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

COARSE = frozenset({"month", "year"})
"""The precisions that give no day."""

MISSING = {"year": "year_only_dates", "month": "month_only_day"}
"""The phrase saying what the records give, by the precision of the date answered."""


@cache
def _table() -> dict[str, frozenset[str]]:
    """The section ``date_no_finer`` of vocabulary.yaml, normalised: the adverbs asking a
    date to its finest (``exactly``), the words of when (``when``), the prepositions
    placing a time after it (``into``), and the nouns of a month or a year asked
    (``month``, ``year``), in the five languages."""
    data = load_vocabulary().sections.get("date_no_finer") or {}
    return {
        key: frozenset(w for p in data.get(key, []) for w in normalise(str(p)).split())
        for key in ("exactly", "when", "into", "month", "year")
    }


def _dates_asked(words: list[str]) -> bool:
    """The question asks the dates or the date ("what dates", "em que data", "quelles
    dates"), which a year does not give (vocabulary.yaml ``date``)."""
    return bool(load_vocabulary().date.find(list(words), fuzzy=False))


def _when_asked(reading: Reading) -> bool:
    return reading.qtype == "when" or reading.day or _dates_asked(reading.words)


def _framed(words: list[str], precision: str, starts: dt.date) -> bool:
    """The question places its when in the very year (or month) the record gives, right
    after the word of when ("when in 2020 is it?", "quand en 2020", "cuándo en octubre"):
    the asker has it. A time said apart from it checks a guess ("when is it, next month?",
    "cuándo es, ¿en abril?"), which the record's month or year answers."""
    table = _table()
    months = {f.start: f.value for f in load_vocabulary().months.find(list(words), fuzzy=False)}
    years = {w for w in words if w.isdigit() and len(w) == 4}
    if years - {str(starts.year)}:
        return False  # another year said: another edition, or a time of its own
    for i, word in enumerate(words):
        if word not in table["when"]:
            continue
        placed = words[i + 1 : i + 2] and words[i + 1] in table["into"]
        for at in (i + 1, i + 2) if placed else (i + 1,):  # "in May" is one month phrase
            if precision == "year" and words[at : at + 1] == [str(starts.year)]:
                return True
            if precision == "month" and months.get(at) == starts.month:
                return True
    return False


def _unit_asked(words: list[str], precision: str) -> bool:
    """The question names the unit the record gives ("which month exactly?" of a month,
    "de que ano?" of a year): that unit is what is asked, and the record answers it."""
    return bool(_table()[precision].intersection(words))


def finer_date_missing(reading: Reading, precision: str, starts: dt.date) -> str | None:
    """The phrase key saying what the records give when the date answered, of
    ``precision`` from ``starts``, is no finer than the question knows or asks; None when
    it answers the question (a day given, or a year not yet known to the asker)."""
    if precision not in COARSE or reading.polar or not _when_asked(reading):
        return None
    words = reading.words
    if reading.day or _framed(words, precision, starts):
        return MISSING[precision]  # "which day?", "when in 2020?" of 2020
    if _unit_asked(words, precision):
        return None
    if reading.qtype == "when" and _table()["exactly"].intersection(words):
        return MISSING[precision]  # "when exactly?": a month or a year is no exact date
    if precision == "year" and _dates_asked(words):
        return MISSING[precision]  # "which dates?": a year gives none
    return None
