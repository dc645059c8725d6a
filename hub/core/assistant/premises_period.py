"""A record named by its kind and a period said relative to now, with a place guessed beside
it (issue 22): "the IOPD conference in Dakar next month, which city?", "la conferencia de
este año, ¿en Lisboa o en Cascais?", "a conferência desse ano vai ser em Portugal?". The
kind and the period name the record when one record of that kind falls in the period;
its own date and place answer, said with the asker's place set right when none of the
places guessed is its own. Places offered as alternatives ("Lisbon or Cascais?") are a
question, not a premise: one of them being the record's own, its place simply answers.

No record of the kind in the period, or two, and the question is left to the other ways of
answering (which hand it off): the period no longer names one record. A period said by a
month, season, weekday or year ("is the conference in July?", "in 2020?") is a claim of time,
and one place guessed that is the record's own ("the Rabat congress next month?", "this
year, in Africa?") a claim that holds: both are left to the yes/no answering, which says
"Yes" or "No" of the claim.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.list_words import bare
from hub.core.assistant.offered_answers import OR_WORDS
from hub.core.assistant.premises import PREMISE_CONFIDENCE, PremiseAnswers, _is_year
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

PERIOD_SLOTS = frozenset({"where", "when", "yesno"})
"""What may be asked of a record named by its kind and a period: its place, its date, or
whether the place guessed is its own."""
NAMING_PERIODS = frozenset({"year", "month", "season"})
"""Periods long enough that a kind's one record in them is the one the asker means ("this
year", "next month", "this summer")."""


class PeriodPremiseAnswers(PremiseAnswers):
    """Answers a record named by its kind and a period beside a place guessed: its own."""

    def _period_premise(
        self, ctx: Context, reading: Reading, qtype: str, terms: list[set[str]]
    ) -> Decision | None:
        """The one record of the kind said in the period said, with its own date and place
        (the guess set right when no place guessed is its own); None when the question
        guesses no place, says no kind, or no record or two of the kind fall in the period."""
        period = reading.period
        if period is None or reading.still or period.kind not in NAMING_PERIODS:
            return None
        if qtype not in PERIOD_SLOTS or not terms or not self._said_from_now(reading):
            return None
        written = self._places_written(ctx, reading)  # "en lisboa o en cascais": all offered
        places = self.retriever.place_terms | written
        guessed = [o for o in terms if bare(o) & places and not _is_year(o)]
        guesses = set().union(written, *(bare(o) & places for o in guessed))
        if not guesses:
            return None
        kinds = {t for o in terms if o not in guessed for t in o & self._every_kind}
        if not kinds:
            return None
        asked = self._slot_noun_terms(ctx, reading)  # "which city": the slot, not a name
        rest = [
            o
            for o in terms
            if o not in guessed and not _is_year(o) and not o & kinds and not o & asked
        ]
        found = [
            d for d in self._of_kind_in(kinds, period.start, period.end) if self._fits(d, rest)
        ]
        if len(found) != 1:
            return None
        doc = found[0]
        if not doc.own_places:  # "the 2019 conference": no place of its own to set right
            return None
        reply = self._when(ctx, doc)
        if reply.handoff:
            return None
        said = self._written(ctx, reading, [guesses])
        own = set().union(*doc.names, doc.own_places)
        analyser = self.retriever.analyser
        stems = {t for w in said.split() for t in analyser.terms(w, "en")}  # as its own are
        if (guesses | stems) & own:  # "Lisbon or Cascais?": one offered is its own
            if not self._offered(reading, said):  # "in Cascais?": a claim that holds
                return None
            return Decision(reply, qtype, PREMISE_CONFIDENCE)
        if not said:
            return None
        text = ctx.phrase("premise_place", said=said, text=reply.text)  # "No. Not in Dakar."
        return Decision(Reply(text, reply.sources, target=reply.target), qtype, PREMISE_CONFIDENCE)

    def _said_from_now(self, reading: Reading) -> bool:
        """Whether the period is said relative to now ("this year", "el mes que viene") and
        no month, season, weekday or year in figures is said beside it: those are claims of
        time ("in July?", "in 2020?") the yes/no answering checks against the dates."""
        vocabulary = self.retriever.vocabulary
        words = normalise(reading.text).split()
        if reading.year is not None or not vocabulary.periods.find(words, fuzzy=False):
            return False
        timed = (vocabulary.months, vocabulary.seasons, vocabulary.weekdays)
        return not any(table.find(words, fuzzy=False) for table in timed)

    @staticmethod
    def _offered(reading: Reading, said: str) -> bool:
        """Whether the places guessed are offered as alternatives ("Lisbon or Cascais?",
        "¿Oporto o Cascais?"): two or more, and a word joining candidates said."""
        words = set(normalise(reading.text).split())
        return len(said.split()) > 1 and bool(words & OR_WORDS)

    def _slot_noun_terms(self, ctx: Context, reading: Reading) -> set[str]:
        """Terms of the nouns asking a place or a time ("city", "cidade", "année")."""
        words = normalise(reading.text).split()
        found = self.retriever.vocabulary.slot_nouns.find(words, fuzzy=False)
        said = [w for f in found if f.value in {"where", "when"} for w in words[f.start : f.end]]
        return set(self.retriever.analyser.terms_of(said, ctx.language))

    def _of_kind_in(self, kinds: set[str], start: dt.date, end: dt.date) -> list[Doc]:
        """The events of a kind said whose dates fall within the period."""
        found: dict[str, Doc] = {}
        for doc in self.retriever.docs:
            if doc.group != "event" or not doc.kind_terms & kinds or doc.step is not None:
                continue
            span = self.span(doc)
            if span is not None and start <= span[0] and span[1] <= end:
                found.setdefault(doc.record_id, doc)
        return list(found.values())

    def _fits(self, doc: Doc, rest: list[set[str]]) -> bool:
        """Whether nothing weighty else the question says is foreign to ``doc`` ("the PB
        conference" is not the IOPD's)."""
        return not [o for o in rest if not doc.terms.keys() & o and self._weighty(o)]
