"""Yes to whether something is one of the parts of a dated whole ("is sortition one of the
priorities this year?", "¿hay alguna prioridad sobre presupuestos participativos para
jóvenes en el plan 2020?"): the record of that part, whose own name holds a word the
question asks of it and whose text holds all the others, being a part of the whole (the
plan) of the year asked, states it.

Only a year the whole states answers (the 2020 plan's priority is no priority of 2026, and
no plan of 2026 is known: handed off, issue #22); two parts named alike, or a word asked
that the part's name does not hold, leave the question to the other ways of answering.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision, _numbered
from hub.core.assistant.answers_yesno import YesNoAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

PART_RANKS = 6
"""How many of the best-ranked records are sought for another part named alike."""


class PartAnswers(YesNoAnswers):
    """Yes to "is X one of the plan's priorities (this year)?", from X's record."""

    def _polar_rescued(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        return super()._polar_rescued(ctx, reading, ranked, terms) or self._part_of_year(
            ctx, reading, ranked, terms
        )

    def _part_of_year(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes, with its text, of the one best-ranked record that is part of a whole
        stating every year the question asks (by its period or in figures), when the
        record's own name holds every other word asked; else None."""
        if reading.still or not ranked:
            return None
        period = reading.period
        years = (
            {f"y{y}" for y in range(period.start.year, period.end.year + 1)}
            if (period is not None and period.kind == "year")
            else set()
        )
        years |= {t for o in terms for t in o if t[:1] == "y" and t[1:].isdigit()}
        if not years:
            return None
        named = [d for _, d in ranked[:PART_RANKS] if self._part_named(d, terms, years)]
        if len({d.record_id for d in named}) != 1 or named[0] is not ranked[0][1]:
            return None
        best = named[0]
        reply = self._slot(ctx, reading, "what", best)
        if reply.handoff:
            return None
        text = ctx.phrase("yes", text=reply.text)
        return Decision(Reply(text, [best.record_id]), "yesno", MIN_CONFIDENCE, stated=True)

    def _part_named(self, doc: Doc, terms: list[set[str]], years: set[str]) -> bool:
        """``doc`` is part of a whole stating every year in ``years``, its own name holds a
        word asked beyond kinds, the network, the whole's name and the year, and its text
        the others ("a task on translating the website": not the task on improving it)."""
        wholes = self._whole_docs(doc)
        if not wholes or not all(self._states(wholes, {year}) for year in years):
            return False
        own = set().union(*doc.names) if doc.names else set()
        beyond = self._whole_terms(doc) | doc.kind_terms
        kinds = doc.kind_terms | {t for w in wholes for t in w.kind_terms}
        if any(o & self._every_kind and not o & (kinds | beyond) for o in terms):
            return False  # "a category of the 2020 award": no part of the plan is one
        asked = [o for o in self._asked_words(terms) if not o & beyond and not _numbered(o)]
        unheld = [o for o in asked if not any(doc.terms.get(t) for t in o)]
        return any(o & own for o in asked) and not unheld
