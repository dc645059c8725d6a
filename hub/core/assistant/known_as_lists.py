"""Records asked by the name they are known as (``known_as``: "OGP Local examples", "the
outside events"): the one so called answered whole, or those so called listed, of the
period, the years or the places the question gives.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_entries import EntryAnswers
from hub.core.assistant.context import Context
from hub.core.assistant.dates import Period
from hub.core.assistant.index import EntryView
from hub.core.assistant.list_words import bare
from hub.core.assistant.place_names import country_matcher
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise


class KnownAsLists(EntryAnswers):
    """The records named by the name they are known as."""

    def _listed(
        self,
        ctx: Context,
        docs: list[Doc],
        confidence: float,
        terms: list[set[str]] | None = None,
    ) -> Decision:
        """The records listed (:class:`~hub.core.assistant.answers_lists.ListAnswers`)."""
        raise NotImplementedError

    def _known_as_group(self, ctx: Context, reading: Reading) -> Decision | None:
        """The records the question names by the name they are known as (``known_as``:
        "outside events" for the task listing them, "OGP Local example" for each example),
        every word of that name said, of the period the question gives when it gives one:
        the one record so called answered whole, or two or more listed. None when no such
        name is said, or no record so called is of the period asked ("the outside events
        of 2020" when only 2013's task is so called): what else is asked is not answered."""
        groups, found = self._known_as_found(ctx, reading)
        if len(found) == 1:
            reply = self._slot(ctx, reading, "what", found[0])  # type: ignore[attr-defined]
            return None if reply.handoff else Decision(reply, "list", 0.7)
        if len(found) >= 2 and len(groups) == 1:
            return self._listed(ctx, found, 0.7)
        return None

    def _known_as_listed(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """A list asked by the one name its records are known as ("which OGP Local examples
        does the deck give", "os exemplos de membros do OGP Local"): those records, or the
        ones among them in a place the question names ("the examples in Latin America").
        Its other words are the asker's ("membros", "mostra a apresentação", "donnés", which
        the French "données" of some examples spells alike): no word of a text narrows them.
        None when no such name is said."""
        groups, found = self._known_as_found(ctx, reading)
        if len(groups) != 1 or not found:
            return None
        places = [o for o in terms if o & self.retriever.place_terms]
        if places:  # "in Latin America", "de Madrid e Bogotá": those in any place named
            found = [d for d in found if any(o & d.own_places for o in places)]
        countries = {f.value for f in country_matcher().find(list(reading.words), fuzzy=False)}
        held = {str(d.record.data.get("country")) for d in found if isinstance(d.record, EntryView)}
        if not found or countries - held:
            return None  # "the examples from Peru": none of them is
        if len(found) == 1:
            reply = self._slot(ctx, reading, "what", found[0])  # type: ignore[attr-defined]
            return None if reply.handoff else Decision(reply, "list", 0.7)
        return self._listed(ctx, found, 0.7)

    def _known_as_found(
        self, ctx: Context, reading: Reading
    ) -> tuple[dict[str, list[Doc]], list[Doc]]:
        """The groups of records the question names by the name they are known as (each
        word of it said), by the name's key, and the records of them of the period or the
        years the question gives."""
        said = self.retriever.query_terms(reading.words, ctx.language)
        held = set().union(*map(bare, said)) if said else set()
        home = self._home_terms
        groups: dict[str, list[Doc]] = {}
        for doc, names in self._known_as:
            for key, name in names:
                group = groups.setdefault(key, [])
                if name - home and name <= held and doc not in group:
                    group.append(doc)
        groups = {k: v for k, v in groups.items() if v}
        years = [int(t[1:]) for o in said for t in o if t[:1] == "y" and t[1:].isdigit()]
        period = reading.period
        found: list[Doc] = []
        for docs in groups.values():
            if period is not None:
                docs = [
                    d for d in docs if (s := self._time_of(d)) is not None and period.overlaps(*s)
                ]
            for year in years:  # "the outside events of the 2020 agenda": of 2020
                docs = [
                    d
                    for d in docs
                    if (s := self._time_of(d)) is not None and s[0].year <= year <= s[1].year
                ]
            found += [d for d in docs if d not in found]
        return groups, found

    def _known_as_of(self, doc: Doc) -> list[tuple[str, set[str]]]:
        """The terms of each wording of the name ``doc`` is known as."""
        return next((names for d, names in self._known_as if d is doc), [])

    @property
    def _known_as(self) -> list[tuple[Doc, list[tuple[str, set[str]]]]]:
        """Each record with a ``known_as`` name: the name's key (its English words) and the
        terms of each of its languages' wordings."""
        if not hasattr(self, "_known_as_cache"):
            analyser = self.retriever.analyser
            found: list[tuple[Doc, list[tuple[str, set[str]]]]] = []
            for doc in self.retriever.docs:
                record = doc.record
                names = record.data.get("known_as") if isinstance(record, EntryView) else None
                if not isinstance(names, dict):
                    continue
                key = normalise(str(names.get("en", next(iter(names.values()), ""))))
                wordings = [
                    (key, set(analyser.terms(str(text), language)))
                    for language, text in names.items()
                ]
                found.append((doc, wordings))
            self._known_as_cache = found
        return self._known_as_cache

    def _undated_or_in(self, docs: list[Doc], period: Period) -> list[Doc]:
        """The records held in ``period``, and those with no time to say they are not."""
        return [d for d in docs if (span := self._time_of(d)) is None or period.overlaps(*span)]

    def _time_of(self, doc: Doc) -> tuple[dt.date, dt.date] | None:
        """When a record is: an event's or award's dates, else the year of its document."""
        span = self.span(doc)
        if span is not None:
            return span
        year = self.era(doc)
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else None
