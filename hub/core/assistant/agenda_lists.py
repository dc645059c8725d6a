"""What is on in a period ("what's on this month?", "¿qué hay en la agenda en enero?"):
the events in it, with the secretariat's agenda items and the award's steps dated in it
when the question names no kind and no topic, so "what is on" is all that is on.

The words naming the calendar itself ("the agenda", "le calendrier", "l'agenda de
l'OIDP") are where the asker looks, not a topic the listed records must hold.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.answers_base import MAX_LISTED, NOT_LISTED, Decision
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.context import Context, Reply, describe
from hub.core.assistant.index import AwardView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

CALENDAR_WORDS = {
    "en": ("agenda", "agendas", "calendar", "calendars", "schedule", "diary"),
    "es": ("agenda", "agendas", "calendario", "calendarios"),
    "fr": ("agenda", "agendas", "calendrier", "calendriers"),
    "ca": ("agenda", "agendes", "calendari", "calendaris"),
    "pt": ("agenda", "agendas", "calendario", "calendarios"),
}
"""Words naming the calendar a member looks in ("on the agenda", "dans le calendrier",
"a l'agenda", "no calendário"), in the five languages, accents removed: the place of what
is asked, never a topic that narrows a period's list."""


class AgendaLists(SlotAnswers):
    """A period's events, agenda items and award steps, listed by date."""

    def _calendar_terms(self) -> frozenset[str]:
        """The terms of :data:`CALENDAR_WORDS`, in every language's stemming."""
        if not hasattr(self, "_calendar_terms_cache"):
            analyser = self.retriever.analyser
            self._calendar_terms_cache = frozenset(
                analyser.stem(word, language)
                for words in CALENDAR_WORDS.values()
                for word in words
                for language in CALENDAR_WORDS
            ) | frozenset(w for words in CALENDAR_WORDS.values() for w in words)
        return self._calendar_terms_cache

    def _without_calendar(self, topic: list[set[str]]) -> list[set[str]]:
        """The topic of a period question without the words naming the calendar itself."""
        calendar = self._calendar_terms()
        return [o for o in topic if not o & calendar]

    def _agenda_of(self, reading: Reading) -> list[Doc]:
        """What the network does in a period besides its events: the secretariat's agenda
        items and the award steps dated in it (to the month or the day, not only the year)."""
        period = reading.period
        assert period is not None
        found = []
        for doc in self.retriever.docs:
            record = doc.record
            if doc.group == "event" and doc.kind in NOT_LISTED and isinstance(record, EventView):
                dated = record.span if record.precision != "year" else None
            elif doc.group == "step" and isinstance(record, AwardView) and doc.step:
                step = record.steps.get(doc.step)
                dated = self.span(doc) if step and step.starts_on else None
            else:
                continue
            if dated is not None and period.overlaps(*dated):
                found.append(doc)
        return found

    def _agenda_listed(
        self, ctx: Context, reading: Reading, agenda: list[Doc], confidence: float = 0.8
    ) -> Decision:
        """The period's records by date under one header: events described, agenda items
        described, award steps with their dates; every record listed cited once."""
        agenda = sorted(agenda, key=lambda d: ((self.span(d) or (dt.date.max,))[0], d.key))
        header = ctx.phrase("events_in", period=self._period_words(ctx, reading))
        lines = [header]
        for doc in agenda[:MAX_LISTED]:
            if isinstance(doc.record, EventView):
                lines.append(f"• {describe(ctx, doc.record)}")
            else:
                lines.append(f"• {self._when(ctx, doc).text}")
        if len(agenda) > MAX_LISTED:
            lines.append(ctx.phrase("and_more", count=len(agenda) - MAX_LISTED, total=len(agenda)))
        sources = list(dict.fromkeys(d.record_id for d in agenda[:MAX_LISTED]))
        return Decision(Reply("\n".join(lines), sources), "list", confidence)

    def _period_words(self, ctx: Context, reading: Reading) -> str:
        from hub.core.assistant.dates import period_words

        assert reading.period is not None
        seasons = ctx.tables.words_for("seasons", ctx.language)
        return period_words(reading.period, ctx.language, seasons)
