"""Who decided the items a record lists ("who set the thematic priorities for this year's
work?", "¿quién definió las prioridades temáticas del 2020?", "on i qui va validar el pla de
treball del 2013?"): the records asked name their decider in their data
(``defined_by: 2020 General Assembly``, ``approved_at: members-session-cascais-2013``), and
that body's own record answers, with the records that name it cited beside it.

Only a question asking who with a verb of deciding (:data:`DECIDING`, five languages) is
read so: "who organises the General Assembly?" still asks the organiser, which no record
states. The records asked are those holding a decider field that the question names (most
of its words held, its year theirs); when they name more than one decider, or none, the
question is left to the other ways of answering.
"""

from __future__ import annotations

from hub.core.assistant.answers_base import Decision, _numbered
from hub.core.assistant.answers_lists import ListAnswers
from hub.core.assistant.answers_slots import SlotAnswers
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.data_links import data_links
from hub.core.assistant.index import EntryView
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc

DECIDER_FIELDS = ("defined_by", "approved_at", "decided_by", "agreed_at")
"""Fields of an entry's data naming the body that decided it (defined, approved, agreed)."""
DECIDING = frozenset(
    {
        # English
        "decide",
        "decided",
        "define",
        "defined",
        "set",
        "chose",
        "chosen",
        "choose",
        "picked",
        "pick",
        "approved",
        "approve",
        "validated",
        "fixed",
        "established",
        "agreed",
        "adopted",
        # Spanish
        "decidio",
        "decidieron",
        "definio",
        "definieron",
        "definido",
        "fijo",
        "fijaron",
        "eligio",
        "eligieron",
        "escogio",
        "establecio",
        "aprobo",
        "aprobaron",
        "valido",
        "acordo",  # "decide", "define": written as the English
        # French
        "defini",
        "definies",
        "definis",
        "definie",
        "fixe",
        "fixees",
        "fixes",
        "choisi",
        "choisies",
        "approuve",
        "valide",
        "adopte",
        "etabli",
        # Catalan (the past is "va definir": the infinitive says it)
        "definir",
        "decidir",
        "fixar",
        "triar",
        "escollir",
        "aprovar",
        "validar",
        "acordar",
        "definit",
        "decidit",
        "fixat",
        "triat",
        "aprovat",
        "validat",
        # Portuguese
        "definiu",
        "definiram",
        "decidiu",
        "decidiram",
        "fixou",
        "escolheu",
        "escolheram",
        "estabeleceu",
        "aprovou",
        "aprovaram",
        "validou",
    }
)
"""Verbs of deciding, without accents: asked who with one, the decider of a thing is asked,
not who runs or organises it."""
NAMED_SHARE = 0.5
"""Share of the question's words a record holding a decider field must hold to be asked."""
DECIDER_CONFIDENCE = 0.6


class DeciderAnswers(SlotAnswers, ListAnswers):
    """The body the records asked name as their decider."""

    def _decider_named(
        self, ctx: Context, reading: Reading, terms: list[set[str]]
    ) -> Decision | None:
        """Asked who decided, the one body every record asked names in a decider field,
        answered with its own record's text; None when the question asks no decider, or
        the records asked name none or several."""
        if not DECIDING.intersection(reading.words) or not terms:
            return None
        asked = [o for o in terms if not o & self._deciding_terms(ctx)]
        if not asked:
            return None
        period = reading.period
        groups: dict[str, list[Doc]] = {}
        for doc in self._decided_docs:
            span = self._time_of(doc) if period is not None else None
            if period is not None and span is not None and not period.overlaps(*span):
                continue  # "this year's priorities": not another year's
            if any(_numbered(o) and not any(doc.terms.get(t) for t in o) for o in asked):
                continue  # "who approved the 2014-2015 plan?": not the 2013 plan
            if not self._decided_named(doc, asked):
                continue  # "who approved the work plan?": not a working group's
            for decider_id in self._decider_links.get(doc.record_id, ()):
                groups.setdefault(decider_id, []).append(doc)
        scored = sorted(
            (
                (
                    round(self._held_by_any(docs, asked), 6),
                    round(max(self.retriever.name_share(d, asked) for d in docs), 6),
                ),
                decider_id,
            )
            for decider_id, docs in groups.items()
        )
        if not scored or scored[-1][0][0] < NAMED_SHARE:
            return None
        if len(scored) > 1 and scored[-2][0] >= scored[-1][0]:
            return None  # two deciders named alike: neither is asked
        decider_id = scored[-1][1]
        named = groups[decider_id]
        if self._named_alike(named, asked):
            return None  # "who approved the work plan?": which plan is not said
        decider = next((d for d in self.retriever.docs if d.record_id == decider_id), None)
        if decider is None:
            return None
        reply = self._slot(ctx, reading, "what", decider)
        if reply.handoff:
            return None
        cited = [decider_id, *dict.fromkeys(d.record_id for d in named)]
        return Decision(Reply(reply.text, cited), "who", DECIDER_CONFIDENCE)

    def _decided_named(self, doc: Doc, terms: list[set[str]]) -> bool:
        """Whether the question names ``doc``: most of its name, a word of its own name no
        kind of record is called by ("climate", "statutes"), or a word only its kind is
        called by ("thematic"; not "work", which plans and working groups share)."""
        if self.retriever.name_share(doc, terms) >= NAMED_SHARE:
            return True
        asked = set().union(*terms) if terms else set()
        kinds = self._kind_terms
        shared = set().union(*(t for k, t in kinds.items() if k != doc.kind))
        own = set().union(*doc.names) - self._home_terms - set().union(*kinds.values())
        return bool(asked & (kinds.get(doc.kind, set()) - shared) or asked & own)

    def _named_alike(self, named: list[Doc], terms: list[set[str]]) -> bool:
        """Whether a record of the same kind as ``named``, naming no decider, is named by the
        question as much as they are by their own names ("the work plan": there are three)."""
        share = max(self.retriever.name_share(d, terms) for d in named)
        if share <= 0:
            return False
        kinds = {d.kind for d in named}
        return any(
            d.kind in kinds
            and d not in named
            and self.retriever.name_share(d, terms) >= share
            and not any(_numbered(o) and not any(d.terms.get(t) for t in o) for o in terms)
            for d in self.retriever.docs
        )

    @property
    def _kind_terms(self) -> dict[str, set[str]]:
        """Kind -> the terms its records are called by."""
        cached: dict[str, set[str]] | None = getattr(self, "_kind_terms_cache", None)
        if cached is None:
            cached = {}
            for doc in self.retriever.docs:
                cached.setdefault(doc.kind, set()).update(doc.kind_terms)
            self._kind_terms_cache = cached
        return cached

    def _held_by_any(self, docs: list[Doc], terms: list[set[str]]) -> float:
        """Share of the question's words (by rarity) that one of ``docs`` or another holds
        ("climate and gender": one priority each)."""
        idf = self.retriever.idf
        top_idf = max(idf.values(), default=1.0)
        total = held = 0.0
        for options in terms:
            weights = [idf[t] for t in options if t in idf]
            weight = max(weights) if weights else top_idf
            total += weight
            if any(d.terms.get(t) for d in docs for t in options):
                held += weight
        return held / total if total else 0.0

    def _deciding_terms(self, ctx: Context) -> set[str]:
        """The terms of the deciding verbs, as the question's words are analysed."""
        return {t for w in DECIDING for t in self.retriever.analyser.terms(w, ctx.language)}

    @property
    def _decided_docs(self) -> list[Doc]:
        """The entries whose data names the body that decided them."""
        cached: list[Doc] | None = getattr(self, "_decided_cache", None)
        if cached is None:
            cached = [
                d
                for d in self.retriever.docs
                if isinstance(d.record, EntryView)
                and d.group == "entry"
                and any(isinstance(d.record.data.get(k), str) for k in DECIDER_FIELDS)
            ]
            self._decided_cache = cached
        return cached

    @property
    def _decider_links(self) -> dict[str, list[str]]:
        """Entry id -> the records its decider fields name."""
        cached: dict[str, list[str]] | None = getattr(self, "_decider_cache", None)
        if cached is None:
            links = data_links(self.retriever.docs, self.retriever.analyser, self._home_terms)
            by_id = {d.record_id: d for d in self.retriever.docs}
            cached = {}
            for doc in self._decided_docs:
                assert isinstance(doc.record, EntryView)
                values = {doc.record.data.get(k) for k in DECIDER_FIELDS} - {None}
                found = []
                for linked in links.get(doc.record_id, ()):
                    record = by_id[linked].record if linked in by_id else None
                    english = record.name.get("en", "") if record is not None else ""
                    if linked in values or self._names_value(english, values):
                        found.append(linked)
                cached[doc.record_id] = found
            self._decider_cache = cached
        return cached

    def _names_value(self, english: str, values: set[object]) -> bool:
        """Whether a record's English name is one of ``values`` (the network's name aside)."""
        analyser = self.retriever.analyser
        home = self._home_terms
        name = set(analyser.terms(english, "en")) - home
        return any(
            isinstance(v, str) and name and set(analyser.terms(v, "en")) - home == name
            for v in values
        )
