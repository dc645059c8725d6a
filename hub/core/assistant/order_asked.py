"""Which of two dated things comes first, asked as a choice.

"is the Chicago PB conference before or after our conference in Cascais?", "which comes
first, the call for candidacies or the evaluation?", "¿qué fue antes, el foro de Berlín o la
conferencia de Chicago?", "le bureau de Dakar a ouvert avant ou après celui de Porto
Alegre ?", "quina oficina es va obrir primer, la de X o la de Y?": the question names two
things and asks their order, not a yes or no to one order claimed
(:meth:`~hub.core.assistant.answers_yesno_period.PeriodClaims._order_claimed` takes that).

Two shapes are read, from the question's normalised words:

- *pair*: one side, "before or after" (the words of :data:`ORDER_PAIRS`, either way round),
  the other side;
- *choice*: a word asking which is first or earlier ("first", "antes", "en premier"...),
  then the two sides split by the one "or" of the question's language.

Each side must name one dated record singly: an event (as the order claim reads it,
:meth:`~hub.core.assistant.answers_yesno_period.PeriodClaims._dated_side`, a side saying no
kind of its own, "la de Cascais", "celui de Porto Alegre", taking the other side's), or, by
the question's own "when" answer for that side, an office's opening or an award's step. The
two records (or steps) must differ and their dates must not overlap. The answer says which
is first, then the other, each with its own date sentence, citing both. One thing named
twice, dates overlapping, or one side naming nothing dated: handed off. Neither side naming
anything: the question goes on to the other ways of answering.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision
from hub.core.assistant.answers_entries import _date
from hub.core.assistant.answers_yesno_period import AFTER, BEFORE, PeriodClaims
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.dates import covered
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

FIRST_ASKED = frozenset(
    {
        "first",
        "earlier",
        "sooner",
        "primero",
        "primera",
        "premier",
        "premiere",
        "primer",
        "primeiro",
        "primeira",
        *BEFORE,
    }
)
"""Words asking which of two is first or earlier ("which came first", "qué fue antes", "qui
vient en premier", "quin va primer", "o que vem primeiro"); the reading writes the ordinal
ones as "1", so the question's own text is checked for them."""

OR_WORDS = {
    "en": frozenset({"or"}),
    "es": frozenset({"o", "u"}),
    "ca": frozenset({"o"}),
    "fr": frozenset({"ou"}),
    "pt": frozenset({"ou"}),
}
"""The word splitting the two things a choice offers, per language (Portuguese "o" is an
article)."""
ANY_OR = frozenset().union(*OR_WORDS.values())
"""Between "before" and "after" ("antes o depois"), any language's "or" is one."""

LEAD = {
    "en": ("First:", "Then:"),
    "es": ("Primero:", "Después:"),
    "ca": ("Primer:", "Després:"),
    "fr": ("D'abord :", "Ensuite :"),
    "pt": ("Primeiro:", "Depois:"),
}
"""How the answer says which comes first and which after, per language."""

STEP_KINDS = frozenset({"office"})
"""Entries whose opening date (``founded``) orders them."""

_CLOSED = re.compile(r"\b(\w+)\s*[,:;]")  # \b: linear on a long unbroken word
"""A word closing a clause: "which came first, A or B" asks the order there."""

Decide = Callable[[Context, Reading], Decision]


class OrderAsked(PeriodClaims):
    """Which of two dated records, offices or award steps a question names comes first."""

    def _order_asked(self, ctx: Context, reading: Reading, decide: Decide) -> Decision | None:
        """Both named, dated apart: which is first, both dates, both cited; else None."""
        if reading.still:
            return None
        split = self._order_sides(ctx, reading)
        if split is None:
            return None
        shared, one, other = split
        kinds_one, kinds_other = self._side_kinds(ctx, one), self._side_kinds(ctx, other)
        kinds_shared = self._side_kinds(ctx, shared)
        first = self._side_dated(ctx, reading, one, shared, kinds_other or kinds_shared, decide)
        second = self._side_dated(ctx, reading, other, shared, kinds_one or kinds_shared, decide)
        if first is None and second is None:
            return None
        if first is None or second is None:  # one of the two undated or not on record
            return Decision(ctx.handoff(), "when", 0.0)
        (doc_a, span_a), (doc_b, span_b) = first, second
        if (doc_a.record_id, doc_a.step) == (doc_b.record_id, doc_b.step) or not (
            span_a[1] < span_b[0] or span_b[1] < span_a[0]
        ):  # one thing named twice, or dates overlapping: neither is first
            return Decision(ctx.handoff(), "when", 0.0)
        earlier, later = (doc_a, doc_b) if span_a[1] < span_b[0] else (doc_b, doc_a)
        replies = [self._dated_reply(ctx, reading, d) for d in (earlier, later)]
        if any(r is None or r.handoff for r in replies):
            return None
        lead = LEAD.get(ctx.language, LEAD["en"])
        text = " ".join(f"{w} {r.text}" for w, r in zip(lead, replies, strict=True) if r)
        sources = list(dict.fromkeys([earlier.record_id, later.record_id]))
        return Decision(Reply(text, sources), "when", MIN_CONFIDENCE, stated=True)

    def _order_sides(
        self, ctx: Context, reading: Reading
    ) -> tuple[list[str], list[str], list[str]] | None:
        """The words around the two sides, and each side's words; None when the question
        asks no order between two things."""
        words = reading.words
        for i in range(len(words) - 2):  # "before or after", "avant ou après", either way
            a, o, b = words[i : i + 3]
            ways = (a in BEFORE and b in AFTER) or (a in AFTER and b in BEFORE)
            if ways and o in ANY_OR:
                if any(w in BEFORE or w in AFTER for w in words[i + 3 :]):
                    return None
                return [], words[:i], words[i + 3 :]
        if not any(normalise(m.group(1)) in FIRST_ASKED for m in _CLOSED.finditer(reading.text)):
            return None  # "the first conference, in X or Y?": an ordinal, no order asked
        asked = [i for i, w in enumerate(words) if w in FIRST_ASKED or w == "1"]
        ors = [i for i, w in enumerate(words) if w in OR_WORDS.get(ctx.language, ())]
        if len(asked) != 1 or len(ors) != 1 or ors[0] < asked[0]:
            return None
        k, at = asked[0], ors[0]
        if at - k < 2 or at == len(words) - 1:
            return None
        return words[:k], words[k + 1 : at], words[at + 1 :]

    def _side_kinds(self, ctx: Context, side: list[str]) -> list[str]:
        """The words of a side naming a kind of record ("conference", "bureau")."""
        kinds = self._every_kind
        return [
            w
            for w in side
            if any(o & kinds for o in self.retriever.query_terms([w], ctx.language))
            and not any(
                o & self._happening_terms for o in self.retriever.query_terms([w], ctx.language)
            )
        ]

    def _side_dated(
        self,
        ctx: Context,
        reading: Reading,
        side: list[str],
        shared: list[str],
        kinds: list[str],
        decide: Decide,
    ) -> tuple[Doc, tuple[dt.date, dt.date]] | None:
        """The one record (or award step) a side names, with the days it may fall on."""
        if not side:
            return None
        own_kind = self._side_kinds(ctx, side)
        doc = self._dated_side(ctx, side)
        if doc is None and not own_kind and kinds:
            doc = self._dated_side(ctx, [*kinds, *side])
        if doc is None:
            borrowed = [] if own_kind else kinds
            around = [*reading.context, *shared, *borrowed]  # "this year's award: ..."
            doc = self._asked_when(ctx, reading, [*around, *side], decide)
        if doc is None:
            return None
        span = self._order_span(doc)
        return None if span is None else (doc, span)

    def _asked_when(
        self, ctx: Context, reading: Reading, words: list[str], decide: Decide
    ) -> Doc | None:
        """The office or award step the question's own "when" answer for ``words`` cites."""
        period = reading.period
        year = [str(period.start.year)] if period is not None and period.kind == "year" else []
        asked = replace(
            reading,
            words=[*words, *year],
            content=[*words, *year],
            qtype="when",
            polar=False,
            period=None,
            relative=None,
        )
        decision = decide(ctx, asked)
        if decision.reply.handoff or len(decision.reply.sources) != 1:
            return None
        record_id = decision.reply.sources[0]
        terms = self.retriever.unbind(self.retriever.query_terms(asked.content, ctx.language))
        for _, doc in self.retriever.search(terms)[:8]:
            if doc.record_id != record_id:
                continue
            record = doc.record
            if isinstance(record, EntryView) and record.kind in STEP_KINDS:
                return doc
            if isinstance(record, AwardView) and doc.step and doc.step in record.steps:
                return doc
            if isinstance(record, EventView) and record.span is not None:
                return doc
            return None
        return None

    def _order_span(self, doc: Doc) -> tuple[dt.date, dt.date] | None:
        """The days an event, an award step or an office's opening may fall on."""
        record = doc.record
        if isinstance(record, EventView):
            return record.span
        if isinstance(record, AwardView):
            step = record.steps.get(doc.step) if doc.step else None
            if step is None or step.starts_on is None:
                return None
            return covered(step.starts_on, step.ends_on, step.precision)
        if isinstance(record, EntryView) and record.kind in STEP_KINDS:
            founded = _date(record.data.get("founded"))
            if founded is None or record.data.get("status") != "founded":
                return None
            return covered(founded, None, str(record.data.get("founded_precision", "day")))
        return None

    def _dated_reply(self, ctx: Context, reading: Reading, doc: Doc) -> Reply | None:
        """The date sentence of an event or award step, or an office's opening."""
        if isinstance(doc.record, EventView | AwardView):
            return self._when(ctx, doc)
        asked = replace(reading, qtype="when", polar=False, period=None, day=False, hour=False)
        return self._slot(ctx, asked, "when", doc)
