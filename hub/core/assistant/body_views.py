"""An organisation's own statement asked of it: its mission, its definition of a term, why
it says something matters ("what is OGP's mission", "qué entiende la OGP por gobierno
abierto", "per què és rellevant segons l'OGP el govern obert local").

Ranked by its words alone, such a question is answered by whichever record mentions the body
and the term most (the programme the body runs, a member's example, a presentation), or
handed off. The knowledge holds some statements of that kind, each a record of that body
(its acronym in the record's name or kind) whose name says which statement it is ("OGP's
mission", "What open government is, according to OGP", "Why local open government is
relevant today"); a body's own description (the record of its kind ``organisation`` named
by it alone) states its mission too. Such a record holding what else the question names
answers it. When the body has none, the question is handed off, unless the answer already
given is the record of the thing the question names beside the body ("the goal of the IOPD
Distinction": the award's record).

The words asking each view, in the five languages, are the vocabulary's ``body_views``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from hub.core.assistant.answers_base import Decision
from hub.core.assistant.context import Context, Reply
from hub.core.assistant.reading import Reading
from hub.core.assistant.retrieval import Doc, Retriever
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

OWN_KIND = "organisation"
"""The kind of a body's own record (the network's, its partners')."""
GAP = r"(?: \S+){0,3}"
"""What "*" in a phrase stands for: up to three words ("entiende la OGP por")."""
CONFIDENCE = 0.6
"""The confidence of a statement found so (its name says what is asked)."""


class Answering(Protocol):
    """What of the responder this reads: its index, its weights and its slot answers."""

    retriever: Retriever

    @property
    def _body_terms(self) -> set[str]: ...

    def _slot(self, ctx: Context, reading: Reading, qtype: str, doc: Doc) -> Reply: ...


@dataclass(frozen=True)
class View:
    """One kind of statement: how it is asked, and how a record's name says it is one."""

    name: str
    asked: dict[str, tuple[re.Pattern[str], ...]]
    with_words: dict[str, tuple[re.Pattern[str], ...]]
    not_with: dict[str, tuple[re.Pattern[str], ...]]
    named: tuple[re.Pattern[str], ...]
    own: bool


def _pattern(phrase: Any) -> re.Pattern[str]:
    parts = [None if w == "*" else normalise(w) for w in str(phrase).split()]
    text = "".join(GAP if w is None else f" {re.escape(w)}" for w in parts if w != "")
    return re.compile(f"{text} ")


def _by_language(section: Any) -> dict[str, tuple[re.Pattern[str], ...]]:
    return {
        str(language): tuple(_pattern(p) for p in phrases or [] if normalise(str(p)))
        for language, phrases in (section or {}).items()
    }


def _said(patterns: dict[str, tuple[re.Pattern[str], ...]], language: str, padded: str) -> bool:
    return any(p.search(padded) for p in patterns.get(language, ()))


@cache
def views() -> tuple[View, ...]:
    """The vocabulary's views, in the order they are tried (a reason before a definition
    before a mission: "why does OGP say its mission matters" asks the reason)."""
    section: dict[str, Any] = dict(load_vocabulary().sections.get("body_views") or {})
    found = []
    for name, spec in (section.get("views") or {}).items():
        found.append(
            View(
                name=str(name),
                asked=_by_language(spec.get("asked")),
                with_words=_by_language(spec.get("with")),
                not_with=_by_language(spec.get("not_with")),
                named=tuple(_pattern(p) for p in spec.get("named") or []),
                own=bool(spec.get("own")),
            )
        )
    return tuple(found)


@cache
def _table(key: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    section: dict[str, Any] = dict(load_vocabulary().sections.get("body_views") or {})
    return _by_language(section.get(key))


@cache
def _for_body(language: str) -> tuple[str, ...]:
    """The words placing a view in a body's mouth right before its name ("para la")."""
    section: dict[str, Any] = dict(load_vocabulary().sections.get("body_views") or {})
    phrases = (section.get("for_body") or {}).get(language) or []
    return tuple(normalise(str(p)) for p in phrases if normalise(str(p)))


@cache
def _table_words(key: str) -> frozenset[str]:
    """Every word of a table of the section (all languages), to set aside from the topic."""
    section: dict[str, Any] = dict(load_vocabulary().sections.get("body_views") or {})
    data = section.get(key) or {}
    return frozenset(
        w for phrases in data.values() for p in phrases or [] for w in normalise(str(p)).split()
    )


@cache
def _view_words() -> frozenset[str]:
    section: dict[str, Any] = dict(load_vocabulary().sections.get("body_views") or {})
    words: set[str] = set()
    for spec in (section.get("views") or {}).values():
        for key in ("asked", "with"):
            for phrases in (spec.get(key) or {}).values():
                words.update(w for p in phrases or [] for w in normalise(str(p)).split())
    return frozenset(words) - {"*"}


def bodies_named(text: str, body_terms: set[str]) -> list[str]:
    """The acronyms of bodies the question writes ("OGP", "l'OIDP"), normalised."""
    words = normalise(text).split()
    return list(dict.fromkeys(w for w in words if w in body_terms and len(w) >= 3))


def view_asked(text: str, language: str, bodies: list[str]) -> View | None:
    """The statement the question asks of a body it names, if it asks one."""
    padded = f" {normalise(text)} "
    according = _said(_table("according"), language, padded) or any(
        f" {phrase} {b} " in padded for phrase in _for_body(language) for b in bodies
    )  # "segons l'OGP", "pour l'OGP"
    what_is = _said(_table("what_is"), language, padded)
    for view in views():
        if _said(view.not_with, language, padded):
            continue
        asked = _said(view.asked, language, padded)
        if view.name == "definition" and not asked:
            asked = what_is and according  # "what is open government according to OGP"
        if not asked:
            continue
        if view.with_words and not (according or _said(view.with_words, language, padded)):
            continue  # "why did the IOPD move?": no view of it asked
        return view
    return None


def _of_body(doc: Doc, body: str) -> bool:
    """The record is one of the body's: its acronym in its name or its kind."""
    return any(body in n for n in doc.names) or body in doc.kind.split("_")


def _names_view(doc: Doc, view: View) -> bool:
    names = doc.record.name.values() if isinstance(doc.record.name, dict) else []
    return any(p.search(f" {normalise(str(n))} ") for n in names for p in view.named)


def _names_asked(doc: Doc, view: View, language: str) -> bool:
    """The record's name says a word asking the view ("How OGP achieves its goals")."""
    names = doc.record.name.values() if isinstance(doc.record.name, dict) else []
    patterns = view.asked.get(language, ())
    return any(p.search(f" {normalise(str(n))} ") for n in names for p in patterns)


def _own(doc: Doc, body: str, body_terms: set[str]) -> bool:
    """The body's own description: its record of the organisation kind, named by it alone
    (not its relation with another body)."""
    if doc.kind != OWN_KIND or doc.group != "entry":
        return False
    named = set().union(*doc.names) if doc.names else set()
    return body in named and not (named & body_terms) - _aliases(doc, body_terms)


def _aliases(doc: Doc, body_terms: set[str]) -> set[str]:
    """The acronyms the record's data gives for itself (IOPD, OIDP)."""
    data = getattr(doc.record, "data", None)
    acronyms = data.get("acronyms") if isinstance(data, dict) else None
    values = acronyms.values() if isinstance(acronyms, dict) else []
    return {normalise(str(v)) for v in values} & body_terms


def _numbered(term: str) -> bool:
    return term[:1] in "#y" and term[1:].isdigit()


def _holds(doc: Doc, options: set[str], source: Doc | None = None) -> bool:
    """The record holds the word, or the document it comes from does ("according to OGP's
    presentation": the statement the presentation makes)."""
    return any(doc.terms.get(t) for t in options) or (
        source is not None and any(source.terms.get(t) for t in options)
    )


def _sources(docs: list[Doc]) -> dict[str, Doc]:
    """Each document's own record, by its file (a record's ``source_doc``), holding only the
    words of its name no other record's name says ("presentation", not "local")."""
    found = {}
    others: set[str] = set()
    for doc in docs:
        data = getattr(doc.record, "data", None)
        file = data.get("file") if isinstance(data, dict) else None
        if isinstance(file, str):
            found[file] = doc
        else:
            others.update(*doc.names)
    return {
        f: Doc(d.key, d.record_id, d.group, d.kind, d.record, terms=_only(d, others))
        for f, d in found.items()
    }


def _only(doc: Doc, others: set[str]) -> defaultdict[str, float]:
    terms: defaultdict[str, float] = defaultdict(float)
    for t in set().union(*doc.names) - others:
        terms[t] = 1.0
    return terms


def body_view(
    ctx: Context, reading: Reading, responder: Answering, decision: Decision
) -> Decision | None:
    """The body's statement asked, answered from its record, or a handoff when the body has
    none; None when no such statement is asked or ``decision`` already answers it."""
    body_terms = responder._body_terms
    bodies = bodies_named(reading.text, body_terms)
    if not bodies:
        return None
    view = view_asked(reading.text, ctx.language, bodies)
    if view is None:
        return None
    retriever = responder.retriever
    aside = _view_words() | _table_words("according") | _table_words("what_is")
    stop = retriever.analyser.stopwords
    words = [w for w in reading.content if w not in aside | stop and w not in bodies]
    topic = [  # what else is named ("open government", "2020"): the statement's own
        o
        for o in retriever.query_terms(words, ctx.language)
        if not o & body_terms and any(t in retriever.idf or _numbered(t) for t in o)
    ]
    files = _sources(retriever.docs)
    found = [  # a statement so named may be asked by its document ("per la presentació de
        d  # l'OGP"); the body's own description holds all else asked ("its 2020 objectives")
        for d in retriever.docs
        if any(_of_body(d, b) for b in bodies)
        and (
            (
                _names_view(d, view)
                and all(
                    _holds(d, o, files.get(str(getattr(d.record, "source_doc", "")))) for o in topic
                )
            )
            or (
                view.own
                and any(_own(d, b, body_terms) for b in bodies)
                and all(_holds(d, o) for o in topic)
            )
        )
    ]
    cited = decision.reply.sources
    docs = {d.record_id: d for d in retriever.docs}
    first = docs.get(cited[0]) if cited else None
    if (
        words
        and first is not None
        and not decision.reply.handoff
        and any(_of_body(first, b) for b in bodies)
        and _names_asked(first, view, ctx.language)
    ):  # "the steps OGP takes towards its goals": a statement of the body naming its goals,
        return None  # the words around them no statement's
    if found:
        best = max(found, key=lambda d: (_names_view(d, view), sum(_holds(d, o) for o in topic)))
        if best.record_id in cited and not decision.reply.handoff:
            return None  # already answered from it
        reply = responder._slot(ctx, reading, "what", best)
        if reply.handoff:
            return None
        unnamed = [b.upper() for b in bodies if not any(b in n for n in best.names)]
        if unnamed:  # "Why local open government is relevant today": whose view it is
            reply = Reply(
                f"{reply.text} ({', '.join(unnamed)})", reply.sources, target=reply.target
            )
        return Decision(reply, "what", max(decision.confidence, CONFIDENCE))
    if decision.reply.handoff or first is None:
        return None if decision.reply.handoff else Decision(ctx.handoff(), "what", 0.2)
    if any(_of_body(first, b) for b in bodies) and (
        _names_view(first, view) or _names_asked(first, view, ctx.language)
    ):  # none fits all asked, the answer is the body's statement still ("the steps by
        return None  # which OGP reaches its goals": how it achieves them, its own record)
    if topic and any(o & set().union(*first.names) for o in topic if first.names):
        return None  # "the goal of the IOPD Distinction": the award's record, its name asked
    return Decision(ctx.handoff(), "what", min(decision.confidence, 0.2))
