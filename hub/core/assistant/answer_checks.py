"""Every answer checked against what it claims, before it is given.

:meth:`AnswerChecks._accounted` takes the answer the record, period or list paths found
and checks it against the question and the ranked records: its text agrees with its handoff
flag; the slot asked is one its records have; an organiser is said in the asker's language;
a list that is one of many is not taken for the whole; a rival in the period the question
says, or named by it, is answered instead; a cost of another kind or body, a record the
question set aside, another year's record and the record *after* the one cited are handed
off rather than answered (:mod:`~hub.core.assistant.answering` decides, this module
checks).
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.answers_base import TIE, Decision, _numbered
from hub.core.assistant.answers_enumerations import EnumerationAnswers
from hub.core.assistant.answers_sentences import SentenceAnswers
from hub.core.assistant.answers_when import WhenAnswers
from hub.core.assistant.context import Context, Reply, event_name
from hub.core.assistant.dates import Period, month_period
from hub.core.assistant.index import AwardView, EventView
from hub.core.assistant.plan_years import plan_years_on_record, unheld_plan_year
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.topic_said import topic_unsaid
from hub.core.assistant.yesno import sentences

BESIDES = frozenset(
    {
        "apart from",
        "besides",
        "other than",
        "except",
        "ademas de",
        "ademas del",
        "aparte de",
        "aparte del",
        "excepto",
        "salvo",
        "a part",
        "en dehors de",
        "en dehors du",
        "sauf",
        "outre",
        "a part de",
        "a part del",
        "ademes de",
        "ademes del",
        "excepte",
        "llevat de",
        "llevat del",
        "alem de",
        "alem do",
        "alem da",
        "exceto",
    }
)
"""Phrases setting something aside ("apart from climate", "además del clima", "à part le
climat", "a part del clima", "além do clima"): what follows is not what is asked."""
BESIDES_REACH = 5
"""How many words after such a phrase name what it sets aside."""
AFTER_WORDS = frozenset({"after", "despues", "apres", "despres", "depois"})
"""Words placing what is asked after another thing ("the next one after the November one",
"la de después de la de Abidjan", "celle d'après", "depois da de Cascais")."""
AFTER_REACH = 5
"""How many words after such a word name the thing it comes after."""
RIVALS = 3
"""The best-ranked records among which a rival named by the question is looked for."""
NAMED_RIVAL = 0.6
"""Share of the best score a rival named by the question's own words must reach."""


class AnswerChecks(WhenAnswers, SentenceAnswers, EnumerationAnswers):
    """The checks an answer passes before it is given (:meth:`_accounted`)."""

    def _accounted(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
        decision: Decision,
    ) -> Decision:
        """The answer, checked against what it claims: its text agrees with its handoff flag
        (an answer saying a missing date on the way never tells the member their question is
        passed on, since it is not); the slot asked is one its records have (asked where, an
        award, which has no place, is handed off rather than described); an organiser is
        said in the asker's language; of two tied editions, the one in the period the
        question says is answered; two or more records of one kind cited are each named."""
        reply = decision.reply
        handoff = ctx.phrase("handoff")
        if not reply.handoff and handoff in reply.text:
            text = " ".join(reply.text.replace(handoff, " ").split())
            reply = Reply(text, reply.sources, target=reply.target)
            return Decision(reply, decision.intent, decision.confidence, decision.stated)
        if not reply.handoff and self._plan_not_held(reading):  # "the 2019 work plan"
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        if (
            qtype == "where"
            and not reply.handoff
            and reply.sources
            and all(isinstance(self._record_of(i), AwardView) for i in reply.sources)
        ):  # "which city won the award": an award states no place, its text is no answer
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        own = self._organiser_in_language(ctx, qtype, reply) if not reply.handoff else None
        if own is not None:
            return Decision(own, decision.intent, decision.confidence, decision.stated)
        if qtype == "list" and self._one_of_many(ctx, reading, reply, ranked):
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        moved = self._in_period_rival(ctx, reading, qtype, terms, ranked, decision)
        if moved is not None:
            return moved
        named = self._named_rival(ctx, reading, qtype, terms, ranked, decision)
        if named is not None:
            return named
        if qtype == "cost" and self._cost_of_another_kind(reply, terms, ranked):  # a prize's
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        if qtype == "cost" and self._cost_of_a_named_body(reply, terms, ranked):  # its funds
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        if self._excluded_cited(ctx, reading, reply, terms, ranked):  # "apart from climate"
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        denied = qtype == "yesno" and reply.text.startswith(ctx.phrase("no", text="").strip())
        if (
            not denied  # "launched in 2014?": "no, in 2013" answers the year asked
            and self._out_of_year(reading, reply, ranked)
            and not self._named_cited(reading, reply.sources, ranked, terms)
        ):  # "this year's plan": not 2013's (but "when was the Cascais conference in 2014?")
            return Decision(ctx.handoff(), qtype, min(decision.confidence, 0.3))
        if self._after_cited(ctx, reading, qtype, reply, ranked, terms):  # "the one after Abidjan"
            reply = ctx.handoff(reply.text, sources=reply.sources)
            return Decision(reply, qtype, min(decision.confidence, 0.3))
        several = not reply.handoff and len(reply.sources) >= 2
        siblings = self._siblings(reply.sources) if several else []
        if qtype in {"what", "list"} and len(siblings) >= 2:
            return self._listed(ctx, siblings, decision.confidence)
        return decision

    def _after_cited(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        reply: Reply,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
    ) -> bool:
        """Asked when or where the one after an event is ("the next roundup after the
        November 2023 one", "la conferència de després de la d'Abidjan"), the answer is that
        very event: the words after "after" name it, by its own name or place, or by the
        month or year of the period it is held in. It is what the asked one comes after, not
        the asked one, which the records do not have: the question is handed off (what the
        event is, is still said)."""
        if qtype not in {"when", "where"} or reply.handoff or len(reply.sources) != 1:
            return False
        cited = next((d for _, d in ranked if d.record_id == reply.sources[0]), None)
        if cited is None or not isinstance(cited.record, EventView):
            return False
        words = reading.words
        at = next((i for i, w in enumerate(words) if w in AFTER_WORDS), None)
        if at is None:
            return False
        following = words[at + 1 : at + 1 + AFTER_REACH]
        own = set().union(*cited.names, cited.own_places) if cited.names else cited.own_places
        said = self.retriever.query_terms(following, ctx.language)
        asked = [o for o in terms if any(o & s for s in said)]
        if any(o & own and self._weighty(o) for o in asked):
            return True
        span = self.span(cited)
        period = reading.period
        return (
            span is not None
            and period is not None
            and period.overlaps(*span)
            and any(w in self._month_words or w == str(span[0].year) for w in following)
        )

    def _named_rival(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
        decision: Decision,
    ) -> Decision | None:
        """Handed off because the event answered is dated by its year alone ("the 2019
        conference"), while a close rival the question names by words of its own name that
        the first lacks ("the minutes of the 2019 conference", "le procès-verbal") is dated
        to the month or the day: that rival is what is asked, and its date answers. The
        rival must also hold every word of the first's name the question says ("the UCLG
        meeting in Barcelona" is no other meeting), and score near the best."""
        reply = decision.reply
        if not reply.handoff or len(reply.sources) != 1 or qtype not in {"when", "where", "who"}:
            return None
        top = ranked[:RIVALS]
        cited = next((d for _, d in top if d.record_id == reply.sources[0]), None)
        if cited is None or not _dated_by_year(cited):
            return None
        best = max(s for s, _ in top)
        own = set().union(*cited.names) if cited.names else set()
        for score, doc in top:
            if doc is cited or score < best * NAMED_RIVAL or not _dated_finer(doc):
                continue
            names = set().union(*doc.names) if doc.names else set()
            said = [
                o
                for o in terms
                if o & names and not o & own and self._weighty(o) and not _numbered(o)
            ]
            shared = [o for o in terms if o & own]  # "the UCLG meeting": still UCLG's
            if not said or not all(o & names for o in shared):
                continue
            moved = self._slot(ctx, reading, qtype, doc)
            if not moved.handoff:
                return Decision(moved, decision.intent, max(decision.confidence, 0.4))
        return None

    def _cost_of_another_kind(
        self, reply: Reply, terms: list[set[str]], ranked: list[tuple[float, Doc]]
    ) -> bool:
        """Asked what something of a kind costs or pays ("the cash prize of the 2020
        award", "what could crowdfunding pay for according to the plan"), the answer cites
        no record of that kind, nor one whose name says it (how the network is funded, which
        mentions a prize in passing): the cost of another thing is answered, so the
        question is handed off. A fee asked of members is answered by the records named for
        membership ("Membership fee")."""
        if reply.handoff or not reply.sources:
            return False
        kinds = set().union(*(o & self._every_kind for o in terms)) if terms else set()
        if not kinds:
            return False
        docs = {d.record_id: d for _, d in ranked}
        cited = [docs[i] for i in reply.sources[:1] if i in docs]  # the one answering: those
        return bool(cited) and not any(  # cited beside it only state the same
            d.kind_terms & kinds or (set().union(*d.names) & kinds if d.names else False)
            for d in cited
        )

    def _cost_of_a_named_body(
        self, reply: Reply, terms: list[set[str]], ranked: list[tuple[float, Doc]]
    ) -> bool:
        """Asked how much money something has or costs, the question says the whole name of a
        record not cited ("how much money has the Technical Secretariat got?") and no word of
        any cited record's name: the records answered were found by the money words alone
        (membership "has no fee") and price something else, so the question is handed off."""
        if reply.handoff or not reply.sources:
            return False
        home = self._home_terms
        said = [o for o in terms if not o & home]
        if not said:
            return False

        def named(doc: Doc) -> bool:
            own = [n - home for n in doc.names if len(n - home) >= 2]  # "members": a word
            return any(n <= set().union(*said) for n in own)

        asked = set().union(*said)
        cited = set(reply.sources)
        return any(named(d) for _, d in ranked if d.record_id not in cited) and not any(
            asked & set().union(*d.names) for _, d in ranked if d.record_id in cited and d.names
        )

    def _excluded_cited(
        self,
        ctx: Context,
        reading: Reading,
        reply: Reply,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
    ) -> bool:
        """The question sets something aside ("apart from climate and gender, which other
        priorities", "además del clima y el género", "à part le climat") and the answer
        cites a record of the kind asked named by what it sets aside: that is the one thing
        not asked, so the question is handed off rather than answered with it. A record
        whose name the question also says by other words ("the project on the state of
        local democracy, with which partner apart from UCLG") still answers."""
        if reply.handoff or not reply.sources:
            return False
        words = reading.words
        aside: list[str] = []
        for n in range(len(words)):
            for length in (3, 2, 1):
                if " ".join(words[n : n + length]) in BESIDES:
                    aside += words[n + length : n + length + BESIDES_REACH]
                    break
        if not aside:
            return False
        said = [
            o
            for o in self.retriever.query_terms(aside, ctx.language)
            if self._weighty(o) and not _numbered(o)
        ]
        kinds = set().union(*(o & self._every_kind for o in terms)) if terms else set()
        docs = {d.record_id: d for _, d in ranked}
        for record_id in reply.sources:
            doc = docs.get(record_id)
            if doc is None or not doc.names or not doc.kind_terms & kinds:
                continue
            names = set().union(*doc.names)
            others = [o for o in terms if o not in said and not o & kinds]
            if any(o & names for o in said) and not any(o & names for o in others):
                return True
        return False

    def _out_of_year(self, reading: Reading, reply: Reply, ranked: list[tuple[float, Doc]]) -> bool:
        """The question says a year ("this year's work plan", "os eventos do plano deste
        ano") and every record the answer cites is of another year: an event or award step
        held outside it, or undated knowledge from another year's document (the 2013 plan's
        tasks asked in 2020). It answers another year's question, so it is handed off. A
        document's year dates its records only against a year said relative to now: a year
        written out may be one the record itself names (a project "from 2004 to 2007").
        A month said relative to now ("the roundup next month") is checked against dated
        records only; a month named ("the November roundup") may be the record's own name.
        A season ("the conference this autumn", "no verão passado") is checked against dated
        records too, its tense read from the question's verbs (:mod:`tense`), and in whole
        months: "this summer" says June too, the astronomical summer begins on 21 June."""
        period = reading.period
        if period is None or period.kind not in {"year", "month", "season"}:
            return False
        if period.kind == "season":
            last = month_period(period.end.year, period.end.month).end
            period = Period(period.start.replace(day=1), last, "range")
        if period.kind == "month" and any(w in self._month_words for w in reading.words):
            return False
        if reply.handoff or not reply.sources:
            return False
        docs = {d.record_id: d for _, d in ranked}
        target = reply.target
        if target is not None and target.step is not None:  # the award's step answered,
            docs.update(  # not another step of that edition
                (d.record_id, d)
                for _, d in ranked
                if d.record_id == target.record_id and d.step == target.step
            )
        for record_id in reply.sources:
            doc = docs.get(record_id)
            if doc is None:
                return False
            if period.kind == "year" and any(f"y{period.start.year}" in n for n in doc.names):
                return False  # "the minutes of the 2019 conference": a year its name says
            span = self.span(doc)
            era = self.era(doc)
            if span is None and era is not None and reading.year is None and period.kind == "year":
                span = (dt.date(era, 1, 1), dt.date(era, 12, 31))
            if span is None or period.overlaps(*span):
                return False
        return True

    def _one_of_many(
        self,
        ctx: Context,
        reading: Reading,
        reply: Reply,
        ranked: list[tuple[float, Doc]],
    ) -> bool:
        """Asked for a number of records of a kind ("the four strategic priorities of the
        plan", "els deu àmbits"), the answer is one record of that very kind: one of the
        several counted is no list of them, so it is not answered as if it were. The whole
        that has them ("the four lines of the 2013 plan": the plan) answers."""
        if reply.handoff or len(reply.sources) != 1:
            return False
        doc = next((d for _, d in ranked if d.record_id == reply.sources[0]), None)
        if doc is None or doc.group != "entry":
            return False
        language = ctx.language
        spelt = self.retriever.vocabulary.spelt.get(language, {})
        own = self._kind_of(doc)
        words = normalise(reading.text).split() or reading.words  # as written: "la quarta
        for i, word in enumerate(words):  # línia" is the fourth, no count of four lines
            count = int(word) if word.isdigit() and len(word) <= 2 else spelt.get(word, 0)
            if count < 2:
                continue
            counted = {self.retriever.analyser.stem(w, language) for w in words[i + 1 : i + 3]}
            if counted & own:
                return True
        return False

    def _organiser_in_language(self, ctx: Context, qtype: str, reply: Reply) -> Reply | None:
        """Asked who organises an event whose organiser has no name in the asker's language
        (the answer gave the English one: a console event with ``organiser_names`` left
        empty): the sentence of the event's own description in the asker's language that
        says who organises it ("Organizada pela Câmara Municipal de Cascais..."), so no
        answer mixes languages. None when there is no such sentence."""
        if qtype != "who" or ctx.language == "en" or len(reply.sources) != 1:
            return None
        record = self._record_of(reply.sources[0])
        if not isinstance(record, EventView) or not record.organiser:
            return None
        if record.organiser not in reply.text:
            return None
        description = record.description.get(ctx.language, "")
        for sentence in sentences(description):
            first = normalise(sentence).split()[:1]
            if first and first[0].startswith("organi"):  # organizada, organisée, organitzada
                name = event_name(ctx, record)
                text = ctx.phrase("what_is", name=name, text=sentence.strip())
                return Reply(text, reply.sources, target=reply.target)
        return None

    def _in_period_rival(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
        decision: Decision,
    ) -> Decision | None:
        """Two editions tie ("the PB conference in the US": 2013 in Chicago, 2014 in San
        Francisco) and the question says a period ("last month"): the one held in it is
        asked, not the one current at now. None when the answer is already in the period,
        or no near rival is."""
        reply = decision.reply
        period = reading.period
        if period is None or reply.handoff or len(reply.sources) != 1 or not ranked:
            return None
        cited = next((d for _, d in ranked if d.record_id == reply.sources[0]), None)
        if cited is None or not isinstance(cited.record, EventView):
            return None
        span = self.span(cited)
        if span is None or not (span[1] < period.start or period.end < span[0]):
            return None
        score = next(s for s, d in ranked if d is cited)
        coverage = self.coverage(cited, terms)
        for s, doc in ranked:
            other = self.span(doc) if isinstance(doc.record, EventView) else None
            if (
                doc is not cited
                and other is not None
                and s >= score * TIE
                and period.start <= other[0]
                and other[1] <= period.end
                and self.coverage(doc, terms) >= coverage - 1e-9
            ):
                moved = self._slot(ctx, reading, qtype, doc)
                if moved.handoff:
                    return None
                return Decision(moved, decision.intent, decision.confidence, decision.stated)
        return None

    def _plan_not_held(self, reading: Reading) -> bool:
        """The question asks a work plan of a year the knowledge holds no plan of (see
        :mod:`plan_years`): no record answers it, whatever else it matches."""
        if not hasattr(self, "_plan_years_cache"):
            self._plan_years_cache = plan_years_on_record(self.retriever.docs)
        return unheld_plan_year(reading.words, self._plan_years_cache) is not None

    def _topic_checked(self, ctx: Context, reading: Reading, decision: Decision) -> Decision:
        """``decision`` handed off when it answers a record that never names the topic the
        question asks it about (:meth:`_topic_not_in_cited`), else as it is."""
        if decision.reply.handoff or not self._topic_not_in_cited(ctx, reading, decision.reply):
            return decision
        return Decision(ctx.handoff(), decision.intent, min(decision.confidence, 0.3))

    def _topic_not_in_cited(self, ctx: Context, reading: Reading, reply: Reply) -> bool:
        """ "What does task 7 say about crowdfunding?" answered by a record that never names
        the topic (see :mod:`topic_said`): it answers another question. The first record
        cited is the one answered; the others are the rivals it was chosen over."""
        first = reply.sources[0] if reply.sources else None  # the record the text gives
        cited = [d for d in self.retriever.docs if d.record_id == first]
        return topic_unsaid(
            reading.words, cited, lambda w: self.retriever.query_terms(w, ctx.language)
        )

    def _siblings(self, sources: list[str]) -> list[Doc]:
        """The records cited, when they are two or more entries of one kind with different
        names (two thematic priorities set by the same assembly): an answer citing them
        names each, never the first alone."""
        docs = {d.record_id: d for d in self.retriever.docs if d.record_id in set(sources)}
        cited = [docs[i] for i in sources if i in docs]
        if len(cited) < 2 or any(d.group != "entry" or d.kind == "faq" for d in cited):
            return []
        if len({d.kind for d in cited}) != 1:
            return []
        names = [frozenset().union(*d.names) if d.names else frozenset() for d in cited]
        return cited if len(set(names)) == len(names) else []

    def _record_of(self, record_id: str) -> object:
        """The record of ``record_id`` (None when no record has it)."""
        if not hasattr(self, "_records_cache"):
            self._records_cache: dict[str, object] = {
                d.record_id: d.record for d in self.retriever.docs
            }
        return self._records_cache.get(record_id)


def _dated_by_year(doc: Doc) -> bool:
    """An event dated by its year alone."""
    record = doc.record
    return isinstance(record, EventView) and record.precision == "year"


def _dated_finer(doc: Doc) -> bool:
    """An event (or agenda item) dated to its month or day."""
    record = doc.record
    return (
        isinstance(record, EventView)
        and record.starts_on is not None
        and record.precision in {"day", "month"}
    )
