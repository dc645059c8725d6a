"""Names a member copied from a document and marked as such: in quotes ('…', "…", « … »,
“…”), in chat markup (*bold*, _italic_) or as a chat link's label (``<url|label>``, which
:mod:`~hub.core.assistant.chatter` turns into « label »).

A marked name is strong evidence for the record it names, in whatever language it is
written ("On m'a parlé de « Citizenship for Sustainability »": the 13th conference, whose
theme that is): the words the question says around it ("the 2020 plan keeps mentioning")
are where the member read it, not more of what is asked. A record is named by a marked
span when its own name, theme, aliases, initials or places hold every word of the span
that narrows; of several so named, the one whose name the span says most of. A span
after a possessive ("our *Youth PB*") is the asker's own thing, never a record; a span
naming no record changes nothing (the question is read as before, and handed off if the
records do not answer it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hub.core.assistant.index import EntryView, EventView
from hub.core.assistant.numbered_refs import NumberedRefs, own_numbers
from hub.core.assistant.retrieval import STEMMERS, Doc, Retriever
from hub.core.assistant.text import normalise

_MARKED = re.compile(
    r"(?<![\w'’])'(?P<single>[^'\n]{2,80}?)'(?![\w'])"
    r"|‘(?P<curly_single>[^’\n]{2,80}?)’"
    r'|"(?P<double>[^"\n]{2,80}?)"'
    r"|“(?P<curly>[^”\n]{2,80}?)”"
    r"|«\s*(?P<angle>[^»\n]{2,80}?)\s*»"
    r"|(?<![\w*])\*(?P<bold>[^*\n]{2,80}?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic>[^_\n]{2,80}?)_(?![\w_])"
)
"""A span marked as a name: quotes of any kind (a single quote opening a word, never an
apostrophe inside one: "what's", "l'OIDP"), bold or italic markup."""
MOST_WORDS = 10
"""A longer marked span is a quotation of a sentence, not a name."""
NAME_SHARE = 0.5
"""The least share of a record's own name a span must say to name it, unless it says the
record's own number ("*4th UCLG congress*"): a term of a longer name ("« membres
promoteurs »", of "Task 18: admission of new promoter members") is a word, not the name."""


def marked_spans(text: str) -> list[str]:
    """The spans of ``text`` marked as names, in order."""
    return [
        span
        for match in _MARKED.finditer(text)
        if (span := next(g for g in match.groups() if g is not None).strip())
        and len(span.split()) <= MOST_WORDS
    ]


def _possessed(text: str, span: str, possessives: frozenset[str]) -> bool:
    """The span follows a possessive ("our *Youth PB*", "notre « Budget jeune »")."""
    at = text.find(span)
    before = normalise(text[:at]).split()[-1:] if at > 0 else []
    return bool(before) and before[0] in possessives


@dataclass(frozen=True)
class MarkedRecord:
    """The record a marked span names, and the keys of every record its words call (a
    record of that name and more: "how to join *OGP Local*" is the record on joining it)."""

    doc: Doc
    called: frozenset[str]
    quoted: bool = True
    """Named by a marked span (its name is the evidence); False when named by its kind and
    number, which the answer's own checks weigh (:meth:`~RecordAnswers._numbered_as`)."""

    def first(self, ranked: list[tuple[float, Doc]]) -> list[tuple[float, Doc]]:
        """``ranked`` with the named record first, unless the first is called by the span's
        words too, or is a part of one so called (an award's step, a roundup's item)."""
        if not ranked:
            return ranked
        top = ranked[0][1]
        if top.key in self.called or self.called.intersection(top.wholes):
            return ranked
        if top.record_id == self.doc.record_id:
            return ranked
        if not any(d is self.doc for _, d in ranked):
            return ranked
        return [(ranked[0][0], self.doc), *[(s, d) for s, d in ranked if d is not self.doc]]


class MarkedNames:
    """Finds the record a marked span names, over one retriever's records."""

    def __init__(self, retriever: Retriever, weighty: Callable[[set[str]], bool]) -> None:
        self.retriever = retriever
        self._weighty = weighty
        self._called: dict[str, tuple[set[str], list[set[str]]]] = {}
        self._numbered = NumberedRefs(retriever)

    def named(self, text: str, language: str) -> MarkedRecord | None:
        """The one record a marked span of ``text`` names, and every record called by the
        span's words; None when no record, or several alike, are so named."""
        possessives = self.retriever.vocabulary.possessives
        found: list[MarkedRecord] = []
        for span in marked_spans(text):
            if _possessed(text, span, possessives):
                continue
            marked = self._named_by(span, language)
            if marked is not None and all(m.doc.record_id != marked.doc.record_id for m in found):
                found.append(marked)
        numbered, mentioning = self._numbered.named(text, language)  # "tarefa 7", "the 20th
        if numbered and all(m.doc.record_id != numbered[0].record_id for m in found):  # one"
            whole = next((d for d in numbered if d.group != "step"), numbered[0])
            called = frozenset(d.key for d in [*numbered, *mentioning])
            found.append(MarkedRecord(whole, called, quoted=False))
        return found[0] if len(found) == 1 else None

    def _named_by(self, span: str, language: str) -> MarkedRecord | None:
        words = normalise(span).split()
        options = [o for o in self.retriever.query_terms(words, language) if o]
        idf = self.retriever.idf
        narrowing = [o for o in options if self._weighty(o) and any(t in idf for t in o)]
        if not narrowing or any(not (o & idf.keys()) for o in options):
            return None  # a word no record holds: the span names nothing the records know
        said = set().union(*options)
        called_so: list[tuple[float, Doc]] = []
        for doc in self.retriever.docs:
            called, names = self._called_terms(doc)
            if all(o & called for o in narrowing):
                share = max((len(n & said) / len(n) for n in names if n), default=0.0)
                if said & own_numbers(doc):  # "*4th UCLG congress*": its number, said
                    share = max(share, NAME_SHARE)
                called_so.append((share, doc))
        best = sorted((item for item in called_so if item[0] >= NAME_SHARE), key=lambda i: -i[0])
        if not best:
            return None
        tied = {d.record_id for s, d in best if s >= best[0][0] - 1e-9}
        if len(tied) != 1:
            return None
        return MarkedRecord(best[0][1], frozenset(d.key for _, d in called_so))

    def _called_terms(self, doc: Doc) -> tuple[set[str], list[set[str]]]:
        """What a record is called by (its names, theme, aliases, initials and places), and
        its names one by one (the theme among them)."""
        cached = self._called.get(doc.key)
        if cached is not None:
            return cached
        analyser = self.retriever.analyser
        names = [set(n) for n in doc.names]
        record = doc.record
        texts: list[tuple[str, str]] = []
        if isinstance(record, EventView):
            texts += list(record.theme.items())
        if isinstance(record, EntryView):
            for key in ("acronyms", "aliases"):
                group = record.data.get(key)
                values = list(group.values()) if isinstance(group, dict) else group
                if isinstance(values, list):
                    texts += [("en", str(v)) for v in values]
        for language, value in texts:
            lang = language if language in STEMMERS else "en"
            terms = set(analyser.terms(value, lang))
            if terms:
                names.append(terms)
        called = set().union(*names, doc.own_places, doc.initials) if names else set(doc.own_places)
        found = (called, names)
        self._called[doc.key] = found
        return found
