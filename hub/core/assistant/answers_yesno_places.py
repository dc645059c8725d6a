"""Yes or no from a record's place: where a body is based or an event was held, the place a
question names that no record states, where something was founded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from babel import Locale

from hub.core.assistant.answers_base import MIN_CONFIDENCE, TIE, Decision, _numbered
from hub.core.assistant.answers_yesno_dates import YesNoDates, _region_terms
from hub.core.assistant.answers_yesno_stated import _name_terms
from hub.core.assistant.claim_tags import claim_tag
from hub.core.assistant.context import Context, Reply, event_name, place
from hub.core.assistant.index import EntryView, EventView
from hub.core.assistant.named_by_place import named_by_own_place
from hub.core.assistant.place_names import city_matcher
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.verbs import after_aspect

LOCATIVE = frozenset({"in", "at", "en", "a", "au", "aux", "em", "no", "na", "nos", "nas"})
"""Words before a place ("in Innsbruck", "à Nanterre", "em Lisboa"), normalised: a word no
record holds after one is a place the question names that no record states."""

TONGUES = frozenset(
    normalise(name)
    for language in ("en", "es", "fr", "ca", "pt")
    for code, name in Locale.parse(language).languages.items()
    if len(code) == 2  # the main languages ("English", "anglais"), not every dialect
)
"""Names of languages, normalised: "in English" names no place."""

_TAG = re.compile(r"^(.*\w)\s*,\s*[¿¡]?\s*((?:[^\W\d_]+['’\s-]*){1,4})[?!.\s]*$", re.DOTALL)
"""A clause of one to four words closing a question after a comma ("..., right?", "...,
non ?", "..., ¿verdad?", "..., n'est-ce pas ?"): a tag asking for a yes, when no word of it
is capitalised."""
NAMESAKE_RANKS = 8
"""How many of the best-ranked records are searched for another event of the same kind in
the city a question names an event by."""
_CAPITAL_WORD = re.compile(r"[^\W\d_]+")
"""A word of letters (the question's own spelling, its capitals kept)."""


class YesNoPlaces(YesNoDates):
    """A record's place against the place a yes/no question names."""

    def _elsewhere(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """No, with the record's own place: the question names one record wholly, by its
        edition's number, and asks whether it is held in a place that is not its own ("was
        the 13th conference in Rabat?"), and no other record named so is of that place. None
        otherwise: a record named by its name alone may have a namesake elsewhere ("is there
        a lobby registry in Valencia?" is not answered by Madrid's)."""
        best_score, best = ranked[0]
        record = best.record
        if reading.period is not None or not isinstance(record, EventView | EntryView):
            return None
        if isinstance(record, EntryView) and not isinstance(record.data.get("city"), str):
            return None
        if isinstance(record, EventView) and not record.city:
            return None
        places = self.retriever.place_terms
        idf = self.retriever.idf
        unknown = [  # "à Lisbonne": a city no record writes, named after "in", "à" (not "in
            o  # English", a word the records write)
            for o in self._named_place(ctx, reading)
            if o in terms and not o & places and not any(t in idf for t in o)
        ]
        terms = [o for o in terms if o not in unknown]
        if not (unknown or any(o & places for o in terms)):
            return None
        if self._framed_by(best, terms, True) is None:
            return None
        if not any(
            _numbered(o) and any(best.terms.get(t) for t in o) for o in terms
        ) and not self._named_by_its_place(best, ranked, terms, bool(unknown)):
            return None  # "is there a lobby registry in Valencia": another one may be there
        if (
            not unknown
            and any(  # a record of that place the question names as well: no
                s >= best_score * TIE and self._framed_by(d, terms) is not None  # contradiction
                for s, d in ranked[1:]
            )
        ):  # (of a city no record is in there is none)
            return None
        reply = self._slot(ctx, reading, "where", best)
        if reply.handoff:
            return None
        text = ctx.phrase("no", text=reply.text)
        return Decision(Reply(text, reply.sources, target=reply.target), "yesno", MIN_CONFIDENCE)

    def _named_by_its_place(
        self, best: Doc, ranked: list[tuple[float, Doc]], terms: list[set[str]], unknown: bool
    ) -> bool:
        """The question names an event by its own city and kind ("the Cascais conference",
        "la conférence de Cascais") and claims another place for it ("... in Lisbon?"): no
        other event of its kind ranked near it is held in that city, so the city names it."""
        record = best.record
        if not isinstance(record, EventView) or not (set().union(*terms) & best.kind_terms):
            return False
        own = [o for o in terms if o & best.own_places]
        claimed = [o for o in terms if o & self.retriever.place_terms and not o & best.own_places]
        if not own or not (claimed or unknown):  # "in Lisbon": a city no record is in
            return False
        namesakes = [
            d
            for _, d in ranked[:NAMESAKE_RANKS]
            if d.record_id != best.record_id
            and d.kind == best.kind
            and any(o & d.own_places for o in own)
        ]
        return not namesakes

    def _framed_by(
        self, best: Doc, terms: list[set[str]], places_asked: bool = False
    ) -> bool | None:
        """Whether every word of the question is accounted for by ``best`` (a place not its
        own too, when ``places_asked``): None when one is not; else True when, beyond what
        names the record (a weighty word of its own name, or its edition's number), the
        question says its kind or the name of a whole it is part of ("the Open Gov Challenge
        areas": a word of the whole's text then counts too), False when it says only the
        record's name."""
        whole_names = self._whole_terms(best)
        wholes = self._whole_docs(best)
        own = set().union(*best.names, best.own_places) if best.names else set(best.own_places)
        framing = self.statements.membership
        steps = self._step_terms if best.group == "step" else set()
        edition = best.group in {"award", "step"} or (
            isinstance(best.record, EventView) and best.record.number is not None
        )  # "the 13th conference": its number names it
        named = framed = False
        loose = []
        for options in terms:
            plain = {t for t in options if not t.startswith("@")}
            if not plain:
                return None  # a concept (a cost, a date) is asked: no name states it
            if plain & framing or plain & self._home_terms:
                continue
            if _numbered(options):
                if not any(best.terms.get(t) for t in options):
                    return None  # another edition or year than the record's
                named = named or edition
                continue
            if options & best.kind_terms:
                framed = True  # "the working group on...": its kind, even in its own name
            if options & own and not options & whole_names:
                named = named or (self._weighty(options) and not options & best.kind_terms)
                continue
            if options & (best.kind_terms | whole_names | steps):
                framed = True
                continue
            if options & own:
                continue
            if options & self.retriever.place_terms:
                if places_asked:  # "was it in Lisbon?": the place asked, not the record's
                    continue
                return None  # a place the record is not of
            if self._weighty(options):
                loose.append(options)
        said_whole = any(o & whole_names for o in terms)
        for options in loose:  # "the areas of the challenge": the whole's text says "areas"
            if not (said_whole and any(w.terms.get(t) for w in wholes for t in options)):
                return None
        return framed if named else None

    def _subject_placed(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its own place: the question names one of the network's own
        bodies with a place of its own by its name (the technical secretariat, the office
        for Latin America), asks nothing of it but whether it is in one place, and no
        other record bears that name. Its place answers, whichever record the place asked
        is of (the office in Dakar states nothing about the secretariat)."""
        if reading.period is not None or reading.still:
            return None
        named = self._named_place(ctx, reading)
        found = [(d, p) for d in self._placed_bodies() if (p := self._place_asked(d, terms, named))]
        if not found and reading.seat:  # "is the IOPD's headquarters in Madrid?": its seat
            found = self._seat_placed(terms, named)
        if len({d.record_id for d, _ in found}) != 1:
            return None
        doc, asked = found[0]
        record = doc.record
        if not isinstance(record, EntryView):
            return None
        own = [o for o in asked if o & doc.own_places]
        if own and len(own) != len(asked):
            return None  # "Porto" of "Porto Alegre", with another place: neither
        if record.kind == "office":  # its place and when it opened there
            reply = Reply(self._office(ctx, record), [record.id])
        else:
            reply = self._entry_fact(ctx, "where", self._name(ctx, doc), record)
        if reply.handoff:
            return None
        text = ctx.phrase("yes" if own else "no", text=reply.text)
        return Decision(Reply(text, reply.sources), "yesno", MIN_CONFIDENCE)

    def _seat_placed(
        self, terms: list[set[str]], named_place: Sequence[set[str]]
    ) -> list[tuple[Doc, list[set[str]]]]:
        """The network's seat and the place a question naming its seat asks it to be in,
        when the question names nothing else but the network ("la sede del OIDP está en
        Lisboa?"); else nothing."""
        seat = self._seat()
        home = self._home_terms | self._networks | self.statements.located
        places = self.retriever.place_terms
        asked = [o for o in terms if not o & home]
        if seat is None or len(asked) == len(terms) or not asked:
            return []
        if not all(o & places or o in named_place for o in asked):
            return []
        return [(seat, asked)]

    def _founded_among(
        self, ctx: Context, reading: Reading, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with its date, of the one office the question names, asking whether it
        was set up in a year or month (:meth:`_founded_in`), however it ranks (the FAQ on
        the offices, holding every word, may rank first)."""
        if not ranked:
            return None
        found = [
            decision
            for doc in self._placed_bodies()
            if (decision := self._founded_in(ctx, reading, doc, terms)) is not None
        ]
        return found[0] if len(found) == 1 else None

    def _founded_in(
        self, ctx: Context, reading: Reading, doc: Doc, terms: list[set[str]]
    ) -> Decision | None:
        """Yes or no, with the date it was set up: ``doc`` is an office that opened, the
        question names it and asks nothing else but whether it was set up (opened,
        created) in one year or month. None otherwise (a workshop it ran in 2013)."""
        record = doc.record
        if not isinstance(record, EntryView) or record.data.get("status") != "founded":
            return None
        founded = record.data.get("founded")
        if not isinstance(founded, dt.date):
            try:
                founded = dt.date.fromisoformat(str(founded))
            except ValueError:
                return None
        period = reading.period
        years = {int(t[1:]) for o in terms for t in o if t[0] == "y" and t[1:].isdigit()}
        if period is not None and period.kind in {"year", "month"}:
            inside = period.start <= founded <= period.end
        elif period is None and len(years) == 1:
            inside = founded.year in years
        else:
            return None
        rest = [o for o in terms if not (_numbered(o) or o & self.statements.founding)]
        framing = self._home_terms | self.statements.membership
        if self._unnamed(doc, rest) and not named_by_own_place(doc, rest, framing):
            return None  # "the Dakar office": its kind and its own place name it too
        reply = Reply(self._office(ctx, record), [record.id])
        text = ctx.phrase("yes" if inside else "no", text=reply.text)
        return Decision(Reply(text, reply.sources), "yesno", MIN_CONFIDENCE, stated=True)

    def _unnamed(self, doc: Doc, terms: list[set[str]]) -> bool:
        """Some word of ``terms`` is none of ``doc``'s name, own place or kind, nor the
        network's, nor one framing a yes/no; or none names it (see :meth:`_place_asked`)."""
        skip = self._home_terms | self.statements.membership | doc.kind_terms | doc.own_places
        names = _name_terms(doc)
        if any(not o & (skip | names) for o in terms):
            return True
        return not self._place_asked(doc, terms, (), anywhere=True)

    def _placed_bodies(self) -> list[Doc]:
        """The network's own bodies with a city of their own (its secretariat, its offices):
        entries whose name holds the network's name and no place."""
        if not hasattr(self, "_placed_cache"):
            home = self._home_terms
            places = self.retriever.place_terms
            self._placed_cache: list[Doc] = [
                d
                for d in self.retriever.docs
                if isinstance(d.record, EntryView)
                and isinstance(d.record.data.get("city"), str)
                and d.names
                and any(n & home for n in d.names)
                and not any(n & places - d.own_places - _region_terms(d) for n in d.names)
            ]
        return self._placed_cache

    def _named_place(self, ctx: Context, reading: Reading) -> list[set[str]]:
        """The terms of the capitalised words closing the question after "in", "en", "à",
        "em" ("in São Paulo?"): a place, even one no record is in (not "in charge of", nor
        "in English"), a tag closing it set aside ("in São Paulo, right?", "a Lisboa, oi?",
        "à Lisbonne plutôt ?"); in a message typed all in lower case, capitals tell nothing."""
        words = self._named_place_words(reading)
        return self.retriever.query_terms(words, ctx.language) if words else []

    def _named_place_words(self, reading: Reading) -> list[str]:
        """The normalised words of :meth:`_named_place`, as the question writes them."""
        words = _CAPITAL_WORD.findall(_untagged(reading.text))
        tagged = claim_tag(" ".join(words) + " ?")  # "... à Lisbonne plutôt ?"
        words = words[: len(words) - tagged]
        uncased = reading.text == reading.text.lower()  # "a lisbonne": typed all lower case
        for i in range(len(words) - 2, -1, -1):
            if normalise(words[i]) in LOCATIVE:
                rest = words[i + 1 :]
                if rest and all(
                    (uncased or w[:1].isupper()) and normalise(w) not in TONGUES for w in rest
                ):
                    return [normalise(w) for w in rest]
                return []
        return []

    def _unheld_place(self, ctx: Context, reading: Reading) -> list[set[str]]:
        """The place a yes/no question closes on ("fue en Montreal?", "à Montréal ?") when
        no record writes any of its words (a city the vocabulary names, "Lisbonne", by the
        records' own name of it; a word of the vocabulary, "en marzo" typed in lower case,
        names no place): the query leaves out words
        no record holds, or matches them by another language's stem ("montr", of French
        "montrer"), and the question would be answered yes for what else it names (the
        year, the conference). A claim no record states is missing from every record: the
        answer is no where the record states its own place, else handed off."""
        words = self._named_place_words(reading)
        raw = self.retriever.raw_words
        cities = city_matcher().find(words, fuzzy=False)  # "Lisbonne": Lisbon, as records say
        if cities:
            if any(all(w in raw for w in normalise(c.value).split()) for c in cities):
                return []
        elif not words or any(w in raw or w in self.retriever.speller.known for w in words):
            return []  # a word of a record, or of the vocabulary ("en marzo"): no place
        return self.retriever.query_terms(words, ctx.language)

    def _place_asked(
        self,
        doc: Doc,
        terms: list[set[str]],
        named_place: Sequence[set[str]] = (),
        anywhere: bool = False,
    ) -> list[set[str]]:
        """The place the question asks ``doc`` to be in, when every other word it says is a
        word of ``doc``'s name, of the network's, or one asking where, and it names ``doc``:
        a weighty word of its name beyond its kind, or all of one of its names ("the
        Technical Secretariat", whose words are in most records): else nothing."""
        names = set().union(*doc.names)
        skip = self._home_terms | self.statements.membership | self.statements.located
        places = self.retriever.place_terms
        asked: list[set[str]] = []
        named = False
        for options in terms:
            if (options & places or options in named_place) and not options & names:
                asked.append(options)
            elif options & names:
                named = named or (
                    self._weighty(options) and not options & (doc.kind_terms | places)
                )
            elif not (options & skip or options & doc.kind_terms):
                return []
        said = set().union(*terms) if terms else set()
        whole = any(  # all of a name, or all the region it names ("Latin America", not
            name - self._home_terms - doc.kind_terms <= said  # the "America" of "North
            or (name & places and name & places <= said)  # America")
            for name in doc.names
        )
        if anywhere:  # only whether it names ``doc``: its own place said is no place asked
            return [set()] if named or whole else []
        return asked if named or whole else []

    def _named_in(
        self, ctx: Context, reading: Reading, terms: list[set[str]], counted: bool
    ) -> list[set[str]]:
        """What the question names that a record must state for a yes or no: its places
        (those the records know, and a word no record holds after "in", "en", "à", "em":
        "in Innsbruck"), the bodies it names by their acronyms (beyond the network's own),
        and, when ``counted``, the edition numbers and years it says."""
        home = self._home_terms
        places = self.retriever.place_terms
        bodies = self._body_terms - home
        out = [
            o
            for o in terms
            if not o & home and (o & places or o & bodies or (counted and _numbered(o)))
        ]
        idf = self.retriever.idf
        words = reading.words
        content = set(reading.content)  # not "em breve": a word of time the reading used
        for i, word in enumerate(words[1:], start=1):
            if words[i - 1] not in LOCATIVE or word not in content or len(word) < 3:
                continue
            if after_aspect(words, i, self.retriever.vocabulary):  # "llegó a abrirse": a verb
                continue
            for options in self.retriever.query_terms([word], ctx.language):
                if options and not any(t in idf for t in options) and options not in out:
                    out.append(options)  # a place no record knows: none states it
        return out

    def _placed(
        self,
        ctx: Context,
        reading: Reading,
        terms: list[set[str]],
        named: list[set[str]],
        missing: list[set[str]],
        docs: list[Doc],
    ) -> Decision | None:
        """Asked whether an event is in a place the records know that is not its own: its
        own place answers. Of two places asked ("Berlin or Brussels?") one its own, its
        place and date; else "no", with its place, when the question names it by its
        edition's number or a period its dates fall in (no namesake elsewhere); else None."""
        doc = docs[0]
        record = doc.record
        if not isinstance(record, EventView) or not record.city:
            return None
        own = [o for o in named if o & self.retriever.place_terms and o not in missing]
        period = reading.period
        span = self.span(doc)
        singled = any(_numbered(o) and self._states(docs, o) for o in terms) or (
            period is not None
            and span is not None
            and period.start <= span[0]
            and span[1] <= period.end
        )
        if not own and not singled:
            return None
        reply = self._when(ctx, doc)
        if reply.handoff:  # no date stated: its place alone ("15th conference: in Madrid")
            where = place(ctx, record.city, record.country)
            if not where:
                return None
            text = ctx.phrase("entry_place", name=event_name(ctx, record), place=where)
            reply = Reply(text, [record.id])
        if not own:
            reply = Reply(ctx.phrase("no", text=reply.text), reply.sources, target=reply.target)
        return Decision(reply, "yesno", MIN_CONFIDENCE)


def _untagged(text: str) -> str:
    """``text`` without the tag closing it ("The office is in Dakar, right?": "The office is
    in Dakar"); the whole text when no tag closes it."""
    found = _TAG.match(text.strip())
    if found is None or any(w[:1].isupper() for w in _CAPITAL_WORD.findall(found.group(2))):
        return text
    return found.group(1)
