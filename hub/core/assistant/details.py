"""Details a question asks of a record beside its slot, and whether a record states them.

"What did the congress decide?" asks what of the congress, and, beside it, an outcome. The
congress's record may give its dates, its place and that it took place, and nothing that
was decided there: answering with those is answering another question. A detail
(``details`` in :file:`vocabulary.yaml`) is asked by its words in the question's own
sentences and stated by a record whose own words hold one of its words; each word is
stemmed in its language, so "decidió", "decided" and "décidé" are one detail, and a record
saying "agreed" or "defined" states the outcome asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hub.core.assistant.retrieval import Analyser, Doc
from hub.core.assistant.text import normalise


@dataclass(frozen=True)
class Detail:
    """One detail: the slots it qualifies, the stems asking it per language, and the stems
    (in any language) a record states it by."""

    name: str
    slots: frozenset[str]
    asked: dict[str, frozenset[str]]
    stated: frozenset[str]


def _stems(analyser: Analyser, words: Iterable[Any], language: str) -> set[str]:
    return {analyser.stem(w, language) for word in words for w in normalise(str(word)).split()}


class Details:
    """The details of :file:`vocabulary.yaml`, stemmed once with the retriever's analyser."""

    def __init__(self, table: dict[str, dict[str, Any]], analyser: Analyser) -> None:
        self.analyser = analyser
        self.details: list[Detail] = []
        for name, spec in table.items():
            asked = {
                str(language): frozenset(_stems(analyser, words, str(language)))
                for language, words in (spec.get("asked") or {}).items()
            }
            stated = {
                stem
                for language, words in (spec.get("stated") or {}).items()
                for stem in _stems(analyser, words, str(language))
            }
            self.details.append(
                Detail(
                    str(name),
                    frozenset(str(s) for s in spec.get("slots", [])),
                    asked,
                    frozenset(stated.union(*asked.values())),
                )
            )

    def asked(self, words: Iterable[str], language: str, slot: str) -> list[Detail]:
        """The details the question's words ask, of those qualifying ``slot``: a word asks
        one in the question's language, or in English (members mix them)."""
        found = []
        for detail in self.details:
            if slot not in detail.slots:
                continue
            own = detail.asked.get(language, frozenset()) | detail.asked.get("en", frozenset())
            if any(
                self.analyser.stem(w, language) in own or self.analyser.stem(w, "en") in own
                for w in words
            ):
                found.append(detail)
        return found

    @staticmethod
    def states(detail: Detail, docs: Iterable[Doc]) -> bool:
        """Whether any of ``docs`` holds a word stating ``detail``."""
        return any(doc.terms.get(stem) for doc in docs for stem in detail.stated)
