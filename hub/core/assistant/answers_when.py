"""Questions about time: a **period** (next week, in October 2020, this autumn) lists the
events in it, narrowed by whatever else the question names; **the next / the last** of
something picks the first one not yet over, or the latest one over, relative to the asker's
now, and hands off after the last known one.

The period and the next or last are answered by
:mod:`~hub.core.assistant.answers_period` and :mod:`~hub.core.assistant.answers_next_last`;
this module holds what joins them: the date of a step of a process named by the question,
and a standing slot asked in the present time.
"""

from __future__ import annotations

from dataclasses import replace

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_next_last import NextLastAnswers
from hub.core.assistant.answers_period import PeriodAnswers
from hub.core.assistant.context import Context
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.knowledge.loader import DOCUMENT_KIND

STANDING_SLOTS = frozenset(
    {"join", "cost", "what", "who", "where", "contact", "subscribe", "share"}
)
"""Slots a standing record (how to join, the fees, what a body is, who runs it) answers
whatever the present time the question places itself in."""

PRESENT_WORDS = frozenset(
    {
        "before",
        "until",
        "till",
        "end",
        "antes",
        "hasta",
        "termine",
        "acabe",
        "fin",
        "final",
        "avant",
        "jusqu",
        "ici",
        "finisse",
        "abans",
        "fins",
        "acabi",
        "aqui",
        "ate",
        "daqui",
        "fim",
    }
)
"""Words of a phrase placing a question in the time left now ("before the end of the year",
"antes de que acabe el año", "d'ici la fin du mois", "abans que acabi l'any", "até ao fim do
ano"), normalised: beside the vocabulary's periods, "still" words and month and year nouns,
they say when the asker wants it, not what is asked."""

STEP_KINDS = frozenset({"agenda_item", "call"})
"""Kinds of dated record that are a step of a process (the call for a conference's
sessions, the work on its minutes): asked when, their own date answers, not their parent's."""

STEP_COVERAGE, STEP_RIVALS = 0.99, 0.5
"""Share of the question's words a step must hold to be the one asked of, and share of its
score from which a record of another kind (its parent) must lack a word of it the question
says: a step named only by its parent's name is not asked."""


class WhenAnswers(PeriodAnswers, NextLastAnswers):
    """The events of a period, and the next or the last of something."""

    def _step_named(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
    ) -> Decision | None:
        """Asked when of a step of a process (the call for a conference's sessions, the
        work on its minutes, the evaluation of an award's edition), named by every word the
        question says: that step's own date, not its parent's ("the 2019 conference" is the
        name of the step's parent, not a time whose events are listed), nor the events of
        the year its name holds. A time the question also says ("next month?", "this
        year's") is checked, not listed: the step must fall in it, unless its own name says
        that year, and a year said that its name does not hold names another step ("the
        minutes of the 2021 conference"); an award's step is answered so only when a time is
        said (without one, the edition current at now is chosen elsewhere). None unless the
        best-ranked record is a dated step that holds each word asked, ranks ahead of the
        next, and is named by a word of its own: its step's word (an award's "evaluation"),
        or one no record of another kind near it holds (the
        conference it belongs to names no "minutes")."""
        if qtype != "when" or not ranked:
            return None
        score, best = ranked[0]
        award_step = best.group == "step" and best.step is not None
        span = self.span(best)
        if not (award_step or best.kind in STEP_KINDS) or span is None:
            return None
        if self.coverage(best, terms) < STEP_COVERAGE:
            return None
        if len(ranked) > 1 and ranked[1][0] >= score:
            return None
        named_years = {t[1:] for n in best.names for t in n if t[:1] == "y" and t[1:].isdigit()}
        said_years = {w for w in reading.words if w.isdigit() and len(w) == 4}
        if named_years and said_years - named_years:
            return None  # "the minutes of the 2020 conference": not the 2019 one's
        period = reading.period
        if (
            period is not None
            and not period.overlaps(*span)
            and not any(f"y{period.start.year}" in n for n in best.names)
        ):
            return None  # "the call of 2019": not this step's time
        if award_step:
            if period is None:
                return None  # no time said: the edition current at now is chosen elsewhere
            said = self._step_words(best)
            if not any(o & said for o in terms):
                return None  # "when is the 2020 award?": the award, not one of its steps
        else:
            others = [
                d for s, d in ranked[1:] if s >= score * STEP_RIVALS and d.kind not in STEP_KINDS
            ]
            if not any(
                any(best.terms.get(t) for t in o)
                and not any(t in _named(d) for d in others for t in o)
                for o in terms
            ):  # "the dates of the 2020 conference": the work preparing it names it, is not it
                return None
        reply = self._slot(ctx, reading, "when", best)
        return Decision(reply, "when", 0.8 if not reply.handoff else 0.3)

    def _standing_now(
        self, ctx: Context, reading: Reading, qtype: str, decision: Decision
    ) -> Decision | None:
        """A question of a standing slot placed in the present ("how can we join before the
        end of the year?", "¿hay que pagar cuota este año?", "peut-on encore adhérer ?",
        "com ens hi afegim abans que acabi l'any?", "ainda este ano"), handed off because
        its time words are held by no record, or answered by a standing record that holds
        them by chance ("d'ici": "ask here"): asked again without them, answered only from
        standing records (no event, award step or record of a plan or year), which hold now
        whatever the date, so no time word chooses among them. A time that chose a dated
        record still selects it, and a time not in what is left of this year ("next
        year", "in 2015") is not dropped. The record answering is the first cited: those
        cited beside it state the same (:mod:`~hub.core.assistant.alike`) and choose nothing.
        A document chosen by the time words (a deck that mentions this year's roundup, for
        "how do we join this year?") is asked again the same way: a document tells where a
        thing is written, and the standing record that states it answers the slot."""
        first = set(decision.reply.sources[:1])
        if not (decision.reply.handoff or self._all_standing(first) or self._documents(first)):
            return None
        if qtype not in STANDING_SLOTS or reading.relative is not None:
            return None
        period = reading.period
        if period is not None and (period.end < ctx.today or period.start.year > ctx.today.year):
            return None  # a time over, or of a year to come: not the time left now
        words = reading.words
        said = {w for w in words if w.isdigit() and len(w) == 4}
        timed = set(self._present_at(words)) | {
            i for i, w in enumerate(words) if w in PRESENT_WORDS
        }
        added = [w for w in reading.content if w.isdigit() and len(w) == 4 and w not in said]
        if any(w != str(ctx.today.year) for w in added) or any(w in said for w in reading.content):
            return None  # a year written, or another than this one: a time of its own
        if not timed and not added:
            return None
        dropped = {words[i] for i in timed} | set(added)
        untimed = replace(
            reading,
            words=[w for i, w in enumerate(words) if i not in timed],
            content=[w for w in reading.content if w not in dropped],
            period=None,
            year=None,
            still=False,
        )
        if not untimed.words:
            return None
        asked = self.decide(ctx, untimed)
        if asked.reply.handoff or not self._all_standing(set(asked.reply.sources[:1])):
            return None
        return asked

    def _documents(self, record_ids: set[str]) -> bool:
        """Every record of ``record_ids`` is known and a document (a deck, a plan's file)."""
        docs = [d for d in self.retriever.docs if d.record_id in record_ids]
        return bool(docs) and all(d.kind == DOCUMENT_KIND for d in docs)

    def _step_words(self, doc: Doc) -> set[str]:
        """The terms of the words naming the award step ``doc`` is (vocabulary.yaml
        ``steps``: "evaluation", "convocatoria", "results"), in every language."""
        vocabulary = self.retriever.vocabulary
        family = vocabulary.steps.get(vocabulary.step_family(doc.step or ""), {})
        analyser = self.retriever.analyser
        return {
            t
            for language, phrases in family.items()
            for phrase in phrases
            for t in analyser.terms(phrase, language)
        }

    def _present_at(self, words: list[str]) -> list[int]:
        """Where the vocabulary's words of time stand in ``words``: periods ("this year"),
        "still" words, "before", parts of a month or year ("the end of"), spans ("d'ici")
        and the month and year nouns."""
        vocabulary = self.retriever.vocabulary
        matchers = (
            vocabulary.periods,
            vocabulary.still,
            vocabulary.before,
            vocabulary.month_parts,
            vocabulary.spans,
            vocabulary.month_words,
        )
        found = [(f.start, f.end) for m in matchers for f in m.find(list(words), fuzzy=False)]
        at = [i for start, end in found for i in range(start, end)]
        return at + [i for i, w in enumerate(words) if w in vocabulary.year_nouns]


def _named(doc: Doc) -> set[str]:
    """The terms a record is named or dated by (its own name, its kind's names, its year),
    not those its text only mentions: the 2019 conference's text tells of work on its
    minutes, but neither "work" nor "minutes" names it; they name the step. The 2020
    conference, dated 2020, is named by "2020" though its name is "20th Conference"."""
    named = set().union(*doc.names, doc.kind_terms)
    starts = getattr(doc.record, "starts_on", None)
    return named | {f"y{starts.year}"} if starts is not None else named
