"""What a work plan named by its years says about a kind of thing, when the ordinary answer
is the enumeration of every record of that kind, or another part of the plan: "which
regional offices was the 2013 plan to consolidate?", "with which countries did the
2014-2015 plan want to open contacts?", "what role do the antennas play in the 2013 plan?",
"which other conferences does the 2014-2015 plan foresee?".

The question asks what one document says, so a part of THAT plan (its line, priority,
action or task) holding the question's topic better than the records answered is the
answer (:mod:`~hub.core.assistant.plan_named_lists` finds the plan and the topic):

- The answer cites records that are neither the plan nor one of its parts (every regional
  office, the planned ones, a record quoting the plan), and a part of the plan holds more
  of the topic than any of them (as many, more of it in its own name): the part answers,
  alone. When it holds as much as they do, all of a topic of two words or more ("the
  offices it would consolidate", not "the projects of the plan"), the part heads the
  answer: it is what the plan says, the records follow. An answer citing that part
  already (the working groups the plan creates, its priority on them after) stays.
- A word naming a kind of place ("regions", "countries", "continents") is what is asked, not
  a word the part must write: a part naming a world region (Asia, Africa) holds it.
- The answer is another part of the plan while the question says, word for word, the whole
  name of one part holding the topic ("other conferences": the priority called so, not the
  15th Conference's) and the answer does not cite it: that part answers in place of
  another part of the plan, and heads an answer citing records ("regional offices": the
  priority so named, the planned offices after).

Left as they are: a record the question names whole ("what is the Global PB Hub the 2020
plan mentions?"), questions naming no plan ("which regional offices are there?": every
office), the plan as a whole or its parts by their kind ("the priorities of the 2014-2015
plan"), a period ("the events this year in the 2020 plan"), and handoffs.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.plan_named_lists import (
    ASKED_TYPES,
    PlanNamedLists,
    _data,
    _plan_years,
    _years_of,
)
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary import LANGUAGES
from hub.core.assistant.vocabulary_file import load_vocabulary

_WORD = re.compile(r"[a-z0-9]+")

CONTINENTS = ("002", "019", "142", "150", "009")
"""The UN M49 codes of the world's continents (Africa, Americas, Asia, Europe, Oceania):
a part writing one of their names names a region."""

LEAST_HELD = 2
"""A part answers in place of an enumeration only holding at least this many topic words."""

NAME_WORDS = 2
"""A part's name said word for word names it from this many words ("Other conferences"); a
one-word name ("Newsletter") is said by any question on its topic."""


@cache
def place_kind_words() -> dict[str, frozenset[str]]:
    """The words naming a kind of place ("regions", "països"), per language."""
    section = load_vocabulary().sections.get("plan_part_asked") or {}
    words = section.get("place_kinds") or {}
    return {str(k): frozenset(normalise(str(w)) for w in v) for k, v in words.items()}


@cache
def _continent_names() -> dict[str, frozenset[str]]:
    """The continents' names (Babel's), normalised, per language."""
    out: dict[str, frozenset[str]] = {}
    for language in LANGUAGES:
        territories = Locale.parse(language).territories
        out[language] = frozenset(
            normalise(str(territories[code])) for code in CONTINENTS if code in territories
        )
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


class PlanPartAsked(PlanNamedLists):
    """The part of the named plan holding the topic, in place of an enumeration of a kind or
    of another part of the plan (see the module)."""

    def _plan_part_asked(
        self,
        ctx: Context,
        reading: Reading,
        qtype: str,
        terms: list[set[str]],
        decision: Decision,
    ) -> Decision:
        """``decision``, or the part of the plan the question names by its years that holds
        what it asks better than the records cited."""
        if qtype not in ASKED_TYPES or not terms or reading.period is not None:
            return decision
        if decision.reply.handoff or not decision.reply.sources:
            return decision
        plan = self._plan_named(reading)
        if plan is None:
            return decision
        topic = self._plan_topic(ctx, reading, plan, terms)
        if not topic:
            return decision
        years = _plan_years(plan)
        parts = [d for d in self._plan_parts() if _years_of(_data(d).get("work_plan")) <= years]
        by_id = {d.record_id: d for d in reversed(self.retriever.docs)}
        cited = [by_id[i] for i in decision.reply.sources if i in by_id]
        if not cited:
            return decision
        records = [d for d in cited if d is not plan and d not in self._plan_parts()]
        if cited[0] in records and self.retriever.name_share(cited[0], terms) >= 1.0:
            return decision  # "the Global PB Hub the 2020 plan mentions": that record, named
        named = self._named_whole(ctx, reading, parts, topic)
        if named is not None and named not in cited:  # "other conferences": that part,
            if not records or cited[0] is plan or cited[0] in self._plan_parts():
                return self._parts_answer(ctx, reading, plan, [named])  # not another one
            return self._ahead(ctx, reading, plan, [named], decision)  # the records after
        if cited[0] is plan or cited[0] in parts or not records:
            return decision  # answered from the plan, or its parts, already
        places = self._place_kinds(ctx, reading, topic)
        best, held = self._parts_best(parts, topic, places, ctx.language)
        if not best or held < LEAST_HELD or any(d in cited for d in best):
            return decision  # the part is cited already: "the new working groups" it lists
        most = max(self._held_named(d, topic, places, ctx.language) for d in records)
        if self._held_named(best[0], topic, places, ctx.language) > most:  # it says more
            return self._parts_answer(ctx, reading, plan, best)  # of it than any record
        if held == most[0] == len(topic):  # as much: the plan's own words, then the list
            return self._ahead(ctx, reading, plan, best, decision)
        return decision

    def _ahead(
        self, ctx: Context, reading: Reading, plan: Doc, parts: list[Doc], decision: Decision
    ) -> Decision:
        """``decision`` headed by what the plan's ``parts`` say, cited first."""
        head = self._parts_answer(ctx, reading, plan, parts)
        sources = [*head.reply.sources]
        sources += [i for i in decision.reply.sources if i not in sources]
        text = f"{head.reply.text}\n{decision.reply.text}"
        return Decision(Reply(text, sources), decision.intent, decision.confidence)

    def _place_kinds(self, ctx: Context, reading: Reading, topic: list[set[str]]) -> list[set[str]]:
        """The topic's words that are a place kind's word the question says ("regions")."""
        said = set(_words(reading.text)) & place_kind_words().get(ctx.language, frozenset())
        analyser = self.retriever.analyser
        kind_terms = {t for w in said for t in analyser.terms(w, ctx.language)}
        return [o for o in topic if o & kind_terms]

    def _names_region(self, doc: Doc, language: str) -> bool:
        """The part writes the name of a continent ("Asia", "l'Àfrica")."""
        analyser = self.retriever.analyser
        for name in _continent_names().get(language, frozenset()):
            terms = [analyser.terms(w, language) for w in _words(name)]
            if terms and all(any(doc.terms.get(t) for t in ts) for ts in terms if ts):
                return True
        return False

    def _held(self, doc: Doc, topic: list[set[str]], places: list[set[str]], language: str) -> int:
        """How many of the topic's words ``doc`` holds, a place kind's word counting as
        held by a record naming a world region."""
        region = bool(places) and self._names_region(doc, language)
        return sum(
            1
            for o in topic
            if any(doc.terms.get(t) for t in o) or (region and any(o is p for p in places))
        )

    def _held_named(
        self, doc: Doc, topic: list[set[str]], places: list[set[str]], language: str
    ) -> tuple[int, int]:
        """How many of the topic's words ``doc`` holds, then how many in its own name."""
        own = set().union(*doc.names) if doc.names else set()
        return self._held(doc, topic, places, language), sum(1 for o in topic if o & own)

    def _parts_best(
        self, parts: list[Doc], topic: list[set[str]], places: list[set[str]], language: str
    ) -> tuple[list[Doc], int]:
        """The parts holding the most of the topic (at least half of it, a word of it in
        their own name unless they hold all), the most in their own name first; with how
        many they hold."""
        scored: list[tuple[int, int, Doc]] = []
        for doc in parts:
            held, in_name = self._held_named(doc, topic, places, language)
            if 2 * held < len(topic) or (not in_name and held < len(topic)):
                continue
            scored.append((held, in_name, doc))
        if not scored:
            return [], 0
        top = max((h, n) for h, n, _ in scored)
        best = [d for h, n, d in scored if (h, n) == top]
        return (best, top[0]) if len(best) == 1 else ([], 0)

    def _named_whole(
        self, ctx: Context, reading: Reading, parts: list[Doc], topic: list[set[str]]
    ) -> Doc | None:
        """The one part holding a topic word in its name whose whole name, in the asker's
        language, the question says word for word ("Other conferences")."""
        said = set(_words(reading.text))
        named = []
        for doc in parts:
            own = set().union(*doc.names) if doc.names else set()
            words = _words(self._name(ctx, doc))
            if len(words) >= NAME_WORDS and set(words) <= said and any(o & own for o in topic):
                named.append(doc)
        return named[0] if len(named) == 1 else None
