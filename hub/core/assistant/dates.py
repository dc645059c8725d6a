"""Periods a question names (a month, a season, "next month"), and dates in words.

Every period is resolved against the asker's ``today``, never the clock.
Choices, said once here:

- "next month" on 31 January is February (the calendar month after this one),
  not "31 days from now".
- A month named without a year ("in June") is the next June that has not
  ended: this year's if we are in or before June, else next year's.
- Seasons are astronomical, northern hemisphere (spring 20 March - 20 June,
  summer 21 June - 22 September, autumn 23 September - 20 December, winter
  21 December - 19 March); :func:`season_period` flips them six months when
  asked for the southern hemisphere. A season without a year is the current
  one or the next one to come; "next summer" is the next one not yet begun,
  "last summer" the last one already over; asked in the past tense ("where was it in
  summer?", "en juillet, où était-elle ?") the last one begun, this one included. A month
  named takes "next" and "last" and the past tense the same way.
- "early", "mid" and "late" in a month are its days 1-10, 11-20 and 21 to its
  end ("a finales de mes", "début juillet").
- "in 3 days" is that day, "in 2 weeks" that week (Monday to Sunday), "in 2
  months" that month; "within 10 days" ("the next 10 days", "d'ici 10 jours")
  runs from today to then.
- A record dated only by month or year covers the whole month or year, so
  "events in spring" includes a seminar dated "June 2020".

Why not dateparser: measured on this machine (2026-11), ``search_dates`` on six
of the questions above took 115 ms to import, 165 ms on its first call and
1.7 ms a call after; it missed "el mes que viene", read the Catalan "ve" of
"el mes que ve" as a weekday (25 January), and returns instants (28 February
for "next month"), not periods. The word sets of ``vocabulary.yaml`` and
babel's month names do this in microseconds.

Dates are written with babel in the answer's language (English in British
style, as the secretariat in Barcelona writes it), never more precisely than
they are known: "July 2020", "julio de 2020", "2013".
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date, format_skeleton, get_day_names, get_month_names

LOCALES = {"en": "en_GB", "es": "es", "fr": "fr", "ca": "ca", "pt": "pt"}

SEASONS_NORTH = {
    "spring": ((3, 20), (6, 20)),
    "summer": ((6, 21), (9, 22)),
    "autumn": ((9, 23), (12, 20)),
    "winter": ((12, 21), (3, 19)),
}
_FLIP = {"spring": "autumn", "autumn": "spring", "summer": "winter", "winter": "summer"}


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end`` (both included); ``label`` says how to write it."""

    start: dt.date
    end: dt.date
    kind: str  # month | year | season | range
    season: str | None = None

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return start <= self.end and end >= self.start


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(dt.date(year, month, 1), dt.date(year, month, last), "month")


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def relative_period(name: str, today: dt.date) -> Period:
    """A period named relative to ``today``: ``this_month``, ``next_month``, ``last_year``..."""
    unit, offset = {
        "this_month": ("month", 0),
        "next_month": ("month", 1),
        "last_month": ("month", -1),
        "this_year": ("year", 0),
        "next_year": ("year", 1),
        "last_year": ("year", -1),
    }[name]
    if unit == "month":
        return month_period(*add_months(today.year, today.month, offset))
    return year_period(today.year + offset)


BEGUN = -2
"""The shift of a season or month asked of in the past tense without "last" ("where was the
conference in autumn?"): the last one begun, the current one included."""


def named_month(month: int, today: dt.date, year: int | None = None, shift: int = 0) -> Period:
    """A month named in a question: in ``year`` if given, else the next one not yet over;
    with ``shift`` 1 the next one not yet begun, with -1 the last one already over, and with
    :data:`BEGUN` (a question in the past tense) the last one begun, this one included."""
    if year is None and shift == BEGUN:
        year = today.year if month <= today.month else today.year - 1
    elif year is None and shift < 0:
        year = today.year if month < today.month else today.year - 1
    elif year is None and shift > 0:
        year = today.year if month > today.month else today.year + 1
    elif year is None:
        year = today.year if month >= today.month else today.year + 1
    return month_period(year, month)


def season_period(
    season: str,
    today: dt.date,
    year: int | None = None,
    southern: bool = False,
    shift: int = 0,
) -> Period:
    """A season's days; without ``year``, the current season or the next one to come, or
    with ``shift`` 1 the next one not yet begun, with -1 the last one already over, with
    :data:`BEGUN` (a question in the past tense) the last one begun, this one included."""
    bounds = SEASONS_NORTH[_FLIP[season] if southern else season]

    def span(y: int) -> Period:
        (sm, sd), (em, ed) = bounds
        start = dt.date(y, sm, sd)
        end = dt.date(y + 1 if em < sm else y, em, ed)
        return Period(start, end, "season", season)

    if year is not None:
        return span(year)
    if shift == BEGUN:
        return next(
            span(y) for y in (today.year, today.year - 1, today.year - 2) if span(y).start <= today
        )
    if shift > 0:
        return next(span(y) for y in (today.year, today.year + 1) if span(y).start > today)
    if shift < 0:
        return next(
            span(y) for y in (today.year, today.year - 1, today.year - 2) if span(y).end < today
        )
    for y in (today.year - 1, today.year, today.year + 1):
        candidate = span(y)
        if candidate.end >= today:
            return candidate
    return span(today.year + 1)  # pragma: no cover - the loop always returns


PARTS = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, 31),
    "first_half": (1, 15),
    "second_half": (16, 31),
}


YEAR_PARTS = {
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "first_half": (1, 6),
    "second_half": (7, 12),
}


def month_part(period: Period, part: str) -> Period:
    """The early, mid or late days of a month's period (months of a year's period)."""
    if period.kind == "year":
        first_month, last_month = YEAR_PARTS[part]
        start = month_period(period.start.year, first_month).start
        return Period(start, month_period(period.start.year, last_month).end, "range")
    first, last = PARTS[part]
    end = min(last, calendar.monthrange(period.start.year, period.start.month)[1])
    return Period(period.start.replace(day=first), period.start.replace(day=end), "range")


def days_of(period: Period, first: int, last: int) -> Period | None:
    """Days ``first`` to ``last`` of a month's period ("2-5 July", "del 3 al 5 de junio"),
    or None when the month has no such days or they run backwards."""
    if period.kind != "month" or not 1 <= first <= last:
        return None
    if last > calendar.monthrange(period.start.year, period.start.month)[1]:
        return None
    return Period(period.start.replace(day=first), period.start.replace(day=last), "range")


def span_period(kind: str, count: int, unit: str, today: dt.date) -> Period:
    """``at`` (in ``count`` units: that day, week or month) or ``within`` (from today to
    then) a number of days, weeks or months from ``today``."""
    if unit == "month":
        year, month = add_months(today.year, today.month, count)
        if kind == "at":
            return month_period(year, month)
        day = min(today.day, calendar.monthrange(year, month)[1])
        return Period(today, dt.date(year, month, day), "range")
    days = count * (7 if unit == "week" else 1)
    then = today + dt.timedelta(days=days)
    if kind == "within":
        return Period(today, then, "range")
    if unit == "week":
        monday = then - dt.timedelta(days=then.weekday())
        return Period(monday, monday + dt.timedelta(days=6), "range")
    return Period(then, then, "range")


def weekday_period(weekday: int, today: dt.date, shift: int = 0) -> Period:
    """A weekday named (Monday is 0): the next one from today (today itself included), the
    one after today with ``shift`` 1, the last one before today with -1."""
    ahead = (weekday - today.weekday()) % 7
    if shift > 0 and ahead == 0:
        ahead = 7
    day = today + dt.timedelta(days=ahead - 7 if shift < 0 and ahead else ahead)
    if shift < 0 and ahead == 0:
        day = today - dt.timedelta(days=7)
    return Period(day, day, "range")


def weekday_names(language: str) -> dict[int, str]:
    """Weekday number (Monday 0) -> its name, for reading questions."""
    names = get_day_names("wide", context="format", locale=LOCALES.get(language, language))
    return {int(number): str(name) for number, name in names.items()}


def covered(start: dt.date | None, end: dt.date | None, precision: str) -> tuple[dt.date, dt.date]:
    """The days a record's date may fall on, given how precisely it is known."""
    assert start is not None
    if precision == "year":
        return dt.date(start.year, 1, 1), dt.date((end or start).year, 12, 31)
    if precision == "month":
        last = end or start
        return start, dt.date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    return start, end or start


# --- writing dates ------------------------------------------------------------------


def month_names(language: str) -> dict[int, str]:
    """Month number -> the month's name standing alone (for reading questions)."""
    names = get_month_names("wide", context="stand-alone", locale=LOCALES.get(language, language))
    return {int(number): str(name) for number, name in names.items()}


def when(start: dt.date | None, end: dt.date | None, precision: str, language: str) -> str | None:
    """A record's date in words, no more precise than known; None when undated."""
    if start is None or precision == "unknown":
        return None
    locale = LOCALES.get(language, language)
    if precision == "year":
        return str(start.year)
    if precision == "month":
        text = format_skeleton("yMMMM", start, locale=locale)
        if end and (end.year, end.month) != (start.year, start.month):
            text = f"{text} – {format_skeleton('yMMMM', end, locale=locale)}"
        return text
    if end is None or end == start:
        return format_date(start, "long", locale=locale)
    last = format_date(end, "long", locale=locale)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{last}"
    if start.year == end.year:
        return f"{format_skeleton('MMMMd', start, locale=locale)} – {last}"
    return f"{format_date(start, 'long', locale=locale)} – {last}"


def period_words(period: Period, language: str, season_names: dict[str, str]) -> str:
    """A period in words: "June 2020", "2014", "spring 2020"."""
    locale = LOCALES.get(language, language)
    if period.kind == "month":
        return format_skeleton("yMMMM", period.start, locale=locale)
    if period.kind == "year":
        return str(period.start.year)
    if period.kind == "season" and period.season:
        name = season_names.get(period.season, period.season)
        return f"{name} {period.start.year}"
    return when(period.start, period.end, "day", language) or ""  # "21–31 July 2020"


def day_words(day: dt.date, language: str) -> str:
    return format_date(day, "long", locale=LOCALES.get(language, language))
