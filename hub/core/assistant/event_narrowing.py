"""The events a question about time asks of, narrowed by what else it names (its places,
its words, its kinds), and the checks that they answer it: no word it narrows by left
unheld, no qualifier beside its kind ("outside events") that none of them holds.
"""

from __future__ import annotations

from hub.core.assistant.agenda_lists import AgendaLists
from hub.core.assistant.answers_base import MIN_COVERAGE, _numbered
from hub.core.assistant.context import Context
from hub.core.assistant.dated_names import DatedNames
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

UNACCOUNTED = 2
"""Words of a question that narrow and that no event answered holds: from this many on, the
events of a period or the next one are not what it asks."""


NAMED_APART = 2
"""Words of another record's name that make a question name it, not a kind of event."""


class EventNarrowing(DatedNames, AgendaLists):
    """The events a question about time asks of, and whether they are what it asks."""

    def _topic(self, content: list[set[str]]) -> list[set[str]]:
        """The words of the question that say what it is about: known to the records, rare
        enough to narrow, and neither a number nor a year."""
        idf = self.retriever.idf
        return [
            c
            for c in content
            if self._weighty(c)
            and any(t in idf for t in c)
            and not any(t[0] in "#y" and t[1:].isdigit() for t in c)
        ]

    def _narrow(
        self,
        pool: list[Doc],
        ranked: list[tuple[float, Doc]],
        kind_terms: set[str],
        content: list[set[str]],
        kind_words: list[set[str]] | None = None,
    ) -> list[Doc]:
        """The pool narrowed by what the question names: its places, its words (else the
        events whose own names hold most of them), else its kinds: those whose own kind
        the most of its kind words name (``kind_words``, the terms of each: "external
        events" are the external ones, not every event)."""
        places = [o for o in content if o & self.retriever.place_terms]
        if places:  # "in Portugal": held there, whatever else the question says
            pool = [d for d in pool if all(o & d.own_places for o in places)]
            content = [o for o in content if o not in places]
            if not pool:
                return []
        named = [d for d in pool if content and self.coverage(d, content) >= MIN_COVERAGE]
        if not named and content:  # "seminar 2": the event of that name, not every one
            asked = set().union(*content) | kind_terms
            held = {id(d): max((len(n & asked) for n in d.names), default=0) for d in pool}
            most = max(held.values(), default=0)
            if most >= 2:
                named = [d for d in pool if held[id(d)] == most]
        if named and kind_terms:  # "the next UCLG congress": a congress, not a UCLG retreat
            called = [d for d in named if any(name & kind_terms for name in d.names)]
            return called or [d for d in named if d.kind_terms & kind_terms] or named
        if named:
            return named
        if kind_terms:  # the kind named most fully: "outside events" are no seminars
            own = [d for d in pool if d.kind_terms & kind_terms]
            words = kind_words or [{t} for t in kind_terms]

            def naming(doc: Doc) -> int:
                return sum(1 for w in words if w & self._kind_of(doc))

            most = max(map(naming, own), default=0)
            kinds = [d for d in own if naming(d) == most]
            if self._named_apart(kinds, content):
                return []  # "the Informed Cities Forum 2014": a forum, but not 2014's
            return kinds
        unknown = [o for o in content if not any(t in self.retriever.idf for t in o)]
        if unknown and not any(self.coverage(d, content) > 0 for d in pool):
            return []  # "who won the football last night": no event of what it names
        return pool

    def _named_apart(self, kinds: list[Doc], content: list[set[str]]) -> bool:
        """The question's words, beside the kind, name one other record (two or more words
        of one of its names) and none of the events of that kind in the period holds any:
        the period has an event of the kind, not the one named."""
        if not content or any(self.coverage(d, content) > 0 for d in kinds):
            return False
        return any(
            sum(1 for o in content if o & name) >= NAMED_APART
            for doc in self.retriever.docs
            if doc not in kinds
            for name in doc.names
        )

    def _unaccounted(self, docs: list[Doc], content: list[set[str]]) -> bool:
        """Two or more words of the question that the records know and that narrow ("the
        full address list", "the members' phone numbers") are held by none of the events
        answered: the period's or the next event answers a question that was not asked, so
        the question is handed off. One such word alone is often the asker's verb
        ("prévus", "planned") and is let pass."""
        idf = self.retriever.idf
        narrowing = [
            o for o in content if any(t in idf for t in o) and self._weighty(o) and not _numbered(o)
        ]
        unheld = [o for o in narrowing if not any(d.terms.get(t) for d in docs for t in o)]
        return len(unheld) >= UNACCOUNTED

    def _kind_qualified(
        self, ctx: Context, reading: Reading, chosen: list[Doc], kind_terms: set[str]
    ) -> bool:
        """A word right beside the kind the question names qualifies it ("outside events",
        "événements extérieurs", "online seminars") and none of the events answered holds
        it: every event of the kind is not the kind asked, so the list (or the next one) is
        handed off rather than given as if it were. A place, a year, an edition's number,
        another kind's word or the network's own name beside it is no such qualifier (the
        period and the pool already narrow by those)."""
        if not kind_terms:
            return False
        words = reading.words
        content = set(reading.content)
        retriever = self.retriever
        skipped = self._every_kind | retriever.place_terms | self._home_terms
        for i, word in enumerate(words):
            own = retriever.query_terms([word], ctx.language)
            if not own or not own[0] & kind_terms:
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(words) or words[j] not in content:
                    continue
                near = retriever.query_terms([words[j]], ctx.language)
                if not near or near[0] & skipped or _numbered(near[0]):
                    continue
                if not any(d.terms.get(t) for d in chosen for t in near[0]):
                    return True
        return False
