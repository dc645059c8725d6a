"""How long something lasts, how long until it, how long since it
(:mod:`~hub.core.assistant.span_asked`), counted from the record's dates and the asker's
now, and written with the dates themselves ("The 10th World Urban Forum lasts 6 days:
8–13 February 2020."). Babel writes the span in the answer's language ("6 días", "6 jours").

- **Lasting** is counted in days, from a record dated to the day; one dated by its month or
  year has no days to count: that is said, and the question handed off.
- **Until** counts the days from now to the start (to the end when its closing is asked);
  an event under way is said to be, one over is said to be past. A date known only to the
  month leaves the time left uncounted: said, and handed off.
- **Since** counts whole years (months, days when less) from the event's start or the day
  an entry began (founded, since a year) to now.

A record with no date of its own (an action plan's period is "an administration") is left
to its text: None is returned, and the slot is answered as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.units import format_unit

from hub.core.assistant.answers_base import award_name
from hub.core.assistant.answers_entries import EntryAnswers, _since
from hub.core.assistant.context import Context, Reply, event_name
from hub.core.assistant.dates import LOCALES, covered, day_words, when
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.span_asked import LASTING, SINCE, UNTIL

UNITS = {"day": "duration-day", "month": "duration-month", "year": "duration-year"}
"""CLDR's units of time, which Babel writes in each language ("3 years", "3 anys")."""
DAYS_COUNTED = 100
"""Time left is counted in days under this many ("in 29 days"), in whole months or years
from then on ("in 6 years", not "in 2,392 days")."""


@dataclass(frozen=True)
class Dated:
    """What a span is counted from: the record's name, its dates and how precisely they
    are known (day, month, year), and whether it is an event (it takes place) or an entry
    (it began then and goes on)."""

    record_id: str
    name: str
    start: dt.date
    end: dt.date | None
    precision: str
    takes_place: bool

    @property
    def last_day(self) -> dt.date:
        """The last day it may fall on."""
        return covered(self.start, self.end, self.precision)[1]


class SpanAnswers(EntryAnswers):
    """How long an event, an award step or an entry lasts, is away, or has been."""

    def _span_reply(self, ctx: Context, reading: Reading, doc: Doc) -> Reply | None:
        """The span ``reading`` asks of ``doc``'s record, counted from its dates; None when
        the record has no dates that answer it (its text may)."""
        dated = _dated(ctx, doc)
        if dated is None or (not dated.takes_place and reading.span != SINCE):
            return None
        if reading.span == LASTING:
            return _lasting(ctx, dated)
        if reading.span == UNTIL or dated.start > ctx.today:
            return _until(ctx, dated, closing=reading.closing)
        return _since_then(ctx, dated)


def _dated(ctx: Context, doc: Doc) -> Dated | None:
    """The dates of an event, of the award step found, or the day an entry began."""
    record = doc.record
    if isinstance(record, EventView) and record.starts_on and record.precision != "unknown":
        name = event_name(ctx, record)
        return Dated(record.id, name, record.starts_on, record.ends_on, record.precision, True)
    if isinstance(record, AwardView) and doc.step in record.steps:
        step = record.steps[doc.step]
        if step.starts_on is None or step.precision == "unknown":
            return None
        label = ctx.tables.words_for("steps", ctx.language).get(step.step, step.step)
        name = ctx.phrase("award_step_name", step=label, award=award_name(ctx, record))
        return Dated(record.id, name, step.starts_on, step.ends_on, step.precision, True)
    if isinstance(record, EntryView):
        began, precision = _since(record.data)
        if began is None:
            return None
        name = record.name.get(ctx.language) or record.name.get("en", record.id)
        return Dated(record.id, name, began, None, precision, False)
    return None


def _written(ctx: Context, dated: Dated) -> str:
    return when(dated.start, dated.end, dated.precision, ctx.language) or str(dated.start.year)


def _span(ctx: Context, count: int, unit: str) -> str:
    locale = LOCALES.get(ctx.language, ctx.language)
    return str(format_unit(count, UNITS[unit], length="long", locale=locale))


def _lasting(ctx: Context, dated: Dated) -> Reply:
    """How many days it lasts, from its first to its last day, both counted."""
    written = _written(ctx, dated)
    if dated.precision != "day":  # "February 2020": no days to count
        text = ctx.phrase("span_no_days", name=dated.name, when=written)
        return ctx.handoff(text, sources=[dated.record_id])
    days = ((dated.end or dated.start) - dated.start).days + 1
    key = "span_lasted" if dated.last_day < ctx.today else "span_lasts"
    text = ctx.phrase(key, name=dated.name, span=_span(ctx, days, "day"), when=written)
    return Reply(text, [dated.record_id])


def _until(ctx: Context, dated: Dated, *, closing: bool) -> Reply:
    """The days left from now to its start (its end, with ``closing``); under way, or past."""
    written = _written(ctx, dated)
    if dated.last_day < ctx.today:  # "how long until" a past one: it is past
        prep = "on_day" if dated.precision == "day" else "in_month"
        when_text = ctx.phrase(prep, when=written)
        text = ctx.phrase("took_place", name=dated.name, when=when_text, place="")
        return Reply(text, [dated.record_id])
    if dated.precision != "day":  # "July 2013": the day it opens is not known
        text = ctx.phrase("span_no_day_left", name=dated.name, when=written)
        return ctx.handoff(text, sources=[dated.record_id])
    target = (dated.end or dated.start) if closing else dated.start
    days = (target - ctx.today).days
    if days <= 0:
        text = ctx.phrase("span_under_way", name=dated.name, when=written)
        return Reply(text, [dated.record_id])
    key = "span_until_end" if closing else "span_until"
    on = day_words(target, ctx.language) if closing else written
    count = (days, "day") if days < DAYS_COUNTED else _elapsed(ctx.today, "day", target)
    text = ctx.phrase(key, name=dated.name, span=_span(ctx, *(count or (days, "day"))), when=on)
    return Reply(text, [dated.record_id])


def _since_then(ctx: Context, dated: Dated) -> Reply | None:
    """The whole years (months, days when less) from its start to now; None when less than
    its date's precision can count ("this year" of a record dated by its year)."""
    counted = _elapsed(dated.start, dated.precision, ctx.today)
    if counted is None:
        return None
    span = _span(ctx, *counted)
    written = _written(ctx, dated)
    key = "span_ago" if dated.takes_place else "span_since"
    text = ctx.phrase(key, name=dated.name, span=span, when=written)
    return Reply(text, [dated.record_id])


def _elapsed(start: dt.date, precision: str, today: dt.date) -> tuple[int, str] | None:
    """Whole years from ``start`` to ``today`` or, under a year, whole months (days under a
    month), no finer than ``precision`` allows; None when none has passed."""
    if precision == "year":
        years = today.year - start.year
        return (years, "year") if years > 0 else None
    months = (today.year - start.year) * 12 + today.month - start.month
    if precision == "day" and today.day < start.day:
        months -= 1
    if months >= 12:
        return months // 12, "year"
    if months >= 1:
        return months, "month"
    days = (today - start).days
    return (days, "day") if precision == "day" and days > 0 else None
