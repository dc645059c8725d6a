"""Yes or no about a record: from the sentence of the record that states what is asked
(:mod:`~hub.core.assistant.yesno`), or from the record being named wholly (a whole, an award
step), or from what the record is: one of the kind or of the whole the question names, its
dates against the period asked or today ("already closed?"), the years it states ("still
running in 2009?"), its own place ("was the 13th conference in Rabat?": no, Cascais). What
no record states is handed off.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import MIN_CONFIDENCE, TIE, Decision, _numbered, _years
from hub.core.assistant.answers_entries import _since
from hub.core.assistant.answers_slots import SlotAnswers, _step_sentence
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

ACTIVITY_KINDS = frozenset(
    {"working_group", "work_plan_task", "project", "strategic_priority", "work_plan"}
)
"""Records of work on something: one on new statutes does not say there are new statutes, so
a yes/no about what it works on is answered only when the question names the work itself."""


class YesNoAnswers(SlotAnswers):
    """Yes or no about a record, from what it states."""

    def _polar(
        self, ctx: Context, reading: Reading, best: Doc, terms: list[set[str]], confidence: float
    ) -> Decision:
        """Yes or no, only where the record states it: the place the question names is the
        record's own (an event held there, an office there), or every other word it asks
        about is in the record's own name (a record of that name exists). An FAQ answers in
        its own words; an office only planned is said to be planned. Anything else (whether
        it was free, online, cancelled, is still open) is no record's statement: handed off."""
        record = best.record
        places = [o for o in terms if o & self.retriever.place_terms]
        whole = self._whole_terms(best)  # "does the 2013 plan include...": its task's plan
        own = set().union(*best.names, whole) if best.names else set(whole)
        asked = [
            o
            for o in terms
            if not o & self._every_kind
            and not o & self.retriever.place_terms
            and not o & self._home_terms
            and not any(t[0] in "#y@?" and t[1:2].isdigit() for t in o)
            and not any(t.startswith("@") for t in o)
        ]
        named = all(o & own for o in asked)
        yes = True
        dated = isinstance(record, EventView) or (
            isinstance(record, AwardView) and best.step is not None
        )
        if reading.period is not None and dated:  # "is the Cascais meeting this autumn?"
            stated = None if named else self._stated(ctx, reading, best, terms, confidence)
            in_period = named or (places and isinstance(record, EventView))  # its own place
            answered = stated or (self._in_period(ctx, reading, best) if in_period else None)
            return answered or Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
        if places and isinstance(record, EventView):
            stated = None if named else self._stated(ctx, reading, best, terms, confidence)
            if stated is not None:  # "does the secretariat pay for ... the Cascais conference"
                return stated
            reply = self._when(ctx, best)
        elif isinstance(record, EntryView) and record.kind == "office":  # one there, or planned
            yes = record.data.get("status") == "founded"  # a planned one is said as planned
            reply = Reply(self._office(ctx, record), [record.id])
        elif places and isinstance(record, EntryView) and isinstance(record.data.get("city"), str):
            reply = self._entry_fact(ctx, "where", self._name(ctx, best), record)
        elif (
            named
            and (asked or best.kind_terms & set().union(*terms))
            and (
                best.kind not in ACTIVITY_KINDS
                or best.kind_terms & set().union(*terms)
                or self._whole_said(best, terms)
            )
            and (best.group != "step" or self._step_said(best, terms))
        ):
            reply = self._slot(ctx, reading, "what", best)
            yes = best.kind != "faq"  # an FAQ's answer says yes or no in its own words
        else:
            stated = self._stated(ctx, reading, best, terms, confidence)
            return stated or Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
        if reply.handoff:
            return Decision(reply, "yesno", min(confidence, 0.4))
        if yes:
            reply = Reply(ctx.phrase("yes", text=reply.text), reply.sources, target=reply.target)
        return Decision(reply, "yesno", confidence)

    def _stated(
        self, ctx: Context, reading: Reading, best: Doc, terms: list[set[str]], confidence: float
    ) -> Decision | None:
        """Yes or no from the sentence of ``best`` stating what the question asks
        (:mod:`~hub.core.assistant.yesno`); None when no sentence states it."""
        if reading.still:  # whether it still holds today: no dated record states that
            return None
        stated = self.statements.find(
            best, terms, ctx.language, self._home_terms | self._every_kind
        )
        if stated is None:
            return None
        text = ctx.phrase("what_is", name=self._name(ctx, best), text=stated.sentence)
        if stated.denies:  # "which does not pay for publishing the results"
            text = ctx.phrase("no", text=text)
        reply = Reply(text, [best.record_id])  # else the fact alone: words in one clause
        # ("organised by the city with the support of the secretariat") are no plain yes
        return Decision(reply, "yesno", max(confidence, MIN_CONFIDENCE), stated=True)

    def _whole_terms(self, doc: Doc) -> set[str]:
        """The terms of the names of the records ``doc`` is part of (its work plan)."""
        return set().union(*(n for w in self._whole_docs(doc) for n in w.names))

    def _whole_docs(self, doc: Doc) -> list[Doc]:
        """The records ``doc`` is part of (a task's work plan, an area's challenge)."""
        if not doc.wholes:
            return []
        if not hasattr(self, "_by_key"):
            self._by_key: dict[str, Doc] = {d.key: d for d in self.retriever.docs}
        return [self._by_key[k] for k in doc.wholes if k in self._by_key]

    def _whole_said(self, doc: Doc, terms: list[set[str]]) -> bool:
        """The question names the whole a part of work belongs to, by a word of its name
        beyond the network's and a number ("the 2013 work plan"): whether that whole
        includes the task or priority is what its record states by being one of its parts."""
        whole = self._whole_terms(doc) - self._home_terms
        return any(o & whole and not _numbered(o) for o in terms) and any(
            _numbered(o) and o & whole for o in terms
        )

    def _step_said(self, step: Doc, terms: list[set[str]]) -> bool:
        """The question says a word of the award step itself ("is the call open"), beyond
        the award's name: a yes/no about the award is no step's date ("does the award have
        a prize": not "yes, its preparation is in January")."""
        home = self._home_terms
        return any(
            step.terms.get(t) and t not in step.kind_terms and t not in home
            for o in terms
            if not _numbered(o)
            for t in o
        ) and any(t in self._step_terms and step.terms.get(t) for o in terms for t in o)

    def _polar_rescued(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, for a question the record path handed off, where the best record states
        it by what it is: the question names the record (a weighty word of its own name) and
        says nothing else but its kind or the whole it is part of ("is justice one of the Open
        Gov Challenge areas?": yes, the record of that area), or asks whether a dated record
        falls in a period ("is the meeting still this summer?": its dates say yes or no). A
        near tie with another record accounting for the question too (not its whole), a
        concept asked (a cost, a date), or any other word the record does not hold, and None:
        the handoff stands."""
        if not ranked:
            return None
        best_score, best = ranked[0]
        period = reading.period
        lasting = (
            isinstance(best.record, EntryView)
            and period is not None
            and period.kind == "year"
            and (_years(best.record.data) is not None or _since(best.record.data)[0] is not None)
        )
        if lasting:  # "was it still running in 2009": the year is the period, not a name
            year = f"y{period.start.year}" if period else ""
            terms = [o for o in terms if year not in o and not o & self.statements.lasting]
        dated = isinstance(best.record, EventView) or (
            isinstance(best.record, AwardView) and best.step is not None
        )
        over = dated and period is None and any(o & self.statements.over for o in terms)
        if over:  # "is the call already closed?": its dates against today
            terms = [o for o in terms if not o & self.statements.over]
        framed = self._framed_by(best, terms)
        if framed is None:
            return None if over else self._elsewhere(ctx, reading, ranked, terms)
        kind_said = best.kind_terms & set().union(*terms) if terms else set()
        if any(  # a near tie with a record that accounts for the question as well
            s >= best_score * TIE
            and d.record_id != best.record_id
            and d.key not in best.wholes
            and best.key not in d.wholes
            and (not kind_said or bool(d.kind_terms & kind_said))  # the kind asked
            and self._framed_by(d, terms) is not None
            for s, d in ranked[1:]
        ):
            return None
        if lasting:
            return self._in_year(ctx, reading, best)
        if over:
            return self._over(ctx, best)
        if reading.period is not None:
            return self._in_period(ctx, reading, best)
        if not framed or best.kind == "faq":
            return None  # an FAQ says yes or no in its own words
        if reading.still and not self._current_at(ctx, best):
            return None  # "does it still exist": only a record of the asker's own time says so
        reply = self._slot(ctx, reading, "what", best)
        if reply.handoff:
            return None
        text = ctx.phrase("yes", text=reply.text)
        return Decision(Reply(text, reply.sources, target=reply.target), "yesno", MIN_CONFIDENCE)

    def _current_at(self, ctx: Context, doc: Doc) -> bool:
        """The record is of the asker's own time: its dates hold today, or, undated, the
        document it comes from is of this year (a working group of this year's plan)."""
        if isinstance(doc.record, EntryView):
            return self.era(doc) == ctx.today.year
        span = self.span(doc)
        return span is not None and span[0] <= ctx.today <= span[1]

    def _elsewhere(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """No, with the record's own place: the question names one record wholly, by its
        edition's number, and asks whether it is held in a place that is not its own ("was
        the 13th conference in Rabat?"), and no other record named so is of that place. None
        otherwise: a record named by its name alone may have a namesake elsewhere ("is there
        a lobby registry in Valencia?" is not answered by Madrid's)."""
        best_score, best = ranked[0]
        record = best.record
        if reading.period is not None or not isinstance(record, EventView | EntryView):
            return None
        if isinstance(record, EntryView) and not isinstance(record.data.get("city"), str):
            return None
        if isinstance(record, EventView) and not record.city:
            return None
        places = self.retriever.place_terms
        if not any(o & places for o in terms) or self._framed_by(best, terms, True) is None:
            return None
        if not any(_numbered(o) and any(best.terms.get(t) for t in o) for o in terms):
            return None  # "is there a lobby registry in Valencia": another one may be there
        if any(  # a record of that place the question names as well: no contradiction
            s >= best_score * TIE and self._framed_by(d, terms) is not None for s, d in ranked[1:]
        ):
            return None
        reply = self._slot(ctx, reading, "where", best)
        if reply.handoff:
            return None
        text = ctx.phrase("no", text=reply.text)
        return Decision(Reply(text, reply.sources, target=reply.target), "yesno", MIN_CONFIDENCE)

    def _framed_by(
        self, best: Doc, terms: list[set[str]], places_asked: bool = False
    ) -> bool | None:
        """Whether every word of the question is accounted for by ``best`` (a place not its
        own too, when ``places_asked``): None when one is not; else True when, beyond what
        names the record (a weighty word of its own name, or its edition's number), the
        question says its kind or the name of a whole it is part of ("the Open Gov Challenge
        areas": a word of the whole's text then counts too), False when it says only the
        record's name."""
        whole_names = self._whole_terms(best)
        wholes = self._whole_docs(best)
        own = set().union(*best.names, best.own_places) if best.names else set(best.own_places)
        framing = self.statements.membership
        steps = self._step_terms if best.group == "step" else set()
        edition = best.group in {"award", "step"} or (
            isinstance(best.record, EventView) and best.record.number is not None
        )  # "the 13th conference": its number names it
        named = framed = False
        loose = []
        for options in terms:
            plain = {t for t in options if not t.startswith("@")}
            if not plain:
                return None  # a concept (a cost, a date) is asked: no name states it
            if plain & framing or plain & self._home_terms:
                continue
            if _numbered(options):
                if not any(best.terms.get(t) for t in options):
                    return None  # another edition or year than the record's
                named = named or edition
                continue
            if options & best.kind_terms:
                framed = True  # "the working group on...": its kind, even in its own name
            if options & own and not options & whole_names:
                named = named or (self._weighty(options) and not options & best.kind_terms)
                continue
            if options & (best.kind_terms | whole_names | steps):
                framed = True
                continue
            if options & own:
                continue
            if options & self.retriever.place_terms:
                if places_asked:  # "was it in Lisbon?": the place asked, not the record's
                    continue
                return None  # a place the record is not of
            if self._weighty(options):
                loose.append(options)
        said_whole = any(o & whole_names for o in terms)
        for options in loose:  # "the areas of the challenge": the whole's text says "areas"
            if not (said_whole and any(w.terms.get(t) for w in wholes for t in options)):
                return None
        return framed if named else None

    def _in_period(self, ctx: Context, reading: Reading, best: Doc) -> Decision | None:
        """Yes when the dated record falls wholly in the period asked, no when wholly outside
        it, with its dates; a record dated more loosely than the period (a year, asked of a
        season) or without dates says neither."""
        period = reading.period
        record = best.record
        dated = isinstance(record, EventView) or (
            isinstance(record, AwardView) and best.step is not None
        )
        span = self.span(best) if dated else None
        if period is None or span is None:
            return None
        inside = period.start <= span[0] and span[1] <= period.end
        outside = span[1] < period.start or period.end < span[0]
        if not inside and not outside:
            return None
        reply = self._when(ctx, best)
        if reply.handoff:
            return None
        text = ctx.phrase("yes" if inside else "no", text=reply.text)
        return Decision(Reply(text, reply.sources, target=reply.target), "yesno", MIN_CONFIDENCE)

    def _over(self, ctx: Context, best: Doc) -> Decision | None:
        """Yes when the dated record ended before today, no when it has not begun, with its
        dates; None while it is on or when its dates are not stated."""
        span = self.span(best)
        if span is None or span[0] <= ctx.today <= span[1]:
            return None
        record = best.record
        if isinstance(record, AwardView) and best.step in record.steps:  # its date, said
            step = record.steps[best.step]  # even when past (no "next edition" handoff)
            reply = Reply(_step_sentence(ctx, record, step), [record.id])
        else:
            reply = self._when(ctx, best)
        if reply.handoff:
            return None
        text = ctx.phrase("yes" if span[1] < ctx.today else "no", text=reply.text)
        return Decision(Reply(text, reply.sources, target=reply.target), "yesno", MIN_CONFIDENCE)

    def _in_year(self, ctx: Context, reading: Reading, best: Doc) -> Decision | None:
        """Whether a record that states its years (2004 to 2007) or its start (since 2006)
        held in the year asked: yes or no, with the years it states."""
        record = best.record
        period = reading.period
        if not isinstance(record, EntryView) or period is None:
            return None
        year = period.start.year
        span = _years(record.data)
        began = _since(record.data)[0]
        if span is not None:
            held = span[0] <= year <= span[1]
        elif began is not None:
            held = began.year <= year
        else:
            return None
        reply = self._entry_slot(ctx, "when", best, record)
        if reply.handoff:
            return None
        text = ctx.phrase("yes" if held else "no", text=reply.text)
        return Decision(Reply(text, reply.sources), "yesno", MIN_CONFIDENCE)
