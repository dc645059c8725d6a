"""The items one record enumerates ("the steps of the action plan cycle", "els objectius del
pla 2020", "les façons de participer au Challenge"): the record whose data lists them, named
by the question, answers with its own text, which states them all.

The items are asked by the words of a list field of a record's data in the plural
(:file:`vocabulary.yaml`, ``enumerations``: ``steps`` is "steps", "etapas", "étape par
étape"...). Only the records holding such a field can answer, and only the one the question
names: by a word of its own name, holding every other word the question says that any
record holds (a year, a place, "local"), the count it says ("the ten areas") and the
words asking for the whole list ("from start to finish") set aside. Two records named
alike, or none, leave the question to the other ways of answering.
"""

from __future__ import annotations

from functools import cached_property

from hub.core.assistant.answers_base import Decision, _numbered
from hub.core.assistant.answers_lists import ListAnswers
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.asking import proper_name_words
from hub.core.assistant.context import Context
from hub.core.assistant.index import EntryView
from hub.core.assistant.plan_parts import kind_words, label_number, labelled_parts
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.vocabulary import WHOLE_LIST

ENUMERATED_SLOTS = frozenset({"list", "what", "join"})
"""Slots a question asking for a record's items is read as ("which steps", "what are the
objectives", "the ways to take part in the Challenge")."""
NAMED_SHARE = 0.5
"""Share of a record's own name a question must say for a word no record holds ("des de
l'adhesió", "aconsegueix") to be the asker's own, not another thing named."""
ENUMERATION_CONFIDENCE = 0.6
PART_HELD = 0.5
"""Share of the question a part named only around it must hold to be what is asked."""
PART_SLOTS = frozenset({"what", "list", "join", "share"})
"""Slots a question naming a part by its number is answered in with the part's text ("what
does task 15 consist of", "task 22 mentions a platform: which one?")."""


class EnumerationAnswers(SlotAnswers, ListAnswers):
    """The record whose own list the question asks for."""

    def _enumerated(
        self, ctx: Context, reading: Reading, qtype: str, terms: list[set[str]]
    ) -> Decision | None:
        """The record enumerating the items asked, answered with its text; None when the
        question asks no record's items, or not one record's only."""
        if qtype not in ENUMERATED_SLOTS:
            return None
        words = list(reading.words)
        found = self.retriever.vocabulary.enumerations.find(words, fuzzy=False)
        fields = {f.value for f in found if f.value != WHOLE_LIST}
        if not fields:
            return None
        counts = self._count_terms(ctx, reading)
        chosen: list[tuple[tuple[float, float], Doc]] = []
        period = reading.period
        for doc, own_fields in self._listing_docs:
            listed = fields & own_fields
            if not listed:
                continue
            span = self._time_of(doc) if period is not None else None
            if period is not None and span is not None and not period.overlaps(*span):
                continue  # "the outside events of this year": not 2013's task
            said = [
                w for f in found if f.value in listed | {WHOLE_LIST} for w in words[f.start : f.end]
            ]
            items = set().union(*self.retriever.query_terms(said, ctx.language))
            rest = [o for o in terms if not o & items and not o <= counts]
            if self._names_enumerator(ctx, reading, doc, rest):
                share = self.retriever.name_share(doc, rest)
                chosen.append(((round(self.coverage(doc, rest), 6), round(share, 6)), doc))
        if not chosen:
            return None
        chosen.sort(key=lambda item: item[0], reverse=True)
        if len(chosen) > 1 and chosen[1][0] >= chosen[0][0]:
            return None  # two records named alike: neither is asked
        reply = self._slot(ctx, reading, "what", chosen[0][1])
        if reply.handoff:
            return None
        return Decision(reply, "list", ENUMERATION_CONFIDENCE)

    def _whole_listed(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """A list asked by the whole name of a record its parts are named after ("which OGP
        Local circles are there", "les thématiques des cercles OGP Local"): that record,
        whose text names each part, answers. Not when a word of the question is held by
        some of its parts and not others ("the circle on inclusion": that part is asked), nor
        when another record holds more of the question."""
        counts = self._count_terms(ctx, reading)
        rest_of = [o for o in terms if not o <= counts]
        named = [d for d in self._part_wholes if self.retriever.name_share(d, rest_of) >= 0.99]
        if len(named) != 1:
            return None
        whole = named[0]
        parts = [d for d in self.retriever.docs if whole.key in d.wholes]
        own = set().union(*whole.names)
        rest = [o for o in rest_of if not o & own]
        for options in rest:
            held = sum(1 for p in parts if any(p.terms.get(t) for t in options))
            if 0 < held < len(parts):
                return None
        if not self._names_enumerator(ctx, reading, whole, rest_of):
            return None
        reach = self.coverage(whole, rest_of)
        if any(
            self.coverage(d, rest_of) > reach
            for d in self.retriever.docs
            if d is not whole and whole.key not in d.wholes
        ):  # "comment participer à l'Open Gov Challenge": how to take part, not its areas
            return None
        kinds = _parts_kind_asked(whole, parts, terms)
        if len(kinds) >= 2:  # "the tasks of priority B": its tasks, which its text never names
            return self._listed(ctx, kinds, ENUMERATION_CONFIDENCE, terms)
        reply = self._slot(ctx, reading, "what", whole)
        return None if reply.handoff else Decision(reply, "list", ENUMERATION_CONFIDENCE)

    def _labelled_part(self, ctx: Context, reading: Reading, decision: Decision) -> Decision | None:
        """The one part the message names by its number ("la tarea
        15 del plan 2020"), answered with its text when the question asks what it is or
        holds and the answer found otherwise is handed off, or cites neither it nor a record
        whose text names it while the part holds as much of the question as the first
        record cited ("task 22 refers
        to an online platform: what is it called?": not the "African Platform" office).
        None when no part, or several, are so named."""
        if (reading.qtype or "what") not in PART_SLOTS:
            return None
        analyser = self.retriever.analyser

        def is_kind(word: str, doc: Doc) -> bool:
            return bool(kind_words([word], doc, analyser, ctx.language))

        parts = labelled_parts(reading.message, self.retriever.docs, is_kind)
        if len(parts) != 1:
            return None
        part = parts[0]
        terms = self.retriever.query_terms(list(reading.words), ctx.language)
        reach = self.coverage(part, terms)
        if part not in labelled_parts(reading.words, [part], is_kind) and reach < PART_HELD:
            return None  # "I work on task 5. What is the password?": not the task's
        reply = decision.reply
        if not reply.handoff and not self._listed_among(reading, decision, part):
            if any(i == part.record_id or self._names_part(i, part) for i in reply.sources):
                return None
            first = [d for d in self.retriever.docs if d.record_id == reply.sources[0]]
            if any(self.coverage(d, terms) > reach for d in first):
                return None  # "I work on task 5: what are the regional offices?"
        answer = self._slot(ctx, reading, "what", part)
        return None if answer.handoff else Decision(answer, "what", ENUMERATION_CONFIDENCE)

    def _listed_among(self, reading: Reading, decision: Decision, part: Doc) -> bool:
        """Whether the answer found is a list of several records, ``part`` among them, while
        the question names no kind in the plural ("tarea 21 plan 2020?", "task 7?"): the
        number names that one record, not its kind's list ("the tasks of the plan")."""
        sources = decision.reply.sources
        return (
            decision.intent == "list"
            and len(sources) > 1
            and part.record_id in sources
            and not self._kind_in_plural(reading)
        )

    def _names_part(self, record_id: str, part: Doc) -> bool:
        """Whether the record ``record_id`` names ``part`` in its text by its number and a
        word of its kind ("the PARTICIPATE platform (2020 task 22)")."""
        label = f"#{label_number(part)}"
        return any(
            d.record_id == record_id and label in d.terms and d.terms.keys() & part.kind_terms
            for d in self.retriever.docs
        )

    @cached_property
    def _listing_docs(self) -> list[tuple[Doc, set[str]]]:
        """The entries whose data lists two items or more in a field, with those fields."""
        return [(d, fields) for d in self.retriever.docs if (fields := _list_fields(d))]

    @cached_property
    def _part_wholes(self) -> list[Doc]:
        """The entries other records are parts of."""
        keys = {key for d in self.retriever.docs for key in d.wholes}
        return [d for d in self.retriever.docs if d.key in keys and d.group == "entry"]

    def _names_enumerator(
        self, ctx: Context, reading: Reading, doc: Doc, rest: list[set[str]]
    ) -> bool:
        """The question names ``doc`` by its own words: it says a rare word of its name (not
        the network's) or most of its name, and the record holds every year, number, place,
        body or name the question says (not those of another thing) but the network's own,
        which all its records are of. Any other word it lacks is the asker's own ("set",
        "marca", "des de l'adhesió") only when the question says most of its name."""
        home = self._home_terms
        own = set().union(*doc.names) - home if doc.names else set()
        share = self.retriever.name_share(doc, rest)
        if not any(o & own and self._weighty(o) for o in rest) and share < NAMED_SHARE:
            return False  # "eventos sobre presupuesto participativo": no activity named
        missing = [o for o in rest if not any(doc.terms.get(t) for t in o) and not o & home]
        if not missing:
            return True
        named = self._named_terms(ctx, reading)
        if any(_numbered(o) or o & named for o in missing):
            return False
        return share >= NAMED_SHARE

    def _named_terms(self, ctx: Context, reading: Reading) -> set[str]:
        """The terms of the places, bodies and names the question says (its capitalised
        words inside a sentence, the records' places and acronyms)."""
        written = self.retriever.query_terms(sorted(proper_name_words(reading.text)), ctx.language)
        return (
            self.retriever.place_terms
            | self._body_terms
            | (set().union(*written) if written else set())
        )


def _list_fields(doc: Doc) -> set[str]:
    """The fields of an entry's data that list two items or more; an award edition's dated
    steps are its ``steps`` ("les étapes du prix 2020": preparation, call, evaluation)."""
    record = doc.record
    if doc.group == "award" and doc.step is None:
        steps = getattr(record, "steps", None) or {}
        return {"steps"} if sum(1 for s in steps.values() if s.starts_on) >= 2 else set()
    if doc.group != "entry" or not isinstance(record, EntryView):
        return set()
    return {k for k, v in record.data.items() if isinstance(v, list) and len(v) >= 2}


def _parts_kind_asked(whole: Doc, parts: list[Doc], terms: list[set[str]]) -> list[Doc]:
    """The parts of ``whole`` of another kind that the question names by a word of that kind
    and not of the whole's own ("les tâches de la priorité B": tasks, not priorities)."""
    said = set().union(*terms) - whole.kind_terms if terms else set()
    return [p for p in parts if p.kind != whole.kind and p.kind_terms & said]
