"""What a member can be reminded of: events to come, and award steps not over yet.

The chat front ends offer a "remind me" button under an answer about a dated record
and list what is coming up (Telegram's ``/remind``); when the member taps, the record
is read again here, so a button on an old message reminds of the record as it is now,
or of nothing when its day has passed. A reminder leaves the day before the day it is
about (:data:`REMIND_AT`; the store places it at 09:00 on
the member's clock, :func:`~hub.core.assistant.store.reminder_time`).

An award step that has not opened yet is reminded of on its first day; one that is
open, on its last day (the deadline of a call).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hub.core.assistant.answering import award_name
from hub.core.assistant.context import Context, event_name
from hub.core.assistant.dates import when
from hub.core.assistant.index import AwardView, EventView, KnowledgeIndex, StepView
from hub.core.assistant.tables import Tables

REMIND_AT = dt.time(8, 0, tzinfo=dt.UTC)
"""The day before the target, as the assistant tells the member; the store places the
reminder at 09:00 on the member's own clock that day (``store.reminder_time``)."""


@dataclass(frozen=True)
class Remindable:
    """A dated record, named in one language, and the day a reminder is about."""

    record_id: str
    step: str | None
    label: str
    when: str
    day: dt.date

    @property
    def remind_at(self) -> dt.datetime:
        return dt.datetime.combine(self.day - dt.timedelta(days=1), REMIND_AT)


def remindable(
    index: KnowledgeIndex,
    tables: Tables,
    record_id: str,
    step: str | None,
    *,
    language: str,
    today: dt.date,
) -> Remindable | None:
    """The reminder ``record_id`` (and ``step`` of an award) can have as of ``today``;
    None when the record is unknown, undated, or its day comes too soon to remind of."""
    ctx = Context(index, tables, language, today)
    found = index.record(record_id)
    target: Remindable | None = None
    if isinstance(found, EventView) and step is None:
        target = _event(ctx, found)
    elif isinstance(found, AwardView) and step is not None and step in found.steps:
        target = _step(ctx, found, found.steps[step])
    if target is None or target.remind_at.date() < today:
        return None
    return target


def upcoming(
    index: KnowledgeIndex, tables: Tables, *, language: str, today: dt.date, limit: int = 3
) -> list[Remindable]:
    """The next ``limit`` events and the next ``limit`` award steps a reminder can be set
    for, each group soonest first."""
    ctx = Context(index, tables, language, today)
    events = [_event(ctx, event) for event in index.events]
    steps = [_step(ctx, award, s) for award in index.awards for s in award.steps.values()]
    chosen: list[Remindable] = []
    for group in (events, steps):
        usable = [t for t in group if t is not None and t.remind_at.date() >= today]
        chosen += sorted(usable, key=lambda t: (t.day, t.label))[:limit]
    return chosen


def _event(ctx: Context, event: EventView) -> Remindable | None:
    if event.starts_on is None or event.precision in ("year", "unknown"):
        return None
    written = when(event.starts_on, event.ends_on, event.precision, ctx.language) or ""
    return Remindable(event.id, None, event_name(ctx, event), written, event.starts_on)


def _step(ctx: Context, award: AwardView, step: StepView) -> Remindable | None:
    if step.starts_on is None or step.precision in ("year", "unknown"):
        return None
    labels = ctx.tables.words_for("steps", ctx.language)
    label = f"{labels.get(step.step, step.step)} ({award_name(ctx, award)})"
    if step.starts_on > ctx.today or step.ends_on is None:
        written = when(step.starts_on, step.ends_on, step.precision, ctx.language) or ""
        return Remindable(award.id, step.step, label, written, step.starts_on)
    closing = when(step.ends_on, None, step.precision, ctx.language) or ""
    return Remindable(
        award.id, step.step, label, ctx.phrase("step_closes", when=closing), step.ends_on
    )
