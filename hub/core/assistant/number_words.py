"""Numbers in a question that name no edition: what a number counts, and words that only
look like numbers (issue 22).

A number said in a question may name an edition ("the 15th conference", "la quinzena
conferència", reading turns the ordinal word into its figure) or a figure a record states
("more than five commitments"). It names neither when:

- it counts a time: "in two weeks", "d'aquí dues setmanes", "hace tres años", "il y a deux
  ans", "fa dos anys", "há dois anos" (a time window, or a duration; :func:`ago_period`
  reads the "ago" phrases as the window they name, as the digit form would be);
- it names a day of a month without the month: "on the 2nd", "el día 2", "o dia 2";
- it is a word that is also an ordinary word of the question's language, and the sentence
  uses it as that word: Catalan "nou" (new: "és nou?", "un nou grup"), "set" (thirst),
  "dos" (the back), "deu" (owes); French "neuf" (new); English "one" ("one of the
  topics"). Such a word is a number only before the thing it counts ("nou grups").
"""

from __future__ import annotations

import datetime as dt
import re

from hub.core.assistant.dates import Period, add_months, month_period, year_period

TIME_UNITS: dict[str, frozenset[str]] = {
    "day": frozenset({"day", "days", "dia", "dias", "dies", "jour", "jours"}),
    "week": frozenset({"week", "weeks", "semana", "semanas", "semaine", "semaines"})
    | frozenset({"setmana", "setmanes"}),
    "month": frozenset({"month", "months", "mes", "meses", "mois", "mesos"}),
    "year": frozenset({"year", "years", "ano", "anos", "an", "ans", "annee", "annees"})
    | frozenset({"any", "anys"}),
}
"""Units of time a number counts, normalised, in the five languages ("ano" is "año")."""

AGO_BEFORE: frozenset[tuple[str, ...]] = frozenset(
    {("hace",), ("il", "y", "a"), ("y", "a"), ("fa",), ("ja", "fa"), ("ha",), ("faz",)}
)
"""Words before a number of units that make them the time back from now ("hace tres años",
"il y a deux ans", "fa dos anys", "há dois anos", "faz duas semanas")."""
AGO_AFTER = frozenset({"ago", "back"})
"""Words after the units that do the same ("two years ago", "three weeks back")."""

HOMOGRAPHS: dict[str, frozenset[str]] = {
    "en": frozenset({"one"}),
    "es": frozenset({"un", "una", "uno"}),
    "fr": frozenset({"un", "une", "neuf"}),
    "ca": frozenset({"un", "una", "nou", "set", "dos", "deu"}),
    "pt": frozenset({"um", "uma"}),
}
"""Number words of a language that are also its ordinary words (an article, "new", the
back, thirst, "owes"): a number only where the sentence uses them as one."""

ARTICLES = frozenset(
    {"a", "an", "the", "un", "una", "el", "la", "l", "le", "o", "um", "uma", "es", "e"}
    | {"is", "est", "era", "sera", "seria", "tan", "molt", "mes", "muy", "tres", "tout"}
)
"""Words after which a word that is also a number is the ordinary word: an article ("un
nou grup"), a verb of being or a degree ("és nou", "és molt nou", "c'est tout neuf")."""

DAY_NOUNS = frozenset({"day", "dia", "jour"})
"""The word for a day before its number ("el día 2", "o dia 2", "le jour 2")."""

_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er|o|a|e)?")


def time_unit(word: str) -> str | None:
    """The unit of time ``word`` names (``"day"``, ``"week"``, ``"month"``, ``"year"``)."""
    return next((unit for unit, names in TIME_UNITS.items() if word in names), None)


def number_at(words: list[str], i: int, numbers: dict[str, int]) -> int | None:
    """The number the word at ``i`` is, in figures ("2", not a year) or in words ("dues")."""
    word = words[i]
    if word.isdigit() and len(word) <= 3:
        return int(word)
    return numbers.get(word)


def counts_time(words: list[str], i: int) -> bool:
    """Whether the number at ``i`` counts days, weeks, months or years ("two weeks")."""
    return i + 1 < len(words) and time_unit(words[i + 1]) is not None


def names_a_day(words: list[str], i: int) -> bool:
    """Whether the figure at ``i`` is a day of a month whose month is not said: "on the
    2nd", "el día 2", "o dia 2" (a date, never an edition)."""
    found = _DAY.fullmatch(words[i])
    if found is None or not 1 <= int(found.group(1)) <= 31:
        return False
    before = words[max(0, i - 2) : i]
    after = words[i + 1] if i + 1 < len(words) else ""
    return (before == ["on", "the"] and not after.isalpha()) or (
        bool(before) and before[-1] in DAY_NOUNS
    )


def used_as_number(words: list[str], i: int, language: str) -> bool:
    """Whether the number word at ``i`` is used as a number: any number word, but one that
    is also an ordinary word of ``language`` only right before a word it counts, never after
    an article or a verb of being ("és nou?", "un nou grup", "nou del 2014": new)."""
    if words[i] not in HOMOGRAPHS.get(language, frozenset()):
        return True
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    return len(after) > 3 and after.isalpha() and after.endswith("s") and before not in ARTICLES


def ago_period(
    words: list[str], numbers: dict[str, int], used: set[int], today: dt.date
) -> Period | None:
    """The time a number of units back from ``today`` names ("il y a deux ans": that year;
    "hace tres semanas": that week), its words set aside in ``used``; None if none is said."""
    for i in range(len(words) - 1):
        count = number_at(words, i, numbers)
        unit = time_unit(words[i + 1])
        if count is None or unit is None or not 0 < count <= 400 or i in used:
            continue
        opening = next(
            (
                len(o)
                for o in sorted(AGO_BEFORE, key=len, reverse=True)
                if tuple(words[i - len(o) : i]) == o and i >= len(o)
            ),
            0,
        )
        closing = 1 if i + 2 < len(words) and words[i + 2] in AGO_AFTER else 0
        if not opening and not closing:
            continue
        used.update(range(i - opening, i + 2 + closing))
        return _back(unit, count, today)
    return None


def _back(unit: str, count: int, today: dt.date) -> Period:
    if unit == "year":
        return year_period(today.year - count)
    if unit == "month":
        return month_period(*add_months(today.year, today.month, -count))
    then = today - dt.timedelta(days=count * (7 if unit == "week" else 1))
    if unit == "week":
        monday = then - dt.timedelta(days=then.weekday())
        return Period(monday, monday + dt.timedelta(days=6), "range")
    return Period(then, then, "range")


def numbers_aside(words: list[str], numbers: dict[str, int], used: set[int]) -> None:
    """Set aside in ``used`` the numbers that count a time ("dues setmanes", "tres años") or
    name a day ("on the 2nd"): no edition, no figure of a record."""
    for i in range(len(words)):
        if i in used or (number_at(words, i, numbers) is None and not _DAY.fullmatch(words[i])):
            continue
        if (number_at(words, i, numbers) is not None and counts_time(words, i)) or names_a_day(
            words, i
        ):
            used.add(i)
