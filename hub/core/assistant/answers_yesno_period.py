"""Yes or no to the time a question claims of one dated record: a week, a season, or
before or after another dated record.

"la conferència de Chicago és la setmana que ve?", "is the Berlin forum this week?", "¿la
conferencia de San Francisco es este otoño?" name one dated record singly (its city with its
kind, its number, its own name: :meth:`~DatedNames._named_outside`) and claim a week or a
season of it, relative to the asker's today. Its own dates settle the claim ("Yes."/"No."
with them, citing it) before any record merely mentioning it (a plan's list of external
activities writing "Chicago conference (3-5 May)") is read for a sentence. A record dated
more loosely than the period claimed (a month, asked of a week) settles nothing: the
question goes on to the other ways of answering, which hand it off.

"is the World Urban Forum 10 before the Abidjan conference?", "¿el congreso de Rabat es
después de la conferencia de Cascais?", "la conférence de Cascais est-elle après le forum de
Berlin ?" claim the order of two records: the words on each side of "before" or "after" name
one dated record singly, and their dates, when they do not overlap, settle it; both are
cited, each with its dates. A side naming no dated record ("the award ceremony", which no
record dates) leaves the question to be handed off.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision
from hub.core.assistant.answers_counts import CountAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

CLAIMED_KINDS = frozenset({"range", "season"})
"""Periods claimed of a record here: a week or a span of days ("next week", "la setmana que
ve") and a season. A year or month claimed is answered by the record path already."""

BEFORE = frozenset({"before", "antes", "avant", "abans"})
AFTER = frozenset({"after", "despues", "apres", "despres", "depois"})
"""Words (normalised) placing one record before or after another, in the five languages."""

DATED_KINDS = frozenset({"range", "season", "month", "year"})
"""Periods said beside a record whose dates are asked."""

ORDER_RANKS = 8
"""How many of the records best ranked for one side's words are read for the record named."""


class PeriodClaims(CountAnswers):
    """Yes or no from the dates of the one dated record a question claims a period of."""

    def _period_claimed(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its dates, when the question names one dated record singly and
        claims a week or season of it that its dates settle; None otherwise (asked whether
        it still holds, a record dated too loosely, no record or two named)."""
        period = reading.period
        if period is None or period.kind not in CLAIMED_KINDS or reading.still:
            return None
        doc = self._named_outside(reading, ranked, terms, periods=CLAIMED_KINDS)
        return None if doc is None else self._in_period(ctx, reading, doc)

    def _dated_in_period(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """The dates of the one dated record a "when" question names singly beside a period
        it falls in ("the PB conference in San Francisco last autumn, which dates?", "is the
        forum in Berlin next week? which days?"): the period confirms the record, whose
        dates answer. A record outside the period, or dated more loosely, and None."""
        period = reading.period
        if period is None or reading.still:
            return None
        doc = self._named_outside(reading, ranked, terms, periods=DATED_KINDS)
        if doc is None or ((reading.day or reading.hour) and _loosely_dated(doc)):
            return None  # "which day?" of a record dated by its month: no day to give
        span = self.span(doc)
        if span is None or not period.start <= span[0] <= span[1] <= period.end:
            return None
        reply = self._when(ctx, doc)
        return None if reply.handoff else Decision(reply, "when", MIN_CONFIDENCE)

    def _order_claimed(self, ctx: Context, reading: Reading) -> Decision | None:
        """Yes or no, with both records' dates, when the words before and after the one
        "before" or "after" of the question each name one dated record singly and their
        dates do not overlap; None otherwise."""
        words = reading.content
        at = [i for i, w in enumerate(words) if w in BEFORE or w in AFTER]
        if len(at) != 1 or reading.still:
            return None
        first = self._dated_side(ctx, words[: at[0]])
        second = self._dated_side(ctx, words[at[0] + 1 :])
        if first is None or second is None or first.record_id == second.record_id:
            return None
        one, other = self.span(first), self.span(second)
        if one is None or other is None or not (one[1] < other[0] or other[1] < one[0]):
            return None
        earlier = one[1] < other[0]
        replies = [self._when(ctx, first), self._when(ctx, second)]
        if any(r.handoff for r in replies):
            return None
        yes = earlier if words[at[0]] in BEFORE else not earlier
        text = ctx.phrase("yes" if yes else "no", text=" ".join(r.text for r in replies))
        reply = Reply(text, [first.record_id, second.record_id])
        return Decision(reply, "yesno", MIN_CONFIDENCE, stated=True)

    def _dated_side(self, ctx: Context, side: list[str]) -> Doc | None:
        """The one dated event the words of one side name singly, or None."""
        retriever = self.retriever
        terms = retriever.unbind(retriever.query_terms(side, ctx.language))
        terms = [
            o for o in terms if o & self._happening_terms or any(t in retriever.idf for t in o)
        ]
        if not terms:
            return None
        found = {
            d.record_id: d
            for _, d in retriever.search(terms)[:ORDER_RANKS]
            if d.group == "event" and self._singly_named(d, terms)
        }
        keys = {d.key for d in found.values()}
        kinds = {t for o in terms if not o & self._happening_terms for t in o & self._every_kind}
        of_kind = {i for i, d in found.items() if d.kind_terms & kinds}  # the kind said
        found = {
            i: d
            for i, d in found.items()
            if not set(d.wholes) & keys and (not of_kind or i in of_kind)  # not its session
        }
        return next(iter(found.values())) if len(found) == 1 else None


def _loosely_dated(doc: Doc) -> bool:
    """The record's dates are a month's or a year's, not its days."""
    record = doc.record
    return not isinstance(record, EventView) or record.precision not in {"day", "unknown"}
