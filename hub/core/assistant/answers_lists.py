"""Lists of a kind ("the working groups", "the offices planned in 2020"): the records of
the kind a question names, those of the current era first, narrowed by what else it says.
"""

from __future__ import annotations

import datetime as dt

from hub.core.assistant.answers_base import MAX_LISTED, NOT_LISTED, Decision, _numbered
from hub.core.assistant.context import Context, Reply, describe
from hub.core.assistant.data_links import data_links
from hub.core.assistant.dates import Period
from hub.core.assistant.index import AwardView, EntryView, EventView, text_in
from hub.core.assistant.known_as_lists import KnownAsLists
from hub.core.assistant.list_set_aside import SetAsideLists
from hub.core.assistant.list_words import (
    MENTIONING,
    bare,
    existing_words,
    planned_record,
)
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import HOME, Doc
from hub.core.assistant.text import normalise


class ListAnswers(SetAsideLists, KnownAsLists):
    """The records of a kind a question lists."""

    def _kind_list(
        self,
        ctx: Context,
        kind_terms: set[str],
        asked: bool,
        reading: Reading | None = None,
        terms: list[set[str]] | None = None,
        aside: list[set[str]] | None = None,
    ) -> Decision | None:
        """Every record of the kind the question names and nothing narrower ("which working
        groups are there?"); None when that is not one or two kinds of entries or events.
        A kind counts only when one of its names is said whole ("what is the secretariat
        working on" names no working group); a period the question gives ("the priorities
        for this year") keeps the records of that time. The records the question sets aside
        by a word of their own name (``aside``: "besides climate") are not listed."""
        said = set().union(*terms) if terms else set(kind_terms)
        docs = [
            d
            for d in self.retriever.docs
            if d.group in {"entry", "event"}
            and d.kind not in NOT_LISTED
            and self._kind_of(d) & kind_terms
            and self._kind_said_whole(d.kind, said)
        ]
        if reading is not None and self._missing_label(reading):
            return Decision(ctx.handoff(ctx.phrase("no_such_record")), "list", 0.1)
        if reading is not None and existing_words(reading):
            docs = [d for d in docs if not planned_record(d)]
        period = reading.period if reading is not None else None
        parts = self._parts_of_dated_whole(ctx, docs, kind_terms, period) if asked else []
        if aside:
            parts = self._without_set_aside(parts, aside)
        if len(parts) >= 2:  # "the lines of this year's work plan": that plan's lines
            return self._listed(ctx, parts, 0.75, terms)
        if period is not None:
            docs = self._undated_or_in(docs, period)
        elif reading is not None:
            docs = self._current_era(ctx, docs)
        awards = [d for d in self.retriever.docs if d.group == "award"]
        award_named = max((len(d.kind_terms & kind_terms) for d in awards), default=0)
        if not docs and award_named and asked and len(awards) >= 2:  # "quins premis hi ha?":
            docs = [d for d in awards if d.kind_terms & kind_terms]  # the award's editions
            if period is not None:
                docs = self._undated_or_in(docs, period)
            return self._listed(ctx, docs, 0.75) if len(docs) >= 2 else None
        if docs:  # the kind whose name the question says most fully ("thematic priority")
            most = max(len(self._kind_of(d) & kind_terms) for d in docs)
            if award_named >= most:  # "award call": the award is asked about, not a list
                return None
            docs = [d for d in docs if len(self._kind_of(d) & kind_terms) == most]
        if aside:
            docs = self._without_set_aside(docs, aside)
        kinds = {d.kind for d in docs}
        if not docs or len(kinds) > 2:
            return Decision(ctx.handoff(), "list", 0.2) if asked else None
        if len(docs) == 1:
            return None
        return self._listed(ctx, docs, 0.8)

    def _existing_said(self, ctx: Context, reading: Reading) -> set[str]:
        """The terms of the words by which a question asks for the records that exist, not
        those planned (:data:`EXISTING`); empty when it says none."""
        said = existing_words(reading)
        found = self.retriever.query_terms(said, ctx.language) if said else []
        return set().union(*map(bare, found)) if found else set()

    def _named_subset(
        self, docs: list[Doc], terms: list[set[str]], kind_terms: set[str]
    ) -> list[Doc]:
        """The records of a listed kind whose own name holds a word of the question beyond
        the kind's ("the offices planned": those named "... (planned)", "oficines previstes":
        "(prevista)"): a status or a trait the names of some, not all, of them state. The
        whole list when no such word is said, or when it is in every name or in none."""
        kind_words = kind_terms | set().union(*(self._kind_of(d) for d in docs))
        home = [d for d in self.retriever.docs if d.record_id == HOME]
        network = set().union(*(n for d in home for n in d.names))  # "the IOPD's offices"
        kept = docs
        for options in terms:
            if options & (kind_words | network) or any(c.isdigit() for t in options for c in t):
                continue  # a year or a number names an edition, not a trait
            named = [d for d in kept if any(options & name for name in d.names)]
            if 2 <= len(named) < len(kept):
                kept = named
        if kept is not docs:  # "the lines improving the network in 2013": not 2014's too
            numbered = [o for o in terms if _numbered(o)]
            kept = [d for d in kept if all(any(d.terms.get(t) for t in o) for o in numbered)]
        return kept

    def _current_era(self, ctx: Context, docs: list[Doc]) -> list[Doc]:
        """Parts of several plans (priorities, tasks), none dated by the question: those of
        the latest plan at now ("what are the priorities?" in 2020: the 2020 plan's, not
        2013's); all of them when they are not all parts of dated plans."""
        if not docs or any(d.group != "entry" or not d.wholes for d in docs):
            return docs  # standing bodies (working groups, offices) are not superseded
        eras = [self.era(d) for d in docs]
        if any(e is None for e in eras) or len(set(eras)) < 2:
            return docs
        known = [e for e in eras if e is not None and e <= ctx.today.year]
        if not known:
            return docs
        latest = max(known)
        return [d for d, e in zip(docs, eras, strict=True) if e == latest]

    def _kind_said_whole(self, kind: str, said: set[str]) -> bool:
        """Some name of ``kind``, in some language, is said with all its words."""
        if not hasattr(self, "_kind_names_cache"):
            analyser = self.retriever.analyser
            self._kind_names_cache: dict[str, list[set[str]]] = {
                k: [
                    set(analyser.terms(phrase, language))
                    for language, phrases in by_language.items()
                    for phrase in phrases
                ]
                for k, by_language in self.retriever.vocabulary.kinds.items()
            }
        names = self._kind_names_cache.get(kind)
        if not names:
            return True  # a kind the vocabulary does not name: as before
        return any(name and name <= said for name in names)

    def _kind_matching(
        self,
        ctx: Context,
        reading: Reading,
        kind_terms: set[str],
        weighty: list[set[str]],
        terms: list[set[str]],
    ) -> Decision | None:
        """The records of a kind that the rest of the question narrows ("events in Chicago").
        A count the question says ("the four priorities", "les deux groupes") is how many it
        expects, not a word the records listed must hold."""
        counts = self._count_terms(ctx, reading)
        weighty = [o for o in weighty if not o <= counts]
        existing = self._existing_said(ctx, reading)
        if existing_words(reading):  # "the offices actually opened", "neste momento"
            weighty = [o for o in weighty if not bare(o) & existing]
            terms = [o for o in terms if not bare(o) & existing]
            if not weighty:
                return self._kind_list(ctx, kind_terms, True, reading, terms)
        mentioning = [w for w in reading.words if w in MENTIONING]
        if mentioning:  # "the groups the plan mentions": the plan's, not groups that mention
            found = self.retriever.query_terms(mentioning, ctx.language)
            said = set().union(*map(bare, found)) if found else set()
            weighty = [o for o in weighty if not bare(o) & said]
            terms = [o for o in terms if not bare(o) & said]
        aside, named = self._set_aside(ctx, reading)
        named = [o for o in named if not o & kind_terms]  # "pas les bureaux prévus": the kind
        if aside:  # "besides climate and gender": no word a listed record must hold
            weighty = [o for o in weighty if not o & aside or o & kind_terms]
            terms = [o for o in terms if not o & aside or o & kind_terms]
        parts = self._parts_of_named_whole(kind_terms, weighty)
        if not weighty:  # "the four lines of this year's plan": a count and a time only
            named_kinds = [d for d in self.retriever.docs if d.kind_terms & kind_terms]
            parts = self._parts_of_dated_whole(ctx, named_kinds, kind_terms, reading.period)
        if named:
            parts = self._without_set_aside(parts, named)
        if len(parts) >= 2:  # "the four lines of the 2013 work plan": that plan's lines
            return self._listed(ctx, parts, 0.75, terms)
        if not weighty and aside:  # "besides climate, the priorities of this year": nothing
            return self._kind_list(ctx, kind_terms, True, reading, terms, named)  # else narrows
        pool = [
            d
            for d in self.retriever.docs
            if d.group in {"entry", "event"}
            and d.kind not in NOT_LISTED
            and d.kind_terms & kind_terms
        ]
        if pool:  # the kind named most fully: "prioridades temáticas" lists no strategic one
            most = max(len(self._kind_of(d) & kind_terms) for d in pool)
            pool = [d for d in pool if len(self._kind_of(d) & kind_terms) == most]
        plural = self.retriever.query_terms(self._plural_kind_words(reading), ctx.language)
        plural_terms = set().union(*plural) if plural else set()
        if len({d.kind for d in pool}) > 1 and plural_terms:  # "the groups of the plan":
            listed = [d for d in pool if d.kind_terms & plural_terms]  # groups, not plans
            pool = listed if len({d.kind for d in listed}) == 1 else pool
        chosen = [d for d in pool if self.coverage(d, weighty) >= 0.99]
        if len(chosen) < 2 and len({d.kind for d in pool}) == 1:
            chosen = self._held_by_some(pool, weighty) or chosen
        if (
            len(chosen) < 2
            and len({d.kind for d in pool}) == 1
            and reading.qtype == "list"
            and not reading.polar
        ):
            chosen = self._named_subset(pool, weighty, kind_terms)  # "oficines previstes":
            chosen = [] if len(chosen) == len(pool) else chosen
        if (
            len(chosen) < 2
            and len({d.kind for d in pool}) == 1
            and not self._missing_label(reading)
        ):  # "las prioridades temáticas que fijó la Asamblea"
            chosen = self._held_other_kind(pool, terms, kind_terms) or chosen
        if named:
            chosen = self._without_set_aside(chosen, named)
        if len(chosen) < 2:  # "the cities the deck shows as OGP Local examples"
            return self._known_as_group(ctx, reading)
        return self._listed(ctx, chosen, 0.75, terms)

    def _held_other_kind(
        self, pool: list[Doc], terms: list[set[str]], kind_terms: set[str]
    ) -> list[Doc]:
        """The records of the kind listed whose text names the other kind the question says
        ("the thematic priorities the Assembly set": those "defined by the General
        Assembly"), when two or more, not all, do; empty otherwise. The kinds of the wholes
        the listed records are parts of are no other kind ("the tasks of priority F": a
        task whose text says "priority" is no part of it)."""
        wholes = {w for d in pool for w in d.wholes}
        own = self._kind_of(pool[0]).union(
            *(self._kind_of(d) for d in self.retriever.docs if d.key in wholes)
        )
        other = [o for o in terms if o & kind_terms and not o & own]
        if not other:
            return []
        held = [d for d in pool if all(any(d.terms.get(t) for t in o) for o in other)]
        return held if 2 <= len(held) < len(pool) else []

    def _held_by_some(self, pool: list[Doc], weighty: list[set[str]]) -> list[Doc]:
        """The records of one kind that hold every year or number the question says and each
        word that some, not all, of them hold ("the groups of 2014-2015 whose continuity was
        discussed": the two that say so); a word none of them holds is the asker's own
        ("existían", "se discutía"). Empty unless the question says a year or a number and
        such a word narrows them to two or more."""
        numbered = [o for o in weighty if _numbered(o)]
        if not numbered:  # no time or number said: body words alone are no trait
            return []
        kept = [d for d in pool if all(any(d.terms.get(t) for t in o) for o in numbered)]
        narrowed = False
        for options in weighty:
            if options in numbered:
                continue
            held = [d for d in kept if any(d.terms.get(t) for t in options)]
            if held and len(held) < len(kept):
                kept, narrowed = held, True
        return kept if narrowed and len(kept) >= 2 else []

    def _parts_of_named_whole(self, kind_terms: set[str], weighty: list[set[str]]) -> list[Doc]:
        """Two kinds named, one the whole of the other ("the lines of the 2013 work plan"):
        the parts, of the kind named most fully, of the one record of the whole's kind that
        holds all else the question says; empty when there is not exactly one such whole."""
        if not weighty:
            return []
        holders = [
            d
            for d in self.retriever.docs
            if d.group == "entry"
            and d.kind_terms & kind_terms
            and self.coverage(d, weighty) >= 0.99
            and any(p.kind != d.kind for p in self._parts(d))
        ]
        if not holders:
            holders = self._labelled_holders(kind_terms, weighty)
        if len(holders) > 1:  # the one named so ("the 2013 plan", not one that mentions 2013)
            named = [d for d in holders if all(o & self._own_terms(d) for o in weighty)]
            holders = named or self._named_most(holders, weighty)
        if len(holders) != 1:
            return []
        whole = holders[0]
        parts = [
            p for p in self._parts(whole) if p.kind != whole.kind and p.kind_terms & kind_terms
        ]
        if not parts:
            return []
        most = max(len(self._kind_of(p) & kind_terms) for p in parts)
        return [p for p in parts if len(self._kind_of(p) & kind_terms) == most]

    def _labelled_holders(self, kind_terms: set[str], weighty: list[set[str]]) -> list[Doc]:
        """The one whole the question names by its label and year ("priority B of the 2020
        plan"), when its other words ("forman", "numbers") are held neither by that whole
        nor by any of its parts: the asker's own words, not a trait of the parts listed."""
        labelled = [o for o in weighty if any(t[:1] == "#" and t[1:].isalpha() for t in o)]
        if not labelled:
            return []
        numbered = [o for o in weighty if _numbered(o) or o in labelled]
        found = [
            d
            for d in self.retriever.docs
            if d.group == "entry"
            and d.kind_terms & kind_terms
            and all(any(d.terms.get(t) for t in o) for o in numbered)
            and any(o & self._labels(d) for o in numbered)
            and any(p.kind != d.kind for p in self._parts(d))
        ]
        if len(found) != 1:
            return []
        rest = [o for o in weighty if o not in numbered]
        held = [found[0], *self._parts(found[0])]
        if any(d.terms.get(t) for o in rest for d in held for t in o):
            return []
        return found

    def _kind_in_plural(self, reading: Reading) -> bool:
        """The question names a kind in the plural, its singular plus "s" or with "-ies"
        ("les priorités thématiques 2020 ?", "thematic priorities 2020?"): the records of
        that kind are asked, a list, though no question word says so."""
        return bool(self._plural_kind_words(reading))

    def _plural_kind_words(self, reading: Reading) -> list[str]:
        """The singulars of the kinds' words the question says in the plural ("priorités":
        "priorité", "priorities": "priority")."""
        kinds = self.retriever.vocabulary.kind_words
        found = []
        for w in reading.words:
            if len(w) <= 3 or not w.endswith("s"):
                continue
            if w[:-1] in kinds:
                found.append(w[:-1])
            elif w.endswith("ies") and f"{w[:-3]}y" in kinds:
                found.append(f"{w[:-3]}y")
        return found

    def _parts_of_dated_whole(
        self, ctx: Context, docs: list[Doc], kind_terms: set[str], period: Period | None
    ) -> list[Doc]:
        """Two kinds named, one the whole of the other, and nothing else but a time ("the
        lines of this year's work plan", "les tâches du plan"): the parts, of the other kind
        named, of the one whole of that time (the period said, else the latest at now); empty
        when no single whole is."""
        wholes = [
            d
            for d in docs
            if d.group == "entry"
            and any(p.kind != d.kind and p.kind_terms & kind_terms for p in self._parts(d))
        ]
        if period is not None:
            wholes = [
                d
                for d in wholes
                if (span := self._time_of(d)) is not None and period.overlaps(*span)
            ]
        elif len(wholes) > 1:  # the latest at now ("the plan's tasks" in 2020: the 2020 plan's)
            eras = [(e, d) for d in wholes if (e := self.era(d)) and e <= ctx.today.year]
            latest = max((e for e, _ in eras), default=None)
            wholes = [d for e, d in eras if e == latest]
        if len(wholes) != 1:
            return []
        whole = wholes[0]
        parts = [
            p for p in self._parts(whole) if p.kind != whole.kind and p.kind_terms & kind_terms
        ]
        if not parts:
            return []
        most = max(len(self._kind_of(p) & kind_terms) for p in parts)
        return [p for p in parts if len(self._kind_of(p) & kind_terms) == most]

    def _own_terms(self, doc: Doc) -> set[str]:
        """The terms of a record's own names and its label ("priority C": ``#c``)."""
        return set().union(*doc.names, self._labels(doc))

    def _named_most(self, docs: list[Doc], weighty: list[set[str]]) -> list[Doc]:
        """The one record whose own name says more of the question's words, other than a
        year or number, than any other's ("the priority to grow the network in 2020": the
        priority named "growing the network", not the one whose text says it); none when
        two say as many or none says any."""
        words = [o for o in weighty if not _numbered(o)]
        said = [(sum(1 for o in words if o & self._own_terms(d)), d) for d in docs]
        most = max((n for n, _ in said), default=0)
        named = [d for n, d in said if n == most]
        return named if most and len(named) == 1 else []

    def _labels(self, doc: Doc) -> set[str]:
        """The label term of a record (``#d`` of priority D), by which it is named."""
        record = doc.record
        label = record.data.get("label") if isinstance(record, EntryView) else None
        return {f"#{str(label).lower()}"} if label is not None else set()

    def _parts(self, whole: Doc) -> list[Doc]:
        """The entries that are parts of ``whole``."""
        return [d for d in self.retriever.docs if whole.key in d.wholes and d.group == "entry"]

    def _count_terms(self, ctx: Context, reading: Reading) -> set[str]:
        """The terms of the words a question counts with (figures, "four", "cuatro")."""
        spelt = self.retriever.vocabulary.spelt.get(ctx.language, {})
        analyser = self.retriever.analyser
        out: set[str] = set()
        for word in normalise(reading.text).split() or reading.words:  # as written: "la
            if word in spelt or (word.isdigit() and len(word) < 3):  # quarta" is no count
                out |= {analyser.stem(word, ctx.language), analyser.stem(word, "en")}
                out |= {f"#{spelt[word]}" if word in spelt else f"#{int(word)}"}
        return out

    def _listed(
        self,
        ctx: Context,
        docs: list[Doc],
        confidence: float,
        terms: list[set[str]] | None = None,
    ) -> Decision:
        """The records, events by date first. With the question's ``terms``, the one record
        all of them are parts of, when the question names it ("the priorities of the 2020
        plan"), heads the list and is cited: it states the list too."""
        events = sorted(
            (d for d in docs if isinstance(d.record, EventView)),
            key=lambda d: (d.record.starts_on or dt.date.max, d.key),  # type: ignore[union-attr]
        )
        others = [d for d in docs if not isinstance(d.record, EventView)]
        header = self._list_header(ctx, {d.kind for d in docs})
        wholes = self._common_wholes(docs, terms) if terms is not None else []
        whole = next((d for d in self.retriever.docs if wholes and d.key == wholes[0]), None)
        if whole is not None:  # "Work plan 2013 — The strategic priorities I know of:"
            header = f"{self._name(ctx, whole)} — {header}"
        lines = [header]
        for doc in events[:MAX_LISTED]:
            lines.append(f"• {describe(ctx, doc.record)}")  # type: ignore[arg-type]
        for doc in others[:12]:
            lines.append(f"• {self._entry_line(ctx, doc)}")
        shown = events[:MAX_LISTED] + others[:12]
        if len(docs) > len(shown):
            lines.append(ctx.phrase("and_more", count=len(docs) - len(shown), total=len(docs)))
        cited = [d.record_id for d in shown]
        cited += [i for i in self._summaries(docs) if i not in cited]
        cited += [i for i in wholes if i not in cited]
        cited += [i for i in self._named_linked(docs, terms or []) if i not in cited]
        return Decision(Reply("\n".join(lines), cited), "list", confidence)

    def _named_linked(self, docs: list[Doc], terms: list[set[str]]) -> list[str]:
        """The records the data of every listed one names ("defined_by: 2020 General
        Assembly") that the question names too, by a rare word of their own name ("the
        thematic priorities the General Assembly set"): they state the list as well."""
        if not hasattr(self, "_links_cache"):
            self._links_cache = data_links(
                self.retriever.docs, self.retriever.analyser, self._home_terms
            )
        linked = [set(self._links_cache.get(d.record_id, ())) for d in docs]
        if not linked or not terms:
            return []
        home = self._home_terms
        return [
            d.record_id
            for d in self.retriever.docs
            if d.record_id in set.intersection(*linked)
            and any(
                o & (set().union(*d.names) - home) and self._weighty(o) and not _numbered(o)
                for o in terms
            )
        ]

    def _common_wholes(self, docs: list[Doc], terms: list[set[str]]) -> list[str]:
        """The records every listed one is part of (the plan of the priorities listed) that
        the question names by a word of their own name, or by the years their name gives
        ("the priorities of 2014-2015": the 2014-2015 plan's), the nearest first."""
        if len(docs) < 2:
            return []
        shared = set(docs[0].wholes).intersection(*(d.wholes for d in docs[1:]))
        said = {t for o in terms for t in o if not t.startswith(("#", "y", "@"))} | {
            t for o in terms for t in o if t.startswith("#")
        }  # a word or a label ("priority D"), not a year most records of the time hold
        years = {t for o in terms for t in o if t[:1] == "y" and t[1:].isdigit()}

        def named(doc: Doc) -> bool:
            own = set().union(*doc.names)
            return bool(said & (own | self._labels(doc))) or bool(years and years <= own)

        wholes = {d.key: d for d in self.retriever.docs if d.key in shared and named(d)}
        shared = set(wholes)
        # the nearest first: priority C (itself part of the plan) before the plan
        return sorted(shared, key=lambda key: (-len(wholes[key].wholes), key))

    def _summaries(self, docs: list[Doc]) -> list[str]:
        """The entries named wholly by the listed records' kind ("Regional offices", a
        priority of a plan; "Does the IOPD have regional offices?"): they state that list
        too, so the list cites them."""
        home = self._home_terms
        found: list[str] = []
        for kind in dict.fromkeys(d.kind for d in docs):
            names = set().union(*(self._kind_of(d) for d in docs if d.kind == kind))
            found += [
                d.record_id
                for d in self.retriever.docs
                if d.group == "entry"
                and d.kind != kind
                and any(len(n - home) >= 2 and n - home <= names for n in d.names)
            ]
        return list(dict.fromkeys(found))

    def _list_header(self, ctx: Context, kinds: set[str]) -> str:
        """ "The thematic priorities I know of:" when one kind is listed, else a plain header."""
        names = ctx.tables.words_for("kind_names", ctx.language)
        if len(kinds) == 1 and (kind := next(iter(kinds))) in names:
            return ctx.phrase("listing_of", kinds=names[kind])
        return ctx.phrase("listing")

    def _entry_line(self, ctx: Context, doc: Doc) -> str:
        record = doc.record
        if isinstance(record, AwardView):  # an award's edition, by its name and year
            named = text_in(record.name, ctx.language)[0]
            return (
                f"{named} ({record.year})"
                if record.year and str(record.year) not in named
                else named
            )
        assert isinstance(record, EntryView)
        name = text_in(record.name, ctx.language)[0]
        if record.kind == "office":
            return self._office(ctx, record)
        return name
