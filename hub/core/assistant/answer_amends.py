"""What is done to an answer once the routing has one (:class:`AnswerAmends`, a mixin of
:class:`~hub.core.assistant.answering.Responder`): handed off when the network's seat answers
for another body's, or when a detail or the place asked is not stated by the records cited;
a handoff on when, or on which came first, answered by the dates of two records named side
by side.
"""

from __future__ import annotations

from hub.core.assistant.answer_checks import AnswerChecks
from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_bounds import BoundAnswers
from hub.core.assistant.answers_deciders import DeciderAnswers
from hub.core.assistant.answers_join import JoinAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import AwardView, text_in
from hub.core.assistant.money_stated import whether_money
from hub.core.assistant.place_asked import SLOTS as PLACE_SLOTS
from hub.core.assistant.place_asked import asks_where, place_unstated
from hub.core.assistant.premises_period import PeriodPremiseAnswers
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.seat_asked import seat_of_another

PAIR_REACH = 10
"""How far down the ranking the two records a question names side by side are looked for."""


PAIR_RIVAL = 0.7
"""Share of its score a record named by the same places, of the same kind, must reach to
make one of two records compared ambiguous (a rescue from a handoff: wide on purpose)."""


class AnswerAmends(AnswerChecks, JoinAnswers, DeciderAnswers, BoundAnswers, PeriodPremiseAnswers):
    """Amends the answer the routing found: a handoff where the records cited do not state
    what is asked, two dates where two records were asked side by side."""

    def _seat_of_another(
        self, reading: Reading, qtype: str, terms: list[set[str]], decision: Decision
    ) -> bool:
        """Asked where a body is based ("la sede de la presidencia"), the network's seat
        answers, which is another body's (:mod:`~hub.core.assistant.seat_asked`)."""
        reply = decision.reply
        if qtype != "where" or not reading.seat or reply.handoff or len(reply.sources) != 1:
            return False
        seat = self._seat()
        if seat is None or reply.sources != [seat.record_id]:
            return False
        home = self._home_terms | self._networks
        places = self.retriever.place_terms
        return seat_of_another(terms, seat, home, places, self.retriever.docs)

    def _detail_unstated(
        self, ctx: Context, reading: Reading, qtype: str, decision: Decision
    ) -> list[str] | None:
        """The answer's records do not state a detail the question asks beside its slot
        (:mod:`~hub.core.assistant.details`): "what did the congress decide?" answered
        from a congress's record that says when and where it was, and nothing decided.
        None when every detail asked is stated; else what to say before the handoff: what
        the record does say (its answer, unless a yes or no was asked) and the detail
        missing, when the table names it ("the documents do not give the programme of
        ...")."""
        reply = decision.reply
        if reply.handoff or not reply.sources:
            return None
        asked = self.details.asked(reading.words, ctx.language, qtype)
        if qtype == "cost":
            words = reading.words
            asks = not reading.polar and bool(
                self.retriever.vocabulary.question_words.find(words, fuzzy=False)
            )
            awards = [r for r in map(ctx.index.record, reply.sources) if isinstance(r, AwardView)]
            funded = any("fundraising" in award.steps for award in awards)  # not a Distinction
            if funded and whether_money(words, asks):  # whose plan only says what prizes cost
                asked = [(d, said) for d, said in asked if d.name != "amount"]  # "is there any?"
        if not asked:
            return None
        docs = [d for d in self.retriever.docs if d.record_id in set(reply.sources)]
        missing = [d for d, said in asked if not self.details.states(d, said, docs)]
        if not missing:
            return None
        named = missing[0].named
        if not named or not docs:
            return []
        name = text_in(docs[0].record.name, ctx.language)[0]
        detail = named.get(ctx.language, named.get("en", ""))
        said = [] if qtype == "yesno" else [reply.text]  # what the record does say of it
        return [*said, ctx.phrase("detail_unknown_of", detail=detail, name=name)]

    def _place_unstated(
        self, ctx: Context, reading: Reading, qtype: str, decision: Decision
    ) -> list[str] | None:
        """Where is asked beside the slot read (:mod:`~hub.core.assistant.place_asked`) and
        the events cited give no place: what they say (unless a yes or no was asked), then
        that the place is not given."""
        reply = decision.reply
        if qtype not in PLACE_SLOTS or reply.handoff or not asks_where(reading.text, ctx.language):
            return None
        docs = [d for d in self.retriever.docs if d.record_id in set(reply.sources)]
        if not place_unstated(docs):
            return None
        name = text_in(docs[0].record.name, ctx.language)[0]
        said = [] if qtype == "yesno" else [reply.text]
        return [*said, ctx.phrase("place_unknown_of", name=name)]

    def _pair_dated(
        self,
        ctx: Context,
        reading: Reading,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
    ) -> Decision | None:
        """Asked the dates of two records side by side ("when was Chicago and when is San
        Francisco?", "which opened first, the Porto Alegre office or the Dakar platform?"):
        each is named by places of its own the other lacks, both are of one kind (two
        conferences, two offices), together they hold every place the question says, and no
        rival of the same kind near them is named by the same places with another date.
        Both dates answer; None when the question is not such a pair (it stays handed off)."""
        places = self.retriever.place_terms
        top = ranked[:PAIR_REACH]
        keys = [i for i, o in enumerate(terms) if o & places]
        if len(keys) < 2:
            return None

        def naming(doc: Doc) -> frozenset[int]:
            own = set().union(*doc.names, doc.own_places) if doc.names else doc.own_places
            return frozenset(i for i in keys if terms[i] & own)

        first = next(((s, d) for s, d in top if naming(d)), None)
        if first is None:
            return None
        second = next(
            ((s, d) for s, d in top if naming(d) and not naming(d) & naming(first[1])), None
        )
        if second is None or naming(first[1]) | naming(second[1]) != set(keys):
            return None
        if first[1].kind != second[1].kind:  # things compared are alike: two conferences
            return None
        replies = []
        for score, doc in (first, second):
            reply = self._slot(ctx, reading, "when", doc)
            if reply.handoff:
                return None
            for other_score, other in top:
                if (
                    other is not doc
                    and other_score >= score * PAIR_RIVAL
                    and other.kind == doc.kind
                    and naming(other) == naming(doc)
                    and self._says("when", other) != self._says("when", doc)
                ):
                    return None  # two records of that name, with different dates
            replies.append(reply)
        text = " ".join(r.text for r in replies)
        sources = [*replies[0].sources, *replies[1].sources]
        return Decision(Reply(text, sources), "when", 0.5)
