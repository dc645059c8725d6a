"""One record answers: the best-ranked one the question names, chosen among close rivals
(:mod:`~hub.core.assistant.record_choice`), and the slot asked of it. When two records tie
with different answers the question is handed off; so is one answered below the confidence
floor.

A list answered from one record is :mod:`~hub.core.assistant.record_lists`'s, an address
asked :mod:`~hub.core.assistant.record_contact`'s.
"""

from __future__ import annotations

from hub.core.assistant import named_apart as apart
from hub.core.assistant.alike import STANDING_SLOTS, stating_alike
from hub.core.assistant.answers_base import (
    HOME_EDGE,
    MIN_CONFIDENCE,
    MIN_COVERAGE,
    TIE,
    Decision,
    _years,
)
from hub.core.assistant.called_alone import called_alone
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView, EventView, text_in
from hub.core.assistant.marked_names import MarkedNames
from hub.core.assistant.message_parts import question_parts
from hub.core.assistant.named_rivals import rivals_named_in_period
from hub.core.assistant.numeral_names import glossing_first, named_before_numeral
from hub.core.assistant.plan_parts import kind_words, named_whole_part_first, ordinals
from hub.core.assistant.reading import Reading
from hub.core.assistant.record_contact import ContactAnswers
from hub.core.assistant.record_lists import PLACE_HOLDERS, RecordLists
from hub.core.assistant.retrieval import ALIAS_WEIGHT, Doc
from hub.core.assistant.series_asked import general_asked
from hub.core.assistant.unknown_qualifier import unknown_qualifier

PLACE_ENOUGH = frozenset({"where", "when", "list"})
"""Slots a record may answer when the question shares only a place with it ("when is the
one in Cascais"); asked anything else ("the capital of Senegal"), a place alone is not it."""

YESNO_COVERAGE = 0.8
"""A yes/no question is answered only from a record holding (nearly) every word it asks
about: "is the conference in English?" is not answered by the conference's dates."""

RELATED_COVERAGE = 0.5
"""A record stating the relation asked answers when it holds this share of the question."""

FULLER = 0.2
"""Share of the question's words one tied record must hold beyond every other to be chosen
(measured: 0.1 to 0.2 answer one more right on the sets, none invented; 0.3 none)."""

UNHELD_ASIDE = 2
"""Words that narrow, held not by a record named by its kind and number ("the 13th
conference"), from which on what else is asked of it ("what did Bilbao present there?") is
not what it is: named so, it answers only what its own fields state."""


class RecordAnswers(RecordLists, ContactAnswers):
    """The one record a question names, and the slot asked of it."""

    @property
    def _marked_names(self) -> MarkedNames:
        if not hasattr(self, "_marked_cache"):
            self._marked_cache = MarkedNames(self.retriever, self._weighty)
        return self._marked_cache

    def _record(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
    ) -> Decision:
        ranked = self._fit(
            qtype,
            ranked,
            reading.relation if qtype == "who" else None,
            frozenset(set().union(*terms) & self._every_kind) if terms else frozenset(),
        )
        ranked = self._home_first(ranked, terms)
        ranked = self._named_first(
            ranked, self.retriever.query_terms(reading.words, ctx.language), qtype
        )
        ranked = self._body_named_first(ranked, terms)
        asks_identity = qtype == "who" and reading.relation is None  # "who is UCLG?"
        wholly = self._wholly_named(ranked, terms) if qtype == "what" or asks_identity else None
        if wholly is not None:  # "what is the IOPD": the record of that whole name, and only it
            ranked = [
                (ranked[0][0], wholly),
                *[(min(s, ranked[0][0] * HOME_EDGE), d) for s, d in ranked if d is not wholly],
            ]
        if qtype not in {"list", "how_many"}:  # "how many tasks has the plan": the whole
            ranked = self._part_first(ranked, terms)  # counts its parts, no part does
            if qtype in {"what", "yesno"}:  # "what does the 2013 plan say about X": its part
                ranked = named_whole_part_first(ranked, terms, self.retriever, self.coverage)
        written = self._capitals(reading)
        if written and not all(self._writes(ranked[0][1], w) for w in written):
            holder = next(
                (d for _, d in ranked if all(self._writes(d, w) for w in written)), None
            )  # "PARTICIPATE OIDP": the record writing that name, not one about participation
            if holder is None:
                return Decision(ctx.handoff(), qtype, 0.1)
            ranked = [(ranked[0][0], holder), *[(s, d) for s, d in ranked if d is not holder]]
        ranked = self._of_the_year_first(reading, ranked, terms)
        ranked = self._in_period_first(reading, ranked, terms, qtype)
        holder = self._named_holder(ranked, terms, qtype, reading.seat)
        if holder is not None and holder is not ranked[0][1]:  # "Siège du secrétariat ?"
            ranked = [(ranked[0][0], holder), *[(s, d) for s, d in ranked if d is not holder]]
        seated = holder is not None and holder is self._seat()  # a place said is claimed of
        if qtype != "yesno" and not seated:  # it ("le siège est à Dakar ?"); whether it is
            ranked = self._place_holder_first(ranked, terms)  # there: no other record sought
            ranked = self._host_first(ranked, terms)  # "Rabat, which days?": the congress
        titled = apart.titled_names(
            question_parts(reading.text, self.retriever.vocabulary)[0], self.retriever, ctx.language
        )  # "the Lisbon meeting"
        by_name = apart.name_holder(ranked, titled, self.retriever)
        if by_name is None:  # a name no record near holds: a neighbour is no answer
            return Decision(ctx.handoff(ctx.phrase("no_such_record")), qtype, 0.1)
        if by_name is not None and by_name is not ranked[0][1]:  # the record of that name
            ranked = [(ranked[0][0], by_name), *[(s, d) for s, d in ranked if d is not by_name]]
        asks = reading.qtype is not None or "?" in reading.text  # no request ("please sign
        mark = self._marked_names.named(reading.text, ctx.language) if asks else None  # us up")
        ranked = mark.first(ranked) if mark is not None else ranked  # "the 'agenda for local
        # democracy'", "tarefa 7": the record so named, first
        marked = mark.doc if mark is not None else None
        quoted = marked if mark is not None and mark.quoted else None
        ranked = glossing_first(reading.text, ranked) if qtype == "what" else ranked
        best_score, best = ranked[0]
        numbers = [o for o in terms if any(t[0] in "#y" and t[1:].isdigit() for t in o)]
        if best is not marked and not all(  # a year named is its own (the numbers of a
            apart.whole_holds(best, o, self.retriever)
            for o in numbers  # record marked are
        ):  # its own, the others the asker's story: "tarefa 6: site ... o que é a tarefa 7?")
            return Decision(ctx.handoff(ctx.phrase("no_such_record")), qtype, 0.1)
        places = self.retriever.place_terms
        own = set().union(*best.names, best.own_places)
        for options in terms:  # a place the question names must be the record's own
            if options & places and not options & own and not seated:
                return Decision(ctx.handoff(ctx.phrase("no_such_record")), qtype, 0.1)
        home = self._home_terms
        if (  # asked of the IOPD, a record about another body (OGP) only
            home & set().union(*terms)
            and not home & set(best.terms)
            and self._names_another_body(best, home)
            and not apart.event_named(best, ranked, terms, self.retriever)
        ):
            return Decision(ctx.handoff(), qtype, 0.2)
        bodies = [o for o in terms if o & self._body_terms and not o & home]
        if home & set(best.terms) and any(not any(best.terms.get(t) for t in o) for o in bodies):
            return Decision(ctx.handoff(), qtype, 0.2)  # asked of OGP, a record of the IOPD's
        if self._missing_label(reading):
            return Decision(ctx.handoff(ctx.phrase("no_such_record")), qtype, 0.1)
        if unknown_qualifier(reading.words, ctx.language, self.retriever, best.kind_terms):
            return Decision(ctx.handoff(ctx.phrase("no_such_record")), qtype, 0.1)  # "the
            # world congress of firefighters": no record's congress is of them
        own_kind = kind_words(reading.words, best, self.retriever.analyser, ctx.language)
        named = self._label_words | named_before_numeral(reading.text, best.record)  # GOLD III
        if best.group == "entry" and ordinals(reading.words, named, own_kind) & {
            t for o in numbers for t in o
        }:  # "the 8th distinction" is an edition, not priority 8 of a plan
            return Decision(ctx.handoff(ctx.phrase("no_such_record")), qtype, 0.1)
        editions_settled = False
        if not numbers and best.group in {"step", "award"}:  # no edition named: the current one
            best = self._current_edition(ctx, best)
            editions_settled = True
            general = self._general_of(ctx, reading, qtype, best, terms)
            if general is not None:  # "what is the award?": not one edition's text
                return self._record(ctx, reading, qtype, [(best_score, general)], terms)
        kinds_named = [o for o in terms if o & self._every_kind]
        said_kinds = self._kinds_said(ctx, reading)  # "treballa" (works) is no working group
        if qtype == "how_many" and not best.kind_terms & said_kinds:
            whole = self._counting_whole(ranked, best_score, said_kinds)
            if whole is not None:  # "how many lines had the plan approved in Portugal"
                best = whole
        if (
            kinds_named
            and any(o & said_kinds for o in kinds_named)
            and not any(best.terms.get(t) for o in kinds_named for t in o)
            and not apart.called_otherwise(best, terms, kinds_named, self.retriever)  # "le projet
        ):  # Bogota 50/50": a member's example, called a project by its own name
            return Decision(ctx.handoff(ctx.phrase("no_such_record")), qtype, 0.1)
        asked_kinds = said_kinds & self._every_kind
        if (
            qtype == "when"
            and asked_kinds
            and not best.kind_terms & asked_kinds
            and isinstance(best.record, EntryView)
            and _years(best.record.data)
        ):  # "when did the working group start": not the years of the project of its name
            return Decision(ctx.handoff(), qtype, 0.2)
        held = [o for o in terms if any(best.terms.get(t) for t in o)]
        if (
            held
            and qtype not in PLACE_ENOUGH
            and all(o & places for o in held)
            and not apart.place_names_it(best, held, self.retriever)  # "what did Banggai do?"
        ):
            return Decision(ctx.handoff(), qtype, 0.2)  # only a place in common: not this record
        coverage = self.coverage(best, terms)
        named_places = [o for o in terms if o & places]
        rivals = [
            (s, d)
            for s, d in ranked[1:]
            if s >= best_score * TIE
            and d.record_id != best.record_id
            and all(o & set().union(*d.names, d.own_places) for o in named_places)
            and all(d.terms.keys() & o for o in numbers)  # nor one of another year named
        ]  # a record held elsewhere than the place named is no rival ("the one in Chicago")
        if seated or best is quoted:  # the network's seat named, or the record by a name
            rivals = []  # marked as one: no record held elsewhere, or named otherwise, rivals
        if editions_settled:  # the other editions of an award are no rivals of the current one
            rivals = [(s, d) for s, d in rivals if d.group not in {"step", "award"}]
        named_kinds = set().union(*kinds_named) & self._every_kind if kinds_named else set()
        if named_kinds & best.kind_terms:  # the kind asked: records of other kinds are no rivals
            rivals = [(s, d) for s, d in rivals if d.kind_terms & named_kinds]
        if self._alone_in_period(best, reading, kinds_named, qtype):  # "the conference in
            rivals = []  # May": the one so called then, whatever kind it is
        rivals = rivals_named_in_period(best, rivals, named_kinds, reading.period)
        if best.group == "entry":  # undated knowledge: only a near-perfect tie is ambiguous
            rivals = [
                (s, d)
                for s, d in rivals
                if s >= best_score * 0.98 and d.group == "entry" and not self._agree(best, d)
            ]
        related = qtype == "who" and self._relates(best, reading.relation)
        if related:  # "who led the debate": a record without a leader is no rival of one with
            rivals = [(s, d) for s, d in rivals if self._relates(d, reading.relation)]
        agreeing = [d for _, d in rivals if self._same_answer(qtype, best, d)]
        rivals = [(s, d) for s, d in rivals if all(d is not a for a in agreeing)]
        if agreeing and not rivals:  # one answer recorded twice: the one the question names
            said = self.retriever.query_terms(reading.words, ctx.language)
            best = self._named(best, agreeing, said) or best
            coverage = self.coverage(best, terms)
        if rivals:
            said = self.retriever.query_terms(reading.words, ctx.language)
            chosen = self._named(best, [d for _, d in rivals], said)
            chosen = chosen or self._current(ctx, best, [d for _, d in rivals])
            chosen = chosen or self._fullest(best, [d for _, d in rivals], terms)
            if chosen is None and qtype == "what":  # "o que é o Democracine?": so called
                chosen = called_alone([best, *(d for _, d in rivals)], terms, self._weighty)
            if chosen is None:
                return Decision(ctx.handoff(), qtype, 0.2)
            best = chosen
            coverage = self.coverage(best, terms)
        second = next(  # a record giving the same answer is no runner-up of it
            (
                s
                for s, d in ranked[1:]
                if d.record_id != best.record_id
                and all(d is not a for a in agreeing)
                and not (  # the same fact in two kinds of record (an FAQ, a task): siblings
                    best.group == "entry" == d.group  # of one kind saying alike (two planned
                    and d.kind != best.kind  # offices) are still two answers
                    and self._agree(best, d)
                )
            ),
            0.0,
        )
        confidence = self._confidence(best_score, second, coverage)
        numbered = self._numbered_as(best, terms, kinds_named) and (
            qtype == "what" or (qtype in {"when", "where"} and isinstance(best.record, EventView))
        )  # what it is, or an event's date and place: what its own fields state
        related = related and self._relates(best, reading.relation)
        focus = apart.after_intro(reading.text, terms, self.retriever, ctx.language)
        if numbered and qtype == "what" and len(self._unheld(best, focus or terms)) >= UNHELD_ASIDE:
            numbered = False  # "what did Bilbao present at the 13th conference?": not what
        if (  # the conference is, which is all its record states
            self._singled_out(best, best_score, second, coverage, terms)
            or apart.named_apart(best, ranked, terms, coverage, self.retriever, qtype)
            or numbered
            or best is holder  # asked a slot of it by its own name: it holds it
            or best is quoted  # named by a name the member marked as one
            or self._alone_in_period(best, reading, kinds_named, qtype)
            or (related and coverage >= RELATED_COVERAGE)  # it states the relation asked
            or (  # "how many commitments at once?": it states the count of what is asked
                qtype == "how_many" and second < best_score * TIE and self._counts(best, terms)
            )
            or self._singled_after_intro(best, best_score, second, focus)
        ):
            confidence = max(confidence, MIN_CONFIDENCE)
            coverage = max(coverage, MIN_COVERAGE)
        if qtype == "contact":  # an address only from a record of the body named
            said = self.retriever.query_terms(reading.words, ctx.language)
            around = self.retriever.query_terms(reading.context, ctx.language)
            confidence = max(confidence, MIN_CONFIDENCE)
            return self._contact(ctx, best, ranked, terms, confidence, said, around)
        if qtype == "yesno" and (
            coverage < YESNO_COVERAGE or confidence < MIN_CONFIDENCE
        ):  # no record of all it names: only a sentence stating it answers
            stated = self._stated(ctx, reading, best, terms, confidence)
            if stated is not None:
                return stated
        drawn = self._drawn_from(best, terms) if qtype == "list" else []
        if len(drawn) >= 2:  # "the cities the presentation uses as examples": its examples
            return self._listed(ctx, drawn, max(min(confidence, 0.6), MIN_CONFIDENCE))
        parts = self._parts_asked(best, kinds_named) if qtype in {"list", "what"} else []
        if len(parts) >= 2:  # "the tasks of priority C", "tareas prioridad C": its tasks
            kinds = {t for p in parts for t in p.kind_terms}  # the parts hold their kind
            rest = [o for o in terms if not o & kinds]
            reach = self.coverage(best, rest)
            if (
                reach >= MIN_COVERAGE
                and self._confidence(best_score, second, reach) >= MIN_CONFIDENCE
            ):
                return self._listed(ctx, parts, confidence, terms)
        if (
            qtype not in {"list", "how_many"}
            and best is not holder
            and best is not marked
            and self._held_only_generic(best, terms)
        ):  # "una ciudad tiene un proyecto nuevo: ¿de qué se trata?": any city's project
            return Decision(ctx.handoff(), qtype, min(confidence, 0.3))
        if coverage < MIN_COVERAGE or confidence < MIN_CONFIDENCE:
            return Decision(ctx.handoff(), qtype, confidence)
        if qtype == "yesno":
            still = self._still_named(ctx, reading, best, terms, confidence)
            if still is not None:  # "is the IOPD still working with UCLG?": what it says
                return still
            if coverage < YESNO_COVERAGE or reading.still:  # the record does not state it
                return Decision(ctx.handoff(), qtype, min(confidence, 0.3))
            return self._polar(ctx, reading, best, terms, confidence)
        if (
            qtype == "cost" and best.terms.get("@cost", 0) < ALIAS_WEIGHT
        ):  # no fee stated, but in passing
            name = self._label(ctx, best)
            reply = ctx.handoff(ctx.phrase("cost_unknown_of", name=name), sources=[best.record_id])
            return Decision(reply, qtype, min(confidence, 0.4))
        if qtype == "how_many" and not self._counts(best, terms):
            best = self._counting(best, best_score, ranked, terms)
        reply = self._slot(ctx, reading, qtype, best)
        counted = self.counted_field(best, terms) if qtype == "how_many" else None
        if (
            qtype == "how_many"
            and not reply.handoff
            and not counted
            and not self._counts(best, terms)
        ):  # a count the record does not state, or not of what is counted ("countries"); in
            # figures or in words ("Ten areas", "Diez áreas")
            reply = ctx.handoff(sources=reply.sources)
        if qtype == "how_many" and not counted and not reply.handoff:  # "Dez áreas": 10
            number = self.spelt_count(best, terms, ctx.language)
            counted = str(number) if number is not None else None
        if counted and not reply.handoff and counted not in reply.text:  # its text may spell
            reply = Reply(f"{reply.text} ({counted})", reply.sources, target=reply.target)
        if not reply.handoff and best.group == "entry":
            if qtype == "list":  # "the priorities the assembly set": each it set, named
                alike = [
                    d
                    for s, d in ranked[1:]
                    if s >= best_score * TIE
                    and d.record_id != best.record_id
                    and d.kind == best.kind
                    and self._agree(best, d)
                    and self.coverage(d, terms) >= self.coverage(best, terms) - 1e-9
                ]  # a record the question fits less well ("the climate circle") is not one
                if alike:
                    return self._listed(ctx, [best, *alike], confidence)
            if self._one_of_many_listed(reading, qtype, best, terms, ctx.language):
                return self._whole_kind(ctx, reading, best, terms, confidence)
            reply = self._with_agreeing(reply, best, best_score, ranked, terms)
            if qtype in STANDING_SLOTS:  # the FAQ and the records it is drawn from: each
                asking = [
                    w for w in reading.words if self.retriever.vocabulary.question_words.knows(w)
                ]
                how = set().union(*self.retriever.query_terms(asking, ctx.language))  # "comment"
                said = [o for o in terms if not o & how]
                stating = stating_alike(
                    best, said, self.retriever.docs, self._home_terms, self._weighty
                )
                stating = [i for i in stating if i not in reply.sources]
                reply = Reply(reply.text, [*reply.sources, *stating], target=reply.target)
        own = set().union(*best.names, best.own_places, best.kind_terms)
        asked = set().union(*(o for o in terms if not o & own))  # words the best is not named by
        linked = [  # the same thing recorded again, which the question names by words of its
            d.record_id  # own name ("the workshop at the congress"): cited too
            for d in agreeing
            if d.kind != best.kind
            and d.record_id not in reply.sources
            and d.names
            and set().union(*d.names) & asked
            and (self._linked(best, d) or self._linked(d, best))
        ]
        if linked and not reply.handoff and "yesno" not in {qtype, reading.qtype}:  # its own
            reply = Reply(reply.text, [*reply.sources, *dict.fromkeys(linked)], target=reply.target)
        if not reply.handoff and self.retriever.vocabulary.editions.intersection(reading.words):
            reply = self._with_its_event(ctx, reply, best, terms)
        return Decision(reply, qtype, confidence if not reply.handoff else min(confidence, 0.4))

    def _with_its_event(
        self, ctx: Context, reply: Reply, best: Doc, terms: list[set[str]]
    ) -> Reply:
        """An item of a dated event (a news of a roundup) answered to a question asking the
        edition of that event's kind it was in ("in which edition of the Roundup was
        Valencia's award?"): the event it is part of is said and cited too, its name giving
        its date ("OGP Local Roundup, November 2023"), which the item's own record lacks."""
        if best.group != "entry" or not best.wholes:
            return reply
        asked = set().union(*terms) if terms else set()
        events = [
            d.record
            for d in self.retriever.docs
            if d.key in best.wholes
            and isinstance(d.record, EventView)
            and d.kind_terms & asked
            and d.record_id not in reply.sources
        ]
        event = next((e for e in events if isinstance(e, EventView)), None)
        if event is None:
            return reply
        name = text_in(event.name, ctx.language)[0]
        return Reply(f"{reply.text} ({name})", [*reply.sources, event.id], target=reply.target)

    def _general_of(
        self, ctx: Context, reading: Reading, qtype: str, edition: Doc, terms: list[set[str]]
    ) -> Doc | None:
        """Asked what a thing of several editions is, naming none of them nor a step ("what
        is the IOPD Distinction?"), once its last edition is over, the standing record
        relating its editions together (an FAQ on the award, whose data names each edition)
        answers, if the question fits it as well: the last edition's text (the 2020 work
        plan's awards) is not what the award is, nor, asked of no year, a later edition's
        (:func:`~hub.core.assistant.series_asked.general_asked`). While an edition runs, it is
        the award."""
        if qtype != "what" or edition.group not in {"award", "step"}:
            return None  # a step's record stands for its edition when no step is named
        span = self.span(edition)
        if span is None or self._names_a_step(ctx, reading):
            return None
        if span[1] >= ctx.today and (
            span[0] <= ctx.today or not general_asked(reading, ctx.language)
        ):
            return None  # a running edition is the award; a later one, asked of no year, is not
        reach = self.coverage(edition, terms)
        awards = {a.id for a in self._awards()}
        for doc in self.retriever.docs:
            record = doc.record
            related = record.data.get("related") if isinstance(record, EntryView) else None
            if (
                isinstance(related, list)
                and edition.record_id in related
                and len(awards.intersection(map(str, related))) >= 2
                and self.coverage(doc, terms) >= reach
            ):
                return doc
        return None

    def _fullest(self, best: Doc, rivals: list[Doc], terms: list[set[str]]) -> Doc | None:
        """Among tied records, the one holding clearly more of what the question says (by
        :data:`FULLER` of its words, weighed by rarity): a tie of scores from a word said
        twice in one record is no tie of what is asked."""
        held = sorted(
            ((self.coverage(d, terms), d) for d in [best, *rivals]), key=lambda item: -item[0]
        )
        if held[0][0] >= held[1][0] + FULLER:
            return held[0][1]
        return None

    def _place_holder_first(
        self, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> list[tuple[float, Doc]]:
        """A place the question names is the record's own: when the first record is not held
        there ("what did Madrid do under OGP Local": the programme's record), the best-ranked
        of the next few held there (and of the year named, if one is) comes first (Madrid's
        example), with its own score."""
        places = [o for o in terms if o & self.retriever.place_terms]
        if not places or not ranked:
            return ranked
        numbers = [o for o in terms if any(t[0] in "#y" and t[1:].isdigit() for t in o)]

        def held(doc: Doc) -> bool:  # there, and of the edition or year named
            own = set().union(*doc.names, doc.own_places)
            return all(o & own for o in places) and all(doc.terms.keys() & o for o in numbers)

        if held(ranked[0][1]):
            return ranked
        holder = next((d for _, d in ranked[1:PLACE_HOLDERS] if held(d)), None)
        if holder is None:
            return ranked
        score = next(s for s, d in ranked if d is holder)
        return [(score, holder), *[(s, d) for s, d in ranked if d is not holder]]

    def _singled_after_intro(
        self, best: Doc, score: float, second: float, focus: list[set[str]]
    ) -> bool:
        """Singled out by what is asked after an introduction and a colon (who asks, why)."""
        reach = self.coverage(best, focus) if focus else 0.0
        return reach >= MIN_COVERAGE and self._singled_out(best, score, second, reach, focus)
