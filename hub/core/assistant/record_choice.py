"""Which of the best-ranked records a question names, when several score close: the one
named wholly or first, the hub's own network, the body named, the edition current at now,
a part of a record, entries that agree, a record stating the count asked.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import HOME_EDGE, TIE
from hub.core.assistant.answers_entries import NAMELESS_KINDS
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.dated_choice import PART_SHARE, DatedChoice
from hub.core.assistant.focus import capitals_said, writes
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.message_parts import question_parts
from hub.core.assistant.reading import Reading
from hub.core.assistant.record_numbers import RecordNumbers
from hub.core.assistant.retrieval import ALIAS_WEIGHT, Doc, number_term
from hub.core.assistant.text import normalise
from hub.core.knowledge.loader import DOCUMENT_KIND

AGREE = 0.7
"""Share of the shorter text's words the other must hold for two tied entries to agree."""
SINGLED_COVERAGE, SINGLED_MARGIN, SINGLED_RARE = 0.4, 2.0, 2
"""A record scoring this many times the next, holding this share of the question and a word of
its own name found in at most this many records, is answered though the question says more."""
KNOWN_MARGIN = 1.5
"""The margin that singles a record out when every word of the question it does not hold is
one the records know."""
PART_SCORE = 0.6
"""A part of the best record scoring at least this share of it may be what is asked."""
BODY_NEAR = 0.6
"""A record named after the network and the body a question names comes first from this
share of the best score (:meth:`RecordChoice._body_named_first`)."""
RELATION_FIELDS = {
    "led_by": ("led_by", "organiser"),
    "organiser": ("organiser", "led_by"),
    "hosted_by": ("hosted_by",),
    "received_by": ("received_by",),
}
"""The fields that state the relation a "who" verb names (vocabulary.yaml ``who_verbs``)."""


class RecordChoice(DatedChoice, RecordNumbers):
    """Which of close-scoring records the question names."""

    def _with_agreeing(
        self,
        reply: Reply,
        best: Doc,
        best_score: float,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]] | None = None,
    ) -> Reply:
        """The answer cites the entries that say the same as its own, found about as well
        (an FAQ and the fact it repeats): either is where the member can read it. Asked of
        a kind, by no word of the best record's own name ("the thematic priorities of the
        2020 plan"), every record of that kind holding as much of the question is cited
        too (and then named, each: no one of them was asked)."""
        asked = {  # the words said, not a year or number (the plan's "2020")
            t for o in terms or [] for t in o if not (t[:1] in "#y" and t[1:].isdigit())
        }
        own = set().union(*best.names) if best.names else set()
        kind_only = bool(asked & best.kind_terms) and not asked & (own - best.kind_terms)
        reach = self.coverage(best, terms) if terms else 1.0
        extra = [
            d.record_id
            for s, d in ranked[1:]
            if s >= best_score * TIE
            and d.group == "entry"
            and d.record_id not in reply.sources
            and (
                self._agree(best, d)
                or (  # "the thematic priorities of the 2020 plan": each, not the first alone
                    kind_only
                    and d.kind == best.kind
                    and self.coverage(d, terms or []) >= reach - 1e-9
                )
            )
        ]
        if not extra:
            return reply
        return Reply(reply.text, [*reply.sources, *dict.fromkeys(extra)], target=reply.target)

    def _agree(self, one: Doc, other: Doc) -> bool:
        """Two entries that say the same: most words of the shorter English text are in the
        other ("how to join OGP Local" as an FAQ and as an OGP Local fact)."""
        texts = []
        for doc in (one, other):
            record = doc.record
            body = record.body.get("en", "") if isinstance(record, EntryView) else ""
            if isinstance(record, EntryView) and not body:  # a task is its name
                body = record.name.get("en", "")
            texts.append(set(self.retriever.analyser.terms(body, "en")))
        shorter, longer = sorted(texts, key=len)
        return bool(shorter) and len(shorter & longer) >= AGREE * len(shorter)

    def _same_answer(self, qtype: str, best: Doc, other: Doc) -> bool:
        """Two tied records that give one answer to the slot asked: the same place, days or
        organiser of two events, two entries saying the same (:meth:`_agree`), or one
        thing recorded twice (:meth:`_linked`). Their tie is no ambiguity."""
        if self._says(qtype, other) == self._says(qtype, best):
            return True
        if best.group == "entry" and other.group == "entry" and self._agree(best, other):
            return True
        return self._linked(best, other) or self._linked(other, best)

    def _linked(self, one: Doc, other: Doc) -> bool:
        """``other`` is ``one`` recorded again or a part of it: a part of the whole (a
        priority of its work plan, an area of its challenge), an event held within it (a
        workshop during a congress), a record its data names by id (a roundup's edition),
        the record a source document is named after (the 2020 plan and its document), or
        the one event of its kind and year an entry of that year speaks of by that kind's
        name (the task publishing the annual report "at the annual conference")."""
        if one.key in other.wholes or self._hosts(one, other):
            return True
        record, part = one.record, other.record
        if isinstance(record, EntryView):
            if other.record_id in {str(v) for v in record.data.values() if isinstance(v, str)}:
                return True
            if one.kind == DOCUMENT_KIND and other.group == "entry" and other.names:
                file = record.data.get("file")
                if file is None or getattr(part, "source_doc", None) != file:
                    return False
                home = self._home_terms
                return any(
                    bare <= name for name in one.names for n in other.names if (bare := n - home)
                )
            if isinstance(part, EventView):
                return self._speaks_of(one, other)
        return False

    def _speaks_of(self, entry: Doc, event: Doc) -> bool:
        """The entry's own text names the event's kind ("the annual conference") and the
        event is the one of that kind held in the entry's year."""
        year = self.era(entry)
        span = self.span(event)
        record = entry.record
        if year is None or span is None or span[0].year != year:
            return False
        if not isinstance(record, EntryView):
            return False
        analyser = self.retriever.analyser
        kind_words = {
            t
            for phrase in self.retriever.vocabulary.kinds.get(event.kind, {}).get("en", [])
            for t in analyser.terms(phrase, "en")
        }
        text = f"{record.name.get('en', '')} {record.body.get('en', '')}"
        if not kind_words or not kind_words <= set(analyser.terms(text, "en")):
            return False
        same = [
            d
            for d in self._events()
            if d.kind == event.kind and (s := self.span(d)) is not None and s[0].year == year
        ]
        return len(same) == 1

    def _capitals(self, reading: Reading) -> list[str]:
        """The acronyms the question (not the words around it) writes in capitals, other
        than the network's own and numbers (:func:`~hub.core.assistant.focus.capitals_said`)."""
        if not reading.text or reading.text.islower():
            return []
        focus, _ = question_parts(reading.text, self.retriever.vocabulary)
        skip = {normalise(a) for a in self._home_acronyms} | {
            a for a in self.retriever.acronyms if number_term(a)
        }
        return capitals_said(focus, self.retriever.acronyms, skip)

    def _writes(self, doc: Doc, word: str) -> bool:
        """The record writes the acronym ``word``, or its name makes it ("FUM": the Foro
        Urbano Mundial)."""
        return writes(doc.record, word) or normalise(word) in self.retriever.own_acronyms.get(
            doc.key, ()
        )

    def _kinds_said(self, ctx: Context, reading: Reading) -> set[str]:
        """The stems of the words of kinds' names the question says itself: a verb sharing a
        stem with a kind ("formen" and "fòrum", "treballa" and "grup de treball") names none,
        nor one word of a name of several ("did it work", "its OGP plan": no work plan)."""
        analyser = self.retriever.analyser
        words = set(reading.words)
        said = {
            w
            for w in reading.words
            if w in self.retriever.vocabulary.kind_words
            and any(w in name and name <= words for name in self._kind_names)
        }
        return {analyser.stem(w, lang) for w in said for lang in (ctx.language, "en")}

    @property
    def _kind_names(self) -> list[frozenset[str]]:
        """Each name of each kind in each language, as its words other than function words."""
        if not hasattr(self, "_kind_names_cache_words"):
            stop = self.retriever.analyser.stopwords
            self._kind_names_cache_words = [
                frozenset(w for w in normalise(phrase).split() if w not in stop)
                for by_language in self.retriever.vocabulary.kinds.values()
                for phrases in by_language.values()
                for phrase in phrases
            ]
        return self._kind_names_cache_words

    def _part_first(
        self, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> list[tuple[float, Doc]]:
        """A part of the best record (a line of a work plan, an area of a challenge) comes
        first when its own name holds a word of the question that the whole's name does not
        ("the visibility line of the 2013 plan"): the whole only mentions its parts."""
        best_score, best = ranked[0]
        own = set().union(*best.names) if best.names else set()
        asked = {t for o in terms for t in o if not t.startswith(("#", "y", "@"))}
        kinds = [o for o in terms if o & self._every_kind and not o & best.kind_terms]
        for score, doc in ranked[1:]:
            if score < best_score * PART_SCORE:
                break
            names = set().union(*doc.names)  # "which prize did Buenos Aires win in the
            if any(not o & (names | doc.kind_terms) for o in kinds):  # roundup": its item is
                continue  # no prize
            if best.key in doc.wholes and (names & asked) - own:
                rest = [(min(s, score * HOME_EDGE), d) for s, d in ranked if d is not doc]
                return [(score, doc), *rest]
        return ranked

    def _named_holder(
        self, ranked: list[tuple[float, Doc]], terms: list[set[str]], qtype: str, seat: bool
    ) -> Doc | None:
        """Asked where, when or who of something by (at least half of) its own name and
        nothing else ("Siège du secrétariat ?", "where is the Technical Secretariat?"): the
        one record so named that holds the slot asked (the secretariat's city), however
        common the words of its name; None unless exactly one record is. Asked where the
        network itself is, or whether its seat (``seat``: a word naming it was said) is in
        a place, the record of its seat (:meth:`_seat`)."""
        home = self._home_terms | self._networks  # "the network's secretariat": the IOPD's
        asked = [o for o in terms if not o & home]
        places = self.retriever.place_terms
        of_home = terms and len(asked) < len(terms) and all(o & places for o in asked)
        if of_home and ((qtype == "where" and not asked) or (qtype in {"where", "yesno"} and seat)):
            return self._seat()  # "where are the IOPD's headquarters?", "la sede de la red",
            # "le siège est à Dakar ?"; not "is the IOPD in Africa?" (no seat said)
        if qtype not in {"where", "when", "who"} or not ranked:
            return None
        if not asked or any(t.startswith(("@", "#", "y", "?")) for o in asked for t in o):
            return None
        found = {
            d.record_id: d
            for _, d in ranked
            if self._holds(qtype, d)
            and any(
                all(o & bare for o in asked) and len(asked) * 2 >= len(bare)
                for name in d.names
                if (bare := name - home)
            )
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _singled_out(
        self, best: Doc, score: float, second: float, coverage: float, terms: list[set[str]]
    ) -> bool:
        """The question names the record by a rare word of its own name and no other record
        comes near it: a few words of the asker's own ("the ... app thing", "in two words")
        that no record holds do not make it ambiguous."""
        postings = self.retriever.postings
        if coverage < SINGLED_COVERAGE or score < KNOWN_MARGIN * second:
            return False
        if score < SINGLED_MARGIN * second and any(
            not any(best.terms.get(t) for t in o) and not any(postings.get(t) for t in o)
            for o in terms
        ):
            return False
        own = set().union(*best.names) if best.names else set()
        return any(
            t in own and len(postings.get(t, ())) <= SINGLED_RARE
            for o in terms
            for t in o
            if not t.startswith(("#", "y", "@"))
        )

    def _fit(
        self,
        qtype: str,
        ranked: list[tuple[float, Doc]],
        relation: str | None = None,
        kinds: frozenset[str] = frozenset(),
    ) -> list[tuple[float, Doc]]:
        """Records that hold the slot asked rank before those that do not (a little); asked
        who with a verb ("who led"), a record stating that relation holds it; asked who of
        a kind named ("who carries out the work plan"), a record of that kind is the one
        asked about, whether or not a field names who (unless its kind's texts never name
        anyone: a working group, a priority)."""
        if qtype not in {"when", "where", "who", "cost"}:
            return ranked
        fitted = [
            (
                s
                * (
                    1.0
                    if self._holds(qtype, d)
                    or self._relates(d, relation)
                    or (qtype == "who" and d.kind_terms & kinds and d.kind not in NAMELESS_KINDS)
                    else 0.7
                ),
                d,
            )
            for s, d in ranked
        ]
        return sorted(fitted, key=lambda item: -item[0])

    def _holds(self, qtype: str, doc: Doc) -> bool:
        record = doc.record
        if qtype == "cost":  # states a cost, not only in passing
            return doc.terms.get("@cost", 0) >= ALIAS_WEIGHT
        if isinstance(record, EventView):
            return True  # an event answers when/where/who, or says plainly it cannot
        if isinstance(record, AwardView):
            return qtype == "when"
        data = record.data
        if qtype == "where":  # a place, or a web address where it is found
            return "city" in data or isinstance(data.get("url"), str)
        if qtype == "when":
            return any(k in data for k in ("founded", "since", "approved_on", "years"))
        return False

    def _relates(self, doc: Doc, relation: str | None) -> bool:
        """The record states in a field of its own the relation a "who" question's verb
        names (``led_by`` for "who led", an event's organiser for "who organises")."""
        fields = RELATION_FIELDS.get(relation or "", ())
        record = doc.record
        if isinstance(record, EntryView):
            return any(record.data.get(f) for f in fields)
        return isinstance(record, EventView) and "organiser" in fields and bool(record.organiser)

    def _says(self, qtype: str, doc: Doc) -> object:
        """What the record would answer for the slot: tied records that say the same agree."""
        record = doc.record
        if isinstance(record, EventView):
            if qtype == "where":
                return (record.city, record.country)
            if qtype == "who":
                return record.organiser
            if qtype == "when":
                return record.span
        return doc.record_id

    def _home_first(
        self, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> list[tuple[float, Doc]]:
        """A question naming nothing but what it asks ("I want to become a member") is about
        the hub's own network: among near ties, a record whose name says the network first."""
        if not ranked or any(not t.startswith("@") for o in terms for t in o):
            return ranked
        best_score = ranked[0][0]
        home = self._home_terms
        if not self._names_another_body(ranked[0][1], home):
            return ranked
        for score, doc in ranked:
            if score < best_score * TIE:
                break
            if any(name & home for name in doc.names):  # the others are no longer tied with it
                rest = [(min(s, best_score * HOME_EDGE), d) for s, d in ranked if d is not doc]
                return [(best_score, doc), *rest]
        return ranked

    def _wholly_named(self, ranked: list[tuple[float, Doc]], terms: list[set[str]]) -> Doc | None:
        """The one record whose own name is every word the question asks about ("what is
        the IOPD", "que fait l'OIDP"): however common its name's words are in other records."""
        asked = [o for o in terms if not any(t.startswith("@") for t in o)]
        if not asked or len(asked) < len(terms):  # a concept asked (joining it): not a name
            return None
        home = self._home_terms  # "the Technical Secretariat" names the IOPD's one
        found = [
            d
            for _, d in ranked
            if any(
                bare and all(o & bare for o in asked) and len(bare) == len(asked)
                for name in d.names
                for bare in (name, name - home)
            )
        ]
        return found[0] if len({d.record_id for d in found}) == 1 else None

    def _names_another_body(self, doc: Doc, home: set[str]) -> bool:
        """True when the record's name names a body other than the network (OGP Local)."""
        record = doc.record
        names = record.name.values() if isinstance(record, (EntryView, EventView)) else []
        words = {w for name in names for w in normalise(name).split()}
        others = {self.retriever.analyser.stem(w, "en") for w in words & self.retriever.acronyms}
        return bool(others - home)

    def _named_first(
        self, ranked: list[tuple[float, Doc]], said: list[set[str]], qtype: str = "what"
    ) -> list[tuple[float, Doc]]:
        """A record the question calls by its whole own name ("what is the IOPD") comes
        first among those scoring near the best, if it holds the slot asked as the best does
        (since when the IOPD works with UCLG: the record that states a year)."""
        if not ranked:
            return ranked
        best_score = ranked[0][0]
        near = [(s, d) for s, d in ranked if s >= best_score * TIE]
        if qtype in {"when", "where", "who"} and self._holds(qtype, ranked[0][1]):
            near = [(s, d) for s, d in near if self._holds(qtype, d)]
        if self.retriever.name_share(ranked[0][1], said) >= 0.99:
            return ranked
        named = [(s, d) for s, d in near if self.retriever.name_share(d, said) >= 0.99]
        if not named:
            return ranked
        chosen = named[0]
        return [(best_score, chosen[1]), *[(s, d) for s, d in ranked if d is not chosen[1]]]

    def _body_named_first(
        self, ranked: list[tuple[float, Doc]], terms: list[set[str]]
    ) -> list[tuple[float, Doc]]:
        """The question names another body (UCLG, OGP) that the best record's own name does
        not: the record whose own name holds that body and the network's own ("The IOPD and
        UCLG") comes first if it scores near, the only one so named ("since when does the
        observatory work with UCLG": their relation, not the work plan of the word "work")."""
        if not ranked:
            return ranked
        home = self._home_terms
        bodies = [o for o in terms if o & self._body_terms and not o & home]
        best_score, best = ranked[0]
        own = set().union(*best.names) if best.names else set()
        if not bodies or all(o & own for o in bodies):
            return ranked
        named = [
            (s, d)
            for s, d in ranked[1:]
            if s >= best_score * BODY_NEAR
            and d.names
            and all(o & set().union(*d.names) for o in bodies)
            and home & set().union(*d.names)
        ]
        if len(named) != 1:
            return ranked
        score, chosen = named[0]
        rest = [(min(s, score * HOME_EDGE), d) for s, d in ranked if d is not chosen]
        return [(score, chosen), *rest]  # the word it shares by chance ranks it no more

    def _named(self, best: Doc, rivals: list[Doc], terms: list[set[str]]) -> Doc | None:
        """Among tied records, the one the question calls by its own name ("OGP Local circles"
        rather than one circle), when one is named clearly more fully than the others; or
        the one whose name holds more of the question's words than any other, if most of
        that name is said (the climate circle rather than the circles)."""
        asked = set().union(*terms) if terms else set()
        years = {int(t[1:]) for t in asked if t[0] == "y" and t[1:].isdigit()}
        tied = [d for d in [best, *rivals] if self._in_years(d, years)]
        held = {id(d): max((len(n & asked) for n in d.names), default=0) for d in tied}
        most = max(held.values(), default=0)
        fuller = [d for d in tied if held[id(d)] == most]
        if len(fuller) == 1 and self.retriever.name_share(fuller[0], terms) >= PART_SHARE:
            return fuller[0]  # "the climate circle of OGP Local": the circle, not the circles
        shares = sorted(
            ((self.retriever.name_share(d, terms), d) for d in [best, *rivals]),
            key=lambda item: -item[0],
        )
        if shares[0][0] >= 0.99 and shares[1][0] <= shares[0][0] - 0.2:
            return shares[0][1]
        return None
