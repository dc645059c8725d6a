"""Yes or no to a number claimed against a bound a record states, or the bound itself when
a limit is asked (issue 22): "can an OGP Local member have eight commitments at once?" is
answered "No" with the sentence stating "up to 5 commitments"; "¿7 compromisos a la vez?"
likewise, "nuestra ciudad quiere 3" with "Sí"; "what's the max?", "¿hay algún tope?",
"combien d'engagements max ?" with the sentence stating it. The bounds are read by
:mod:`~hub.core.assistant.bounds_stated`.

A duration a record states ("One OGP Local action plan period lasts the length of an
administration") answers "how long does it last?" the same way, when the other ways of
answering hand it off (a year said beside it: "our plan started in 2023").

Only a record the question calls by its name (every word of it beyond the thing counted
and the words of a limit: "OGP Local") and whose bound counts a thing the question names
answers; records stating different bounds of it leave the question to the other ways of
answering, and a bound no record states is handed off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision, ResponderBase
from hub.core.assistant.bounds_stated import (
    Bound,
    bound_words,
    bounds_in,
    claimed,
    limit_asked,
    number_of,
    tokens,
    within,
)
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import text_in
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.yesno import _texts, sentences
from hub.core.assistant.yesno_words import LASTING_FOR

MIN_NAMED = 2
"""How many words of a record's name a duration's question must say at least."""
BOUND_CONFIDENCE = 0.6
"""The confidence of a bound stated by the record the question names, of the thing asked."""


@dataclass(frozen=True)
class Bounded:
    """A bound's answer, and whether it answers a number claimed (else the bound asked)."""

    decision: Decision
    claimed: bool


class BoundAnswers(ResponderBase):
    """Answers a number claimed against a record's stated bound, or the bound asked."""

    def _within_bounds(
        self, ctx: Context, reading: Reading, decide: Callable[[Context, Reading], Decision]
    ) -> Decision:
        """A number claimed against a bound stated answered from it ("eight commitments at
        once?"); else ``decide``'s decision, unless it hands off what a bound ("what's the
        max?") or a duration ("how long does it last?") a record states answers."""
        bounded = self._bound_answer(ctx, reading)
        if bounded is not None and bounded.claimed:
            return bounded.decision
        decision = decide(ctx, reading)
        if decision.reply.handoff and bounded is not None:
            return bounded.decision
        if decision.reply.handoff and decision.intent == "duration":
            return self._duration_answer(ctx, reading) or decision
        return decision

    def _bounds(self, doc: Doc, language: str) -> list[Bound]:
        """The bounds ``doc``'s prose in ``language`` states (read once per record)."""
        cache: dict[tuple[str, str], list[Bound]] = self.__dict__.setdefault("_bounds_read", {})
        key = (doc.key, language)
        if key not in cache:
            spelt = self.retriever.vocabulary.spelt.get(language, {})
            cache[key] = bounds_in(
                _texts(doc, language), language, spelt, lambda w: self._stems(w, language)
            )
        return cache[key]

    def _stems(self, word: str, language: str) -> set[str]:
        return set(self.retriever.analyser.terms_of([word], language))

    def _bound_answer(self, ctx: Context, reading: Reading) -> Bounded | None:
        """The yes or no to the number the question claims of a thing a record it names
        bounds, or that bound when a limit is asked; None when neither is asked, no record
        so named states a bound of it, or two state different ones."""
        language = ctx.language
        words = [w for w in tokens(reading.text) if w.isalnum()]
        spelt = self.retriever.vocabulary.spelt.get(language, {})
        if not limit_asked(words, language) and all(number_of(w, spelt) is None for w in words):
            return None  # no number claimed, no limit asked: most questions, read no record
        stems = [self._stems(w, language) for w in words]
        said = set().union(*stems) if stems else set()
        limit = bound_words(language).limit
        found: list[tuple[Doc, Bound]] = []
        also: list[tuple[Doc, Bound]] = []  # bounds of the thing, by records not named
        named: set[str] = set()
        for doc in self.retriever.docs:
            if doc.step is not None:
                continue
            for bound in self._bounds(doc, language):
                if not bound.counted & said:
                    continue
                name = text_in(doc.record.name, language)[0]
                own = {t for w in tokens(name) if w.isalnum() for t in self._stems(w, language)}
                own -= bound.counted | {t for w in limit for t in self._stems(w, language)}
                if own and own <= said:
                    found.append((doc, bound))
                    named |= own
                else:
                    also.append((doc, bound))
        if not found or len({b.number for _, b in found}) != 1:
            return None
        for doc, bound in also:  # "… (up to 5 commitments at a time)" in OGP Local's FAQ
            prose = {t for w in tokens(_texts(doc, language)) for t in self._stems(w, language)}
            if bound.number == found[0][1].number and named <= prose:
                found.append((doc, bound))
        counted = frozenset().union(*(b.counted for _, b in found))
        claim = claimed(words, language, spelt, lambda w: bool(self._stems(w, language) & counted))
        if claim is None and not limit_asked(words, language):
            return None
        doc, bound = found[0]
        text = ctx.phrase("what_is", name=self._name(ctx, doc), text=bound.sentence)
        if claim is not None and not claim.bound:  # "up to 12?": the bound stated answers
            text = ctx.phrase("yes" if within(claim, bound.number) else "no", text=text)
        elif claim is None and reading.qtype == "yesno":  # "is there a cap?": there is
            text = ctx.phrase("yes", text=text)
        sources = list(dict.fromkeys(d.record_id for d, _ in found))
        kind = "yesno" if claim is not None or reading.qtype == "yesno" else "how_many"
        confidence = max(MIN_CONFIDENCE, BOUND_CONFIDENCE)
        decision = Decision(Reply(text, sources), kind, confidence, stated=True)
        return Bounded(decision, claim is not None)

    def _duration_answer(self, ctx: Context, reading: Reading) -> Decision | None:
        """How long the record the question names lasts, from its sentence saying it lasts
        (:data:`LASTING_FOR`): a record whose name's words the question says, all but one
        ("¿para cuántos años es?" of the plan's period); None when none, or two, state it."""
        language = ctx.language
        lasting = {w for ws in LASTING_FOR.values() for w in ws}
        unsaid = lasting | {t for w in lasting for t in self._stems(w, language)}
        said = {t for w in tokens(reading.text) if w.isalnum() for t in self._stems(w, language)}
        found: list[tuple[int, Doc, str]] = []
        for doc in self.retriever.docs:
            if doc.step is not None:
                continue
            name = text_in(doc.record.name, language)[0]
            own = {t for w in tokens(name) if w.isalnum() for t in self._stems(w, language)}
            own -= unsaid
            held = len(own & said)
            if len(own) < MIN_NAMED or held < max(MIN_NAMED, len(own) - 1):
                continue
            stating = [s for s in sentences(_texts(doc, language)) if set(tokens(s)) & lasting]
            if len(stating) == 1:
                found.append((held - len(own), doc, stating[0].strip()))
        if not found:
            return None
        found.sort(key=lambda f: -f[0])
        if len(found) > 1 and found[0][0] == found[1][0]:
            return None
        _, doc, sentence = found[0]
        text = ctx.phrase("what_is", name=self._name(ctx, doc), text=sentence)
        return Decision(Reply(text, [doc.record_id]), "duration", BOUND_CONFIDENCE, stated=True)
