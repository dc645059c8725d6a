"""Questions about a **period** (next week, in October 2020, this autumn): the events in it,
narrowed by whatever else the question names, or that one event's slot, or a handoff when
they are not what is asked.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.answers_base import MAX_LISTED, Decision, _numbered
from hub.core.assistant.context import Context, Reply, describe
from hub.core.assistant.event_narrowing import EventNarrowing
from hub.core.assistant.hour_asked import hour_asked_of
from hub.core.assistant.index import EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

OTHER_WORDS = frozenset(
    {"other", "otras", "otros", "otra", "otro", "autres", "autre", "altres", "altre", "altra"}
    | {"outras", "outros", "outra", "outro"}
)
"""Words between a question word and what it asks for ("which other networks")."""


class PeriodAnswers(EventNarrowing):
    """The events of a period, or the slot asked of its one event."""

    def _period(
        self,
        ctx: Context,
        reading: Reading,
        ranked: list[tuple[float, Doc]],
        kind_terms: set[str],
        content: list[set[str]],
        terms: list[set[str]],
    ) -> Decision:
        pool = self._period_pool(reading)
        numbers = [c for c in content if any(t[0] == "#" and t[1:].isdigit() for t in c)]
        topic = self._without_calendar(self._topic(content)) + numbers  # "seminar 2"
        kind_words = [o & kind_terms for o in terms if o & kind_terms]
        chosen = self._narrow(pool, ranked, kind_terms, topic, kind_words)
        qtype = reading.qtype or "what"
        asked = hour_asked_of(chosen, content) if reading.hour and qtype == "when" else None
        chosen = [asked] if asked is not None else chosen  # the hour of one, not the day's
        idf = self.retriever.idf
        unknown = [c for c in content if not any(t in idf for t in c) and not _numbered(c)]
        if len(unknown) >= 2 and not kind_terms:  # "reserve nights in July": not the events
            return Decision(ctx.handoff(), qtype, 0.2)
        if (
            chosen
            and not kind_terms
            and qtype in {"list", "what"}
            and self._object_unheld(ctx, reading, chosen)
        ):
            return Decision(ctx.handoff(), qtype, 0.2)  # "which networks ... this year"
        on = chosen and not kind_terms and not topic and qtype in {"list", "what"}
        agenda = self._agenda_of(reading) if on else []
        if agenda:  # "what's on this month?": the award's steps and the agenda too
            return self._agenda_listed(ctx, reading, [*chosen, *agenda], 0.9)
        if len(chosen) == 1 and qtype == "list" and self._own_name_said(chosen[0], topic):
            reply = self._slot(ctx, reading, "what", chosen[0])  # "the initiatives in the
            return Decision(reply, qtype, 0.8 if not reply.handoff else 0.3)  # roundup"
        if len(chosen) == 1 and qtype in {"when", "where", "who", "what"}:  # that event's slot
            reply = self._slot(ctx, reading, qtype, chosen[0])
            if not reply.handoff and self._next_but_over(ctx, reading, chosen[0]):
                return Decision(ctx.handoff(reply.text, sources=reply.sources), qtype, 0.3)
            return Decision(reply, qtype, 0.8 if not reply.handoff else 0.3)
        if len(chosen) == 1 and qtype == "yesno":  # "is the 2020 conference in Abidjan?"
            elsewhere = self._unheld_place(ctx, reading)  # type: ignore[attr-defined]
            record = chosen[0].record  # "in Montreal?", a place no record writes: no, where
            if elsewhere and not (isinstance(record, EventView) and record.city):  # it is
                return Decision(ctx.handoff(), qtype, 0.2)  # held, or not known where it is
            reply = self._when(ctx, chosen[0])
            if not reply.handoff:
                said = "no" if elsewhere else "yes"
                reply = Reply(ctx.phrase(said, text=reply.text), reply.sources, target=reply.target)
            return Decision(reply, qtype, 0.8 if not reply.handoff else 0.3)
        if chosen and self._kind_qualified(ctx, reading, chosen, kind_terms):
            known = self._known_as_group(ctx, reading)  # type: ignore[attr-defined]
            return known or Decision(ctx.handoff(), qtype, 0.2)  # "outside events this year"
        if not chosen and qtype == "when":  # "when was the Cascais conference in 2014?"
            named = self._named_outside(reading, ranked, terms)
            if named is not None:  # the one record named singly: its own dates answer
                reply = self._when(ctx, named)
                return Decision(reply, qtype, 0.6 if not reply.handoff else 0.3)
        if not chosen:
            if pool:  # events there are, none of what it names: no "no event in 2020"
                return Decision(ctx.handoff(), qtype, 0.2)
            agenda = [] if kind_terms or topic else self._agenda_of(reading)
            if agenda:  # no event, but the secretariat's own work and the award's steps
                return self._agenda_listed(ctx, reading, agenda)
            return Decision(
                ctx.handoff(ctx.phrase("no_events_in", period=self._period_words(ctx, reading))),
                "list",
                0.3,
            )
        chosen.sort(key=lambda d: (d.record.starts_on or dt.date.max, d.key))  # type: ignore[union-attr]
        header = ctx.phrase("events_in", period=self._period_words(ctx, reading))
        lines = [header, *(f"• {describe(ctx, d.record)}" for d in chosen[:MAX_LISTED])]  # type: ignore[arg-type]
        if len(chosen) > MAX_LISTED:
            lines.append(ctx.phrase("and_more", count=len(chosen) - MAX_LISTED, total=len(chosen)))
        return Decision(Reply("\n".join(lines), [d.record_id for d in chosen]), "list", 0.9)

    def _period_pool(self, reading: Reading) -> list[Doc]:
        """The listed events that fall in the question's period."""
        period = reading.period
        assert period is not None
        pool = []
        for doc in self._events():
            record = doc.record
            assert isinstance(record, EventView)
            span = record.span
            if span is None or (record.precision == "year" and period.kind != "year"):
                continue
            if period.overlaps(*span):
                pool.append(doc)
        return pool

    def _object_unheld(self, ctx: Context, reading: Reading, chosen: list[Doc]) -> bool:
        """The question word is followed by what is asked for ("which networks does the
        network work with this year", "amb quines xarxes", "¿con qué redes?"), a word the
        records know that is no kind of event, and none of the events of the period holds
        it: they are not what is asked (an event the network collaborates in is no network
        it collaborates with), so the question is handed off. A word found in most records
        ("networks") still counts: the events answered must hold it."""
        words = reading.words
        found = self.retriever.vocabulary.question_words.find(words[:3], fuzzy=False)
        if not found:
            return False
        at = found[0].end
        while at < len(words) and words[at] in OTHER_WORDS:  # "which other networks"
            at += 1
        after = words[at : at + 1]
        if not after or after[0] not in reading.content:
            return False
        asked = self.retriever.query_terms(after, ctx.language)
        if not asked or not any(t in self.retriever.idf for t in asked[0]):
            return False  # a word no record knows is as often a verb ("¿qué hará...?")
        options = asked[0]
        skipped = self._every_kind | self.retriever.place_terms | self._happening_terms
        if options & skipped or _numbered(options):
            return False
        return not any(d.terms.get(t) for d in chosen for t in options)

    def _own_name_said(self, doc: Doc, topic: list[set[str]]) -> bool:
        """The question says a word of the event's own name that narrows ("the Roundup of
        last month"): asked for a list, it asks what that event holds (the initiatives in
        the roundup), not which events the period has, which would be that one alone."""
        own = set().union(*doc.names) if doc.names else set()
        return any(o & own and self._weighty(o) for o in topic)

    def _next_but_over(self, ctx: Context, reading: Reading, doc: Doc) -> bool:
        """The question asks for the next one ("the next conference after the one in Abidjan
        last year") and the one event of its period is over: that event is not what it
        asks, and the one after it is not known, so the question is handed off (what the
        event was is still said)."""
        marks = self.retriever.vocabulary.next_last.find(list(reading.words), fuzzy=False)
        if not any(m.value == "next" for m in marks):
            return False
        span = self.span(doc)
        return span is not None and span[1] < ctx.today
