"""A kind's records as one plan states them ("which working groups does the 2014-2015
plan foresee?", "les bureaux régionaux prévus en 2014-2015"): a plan's part named by the
kind listed ("Working groups", "Regional offices", a priority of that plan) says which
records of the kind the plan has, new or continued, so it answers such a list whole.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import NOT_LISTED, Decision, _numbered
from hub.core.assistant.answers_entries import EntryAnswers
from hub.core.assistant.context import Context
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc


class PlanSummaries(EntryAnswers):
    """The part of a plan, named by a kind, that states the plan's records of that kind."""

    def _plan_summary(
        self, ctx: Context, reading: Reading, kind_terms: set[str], terms: list[set[str]]
    ) -> Decision | None:
        """The one part of the plan the question names (by its years, else by its kind: the
        latest plan at now) whose own name is the kind listed ("Working groups" for "the
        working groups of the 2014-2015 plan"), its text answered; None when no plan is
        named, or not exactly one such part is."""
        summaries = self._kind_summaries(kind_terms)
        if not summaries:
            return None
        by_key = {d.key: d for d in self.retriever.docs}
        numbered = [o for o in terms if _numbered(o)]
        found: list[Doc] = []
        for part in summaries:
            wholes = [by_key[k] for k in part.wholes if k in by_key]
            if numbered:  # "the 2014-2015 plan": the plan holding every year said
                named = [w for w in wholes if all(any(w.terms.get(t) for t in o) for o in numbered)]
            else:  # "the current work plan": the plan's kind said, the latest at now
                named = [w for w in wholes if w.kind_terms & kind_terms - part.kind_terms]
                named = [w for w in named if self._latest_plan(ctx, w)]
            if named:
                found.append(part)
        if len(found) != 1:
            return None
        reply = self._slot(ctx, reading, "what", found[0])  # type: ignore[attr-defined]
        return None if reply.handoff else Decision(reply, "list", 0.7)

    def _kind_summaries(self, kind_terms: set[str]) -> list[Doc]:
        """The parts of plans whose own name, the network's aside, is wholly the name of
        another kind the question lists ("Regional offices": the offices)."""
        home = self._home_terms
        listed = [
            d
            for d in self.retriever.docs
            if d.group in {"entry", "event"}
            and d.kind not in NOT_LISTED
            and self._kind_of(d) & kind_terms
        ]
        found = []
        for doc in self.retriever.docs:
            if doc.group != "entry" or not doc.wholes:
                continue
            for name in doc.names:
                own = name - home
                if (
                    own
                    and own <= kind_terms
                    and any(d.kind != doc.kind and own <= self._kind_of(d) for d in listed)
                ):
                    found.append(doc)
                    break
        return found

    def _latest_plan(self, ctx: Context, whole: Doc) -> bool:
        """``whole`` is the latest plan of its kind at now."""
        era = self.era(whole)
        if era is None or era > ctx.today.year:
            return False
        eras = [
            e
            for d in self.retriever.docs
            if d.kind == whole.kind and (e := self.era(d)) is not None and e <= ctx.today.year
        ]
        return era == max(eras)
