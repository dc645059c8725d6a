"""Yes or no about a record: from the sentence of the record that states what is asked
(:mod:`~hub.core.assistant.yesno`), or from the record being named wholly (a whole, an award
step); what no record states is handed off.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision, _numbered
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView, EventView
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
        if not doc.wholes:
            return set()
        if not hasattr(self, "_by_key"):
            self._by_key: dict[str, Doc] = {d.key: d for d in self.retriever.docs}
        wholes = [self._by_key[k] for k in doc.wholes if k in self._by_key]
        return set().union(*(n for w in wholes for n in w.names))

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
