"""The one dated record a question names singly ("the Cascais conference", "the 13th
conference"), whatever year or month it asks of it: that year is the time asked, not a
word the record must hold.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import _numbered
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.index import EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.yesno import _kin

TIME_BEFORE = frozenset(
    {
        "in",
        "on",
        "during",
        "en",
        "el",
        "l",
        "a",
        "au",
        "em",
        "no",
        "durante",
        "pendant",
        "durant",
        "year",
        "any",
        "ano",
        "annee",
    }
)
"""Words before a year said as a time ("in 2014", "el 2014", "em 2014", "l'any 2014"), not as
a name ("the 2014 conference", "la conferencia de 2014"), normalised. A month's name before
it ("in July 2014", "en julio de 2014") says a time too."""

OF = frozenset({"of", "de", "del", "d"})
"""Words between a month and its year ("julio de 2014")."""

HAPPENING: dict[str, tuple[str, ...]] = {
    "en": ("take", "took", "taken", "place", "held", "happen", "happened", "occur", "occurred"),
    "es": ("tuvo", "lugar", "celebro", "celebrada", "celebrado", "realizo", "realizada"),
    "fr": ("lieu", "tenu", "tenue", "deroule", "deroulee", "passee", "passe"),
    "ca": ("tenir", "lloc", "celebrada", "celebrat", "feta", "fet"),
    "pt": ("decorreu", "aconteceu", "realizou", "realizada", "realizado", "lugar", "teve"),
}
"""Words of something taking place ("took place", "tuvo lugar", "s'est tenue", "decorreu"),
normalised: asked whether a record named took place then, they ask nothing else of it."""

ONE_OFF_KINDS = frozenset({"milestone"})
"""Kinds of dated record that happen once (the launch of the new website): named by their
own name, they are that one record, not an edition of a series."""


class DatedNames(SlotAnswers):
    """The one dated record a question names singly, whatever year or month it asks of it."""

    def _named_outside(
        self,
        reading: Reading,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
        *,
        periods: frozenset[str] = frozenset({"year", "month"}),
    ) -> Doc | None:
        """The one dated record (an event) the question names singly, by its edition's
        number, its own city (with its kind or name: "the Cascais conference"), or the own
        name of a record that happens once (a milestone), while it asks of a year or month
        said as a time ("was the Cascais conference in 2014?"): that year is the time asked,
        not a word the record must hold. None when the year is said as a name ("the 2014
        conference"), when the question names a series only ("an IOPD conference", "the
        Democracine festival": another edition may be that year, the records are not
        complete), when anything else it says is not the record's, or when two records are
        named so. ``periods``: the kinds of period it may ask of (a week, a season too)."""
        period = reading.period
        if period is None or period.kind not in periods or not ranked:
            return None
        year = f"y{period.start.year}"
        years = [o for o in terms if any(t[0] == "y" and t[1:].isdigit() for t in o)]
        if years and (years != [o for o in years if year in o] or len(years) > 1):
            return None  # another year said beside the period's: a name, or two times
        if years and not self._said_as_time(reading, str(period.start.year)):
            return None
        asked = [o for o in terms if year not in o]
        found: dict[str, Doc] = {}
        for _, doc in ranked:
            if doc.group == "event" and self._singly_named(doc, asked):
                found.setdefault(doc.record_id, doc)
        keys = {d.key for d in found.values()}
        kinds = {  # the kinds said ("conference"), not "aconteceu" (an "acontecimento")
            t for o in asked if not o & self._happening_terms for t in o & self._every_kind
        }
        of_kind = {i for i, d in found.items() if d.kind_terms & kinds}
        for record_id, doc in list(found.items()):
            if set(doc.wholes) & keys or (of_kind and record_id not in of_kind):
                del found[record_id]  # a session of the conference named, or one whose name
                # only says the conference it is part of ("Session on ..., 13th Conference")
        if len(found) != 1:
            return None
        return next(iter(found.values()))

    def _named_cited(
        self,
        reading: Reading,
        sources: list[str],
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
    ) -> bool:
        """The answer cites only the one dated record the question names singly
        (:meth:`_named_outside`): its dates answer whatever year the question said."""
        if len(sources) != 1:
            return False
        named = self._named_outside(reading, ranked, terms)
        return named is not None and named.record_id == sources[0]

    def _said_as_time(self, reading: Reading, year: str) -> bool:
        """Every time the question writes ``year`` it says a time: after "in", "el", "em"
        or a month's name, not before a kind as a name ("the 2014 conference")."""
        words = reading.words
        months = self._month_words
        at = [i for i, w in enumerate(words) if w == year]
        if not at:
            return False
        for i in at:
            before = words[i - 1] if i else ""
            month = before in months or (before in OF and i > 1 and words[i - 2] in months)
            if not month and before not in TIME_BEFORE:
                return False
        return True

    @property
    def _happening_terms(self) -> set[str]:
        if not hasattr(self, "_happening_cache"):
            stem = self.retriever.analyser.stem
            self._happening_cache: set[str] = {
                t for lang, ws in HAPPENING.items() for w in ws for t in (w, stem(w, lang))
            }
        return self._happening_cache

    @property
    def _month_words(self) -> set[str]:
        if not hasattr(self, "_month_cache"):
            from hub.core.assistant.dates import month_names

            self._month_cache: set[str] = {
                normalise(name)
                for language in ("en", "es", "fr", "ca", "pt")
                for name in month_names(language).values()
            }
        return self._month_cache

    def _singly_named(self, doc: Doc, asked: list[set[str]]) -> bool:
        """``doc`` is a dated event the question names singly and says nothing else of:
        each word asked is its own name's, its kind's, its own place's, its edition's number
        or one of no weight (the network's name, "take place"), and one of them singles it
        out (its number, its city, or its name, of a record that happens once)."""
        record = doc.record
        if not isinstance(record, EventView) or record.span is None:
            return False  # undated (a year only from its document's) is no date to check
        own = set().union(*doc.names) if doc.names else set()
        home = self._home_terms | self.statements.membership
        single = doc.kind in ONE_OFF_KINDS
        named = False
        for options in asked:
            plain = {t for t in options if not t.startswith("@")}
            if not plain:
                return False  # a concept (a cost, a date) asked: not whether it was then
            if plain & home or plain & self._happening_terms:
                continue  # the network's name, framing, "took place"
            if _numbered(options):
                if record.number is None or not any(doc.terms.get(t) for t in options):
                    return False  # another edition's number, or a figure it is not
                named = single = True
                continue
            if options & doc.own_places:
                named = single = True
                continue
            if options & own or options & doc.initials or _kin(own, options):  # "PB",
                named = named or (self._weighty(options) and not options & doc.kind_terms)
                continue  # its name's initials; "participatius" of its "particip"
            if options & doc.kind_terms:
                continue
            if options & self._every_kind or options & self.retriever.place_terms:
                return False  # another kind ("the Cascais meeting" of a conference), place
            if self._weighty(options) and any(t in self.retriever.idf for t in options):
                return False  # a word the records know that this one does not hold
        return named and single
