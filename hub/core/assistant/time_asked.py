"""The time a question asks about, relative to the asker's today: periods relative to now,
years, months, seasons, named days and spans between them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hub.core.assistant.asking import _OF
from hub.core.assistant.dates import (
    Period,
    add_months,
    days_of,
    month_part,
    month_period,
    span_period,
    year_period,
)
from hub.core.assistant.text import Found, normalise
from hub.core.assistant.vocabulary import Vocabulary

_YEAR_WORD = re.compile(r"(19|20)\d\d")
EVENT_KINDS = ("event", "conference", "internal_session", "session", "seminar", "external_event")
"""Kinds whose words make a year next to them a time asked for ("la conferencia de 2013")."""


SEASON_VERBS = frozenset({"fall"})
"""Season names that are also verbs ("does it fall under", "when does it fall")."""
SEASON_BEFORE = frozenset(
    {"in", "the", "this", "next", "last", "during", "by", "until", "till", "since", "of"}
    | {"early", "late", "mid", "that", "each", "every", "before", "after", "from", "to"}
)
"""Words after which such a name is the season ("in the fall", "this fall", "by fall")."""


def _season_is_meant(words: list[str], start: int, end: int) -> bool:
    """A season's name that is also a verb names the season only after a word that makes it
    a noun ("in the fall", "next fall"), opening the question or before a year ("fall
    2019"), not as a verb ("does the academy fall under the IOPD", "did members fall")."""
    if end - start != 1 or words[start] not in SEASON_VERBS:
        return True
    before = words[start - 1] if start else ""
    after = words[end] if end < len(words) else ""
    return not before or before in SEASON_BEFORE or bool(_YEAR_WORD.fullmatch(after))


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


def _year_asked(words: list[str], i: int, vocabulary: Vocabulary) -> bool:
    """Whether the year at ``i`` is a period asked for ("events in 2020", "el 2013", "the
    year 2019") rather than part of a name ("the 2020 plan", "Agenda 2030", "2014-2015")."""
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if _YEAR_WORD.fullmatch(before) or _YEAR_WORD.fullmatch(after):
        return False
    events = {
        word
        for kind in EVENT_KINDS
        for phrases in vocabulary.kinds.get(kind, {}).values()
        for phrase in phrases
        for word in normalise(phrase).split()
    }
    two_before = words[i - 2] if i >= 2 else ""
    if before in vocabulary.year_before or before in vocabulary.year_nouns or before in events:
        return True
    if any(part.end == i for part in vocabulary.month_parts.find(words, fuzzy=False)):
        return True  # "late 2020", "a finales de 2020"
    if before in _OF and (
        two_before in vocabulary.year_nouns or events & set(words[max(0, i - 4) : i])
    ):
        return True  # "the year of 2019", "la conferencia (de CGLU) de 2013"
    others = [w for j, w in enumerate(words) if j != i and w not in vocabulary.stopwords]
    return after in events or not others


def _year_after(words: list[str], position: int) -> int | None:
    """The year right after ``position`` ("2014", "de 2014", "of 2014"), if one is."""
    rest = words[position : position + 2]
    if rest and _YEAR_WORD.fullmatch(rest[0]):
        return int(rest[0])
    if len(rest) == 2 and rest[0] in _OF | {"el", "l"} and _YEAR_WORD.fullmatch(rest[1]):
        return int(rest[1])
    return None


def _span(
    words: list[str], vocabulary: Vocabulary, used: set[int], today: dt.date
) -> Period | None:
    """ "in 3 days", "within two weeks", "d'ici 10 jours", "daqui a 2 semanas"."""
    for found in vocabulary.spans.find(words, set(used), fuzzy=False):
        number = words[found.end] if found.end < len(words) else ""
        count = int(number) if number.isdigit() else vocabulary.numbers.get(number)
        unit = vocabulary.units.find(words[found.end + 1 : found.end + 2], fuzzy=False)
        if count is None or not 0 < count <= 400 or not unit:
            continue
        used.update(range(found.start, found.end + 2))
        return span_period(found.value, count, unit[0].value, today)
    return None


_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er|r|o|a|e)?")
DAY_JOINS = frozenset(
    {"to", "and", "through", "till", "until", "a", "al", "y", "au", "et", "i", "fins", "e", "ate"}
)
"""Words between a range's two days ("from 2 to 5", "del 3 al 5", "du 2 au 5", "de 3 a 5",
"entre el 3 y el 5"); a dash is no word ("2-5 July")."""
DAY_OPENERS = frozenset(
    {"from", "between", "del", "de", "entre", "du", "des", "el", "le", "o", "on"}
)
"""Words before a range's first day or a single day (set aside with it)."""


def _day_number(word: str) -> int | None:
    found = _DAY.fullmatch(word)
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 31 else None


def _days(
    period: Period,
    start: int,
    end: int,
    words: list[str],
    vocabulary: Vocabulary,
    used: set[int],
) -> Period:
    """The days of a named month said with it, before ("2-5 July", "del 3 al 5 de junio",
    "du 2 au 5 juillet", "le 14 juillet") or after it ("July 2-5", "July 14th"): those days,
    their numbers set aside (no edition number, no retrieval word). A month's period only."""
    if period.kind != "month":
        return period
    before = start - 1 if start and words[start - 1] in _OF else start
    spans: list[tuple[int, int]] = []
    if before and _day_number(words[before - 1]) is not None:
        last_at = first_at = before - 1
        i = _past_article(words, last_at - 1)  # "entre el 3 y el 5": the articles are skipped
        joined = i >= 0 and words[i] in DAY_JOINS
        i = _past_article(words, i - 1) if joined else i
        if i >= 0 and _day_number(words[i]) is not None and (joined or i == last_at - 1):
            first_at = i
        spans.append((first_at, last_at))
    elif end < len(words) and _day_number(words[end]) is not None:  # "July 2-5", "July 14th"
        first_at = last_at = end
        j = end + 1
        if j < len(words) and words[j] in DAY_JOINS:
            j += 1
        if j < len(words) and _day_number(words[j]) is not None and not _year_word(words, j):
            last_at = j
        spans.append((first_at, last_at))
    for first_at, last_at in spans:
        first, last = _day_number(words[first_at]), _day_number(words[last_at])
        assert first is not None and last is not None
        days = days_of(period, first, last)
        if days is None:
            return period
        low = first_at - 1 if first_at and words[first_at - 1] in DAY_OPENERS else first_at
        used.update(range(low, last_at + 1))
        used.update(i for i in range(last_at + 1, start) if words[i] in _OF)
        return days
    return period


def _before(
    period: Period,
    position: int,
    words: list[str],
    vocabulary: Vocabulary,
    used: set[int],
    today: dt.date,
) -> Period:
    """From today to the day before ``period`` when a "before" word ends right before it
    ("before the summer", "avant juillet", "abans de l'estiu"); a period already begun is
    kept as it is."""
    for found in vocabulary.before.find(words, set(used), fuzzy=False):
        if found.end == position or (found.end == position - 1 and words[found.end] in _THE):
            if period.start <= today:
                return period
            used.update(range(found.start, position))
            return Period(today, period.start - dt.timedelta(days=1), "range")
    return period


_THE = frozenset({"the", "el", "la", "l", "le", "o", "a"})
DAY_ARTICLES = frozenset({"el", "le", "o", "the"})


def _past_article(words: list[str], i: int) -> int:
    return i - 1 if i >= 0 and words[i] in DAY_ARTICLES else i


def _year_word(words: list[str], i: int) -> bool:
    return bool(_YEAR_WORD.fullmatch(words[i]))


def _part_of(
    period: Period, position: int, words: list[str], vocabulary: Vocabulary, used: set[int]
) -> Period:
    """The early, mid or late part of a month when a part's words end right before it."""
    for part in vocabulary.month_parts.find(words, set(used), fuzzy=False):
        if part.end == position:
            used.update(range(part.start, part.end))
            return month_part(period, part.value)
    return period


def _season_shift(
    words: list[str], season: Found[Any], vocabulary: Vocabulary, used: set[int]
) -> int:
    """1 for "next summer" ("el verano que viene"), -1 for "last summer" ("l'estiu passat");
    the same for a weekday ("next Monday", "el lunes pasado")."""
    low, high = max(0, season.start - 2), min(len(words), season.end + 2)
    window = words[low:high]
    for found in vocabulary.next_last.find(window, fuzzy=False):
        used.update(range(low + found.start, low + found.end))
        return 1 if found.value == "next" else -1
    for j, word in enumerate(window):
        if word in vocabulary.past_words:
            used.add(low + j)
            return -1
    return 0
