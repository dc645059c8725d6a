"""Yes or no about a record: from the sentence of the record that states what is asked
(:mod:`~hub.core.assistant.yesno`), or from the record being named wholly (a whole, an award
step), or from what the record is: one of the kind or of the whole the question names, its
dates against the period asked or today ("already closed?"), the years it states ("still
running in 2009?"), its own place ("was the 13th conference in Rabat?": no, Cascais). What
no record states is handed off.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from babel import Locale

from hub.core.assistant.answers_base import MIN_CONFIDENCE, TIE, Decision, _numbered, _years
from hub.core.assistant.answers_entries import _since
from hub.core.assistant.answers_slots import _step_sentence
from hub.core.assistant.answers_when import DatedNames
from hub.core.assistant.context import Context, Reply, event_name, place
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.verbs import after_aspect
from hub.core.assistant.yesno import OTHER, SAME, Stated

LOCATIVE = frozenset({"in", "at", "en", "a", "au", "aux", "em", "no", "na", "nos", "nas"})
"""Words before a place ("in Innsbruck", "à Nanterre", "em Lisboa"), normalised: a word no
record holds after one is a place the question names that no record states."""

TONGUES = frozenset(
    normalise(name)
    for language in ("en", "es", "fr", "ca", "pt")
    for code, name in Locale.parse(language).languages.items()
    if len(code) == 2  # the main languages ("English", "anglais"), not every dialect
)
"""Names of languages, normalised: "in English" names no place."""

_TAG = re.compile(r"^(.*\w)\s*,\s*[¿¡]?\s*((?:[^\W\d_]+['’\s-]*){1,4})[?!.\s]*$", re.DOTALL)
"""A clause of one to four words closing a question after a comma ("..., right?", "...,
non ?", "..., ¿verdad?", "..., n'est-ce pas ?"): a tag asking for a yes, when no word of it
is capitalised."""
_CAPITAL_WORD = re.compile(r"[^\W\d_]+")
"""A word of letters (the question's own spelling, its capitals kept)."""
YEAR_BESIDE = 3
"""How many words from a kind's name a year a sentence writes dates it ("the 2013 work plan",
"el pla de treball del 2013")."""

UNHELD = 2
"""Of the words a yes/no question asks about, this many that the one record cited does not
hold (nor a whole it is part of) make it a record of something else: handed off."""

SHORT = 3
"""A word this short or shorter ("OP", "PB") may abbreviate what a record spells out: its
absence from the record's text is no sign that the record says something else."""

SINCE = frozenset({"since", "desde", "depuis", "des"})
"""Words before the year something began: a sentence saying it holds since then is no "no"
to a later year asked."""

NAMED_SHARE = 0.5
"""Share of a record's own name a question must say for the record to be the one it names."""
NAMED_LEVELS = 3
"""How many levels of name share, best first, a record stating what is asked is sought in."""
STATING_RANKS = 6
"""How many of the best-ranked records a yes/no the record path handed off is sought in."""
STATING_SHARE = 0.5
"""Share of the best record's score a record must reach for its sentence to be sought."""

ACTIVITY_KINDS = frozenset(
    {"working_group", "work_plan_task", "project", "strategic_priority", "work_plan"}
)
"""Records of work on something: one on new statutes does not say there are new statutes, so
a yes/no about what it works on is answered only when the question names the work itself."""


class YesNoAnswers(DatedNames):
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
            yes = best.kind != "faq"  # an FAQ's answer says yes or no in its own words
        else:
            stated = self._stated(ctx, reading, best, terms, confidence)
            return stated or Decision(ctx.handoff(), "yesno", min(confidence, 0.3))
        if reply.handoff:
            return Decision(reply, "yesno", min(confidence, 0.4))
        if yes:
            reply = Reply(ctx.phrase("yes", text=reply.text), reply.sources, target=reply.target)
        return Decision(reply, "yesno", confidence)

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

    def _home_unwritten(self, best: Doc, terms: list[set[str]]) -> bool:
        """The question names the network and the record of a place never does: a record
        of another body's member there (an OGP Local example) says nothing of the network's
        own members there."""
        home = self._home_terms
        return bool(home & set().union(*terms)) and not home & set(best.terms)

    def _unwritten(self, ctx: Context, best: Doc, terms: list[set[str]]) -> bool:
        """A word the question asks beyond places (the record's place matching proves only
        that it is there) that the record does not write in the question's language: it is
        postponed, free, online, a member; no statement of the record's."""
        return any(
            not o & self.retriever.place_terms
            and max(map(len, o)) > SHORT  # "OP": an abbreviation the record spells out
            and not self.statements.holds(best, o, ctx.language)
            for o in self._asked_words(terms)
        )

    def _kind_unwritten(self, ctx: Context, best: Doc, terms: list[set[str]]) -> bool:
        """The question names a kind of record (an action plan) that ``best`` is not, whose
        words it does not write in the question's language (a circle of OGP Local, asked
        whether Buenos Aires has an action plan): being that record says nothing of it."""
        skip = self._home_terms | self._body_terms | self.retriever.place_terms
        own = set().union(*best.names) if best.names else set()
        own |= self._whole_terms(best)  # "does the 2013 work plan include...": its plan's
        own |= {t for w in self._whole_docs(best) for t in w.kind_terms}
        return any(
            o & self._every_kind
            and not o & (best.kind_terms | own | skip)
            and not self.statements.holds(best, o, ctx.language)
            for o in terms
        )

    def _stated(
        self, ctx: Context, reading: Reading, best: Doc, terms: list[set[str]], confidence: float
    ) -> Decision | None:
        """Yes or no from the sentence of ``best`` stating what the question asks
        (:mod:`~hub.core.assistant.yesno`); None when no sentence states it."""
        if reading.still:  # whether it still holds today: no dated record states that
            return None
        stated = self.statements.find(
            best,
            terms,
            ctx.language,
            self._home_terms | self._every_kind,
            self._years_of(best),
            reading.words,
            self._whole_terms(best),
        )
        if stated is None or self._kind_unstated(ctx, reading, best, terms, stated.sentence):
            return None
        part = self._part_stating(ctx, reading, best, terms, confidence, stated.sentence)
        if part is not None:  # "is Bogotá in one of the circles?": the circle it is in
            return part
        text = ctx.phrase("what_is", name=self._name(ctx, best), text=stated.sentence)
        if stated.denies:  # "which does not pay for publishing the results"
            text = ctx.phrase("no", text=text)
        elif stated.value == SAME and not stated.comparing:  # "only 5 commitments?": the 5
            text = ctx.phrase("yes", text=text)
        elif (
            stated.value == OTHER
            and not stated.comparing
            and self._yearly(terms)
            and not set(normalise(stated.sentence).split()) & SINCE  # "since 2006" holds 2010
        ):
            if self._of_another_kind(ctx, reading, best) and not self._kind_dated(
                ctx, reading, stated.sentence
            ):  # "a congress in 2030?": a workshop's own 2013 is no congress's year (but
                return None  # "it approved the 2013 work plan" dates the plan asked)
            text = ctx.phrase("no", text=text)  # "launched in 2013?": the 2012 it states
        sources = [best.record_id]  # else the fact alone: words in one clause ("organised
        # by the city with the support of the secretariat") are no plain yes
        if stated.value:  # a figure or year stated: the records of its document stating it too
            sources += self._agreeing(ctx, reading, best, terms, stated)
        reply = Reply(text, sources)
        return Decision(reply, "yesno", max(confidence, MIN_CONFIDENCE), stated=True)

    def _part_stating(
        self,
        ctx: Context,
        reading: Reading,
        whole: Doc,
        terms: list[set[str]],
        confidence: float,
        sentence: str,
    ) -> Decision | None:
        """The one part of ``whole`` named in the ``sentence`` answering (the whole's) whose
        own record holds every word asked that the whole holds beyond its name (the circle
        Bogotá is in, of the circles naming every pair): the part is the record the question
        is about, and its text the answer. A sentence naming no part is the whole's own."""
        written = set(self.retriever.analyser.terms_of(normalise(sentence).split(), ctx.language))
        beyond = _name_terms(whole) | self._home_terms
        parts = [
            p
            for p in self._parts_of(whole)
            if any(name - beyond - p.kind_terms and name - beyond <= written for name in p.names)
        ]
        asked = [
            o
            for o in self._asked_words(terms)
            if not o & _name_terms(whole) and self.statements.holds(whole, o, ctx.language)
        ]
        if not parts or not asked:
            return None
        found = [
            part
            for part in parts
            if all(
                o & part.own_places or self.statements.holds(part, o, ctx.language) for o in asked
            )
        ]
        if len(found) != 1:
            return None
        reply = self._slot(ctx, reading, "what", found[0])
        if reply.handoff:
            return None
        return Decision(reply, "yesno", max(confidence, MIN_CONFIDENCE), stated=True)

    def _parts_of(self, whole: Doc) -> list[Doc]:
        """The records that are parts of ``whole`` (the circles of OGP Local's circles)."""
        if not hasattr(self, "_parts_cache"):
            self._parts_cache: dict[str, list[Doc]] = {}
            for d in self.retriever.docs:
                for key in d.wholes:
                    self._parts_cache.setdefault(key, []).append(d)
        return self._parts_cache.get(whole.key, [])

    def _kind_unstated(
        self, ctx: Context, reading: Reading, doc: Doc, terms: list[set[str]], sentence: str
    ) -> bool:
        """The question names a kind of record ("the 2013 work plan") that ``doc`` is not,
        nor a whole it is part of, and ``sentence`` says no name of it ("prize" is stated by
        "award"): the sentence is about another record ("in 2013 ... the Catalan version",
        of a forum), not the one asked."""
        kinds = self._kinds_named(ctx, reading)
        if not kinds:
            return False
        own = doc.kind_terms | _name_terms(doc) | self._whole_terms(doc)
        own |= {t for w in self._whole_docs(doc) for t in w.kind_terms}
        own |= set(self.retriever.analyser.terms_of(normalise(sentence).split(), ctx.language))
        return any(not kind & own for kind in kinds)

    def _of_another_kind(self, ctx: Context, reading: Reading, doc: Doc) -> bool:
        """The question names a kind of record ("a conference") that ``doc`` is not, nor a
        whole it is part of: a year its sentence states is that other record's, which
        denies nothing of the kind asked."""
        own = doc.kind_terms | self._whole_terms(doc)
        own |= {t for w in self._whole_docs(doc) for t in w.kind_terms}
        return any(not kind & own for kind in self._kinds_named(ctx, reading))

    def _kind_dated(self, ctx: Context, reading: Reading, sentence: str) -> bool:
        """``sentence`` writes a year beside a name of each kind the question names ("it
        approved the 2013 work plan"): the year is that thing's, whatever record says it."""
        words = normalise(sentence).split()
        stems = [set(self.retriever.analyser.terms_of([w], ctx.language)) for w in words]
        years = [
            i for i, w in enumerate(words) if len(w) == 4 and w.isdigit() and w[:2] in {"19", "20"}
        ]
        return all(
            any(
                kind & stems[j]
                for i in years
                for j in range(max(0, i - YEAR_BESIDE), min(len(words), i + YEAR_BESIDE + 1))
            )
            for kind in self._kinds_named(ctx, reading)
        )

    def _kinds_named(self, ctx: Context, reading: Reading) -> list[set[str]]:
        """The stems of every name of each kind the question names by a whole name of it
        ("pla de treball", "prize"; not "work" alone)."""
        words = set(reading.words)
        stop = self.retriever.analyser.stopwords
        terms = self.retriever.analyser.terms
        out = []
        for by_language in self.retriever.vocabulary.kinds.values():
            names = [(lang, p) for lang, phrases in by_language.items() for p in phrases]
            if any(
                (said := {w for w in normalise(p).split() if w not in stop}) and said <= words
                for _, p in names
            ):
                out.append({t for lang, p in names for t in terms(p, lang)})
        return out

    def _agreeing(
        self, ctx: Context, reading: Reading, best: Doc, terms: list[set[str]], stated: Stated
    ) -> list[str]:
        """The other records taken from the document ``best`` comes from whose sentence
        states the same figure or year asked, the same way (the limit of 5 commitments, in
        its own record and in the FAQ on joining): cited with it."""
        source = getattr(best.record, "source_doc", None)
        if not source:
            return []
        if not hasattr(self, "_docs_by_source"):
            self._docs_by_source: dict[str, list[Doc]] = {}
            for d in self.retriever.docs:
                key = getattr(d.record, "source_doc", None)
                if key:
                    self._docs_by_source.setdefault(key, []).append(d)
        skip = self._home_terms | self._every_kind
        out = []
        for doc in self._docs_by_source.get(source, []):
            if doc.record_id == best.record_id or doc.record_id in out:
                continue
            other = self.statements.find(
                doc, terms, ctx.language, skip, self._years_of(doc), reading.words
            )
            if other is not None and (other.value, other.denies) == (stated.value, stated.denies):
                out.append(doc.record_id)
        return out

    def _years_of(self, doc: Doc) -> frozenset[str]:
        """The years a dated record's dates state (``y2012``): a year asked among them is
        stated by the record, whatever its sentences say."""
        dated = isinstance(doc.record, EventView) or (
            isinstance(doc.record, AwardView) and doc.step is not None
        )
        span = self.span(doc) if dated else None
        if span is None:
            return frozenset()
        return frozenset(f"y{y}" for y in range(span[0].year, span[1].year + 1))

    @staticmethod
    def _yearly(terms: list[set[str]]) -> bool:
        """The figures the question asks are years only: one year a sentence states is the
        one thing was done in, so another year stated is a no (a figure, say a limit of 5,
        may allow the 3 asked)."""
        numbers = [t for o in terms for t in o if t[0] in "#y" and t[1:].isdigit()]
        return bool(numbers) and all(t[0] == "y" for t in numbers)

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
            if self._today_asked(reading):  # "is it still open?": the date it opened says
                return Decision(ctx.handoff(), "yesno", 0.3)  # nothing of today, nor do the
                # dates of a meeting held in its city
            text = ctx.phrase("yes", text=text)
        return Decision(Reply(text, [record.id]), "yesno", MIN_CONFIDENCE, stated=True)

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

    def _stated_among(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no from the sentence stating what is asked, of one of the records ranked
        within :data:`STATING_SHARE` of the best (the record of the commitments' limit, just
        below the FAQ on joining): of those that state it, the one holding most of the
        question, then the best ranked. The rule stands: a sentence of it must hold every
        word asked and the figures and years asked or others of their sort."""
        if reading.still or not ranked:
            return None
        near = sorted(ranked, key=lambda p: -p[0])[:STATING_RANKS]
        top, first = near[0]
        reach = self.coverage(first, terms)
        found = [
            (self._named_share(d, terms), self.coverage(d, terms), s, decision)
            for s, d in near
            if s >= top * STATING_SHARE
            and self.coverage(d, terms) >= reach  # one the question fits less
            and self._of_body_asked(d, terms)  # better is another's (the plan naming it)
            and (decision := self._stated(ctx, reading, d, terms, MIN_CONFIDENCE)) is not None
        ]
        if not found:
            return None
        return max(found, key=lambda f: f[:3])[3]

    def _named_stating(
        self, ctx: Context, reading: Reading, cited: Doc, terms: list[set[str]], decision: Decision
    ) -> Decision | None:
        """The statement of the record the question names best by its own name (at least
        half of it, more than ``cited``'s) among those stating what is asked, when ``cited``
        answered from its sentence: it is the record the question is about. Two named as
        well stating it, and None; a record of ``cited``'s own kind (another edition, which
        the answer chose by its dates) is not sought."""
        if not decision.stated:
            return None
        least = max(self._named_share(cited, terms), NAMED_SHARE)
        shares = sorted(  # not another of its kind: an edition the answer chose by its date
            (
                (s, d)
                for d in self.retriever.docs
                if d.kind != cited.kind and (s := self._named_share(d, terms)) > least
            ),
            key=lambda p: -p[0],
        )
        for level in sorted({s for s, _ in shares}, reverse=True)[:NAMED_LEVELS]:
            found = [
                stated
                for s, d in shares
                if s == level
                and (stated := self._stated(ctx, reading, d, terms, decision.confidence))
                and stated.reply.sources[:1] == [d.record_id]
            ]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def _named_share(self, doc: Doc, terms: list[set[str]]) -> float:
        """The share of ``doc``'s own name (beyond the network's) that the question says: of
        two records stating what is asked, the one the question names ("was the 2013 work
        plan approved in Cascais?": the work plan, not the Cascais session approving it)."""
        said = set().union(*terms) if terms else set()
        shares = [
            len(own & said) / len(own) for name in doc.names if (own := name - self._home_terms)
        ]
        return max(shares, default=0.0)

    def _of_body_asked(self, doc: Doc, terms: list[set[str]]) -> bool:
        """The record is of the body the question names: asked of the network, not a record
        of another body only (an OGP Local circle's members are no network members); asked
        of another body (OGP), a network record that does not name it is not its."""
        home = self._home_terms
        said = set().union(*terms) if terms else set()
        if home & said and not home & set(doc.terms):
            record = doc.record  # its name names another body (an acronym: OGP)
            names = record.name.values() if isinstance(record, EntryView | EventView) else []
            words = {w for name in names for w in normalise(name).split()}
            stem = self.retriever.analyser.stem
            if {stem(w, "en") for w in words & self.retriever.acronyms} - home:
                return False
        bodies = [o for o in terms if o & self._body_terms and not o & home]
        return not (
            home & set(doc.terms) and any(not any(doc.terms.get(t) for t in o) for o in bodies)
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
        idf = self.retriever.idf
        unknown = [  # "à Lisbonne": a city no record writes, named after "in", "à" (not "in
            o  # English", a word the records write)
            for o in self._named_place(ctx, reading)
            if o in terms and not o & places and not any(t in idf for t in o)
        ]
        terms = [o for o in terms if o not in unknown]
        if not (unknown or any(o & places for o in terms)):
            return None
        if self._framed_by(best, terms, True) is None:
            return None
        if not any(_numbered(o) and any(best.terms.get(t) for t in o) for o in terms):
            return None  # "is there a lobby registry in Valencia": another one may be there
        if (
            not unknown
            and any(  # a record of that place the question names as well: no
                s >= best_score * TIE and self._framed_by(d, terms) is not None  # contradiction
                for s, d in ranked[1:]
            )
        ):  # (of a city no record is in there is none)
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

    # --- the rule: a yes or no is only given where the record states what is asked ----------

    def _polar_checked(
        self, ctx: Context, reading: Reading, terms: list[set[str]], decision: Decision
    ) -> Decision:
        """The yes/no answer, kept only where the records it cites state every place,
        body, edition number and year the question names: a "yes" from the dates while the
        city asked is absent is partial evidence, not a statement. A place asked that is not
        the record's own, of an event named by its edition or dated in the period asked, is a
        "no" with its own place; whatever else the records do not state is handed off. An
        answer naming several records (a list) answers only what each of them holds."""
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

    def _subject_placed(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its own place: the question names one of the network's own
        bodies with a place of its own by its name (the technical secretariat, the office
        for Latin America), asks nothing of it but whether it is in one place, and no
        other record bears that name. Its place answers, whichever record the place asked
        is of (the office in Dakar states nothing about the secretariat)."""
        if reading.period is not None or reading.still:
            return None
        named = self._named_place(ctx, reading)
        found = [(d, p) for d in self._placed_bodies() if (p := self._place_asked(d, terms, named))]
        if not found and reading.seat:  # "is the IOPD's headquarters in Madrid?": its seat
            found = self._seat_placed(terms, named)
        if len({d.record_id for d, _ in found}) != 1:
            return None
        doc, asked = found[0]
        record = doc.record
        if not isinstance(record, EntryView):
            return None
        own = [o for o in asked if o & doc.own_places]
        if own and len(own) != len(asked):
            return None  # "Porto" of "Porto Alegre", with another place: neither
        if record.kind == "office":  # its place and when it opened there
            reply = Reply(self._office(ctx, record), [record.id])
        else:
            reply = self._entry_fact(ctx, "where", self._name(ctx, doc), record)
        if reply.handoff:
            return None
        text = ctx.phrase("yes" if own else "no", text=reply.text)
        return Decision(Reply(text, reply.sources), "yesno", MIN_CONFIDENCE)

    def _seat_placed(
        self, terms: list[set[str]], named_place: Sequence[set[str]]
    ) -> list[tuple[Doc, list[set[str]]]]:
        """The network's seat and the place a question naming its seat asks it to be in,
        when the question names nothing else but the network ("la sede del OIDP está en
        Lisboa?"); else nothing."""
        seat = self._seat()
        home = self._home_terms | self._networks | self.statements.located
        places = self.retriever.place_terms
        asked = [o for o in terms if not o & home]
        if seat is None or len(asked) == len(terms) or not asked:
            return []
        if not all(o & places or o in named_place for o in asked):
            return []
        return [(seat, asked)]

    def _founded_among(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its date, of the one office the question names, asking whether it
        was set up in a year or month (:meth:`_founded_in`), however it ranks (the FAQ on
        the offices, holding every word, may rank first)."""
        if not ranked:
            return None
        found = [
            decision
            for doc in self._placed_bodies()
            if (decision := self._founded_in(ctx, reading, doc, terms)) is not None
        ]
        return found[0] if len(found) == 1 else None

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

    def _founded_in(
        self, ctx: Context, reading: Reading, doc: Doc, terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with the date it was set up: ``doc`` is an office that opened, the
        question names it and asks nothing else but whether it was set up (opened,
        created) in one year or month. None otherwise (a workshop it ran in 2013)."""
        record = doc.record
        if not isinstance(record, EntryView) or record.data.get("status") != "founded":
            return None
        founded = record.data.get("founded")
        if not isinstance(founded, dt.date):
            try:
                founded = dt.date.fromisoformat(str(founded))
            except ValueError:
                return None
        period = reading.period
        years = {int(t[1:]) for o in terms for t in o if t[0] == "y" and t[1:].isdigit()}
        if period is not None and period.kind in {"year", "month"}:
            inside = period.start <= founded <= period.end
        elif period is None and len(years) == 1:
            inside = founded.year in years
        else:
            return None
        rest = [o for o in terms if not (_numbered(o) or o & self.statements.founding)]
        if self._unnamed(doc, rest):
            return None
        reply = Reply(self._office(ctx, record), [record.id])
        text = ctx.phrase("yes" if inside else "no", text=reply.text)
        return Decision(Reply(text, reply.sources), "yesno", MIN_CONFIDENCE, stated=True)

    def _unnamed(self, doc: Doc, terms: list[set[str]]) -> bool:
        """Some word of ``terms`` is none of ``doc``'s name, own place or kind, nor the
        network's, nor one framing a yes/no; or none names it (see :meth:`_place_asked`)."""
        skip = self._home_terms | self.statements.membership | doc.kind_terms | doc.own_places
        names = _name_terms(doc)
        if any(not o & (skip | names) for o in terms):
            return True
        return not self._place_asked(doc, terms, (), anywhere=True)

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

    def _parts_of_key(self, keys: list[str]) -> list[Doc]:
        """The parts of the wholes of ``keys``."""
        return [p for k in keys for w in self._whole_docs_of(k) for p in self._parts_of(w)]

    def _whole_docs_of(self, key: str) -> list[Doc]:
        if not hasattr(self, "_by_key"):
            self._by_key = {d.key: d for d in self.retriever.docs}
        return [self._by_key[key]] if key in self._by_key else []

    def _placed_bodies(self) -> list[Doc]:
        """The network's own bodies with a city of their own (its secretariat, its offices):
        entries whose name holds the network's name and no place."""
        if not hasattr(self, "_placed_cache"):
            home = self._home_terms
            places = self.retriever.place_terms
            self._placed_cache: list[Doc] = [
                d
                for d in self.retriever.docs
                if isinstance(d.record, EntryView)
                and isinstance(d.record.data.get("city"), str)
                and d.names
                and any(n & home for n in d.names)
                and not any(n & places - d.own_places - _region_terms(d) for n in d.names)
            ]
        return self._placed_cache

    def _named_place(self, ctx: Context, reading: Reading) -> list[set[str]]:
        """The terms of the capitalised words closing the question after "in", "en", "à",
        "em" ("in São Paulo?"): a place, even one no record is in (not "in charge of", nor
        "in English"), a tag closing it set aside ("in São Paulo, right?", "a Lisboa, oi?")."""
        words = _CAPITAL_WORD.findall(_untagged(reading.text))
        for i in range(len(words) - 2, -1, -1):
            if normalise(words[i]) in LOCATIVE:
                rest = words[i + 1 :]
                if rest and all(w[:1].isupper() and normalise(w) not in TONGUES for w in rest):
                    return self.retriever.query_terms([normalise(w) for w in rest], ctx.language)
                return []
        return []

    def _place_asked(
        self,
        doc: Doc,
        terms: list[set[str]],
        named_place: Sequence[set[str]] = (),
        anywhere: bool = False,
    ) -> list[set[str]]:
        """The place the question asks ``doc`` to be in, when every other word it says is a
        word of ``doc``'s name, of the network's, or one asking where, and it names ``doc``:
        a weighty word of its name beyond its kind, or all of one of its names ("the
        Technical Secretariat", whose words are in most records): else nothing."""
        names = set().union(*doc.names)
        skip = self._home_terms | self.statements.membership | self.statements.located
        places = self.retriever.place_terms
        asked: list[set[str]] = []
        named = False
        for options in terms:
            if (options & places or options in named_place) and not options & names:
                asked.append(options)
            elif options & names:
                named = named or (
                    self._weighty(options) and not options & (doc.kind_terms | places)
                )
            elif not (options & skip or options & doc.kind_terms):
                return []
        said = set().union(*terms) if terms else set()
        whole = any(  # all of a name, or all the region it names ("Latin America", not
            name - self._home_terms - doc.kind_terms <= said  # the "America" of "North
            or (name & places and name & places <= said)  # America")
            for name in doc.names
        )
        if anywhere:  # only whether it names ``doc``: its own place said is no place asked
            return [set()] if named or whole else []
        return asked if named or whole else []

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

    def _named_in(
        self, ctx: Context, reading: Reading, terms: list[set[str]], counted: bool
    ) -> list[set[str]]:
        """What the question names that a record must state for a yes or no: its places
        (those the records know, and a word no record holds after "in", "en", "à", "em":
        "in Innsbruck"), the bodies it names by their acronyms (beyond the network's own),
        and, when ``counted``, the edition numbers and years it says."""
        home = self._home_terms
        places = self.retriever.place_terms
        bodies = self._body_terms - home
        out = [
            o
            for o in terms
            if not o & home and (o & places or o & bodies or (counted and _numbered(o)))
        ]
        idf = self.retriever.idf
        words = reading.words
        content = set(reading.content)  # not "em breve": a word of time the reading used
        for i, word in enumerate(words[1:], start=1):
            if words[i - 1] not in LOCATIVE or word not in content or len(word) < 3:
                continue
            if after_aspect(words, i, self.retriever.vocabulary):  # "llegó a abrirse": a verb
                continue
            for options in self.retriever.query_terms([word], ctx.language):
                if options and not any(t in idf for t in options) and options not in out:
                    out.append(options)  # a place no record knows: none states it
        return out

    def _asked_words(self, terms: list[set[str]]) -> list[set[str]]:
        """The question's weighty words the records write, beyond the network, kinds,
        numbers, concepts and words that only frame a yes/no question."""
        skip = self._home_terms | self._every_kind | self.statements.membership
        skip |= self.statements.over | self.statements.lasting
        idf = self.retriever.idf
        return [
            o
            for o in terms
            if self._weighty(o)
            and any(t in idf for t in o)  # "neste", "vou": words no record writes
            and not o & skip
            and not _numbered(o)
            and not any(t.startswith("@") for t in o)
        ]

    def _states(self, docs: list[Doc], options: set[str]) -> bool:
        """One of the record's docs (or a whole it is part of) states ``options``: an event
        with a city states its own place only (not places its text mentions); a year is
        stated by the record's dates too."""
        places = self.retriever.place_terms
        for doc in docs:
            record = doc.record
            if options & places and isinstance(record, EventView) and record.city:
                if options & doc.own_places:
                    return True
                continue
            if any(doc.terms.get(t) or t in doc.own_places for t in options):
                return True
            if any(w.terms.get(t) for w in self._whole_docs(doc) for t in options):
                return True
            if options & self._body_terms and options & self._source_terms(doc):
                return True  # an OGP Local example: its document is OGP's, its text need not say
            years = {int(t[1:]) for t in options if t[0] == "y" and t[1:].isdigit()}
            span = self.span(doc)
            if years and span is not None and any(span[0].year <= y <= span[1].year for y in years):
                return True
            if years and isinstance(record, EntryView):  # "working with UCLG in 2008": since
                ran = _years(record.data)  # 2006; "running in 2005": from 2004 to 2007
                began = _since(record.data)[0]
                if ran is not None and any(ran[0] <= y <= ran[1] for y in years):
                    return True
                if ran is None and began is not None and any(began.year <= y for y in years):
                    return True
        return False

    def _docs_of(self, record_id: str) -> list[Doc]:
        """The docs of one record (an award and its steps)."""
        if not hasattr(self, "_docs_by_record"):
            self._docs_by_record: dict[str, list[Doc]] = {}
            for d in self.retriever.docs:
                self._docs_by_record.setdefault(d.record_id, []).append(d)
        return self._docs_by_record.get(record_id, [])

    def _source_terms(self, doc: Doc) -> set[str]:
        """The terms of every record taken from the document ``doc`` comes from."""
        source = getattr(doc.record, "source_doc", None)
        if not source:
            return set()
        if not hasattr(self, "_by_source"):
            self._by_source: dict[str, set[str]] = {}
            for d in self.retriever.docs:
                key = getattr(d.record, "source_doc", None)
                if key:
                    self._by_source.setdefault(key, set()).update(d.terms)
        return self._by_source.get(source, set())

    def _dated(self, doc: Doc) -> bool:
        """The record states its dates or years: a "no" for another year is from them."""
        record = doc.record
        if isinstance(record, EntryView):
            return _years(record.data) is not None or _since(record.data)[0] is not None
        return self.span(doc) is not None

    def _placed(
        self,
        ctx: Context,
        reading: Reading,
        terms: list[set[str]],
        named: list[set[str]],
        missing: list[set[str]],
        docs: list[Doc],
    ) -> Decision | None:
        """Asked whether an event is in a place the records know that is not its own: its
        own place answers. Of two places asked ("Berlin or Brussels?") one its own, its
        place and date; else "no", with its place, when the question names it by its
        edition's number or a period its dates fall in (no namesake elsewhere); else None."""
        doc = docs[0]
        record = doc.record
        if not isinstance(record, EventView) or not record.city:
            return None
        own = [o for o in named if o & self.retriever.place_terms and o not in missing]
        period = reading.period
        span = self.span(doc)
        singled = any(_numbered(o) and self._states(docs, o) for o in terms) or (
            period is not None
            and span is not None
            and period.start <= span[0]
            and span[1] <= period.end
        )
        if not own and not singled:
            return None
        reply = self._when(ctx, doc)
        if reply.handoff:  # no date stated: its place alone ("15th conference: in Madrid")
            where = place(ctx, record.city, record.country)
            if not where:
                return None
            text = ctx.phrase("entry_place", name=event_name(ctx, record), place=where)
            reply = Reply(text, [record.id])
        if not own:
            reply = Reply(ctx.phrase("no", text=reply.text), reply.sources, target=reply.target)
        return Decision(reply, "yesno", MIN_CONFIDENCE)


def _name_terms(doc: Doc) -> set[str]:
    return set().union(*doc.names) if doc.names else set()


def _untagged(text: str) -> str:
    """``text`` without the tag closing it ("The office is in Dakar, right?": "The office is
    in Dakar"); the whole text when no tag closes it."""
    found = _TAG.match(text.strip())
    if found is None or any(w[:1].isupper() for w in _CAPITAL_WORD.findall(found.group(2))):
        return text
    return found.group(1)


def _region_terms(doc: Doc) -> set[str]:
    """The terms of the region an office's name says ("Latin America"): no city of its."""
    record = doc.record
    region = record.data.get("region") if isinstance(record, EntryView) else None
    return set(normalise(region).split()) if isinstance(region, str) else set()
