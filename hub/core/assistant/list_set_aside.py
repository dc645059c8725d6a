"""What a list question sets aside ("besides climate and gender, which other thematic
priorities", "além do clima", "pas les bureaux en projet"): the records so named are not
listed, and the words that set them aside are no trait the listed records must hold.
"""

from __future__ import annotations

from hub.core.assistant.answers_entries import EntryAnswers
from hub.core.assistant.context import Context
from hub.core.assistant.list_words import ARTICLES, JOINING, aside_clauses, set_aside_markers
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc


class SetAsideLists(EntryAnswers):
    """The records a list question sets aside, and the words by which it does."""

    def _set_aside(self, ctx: Context, reading: Reading) -> tuple[set[str], list[set[str]]]:
        """What a list question sets aside ("besides climate and gender, which other
        thematic priorities", "además del clima y el género"): the terms of the words that
        say so and of those named after them (no part of what the listed records must
        hold), and the terms of each thing named (the records so named are not listed).
        The things named are the words after the marker, in its clause, joined by "and"
        and articles ("le climat et le genre"); any other word ends them."""
        said: set[str] = set()
        named: list[set[str]] = []
        analyser = self.retriever.analyser
        for marker, after in set_aside_markers(reading):
            items: list[str] = []
            for word in after:
                if word in ARTICLES or word in JOINING:
                    continue
                if word in analyser.stopwords and items:
                    break
                items.append(word)
                if len(items) >= 4:
                    break
            found = self.retriever.query_terms(list(marker) + items, ctx.language)
            said |= set().union(*found) if found else set()
            named += [o for o in self.retriever.query_terms(items, ctx.language) if o]
        return said, named

    def _aside_only_terms(self, ctx: Context, reading: Reading) -> set[str]:
        """The terms only the words of a set-aside clause say ("pas les bureaux en projet":
        ``projet``; not ``bureau``, said before it too): a kind's word among them names no
        kind the question lists ("not the projects" lists no project)."""
        clauses = aside_clauses(reading)
        if not clauses:
            return set()
        inside = [w for c in clauses for w in c]
        rest = list(reading.words)
        for word in inside:  # the words said outside the clauses
            if word in rest:
                rest.remove(word)
        found = self.retriever.query_terms(inside, ctx.language)
        kept = self.retriever.query_terms(rest, ctx.language)
        return set().union(*found) - set().union(*kept) if found else set()

    def _without_set_aside(self, docs: list[Doc], named: list[set[str]]) -> list[Doc]:
        """The records listed, but those the question sets aside by a word of their own
        name ("besides climate": not the climate priority)."""
        return [d for d in docs if not any(o & set().union(*d.names) for o in named)]
