"""Whether a question asks of one record or of what a period holds (:class:`RecordOrPeriod`,
a mixin of :class:`~hub.core.assistant.answering.Responder`): a record called by its own
name, a topic outside the period's events, an entry named whole in a year's documents, the
kinds that hold other records, and the era of undated records (:func:`document_years`).
"""

from __future__ import annotations

import re

from hub.core.assistant.answer_amends import AnswerAmends
from hub.core.assistant.answers_base import MIN_COVERAGE, Decision, _numbered
from hub.core.assistant.context import Context
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.knowledge.loader import DOCUMENT_KIND

DISTINCT = 5
"""A word found in at most this many records, in one's own name, names that record."""


CONTAINERS = ("work_plan", DOCUMENT_KIND)
"""Kinds whose records hold others: a work plan lists the year's events, a document the
records drawn from it ("the outside events in this year's plan")."""


LIKE_STEM = 5
"""Two stems of one word's forms ("collab", "collabor"): one begins the other, and the
shorter has at least this many letters."""


_YEAR = re.compile(r"(19|20)\d\d")


_WORD = re.compile(r"\w+")


class RecordOrPeriod(AnswerAmends):
    """Tells a question asking of one record from one asking what a period holds."""

    def _named_of_the_year(self, ctx: Context, reading: Reading) -> Decision | None:
        """Asked what there is in a year, the question says the whole name (two words or
        more, the network's aside) of an entry of that year's documents ("amb quines xarxes
        col·labora l'OIDP aquest any?" in 2013: the 2013 task "Collaboration with other
        networks", no event): that entry answers. None when the period is no year, or no
        single entry is so named."""
        period = reading.period
        if period is None or period.kind != "year":
            return None
        home = self._home_terms
        asked = self.retriever.query_terms(reading.words, ctx.language)  # "collaborate
        said = set().union(*(o for o in asked if not o & home))  # with": its verb too

        def spoken(term: str) -> bool:  # "col·labora" for "col·laboració": one stem begins
            return term in said or any(  # the other, five letters or more
                min(len(t), len(term)) >= LIKE_STEM and (t.startswith(term) or term.startswith(t))
                for t in said
            )

        named = [
            d
            for d in self.retriever.docs
            if d.group == "entry"
            and (era := self.era(d)) is not None
            and period.start.year <= era <= period.end.year
            and any(len(n - home) >= 2 and all(map(spoken, n - home)) for n in d.names)
        ]
        if len(named) != 1:
            return None
        reply = self._slot(ctx, reading, "what", named[0])
        return None if reply.handoff else Decision(reply, "list", 0.5)

    @property
    def _container_terms(self) -> set[str]:
        """The terms of the names of the kinds that hold other records (:data:`CONTAINERS`):
        beside an event's kind, where the events are written, not what is asked."""
        if not hasattr(self, "_container_cache"):
            analyser = self.retriever.analyser
            kinds = self.retriever.vocabulary.kinds
            self._container_cache: set[str] = {
                t
                for kind in CONTAINERS
                for language, phrases in kinds.get(kind, {}).items()
                for phrase in phrases
                for t in analyser.terms(phrase, language)
            }
        return self._container_cache

    def _relative_within(
        self, ranked: list[tuple[float, Doc]], content: list[set[str]], terms: list[set[str]]
    ) -> bool:
        """ "The last step of the action plan cycle": the question names, by its own name,
        an undated record that holds all it says, and no dated record comes close; "last"
        or "next" is within that record (its steps), not the network's events or awards."""
        if not ranked:
            return False
        best = ranked[0][1]
        if best.group != "entry" or self.coverage(best, terms) < 0.99:
            return False
        if not self._called(best, content):
            return False
        dated = [d for _, d in ranked[:10] if d.group in {"event", "step", "award"}]
        return all(self.coverage(d, terms) <= 0.7 for d in dated)

    def _called(self, doc: Doc, content: list[set[str]]) -> bool:
        """The question says a rare word of the record's own name, or an edition's number
        or year (an award's edition is named by its year; for other records a year dates a
        period, and the network's name is in most records)."""
        own = set().union(*doc.names) if doc.names else set()
        edition = doc.group in {"award", "step"}
        return any(
            (o & own and self._weighty(o) and not _numbered(o))
            or any(t[0] == "#" and t[1:].isdigit() for t in o)
            or (edition and _numbered(o))
            for o in content
        )

    def _topic_elsewhere(
        self, reading: Reading, ranked: list[tuple[float, Doc]], content: list[set[str]]
    ) -> bool:
        """The question's topic is a record outside the period's events ("the crowdfunding
        of 2013", "why is it important today"): its period only dates the topic, so that
        record is answered rather than the events of the period."""
        topic = self._topic(content)
        if not topic or not ranked:
            return False
        pool = self._period_pool(reading)
        if any(self.coverage(d, topic) >= MIN_COVERAGE for d in pool):
            return False
        best = ranked[0][1]
        own = set().union(*best.names) if best.names else set()
        postings = self.retriever.postings
        distinct = any(t in own and len(postings.get(t, ())) <= DISTINCT for o in topic for t in o)
        return distinct and best not in pool and self.coverage(best, topic) >= MIN_COVERAGE

    def _undated_in(self, reading: Reading, doc: Doc) -> bool:
        """The question asks what there is in a month, a week or a day, and the record it
        names is undated knowledge (a task "information about activities"): no entry
        happens in a month, so the period's events are what is asked."""
        period = reading.period
        return (
            period is not None
            and period.kind not in {"year", "season"}
            and doc.group == "entry"
            and qtype_lists(reading)
        )

    def _topic_unheld(self, reading: Reading, content: list[set[str]]) -> bool:
        """Asked what of a period, the question names a topic (words a few records know,
        none of them an event, nor a place or a name the asker capitalises): no event of
        the period is what it asks about ("what happened with the crowdfunding in 2013"),
        so the record of that topic is."""
        postings = self.retriever.postings
        events = self._events()
        analyser = self.retriever.analyser
        capitalised = {
            analyser.stem(normalise(w), lang)
            for w in _WORD.findall(reading.text)
            if w[:1].isupper()
            for lang in ("en", "es", "fr", "ca", "pt")
        }
        return any(
            not o & (self.retriever.place_terms | capitalised)
            and all(len(postings.get(t, ())) <= DISTINCT for t in o)
            and not any(d.terms.get(t) for d in events for t in o)
            for o in self._topic(content)
        )


def qtype_lists(reading: Reading) -> bool:
    """The question asks what there is (a list, or no slot at all), not a slot of one."""
    return (reading.qtype or "what") in {"what", "list"}


def document_years(titles: dict[str, str]) -> dict[str, int]:
    """Document file -> the first year its title names (the era of its undated records)."""
    years = {}
    for file, title in titles.items():
        match = _YEAR.search(title)
        if match:
            years[file] = int(match.group(0))
    return years
