"""Yes or no from what the records state: the sentence stating what is asked, the whole or
the part a record is of, the kinds and years it names, the words of the question a record
does not hold.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision, _numbered, _years
from hub.core.assistant.answers_entries import _since
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.dated_names import DatedNames
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.yesno import OTHER, SAME, Stated
from hub.core.assistant.yesno_dated import stating_its_date

YEAR_BESIDE = 3
"""How many words from a kind's name a year a sentence writes dates it ("the 2013 work plan",
"el pla de treball del 2013")."""

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


class YesNoStatements(DatedNames):
    """What the records state, written and unwritten, for a yes or no."""

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

    def _period_settled(self, reading: Reading, best: Doc) -> bool:
        """No month, season or span of days is claimed, or the record's dates fall wholly in
        or wholly outside it: a sentence of a record dated more loosely (a year) or not at
        all does not say whether the thing happens in the period claimed."""
        period = reading.period
        if period is None or period.kind == "year":
            return True
        span = self.span(best)
        if span is None:
            return False
        return (period.start <= span[0] and span[1] <= period.end) or (
            span[1] < period.start or period.end < span[0]
        )

    def _stated(
        self, ctx: Context, reading: Reading, best: Doc, terms: list[set[str]], confidence: float
    ) -> Decision | None:
        """Yes or no from the sentence of ``best`` stating what the question asks
        (:mod:`~hub.core.assistant.yesno`); None when no sentence states it."""
        if reading.still:  # whether it still holds today: no dated record states that
            return None
        if not self._period_settled(reading, best):  # "published in December?" of a step
            return None  # the record gives no month for: its sentence says what, not when
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
        text = stating_its_date(ctx, best, text, self._when)  # which one: then, there
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

    def _parts_of_key(self, keys: list[str]) -> list[Doc]:
        """The parts of the wholes of ``keys``."""
        return [p for k in keys for w in self._whole_docs_of(k) for p in self._parts_of(w)]

    def _whole_docs_of(self, key: str) -> list[Doc]:
        if not hasattr(self, "_by_key"):
            self._by_key = {d.key: d for d in self.retriever.docs}
        return [self._by_key[key]] if key in self._by_key else []

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


def _name_terms(doc: Doc) -> set[str]:
    return set().union(*doc.names) if doc.names else set()
