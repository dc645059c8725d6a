"""Yes or no to a count the question claims ("does the 2020 plan have 30 tasks?", "l'Open
Gov Challenge té cinc àrees, oi?"): the sentence of the record named that writes a count of
the thing counted ("22 tasks", "Deu àrees") answers, "yes" when it is the count claimed and
"no" with its own count otherwise.

Only a record holding every other word the question asks (its name, its year) and writing
a count of that thing just before its name answers; records writing different counts, or
none, leave the question to the other ways of answering (a count no record writes is
handed off, issue #22).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hub.core.assistant.answers_base import MIN_CONFIDENCE, Decision
from hub.core.assistant.answers_existence import ExistenceAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.yesno import _texts, sentences
from hub.core.assistant.yesno_words import COMPARING, LIMIT_WORDS

COUNT_REACH = 2
"""How many words after a count the thing counted may be ("22 tasks", "five thematic
priorities"), never past a comma or colon ("Four parts: strategic priorities")."""
COUNT_RANKS = 12
"""How many of the best-ranked records a count claimed is sought in."""
COUNT_CONFIDENCE = 0.6
"""The confidence of a count a record writes of the very thing asked, of the record named."""
LARGEST = 999
"""A figure above this is no count of parts (a year, a sum)."""

LIMITED = frozenset(COMPARING) | LIMIT_WORDS
"""Words saying a count is a limit or a comparison ("up to 5", "more than 10", "hasta")."""

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
"""Words and the punctuation between them (a count reaches no word past a comma)."""
_FULL_STOP = re.compile(r"(?<=[.!?])\s+")
"""Where a sentence ends: a count's sentence keeps the list it opens ("Ten steps: 1 …; 2 …")."""
_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w-]*")
"""Words written with a capital: names, which narrow even when no record holds them."""


@dataclass(frozen=True)
class Claim:
    """The count a question claims, the stems of the thing it counts, and the question's
    terms that say them."""

    number: int
    counted: frozenset[str]
    said: tuple[frozenset[str], ...]


class CountAnswers(ExistenceAnswers):
    """Yes or no to "does X have N things?", from the sentence of X's record counting them."""

    def _count_claimed(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """The yes or no, with the sentence writing the count, of the best-ranked record
        (sought by the other words asked: "30 tareas" ranks the tasks, not the plan having
        them) holding every other word asked that writes a count of the thing counted; None
        when the question claims no count, no such record writes one, or two write
        different counts."""
        claim = self._claim(ctx, reading)
        if claim is None:
            return None
        others = [
            o
            for o in terms
            if not any(o & said for said in claim.said)
            and not o & self._home_terms
            and any(t in self.retriever.idf or t[:1] in "#y" for t in o)
        ]
        if not others:  # "are there 5 areas?": nothing named that has them
            return None
        ranked = self.retriever.search(others)
        found: list[tuple[Doc, int, str]] = []
        for _, doc in ranked[:COUNT_RANKS]:
            if any(d.record_id == doc.record_id for d, _, _ in found):
                continue
            if not all(self._states([doc], o) for o in others):
                continue
            stated = self._count_written(doc, claim.counted, ctx.language)
            if stated is not None:
                found.append((doc, *stated))
        if not found or len({n for _, n, _ in found}) != 1:
            return None
        doc, number, sentence = found[0]
        text = ctx.phrase("what_is", name=self._name(ctx, doc), text=sentence)
        text = ctx.phrase("yes" if number == claim.number else "no", text=text)
        reply = Reply(text, [d.record_id for d, _, _ in found])
        return Decision(reply, "yesno", MIN_CONFIDENCE, stated=True)

    def _count_asked(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """How many, answered by the sentence of the record named that writes the count of
        the very thing asked ("how many tasks does the 2020 plan have?": "… 22 tasks …",
        "quantes àrees té l'Open Gov Challenge?": "Deu àrees: …" and its figure); None when
        the question names nothing that has them, no record so named writes that count, or
        two write different ones (the other ways of answering then decide, or hand off)."""
        counted = self._counted_asked(ctx, reading)
        if not counted:
            return None
        said = set().union(*counted)
        capitals = [normalise(w) for w in _CAPITALISED.findall(reading.text)]
        names = self.retriever.query_terms(capitals, ctx.language)
        named = set().union(*names) if names else set()
        others = [
            o
            for o in terms
            if not o & said
            and not o & self._home_terms
            and (o & named or any(t in self.retriever.idf or t[:1] in "#y" for t in o))
        ]  # a word no record holds narrows nothing ("meant"), unless written as a name
        if not others:  # "how many members are there?": nothing named that has them
            return None
        found: list[tuple[Doc, int, str, bool]] = []
        for _, doc in self.retriever.search(others)[:COUNT_RANKS]:
            if any(d.record_id == doc.record_id for d, _, _, _ in found):
                continue
            if not all(self._states([doc], o) for o in others):
                continue
            stated = self._count_of(doc, counted, ctx.language, self._name(ctx, doc))
            if stated is not None:
                found.append((doc, *stated))
        if not found or len({n for _, n, _, _ in found}) != 1:
            return None
        doc, number, sentence, spelt = found[0]
        name, body = self._name(ctx, doc), _texts(doc, ctx.language)
        if sentence == name:  # "Task 9: Organisation of three international events": its text
            text = ctx.phrase("what_is", name=name, text=body) if body else name
        else:
            text = ctx.phrase("what_is", name=name, text=sentence)
        if spelt:  # written in words ("Ten areas"): its figure too
            text = f"{text} ({number})"
        reply = Reply(text, [d.record_id for d, _, _, _ in found])
        return Decision(reply, "how_many", COUNT_CONFIDENCE, stated=True)

    def _counted_asked(self, ctx: Context, reading: Reading) -> list[set[str]]:
        """The terms of the words a how-many phrase is followed by, in order ("how many
        international events": international, events; "combien de tâches compte": tâches,
        compte), up to the first function word; none when no such phrase opens them."""
        words = list(reading.words)
        stop = self.retriever.analyser.stopwords
        for item in self.retriever.vocabulary.types.find(words, set(), fuzzy=False):
            if item.value != "how_many":
                continue
            after: list[str] = []
            for word in words[item.end : item.end + COUNT_REACH + 1]:
                if word in stop or word.isdigit():
                    break
                after.append(word)
            terms = [o for o in self.retriever.query_terms(after, ctx.language) if o]
            if terms:
                return [set(o) for o in terms]
        return []

    def _count_of(
        self, doc: Doc, counted: list[set[str]], language: str, name: str
    ) -> tuple[int, str, bool] | None:
        """The count ``doc``'s ``name`` or text in ``language`` writes of the thing asked,
        and the sentence (or the name) writing it: a number followed by the words asked,
        the first one or more of them and no other ("22 tasks", "three international
        events", "Deu àrees:"; not "three international conferences" for "how many
        international"), not a limit ("up to 5"), and whether it is spelt in words; None when
        it writes none, or two."""
        spelt = self.retriever.vocabulary.spelt.get(language, {})
        stem = self.retriever.analyser.stem
        stop = self.retriever.analyser.stopwords
        found: list[tuple[int, str, bool]] = []
        for sentence in [name, *_FULL_STOP.split(_texts(doc, language))]:
            tokens = [normalise(t) for t in _TOKEN.findall(sentence)]
            for i, token in enumerate(tokens):
                number = _number(token, spelt)
                before = [t for t in tokens[max(0, i - 2 * COUNT_REACH) : i] if t.isalnum()]
                if number is None or set(before[-COUNT_REACH:]) & LIMITED:
                    continue  # "up to 5", "jusqu'à 5": a limit, not how many there are
                held: set[int] = set()
                j = i + 1
                while j < len(tokens) and tokens[j].isalnum():
                    at = {k for k, o in enumerate(counted) if stem(tokens[j], language) in o}
                    at |= {k for k, o in enumerate(counted) if tokens[j] in o}
                    if not at:
                        break
                    held |= at
                    j += 1
                following = tokens[j] if j < len(tokens) else ""
                if (
                    held
                    and held == set(range(len(held)))
                    and not (following.isalnum() and following not in stop)
                ):
                    found.append((number, sentence, not token.isdigit()))
        if len({n for n, _, _ in found}) != 1:
            return None
        return found[0]

    def _claim(self, ctx: Context, reading: Reading) -> Claim | None:
        """A figure or a number word the question says just before a thing it names ("30
        tareas", "cinc àrees"), not after a kind's name ("task 10 is..."): the count it
        claims; else None."""
        words = list(reading.words)
        if set(words) & LIMITED:  # "more than 5", "up to 10": a limit, no count claimed
            return None
        spelt = self.retriever.vocabulary.spelt.get(ctx.language, {})
        stop = self.retriever.analyser.stopwords
        for i, word in enumerate(words):
            number = _number(word, spelt)
            if number is None or i + 1 >= len(words):
                continue
            before = self.retriever.query_terms(words[i - 1 : i], ctx.language) if i else []
            if any(o & self._every_kind for o in before):
                continue  # "la tasca 10": a label, no count
            after = [w for w in words[i + 1 : i + 1 + COUNT_REACH] if w not in stop]
            if not after or words[i + 1] in stop or _number(words[i + 1], spelt) is not None:
                continue
            said = [o for o in self.retriever.query_terms(after, ctx.language) if o]
            if not said:
                continue
            counted = frozenset().union(*said)
            own = self.retriever.query_terms([word], ctx.language)
            return Claim(number, counted, tuple(frozenset(o) for o in [*own, *said]))
        return None

    def _count_written(
        self, doc: Doc, counted: frozenset[str], language: str
    ) -> tuple[int, str] | None:
        """The count ``doc``'s text in ``language`` writes just before a word of the thing
        counted, and the sentence writing it; None when it writes none, or two."""
        spelt = self.retriever.vocabulary.spelt.get(language, {})
        stem = self.retriever.analyser.stem
        found: list[tuple[int, str]] = []
        for sentence in sentences(_texts(doc, language)):
            tokens = [normalise(t) for t in _TOKEN.findall(sentence)]
            for i, token in enumerate(tokens):
                number = _number(token, spelt)
                before = [t for t in tokens[max(0, i - 2 * COUNT_REACH) : i] if t.isalnum()]
                if number is None or set(before[-COUNT_REACH:]) & LIMITED:
                    continue  # "up to 5", "jusqu'à 5": a limit, not how many there are
                for after in tokens[i + 1 : i + 1 + COUNT_REACH]:
                    if not after.isalnum():
                        break
                    if stem(after, language) in counted or after in counted:
                        found.append((number, sentence))
                        break
        if len({n for n, _ in found}) != 1:
            return None
        return found[0]


def _number(word: str, spelt: dict[str, int]) -> int | None:
    """The count ``word`` writes, in figures ("22", not a year) or in words ("cinc")."""
    if word.isdigit():
        value = int(word)
        return value if 0 < value <= LARGEST and len(word) <= 3 else None
    return spelt.get(word)
