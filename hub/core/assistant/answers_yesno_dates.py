"""Yes or no from a record's dates: against the period or year asked, against today (already
over, still open, still running), the edition current now, the years a record ran.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hub.core.assistant.answers_base import MIN_CONFIDENCE, TIE, Decision, _numbered, _years
from hub.core.assistant.answers_entries import _since
from hub.core.assistant.answers_slots import _step_sentence
from hub.core.assistant.answers_yesno_stated import (
    STATING_RANKS,
    STATING_SHARE,
    YesNoStatements,
    _name_terms,
)
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

STRADDLING_DAYS = 31
"""A record dated within this many days (a month) across a season's edge ("this autumn?" of
one in September, which begins in summer): its dates are the answer, no yes or no; a record
dated more loosely (a year) says nothing of a season."""

ACTIVITY_KINDS = frozenset(
    {"working_group", "work_plan_task", "project", "strategic_priority", "work_plan"}
)
"""Records of work on something: one on new statutes does not say there are new statutes, so
a yes/no about what it works on is answered only when the question names the work itself."""


class YesNoDates(YesNoStatements):
    """A record's dates against the time a yes/no question asks."""

    def _still_named(
        self, ctx: Context, reading: Reading, best: Doc, terms: list[set[str]], confidence: float
    ) -> Decision | None:
        """Whether something still holds, of a standing record (a body, a relation: no plan
        or year of its own) the question names, asking nothing its text does not write ("is
        the IOPD still working with UCLG?", "¿la secretaría sigue en Barcelona?"): the
        record's own text, what the documents say of it, with no yes or no (they are dated:
        the asker's today is not theirs), a yes with it from a document of the asker's own
        year. A word it does not write ("still active?"), a place not its own, a concept
        asked (a cost), a record of work of a plan (of the asker's year, it is a yes:
        :meth:`_rescued_by_what`; of another, handed off) or an office (when it opened says
        nothing of today), and None."""
        record = best.record
        if not reading.still or not isinstance(record, EntryView) or record.kind == "office":
            return None
        if best.kind in ACTIVITY_KINDS or not self._standing(best):
            return None  # a working group of a past plan may have ended: no record says
        slot: set[int] = set()
        self.retriever.vocabulary.still.find(list(reading.words), slot, fuzzy=False)
        said = [reading.words[i] for i in sorted(slot)]
        still = set().union(set(), *self.retriever.query_terms(said, ctx.language))
        own = set().union(*best.names, self._whole_terms(best), best.own_places)
        places = self.retriever.place_terms
        if any(t.startswith("@") for o in terms for t in o):
            return None  # "is membership still free?": a concept no name states
        asked = [
            o
            for o in terms
            if not o & (self._every_kind | self._home_terms | still) and not _numbered(o)
        ]
        if not any(o & own for o in asked):
            return None  # the question must name the record
        if any(not o & own and not self.statements.holds(best, o, ctx.language) for o in asked):
            return None  # "still active?": a word its text does not write ("colaborando" of
            # "colabora con CGLU desde 2006" it writes)
        if any(o & places and not o & best.own_places for o in asked):
            return None
        reply = self._slot(ctx, reading, "what", best)
        if reply.handoff:
            return None
        if self._current_at(ctx, best):  # a document of the asker's own year: it holds
            reply = Reply(ctx.phrase("yes", text=reply.text), reply.sources, target=reply.target)
        return Decision(reply, "yesno", max(confidence, MIN_CONFIDENCE), stated=True)

    def _dated_now(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its dates, for a question asking where one dated record (an event,
        an award's step) stands at the asker's today, in no period but today: whether it is
        open ("is the call still open?"), still to come ("is the congress still ahead?") or
        over ("has it already taken place?"). Its dates against today state that. The record
        is the one among the best ranked holding every other word asked and every year or
        number said; of editions holding them all, one step of several awards ("the call of
        the award"), the edition of today's, else the last begun. Anything else, None."""
        if not ranked or (reading.period is not None and not self._holds_today(ctx, reading)):
            return None
        words = reading.words
        statements = self.statements
        if statements.opening_asked(words):
            mode = "open"
        elif set(words) & statements.ahead_words:
            mode = "ahead"
        elif set(words) & statements.over_words:
            mode = "over"
        else:
            return None
        slot: set[int] = set()
        self.retriever.vocabulary.still.find(list(words), slot, fuzzy=False)
        still = set().union(
            set(), *self.retriever.query_terms([words[i] for i in sorted(slot)], ctx.language)
        )
        framing = statements.opening | statements.ahead | statements.over | still
        framing |= statements.now
        framing |= statements.membership | self._home_terms
        idf = self.retriever.idf
        asked = [  # its kind too ("the call", "the congress"): the record must be of it
            o
            for o in terms
            if (_numbered(o) or (self._weighty(o) and any(t in idf for t in o)))
            and not o & framing
            and not any(t.startswith("@") for t in o)
        ]
        if not [o for o in asked if not _numbered(o)]:
            return None
        top = max(s for s, _ in ranked)
        found: dict[tuple[str, str | None], Doc] = {}
        for score, held in sorted(ranked, key=lambda p: -p[0])[:STATING_RANKS]:
            if score < top * STATING_SHARE or not self._dated_precisely(held):
                continue
            if all(self._states([held], o) for o in asked):
                found.setdefault((held.record_id, held.step), held)
        docs = list(found.values())
        named = max((self._named_share(d, terms) for d in docs), default=0.0)
        docs = [d for d in docs if self._named_share(d, terms) == named]  # the one it names
        yearly = any(t[0] == "y" for o in terms if _numbered(o) for t in o)
        doc = self._edition_now(ctx, docs, yearly)
        if doc is None:
            return None
        span = self.span(doc)
        if span is None:
            return None
        if mode == "open":
            decision = self._open(ctx, doc)
        elif mode == "ahead":
            decision = self._told(ctx, doc, ctx.today < span[0])
        else:
            decision = self._over(ctx, doc) if not span[0] <= ctx.today <= span[1] else None
        if decision is None:
            return None
        return Decision(decision.reply, "yesno", MIN_CONFIDENCE, stated=True)

    def _office_planned(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """Whether the network plans to open an office in a region ("does the IOPD intend to
        open an office in Asia?", "est-ce que l'OIDP prévoit d'ouvrir un bureau en Asie ?"),
        or whether it opened one ("¿llegó a abrirse la oficina de Asia?", "o escritório da
        Europa do Norte abriu?"): the one office whose region or city is every place named
        states it, planned (the documents do not say it opened: no yes, no no) or opened (a
        yes, with when). Any word beyond the office's name, the network's and the words of
        intending and opening, and None."""
        statements = self.statements
        planning = statements.planning_asked(reading.words)
        if not planning and not statements.opening_asked(reading.words):
            return None
        places = [o for o in terms if o & self.retriever.place_terms]
        if not places:
            return None
        framing = statements.planning_terms | statements.opening | statements.membership
        framing |= self._home_terms | statements.located
        found = {
            d.record_id: d
            for d in self.retriever.docs
            if isinstance(d.record, EntryView)
            and d.record.kind == "office"
            and all(o & (d.own_places | _region_terms(d) | _name_terms(d)) for o in places)
        }
        if len(found) != 1:
            return None
        doc = next(iter(found.values()))
        own = _name_terms(doc) | doc.kind_terms | doc.own_places | _region_terms(doc)
        if any(not o & (own | framing) for o in terms):
            return None
        record = doc.record
        if not isinstance(record, EntryView):
            return None
        text = self._office(ctx, record)
        if not planning and record.data.get("status") == "founded":  # "did it open?": it did
            opened = _opened_within(record)  # "is it already open?": its date against today
            if opened is not None and (self._already_asked(reading) or opened[0] > ctx.today):
                return self._opened_by_today(ctx, record, text, opened)
            if self._today_asked(reading):  # "is it still open?": the date it opened says
                return Decision(ctx.handoff(), "yesno", 0.3)  # nothing of today, nor do the
                # dates of a meeting held in its city
            text = ctx.phrase("yes", text=text)
        return Decision(Reply(text, [record.id]), "yesno", MIN_CONFIDENCE, stated=True)

    def _already_asked(self, reading: Reading) -> bool:
        """The question asks only whether something has happened by the asker's today
        ("already open?", "¿ya está abierta?", "déjà ouvert ?"), not whether it still holds
        ("still", "now"): a record's date of opening answers that."""
        said = set(reading.words)
        words = self.statements.today_words
        return (
            not reading.still
            and bool(said & self.statements.already_words)
            and not said & (words - self.statements.already_words)
        )

    def _opened_by_today(
        self, ctx: Context, record: EntryView, text: str, opened: tuple[dt.date, dt.date]
    ) -> Decision:
        """Yes when the office opened (within the days ``opened``, the month or year its
        record names) before the asker's today, no when after, with the date; handed off
        within that month or year."""
        first, last = opened
        if first <= ctx.today <= last and first != last:
            return Decision(ctx.handoff(text, sources=[record.id]), "yesno", 0.3)
        key = "yes" if last <= ctx.today else "no"
        reply = Reply(ctx.phrase(key, text=text), [record.id])
        return Decision(reply, "yesno", MIN_CONFIDENCE, stated=True)

    def _today_asked(self, reading: Reading) -> bool:
        """The question asks of the asker's today ("still", "now", "already", "ya"): a
        record dated by its documents does not state it."""
        return reading.still or bool(set(reading.words) & self.statements.today_words)

    def _holds_today(self, ctx: Context, reading: Reading) -> bool:
        """The period the question says holds the asker's today ("en ce moment")."""
        period = reading.period
        return period is not None and period.start <= ctx.today <= period.end

    def _dated_precisely(self, doc: Doc) -> bool:
        """An event with its own dates, or an award's step with its own: not a year only."""
        record = doc.record
        if isinstance(record, EventView):
            return bool(record.span)
        if isinstance(record, AwardView) and doc.step in record.steps:
            return record.steps[doc.step].starts_on is not None
        return False

    def _edition_now(self, ctx: Context, docs: list[Doc], yearly: bool) -> Doc | None:
        """The one of ``docs``; of steps of awards (editions) asked with no year ("is the
        award's call open?"), the one of today's year: its dates hold today, else it is the
        last begun this year. An edition of another year is not the one asked (this year's
        call may be one no record holds yet): None, as for two records of other kinds."""
        if len(docs) == 1 and (yearly or docs[0].step is None):
            return docs[0]
        if not docs or any(d.step is None for d in docs):
            return None
        spans = [(span, d) for d in docs if (span := self.span(d)) is not None]
        begun = [
            (span, d)
            for span, d in spans
            if span[0] <= ctx.today and (ctx.today <= span[1] or span[0].year == ctx.today.year)
        ]
        if (len(docs) > 1 and yearly) or not begun:
            return None
        return max(begun, key=lambda p: p[0][0])[1]

    def _told(self, ctx: Context, doc: Doc, yes: bool) -> Decision | None:
        """Yes or no, with the dated record's dates (an award's step by its own sentence)."""
        record = doc.record
        if isinstance(record, AwardView) and doc.step in record.steps:
            reply = Reply(_step_sentence(ctx, record, record.steps[doc.step]), [record.id])
        else:
            reply = self._when(ctx, doc)
        if reply.handoff:
            return None
        text = ctx.phrase("yes" if yes else "no", text=reply.text)
        return Decision(Reply(text, reply.sources, target=reply.target), "yesno", MIN_CONFIDENCE)

    def _congress_numbered(self, best: Doc, terms: list[set[str]]) -> bool:
        """The question calls ``best``, a conference of the network, a congress, and names it
        by its own number and the network: no other record is named so."""
        record = best.record
        said = set().union(*terms)
        return (
            isinstance(record, EventView)
            and record.number is not None
            and best.kind == "conference"
            and bool(said & self._home_terms)
            and any(o & self.statements.congress for o in terms)
            and any(_numbered(o) and any(best.terms.get(t) for t in o) for o in terms)
        )

    def _step_in_period(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its dates, for a step of an award asked whether it falls in a
        month or year ("the award's evaluation is in April this year?"): the question names
        the step by its own word and the award by its name alone, of the edition of the
        period's year (said, or "this year"); its dates answer. Anything else said, another
        edition, or another step scoring near it, and None."""
        period = reading.period
        if period is None or period.kind not in {"month", "year"} or not ranked or reading.still:
            return None
        score, step = ranked[0]
        if step.group != "step" or not isinstance(step.record, AwardView):
            return None
        award = next((d for d in self._docs_of(step.record_id) if d.group == "award"), None)
        if award is None or not award.terms.get(f"y{period.start.year}"):
            return None  # another edition than the period's
        if any(s >= score * TIE and d.group == "step" and d is not step for s, d in ranked[1:]):
            return None
        own = set().union(*award.names) | award.kind_terms
        framing = self.statements.membership | self._home_terms | self.statements.scheduling
        framing = framing | self._happening_terms  # "prévue", "a lieu": its dates say it
        step_said = False
        for options in terms:
            if options & framing or options & own:
                continue
            if options & self._step_terms and any(step.terms.get(t) for t in options):
                step_said = True
                continue
            return None  # a word neither the award's name nor its step's
        return self._in_period(ctx, reading, step) if step_said else None

    def _dated_named(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its dates: the question names one dated record singly ("was the
        Cascais conference in 2014?", "did the 13th conference take place in July?") and
        asks whether it was in a year or month (:meth:`_named_outside`): its dates answer.
        A series named ("an IOPD conference in 2016") is not one record: None."""
        if reading.still:
            return None
        doc = self._named_outside(reading, ranked, terms)
        return None if doc is None else self._in_period(ctx, reading, doc)

    @staticmethod
    def _states_years(doc: Doc) -> bool:
        """The record states the years it ran (2004 to 2007) or its start (since 2006)."""
        record = doc.record
        return isinstance(record, EntryView) and (
            _years(record.data) is not None or _since(record.data)[0] is not None
        )

    def _current_at(self, ctx: Context, doc: Doc) -> bool:
        """The record is of the asker's own time: its dates hold today, or, undated, the
        document it comes from is of this year (a working group of this year's plan)."""
        if isinstance(doc.record, EntryView):
            return self.era(doc) == ctx.today.year
        span = self.span(doc)
        return span is not None and span[0] <= ctx.today <= span[1]

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
        straddling = (  # "this autumn?" of one in September: its month, no yes or no
            period.kind == "season" and (span[1] - span[0]).days <= STRADDLING_DAYS
        )
        if not inside and not outside and not straddling:
            return None
        reply = self._when(ctx, best)
        if reply.handoff:
            return None
        if not inside and not outside:
            return Decision(reply, "yesno", MIN_CONFIDENCE)
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

    def _open(self, ctx: Context, best: Doc) -> Decision | None:
        """Whether a dated record (a call) is open today: yes while today is within its
        dates, no before they begin or after they end (the date sentence says it is past),
        with its dates."""
        span = self.span(best)
        if span is None:
            return None
        return self._told(ctx, best, span[0] <= ctx.today <= span[1])

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

    def _years_ran(
        self, ctx: Context, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its years: the question asks whether the one record among the
        best ranked that it names and that states the years it ran (2004 to 2007) ran from
        one year to another ("from 2010 to 2013?": no)."""
        years = sorted({int(t[1:]) for o in terms for t in o if t[0] == "y" and t[1:].isdigit()})
        if len(years) != 2 or len([o for o in terms if _numbered(o)]) != 2:
            return None
        asked = self._asked_words(terms)
        found = {
            d.record_id: d
            for _, d in ranked[:STATING_RANKS]
            if isinstance(d.record, EntryView)
            and _years(d.record.data) is not None
            and asked
            and all(o & _name_terms(d) for o in asked)
        }
        if len(found) != 1:
            return None
        doc = next(iter(found.values()))
        record = doc.record
        if not isinstance(record, EntryView):
            return None
        ran = _years(record.data)
        reply = self._entry_slot(ctx, "when", doc, record)
        if ran is None or reply.handoff:
            return None
        same = (ran[0], ran[1]) == (years[0], years[1])
        text = ctx.phrase("yes" if same else "no", text=reply.text)
        return Decision(Reply(text, reply.sources), "yesno", MIN_CONFIDENCE, stated=True)

    def _dated(self, doc: Doc) -> bool:
        """The record states its dates or years: a "no" for another year is from them."""
        record = doc.record
        if isinstance(record, EntryView):
            return _years(record.data) is not None or _since(record.data)[0] is not None
        return self.span(doc) is not None


def _region_terms(doc: Doc) -> set[str]:
    """The terms of the region an office's name says ("Latin America"): no city of its."""
    record = doc.record
    region = record.data.get("region") if isinstance(record, EntryView) else None
    return set(normalise(region).split()) if isinstance(region, str) else set()


def _opened_within(record: EntryView) -> tuple[dt.date, dt.date] | None:
    """The first and last day an office may have opened, from its ``founded`` date to the
    precision the record gives (a month: the whole month); None without a date."""
    founded = record.data.get("founded")
    try:
        day = founded if isinstance(founded, dt.date) else dt.date.fromisoformat(str(founded))
    except ValueError:
        return None
    precision = str(record.data.get("founded_precision", "day"))
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        days = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=days)
    return day, day
