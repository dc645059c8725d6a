"""Yes or no about a record: from the sentence of the record that states what is asked
(:mod:`~hub.core.assistant.yesno`), or from the record being named wholly (a whole, an award
step), or from what the record is: one of the kind or of the whole the question names, its
dates against the period asked or today ("already closed?"), the years it states ("still
running in 2009?"), its own place ("was the 13th conference in Rabat?": no, Cascais). What
no record states is handed off.

The answer is built on three mixins, each in its own module: what the records state
(:mod:`answers_yesno_stated`), their dates (:mod:`answers_yesno_dates`) and their places
(:mod:`answers_yesno_places`).
"""

from __future__ import annotations

from hub.core.assistant.answers_base import MIN_CONFIDENCE, TIE, Decision, _numbered
from hub.core.assistant.answers_yesno_dates import ACTIVITY_KINDS
from hub.core.assistant.answers_yesno_places import YesNoPlaces
from hub.core.assistant.answers_yesno_stated import _name_terms
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.done_asked import done_asked_of_a_plan
from hub.core.assistant.figures_claimed import figures_claimed, figures_stated, with_figures
from hub.core.assistant.hours_claimed import time_stated
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.subject_grounded import subject_unheld
from hub.core.assistant.yesno import _texts
from hub.core.assistant.yesno_dated import stating_its_date

UNHELD = 2
"""Of the words a yes/no question asks about, this many that the one record cited does not
hold (nor a whole it is part of) make it a record of something else: handed off."""


class YesNoAnswers(YesNoPlaces):
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
            in_period = named or (  # its own place, and nothing else asked it does not write
                places
                and isinstance(record, EventView)
                and not self._unwritten(ctx, best, terms)  # "a session on observatories?"
            )
            answered = stated or (self._in_period(ctx, reading, best) if in_period else None)
            return answered or Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
        if places and isinstance(record, EventView):
            stated = None if named else self._stated(ctx, reading, best, terms, confidence)
            if stated is not None:  # "does the secretariat pay for ... the Cascais conference"
                return stated
            if not named and self._unwritten(ctx, best, terms):  # "is it postponed?"
                return Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
            reply = self._when(ctx, best)
        elif isinstance(record, EntryView) and record.kind == "office":  # one there, or planned
            if reading.period is not None or any(_numbered(o) for o in terms):
                founded = self._founded_in(ctx, reading, best, terms)  # "set up in 2013?"
                return founded or Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
            yes = record.data.get("status") == "founded"  # a planned one is said as planned
            reply = Reply(self._office(ctx, record), [record.id])
        elif places and isinstance(record, EntryView) and isinstance(record.data.get("city"), str):
            if not named and self._unwritten(ctx, best, terms):  # "is Bogotá a member?"
                return Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
            if self._home_unwritten(best, terms):  # "is Bogotá a member of the IOPD?": an
                return Decision(ctx.handoff(), "yesno", min(confidence, 0.3))  # OGP example
            reply = self._entry_fact(ctx, "where", self._name(ctx, best), record)
        elif (
            named
            and (asked or best.kind_terms & set().union(*terms))
            and not self._kind_unwritten(ctx, best, terms)
            and (
                best.kind not in ACTIVITY_KINDS
                or best.kind_terms & set().union(*terms)
                or self._whole_said(best, terms)
            )
            and (best.group != "step" or self._step_said(best, terms))
        ):
            reply = self._slot(ctx, reading, "what", best)
            if not reply.handoff:  # the edition of that year, the event held then and there
                text = stating_its_date(ctx, best, reply.text, self._when)
                reply = Reply(text, reply.sources, target=reply.target)
            yes = best.kind != "faq"  # an FAQ's answer says yes or no in its own words
        else:
            stated = self._stated(ctx, reading, best, terms, confidence)
            return stated or Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
        if reply.handoff:
            return Decision(reply, "yesno", min(confidence, 0.4))
        if yes:
            reply = Reply(ctx.phrase("yes", text=reply.text), reply.sources, target=reply.target)
        return Decision(reply, "yesno", confidence)

    def _polar_rescued(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, for a question the record path handed off: from what the best record
        is (:meth:`_rescued_by_what`), else from the dates of the one dated record it names
        singly, asked of a year or month (:meth:`_dated_named`), else from the sentence of a
        record ranked near it that states what is asked (:meth:`_stated_among`)."""
        return (
            self._office_planned(ctx, reading, terms)  # "did the office open?": no event's
            or self._dated_now(ctx, reading, ranked, terms)  # dates, even one held there
            or self._founded_among(ctx, reading, ranked, terms)
            or self._years_ran(ctx, ranked, terms)
            or self._rescued_by_what(ctx, reading, ranked, terms)
            or self._dated_named(ctx, reading, ranked, terms)
            or self._step_in_period(ctx, reading, ranked, terms)
            or self._stated_among(ctx, reading, ranked, terms)
            or self._plainly_claimed(ctx, reading, ranked, terms)
        )

    def _plainly_claimed(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its dates or place, for a dated record the question claims a time
        or place of in words the record does not write: scheduled or held ("is the 2020
        conference planned for August?", "¿está prevista en Abidjan?", "s'est-il tenu à
        Lisbonne ?": such a word states nothing beyond its own dates and place), or the
        network's numbered conference called a congress ("le 13e congrès de l'OIDP": its
        13th conference, by its number). Asked so, the question is answered as if it asked
        whether the record is then or there. Only an event answers so (an office "planned"
        is a status)."""
        if not ranked or not isinstance(ranked[0][1].record, EventView):
            return None
        best = ranked[0][1]
        unsaid = self.statements.scheduling | self._happening_terms  # "s'est-il tenu"
        kept = [o for o in terms if not o & unsaid]
        if kept and self._congress_numbered(best, kept):
            own_kind = set().union(*best.names) & best.kind_terms  # "conferenc"
            kept = [own_kind if o & self.statements.congress else o for o in kept]
        if kept == terms or not kept:
            return None
        return self._rescued_by_what(ctx, reading, ranked, kept) or self._dated_named(
            ctx, reading, ranked, kept
        )

    def _rescued_by_what(
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
        period = reading.period
        if period is not None and period.kind == "year":  # "still working with UCLG in 2010?":
            top = ranked[0][0]  # of near-tied records, the one stating its years and most
            said = [  # of what is asked beside the year is asked
                o for o in terms if not _numbered(o) and not o & self.statements.lasting
            ]
            stating = [(s, d) for s, d in ranked if s >= top * TIE and self._states_years(d)]
            if stating:
                chosen = max(stating, key=lambda p: self.coverage(p[1], said))
                ranked = [chosen, *[(s, d) for s, d in ranked if d is not chosen[1]]]
        best_score, best = ranked[0]
        lasting = period is not None and period.kind == "year" and self._states_years(best)
        if lasting:  # "was it still running in 2009": the year is the period, not a name
            year = f"y{period.start.year}" if period else ""
            terms = [o for o in terms if year not in o and not o & self.statements.lasting]
        dated = isinstance(best.record, EventView) or (
            isinstance(best.record, AwardView) and best.step is not None
        )
        over = dated and period is None and any(o & self.statements.over for o in terms)
        if over:  # "is the call already closed?": its dates against today
            terms = [o for o in terms if not o & self.statements.over]
        span = self.span(best) if dated else None
        opening = (
            dated
            and not over
            and not reading.still
            and span is not None
            and (period is None or period.start <= span[0] <= span[1] <= period.end)
            and any(o & self.statements.opening for o in terms)
        )  # "is the call for sessions of the 2020 conference open yet?": its dates, today
        if opening:
            terms = [o for o in terms if not o & self.statements.opening]
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
            and (not lasting or self._states_years(d))  # only years answer "in 2010?"
            and self._framed_by(d, terms) is not None
            for s, d in ranked[1:]
        ):
            return None
        if lasting:
            return self._in_year(ctx, reading, best)
        if over:
            return self._over(ctx, best)
        if opening:
            return self._open(ctx, best)
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

    # --- the rule: a yes or no is only given where the record states what is asked ----------

    def _polar_checked(
        self, ctx: Context, reading: Reading, terms: list[set[str]], decision: Decision
    ) -> Decision:
        """The yes/no answer checked against what its records state (:meth:`_polar_stated`),
        and against the figure the question claims: a "yes" to "over 600 lobbies?" carries
        the record's own figure; a figure no record cited writes is handed off."""
        checked = self._polar_stated(ctx, reading, terms, decision)
        if checked.reply.handoff or not checked.reply.sources:
            return checked
        if self._subject_unheld(ctx, reading, checked):  # "the 2018 plan?" of a 2013 meeting
            return Decision(ctx.handoff(), "yesno", min(checked.confidence, 0.3))
        if reading.hour_claimed is not None:  # "starts at 4 pm?": the record's own time
            return self._hour_checked(ctx, reading, checked)
        claimed = figures_claimed(reading.text)
        if not claimed:
            return checked
        records = [d.record for i in checked.reply.sources for d in self._docs_of(i)[:1]]
        stated = figures_stated(records)
        if not claimed <= stated.keys():  # "over 900?" of a record writing 600+
            return Decision(ctx.handoff(), "yesno", min(checked.confidence, 0.3))
        proses = [
            _texts(d, ctx.language) for i in checked.reply.sources for d in self._docs_of(i)[:1]
        ]
        text = with_figures(checked.reply.text, claimed, stated, proses, reading.words)
        reply = Reply(text, checked.reply.sources, target=checked.reply.target)
        return Decision(reply, checked.intent, checked.confidence, checked.stated)

    def _subject_unheld(self, ctx: Context, reading: Reading, checked: Decision) -> bool:
        """A year or a name the question asks about that no record cited holds."""
        period = reading.period
        years = set(range(period.start.year, period.end.year + 1)) if period else set()
        cited = [d for i in checked.reply.sources for d in self._docs_of(i)]
        return subject_unheld(
            reading.text,
            years,
            cited,
            self.retriever.docs,
            lambda w: self.retriever.analyser.terms(w, ctx.language),
            self._home_terms | self.retriever.place_terms,
        )

    def _hour_checked(self, ctx: Context, reading: Reading, checked: Decision) -> Decision:
        """A time of day claimed, answered from the one record cited that states its time:
        yes when it starts at the hour claimed, no otherwise, with its date and time either
        way; a record with no time, or several records, hand the question off."""
        claimed = reading.hour_claimed
        docs = [d for i in checked.reply.sources for d in self._docs_of(i)[:1]]
        if claimed is None or len(docs) != 1:
            return self._no_hour(ctx, checked)
        if checked.reply.text.startswith(ctx.phrase("no", text="").strip()):
            return checked  # "no" to another fact it claims (a place, a year), said already
        stated = time_stated(getattr(docs[0].record, "time", None))
        if stated is None:  # a date, no time: the hour is not on record
            return self._no_hour(ctx, checked)
        reply = self._slot(ctx, reading, "when", docs[0])
        if reply.handoff:
            return self._no_hour(ctx, checked)
        said = "yes" if stated == (claimed.hour, claimed.minutes) else "no"
        text = ctx.phrase(said, text=reply.text)
        return Decision(
            Reply(text, reply.sources, target=reply.target), "yesno", checked.confidence, True
        )

    @staticmethod
    def _no_hour(ctx: Context, checked: Decision) -> Decision:
        return Decision(ctx.handoff(), "yesno", min(checked.confidence, 0.3))

    def _polar_stated(
        self, ctx: Context, reading: Reading, terms: list[set[str]], decision: Decision
    ) -> Decision:
        """The yes/no answer, kept only where the records it cites state every place,
        body, edition number and year the question names: a "yes" from the dates while the
        city asked is absent is partial evidence, not a statement. A place asked that is not
        the record's own, of an event named by its edition or dated in the period asked, is a
        "no" with its own place; whatever else the records do not state is handed off. An
        answer naming several records (a list) answers only what each of them holds."""
        sources = decision.reply.sources
        if not decision.reply.handoff and done_asked_of_a_plan(
            reading.words, ctx.language, sources, self.retriever.docs
        ):  # "has it already been done?" of a plan's task: the plan says what was planned
            return Decision(ctx.handoff(), decision.intent, min(decision.confidence, 0.3))
        placed = self._subject_placed(ctx, reading, terms)
        if placed is not None:  # "is the secretariat in Dakar?": its own place, not Dakar's
            return placed
        other = self._another_part_named(ctx, terms)
        if other is not None:  # "is task 4 the PARTICIPATE platform?": no, that is task 22
            return other
        cited = self._docs_of(decision.reply.sources[0]) if decision.reply.sources else []
        if len(decision.reply.sources) == 1 and len(cited) == 1 and not decision.reply.handoff:
            part = self._part_stating(
                ctx, reading, cited[0], terms, decision.confidence, decision.reply.text
            )
            if part is not None:  # "is Aragón in a circle?": the circle, not all circles
                return part
        if len(cited) == 1 and not decision.reply.handoff:  # "ran from 2004 to 2007?"
            ran = self._years_ran(ctx, [(1.0, cited[0])], terms)
            if ran is not None:
                return ran
        if len(cited) == 1 and not decision.reply.handoff:  # (with the records agreeing)
            subject = self._named_stating(ctx, reading, cited[0], terms, decision)
            if subject is not None:  # "can members hold up to 10 commitments?": the limit's
                return subject  # record, not the FAQ
        reply = decision.reply
        if reply.handoff or not reply.sources:
            return decision
        handoff = ctx.phrase("handoff")
        if handoff in reply.text:  # "no date for it" said within an answer: it is not passed on
            text = " ".join(reply.text.replace(handoff, " ").split())
            reply = Reply(text, reply.sources, target=reply.target)
            decision = Decision(reply, decision.intent, decision.confidence, decision.stated)
        docs = [self._docs_of(i) for i in reply.sources]
        if not all(docs):
            return decision
        planned = [
            d.record
            for ds in docs
            for d in ds
            if isinstance(d.record, EntryView)
            and d.record.kind == "office"
            and d.record.data.get("status") != "founded"
        ]
        if planned and self.statements.opening_asked(reading.words):  # "has it opened?"
            text = self._office(ctx, planned[0])  # planned, and "the documents do not say it
            if self._today_asked(reading) or self.statements.plan_said(reading.words, ctx.language):
                # opened": no answer to "is it open now?", nor to one who knows the plan
                reply = ctx.handoff(text, sources=[planned[0].id])
                return Decision(reply, "yesno", min(decision.confidence, 0.3))
            reply = Reply(text, [planned[0].id])  # "did it ever open?": the record's own
            return Decision(reply, "yesno", max(decision.confidence, MIN_CONFIDENCE), True)
        period = reading.period
        if (
            not decision.stated
            and not reading.still
            and (period is None or period.kind == "year")  # "opens in February?": a month
            and self.statements.opening_asked(reading.words)
        ):  # "is the call open yet?": the dates of the one record asked, against today
            return self._opened(ctx, terms, docs) or Decision(
                ctx.handoff(), "yesno", min(decision.confidence, 0.3)
            )
        dated = [d for d in docs[0] if self._dated(d) and d.group in {"event", "step"}]
        if (
            len(docs) == 1
            and dated
            and not decision.stated
            and not reading.still
            and period is None
            and set(reading.words) & self.statements.over_words
            and all(self._states(docs[0], o) for o in self._asked_words(terms))
            and not self._unheld_place(ctx, reading)  # "did it take place in Montreal?"
        ):  # "has the 20th conference already happened?": its dates against today (not
            # "has the secretariat already confirmed it will attend": no date says that)
            step = max(dated, key=lambda d: self.coverage(d, terms))  # the call, of an award
            return self._over(ctx, step) or Decision(
                ctx.handoff(), "yesno", min(decision.confidence, 0.3)
            )
        named = self._named_in(ctx, reading, terms, counted=not decision.stated)
        missing = [o for o in named if not all(self._states(ds, o) for ds in docs)]
        said_no = reply.text.startswith(ctx.phrase("no", text="").strip())
        if said_no and len(docs) == 1:  # "still running in 2009?": no, from 2004 to 2007
            missing = [o for o in missing if not _numbered(o) or not any(map(self._dated, docs[0]))]
        if len(docs) == 1 and not missing and not decision.stated:  # "is there a session
            asked = self._asked_words(terms)  # on local observatories?": a session of the
            unheld = [o for o in asked if not self._states(docs[0], o)]  # members, no
            if len(unheld) >= UNHELD:  # statement; one word may be the record's synonym
                missing = unheld
        listed = len(docs) > 1 and all(d.group == "event" for ds in docs for d in ds)
        said = set().union(*terms) if terms else set()
        if (
            listed
            and not missing
            and not said & self._event_kind_terms
            and self._asked_words(terms)
        ):  # "was it working with UCLG in 2012?" asks something, not about events: the
            # year's events are no yes or no ("anything next week?" asks for them)
            return Decision(ctx.handoff(), "yesno", min(decision.confidence, 0.3))
        if listed and not missing:  # a list of events says which there are: what none of
            asked = self._asked_words(terms)  # them holds ("online?") is not answered
            missing = [o for o in asked if not any(self._states(ds, o) for ds in docs)]
        if not missing:
            return decision
        if (
            said_no
            and len(docs) == 1
            and all(o in self._named_place(ctx, reading) for o in missing)
        ):
            return decision  # "the 13th in Lisbon?": no, in Cascais (a city no record is in)
        spelt = self._named_place(ctx, reading)  # "à Paris": a place, though no record's
        if len(docs) == 1 and all(o & self.retriever.place_terms or o in spelt for o in missing):
            placed = self._placed(ctx, reading, terms, named, missing, docs[0])
            if placed is not None:
                return placed
        return Decision(ctx.handoff(), "yesno", min(decision.confidence, 0.3))

    def _another_part_named(self, ctx: Context, terms: list[set[str]]) -> Decision | None:
        """No, with both names: the question names one part of a whole by its number (task
        4 of the 2020 plan) and asks whether it is what another part of that whole is named
        (the PARTICIPATE platform, task 22's name), which its own name does not say."""
        numbered = [o for o in terms if _numbered(o)]
        if not numbered:
            return None
        by_number = [
            d
            for d in self.retriever.docs
            if d.wholes
            and all(o & (_name_terms(d) | self._whole_terms(d)) for o in numbered)
            and any(o & _name_terms(d) and not o & self._whole_terms(d) for o in numbered)
        ]
        if len({d.record_id for d in by_number}) != 1:
            return None
        doc = by_number[0]
        if not any(o & doc.kind_terms for o in terms):
            return None  # "seminar 1" is no task 1: the part is named by its kind and number
        beyond = self._whole_terms(doc) | self._home_terms | doc.kind_terms
        words = [o for o in self._asked_words(terms) if not o & beyond]
        if not words or all(o & _name_terms(doc) for o in words):
            return None
        said = [o for o in terms if not _numbered(o) and not o & self._whole_terms(doc)]
        siblings = {
            d.record_id: (sum(1 for o in said if o & _name_terms(d)), d)
            for d in self._parts_of_key(doc.wholes)
            if d.record_id != doc.record_id and all(o & _name_terms(d) for o in words)
        }
        ranked = sorted(siblings.values(), key=lambda p: -p[0])
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None  # none, or two named as well ("participation": several tasks)
        other = ranked[0][1]
        text = f"{self._name(ctx, doc)}. {self._name(ctx, other)}."
        reply = Reply(ctx.phrase("no", text=text), [doc.record_id, other.record_id])
        return Decision(reply, "yesno", MIN_CONFIDENCE, stated=True)

    def _opened(
        self, ctx: Context, terms: list[set[str]], docs: list[list[Doc]]
    ) -> Decision | None:
        """Whether the one dated record among those cited that holds every other word asked
        (the call, not the conference it is for) is open today, from its dates."""
        opening = self.statements.opening
        asked = [o for o in self._asked_words(terms) if not o & opening]
        dated = [
            d
            for ds in docs
            for d in ds
            if (isinstance(d.record, EventView) or d.group == "step")
            and all(self._states([d], o) for o in asked)
        ]
        if len(dated) != 1:
            return None
        return self._open(ctx, dated[0])
