"""One record answering a list question: whether it is one of several of its kind (an
incomplete list), the whole kind listed instead, the records drawn from a document the
question names, and the parts of a whole it counts.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import Decision, _numbered
from hub.core.assistant.answers_lists import ListAnswers
from hub.core.assistant.answers_since import SinceAnswers
from hub.core.assistant.context import Context
from hub.core.assistant.index import EntryView
from hub.core.assistant.list_words import bare
from hub.core.assistant.reading import Reading
from hub.core.assistant.record_choice import RecordChoice
from hub.core.assistant.retrieval import Doc
from hub.core.knowledge.loader import DOCUMENT_KIND

PLACE_HOLDERS = 5
"""How far down the ranking a record held in the place a question names is looked for."""

DRAWN_COVERAGE = 0.5
"""Share of what a list question says beside a document's name that a record drawn from
the document must hold to be listed as what it holds."""

COUNTING_NEAR = 0.7
"""A whole counting the parts a question counts is answered from this share of the best's
score."""


class RecordLists(RecordChoice, SinceAnswers, ListAnswers):
    """A record's answer to a list question: its kind, its document's records, its parts."""

    def _one_of_many_listed(
        self, reading: Reading, qtype: str, best: Doc, terms: list[set[str]], language: str
    ) -> bool:
        """A list asked ("which regional offices does it have", "¿qué oficinas regionales
        tiene?"), one record of the kind named found, and other records of that kind that
        no word of the question sets apart from it by their own names or places: the one
        record alone would be an incomplete list."""
        named = set().union(*terms) & self._every_kind if terms else set()
        if qtype == "what":  # "¿qué oficinas tiene?": the kind of the record, in the plural
            plural = self.retriever.query_terms(self._plural_kind_words(reading), language)
            named &= set().union(*plural) if plural else set()
        elif qtype != "list":
            return False
        if not best.kind_terms & named:
            return False
        siblings = [
            d
            for d in self.retriever.docs
            if d.kind == best.kind and d.group == best.group and d is not best
        ]
        period = reading.period
        if period is not None:  # "the plan of this year": the period sets it apart
            span = self._time_of(best)
            if span is not None and period.overlaps(*span):
                siblings = [
                    d for d in siblings if (t := self._time_of(d)) is None or period.overlaps(*t)
                ]
        if not siblings:
            return False

        def own(doc: Doc) -> set[str]:  # its names, places, label, number and years
            marks = {t for t in doc.terms if t.startswith(("#", "y")) and t[1:].isalnum()}
            return set().union(*doc.names, doc.own_places, marks)

        return not any(
            o & own(best) and not all(o & own(d) for d in siblings)
            for o in terms
            if not o & (self._every_kind | self._home_terms)  # "the IOPD's offices"
        )

    def _whole_kind(
        self,
        ctx: Context,
        reading: Reading,
        best: Doc,
        terms: list[set[str]],
        confidence: float,
    ) -> Decision:
        """The records of the kind the question lists, ``best`` among them; handed off when
        they cannot all be listed (an incomplete list is a wrong one)."""
        kinds = set().union(*terms) & self._every_kind - self._aside_only_terms(ctx, reading)
        members = [d for d in self.retriever.docs if d.kind == best.kind and d.group == best.group]
        existing = self._existing_said(ctx, reading)
        content = [
            o
            for o in terms
            if not o & (self._every_kind | self._home_terms) and not bare(o) & existing
        ]
        splitting = [  # a word two or more hold, not all ("continuity"): it narrows them;
            o  # one held by one alone ("dec": December) is a chance likeness
            for o in content
            if 2 <= sum(1 for d in members if any(d.terms.get(t) for t in o)) < len(members)
        ]
        if splitting:
            weighty = [o for o in content if self._weighty(o) or _numbered(o)]
            listed = self._kind_matching(ctx, reading, kinds, weighty, terms)
        else:
            listed = self._kind_list(ctx, kinds, True, reading, terms)
        if listed is None or listed.reply.handoff or best.record_id not in listed.reply.sources:
            return Decision(ctx.handoff(), "list", min(confidence, 0.3))
        return listed

    def _drawn_from(self, best: Doc, terms: list[set[str]]) -> list[Doc]:
        """Asked for a list of what a document holds ("which cities does the OGP Local
        presentation use as member examples"), the best a document: the records drawn from
        it that hold what else the question says, more than half of it (its words
        not in the document's own name); none when the best is no document."""
        record = best.record
        if not isinstance(record, EntryView) or best.kind != DOCUMENT_KIND:
            return []
        file = record.data.get("file")
        own = set().union(*best.names) if best.names else set()
        rest = [o for o in terms if not o & own and not o & self._home_terms]
        if not file or not rest:
            return []
        return [
            d
            for d in self.retriever.docs
            if d is not best
            and d.group == "entry"
            and getattr(d.record, "source_doc", None) == file
            and self.coverage(d, rest) >= DRAWN_COVERAGE
        ]

    def _document_listed(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """A list asked of a document the question names whole ("which cities of Spain
        appear in the OGP Local presentation"): the records drawn from it that hold what
        else the question says (:meth:`_drawn_from`), each named. None when no one document
        is named so, or none of its records holds the rest."""
        named = [
            d
            for d in self.retriever.docs
            if d.kind == DOCUMENT_KIND and self.retriever.name_share(d, terms) >= 0.99
        ]
        if len(named) != 1:
            return None
        counts = self._count_terms(ctx, reading)  # "the four priorities": how many, no trait
        drawn = self._drawn_from(named[0], [o for o in terms if not o <= counts])
        own = set().union(*named[0].names)
        asked = {t for o in terms for t in o if t not in own}
        if any(d.kind_terms & asked for d in drawn) and not all(
            d.kind_terms & asked for d in drawn
        ):  # "the priorities of the IOPD 2020 work plan": a kind, listed from the plan's parts
            return None
        if not drawn:
            return None
        if len(drawn) == 1:
            reply = self._slot(ctx, reading, "what", drawn[0])
            return None if reply.handoff else Decision(reply, "list", 0.6)
        return self._listed(ctx, drawn, 0.6)

    def _counting_whole(
        self, ranked: list[tuple[float, Doc]], best_score: float, said_kinds: set[str]
    ) -> Doc | None:
        """Asked how many parts of a kind a whole of another kind has ("how many lines had
        the plan", "cuántas tareas tiene la prioridad C"), both kinds named: the best-ranked
        record of the whole's kind, near the best, with parts of the other kind named (it
        counts them); None when there is none."""
        for score, doc in ranked[:PLACE_HOLDERS]:
            if score < best_score * COUNTING_NEAR:
                break
            if doc.group == "entry" and doc.kind_terms & said_kinds:
                parts = self._parts_asked(doc, [said_kinds - doc.kind_terms])
                if parts:
                    return doc
        return None

    def _parts_asked(self, best: Doc, kinds_named: list[set[str]]) -> list[Doc]:
        """The parts of ``best`` of the kind a list question names when that is not its own
        kind ("which tasks make up priority C", "the working groups of the 2014 plan")."""
        other = [o for o in kinds_named if not o & best.kind_terms]
        named = set().union(*other) & self._every_kind if other else set()
        if not named:
            return []
        return [
            d
            for d in self.retriever.docs
            if best.key in d.wholes and d.kind_terms & named and d.group == "entry"
        ]
