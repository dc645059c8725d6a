"""What a work plan named by its years says about a kind of thing: "which regional offices
did the 2014-2015 plan foresee", "¿qué actividades externas recoge el plan de 2013?",
"quines conferències preveu el pla 2013?", "what does the 2013 plan say about the
newsletter?".

The question asks what one document said, so the answer is the part of THAT plan (its
line, priority, action or task) whose own text names the kind asked, not the records of
that kind the network knows (every regional office, every conference) nor a part of
another plan. The plan is the one whose years the question gives next to a plan's noun
(:func:`~hub.core.assistant.plan_years.named_plan_years`); the part is the one holding the
most of the question's topic words, those in its own name first, then the share of its
name the question says ("the other conferences": the priority named so, not the 15th
Conference's). The answer names the plan when the part's name does not say its year, so
the member knows which plan it is. When no part of the named plan holds the topic but a
part of another plan does ("the regional offices of the 2020 plan": only the 2014-2015 plan
has them), the question is handed off: the other plan's part is no answer about this one.

The ordinary answer is amended, not bypassed: when it already cites the plan's parts or
records whose own text names the plan ("the projects of the 2020 plan", "the working
groups the 2014-2015 plan mentions"), it stays, narrowed to the parts stating the topic,
named by its plan, or headed by the part named after the kind it lists ("Regional
offices": what the plan foresaw of them, the records following).

Left to the rest: questions naming the parts themselves ("the priorities of the 2014-2015
plan", "task 3 of the 2020 plan"), no plan by its years, or a plan the knowledge does not
hold (:mod:`~hub.core.assistant.plan_years`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_lists import ListAnswers
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView
from hub.core.assistant.plan_years import PLAN_NOUNS, named_plan_years
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

PLAN_KIND = "work_plan"
"""The kind of a plan as a whole; its parts name it by their ``work_plan`` data."""

MOST_PARTS = 3
"""At most this many parts of a plan tied for the topic are listed; more say it vaguely."""

NAMED_SHARE = 0.5
"""Share of a part's own name a list question must say for the part to head the records
listed: the part is named after the kind listed ("Regional offices"), not one mentioning it."""

ASKED_TYPES = frozenset({"list", "what"})
"""The question types asking what a plan holds ("which offices", "what does it say")."""


@cache
def saying_words() -> frozenset[str]:
    """The words by which a question asks what a plan states ("foresee", "recoge",
    "prévoit", "esmenta", "diz"), all languages together: they name no topic."""
    section = load_vocabulary().sections.get("plan_named_lists") or {}
    words = section.get("saying") or {}
    return frozenset(normalise(str(w)) for phrases in words.values() for w in phrases)


def _data(doc: Doc) -> dict[str, object]:
    record = doc.record
    return record.data if isinstance(record, EntryView) else {}


def _years_of(label: object) -> frozenset[int]:
    """The years of a plan's label ("2014-2015" -> 2014, 2015; "2013" -> 2013)."""
    parts = str(label).split("-") if label is not None else []
    return frozenset(int(p) for p in parts if p.isdigit() and len(p) == 4)


def _plan_years(plan: Doc) -> frozenset[int]:
    years = _data(plan).get("years")
    if isinstance(years, list):
        return frozenset(int(y) for y in years if isinstance(y, int))
    return frozenset()


class PlanNamedLists(SlotAnswers, ListAnswers):
    """The part of the plan a question names by its years that states the kind asked."""

    def _plan_part_stated(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        terms: list[set[str]],
        decision: Decision,
    ) -> Decision:
        """``decision``, or the part(s) of the named plan stating what is asked in its
        place, or a handoff when only another plan's part does (see the module). An answer
        citing the plan, one of its parts or records whose own text names the plan ("the
        working groups the 2014-2015 plan mentions") already answers from it and stays,
        headed by the part named after the kind listed (:meth:`_part_ahead`)."""
        if qtype not in ASKED_TYPES or not terms or reading.period is not None:
            return decision  # "the events this year in the 2020 plan": its calendar, asked
        plan = self._plan_named(reading)
        if plan is None:
            return decision
        years = _plan_years(plan)
        topic = self._plan_topic(ctx, reading, plan, terms)
        if not topic:
            return decision
        parts = [d for d in self._plan_parts() if _years_of(_data(d).get("work_plan")) <= years]
        chosen = self._parts_stating(parts, topic)
        cited = [d for d in self.retriever.docs if d.record_id in decision.reply.sources]
        if any(d is not plan and self._of_plan(d, plan, years) for d in cited) or (
            plan in cited and self._holds_all(plan, topic)
        ):  # "the projects of the plan", "the plan's objectives": answered from the plan
            return self._from_plan(ctx, reading, plan, chosen, topic, cited, decision)
        if chosen:
            return self._parts_answer(ctx, reading, plan, chosen)
        others = [d for d in self._plan_parts() if d not in parts]
        if self._parts_stating(others, topic) and not self._holds_all(plan, topic):
            return Decision(ctx.handoff(), qtype, 0.2)  # only another plan's part says it
        return decision

    def _from_plan(
        self,
        ctx: Context,
        reading: Reading,
        plan: Doc,
        chosen: list[Doc],
        topic: list[set[str]],
        cited: list[Doc],
        decision: Decision,
    ) -> Decision:
        """An answer already drawn from the named plan: narrowed to the parts stating the
        topic when it lists more of the plan's parts ("the external activities": not the
        external websites too), named by its plan when it is one part whose name lacks the
        plan's year, headed by the part named after the kind it lists otherwise."""
        if decision.reply.handoff:
            return decision
        parts = [d for d in cited if d is not plan]
        if parts and all(d in self._plan_parts() for d in parts):
            said = {d.record_id for d in parts}
            if chosen and {d.record_id for d in chosen} < said:
                return self._parts_answer(ctx, reading, plan, chosen)
            if len(parts) == 1 and decision.reply.sources == [parts[0].record_id]:
                text = self._plan_said(ctx, plan, parts[0], decision.reply.text)
                return replace(decision, reply=replace(decision.reply, text=text))
            return decision
        return self._part_ahead(ctx, reading, plan, chosen, topic, cited, decision)

    def _plan_said(self, ctx: Context, plan: Doc, part: Doc, text: str) -> str:
        """``text`` headed by the plan's name when neither it nor the part's name says the
        plan's year ("Newsletter: ...": which plan's newsletter)."""
        years = {str(y) for y in _plan_years(plan)}
        if any(y in self._name(ctx, part) or y in text.partition(":")[0] for y in years):
            return text
        return f"{self._name(ctx, plan)} — {text}"

    def _part_ahead(
        self,
        ctx: Context,
        reading: Reading,
        plan: Doc,
        chosen: list[Doc],
        topic: list[set[str]],
        cited: list[Doc],
        decision: Decision,
    ) -> Decision:
        """A list of records the plan names ("the working groups the 2014-2015 plan
        mentions", "the offices it foresaw") headed by the plan's part whose own name is
        the kind listed ("Regional offices"): that part says what the plan foresaw of them,
        the records follow. The list is kept as it is otherwise."""
        records = [d for d in cited if d not in self._plan_parts() and d is not plan]
        if decision.reply.handoff or len(records) < 2:
            return decision
        named = [
            d
            for d in chosen
            if all(o & set().union(*d.names) for o in topic)
            and self.retriever.name_share(d, topic) >= NAMED_SHARE
        ][:1]
        if not named:
            return decision
        head = self._parts_answer(ctx, reading, plan, named)
        text = f"{head.reply.text}\n{decision.reply.text}"
        sources = [*head.reply.sources]
        sources += [i for i in decision.reply.sources if i not in sources]
        return Decision(Reply(text, sources), decision.intent, decision.confidence)

    def _of_plan(self, doc: Doc, plan: Doc, years: frozenset[int]) -> bool:
        """``doc`` is the plan, one of its parts, or a record whose text names the plan by
        a plan's noun and one of its years."""
        if doc is plan or (
            doc in self._plan_parts() and _years_of(_data(doc).get("work_plan")) <= years
        ):
            return True
        nouns = {t for w in PLAN_NOUNS for t in self.retriever.analyser.terms(w, "en")}
        return any(doc.terms.get(t) for t in nouns) and any(doc.terms.get(f"y{y}") for y in years)

    def _plan_named(self, reading: Reading) -> Doc | None:
        """The one plan on record whose years the question gives a plan's noun."""
        named = named_plan_years(reading.words)
        if not named:
            return None
        plans = [d for d in self.retriever.docs if d.kind == PLAN_KIND and _plan_years(d) & named]
        return plans[0] if len(plans) == 1 else None

    def _plan_parts(self) -> list[Doc]:
        """Every entry that is part of a plan (a line, priority, action or task)."""
        if not hasattr(self, "_plan_parts_cache"):
            self._plan_parts_cache: list[Doc] = [
                d
                for d in self.retriever.docs
                if d.group == "entry"
                and d.kind != PLAN_KIND
                and _years_of(_data(d).get("work_plan"))
            ]
        return self._plan_parts_cache

    @property
    def _part_kind_terms(self) -> set[str]:
        """The words naming its parts' kinds (priority, line, task, action), not a plan's."""
        if not hasattr(self, "_part_kinds_cache"):
            plans = [d for d in self.retriever.docs if d.kind == PLAN_KIND]
            whole: set[str] = set().union(*(d.kind_terms for d in plans))
            self._part_kinds_cache: set[str] = (
                set().union(*(d.kind_terms for d in self._plan_parts())) - whole
            )
        return self._part_kinds_cache

    def _plan_topic(
        self, ctx: Context, reading: Reading, plan: Doc, terms: list[set[str]]
    ) -> list[set[str]]:
        """The question's words naming what it asks of the plan: neither the plan's own name
        nor its years, the network's name, a word of asking what a plan says, nor a word of
        no weight. Empty when it names the plan's parts themselves ("the priorities")."""
        analyser = self.retriever.analyser
        plain = {
            t
            for w in [*saying_words(), *PLAN_NOUNS]
            for language in (ctx.language, "en")
            for t in analyser.terms(w, language)
        }
        own = set().union(*plan.names) if plan.names else set()
        topic: list[set[str]] = []
        for options in terms:
            if options & (own | self._home_terms | plain):
                continue
            if options & self._part_kind_terms:
                return []  # "the priorities of the 2014-2015 plan": its parts, listed elsewhere
            if any(t[:1] in "#y" and t[1:].isdigit() for t in options):
                continue
            if options & self._number_word_terms(ctx.language):  # "its three objectives":
                continue  # a count, not a topic a part states ("three events")
            if self._weighty(options):
                topic.append(options)
        return topic

    def _number_word_terms(self, language: str) -> set[str]:
        """The terms of the numbers written as words in ``language`` ("trois", "three")."""
        words = (self.retriever.vocabulary.cardinals or {}).get(language, frozenset())
        analyser = self.retriever.analyser
        return {t for w in words for t in analyser.terms(w, language)}

    @staticmethod
    def _holds_all(doc: Doc, topic: list[set[str]]) -> bool:
        return all(any(doc.terms.get(t) for t in o) for o in topic)

    def _parts_stating(self, parts: list[Doc], topic: list[set[str]]) -> list[Doc]:
        """The parts naming the topic best: those holding the most of its words (at least
        half of them, one in their own name unless they hold all), then the most in their
        own name, ordered by the share of their name the question says; several so tied
        are all listed (the member sees each
        line that says it)."""
        scored: list[tuple[tuple[int, int, float], Doc]] = []
        for doc in parts:
            own = set().union(*doc.names) if doc.names else set()
            held = [o for o in topic if any(doc.terms.get(t) for t in o) or o & own]
            in_name = [o for o in topic if o & own]
            if not held or 2 * len(held) < len(topic):
                continue
            if not in_name and len(held) < len(topic):  # a mention of part of it: no more
                continue
            share = self.retriever.name_share(doc, topic)
            scored.append(((len(held), len(in_name), round(share, 3)), doc))
        if not scored:
            return []
        most = max(score[:2] for score, _ in scored)
        tied = sorted((item for item in scored if item[0][:2] == most), key=lambda i: i[0])
        return [d for _, d in reversed(tied)][:MOST_PARTS]

    def _parts_answer(
        self, ctx: Context, reading: Reading, plan: Doc, parts: list[Doc]
    ) -> Decision:
        """The parts' own lines, headed by the plan's name when a part's name does not say
        the plan's year."""
        plan_name = self._name(ctx, plan)
        lines: list[str] = []
        for part in parts:
            reply = self._slot(ctx, reading, "what", part)
            text = reply.text if not reply.handoff else self._name(ctx, part)
            lines.append(text)
        if len(lines) == 1:
            text = self._plan_said(ctx, plan, parts[0], lines[0])
        else:
            text = "\n".join([f"{plan_name}:", *(f"• {line}" for line in lines)])
        cited = [p.record_id for p in parts]
        return Decision(Reply(text, cited), "list", 0.6)
