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

import re
from dataclasses import replace

from hub.core.assistant.answer_checks import AnswerChecks
from hub.core.assistant.answers_base import (
    MIN_COVERAGE,
    Decision,
    _numbered,
    award_name,
)
from hub.core.assistant.answers_bounds import BoundAnswers
from hub.core.assistant.answers_deciders import DeciderAnswers
from hub.core.assistant.answers_join import JoinAnswers
from hub.core.assistant.asking import clause_opens_asking
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import AwardView, text_in
from hub.core.assistant.item_wholes import item_before_whole, item_named_in_whole
from hub.core.assistant.member_kinds import MEMBERS_SLOTS, kind_words, programme_named
from hub.core.assistant.money_stated import whether_money
from hub.core.assistant.offered_answers import OR_WORDS, offered_answers
from hub.core.assistant.on_record import without_holding_words
from hub.core.assistant.parties_unnamed import parties_named
from hub.core.assistant.place_asked import SLOTS as PLACE_SLOTS
from hub.core.assistant.place_asked import asks_where, place_unstated
from hub.core.assistant.plan_line_lists import PlanLineLists
from hub.core.assistant.plan_parts import counted_kinds
from hub.core.assistant.plan_status_lists import PlanStatusLists
from hub.core.assistant.premises_period import PeriodPremiseAnswers
from hub.core.assistant.reading import Reading
from hub.core.assistant.records_held import held_counted
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.seat_asked import seat_of_another
from hub.core.assistant.text import normalise
from hub.core.knowledge.loader import DOCUMENT_KIND

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
DISTINCT = 5
"""A word found in at most this many records, in one's own name, names that record."""
FIRST_WORDS = frozenset(
    {"first", "primero", "primera", "premier", "premiere", "primer", "primeiro", "primeira"}
)
"""Words asking which of two came first ("which opened first", "lequel en premier"): their
dates are asked."""
PAIR_REACH = 10
"""How far down the ranking the two records a question names side by side are looked for."""
PAIR_RIVAL = 0.7
"""Share of its score a record named by the same places, of the same kind, must reach to
make one of two records compared ambiguous (a rescue from a handoff: wide on purpose)."""
CLOSING_SLOTS = frozenset({"where", "when", "who"})
"""Slots a question word closing a question asks by itself ("c'est où ?", "c'est quand ?")."""
CONTAINERS = ("work_plan", DOCUMENT_KIND)
"""Kinds whose records hold others: a work plan lists the year's events, a document the
records drawn from it ("the outside events in this year's plan")."""
LIKE_STEM = 5
"""Two stems of one word's forms ("collab", "collabor"): one begins the other, and the
shorter has at least this many letters."""
CONTEXT_WEIGHT = 0.1
"""Share of their score the words around a question add to a record's (they break ties)."""
_YEAR = re.compile(r"(19|20)\d\d")
_WORD = re.compile(r"\w+")


class Responder(
    PlanStatusLists,
    PlanLineLists,
    AnswerChecks,
    JoinAnswers,
    DeciderAnswers,
    BoundAnswers,
    PeriodPremiseAnswers,
):
    """Reads a question and decides which way it is answered (:meth:`decide`)."""

    def decide(self, ctx: Context, reading: Reading) -> Decision:
        reading = self._offered_aside(reading)  # "is it in SF or Chicago?": where is asked
        return self._within_bounds(ctx, reading, self._decide_parts)  # "8 commitments?"

    def _decide_parts(self, ctx: Context, reading: Reading) -> Decision:
        decision = self._decide_whole(ctx, reading)
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
            ctx.language in reading.out_of_scope_in and not self._named_in_scope(ctx, reading)
        ):
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
        return decision

    def _offered_aside(self, reading: Reading) -> Reading:
        """The question without the answers it offers (:func:`offered_answers`): the slot
        they answer is asked, no yes or no, and their words name nothing asked about."""
        if reading.out_of_scope:  # "better in Porto Alegre or in Barcelona?": a judgement
            return reading
        offered = offered_answers(
            reading.text, reading.qtype, self.retriever.vocabulary, self.retriever.place_words
        )
        if offered is None or not (set(offered.words) - OR_WORDS) & set(reading.words):
            return reading  # "(Was it in Portugal or Barcelona? I forget.) Who approved
            # it?": offered around the question, not in it
        content = _without(reading.content, offered.words)
        if offered.slot is None:  # "..., or is it only for cities?": asked as it was
            return replace(reading, content=content)
        asking = self.retriever.vocabulary.types.words_of(offered.slot)  # "fica em Lisboa ou
        return replace(  # em Barcelona": "fica" is how "onde fica" asks where, no topic
            reading,
            qtype=offered.slot,
            polar=False,
            hour=reading.hour or offered.hour,
            content=[w for w in content if w not in asking],
        )

    def _seat_of_another(
        self, reading: Reading, qtype: str, terms: list[set[str]], decision: Decision
    ) -> bool:
        """Asked where a body is based ("la sede de la presidencia"), the network's seat
        answers, which is another body's (:mod:`~hub.core.assistant.seat_asked`)."""
        reply = decision.reply
        if qtype != "where" or not reading.seat or reply.handoff or len(reply.sources) != 1:
            return False
        seat = self._seat()
        if seat is None or reply.sources != [seat.record_id]:
            return False
        home = self._home_terms | self._networks
        places = self.retriever.place_terms
        return seat_of_another(terms, seat, home, places, self.retriever.docs)

    def _detail_unstated(
        self, ctx: Context, reading: Reading, qtype: str, decision: Decision
    ) -> list[str] | None:
        """The answer's records do not state a detail the question asks beside its slot
        (:mod:`~hub.core.assistant.details`): "what did the congress decide?" answered
        from a congress's record that says when and where it was, and nothing decided.
        None when every detail asked is stated; else what to say before the handoff: what
        the record does say (its answer, unless a yes or no was asked) and the detail
        missing, when the table names it ("the documents do not give the programme of
        ...")."""
        reply = decision.reply
        if reply.handoff or not reply.sources:
            return None
        asked = self.details.asked(reading.words, ctx.language, qtype)
        if qtype == "cost":
            words = reading.words
            asks = not reading.polar and bool(
                self.retriever.vocabulary.question_words.find(words, fuzzy=False)
            )
            awards = [r for r in map(ctx.index.record, reply.sources) if isinstance(r, AwardView)]
            funded = any("fundraising" in award.steps for award in awards)  # not a Distinction
            if funded and whether_money(words, asks):  # whose plan only says what prizes cost
                asked = [(d, said) for d, said in asked if d.name != "amount"]  # "is there any?"
        if not asked:
            return None
        docs = [d for d in self.retriever.docs if d.record_id in set(reply.sources)]
        missing = [d for d, said in asked if not self.details.states(d, said, docs)]
        if not missing:
            return None
        named = missing[0].named
        if not named or not docs:
            return []
        name = text_in(docs[0].record.name, ctx.language)[0]
        detail = named.get(ctx.language, named.get("en", ""))
        said = [] if qtype == "yesno" else [reply.text]  # what the record does say of it
        return [*said, ctx.phrase("detail_unknown_of", detail=detail, name=name)]

    def _place_unstated(
        self, ctx: Context, reading: Reading, qtype: str, decision: Decision
    ) -> list[str] | None:
        """Where is asked beside the slot read (:mod:`~hub.core.assistant.place_asked`) and
        the events cited give no place: what they say (unless a yes or no was asked), then
        that the place is not given."""
        reply = decision.reply
        if qtype not in PLACE_SLOTS or reply.handoff or not asks_where(reading.text, ctx.language):
            return None
        docs = [d for d in self.retriever.docs if d.record_id in set(reply.sources)]
        if not place_unstated(docs):
            return None
        name = text_in(docs[0].record.name, ctx.language)[0]
        said = [] if qtype == "yesno" else [reply.text]
        return [*said, ctx.phrase("place_unknown_of", name=name)]

    def _pair_dated(
        self,
        ctx: Context,
        reading: Reading,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
    ) -> Decision | None:
        """Asked the dates of two records side by side ("when was Chicago and when is San
        Francisco?", "which opened first, the Porto Alegre office or the Dakar platform?"):
        each is named by places of its own the other lacks, both are of one kind (two
        conferences, two offices), together they hold every place the question says, and no
        rival of the same kind near them is named by the same places with another date.
        Both dates answer; None when the question is not such a pair (it stays handed off)."""
        places = self.retriever.place_terms
        top = ranked[:PAIR_REACH]
        keys = [i for i, o in enumerate(terms) if o & places]
        if len(keys) < 2:
            return None

        def naming(doc: Doc) -> frozenset[int]:
            own = set().union(*doc.names, doc.own_places) if doc.names else doc.own_places
            return frozenset(i for i in keys if terms[i] & own)

        first = next(((s, d) for s, d in top if naming(d)), None)
        if first is None:
            return None
        second = next(
            ((s, d) for s, d in top if naming(d) and not naming(d) & naming(first[1])), None
        )
        if second is None or naming(first[1]) | naming(second[1]) != set(keys):
            return None
        if first[1].kind != second[1].kind:  # things compared are alike: two conferences
            return None
        replies = []
        for score, doc in (first, second):
            reply = self._slot(ctx, reading, "when", doc)
            if reply.handoff:
                return None
            for other_score, other in top:
                if (
                    other is not doc
                    and other_score >= score * PAIR_RIVAL
                    and other.kind == doc.kind
                    and naming(other) == naming(doc)
                    and self._says("when", other) != self._says("when", doc)
                ):
                    return None  # two records of that name, with different dates
            replies.append(reply)
        text = " ".join(r.text for r in replies)
        sources = [*replies[0].sources, *replies[1].sources]
        return Decision(Reply(text, sources), "when", 0.5)

    def _named_in_scope(self, ctx: Context, reading: Reading) -> bool:
        """The out-of-scope words the question says ("the members list") are part of a
        record's own name, which the question names by another word of it too ("the
        clean-up of the members list": the 2020 task so named), so the record is asked, not
        the list itself."""
        retriever = self.retriever
        phrase = [o for o in retriever.query_terms(list(reading.out_of_scope_words), ctx.language)]
        if not phrase:
            return False
        terms = retriever.query_terms(list(reading.content), ctx.language)
        rest = [o for o in terms if self._weighty(o) and not _numbered(o) and o not in phrase]
        ranked = retriever.search(terms)
        if not ranked or not rest:
            return False
        best = ranked[0][1]
        own = set().union(*best.names) if best.names else set()
        return (
            best.group == "entry"
            and all(o & own for o in phrase)
            and any(o & own and not o & self._every_kind for o in rest)
        )

    def _counted(self, ctx: Context, reading: Reading, words: list[str]) -> set[int]:
        analyser = self.retriever.analyser
        return counted_kinds(
            words,
            normalise(reading.text).split() or reading.words,
            self.retriever.vocabulary.spelt.get(ctx.language, {}),
            self._every_kind,
            lambda w: {analyser.stem(w, ctx.language), analyser.stem(w, "en")},
        )

    def _placed_ordinals(self, ctx: Context, reading: Reading, words: list[str]) -> set[int]:
        """The positions of the small numbers in ``words`` that the question writes as
        ordinals (not as figures or cardinal words) right before the name of a kind: "la
        quarta línia" labels the fourth line; "the 4 lines" counts, and "which opened
        first" orders."""
        spelt = self.retriever.vocabulary.spelt.get(ctx.language, {})
        written = normalise(reading.text).split() or reading.words
        counts = {w for w in written if w.isdigit()} | {
            str(spelt[w]) for w in written if w in spelt
        }
        kinds = self._every_kind
        analyser = self.retriever.analyser
        return {
            i
            for i, w in enumerate(words[:-1])
            if _small(w)
            and w not in counts
            and {analyser.stem(words[i + 1], ctx.language), analyser.stem(words[i + 1], "en")}
            & kinds
        }

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

    def _named_of_the_year(self, ctx: Context, reading: Reading) -> Decision | None:
        """Asked what there is in a year, the question says the whole name (two words or
        more, the network's aside) of an entry of that year's documents ("amb quines xarxes
        col·labora l'OIDP aquest any?" in 2013: the 2013 task "Collaboration with other
        networks", no event): that entry answers. None when the period is no year, or no
        single entry is so named."""
        period = reading.period
        if period is None or period.kind != "year":
            return None
        home = self._home_terms
        asked = self.retriever.query_terms(reading.words, ctx.language)  # "collaborate
        said = set().union(*(o for o in asked if not o & home))  # with": its verb too

        def spoken(term: str) -> bool:  # "col·labora" for "col·laboració": one stem begins
            return term in said or any(  # the other, five letters or more
                min(len(t), len(term)) >= LIKE_STEM and (t.startswith(term) or term.startswith(t))
                for t in said
            )

        named = [
            d
            for d in self.retriever.docs
            if d.group == "entry"
            and (era := self.era(d)) is not None
            and period.start.year <= era <= period.end.year
            and any(len(n - home) >= 2 and all(map(spoken, n - home)) for n in d.names)
        ]
        if len(named) != 1:
            return None
        reply = self._slot(ctx, reading, "what", named[0])
        return None if reply.handoff else Decision(reply, "list", 0.5)

    @property
    def _container_terms(self) -> set[str]:
        """The terms of the names of the kinds that hold other records (:data:`CONTAINERS`):
        beside an event's kind, where the events are written, not what is asked."""
        if not hasattr(self, "_container_cache"):
            analyser = self.retriever.analyser
            kinds = self.retriever.vocabulary.kinds
            self._container_cache: set[str] = {
                t
                for kind in CONTAINERS
                for language, phrases in kinds.get(kind, {}).items()
                for phrase in phrases
                for t in analyser.terms(phrase, language)
            }
        return self._container_cache

    def _closing_slot(self, reading: Reading) -> str | None:
        """A question word closes the question and no slot was read ("le festival, il a
        lieu où ?", "c'est où ?"): French "où" is also "or" (ou), so the reading leaves it,
        but last in a question it can only ask. Its slot is the one all the question phrases
        it opens ask ("où a lieu", "où est"... ask where); a word opening phrases of several
        slots ("que", English "on") says nothing."""
        vocabulary = self.retriever.vocabulary
        words = reading.words
        if not words or not vocabulary.question_words.find(words[-1:], fuzzy=False):
            return None
        slots = vocabulary.types.opening(words[-1])
        slot = next(iter(slots)) if len(slots) == 1 else None
        return slot if slot in CLOSING_SLOTS else None

    def _days_listed(self, reading: Reading) -> bool:
        """A list question whose words say days ("what are the days of the conference",
        "quins són els dies"), no period: the days it is held are asked, its dates."""
        found = self.retriever.vocabulary.units.find(list(reading.content), fuzzy=False)
        return any(f.value == "day" for f in found)

    def _unit_word(self, word: str) -> bool:
        """A word naming a unit of time or the year ("month", "año", "dies"): asked when,
        "in which month and year did it open" names the slot asked, not the topic."""
        vocabulary = self.retriever.vocabulary
        return vocabulary.units.knows(word) or vocabulary.month_words.knows(word)

    def _only_units(self, words: list[str], language: str) -> bool:
        """The question's own words (those the records could hold) name only a unit of time
        ("which days exactly?", "¿qué días son?"): the slot asked, no topic, which the
        sentences around it say."""
        words = [w for w in words if self.retriever.query_terms([w], language)]
        if not words:
            return False
        used: set[int] = set()
        self.retriever.vocabulary.units.find(words, used, fuzzy=False)
        return len(used) == len(words)

    def _relative_within(
        self, ranked: list[tuple[float, Doc]], content: list[set[str]], terms: list[set[str]]
    ) -> bool:
        """ "The last step of the action plan cycle": the question names, by its own name,
        an undated record that holds all it says, and no dated record comes close; "last"
        or "next" is within that record (its steps), not the network's events or awards."""
        if not ranked:
            return False
        best = ranked[0][1]
        if best.group != "entry" or self.coverage(best, terms) < 0.99:
            return False
        if not self._called(best, content):
            return False
        dated = [d for _, d in ranked[:10] if d.group in {"event", "step", "award"}]
        return all(self.coverage(d, terms) <= 0.7 for d in dated)

    def _polar_cost(self, reading: Reading) -> bool:
        """A cost question asked as yes or no ("does the secretariat pay for...", "la
        secretaria paga...?"): no question word in it, so whether someone pays is asked, not
        how much something costs."""
        return reading.polar or not self.retriever.vocabulary.question_words.find(
            reading.words, fuzzy=False
        )

    def _asks_with_question_word(self, reading: Reading) -> bool:
        """A clause of the question opens with a question word ("..., qual era?", "is it at
        the congress? what's the topic"): it asks what, never only yes or no."""
        return clause_opens_asking(reading.text, self.retriever.vocabulary)

    def _called(self, doc: Doc, content: list[set[str]]) -> bool:
        """The question says a rare word of the record's own name, or an edition's number
        or year (an award's edition is named by its year; for other records a year dates a
        period, and the network's name is in most records)."""
        own = set().union(*doc.names) if doc.names else set()
        edition = doc.group in {"award", "step"}
        return any(
            (o & own and self._weighty(o) and not _numbered(o))
            or any(t[0] == "#" and t[1:].isdigit() for t in o)
            or (edition and _numbered(o))
            for o in content
        )

    def _topic_elsewhere(
        self, reading: Reading, ranked: list[tuple[float, Doc]], content: list[set[str]]
    ) -> bool:
        """The question's topic is a record outside the period's events ("the crowdfunding
        of 2013", "why is it important today"): its period only dates the topic, so that
        record is answered rather than the events of the period."""
        topic = self._topic(content)
        if not topic or not ranked:
            return False
        pool = self._period_pool(reading)
        if any(self.coverage(d, topic) >= MIN_COVERAGE for d in pool):
            return False
        best = ranked[0][1]
        own = set().union(*best.names) if best.names else set()
        postings = self.retriever.postings
        distinct = any(t in own and len(postings.get(t, ())) <= DISTINCT for o in topic for t in o)
        return distinct and best not in pool and self.coverage(best, topic) >= MIN_COVERAGE

    def _undated_in(self, reading: Reading, doc: Doc) -> bool:
        """The question asks what there is in a month, a week or a day, and the record it
        names is undated knowledge (a task "information about activities"): no entry
        happens in a month, so the period's events are what is asked."""
        period = reading.period
        return (
            period is not None
            and period.kind not in {"year", "season"}
            and doc.group == "entry"
            and qtype_lists(reading)
        )

    def _topic_unheld(self, reading: Reading, content: list[set[str]]) -> bool:
        """Asked what of a period, the question names a topic (words a few records know,
        none of them an event, nor a place or a name the asker capitalises): no event of
        the period is what it asks about ("what happened with the crowdfunding in 2013"),
        so the record of that topic is."""
        postings = self.retriever.postings
        events = self._events()
        analyser = self.retriever.analyser
        capitalised = {
            analyser.stem(normalise(w), lang)
            for w in _WORD.findall(reading.text)
            if w[:1].isupper()
            for lang in ("en", "es", "fr", "ca", "pt")
        }
        return any(
            not o & (self.retriever.place_terms | capitalised)
            and all(len(postings.get(t, ())) <= DISTINCT for t in o)
            and not any(d.terms.get(t) for d in events for t in o)
            for o in self._topic(content)
        )

    def _ranked(self, terms: list[set[str]], around: list[set[str]]) -> list[tuple[float, Doc]]:
        """Records by their score for the question, the words around it only breaking near
        ties (a record is never found, nor judged, by the asker's description of itself)."""
        ranked = self.retriever.search(terms)
        if not around or not ranked:
            return ranked
        nudge = {id(d): s * CONTEXT_WEIGHT for s, d in self.retriever.search(around)}
        ranked = [(s + nudge.get(id(d), 0.0), d) for s, d in ranked]
        return sorted(ranked, key=lambda item: -item[0])

    def _split_terms(self, terms: list[set[str]]) -> tuple[set[str], list[set[str]]]:
        every_kind = self._every_kind
        kind = set()
        content = []
        for options in terms:
            if options & every_kind and not self._names_something(options):
                kind |= options & every_kind
            elif any(t in self.retriever.idf for t in options) or _is_name_like(options):
                content.append(options)
            else:
                content.append(options)  # unknown to the records: still part of the question
        return kind, content

    def _names_something(self, options: set[str]) -> bool:
        """True when a word is also in a record's own name (not only a kind's name)."""
        return any(t.startswith(("#", "y")) and t[1:].isdigit() for t in options)

    def _of_kind(
        self, ranked: list[tuple[float, Doc]], kind_terms: set[str], qtype: str
    ) -> list[tuple[float, Doc]]:
        """The kind the question names is the kind answered: records of another kind that
        only mention its name ("the conference's preparation") rank a little lower. Asked
        what something of a kind costs ("how much to enter the award"), a record that only
        mentions the kind (how the network is funded) ranks lower too."""
        if not kind_terms or qtype in {"join", "share"}:
            return ranked
        if not any(d.kind_terms & kind_terms for _, d in ranked[:5]):
            return ranked
        fitted = [(s * (1.0 if d.kind_terms & kind_terms else 0.8), d) for s, d in ranked]
        return sorted(fitted, key=lambda item: -item[0])


def _without(words: list[str], taken: tuple[str, ...]) -> list[str]:
    """``words`` without ``taken``, each once, from the end ("the conference in Cascais, in
    Cascais or Lisbon?": the offered "Cascais", not the one naming the conference)."""
    kept = list(words)
    for word in reversed(taken):
        for i in range(len(kept) - 1, -1, -1):
            if kept[i] == word:
                del kept[i]
                break
    return kept


def _small(word: str) -> bool:
    """A number of one or two figures: a count, a label or an edition, never a year."""
    return word.isdigit() and len(word) < 3


def qtype_lists(reading: Reading) -> bool:
    """The question asks what there is (a list, or no slot at all), not a slot of one."""
    return (reading.qtype or "what") in {"what", "list"}


def _is_name_like(options: set[str]) -> bool:
    return False


def document_years(titles: dict[str, str]) -> dict[str, int]:
    """Document file -> the first year its title names (the era of its undated records)."""
    years = {}
    for file, title in titles.items():
        match = _YEAR.search(title)
        if match:
            years[file] = int(match.group(0))
    return years


__all__ = ["Decision", "Responder", "award_name", "document_years"]
