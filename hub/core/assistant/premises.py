"""A record the question names unmistakably, with a wrong place, year or organiser beside it
(issue 22): "is the 4th UCLG Congress in Casablanca?", "when is the 20th IOPD conference in
Dakar this year?", "was the 7th Distinction called in 2014?", "the Iberian PB meeting in
October is in Porto?". The record's own fact is the answer, said with the asker's premise
set right ("Not in Casablanca: ... in Rabat"), and the record cited.

What names the record is what the question says without the contested word: an edition's
number and the series or kind its own name holds ("the 4th ... Congress"), or most of the
record's own name. One record must be so named; the contested word is a place none of its
own names or places is, or a year it does not hold. A question naming a record only by the
contested word ("the conference in Dakar"), an edition no record is, or two records, is
left to the other ways of answering (which hand it off).
"""

from __future__ import annotations

import re

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.index import EventView
from hub.core.assistant.list_words import bare
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import network_words

PREMISE_SLOTS = frozenset({"where", "when", "who", "yesno"})
"""What may be asked of a record named with a wrong place or year: its place, date or
organiser, or whether the claim holds."""
ROLES = frozenset({"organiser", "hosted_by"})
"""The relations (``who_verbs``) by which a place named is the record's organiser or host
("is Barcelona City Council organising the 15th conference?"): its organiser is asked."""
PLACE_BEFORE = frozenset({"in", "at", "en", "a", "au", "em", "no", "na"})
"""Words before a place ("in Casablanca", "à Porto", "no Porto"): a capitalised word after
one that no record holds is a place the asker names that no record is in."""
NAME_SAID = 0.8
"""Share of a record's own name the question must say, beside the contested word, to name
it without its edition number."""
NAME_WORDS = 2
"""Words of its own name the question must say at least (a name of one word is too often
a word of other records')."""
LOOKED_AT = 10
"""How far down the ranking a record so named is looked for."""
ORIGIN_BEFORE: dict[str, frozenset[str]] = {
    "from": frozenset(),
    "desde": frozenset(),
    "depuis": frozenset(),
    "des": frozenset({"de"}),
    "de": frozenset(
        {"vamos", "venimos", "vimos", "viemos", "vient", "venons", "venim", "partimos"}
    ),
    "d": frozenset({"vient", "venons", "venim"}),
}
"""Words before the asker's own place, where they come from ("vamos desde Bamako", "on vient
de Ouagadougou", "venim de Lleida"): the word itself, or "de" after a verb of coming. A place
so said is the asker's, no premise about the record."""
YEAR_NAMED_KINDS = frozenset({"event"})
"""The groups of records one of whose years, with its kind or series, names one edition ("the
IOPD conference of 2020", "le congrès de CGLU de 2013")."""
OPENED_ONCE = frozenset({"office"})
"""Kinds of record opened once, with no editions ("the African Platform"): a year said of
one is a premise of when it opened, not another edition."""
PREMISE_CONFIDENCE = 0.7
"""The confidence of an answer setting a premise right about the one record named."""
_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d{4}", re.UNICODE)


def _is_year(options: set[str]) -> bool:
    return any(t[0] == "y" and t[1:].isdigit() and len(t) == 5 for t in options)


def _is_edition(options: set[str]) -> bool:
    return any(t[0] == "#" and t[1:].isdigit() for t in options)


def _own_years(doc: Doc) -> set[str]:
    """The year terms of an event's own dates ("y2020"); none for any other record."""
    record = doc.record
    if not isinstance(record, EventView) or record.starts_on is None:
        return set()
    last = (record.ends_on or record.starts_on).year
    return {f"y{year}" for year in range(record.starts_on.year, last + 1)}


def _day_unheld(doc: Doc, reading: Reading) -> bool:
    """Whether the question writes days ("el 3 de juliol") none of the event's own days is:
    a second claim beside the place, which the premise's answer does not set right."""
    record, period = doc.record, reading.period
    if not isinstance(record, EventView) or period is None or record.span is None:
        return False
    if (period.end - period.start).days > 31:  # a year or a season: no day claimed
        return False
    start, end = record.span
    return period.end < start or period.start > end


class PremiseAnswers(SlotAnswers):
    """Answers a record named with a wrong place, year or organiser: its own, said so."""

    def _premise_corrected(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        terms: list[set[str]],
        ranked: list[tuple[float, Doc]],
    ) -> Decision | None:
        """The record named, its own fact of the slot asked and the premise set right; None
        when no one record is named beside a place or year it does not hold."""
        role, role_terms = self._role_said(ctx, reading)
        if role and not role_terms:  # a place said to have won or led it: no premise of place
            return None
        if qtype == "what" and reading.qtype is None and not role:
            qtype = "yesno"  # "le congrès de 2013, c'était à Casablanca non ?": a claim
        if (qtype not in PREMISE_SLOTS and not (role and qtype == "what")) or not terms:
            return None
        origin = self._origin_said(ctx, reading)  # "vamos desde Bamako": the asker's place
        terms = [o for o in terms if not bare(o) & origin]
        places = self.retriever.place_terms | self._places_written(ctx, reading)
        if not any(bare(o) & places or _is_year(o) for o in terms):
            return None
        found: dict[str, tuple[Doc, list[set[str]]]] = {}
        for _, doc in ranked[:LOOKED_AT]:
            contested = [  # a year said in figures, not one read from "this year"
                o
                for o in self._contested(doc, terms, places)
                if not _is_year(o) or any(t[1:] in reading.text for t in o)
            ]
            if (
                contested
                and doc.record_id not in found
                and self._named_by(doc, [o for o in terms if not o & role_terms], contested)
            ):
                found[doc.record_id] = (doc, contested)
        said = set().union(*terms)
        if len(found) > 1:  # of several so named, those of the kind said ("la conferencia")
            found = {k: v for k, v in found.items() if v[0].kind_terms & said} or found
        if len(found) != 1:
            return None
        doc, contested = next(iter(found.values()))
        if self._held_by_its_like(doc, contested, ranked):
            return None
        if _day_unheld(doc, reading):
            return None  # "in Lisbon on 3 July?": a day claimed too, that is not its own
        edition = any(_is_edition(o) for o in terms)
        if any(_is_year(o) for o in contested) and not edition and doc.kind not in OPENED_ONCE:
            return None  # "the Iberian meeting in 2027", "the award in 2027": another edition
        if not edition and self._year_shared(doc, terms, ranked):
            return None  # "the UCLG congress of 2013": two records of 2013 could be meant
        return self._set_right(ctx, reading, "who" if role else qtype, doc, contested)

    @staticmethod
    def _held_by_its_like(
        doc: Doc, contested: list[set[str]], ranked: list[tuple[float, Doc]]
    ) -> bool:
        """Whether a record of ``doc``'s kind near it is named by, or held in, the contested
        place ("an office in North America?": the planned one, not Latin America's): two
        records could be meant."""
        return any(
            other.kind == doc.kind
            and other.record_id != doc.record_id
            and any(bare(o) & set().union(*other.names, other.own_places) for o in contested)
            for _, other in ranked[:LOOKED_AT]
        )

    def _role_said(self, ctx: Context, reading: Reading) -> tuple[bool, set[str]]:
        """Whether the question says a place organises or hosts the record, and the terms
        of the words saying so and of who the asker names ("City Council", "organises")."""
        vocabulary = self.retriever.vocabulary
        words = normalise(reading.text).split()
        found = vocabulary.who_verbs.find(words, fuzzy=False)
        if any(f.value not in ROLES for f in found):  # "did Madrid win it?": no place asked
            return True, set()
        if not found:
            return False, set()
        said = [w for f in found for w in words[f.start : f.end]]
        said += [w for w in words if w in vocabulary.askers]
        return True, set(self.retriever.analyser.terms_of(said, ctx.language))

    def _origin_said(self, ctx: Context, reading: Reading) -> set[str]:
        """Terms of the places the asker says they come from (:data:`ORIGIN_BEFORE`)."""
        tokens = _WORD.findall(reading.text)
        words = [normalise(t) for t in tokens]
        found: set[str] = set()
        for i, token in enumerate(tokens):
            if i == 0 or not token[:1].isupper() or words[i - 1] not in ORIGIN_BEFORE:
                continue
            verbs = ORIGIN_BEFORE[words[i - 1]]
            if verbs and (i < 2 or words[i - 2] not in verbs):
                continue
            found |= set(self.retriever.analyser.terms(token, ctx.language))
        return found

    def _year_shared(
        self, doc: Doc, terms: list[set[str]], ranked: list[tuple[float, Doc]]
    ) -> bool:
        """Whether the record is named by a year of its own that another record of its kind,
        of that year, is named by as well: the year names no one record."""
        if not any(_is_year(o) and o & _own_years(doc) for o in terms):
            return False
        return any(
            other.kind == doc.kind
            and other.record_id != doc.record_id
            and self._year_named(other, terms)
            for _, other in ranked
        )

    def _places_written(self, ctx: Context, reading: Reading) -> set[str]:
        """Terms of the places the question writes: the records' cities and countries, and
        a capitalised word after a word before a place (:data:`PLACE_BEFORE`) that no
        record holds ("in Casablanca")."""
        analyser = self.retriever.analyser
        idf = self.retriever.idf
        found: set[str] = set()
        tokens = _WORD.findall(reading.text)
        for before, token in zip(["", *tokens], tokens, strict=False):
            word = normalise(token)
            terms = set(analyser.terms(token, ctx.language))
            if word in self.retriever.place_words or (
                token[:1].isupper() and normalise(before) in PLACE_BEFORE and not terms & idf.keys()
            ):
                found |= terms
        return found

    def _contested(self, doc: Doc, terms: list[set[str]], places: set[str]) -> list[set[str]]:
        """The words of ``terms`` the record contradicts: places none of its own names or
        places is, years it does not hold. A record whose own name holds its year ("2020
        Global Forum") is one edition of a series: another year names another edition,
        which is no premise about this one."""
        own = set().union(*doc.names, doc.own_places)
        held = doc.terms.keys()
        yearly = _is_year(own)  # a record with no place or year of its own contradicts none
        dated = _is_year(set(held))
        name = set().union(*doc.names) if doc.names else set()
        if any(bare(o) & places and bare(o) & own and not o & name for o in terms):
            return []  # a place of its own named too: the other names another record
        return [
            o
            for o in terms
            if (bare(o) & places and doc.own_places and not bare(o) & own and not _is_year(o))
            or (_is_year(o) and dated and not held & o and not yearly)
        ]

    def _named_by(self, doc: Doc, terms: list[set[str]], contested: list[set[str]]) -> bool:
        """Whether what the question says beside the contested words names ``doc``: an
        edition number its own name holds with the series or kind it is of, or most of its
        own name; and nothing else it says is weighty and foreign to the record."""
        rest = [o for o in terms if o not in contested]
        name = set().union(*doc.names) if doc.names else set()
        editions = [o for o in rest if _is_edition(o)]
        if editions:
            if not all(o & name for o in editions):
                return False
            series = [o for o in rest if not _is_edition(o) and o & (name | doc.kind_terms)]
            named = bool(series)
        elif self._year_named(doc, rest):
            named = True
        else:
            share = self._name_share(doc, rest)
            words = max((len(n & set().union(*rest)) for n in doc.names), default=0) if rest else 0
            named = share >= NAME_SAID and words >= NAME_WORDS
        if not named:
            return False
        foreign = [o for o in rest if not doc.terms.keys() & o and self._weighty(o)]
        return len(foreign) <= 1

    def _name_share(self, doc: Doc, rest: list[set[str]]) -> float:
        """How much of the record's own name the question says, the network's acronym left
        aside: a record's name holds it ("IOPD African Platform") though members leave it
        unsaid."""
        acronym = network_words()["acronym"]
        network = set().union(*self.retriever.query_terms([acronym], "en")) if acronym else set()
        asked = set().union(*rest) if rest else set()
        return max((len(n & (asked | network)) / len(n) for n in doc.names), default=0.0)

    @staticmethod
    def _year_named(doc: Doc, rest: list[set[str]]) -> bool:
        """Whether a year the record holds names it, with its kind and its series ("la
        conferencia del OIDP de 2020"): an event of one edition a year."""
        if doc.group not in YEAR_NAMED_KINDS or not doc.kind_terms:
            return False
        name = set().union(*doc.names) if doc.names else set()
        if not any(_is_year(o) and o & _own_years(doc) for o in rest):
            return False
        kind = [o for o in rest if o & doc.kind_terms & name]
        series = [o for o in rest if o & name and not o & doc.kind_terms and not _is_year(o)]
        return bool(kind) and bool(series)

    def _set_right(
        self, ctx: Context, reading: Reading, qtype: str, doc: Doc, contested: list[set[str]]
    ) -> Decision | None:
        """The slot asked of ``doc`` (for yes or no, the slot the contested word claims),
        after a sentence saying the asker's word is not the record's."""
        year = all(_is_year(o) for o in contested)
        slot = qtype if qtype != "yesno" else ("when" if year else "where")
        event = doc.record if isinstance(doc.record, EventView) else None
        undated = event is not None and event.starts_on is None
        if undated and (slot == "when" or _YEAR_WRITTEN.search(reading.text)):
            return None  # an undated event: its place is said, no year is set right
        if event is not None and not undated and slot in {"where", "when"}:
            reply = self._when(ctx, doc)  # an event's date sentence says its place too
        else:
            reply = self._slot(ctx, reading, slot, doc)
        if reply.handoff:
            return None
        said = self._written(ctx, reading, contested)
        if not said:
            return None
        key = "premise_year" if year else ("premise_party" if slot == "who" else "premise_place")
        if qtype == "yesno":  # "is it in Casablanca?": no, and where it is
            key = "no"
        text = ctx.phrase(key, said=said, text=reply.text)
        return Decision(Reply(text, reply.sources, target=reply.target), qtype, PREMISE_CONFIDENCE)

    def _written(self, ctx: Context, reading: Reading, contested: list[set[str]]) -> str:
        """The contested words as the asker wrote them ("São Paulo", "2014")."""
        wanted = bare(set().union(*contested))
        analyser = self.retriever.analyser
        words = [
            w
            for w in _WORD.findall(reading.text)
            if (w.isdigit() and f"y{w}" in wanted) or wanted & set(analyser.terms(w, ctx.language))
        ]
        return " ".join(dict.fromkeys(words))
