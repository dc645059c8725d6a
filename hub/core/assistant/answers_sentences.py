"""What a named record's text says, asked by a slot its fields do not hold ("for the member
list clean-up in the 2020 plan, who gets contacted first?", "task 12: how are the special
reports paid for?", "¿a quién se contacta primero para depurar la lista?"): the record is
identified (the slot's handoff cites it), and one sentence of its own text, in the answer's
language, carries every word the question asks beyond the record's name, its whole's name,
its kind and the question words. That sentence answers, cited, in a whole sentence.

A question asking how something is paid for is carried by a sentence naming its funds
(:data:`PAID_WORDS`, :data:`FUNDS_WORDS`, five languages): "paid for" is said, "fundraising"
written. When no one sentence carries every word asked ("who leads task 15?": no sentence
says "lead"), the handoff stands: a sentence chosen must share the question's words, not
merely the record.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision, _numbered
from hub.core.assistant.answers_records import RecordAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EntryView, text_in
from hub.core.assistant.plan_parts import NAMED_SHARE, label_number
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.yesno import sentences

SENTENCE_SLOTS = frozenset({"who", "cost", "what"})
"""Slots a record's sentence may answer when its fields do not: who does something in it,
how it is paid for, what happens in it. Dates and places are never read from prose here."""

PAID_WORDS = frozenset(
    {
        *("pay", "paid", "pays", "paying", "funded", "financed"),
        *("pagar", "paga", "pagan", "pagara", "pagaria", "pagado", "pagada", "pagarian"),
        *("payer", "paye", "payent", "paie", "paient", "payera", "payerait", "paye"),
        *("pagat", "pagada", "paguen", "pagaria"),
        *("pago", "pagos", "pagam", "pagaria", "pagariam"),
    }
)
"""Words asking how something is paid for, in the five languages (normalised)."""
FUNDS_WORDS = frozenset(
    {
        *("fund", "funds", "funding", "fundraising", "budget", "sponsorship", "crowdfunding"),
        *("fondos", "financiacion", "presupuesto", "micromecenazgo", "patrocinio"),
        *("fonds", "financement", "budget", "parrainage"),
        *("fons", "financament", "pressupost", "micromecenatge", "patrocini"),
        *("fundos", "financiamento", "orcamento", "angariacao", "patrocinio"),
    }
)
"""Words a record writes of the money something is paid with: a question asking how it is
paid for (:data:`PAID_WORDS`) is carried by a sentence holding one of them."""


RIVALS = 8
"""How many of the best-ranked records are looked at for another one the question names."""
WHOLLY = 0.99
"""Share of a record's own name the question says, naming it."""
WHO_WORDS = frozenset({"who", "whom", "quien", "quienes", "qui", "quem", "quems"})
"""The question words asking a person: "who pays for it" asks a payer, not its funds."""


class SentenceAnswers(RecordAnswers):
    """The sentence of an identified record carrying what the question asks of it."""

    def _record(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
    ) -> Decision:
        decision = super()._record(ctx, reading, qtype, ranked, terms)
        reply = decision.reply
        if not reply.handoff or qtype not in SENTENCE_SLOTS or len(reply.sources) != 1:
            return decision
        doc = next((d for _, d in ranked if d.record_id == reply.sources[0]), None)
        if doc is None:
            return decision
        if qtype == "who" and reading.relation is not None:
            return decision  # "who heads it": a role its fields would name, not its prose
        if any(  # "who suggested the Global PB Hub could...": the other record's to say
            d is not doc and self.retriever.name_share(d, terms) >= WHOLLY
            for _, d in ranked[:RIVALS]
        ):
            return decision
        said = self._sentence_carrying(ctx, reading, qtype, doc, terms)
        if said is None:
            return decision
        record = doc.record
        assert isinstance(record, EntryView)
        name = text_in(record.name, ctx.language)[0]
        text = ctx.phrase("what_is", name=name, text=said)
        confidence = max(decision.confidence, MIN_CONFIDENCE)
        return Decision(Reply(text, [doc.record_id]), qtype, confidence)

    def _sentence_carrying(
        self, ctx: Context, reading: Reading, qtype: str, doc: Doc, terms: list[set[str]]
    ) -> str | None:
        """The one sentence of ``doc``'s own text, in the answer's language, holding every
        word the question asks beyond the record's names, its whole's, its kind and the
        network; None when no sentence, or more than one, does."""
        record = doc.record
        if doc.group != "entry" or not isinstance(record, EntryView):
            return None
        body = record.body.get(ctx.language, "")
        if not body:
            return None
        own = set().union(*doc.names) if doc.names else set()
        beyond = own | doc.own_places | self._whole_terms(doc) | self._every_kind | self._home_terms
        beyond |= self._content_verbs
        idf = self.retriever.idf
        paid = bool(PAID_WORDS.intersection(reading.words)) and not (
            qtype == "who" or WHO_WORDS.intersection(reading.words)
        )  # "who pays", "quién paga": a payer, which no sentence of funds names
        paid_terms = self._terms_of(sorted(PAID_WORDS), ctx.language) if paid else set()
        asked = [
            o
            for o in terms
            if self._weighty(o)
            and any(t in idf for t in o)  # words no record writes frame, they do not ask
            and not o & beyond
            and not o & paid_terms
            and not _numbered(o)
            and not any(t.startswith("@") for t in o)
        ]
        if not asked and not paid:
            return None
        label = label_number(doc)
        numbered = label is not None and any(f"#{label}" in o for o in terms)
        if not numbered and self.retriever.name_share(doc, terms) < NAMED_SHARE:
            return None  # identified by its number or by its name, not by a word in passing
        funds = self._terms_of(sorted(FUNDS_WORDS), ctx.language) if paid else set()
        found = []
        for sentence in sentences(body):
            held = set(self.retriever.analyser.terms(sentence, ctx.language))
            held |= set(self.retriever.analyser.terms(sentence, "en"))
            if all(o & held for o in asked) and (not paid or funds & held):
                found.append(sentence.strip())
        if len(found) != 1:
            return None
        return found[0]

    def _terms_of(self, words: list[str], language: str) -> set[str]:
        """The stems of ``words`` in ``language`` and in English."""
        out: set[str] = set()
        for word in words:
            for lang in {language, "en"}:
                out |= set(self.retriever.analyser.terms(normalise(word), lang))
        return out
