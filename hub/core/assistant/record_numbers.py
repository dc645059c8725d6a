"""The numbers records state or are labelled by (:class:`RecordNumbers`, a mixin of
:class:`~hub.core.assistant.record_choice.RecordChoice`): the count a question asks, written
in a record's text or a field of its data, and the edition or label number a question names.
"""

from __future__ import annotations

import re

from hub.core.assistant.answers_base import TIE, ResponderBase
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.retrieval import Doc, number_term
from hub.core.assistant.text import normalise

_COUNT = re.compile(r"(?<![\d.,:/-])\d{1,3}(?![\d.,:/-])")


COUNT_QUALIFIERS = frozenset({"count", "number", "total", "max", "min", "maximum", "minimum"})
"""Words of a field's name saying how it counts, not what (``news_count``, ``max_commitments``)."""


_YEAR_VALUE = re.compile(r"^(19|20)\d\d\b")
"""A year or a date, never a count."""


_DATE = re.compile(r"\d{1,2}[:/.-]\d{1,2}|\d{1,2}\s*[-–]\s*\d{1,2}")


class RecordNumbers(ResponderBase):
    """Reads the counts records state and the numbers they are labelled by."""

    def _numbered_as(self, best: Doc, terms: list[set[str]], kinds: list[set[str]]) -> bool:
        """The question names the record's kind and its own number ("the fifteenth
        conference", "task 14", "priority III"): that names one record, whatever else the
        asker says around it."""
        if not kinds or not any(best.kind_terms & o for o in kinds):
            return False
        number = _own_number(best)
        return number is not None and any(f"#{number}" in o for o in terms)

    def _counting(
        self, best: Doc, best_score: float, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Doc:
        """Among records tied with the best and holding as much of the question, one that
        states a count (the roundup's entry, "160+ news", rather than the roundup's dates)."""
        reach = self.coverage(best, terms)
        for score, doc in ranked:
            if score < best_score * TIE:
                break
            if self._counts(doc, terms) and self.coverage(doc, terms) >= reach:
                return doc
        return best

    def _counts(self, doc: Doc, terms: list[set[str]] | None = None) -> bool:
        """A record that states a count: its text has a number that is not a year or date;
        with the question's ``terms``, a number (or a number word) just before a word the
        question counts ("160 news" for "how many news")."""
        record = doc.record
        texts = record.body if isinstance(record, EntryView) else record.description
        if doc.step is not None or not texts:  # an award step's text is the award's
            return False
        if terms is None:
            text = " ".join(texts.values())
            return bool(_COUNT.search(_DATE.sub(" ", text)))
        if self.counted_field(doc, terms) is not None:
            return True
        asked = set().union(*terms) if terms else set()
        cardinals = self.retriever.vocabulary.cardinals or {}
        analyser = self.retriever.analyser
        for language, body in texts.items():
            words = normalise(_DATE.sub(" ", body)).split()
            numbers = cardinals.get(language, frozenset())
            for i, word in enumerate(words):
                if not (word in numbers or (word.isdigit() and len(word) <= 3)):
                    continue
                after = words[i + 1 : i + 4]  # "160 news", "diez áreas", "5 compromisos"
                lang = language if language in ("en", "es", "fr", "ca", "pt") else "en"
                if any(analyser.stem(w, lang) in asked for w in after):
                    return True
        return False

    def spelt_count(self, doc: Doc, terms: list[set[str]], language: str) -> int | None:
        """The count the record's text in ``language`` writes in words just before a word
        the question counts ("Dez áreas" for "quantas áreas": 10); None when it has none."""
        record = doc.record
        texts = record.body if isinstance(record, EntryView) else record.description
        body = (texts or {}).get(language)
        spelt = self.retriever.vocabulary.spelt.get(language, {})
        if doc.step is not None or not body or language not in ("en", "es", "fr", "ca", "pt"):
            return None
        asked = set().union(*terms) if terms else set()
        words = normalise(_DATE.sub(" ", body)).split()
        for i, word in enumerate(words):
            after = words[i + 1 : i + 4]
            if word in spelt and any(
                self.retriever.analyser.stem(w, language) in asked for w in after
            ):
                return spelt[word]
        return None

    def counted_field(self, doc: Doc, terms: list[set[str]]) -> str | None:
        """The count a record states in a field named for what the question counts
        (``registered_lobbies: 600+`` for "how many lobbies signed up"): the field's value,
        when it is a number and the thing its name counts (its last word, beside "count",
        "max"...) is one the question says. A field of one word (``task: 11``, ``label``)
        numbers the record itself: no count."""
        if not isinstance(doc.record, EntryView) or doc.step is not None:
            return None
        asked = set().union(*terms) if terms else set()
        analyser = self.retriever.analyser
        for key, value in doc.record.data.items():
            written = str(value)
            if isinstance(value, bool) or not written[:1].isdigit() or _YEAR_VALUE.match(written):
                continue
            words = key.split("_")
            counted = [w for w in words if w not in COUNT_QUALIFIERS]
            if len(words) >= 2 and counted and analyser.stem(counted[-1], "en") in asked:
                return written
        return None


def _own_number(doc: Doc) -> int | None:
    """The edition or label number of the record itself (not a number its text says)."""
    record = doc.record
    if isinstance(record, EventView):
        return record.number
    if isinstance(record, AwardView):
        return record.edition if doc.step is None else None
    label = record.data.get("label")
    if isinstance(label, int) or (isinstance(label, str) and label.isdigit()):
        return int(label)
    if isinstance(label, str) and (term := number_term(label.lower())):
        return int(term[1:]) if term.startswith("#") else None
    return None
