"""Questions about time: a **period** (next week, in October 2020, this autumn) lists the
events in it, narrowed by whatever else the question names; **the next / the last** of
something picks the first one not yet over, or the latest one over, relative to the asker's
now, and hands off after the last known one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from hub.core.assistant.agenda_lists import AgendaLists
from hub.core.assistant.answers_base import (
    MAX_LISTED,
    MIN_COVERAGE,
    Decision,
    _numbered,
)
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.context import Context, Reply, describe, event_name, place
from hub.core.assistant.hour_asked import hour_asked_of
from hub.core.assistant.index import EventView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.yesno import _kin

_SENTENCE = re.compile(r"[.!?¿¡\n]+")
_TOKEN = re.compile(r"\w+")
UNACCOUNTED = 2
NEXT_HORIZON = dt.timedelta(days=2 * 365)
"""How far ahead the records can tell the next event of a kind: the network plans a year or
two ahead (the 2013, 2014-2015 and 2020 work plans), so a next one known only years after
"now" (the one roundup of 2023, asked in 2012) says nothing of those held before it."""
"""Words of a question that narrow and that no event answered holds: from this many on, the
events of a period or the next one are not what it asks."""

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

OTHER_WORDS = frozenset(
    {"other", "otras", "otros", "otra", "otro", "autres", "autre", "altres", "altre", "altra"}
    | {"outras", "outros", "outra", "outro"}
)
"""Words between a question word and what it asks for ("which other networks")."""

STANDING_SLOTS = frozenset(
    {"join", "cost", "what", "who", "where", "contact", "subscribe", "share"}
)
"""Slots a standing record (how to join, the fees, what a body is, who runs it) answers
whatever the present time the question places itself in."""

PRESENT_WORDS = frozenset(
    {
        "before",
        "until",
        "till",
        "end",
        "antes",
        "hasta",
        "termine",
        "acabe",
        "fin",
        "final",
        "avant",
        "jusqu",
        "ici",
        "finisse",
        "abans",
        "fins",
        "acabi",
        "aqui",
        "ate",
        "daqui",
        "fim",
    }
)
"""Words of a phrase placing a question in the time left now ("before the end of the year",
"antes de que acabe el año", "d'ici la fin du mois", "abans que acabi l'any", "até ao fim do
ano"), normalised: beside the vocabulary's periods, "still" words and month and year nouns,
they say when the asker wants it, not what is asked."""

STEP_KINDS = frozenset({"agenda_item", "call"})
"""Kinds of dated record that are a step of a process (the call for a conference's
sessions, the work on its minutes): asked when, their own date answers, not their parent's."""
STEP_COVERAGE, STEP_RIVALS = 0.99, 0.5
"""Share of the question's words a step must hold to be the one asked of, and share of its
score from which a record of another kind (its parent) must lack a word of it the question
says: a step named only by its parent's name is not asked."""

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


class WhenAnswers(DatedNames, AgendaLists):
    """The events of a period, and the next or the last of something."""

    def _step_named(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        ranked: list[tuple[float, Doc]],
        terms: list[set[str]],
    ) -> Decision | None:
        """Asked when of a step of a process (the call for a conference's sessions, the
        work on its minutes, the evaluation of an award's edition), named by every word the
        question says: that step's own date, not its parent's ("the 2019 conference" is the
        name of the step's parent, not a time whose events are listed), nor the events of
        the year its name holds. A time the question also says ("next month?", "this
        year's") is checked, not listed: the step must fall in it, unless its own name says
        that year, and a year said that its name does not hold names another step ("the
        minutes of the 2021 conference"); an award's step is answered so only when a time is
        said (without one, the edition current at now is chosen elsewhere). None unless the
        best-ranked record is a dated step that holds each word asked, ranks ahead of the
        next, and is named by a word of its own: its step's word (an award's "evaluation"),
        or one no record of another kind near it holds (the
        conference it belongs to names no "minutes")."""
        if qtype != "when" or not ranked:
            return None
        score, best = ranked[0]
        award_step = best.group == "step" and best.step is not None
        span = self.span(best)
        if not (award_step or best.kind in STEP_KINDS) or span is None:
            return None
        if self.coverage(best, terms) < STEP_COVERAGE:
            return None
        if len(ranked) > 1 and ranked[1][0] >= score:
            return None
        named_years = {t[1:] for n in best.names for t in n if t[:1] == "y" and t[1:].isdigit()}
        said_years = {w for w in reading.words if w.isdigit() and len(w) == 4}
        if named_years and said_years - named_years:
            return None  # "the minutes of the 2020 conference": not the 2019 one's
        period = reading.period
        if (
            period is not None
            and not period.overlaps(*span)
            and not any(f"y{period.start.year}" in n for n in best.names)
        ):
            return None  # "the call of 2019": not this step's time
        if award_step:
            if period is None:
                return None  # no time said: the edition current at now is chosen elsewhere
            said = self._step_words(best)
            if not any(o & said for o in terms):
                return None  # "when is the 2020 award?": the award, not one of its steps
        else:
            others = [
                d for s, d in ranked[1:] if s >= score * STEP_RIVALS and d.kind not in STEP_KINDS
            ]
            if not any(
                any(best.terms.get(t) for t in o)
                and not any(t in _named(d) for d in others for t in o)
                for o in terms
            ):  # "the dates of the 2020 conference": the work preparing it names it, is not it
                return None
        reply = self._slot(ctx, reading, "when", best)
        return Decision(reply, "when", 0.8 if not reply.handoff else 0.3)

    def _standing_now(
        self, ctx: Context, reading: Reading, qtype: str, decision: Decision
    ) -> Decision | None:
        """A question of a standing slot placed in the present ("how can we join before the
        end of the year?", "¿hay que pagar cuota este año?", "peut-on encore adhérer ?",
        "com ens hi afegim abans que acabi l'any?", "ainda este ano"), handed off because
        its time words are held by no record, or answered by a standing record that holds
        them by chance ("d'ici": "ask here"): asked again without them, answered only from
        standing records (no event, award step or record of a plan or year), which hold now
        whatever the date, so no time word chooses among them. A time that chose a dated
        record still selects it, and a time not in what is left of this year ("next
        year", "in 2015") is not dropped. The record answering is the first cited: those
        cited beside it state the same (:mod:`~hub.core.assistant.alike`) and choose nothing."""
        if not decision.reply.handoff and not self._all_standing(set(decision.reply.sources[:1])):
            return None
        if qtype not in STANDING_SLOTS or reading.relative is not None:
            return None
        period = reading.period
        if period is not None and (period.end < ctx.today or period.start.year > ctx.today.year):
            return None  # a time over, or of a year to come: not the time left now
        words = reading.words
        said = {w for w in words if w.isdigit() and len(w) == 4}
        timed = set(self._present_at(words)) | {
            i for i, w in enumerate(words) if w in PRESENT_WORDS
        }
        added = [w for w in reading.content if w.isdigit() and len(w) == 4 and w not in said]
        if any(w != str(ctx.today.year) for w in added) or any(w in said for w in reading.content):
            return None  # a year written, or another than this one: a time of its own
        if not timed and not added:
            return None
        dropped = {words[i] for i in timed} | set(added)
        untimed = replace(
            reading,
            words=[w for i, w in enumerate(words) if i not in timed],
            content=[w for w in reading.content if w not in dropped],
            period=None,
            year=None,
            still=False,
        )
        if not untimed.words:
            return None
        asked = self.decide(ctx, untimed)
        if asked.reply.handoff or not self._all_standing(set(asked.reply.sources[:1])):
            return None
        return asked

    def _step_words(self, doc: Doc) -> set[str]:
        """The terms of the words naming the award step ``doc`` is (vocabulary.yaml
        ``steps``: "evaluation", "convocatoria", "results"), in every language."""
        vocabulary = self.retriever.vocabulary
        family = vocabulary.steps.get(vocabulary.step_family(doc.step or ""), {})
        analyser = self.retriever.analyser
        return {
            t
            for language, phrases in family.items()
            for phrase in phrases
            for t in analyser.terms(phrase, language)
        }

    def _present_at(self, words: list[str]) -> list[int]:
        """Where the vocabulary's words of time stand in ``words``: periods ("this year"),
        "still" words, "before", parts of a month or year ("the end of"), spans ("d'ici")
        and the month and year nouns."""
        vocabulary = self.retriever.vocabulary
        matchers = (
            vocabulary.periods,
            vocabulary.still,
            vocabulary.before,
            vocabulary.month_parts,
            vocabulary.spans,
            vocabulary.month_words,
        )
        found = [(f.start, f.end) for m in matchers for f in m.find(list(words), fuzzy=False)]
        at = [i for start, end in found for i in range(start, end)]
        return at + [i for i, w in enumerate(words) if w in vocabulary.year_nouns]

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

    def _period_pool(self, reading: Reading) -> list[Doc]:
        """The listed events that fall in the question's period."""
        period = reading.period
        assert period is not None
        pool = []
        for doc in self._events():
            record = doc.record
            assert isinstance(record, EventView)
            span = record.span
            if span is None or (record.precision == "year" and period.kind != "year"):
                continue
            if period.overlaps(*span):
                pool.append(doc)
        return pool

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
            return [d for d in own if naming(d) == most]
        unknown = [o for o in content if not any(t in self.retriever.idf for t in o)]
        if unknown and not any(self.coverage(d, content) > 0 for d in pool):
            return []  # "who won the football last night": no event of what it names
        return pool

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

    def _object_unheld(self, ctx: Context, reading: Reading, chosen: list[Doc]) -> bool:
        """The question word is followed by what is asked for ("which networks does the
        network work with this year", "amb quines xarxes", "¿con qué redes?"), a word the
        records know that is no kind of event, and none of the events of the period holds
        it: they are not what is asked (an event the network collaborates in is no network
        it collaborates with), so the question is handed off. A word found in most records
        ("networks") still counts: the events answered must hold it."""
        words = reading.words
        found = self.retriever.vocabulary.question_words.find(words[:3], fuzzy=False)
        if not found:
            return False
        at = found[0].end
        while at < len(words) and words[at] in OTHER_WORDS:  # "which other networks"
            at += 1
        after = words[at : at + 1]
        if not after or after[0] not in reading.content:
            return False
        asked = self.retriever.query_terms(after, ctx.language)
        if not asked or not any(t in self.retriever.idf for t in asked[0]):
            return False  # a word no record knows is as often a verb ("¿qué hará...?")
        options = asked[0]
        skipped = self._every_kind | self.retriever.place_terms | self._happening_terms
        if options & skipped or _numbered(options):
            return False
        return not any(d.terms.get(t) for d in chosen for t in options)

    def _own_name_said(self, doc: Doc, topic: list[set[str]]) -> bool:
        """The question says a word of the event's own name that narrows ("the Roundup of
        last month"): asked for a list, it asks what that event holds (the initiatives in
        the roundup), not which events the period has, which would be that one alone."""
        own = set().union(*doc.names) if doc.names else set()
        return any(o & own and self._weighty(o) for o in topic)

    def _next_but_over(self, ctx: Context, reading: Reading, doc: Doc) -> bool:
        """The question asks for the next one ("the next conference after the one in Abidjan
        last year") and the one event of its period is over: that event is not what it
        asks, and the one after it is not known, so the question is handed off (what the
        event was is still said)."""
        marks = self.retriever.vocabulary.next_last.find(list(reading.words), fuzzy=False)
        if not any(m.value == "next" for m in marks):
            return False
        span = self.span(doc)
        return span is not None and span[1] < ctx.today

    def _capital_unheld(self, ctx: Context, reading: Reading, doc: Doc) -> bool:
        """The question writes a name with a capital inside a sentence ("the next general
        assembly of Eurocities", "el próximo encuentro de la Red de Ciudades") that the
        event picked as the next or the last does not hold: it asks about another body's
        event, which the records do not have, not about the next event of the network. A
        kind's word, a place and the network's own acronym are not such names."""
        content = set(reading.content)
        retriever = self.retriever
        skipped = self._every_kind | retriever.place_terms | self._home_terms
        for sentence in _SENTENCE.split(reading.text):
            for k, token in enumerate(_TOKEN.findall(sentence)):
                word = normalise(token)
                if k == 0 or not token[:1].isupper() or word not in content:
                    continue
                near = retriever.query_terms([word], ctx.language)
                if not near or near[0] & skipped or _numbered(near[0]):
                    continue
                if not any(doc.terms.get(t) for t in near[0]):
                    return True
        return False

    def _period(
        self,
        ctx: Context,
        reading: Reading,
        ranked: list[tuple[float, Doc]],
        kind_terms: set[str],
        content: list[set[str]],
        terms: list[set[str]],
    ) -> Decision:
        pool = self._period_pool(reading)
        numbers = [c for c in content if any(t[0] == "#" and t[1:].isdigit() for t in c)]
        topic = self._without_calendar(self._topic(content)) + numbers  # "seminar 2"
        kind_words = [o & kind_terms for o in terms if o & kind_terms]
        chosen = self._narrow(pool, ranked, kind_terms, topic, kind_words)
        qtype = reading.qtype or "what"
        asked = hour_asked_of(chosen, content) if reading.hour and qtype == "when" else None
        chosen = [asked] if asked is not None else chosen  # the hour of one, not the day's
        idf = self.retriever.idf
        unknown = [c for c in content if not any(t in idf for t in c) and not _numbered(c)]
        if len(unknown) >= 2 and not kind_terms:  # "reserve nights in July": not the events
            return Decision(ctx.handoff(), qtype, 0.2)
        if (
            chosen
            and not kind_terms
            and qtype in {"list", "what"}
            and self._object_unheld(ctx, reading, chosen)
        ):
            return Decision(ctx.handoff(), qtype, 0.2)  # "which networks ... this year"
        on = chosen and not kind_terms and not topic and qtype in {"list", "what"}
        agenda = self._agenda_of(reading) if on else []
        if agenda:  # "what's on this month?": the award's steps and the agenda too
            return self._agenda_listed(ctx, reading, [*chosen, *agenda], 0.9)
        if len(chosen) == 1 and qtype == "list" and self._own_name_said(chosen[0], topic):
            reply = self._slot(ctx, reading, "what", chosen[0])  # "the initiatives in the
            return Decision(reply, qtype, 0.8 if not reply.handoff else 0.3)  # roundup"
        if len(chosen) == 1 and qtype in {"when", "where", "who", "what"}:  # that event's slot
            reply = self._slot(ctx, reading, qtype, chosen[0])
            if not reply.handoff and self._next_but_over(ctx, reading, chosen[0]):
                return Decision(ctx.handoff(reply.text, sources=reply.sources), qtype, 0.3)
            return Decision(reply, qtype, 0.8 if not reply.handoff else 0.3)
        if len(chosen) == 1 and qtype == "yesno":  # "is the 2020 conference in Abidjan?"
            reply = self._when(ctx, chosen[0])
            if not reply.handoff:
                reply = Reply(
                    ctx.phrase("yes", text=reply.text), reply.sources, target=reply.target
                )
            return Decision(reply, qtype, 0.8 if not reply.handoff else 0.3)
        if chosen and self._kind_qualified(ctx, reading, chosen, kind_terms):
            known = self._known_as_group(ctx, reading)  # type: ignore[attr-defined]
            return known or Decision(ctx.handoff(), qtype, 0.2)  # "outside events this year"
        if not chosen and qtype == "when":  # "when was the Cascais conference in 2014?"
            named = self._named_outside(reading, ranked, terms)
            if named is not None:  # the one record named singly: its own dates answer
                reply = self._when(ctx, named)
                return Decision(reply, qtype, 0.6 if not reply.handoff else 0.3)
        if not chosen:
            if pool:  # events there are, none of what it names: no "no event in 2020"
                return Decision(ctx.handoff(), qtype, 0.2)
            agenda = [] if kind_terms or topic else self._agenda_of(reading)
            if agenda:  # no event, but the secretariat's own work and the award's steps
                return self._agenda_listed(ctx, reading, agenda)
            return Decision(
                ctx.handoff(ctx.phrase("no_events_in", period=self._period_words(ctx, reading))),
                "list",
                0.3,
            )
        chosen.sort(key=lambda d: (d.record.starts_on or dt.date.max, d.key))  # type: ignore[union-attr]
        header = ctx.phrase("events_in", period=self._period_words(ctx, reading))
        lines = [header, *(f"• {describe(ctx, d.record)}" for d in chosen[:MAX_LISTED])]  # type: ignore[arg-type]
        if len(chosen) > MAX_LISTED:
            lines.append(ctx.phrase("and_more", count=len(chosen) - MAX_LISTED, total=len(chosen)))
        return Decision(Reply("\n".join(lines), [d.record_id for d in chosen]), "list", 0.9)

    def _relative(
        self,
        ctx: Context,
        reading: Reading,
        ranked: list[tuple[float, Doc]],
        kind_terms: set[str],
        content: list[set[str]],
        terms: list[set[str]],
    ) -> Decision:
        steps = [d for d in self.retriever.docs if d.group == "step"]
        step_words = [  # "call" names an event's kind too, and an award's step
            c
            for c in terms
            if any(d.terms.get(t) and t not in d.kind_terms for d in steps for t in c)
        ]
        award_asked = any(d.group in {"step", "award"} for _, d in ranked[:1]) or bool(
            kind_terms & self._award_only_terms
        )  # "the next award call": the award's, never a conference's call for sessions
        pool = self._events() + (steps if award_asked else [])
        weighty = [c for c in content if self._weighty(c)]
        if award_asked:
            other = [  # "the next distinction ceremony": a step no edition has
                c
                for c in content
                if self._weighty(c)
                and not _numbered(c)
                and not any(d.terms.get(t) for d in steps for t in c)
            ]
            if other and not step_words:
                return Decision(ctx.handoff(), "when", 0.2)
            pool = [d for d in steps if not step_words or self.coverage(d, step_words) > 0]
        else:
            kind_words = [o & kind_terms for o in terms if o & kind_terms]
            pool = self._narrow(pool, ranked, kind_terms, weighty, kind_words)
        dated: list[tuple[tuple[dt.date, dt.date], Doc]] = []
        for doc in pool:
            span = self.span(doc)
            if span is not None:
                dated.append((span, doc))
        if not dated or self._unaccounted([d for _, d in dated], weighty):
            return Decision(ctx.handoff(), "when", 0.2)
        if not award_asked and self._kind_qualified(
            ctx, reading, [d for _, d in dated], kind_terms
        ):  # "the next online seminar": no seminar of the records is online
            return Decision(ctx.handoff(), "when", 0.2)
        if reading.relative == "last":
            past = [(s, d) for s, d in dated if s[1] < ctx.today]
            if not past:
                return Decision(ctx.handoff(), "when", 0.3)
            _, doc = max(past, key=lambda item: (item[0][0], item[1].key))
            if self._capital_unheld(ctx, reading, doc) or self._says_none_of(doc, weighty):
                return Decision(ctx.handoff(), "when", 0.2)  # "the last Eurocities assembly"
            asked = self._slot_of_relative(ctx, reading, doc)
            if asked is not None:  # "where was the last conference": its place, or a handoff
                return asked
            return Decision(self._when(ctx, doc), "when", 0.8)
        coming = [(s, d) for s, d in dated if s[1] >= ctx.today]
        if not coming:
            last = max(dated, key=lambda item: (item[0][0], item[1].key))[1]
            before = [ctx.phrase("none_upcoming", today=_day(ctx))]
            before.append(ctx.phrase("last_known", event=self._label(ctx, last)))
            return Decision(ctx.handoff(*before, sources=[last.record_id]), "when", 0.3)
        precise_first = sorted(
            coming, key=lambda item: (self._vagueness(item[1]) > 1, item[0][0], item[1].key)
        )
        start, doc = precise_first[0][0][0], precise_first[0][1]
        between = self._undated_before(ctx, doc, pool)
        if between is not None:  # the edition before it has no date: it may be the next one
            name = event_name(ctx, between)
            where = place(ctx, between.city, between.country)
            text = ctx.phrase("date_unknown_of", name=name)
            if where:
                text = f"{name}{ctx.phrase('place_in', place=where)}. {text}"
                if reading.qtype == "where":  # the place asked is stated; only the date is not
                    return Decision(Reply(text, [between.id]), "where", 0.6)
            return Decision(ctx.handoff(text, sources=[between.id]), "when", 0.3)
        if start > ctx.today + NEXT_HORIZON:  # the next known is years away: not the next
            return Decision(ctx.handoff(sources=[doc.record_id]), "when", 0.2)
        if self._capital_unheld(ctx, reading, doc):  # "the next assembly of Eurocities"
            return Decision(ctx.handoff(), "when", 0.2)
        if self._says_none_of(doc, weighty):  # "the next local elections": not the next
            return Decision(ctx.handoff(), "when", 0.2)  # event, which says none of it
        asked = self._slot_of_relative(ctx, reading, doc)
        if asked is not None:  # "who organises the next conference": its organiser
            return asked
        reply = self._when(ctx, doc)
        if not reply.handoff and isinstance(doc.record, EventView):  # said as the next one
            key = "next_conference" if doc.kind == "conference" else "next_event"
            text = ctx.phrase(key, event=describe(ctx, doc.record))
            reply = Reply(text, reply.sources, target=reply.target)
        return Decision(reply, "when", 0.85 if not reply.handoff else 0.3)

    def _says_none_of(self, doc: Doc, weighty: list[set[str]]) -> bool:
        """Two or more words that narrow what the question asks the next or last of ("the
        next local elections", "who to vote for"), known to the records or not, that the
        event chosen does not hold: it was chosen for being next, not for what is asked."""
        unheld = [o for o in weighty if not _numbered(o) and not any(doc.terms.get(t) for t in o)]
        return len(unheld) >= UNACCOUNTED

    def _slot_of_relative(self, ctx: Context, reading: Reading, doc: Doc) -> Decision | None:
        """Asked who or where of the next or last event, that slot of it: its organiser, or
        its place, handed off when the record states no place (never its date alone). An
        event without an organiser keeps its date answer: French "qu'est-ce qui" (what) is
        read as who, so that case is left to the reading."""
        qtype = reading.qtype
        record = doc.record
        if qtype not in {"who", "where"} or not isinstance(record, EventView):
            return None
        if qtype == "who" and not record.organiser:
            return None  # "qu'est-ce qui vient" is read as who: its date, as before
        reply = self._event_slot(ctx, qtype, doc, record)
        if reply.handoff:
            return Decision(reply, qtype, 0.3)
        if qtype == "where":
            return None  # the date sentence says the place
        return Decision(reply, qtype, 0.8)

    def _undated_before(self, ctx: Context, chosen: Doc, pool: list[Doc]) -> EventView | None:
        """An undated edition of the chosen event's kind numbered before it and after every
        edition already over: then which one comes next is not known."""
        event = chosen.record
        if not isinstance(event, EventView) or not event.number:
            return None
        same = [d for d in pool if isinstance(d.record, EventView) and d.kind == chosen.kind]
        over = [self.span(d) for d in same]
        last_over = max((s[0].year for s in over if s is not None and s[1] < ctx.today), default=0)
        past = [
            d.record.number or 0
            for d, s in zip(same, over, strict=True)
            if s is not None and s[1] < ctx.today and isinstance(d.record, EventView)
        ]
        for doc in same:
            other = doc.record
            assert isinstance(other, EventView)
            number = other.number or 0
            era = self.era(doc)
            if other.span is not None or not max(past, default=0) < number < event.number:
                continue
            if era is not None and last_over > era:  # one of its kind is over since: it was too
                continue
            return other
        return None

    def _vagueness(self, doc: Doc) -> int:
        record = doc.record
        if isinstance(record, EventView):
            return {"day": 0, "month": 1, "year": 2}.get(record.precision, 3)
        return 1


def _day(ctx: Context) -> str:
    from hub.core.assistant.dates import day_words

    return day_words(ctx.today, ctx.language)


def _named(doc: Doc) -> set[str]:
    """The terms a record is named or dated by (its own name, its kind's names, its year),
    not those its text only mentions: the 2019 conference's text tells of work on its
    minutes, but neither "work" nor "minutes" names it; they name the step. The 2020
    conference, dated 2020, is named by "2020" though its name is "20th Conference"."""
    named = set().union(*doc.names, doc.kind_terms)
    starts = getattr(doc.record, "starts_on", None)
    return named | {f"y{starts.year}"} if starts is not None else named
