"""From a read question and the ranked records to an answer, or an honest handoff.

Three ways a question is answered, each from the records' own fields:

- a **period** (next week, in October 2020, this autumn) lists the events in
  it, narrowed by whatever else the question names (a kind, a place);
- **the next / the last** of something picks, among the records the
  question names (or all events), the first one not yet over, or the latest
  one over, relative to the asker's now; after the last known one it hands
  off;
- otherwise the best-ranked **record**, and the slot asked of it (when,
  where, who, what...). When two records tie with different answers, the
  one current at "now" is taken if they are editions of the same kind, else
  the question is handed off. What the record does not state (a date, a
  place, an organiser, a winner) is said to be missing and handed off.

A past event or award step is said to be past. Every answer is then checked against what
the question names (:mod:`~hub.core.assistant.answer_checks`), and a yes/no the record path
handed off is answered where a record states it by what it is, its dates or its years
(:meth:`~hub.core.assistant.answers_yesno.YesNoAnswers._polar_rescued`).

:class:`Responder` reads the question and decides which way it is answered; each way is a
mixin of its own module, sharing the state of
:class:`~hub.core.assistant.answers_base.ResponderBase`:

- :mod:`~hub.core.assistant.question_terms`: the question read into the terms searched for;
- :mod:`~hub.core.assistant.record_or_period`: one record asked, or what a period holds;
- :mod:`~hub.core.assistant.answer_amends`: a handoff where the records cited do not state
  what is asked, two records asked side by side dated;
- :mod:`~hub.core.assistant.answer_checks`: the checks every answer passes;
- :mod:`~hub.core.assistant.answers_when`: periods, the next and the last;
- :mod:`~hub.core.assistant.answers_lists`: the records of a kind;
- :mod:`~hub.core.assistant.answers_records`: one record, chosen among close rivals by
  :mod:`~hub.core.assistant.record_choice`, yes or no by
  :mod:`~hub.core.assistant.answers_yesno`;
- :mod:`~hub.core.assistant.answers_slots` and :mod:`~hub.core.assistant.answers_entries`:
  the slot asked of an event, an award or an entry.
"""

from __future__ import annotations

from dataclasses import replace

from hub.core.assistant.answers_base import (
    Decision,
    _numbered,
    award_name,
)
from hub.core.assistant.answers_roles import RoleAnswers
from hub.core.assistant.applicant_kinds import kind_unstated
from hub.core.assistant.artifact_asked import ArtifactAsked
from hub.core.assistant.attribute_unstated import attribute_unstated, month_unheld
from hub.core.assistant.body_views import body_view
from hub.core.assistant.context import Context
from hub.core.assistant.deadline_asked import deadline_missing, deadline_unstated
from hub.core.assistant.edition_elsewhere import edition_elsewhere
from hub.core.assistant.edition_moved import edition_moved
from hub.core.assistant.held_places import held_by_place
from hub.core.assistant.item_wholes import item_before_whole, item_named_in_whole
from hub.core.assistant.lists_unheld import members_unlisted
from hub.core.assistant.member_kinds import MEMBERS_SLOTS, kind_words, programme_named
from hub.core.assistant.office_for_asker import office_for_asker
from hub.core.assistant.on_record import without_holding_words
from hub.core.assistant.order_asked import OrderAsked
from hub.core.assistant.own_standing import own_standing_asked
from hub.core.assistant.parties_unnamed import parties_named
from hub.core.assistant.period_edition import period_edition
from hub.core.assistant.period_named import record_of_its_period
from hub.core.assistant.person_unnamed import person_unnamed
from hub.core.assistant.plan_line_lists import PlanLineLists
from hub.core.assistant.plan_named_lists import PlanNamedLists
from hub.core.assistant.plan_part_asked import PlanPartAsked
from hub.core.assistant.plan_status_lists import PlanStatusLists
from hub.core.assistant.precision_asked import precision_unstated
from hub.core.assistant.question_terms import QuestionTerms, _small
from hub.core.assistant.reading import Reading
from hub.core.assistant.record_or_period import _WORD
from hub.core.assistant.records_held import held_counted
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.series_asked import current_edition
from hub.core.assistant.step_unstated import moment_unstated
from hub.core.assistant.stub_records import stub_slot_asked
from hub.core.assistant.text import normalise
from hub.core.assistant.verbs_unheld import marked_verbs

LIGHT_WORDS = frozenset(
    {
        "get",
        "gets",
        "got",
        "getting",
        "go",
        "goes",
        "going",
        "gonna",
        "gotta",
        "wanna",
        "take",
        "takes",
        "took",
        "taken",
        "make",
        "makes",
        "made",
        "pick",
        "picks",
        "picked",
        "picking",
        "happen",
        "happens",
        "happened",
        "happening",
        "thing",
        "things",
        "stuff",
        "anything",
        "something",
        "originally",
        "actually",
        "basically",
        "exactly",
        "yo",
        "called",
        "during",
        "durante",
        "durant",
        "pendant",
        "lors",
        "mentre",
        "enquanto",
    }
)
"""English verbs and fillers members write around what they ask ("who picked up the award",
"in which years did it run originally", "what's gonna happen", a chat "yo" before it; the
Spanish "yo" is the pronoun "I", no record's word either; "what's it called" asks a name,
its "called" is no call for entries), and the words placing what is asked inside another
thing in any of the languages ("a session during the conference", "pendant", "durante",
"lors"): they name no record, and a record is not judged by whether its text holds them
(a record saying "held during the conference" is no better answer for it)."""
HAPPENING_WORDS = frozenset({"run", "runs", "ran", "running"})
"""Asked when or where, "run" is taking place ("when did the project run"); asked who, it is
leading ("who runs the IOPD") and stays."""
FIRST_WORDS = frozenset(
    {"first", "primero", "primera", "premier", "premiere", "primer", "primeiro", "primeira"}
)
"""Words asking which of two came first ("which opened first", "lequel en premier"): their
dates are asked."""


class Responder(
    OrderAsked,
    RoleAnswers,
    PlanStatusLists,
    PlanLineLists,
    PlanPartAsked,
    PlanNamedLists,
    QuestionTerms,
    ArtifactAsked,
):
    """Reads a question and decides which way it is answered (:meth:`decide`)."""

    def decide(self, ctx: Context, reading: Reading) -> Decision:
        asked = self._offered_aside(reading)  # "is it in SF or Chicago?": where is asked
        decision = self._within_bounds(ctx, asked, self._decide_parts)  # "8 commitments?"
        office = office_for_asker(ctx, reading, self.retriever.vocabulary, decision)
        decision = decision if office is None else office  # "which office for a city in X"
        held = held_by_place(ctx, reading, self.retriever, self._event_kind_terms, decision)
        decision = decision if held is None else held  # "has the network ever met in Brazil?"
        unnamed = person_unnamed(ctx, reading, decision, self.retriever.docs)  # "nome e email"
        decision = decision if unnamed is None else unnamed
        moved = edition_moved(ctx, reading, self, decision)  # "in Chicago again this year?"
        if moved is not None:  # this year's edition is elsewhere: no, with it
            return moved
        current = current_edition(ctx, reading, decision)  # "which edition is this year's?"
        if current is not None:  # its number asked of a record saying it gives none: handed off
            return stub_slot_asked(ctx, reading, current) or current
        edition = period_edition(ctx, reading, self, decision)  # "last year's conference, where?"
        decision = decision if edition is None else edition  # its slot, still checked below
        elsewhere = edition_elsewhere(ctx, reading, decision)  # "the 2014 forum": 2013 held
        decision = decision if elsewhere is None else elsewhere
        decision = self._artifact_checked(ctx, reading, decision)  # "the website?": not the fee
        unlisted = members_unlisted(ctx, reading, decision, self.retriever)  # "all members"
        decision = decision if unlisted is None else unlisted
        own = own_standing_asked(ctx, reading, decision, self.retriever.vocabulary)
        decision = decision if own is None else own  # "is my city a member?": no list held
        finer = precision_unstated(ctx, reading, decision)  # "the deadline?": February only
        decision = decision if finer is None else finer
        unstated = kind_unstated(ctx, reading, decision)  # "una escola pot adherir-s'hi?": unsaid
        decision = decision if unstated is None else unstated
        stub = stub_slot_asked(ctx, reading, decision)  # "its theme?": "topic not given"
        decision = decision if stub is None else stub
        lacking = attribute_unstated(ctx, reading, decision)  # "the link?": the record has none
        decision = decision if lacking is None else lacking
        unheld = month_unheld(ctx, reading, decision)  # "the December roundup": November held
        decision = decision if unheld is None else unheld
        viewed = body_view(ctx, reading, self, decision)  # "how does OGP define open gov?"
        return decision if viewed is None else viewed

    def _decide_parts(self, ctx: Context, reading: Reading) -> Decision:
        decision = self._decide_whole(ctx, reading)
        decision = self._role_rescued(ctx, reading, decision)  # "who runs it day to day?"
        part = self._labelled_part(ctx, reading, decision)  # "task 22 ... which platform?"
        decision = decision if part is None else part  # "which universities?": named
        decision = parties_named(ctx, reading, decision, self.retriever.docs)  # if stated
        return self._topic_checked(ctx, reading, decision)  # "task 7 ... about crowdfunding"

    def _decide_whole(self, ctx: Context, reading: Reading) -> Decision:
        qtype = reading.qtype or ("when" if reading.day else "what")  # "exact day it opens?"
        if qtype == "how_many":  # "how many offices do you know of?": the records listed
            held = held_counted(ctx, reading, self._decide_whole)
            if held is not None:
                return held
        if reading.closing and qtype == "share":  # "the deadline to submit": when, not how
            qtype = "when"
        closing_slot = self._closing_slot(reading) if reading.qtype is None else None
        if closing_slot is not None:  # "le festival, il a lieu où ?": where is asked
            qtype = closing_slot
        if qtype == "list" and reading.period is None and self._days_listed(reading):
            qtype = "when"  # "what are the days of the conference": its dates, no list
            reading = replace(reading, day=True)
        if qtype == "yesno" and self._asks_with_question_word(reading):
            qtype = "what"  # "how is it funded?", "..., qual era?": how or what, not yes/no
        if not reading.words or (
            ctx.language in reading.out_of_scope_in
            and (reading.asks_the_assistant or not self._named_in_scope(ctx, reading))
        ):  # "¿qué opinas del presidente de X?": an opinion, even of a record named
            return Decision(ctx.handoff(), "out_of_scope" if reading.words else "unknown", 0.0)
        names = [  # a word the records write as a name, even if it is also a concept's word
            w
            for w in reading.words
            if w in self.retriever.capital_words and w not in reading.content
        ]
        said = list(reading.content)
        if said and reading.words and said[-1] == reading.words[-1]:
            closing = self.retriever.vocabulary.question_words.find(said[-1:], fuzzy=False)
            if closing:  # "il fait quoi ?", "pede o quê?": a question word closing it asks
                said = said[:-1]
        if qtype == "when":  # "when does it begin": the verb says which end, not the topic
            slot: set[int] = set()
            self.retriever.vocabulary.starting.find(said, slot, fuzzy=False)
            said = [w for i, w in enumerate(said) if i not in slot and not self._unit_word(w)]
        light = LIGHT_WORDS | (HAPPENING_WORDS if qtype in {"when", "where"} else frozenset())
        words = [w for w in [*said, *names] if w not in light]
        if qtype == "what":  # "c'est quoi les 10 priorités": all of them, not priority 10
            words = [w for i, w in enumerate(words) if i not in self._counted(ctx, reading, words)]
        if qtype == "list":  # "the 4 priorities": a number said in a list counts, no edition
            placed = self._placed_ordinals(ctx, reading, words)  # "la quarta línia": a label
            words = [w for i, w in enumerate(words) if not (_small(w) and i not in placed)]
            kept = without_holding_words(  # "the editions you have on record"
                words,
                self.retriever.idf,
                lambda w: self.retriever.analyser.terms(w, ctx.language),
                self.retriever.vocabulary.editions,
            )
            if kept is None:  # "¿qué becas tenéis registradas?": a kind no record is
                return Decision(ctx.handoff(), qtype, 0.0)
            words = kept
        if qtype == "join":  # "comment rejoindre un cercle": "comment" asks the way
            words = self._join_topic(words)
        terms = self.retriever.unbind(self.retriever.query_terms(words, ctx.language))
        generic = self._every_kind | self._home_terms | self.retriever.place_terms  # a verb
        terms = marked_verbs(terms, reading, qtype, ctx.language, self.retriever, generic)
        # the record does not hold weighs as a common word ("me interrogan sobre X: ¿qué es?")
        kinds = kind_words(reading.kinds, ctx.language)  # "can an NGO join": civil society
        around = self.retriever.unbind(
            self.retriever.query_terms([*reading.context, *kinds], ctx.language)
        )
        only_units = self._only_units(words, ctx.language)
        if only_units and not around:  # "which days?" and nothing else: no topic to answer
            return Decision(ctx.handoff(), qtype, 0.0)
        if not any(t in self.retriever.idf for o in terms for t in o) or only_units:
            terms = [*terms, *around]  # the question names nothing ("which days exactly?"):
            around = []  # what is around it is asked
        ranked = self._ranked(terms, around)
        if qtype in MEMBERS_SLOTS:  # "join OGP Local", "join the IOPD": that one's records
            ranked = programme_named(ranked, terms, around, reading.kinds)
        ordered = self._order_asked(ctx, reading, self._decide_whole)  # "A or B, which first?"
        if ordered is not None:
            return ordered
        if qtype == "yesno":  # "does the plan have 30 tasks?": the count its record writes
            counted = self._count_claimed(ctx, reading, terms)
            if counted is not None:
                return counted
            since = self._since_claimed(ctx, reading, terms)  # "depuis 2010, non ?"
            if since is not None:
                return since
            claimed = self._period_claimed(ctx, reading, ranked, terms)  # "next week?"
            claimed = claimed or self._order_claimed(ctx, reading)  # "before the forum?"
            if claimed is not None:
                return claimed
        if qtype == "what" and reading.qtype is None:  # "colabora con CGLU desde 2010?",
            since = self._since_claimed(ctx, reading, terms)  # "depuis longtemps ?": a claim
            if since is not None:  # of when it began, asked in a statement's order
                return since
        if qtype == "how_many":  # "how many tasks has the 2020 plan?": the count it writes
            written = self._count_asked(ctx, reading, terms)
            if written is not None:
                return written
        premise = self._period_premise(ctx, reading, qtype, terms)  # "this year, in X or Y?"
        premise = premise or self._premise_corrected(ctx, reading, qtype, terms, ranked)
        if premise is not None:  # "the 4th UCLG Congress in Casablanca?": Rabat, not there
            return premise
        dated = self._dated_in_period(ctx, reading, ranked, terms) if qtype == "when" else None
        if dated is not None:  # "the conference in Cascais this summer, which days?"
            return dated
        if qtype == "who":  # "who set the thematic priorities?": the body their data names
            decider = self._decider_named(ctx, reading, terms)
            if decider is not None:
                return decider
        decision = self._decided(ctx, reading, qtype, terms, ranked)
        decision = self._plan_part_stated(ctx, reading, qtype, terms, decision)  # "which
        # offices did the 2014-2015 plan foresee": its priority saying so, not every office
        decision = self._plan_part_asked(ctx, reading, qtype, terms, decision)  # "which
        # offices was the 2013 plan to consolidate": its action, not the offices it names
        polar = qtype == "yesno" or (qtype == "what" and self._polar_cost(reading))
        checked = polar or (reading.polar and qtype == "list")  # "are there any... in X?"
        if checked:  # only what the records cited state is answered yes or no
            decision = self._polar_checked(ctx, reading, terms, decision)
        if polar and decision.reply.handoff and not decision.stated:  # "já passou?": yes/no
            rescued = self._polar_rescued(ctx, reading, ranked, terms)
            if rescued is not None:
                return self._polar_checked(ctx, reading, terms, rescued)
        decision = self._accounted(ctx, reading, qtype, terms, ranked, decision)
        if self._seat_of_another(reading, qtype, terms, decision):  # the presidency's seat
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        missing = self._detail_unstated(ctx, reading, qtype, decision)
        if missing is None:  # "c'était où la conf ?": its year is no place
            missing = self._place_unstated(ctx, reading, qtype, decision)
        if missing is not None:  # "what did it decide?": its dates are no outcome
            reply = ctx.handoff(*missing, sources=decision.reply.sources)
            return Decision(reply, qtype, min(decision.confidence, 0.3))
        ordering = qtype in {"what", "list"} and bool(  # "first" is read as the ordinal 1
            FIRST_WORDS.intersection(_WORD.findall(normalise(reading.text)))
        )
        if decision.reply.handoff and not polar and (qtype == "when" or ordering):
            pair = self._pair_dated(ctx, reading, terms, ranked)  # "Chicago and San Francisco"
            if pair is not None:
                return pair
        if checked:
            return self._polar_checked(ctx, reading, terms, decision)
        untimed = self._standing_now(ctx, reading, qtype, decision)  # "join before the end
        if untimed is not None:  # of the year?": the time words choose no standing record
            decision = untimed
        elif decision.reply.handoff:  # "c'est quoi l'OIDP ? une ONG ?"
            decision = self._guesses_aside(ctx, reading, qtype) or decision
        if qtype == "join":  # "how do I join the working group": a record saying how to
            decision = self._joined(ctx, reading, terms, ranked, decision)  # join it, or none
        cited = [r for r in map(ctx.index.record, decision.reply.sources) if r is not None]
        if not decision.reply.handoff and deadline_unstated(reading.words, cited):  # its days
            reply = ctx.handoff(
                decision.reply.text, deadline_missing(ctx, cited), sources=decision.reply.sources
            )
            return Decision(reply, qtype, min(decision.confidence, 0.3))
        moment = moment_unstated(ctx, reading, qtype, decision)  # "the prize-giving": no step
        return decision if moment is None else moment

    def _decided(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
    ) -> Decision:
        """The answer from the question's terms and the records ranked for them."""
        ranked = item_named_in_whole(ranked, terms, qtype)  # "the roundup: Buenos Aires?"
        kind_terms, content = self._split_terms(terms)
        kind_terms -= self._aside_only_terms(ctx, reading)  # "pas les bureaux en projet"
        named = [c for c in content if self._weighty(c)] and ranked
        asks_record = (
            qtype != "list"
            and named
            and self.coverage(ranked[0][1], terms) >= 0.75
            and (  # "the agenda ... any event": no record named, the week's events asked
                self._called(ranked[0][1], content)
                or (
                    self.coverage(ranked[0][1], terms) >= 0.99
                    and len([c for c in content if self._weighty(c) and not _numbered(c)]) >= 2
                )
            )
            and not self._undated_in(reading, ranked[0][1])
        )
        about_events = not kind_terms or (
            bool(kind_terms & self._event_kind_terms)
            and not kind_terms & self._award_only_terms
            and not kind_terms - self._event_kind_terms - self._container_terms
        )  # "the call for the award this year": the award's steps, not the period's events;
        # "the priorities the 2020 assembly set": the priorities, not the events of 2020;
        # "the outside events in this year's plan": the events, the plan says where
        enumerated = self._enumerated(ctx, reading, qtype, terms)  # "the plan's objectives"
        if enumerated is not None:
            return enumerated
        whole = self._whole_listed(ctx, reading, terms) if qtype == "list" else None
        if whole is not None:  # "which OGP Local circles are there": the circles' record
            return whole
        drawn = self._document_listed(ctx, reading, terms) if qtype == "list" else None
        if drawn is not None:  # "which cities of Spain does the OGP Local deck show"
            return drawn
        known = self._known_as_listed(ctx, reading, terms) if qtype in {"list", "when"} else None
        if known is not None:  # "os exemplos do OGP Local": each record so called
            return known
        marked = self._plan_status_listed(ctx, reading, qtype, kind_terms, terms)
        if marked is not None:  # "the new working groups of the current plan"
            return marked
        lined = self._line_tasks_listed(ctx, reading, qtype, kind_terms, terms)
        if lined is not None:  # "the actions for visibility in the 2013 plan"
            return lined
        step = self._step_named(ctx, reading, qtype, ranked, terms)
        if step is not None:  # "when is the work on the 2019 conference's minutes?"
            return step
        if (
            reading.period is not None
            and qtype in {"list", "when", "what", "yesno"}
            and not asks_record
            and about_events  # "the priorities of 2020": a year that narrows, not a period
            and not self._topic_elsewhere(reading, ranked, content)
            and not (qtype == "what" and self._topic_unheld(reading, content))
        ):
            yearly = self._named_of_the_year(ctx, reading) if qtype in {"list", "what"} else None
            if yearly is not None:  # "which networks does it work with this year": 2013's
                return yearly  # task of that name, no event
            own = record_of_its_period(self, ctx, reading, ranked, terms)
            if own is not None:  # "the stories of the May 2021 bulletin": its own
                return own
            return self._period(ctx, reading, ranked, kind_terms, content, terms)
        if (
            reading.relative is not None
            and qtype not in {"join", "share", "cost", "how_many"}
            and not self._relative_within(ranked, content, terms)
        ):
            return self._relative(ctx, reading, ranked, kind_terms, content, terms)
        if not ranked:
            return Decision(ctx.handoff(), "unknown", 0.0)
        weighty = [c for c in content if self._weighty(c) or _numbered(c)]  # "the plan 2020"
        if kind_terms and not weighty and qtype in {"list", "what", "yesno", "where"}:
            listed = self._kind_list(ctx, kind_terms, qtype == "list", reading, terms)
            if listed is not None:
                return listed
        if (
            kind_terms
            and weighty
            and (qtype == "list" or (qtype == "what" and self._set_aside(ctx, reading)[1]))
        ):  # "¿qué otras prioridades... además del clima?": the others, a list
            listed = self._kind_matching(ctx, reading, kind_terms, weighty, terms)
            if listed is not None:
                return listed
        ranked = item_before_whole(ranked, terms)  # "Valencia's prize": not the roundup's list
        decision = self._record(
            ctx, reading, qtype, self._of_kind(ranked, kind_terms, qtype), terms
        )
        if decision.reply.handoff and qtype == "cost" and self._polar_cost(reading):
            polar = self._record(  # "does the secretariat pay for X?": whether, not how much
                ctx, reading, "yesno", self._of_kind(ranked, kind_terms, "yesno"), terms
            )
            if polar.stated:  # only a sentence saying who pays: "yes, it exists" is no price
                return polar
        if (
            decision.reply.handoff
            and qtype == "what"
            and kind_terms
            and weighty
            and self._kind_in_plural(reading)
        ):  # "les priorités thématiques 2020 ?": no one of them, all of them
            listed = self._kind_matching(ctx, reading, kind_terms, weighty, terms)
            if listed is not None:
                return listed
        return decision


__all__ = ["Decision", "Responder", "award_name"]
