"""Which of close-scoring records a question names by a time (:class:`DatedChoice`, a mixin
of :class:`~hub.core.assistant.record_choice.RecordChoice`): the one record of the period
or the year asked, the event hosting the best-ranked one, the edition current at now.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.answers_base import HOME_EDGE, ResponderBase
from hub.core.assistant.context import Context
from hub.core.assistant.index import EventView
from hub.core.assistant.named_rivals import called
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

HORIZON_YEARS = 1
"""An edition starting more years than this after now is not yet the current one (its
documents were not written): in 2016 the 2020 award is not offered."""


PART_SHARE = 0.6
"""Share of its own name a question must say for a record naming more of it to be chosen."""


YEAR_NEAR, YEAR_RIVALS = 0.6, 8
"""A record of the year asked comes first from this share of the best's score, among this
many."""


HOST_NEAR = 0.7
"""An event hosting the best-ranked one comes first from this share of its score."""


HOST_KINDS = frozenset({"conference", "external_event"})


HOSTED_KINDS = frozenset({"session", "internal_session"})
"""Kinds of events held within others (a workshop, a members' session) and of those that
hold them (a conference, a congress, a forum)."""


class DatedChoice(ResponderBase):
    """Chooses among close-scoring records by the period, the year or the edition asked."""

    def _alone_in_period(
        self, best: Doc, reading: Reading, kinds: list[set[str]], qtype: str
    ) -> bool:
        """Asked when, where or who of an event of a kind in a month or days ("où se tiendra
        la conférence en juillet ?"): the best is the one record of that kind in them, which
        names it, whatever verbs the asker says around it."""
        return self._one_in_period(reading, kinds, qtype) is best

    def _one_in_period(self, reading: Reading, kinds: list[set[str]], qtype: str) -> Doc | None:
        """The one event of the kind named held in the month or days a when, where or who
        question says; None unless exactly one is. Those held wholly within them first, then
        those they meet (an undated year's event); of its own kind first, then of those its
        own name calls so (the outside "Conference on Participatory Budgeting" in May)."""
        period = reading.period
        if qtype not in {"when", "where", "who"} or period is None or period.kind == "year":
            return None
        named = set().union(*kinds) if kinds else set()
        if not named:
            return None
        spans = {
            d.key: span
            for d in self.retriever.docs
            if isinstance(d.record, EventView)
            and (self._kind_of(d) | called(d)) & named  # "the conference": so named too
            and (span := self.span(d)) is not None
            and span[0] <= period.end
            and period.start <= span[1]
        }
        held = [d for d in self.retriever.docs if d.key in spans]
        for wholly in (True, False):
            for own in (True, False):
                inside = [
                    d
                    for d in held
                    if (
                        not wholly
                        or period.start <= spans[d.key][0] <= spans[d.key][1] <= period.end
                    )
                    and (not own or self._kind_of(d) & named)
                ]
                if inside:
                    return inside[0] if len(inside) == 1 else None
        return None

    def _in_period_first(
        self, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]], qtype: str
    ) -> list[tuple[float, Doc]]:
        """The one event of the kind named in the month asked comes first, when the best
        is an event of that kind held at another time and the other holds every place and
        number the question names ("¿dónde se celebrará la conferencia en julio?": July's
        conference, not the one whose text says "celebrará")."""
        if not ranked:
            return ranked
        kinds = [o for o in terms if o & self._every_kind]
        one = self._one_in_period(reading, kinds, qtype)
        best = ranked[0][1]
        if one is None or one is best or not isinstance(best.record, EventView):
            return ranked
        named = set().union(*kinds)
        if not (self._kind_of(best) | called(best)) & named:
            return ranked
        places = self.retriever.place_terms
        own = set().union(*one.names, one.own_places)
        if any(o & places and not o & own for o in terms):
            return ranked
        if any(_numbered_term(o) and not one.terms.keys() & o for o in terms):
            return ranked
        if not any(d is one for _, d in ranked):  # it holds nothing of the question
            return ranked
        return [(ranked[0][0], one), *[(s, d) for s, d in ranked if d is not one]]

    def _of_the_year_first(
        self, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> list[tuple[float, Doc]]:
        """Asked of a year ("les objectifs du plan de travail de cette année"), the best an
        entry of another year's documents (a 2014 working group in 2020) that the question
        does not call by its name: the best-ranked record near it of that year, holding as
        much of the question, comes first."""
        period = reading.period
        if period is None or period.kind != "year" or not ranked:
            return ranked
        best_score, best = ranked[0]
        if best.group != "entry" or not self._outside(best, period.start, period.end):
            return ranked
        if self.retriever.name_share(best, terms) >= PART_SHARE:  # named: it is asked
            return ranked
        reach = self.coverage(best, terms)
        for score, doc in ranked[1:YEAR_RIVALS]:
            if score < best_score * YEAR_NEAR:
                break
            if (
                doc.group == "entry"
                and self._outside(doc, period.start, period.end) is False
                and self.coverage(doc, terms) >= reach - 1e-9
            ):
                rest = [(min(s, score * HOME_EDGE), d) for s, d in ranked if d is not doc]
                return [(score, doc), *rest]
        return ranked

    def _outside(self, doc: Doc, start: dt.date, end: dt.date) -> bool | None:
        """Whether an entry's year (its document's) lies outside the days; None unknown."""
        year = self.era(doc)
        if year is None:
            return None
        return not start.year <= year <= end.year

    def _host_first(
        self, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> list[tuple[float, Doc]]:
        """A question naming an event only by its place (and maybe a year or a kind: "Rabat,
        which days?") asks the main event there: when the best is an event held within
        another near it (a workshop during a congress, whose text names the congress, on the
        congress's days in its city), the host comes first."""
        if not ranked or not isinstance(ranked[0][1].record, EventView):
            return ranked
        places = self.retriever.place_terms
        every_kind = self._every_kind
        if not any(o & places for o in terms) or any(
            not (o & places or o & every_kind or _numbered_term(o)) for o in terms
        ):
            return ranked
        best_score, best = ranked[0]
        for score, doc in ranked[1:]:
            if score < best_score * HOST_NEAR:
                break
            if self._hosts(doc, best):
                rest = [(min(s, best_score * HOME_EDGE), d) for s, d in ranked if d is not doc]
                return [(best_score, doc), *rest]
        return ranked

    def _hosts(self, host: Doc, guest: Doc) -> bool:
        """``guest`` is held within ``host``: a session or workshop, and a conference or
        congress, in one city, the guest's days within the host's."""
        outer, inner = host.record, guest.record
        if not isinstance(outer, EventView) or not isinstance(inner, EventView):
            return False
        if host.kind not in HOST_KINDS or guest.kind not in HOSTED_KINDS:
            return False
        if not outer.city or outer.city != inner.city:
            return False
        spans = self.span(host), self.span(guest)
        if spans[0] is None or spans[1] is None:
            return False
        return spans[0][0] <= spans[1][0] and spans[1][1] <= spans[0][1]

    def _in_years(self, doc: Doc, years: set[int]) -> bool:
        """The record is dated in every year named (an undated one may be)."""
        span = self.span(doc) if isinstance(doc.record, EventView) else None
        return span is None or all(span[0].year <= y <= span[1].year for y in years)

    def _current_edition(self, ctx: Context, best: Doc) -> Doc:
        """The same step (or the award itself) of the edition current at now."""
        family = best.step and self.retriever.vocabulary.step_family(best.step)
        editions = [
            d
            for d in self.retriever.docs
            if d.group == best.group
            and d is not best
            and (d.step and self.retriever.vocabulary.step_family(d.step)) == family
        ]
        return self._current(ctx, best, editions) or best

    def _current(self, ctx: Context, best: Doc, rivals: list[Doc]) -> Doc | None:
        """Among tied editions of one kind (award steps, conferences), the one current at now."""
        tied = [best, *rivals]
        if (
            len(
                {
                    (d.group, d.kind, d.step and self.retriever.vocabulary.step_family(d.step))
                    for d in tied
                }
            )
            != 1
        ):
            if all(d.record_id == best.record_id for d in tied):
                return best
            return None
        spans = [(self.span(d), d) for d in tied]
        if any(s is None for s, _ in spans):
            undated = [d for s, d in spans if s is None]
            if len(undated) == len(spans):
                return None
        coming = sorted(
            (
                (s, d)
                for s, d in spans
                if s is not None
                and s[1] >= ctx.today
                and s[0].year <= ctx.today.year + HORIZON_YEARS  # in 2016 the 2020 call is unknown
            ),
            key=lambda item: item[0][0],
        )
        if coming:
            return coming[0][1]
        past = [(s, d) for s, d in spans if s is not None and s[1] < ctx.today]
        return max(past, key=lambda item: item[0][0])[1] if past else None


def _numbered_term(options: set[str]) -> bool:
    """A year or an edition's number."""
    return any(t[:1] in "#y" and t[1:].isdigit() for t in options)
