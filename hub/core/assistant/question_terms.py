"""How a question is read into what the records are searched for, before it is routed
(:class:`QuestionTerms`, a mixin of :class:`~hub.core.assistant.answering.Responder`): the
answers it offers set aside, a question word closing it, units of time that only name the
slot asked, numbers that count or label, the words around it that only break ties, and the
terms that name a kind apart from those that name a record.
"""

from __future__ import annotations

from dataclasses import replace

from hub.core.assistant.answers_base import _numbered
from hub.core.assistant.asking import clause_opens_asking
from hub.core.assistant.context import Context
from hub.core.assistant.offered_answers import OR_WORDS, offered_answers
from hub.core.assistant.plan_parts import counted_kinds
from hub.core.assistant.reading import Reading
from hub.core.assistant.record_or_period import RecordOrPeriod
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise

CLOSING_SLOTS = frozenset({"where", "when", "who"})
"""Slots a question word closing a question asks by itself ("c'est où ?", "c'est quand ?")."""


CONTEXT_WEIGHT = 0.1
"""Share of their score the words around a question add to a record's (they break ties)."""


class QuestionTerms(RecordOrPeriod):
    """Reads the question into the terms the records are searched for, and ranks them."""

    def _offered_aside(self, reading: Reading) -> Reading:
        """The question without the answers it offers (:func:`offered_answers`): the slot
        they answer is asked, no yes or no, and their words name nothing asked about."""
        if reading.out_of_scope:  # "better in Porto Alegre or in Barcelona?": a judgement
            return reading
        offered = offered_answers(
            reading.text, reading.qtype, self.retriever.vocabulary, self.retriever.place_words
        )
        if offered is None or not (set(offered.words) - OR_WORDS) & set(reading.words):
            return reading  # "(Was it in Portugal or Barcelona? I forget.) Who approved
            # it?": offered around the question, not in it
        content = _without(reading.content, offered.words)
        if offered.slot is None:  # "..., or is it only for cities?": asked as it was
            return replace(reading, content=content)
        asking = self.retriever.vocabulary.types.words_of(offered.slot)  # "fica em Lisboa ou
        return replace(  # em Barcelona": "fica" is how "onde fica" asks where, no topic
            reading,
            qtype=offered.slot,
            polar=False,
            hour=reading.hour or offered.hour,
            content=[w for w in content if w not in asking],
        )

    def _named_in_scope(self, ctx: Context, reading: Reading) -> bool:
        """The out-of-scope words the question says ("the members list") are part of a
        record's own name, which the question names by another word of it too ("the
        clean-up of the members list": the 2020 task so named), so the record is asked, not
        the list itself."""
        retriever = self.retriever
        phrase = [o for o in retriever.query_terms(list(reading.out_of_scope_words), ctx.language)]
        if not phrase:
            return False
        terms = retriever.query_terms(list(reading.content), ctx.language)
        rest = [o for o in terms if self._weighty(o) and not _numbered(o) and o not in phrase]
        ranked = retriever.search(terms)
        if not ranked or not rest:
            return False
        best = ranked[0][1]
        own = set().union(*best.names) if best.names else set()
        return (
            best.group == "entry"
            and all(o & own for o in phrase)
            and any(o & own and not o & self._every_kind for o in rest)
        )

    def _counted(self, ctx: Context, reading: Reading, words: list[str]) -> set[int]:
        analyser = self.retriever.analyser
        return counted_kinds(
            words,
            normalise(reading.text).split() or reading.words,
            self.retriever.vocabulary.spelt.get(ctx.language, {}),
            self._every_kind,
            lambda w: {analyser.stem(w, ctx.language), analyser.stem(w, "en")},
        )

    def _placed_ordinals(self, ctx: Context, reading: Reading, words: list[str]) -> set[int]:
        """The positions of the small numbers in ``words`` that the question writes as
        ordinals (not as figures or cardinal words) right before the name of a kind: "la
        quarta línia" labels the fourth line; "the 4 lines" counts, and "which opened
        first" orders."""
        spelt = self.retriever.vocabulary.spelt.get(ctx.language, {})
        written = normalise(reading.text).split() or reading.words
        counts = {w for w in written if w.isdigit()} | {
            str(spelt[w]) for w in written if w in spelt
        }
        kinds = self._every_kind
        analyser = self.retriever.analyser
        return {
            i
            for i, w in enumerate(words[:-1])
            if _small(w)
            and w not in counts
            and {analyser.stem(words[i + 1], ctx.language), analyser.stem(words[i + 1], "en")}
            & kinds
        }

    def _closing_slot(self, reading: Reading) -> str | None:
        """A question word closes the question and no slot was read ("le festival, il a
        lieu où ?", "c'est où ?"): French "où" is also "or" (ou), so the reading leaves it,
        but last in a question it can only ask. Its slot is the one all the question phrases
        it opens ask ("où a lieu", "où est"... ask where); a word opening phrases of several
        slots ("que", English "on") says nothing."""
        vocabulary = self.retriever.vocabulary
        words = reading.words
        if not words or not vocabulary.question_words.find(words[-1:], fuzzy=False):
            return None
        slots = vocabulary.types.opening(words[-1])
        slot = next(iter(slots)) if len(slots) == 1 else None
        return slot if slot in CLOSING_SLOTS else None

    def _days_listed(self, reading: Reading) -> bool:
        """A list question whose words say days ("what are the days of the conference",
        "quins són els dies"), no period: the days it is held are asked, its dates."""
        found = self.retriever.vocabulary.units.find(list(reading.content), fuzzy=False)
        return any(f.value == "day" for f in found)

    def _unit_word(self, word: str) -> bool:
        """A word naming a unit of time or the year ("month", "año", "dies"): asked when,
        "in which month and year did it open" names the slot asked, not the topic."""
        vocabulary = self.retriever.vocabulary
        return vocabulary.units.knows(word) or vocabulary.month_words.knows(word)

    def _only_units(self, words: list[str], language: str) -> bool:
        """The question's own words (those the records could hold) name only a unit of time
        ("which days exactly?", "¿qué días son?"): the slot asked, no topic, which the
        sentences around it say."""
        words = [w for w in words if self.retriever.query_terms([w], language)]
        if not words:
            return False
        used: set[int] = set()
        self.retriever.vocabulary.units.find(words, used, fuzzy=False)
        return len(used) == len(words)

    def _polar_cost(self, reading: Reading) -> bool:
        """A cost question asked as yes or no ("does the secretariat pay for...", "la
        secretaria paga...?"): no question word in it, so whether someone pays is asked, not
        how much something costs."""
        return reading.polar or not self.retriever.vocabulary.question_words.find(
            reading.words, fuzzy=False
        )

    def _asks_with_question_word(self, reading: Reading) -> bool:
        """A clause of the question opens with a question word ("..., qual era?", "is it at
        the congress? what's the topic"): it asks what, never only yes or no."""
        return clause_opens_asking(reading.text, self.retriever.vocabulary)

    def _ranked(self, terms: list[set[str]], around: list[set[str]]) -> list[tuple[float, Doc]]:
        """Records by their score for the question, the words around it only breaking near
        ties (a record is never found, nor judged, by the asker's description of itself)."""
        ranked = self.retriever.search(terms)
        if not around or not ranked:
            return ranked
        nudge = {id(d): s * CONTEXT_WEIGHT for s, d in self.retriever.search(around)}
        ranked = [(s + nudge.get(id(d), 0.0), d) for s, d in ranked]
        return sorted(ranked, key=lambda item: -item[0])

    def _split_terms(self, terms: list[set[str]]) -> tuple[set[str], list[set[str]]]:
        every_kind = self._every_kind
        kind = set()
        content = []
        for options in terms:
            if options & every_kind and not self._names_something(options):
                kind |= options & every_kind
            elif any(t in self.retriever.idf for t in options) or _is_name_like(options):
                content.append(options)
            else:
                content.append(options)  # unknown to the records: still part of the question
        return kind, content

    def _names_something(self, options: set[str]) -> bool:
        """True when a word is also in a record's own name (not only a kind's name)."""
        return any(t.startswith(("#", "y")) and t[1:].isdigit() for t in options)

    def _of_kind(
        self, ranked: list[tuple[float, Doc]], kind_terms: set[str], qtype: str
    ) -> list[tuple[float, Doc]]:
        """The kind the question names is the kind answered: records of another kind that
        only mention its name ("the conference's preparation") rank a little lower. Asked
        what something of a kind costs ("how much to enter the award"), a record that only
        mentions the kind (how the network is funded) ranks lower too."""
        if not kind_terms or qtype in {"join", "share"}:
            return ranked
        if not any(d.kind_terms & kind_terms for _, d in ranked[:5]):
            return ranked
        fitted = [(s * (1.0 if d.kind_terms & kind_terms else 0.8), d) for s, d in ranked]
        return sorted(fitted, key=lambda item: -item[0])


def _without(words: list[str], taken: tuple[str, ...]) -> list[str]:
    """``words`` without ``taken``, each once, from the end ("the conference in Cascais, in
    Cascais or Lisbon?": the offered "Cascais", not the one naming the conference)."""
    kept = list(words)
    for word in reversed(taken):
        for i in range(len(kept) - 1, -1, -1):
            if kept[i] == word:
                del kept[i]
                break
    return kept


def _small(word: str) -> bool:
    """A number of one or two figures: a count, a label or an edition, never a year."""
    return word.isdigit() and len(word) < 3


def _is_name_like(options: set[str]) -> bool:
    return False
