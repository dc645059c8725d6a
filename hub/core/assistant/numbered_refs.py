"""Numbered items of a plan or a series, named by their kind and number as a member copies
them from a document: "task 7", "tarefa 7", "la tâche 14", "línia 1", "priority VI",
"séminaire 1", "the 20th conference", "13e Conférence", "4th UCLG congress".

A kind's word (any of its names in the five languages, :file:`vocabulary.yaml`) right
before a number, or an ordinal right before the kind's word (a name may stand between:
"the 4th UCLG congress"), names the record of that kind whose own number is that one (a
task's or a line's label, an event's or an award's edition). A number beside a kind that
no record of it carries names nothing (the "8th distinction" when the records hold no 8th
is no edition), and the question is read as before. A reference in brackets ("... the
evaluation mechanisms (task 14)?") cites where something is said, not what is asked.
Several references in the question's sentence name nothing one; the sentences around it
name a record only when they give one reference and no other bare number ("le séminaire 1
? et le 2 ?" asks two).
"""

from __future__ import annotations

import re

from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.retrieval import Doc, Retriever, number_term
from hub.core.assistant.text import normalise

_BRACKETED = re.compile(r"\([^()]*\)")
_SENTENCE = re.compile(r"[^?!.\n]*\?")
"""A sentence ending with a question mark."""
BETWEEN = 2
"""At most this many words (a body's name) between an ordinal and its kind's word."""


def own_numbers(doc: Doc) -> set[str]:
    """The numbers a record carries as its own (``#7``): a label, a task's number, an
    edition; never one its text only mentions."""
    record = doc.record
    values: list[object] = []
    if isinstance(record, EventView):
        values.append(record.number)
    elif isinstance(record, AwardView):
        values.append(record.edition)
    elif isinstance(record, EntryView):
        values += [record.data.get("label"), record.data.get("task")]
    found = set()
    for value in values:
        if isinstance(value, int):
            found.add(f"#{value}")
        elif isinstance(value, str) and (term := number_term(value.lower())):
            found.add(term)
    return {t for t in found if t.startswith("#")}


class NumberedRefs:
    """Finds the record a kind and a number name, over one retriever's records."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        self._numbers = {doc.key: own_numbers(doc) for doc in retriever.docs}
        self._kind_words = {
            word
            for phrases in (
                p for kind in retriever.vocabulary.kinds.values() for p in kind.values()
            )
            for phrase in phrases
            for word in normalise(phrase).split()[-1:]
        }

    def named(self, text: str, language: str) -> tuple[list[Doc], list[Doc]]:
        """The records of the one reference the question names (an award's edition and its
        steps are one record), and every record mentioning that reference (a session held
        "during the 13th conference"); both empty when it names none, or several."""
        plain = _BRACKETED.sub(" ", text)
        asked = [s for s in _SENTENCE.findall(plain) if s.strip()]
        refs = self._refs(normalise(asked[-1]).split(), language) if asked else []
        if not refs:
            words = normalise(plain).split()
            refs = self._refs(words, language)
            bare = [w for w in words if w.isdigit() and len(w) < 3]
            if len(bare) > len(refs):  # "le séminaire 1 ? et le 2 ?": a number of its own
                return [], []
        found = {(kind, number) for kind, number in refs}
        if len(found) != 1:
            return [], []
        kind, number = found.pop()
        docs = [
            d for d in self.retriever.docs if number in self._numbers[d.key] and d.kind_terms & kind
        ]
        if len({d.record_id for d in docs}) != 1:
            return [], []
        mentioning = [
            d for d in self.retriever.docs if d.terms.get(number) and d.terms.keys() & kind
        ]
        return docs, mentioning

    def _refs(self, words: list[str], language: str) -> list[tuple[frozenset[str], str]]:
        """(the kind word's terms, the number) of each reference in ``words``."""
        found = []
        for i, word in enumerate(words):
            number = number_term(word)
            if number is None or not number.startswith("#"):
                continue
            before = words[i - 1] if i else ""
            if before in self._kind_words:  # "tarefa 7", "priority VI"
                found.append((self._terms(before, language), number))
                continue
            if word.isdigit():  # "the 7 tasks": a count; "20th conference": an ordinal
                continue
            after = next((w for w in words[i + 1 : i + 2 + BETWEEN] if w in self._kind_words), None)
            if after is not None:
                found.append((self._terms(after, language), number))
        return found

    def _terms(self, word: str, language: str) -> frozenset[str]:
        analyser = self.retriever.analyser
        return frozenset({analyser.stem(word, language), analyser.stem(word, "en")})
