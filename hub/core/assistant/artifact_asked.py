"""An artifact asked for that the records cited do not hold: "what is the network's official
website?", "when is the annual report published?", "will the forum be streamed?", "where are
the statutes?", "¿quién hace el acta?", "le logo de l'OIDP ?".

The question asks for a thing made (a website, an annual report, a newsletter, minutes, a
recording or streaming, slides, a logo, statutes: the vocabulary's ``artifact_asked`` kinds,
in the five languages). A record that only shares the question's other words (the network's
name, a date, a conference) is no answer: the membership fee for the website, a conference's
dates for the annual report. When none of the records an answer cites holds the artifact
(:func:`holds`: its name says it, an entry's text too, or it writes a web address for a
website), the answer is taken from the record that does (a task producing it, the record of
how the network communicates), entries first, ranked by the question's words. When no record
holds it, or a yes/no is asked of it, the question is handed off.

Kept as they are: answers whose records hold the artifact (the deck's record asked about the
deck, the work plan's documents, contact addresses), and an artifact that is the asker's own
("our annual report", "per a l'informe anual": the ``owned`` words before it) or the one
a thing asked about is found in ("the app in the OGP deck": ``located``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

if TYPE_CHECKING:
    import datetime as dt

    from hub.core.assistant.context import Context
    from hub.core.assistant.index import KnowledgeIndex
    from hub.core.assistant.reading import Reading
    from hub.core.assistant.retrieval import Doc, Retriever

Record = EventView | AwardView | EntryView

_ADDRESS = re.compile(r"https?://|www\.|\b[\w-]+\.(org|net|com|int|eu)\b|@[\w-]+\.")
"""A web address or an e-mail address written in a record."""
_ADDRESS_SLOTS = frozenset({"what", "where"})
"""Slots asking for a website itself (its address), not when it was launched or how to use it."""


@cache
def _section() -> dict[str, Any]:
    return dict(load_vocabulary().sections.get("artifact_asked") or {})


@cache
def _kinds() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each artifact kind's phrases, as word tuples, all languages together."""
    table = _section().get("kinds") or {}
    return {
        str(kind): tuple(
            sorted(
                {tuple(normalise(str(p)).split()) for words in per_language.values() for p in words}
                - {()}
            )
        )
        for kind, per_language in table.items()
    }


@cache
def _owned() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalise(str(p)).split()) for p in _section().get("owned") or [])


def _at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


@cache
def _located() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalise(str(p)).split()) for p in _section().get("located") or [])


@cache
def _listed(key: str) -> frozenset[str]:
    return frozenset(normalise(str(w)) for w in _section().get(key) or [])


_LOCATED_SPAN = 4
"""How many words before an artifact a preposition placing something in it is looked for
("the app in the OGP Local deck")."""


def _owned_before(words: list[str], i: int) -> bool:
    """Whether the asker's possessive, purpose or writing verb closes right before position
    ``i`` (an article between), or a preposition places something in the artifact."""
    ends = [i, i - 1] if i and words[i - 1] in _listed("articles") else [i]
    if any(len(p) <= e and tuple(words[e - len(p) : e]) == p for p in _owned() for e in ends):
        return True
    before = words[max(0, i - _LOCATED_SPAN) : i]
    return any(
        tuple(before[j : j + len(p)]) == p
        for p in _located()
        for j in range(len(before) - len(p) + 1)
    )


def asked_kinds(words: list[str]) -> set[str]:
    """The artifact kinds the question's normalised ``words`` ask for (not the asker's own)."""
    found: set[str] = set()
    for kind, phrases in _kinds().items():
        for i in range(len(words)):
            if any(_at(words, i, p) and not _owned_before(words, i) for p in phrases):
                found.add(kind)
                break
    return found


def _texts(record: Record) -> list[str]:
    texts = [*record.name.values()]
    if isinstance(record, EntryView):
        texts += [*record.body.values(), *(str(v) for v in record.data.values())]
    else:
        texts += [*record.description.values(), record.url or ""]
    if isinstance(record, EventView):
        texts += [*record.theme.values()]
    return texts


def _says(text: str, kind: str) -> bool:
    """Whether ``text`` says a phrase of the artifact ``kind`` (any language)."""
    padded = f" {normalise(text)} "
    return any(f" {' '.join(p)} " in padded for p in _kinds().get(kind, ()))


def holds(record: Record, kind: str, documents: dict[str, EntryView], slot: str = "") -> bool:
    """Whether ``record`` holds an artifact of ``kind``: its name says one, or an entry's
    text does (an event or award whose description mentions a report is no report's
    record), or the document it is taken from is one by its title (a member example of a
    slide deck). A record of an ``addresses`` kind not so named, asked for the thing itself
    (``slot`` what or where: "what is the official website?"), holds it only by writing a web
    or e-mail address, which also makes it hold one whatever the slot."""
    texts = _texts(record)
    if _says(" ".join(record.name.values()), kind):
        return True
    source = documents.get(record.source_doc or "")
    if source is not None and _says(" ".join(source.name.values()), kind):
        return True
    addressed = kind in _listed("addresses")
    if addressed and any(_ADDRESS.search(t) for t in texts):
        return True
    if addressed and slot in _ADDRESS_SLOTS:
        return False
    return isinstance(record, EntryView) and _says(" ".join(texts), kind)


def _documents(index: KnowledgeIndex) -> dict[str, EntryView]:
    """The document records by the file they describe."""
    return {
        str(e.data["file"]): e
        for e in index.entries.values()
        if isinstance(e.data, dict) and e.data.get("file")
    }


class ArtifactAsked:
    """The check of :meth:`_artifact_checked`, a mixin of the
    :class:`~hub.core.assistant.answering.Responder`."""

    retriever: Retriever

    if TYPE_CHECKING:  # the Responder's own (answers_records, answers_base)

        def _record(
            self,
            ctx: Context,
            reading: Reading,
            qtype: str,
            ranked: list[tuple[float, Doc]],
            terms: list[set[str]],
        ) -> Decision: ...

        def span(self, doc: Doc) -> tuple[dt.date, dt.date] | None: ...

    def _artifact_checked(self, ctx: Context, reading: Reading, decision: Decision) -> Decision:
        """``decision``, or the answer of the record holding the artifact the question asks
        for, or a handoff when no record cited holds it and none answers with it."""
        reply = decision.reply
        if reply.handoff or not reply.sources:
            return decision
        kinds = asked_kinds(reading.words)
        if not kinds:
            return decision
        slot = decision.intent
        cited = [r for r in map(ctx.index.record, reply.sources) if r is not None]
        documents = _documents(ctx.index)
        unheld = {  # an event's text mentioning it counts when the answer says it too
            k
            for k in kinds
            if not any(
                holds(r, k, documents, slot)
                or (
                    not (k in _listed("addresses") and slot in _ADDRESS_SLOTS)
                    and _says(" ".join(_texts(r)), k)
                    and _says(reply.text, k)
                )
                for r in cited
            )
        }
        if not unheld:
            return decision
        held = self._artifact_holder(ctx, reading, unheld, slot, documents)
        if held is not None:
            return replace(held, intent=slot, confidence=min(held.confidence, decision.confidence))
        said = dict(_section().get("said") or {})
        sentence = str(said.get(ctx.language) or said.get("en") or "")
        return Decision(ctx.handoff(sentence), slot, min(decision.confidence, 0.3))

    def _artifact_holder(
        self,
        ctx: Context,
        reading: Reading,
        kinds: set[str],
        slot: str,
        documents: dict[str, EntryView],
    ) -> Decision | None:
        """The answer of the best-ranked record holding every artifact of ``kinds``, asked
        what it says; None for a yes/no, or when none holds them or its answer is a handoff."""
        if slot == "yesno" or reading.polar:
            return None
        terms = self.retriever.unbind(self.retriever.query_terms(reading.content, ctx.language))
        ranked = [
            (score, doc)
            for score, doc in self.retriever.search(terms)
            if doc.step is None
            and all(holds(doc.record, k, documents, slot) for k in kinds)
            and self._artifact_in_period(reading, doc)
        ]
        if not ranked:
            return None
        ranked.sort(key=lambda item: not isinstance(item[1].record, EntryView))  # stable
        found = self._record(ctx, reading, "what", ranked, terms)
        own = {d.record_id for _, d in ranked}
        if found.reply.handoff or not set(found.reply.sources) <= own:
            return None
        return found

    def _artifact_in_period(self, reading: Reading, doc: Doc) -> bool:
        """Whether ``doc`` falls in the period the question names, if it names one."""
        period = reading.period
        if period is None:
            return True
        days = self.span(doc)
        return days is None or period.overlaps(*days)
