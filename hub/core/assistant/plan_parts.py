"""The parts of a whole record (a work plan's lines, priorities and tasks) asked by their
place or through the whole they belong to.

- An ordinal said right before the word of the answered record's kind ("the 6th
  priority", "la 6a prioritat") is that record's place in its whole, no edition:
  :func:`ordinals` leaves it out of the editions a question names.
- A small number written as a count right before the word of a kind ("the 10 priorities",
  "les quatre lignes") says how many there are, not which one: :func:`counted_kinds`.
- A part named by the word of its kind right before its number ("task 22", "la tarea 15",
  "tâche 13", "prioritat 9") is that record, whatever else the question says about it:
  :func:`labelled_parts`.
- A question naming a whole by its own name ("the 2013 plan") and a topic ("what does it
  say about working groups") asks the part of that whole about the topic rather than a
  record outside it that holds as many of its words: :func:`named_whole_part_first`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from hub.core.assistant.index import EntryView
from hub.core.assistant.retrieval import Analyser, Doc, Retriever, number_term

PART_NEAR = 0.5
"""A part of the whole named comes first from this share of the best record's score."""
NAMED_SHARE = 0.5
"""Share of the best record's own name that, said, names it: it is asked, not a part."""
PART_RIVALS = 8
"""How many of the best-ranked records are looked at for a part of the whole named."""


def ordinals(
    words: list[str], labels: Collection[str] = (), kind: Collection[str] = ()
) -> set[str]:
    """The edition terms (``#8``) of the words written as ordinals (8th, 8a, 8e, VIII); a
    Roman numeral right after the name of a kind labelled by number ("prioridad VIII")
    labels that record, like a figure, and is no edition; nor is an ordinal right before a
    word of ``kind``, the kind of the record answered ("the 6th priority": its place)."""
    out = set()
    for i, word in enumerate(words):
        term = number_term(word)
        if term and term.startswith("#") and not word.isdigit():
            if i and words[i - 1] in labels and word.isalpha():
                continue
            if i + 1 < len(words) and words[i + 1] in kind:
                continue
            out.add(term)
    return out


def kind_words(words: list[str], doc: Doc, analyser: Analyser, language: str) -> set[str]:
    """The question's words naming the kind of ``doc`` ("priority", "prioritat")."""
    return {
        w for w in words if {analyser.stem(w, language), analyser.stem(w, "en")} & doc.kind_terms
    }


def named_whole_part_first(
    ranked: list[tuple[float, Doc]],
    terms: list[set[str]],
    retriever: Retriever,
    coverage: Callable[[Doc, list[set[str]]], float],
) -> list[tuple[float, Doc]]:
    """``ranked`` with a part of the whole the question names first, when the best is an
    entry neither that whole nor one of its parts and the part holds as much of the
    question ("what does the 2013 plan say about working groups": the plan's action on
    working groups, not a working group). The whole is named when its own name holds a
    year or number of the question and another of its words ("2013" and "plan"), and
    only one whole is so named. Not when the question names the best by its own name ("the
    Global PB Hub the 2020 plan mentions", "the working group on the MDG post 2015")."""
    if not ranked or ranked[0][1].group != "entry":
        return ranked
    best_score, best = ranked[0]
    if retriever.name_share(best, terms) >= NAMED_SHARE:
        return ranked
    own = set().union(*best.names) if best.names else set()
    whole = _whole_named([o for o in terms if not o & own], retriever.docs)
    if whole is None or best is whole or whole.key in best.wholes:
        return ranked
    reach = coverage(best, terms)
    for score, doc in ranked[1:PART_RIVALS]:
        if score < best_score * PART_NEAR:
            break
        if whole.key in doc.wholes and coverage(doc, terms) >= reach - 1e-9:
            rest = [(min(s, score * 0.9), d) for s, d in ranked if d is not doc]
            return [(score, doc), *rest]
    return ranked


def _whole_named(terms: list[set[str]], docs: list[Doc]) -> Doc | None:
    """The one record other records are parts of whose own name holds a year or number the
    question says and one of its other words; None when none or several are."""
    wholes = {key for d in docs for key in d.wholes}
    numbered = [o for o in terms if any(t[:1] in "#y" and t[1:].isdigit() for t in o)]
    words = [o for o in terms if o not in numbered]
    if not numbered or not words:
        return None
    named = []
    for doc in docs:
        if doc.key not in wholes or not doc.names:
            continue
        own = set().union(*doc.names)
        if any(o & own for o in numbered) and any(o & own for o in words):
            named.append(doc)
    return named[0] if len(named) == 1 else None


def counted_kinds(
    words: list[str],
    written: list[str],
    spelt: dict[str, int],
    kinds: Collection[str],
    stems: Callable[[str], set[str]],
) -> set[int]:
    """The positions in ``words`` of the small numbers the question writes as counts (a
    figure or a cardinal word of ``written``, the question as written, not an ordinal) right
    before the name of a kind: "c'est quoi les 10 priorités du plan" asks them all, not
    priority 10 ("priority 10", "the 10th priority" still name one)."""
    counts = {w for w in written if w.isdigit()} | {str(spelt[w]) for w in written if w in spelt}
    return {
        i
        for i, w in enumerate(words[:-1])
        if w.isdigit() and len(w) < 3 and w in counts and stems(words[i + 1]) & set(kinds)
    }


def labelled_parts(
    words: list[str], docs: list[Doc], is_kind: Callable[[str, Doc], bool]
) -> list[Doc]:
    """The records the question names by a word of their kind right before their own
    number ("task 22", "la tarea 15", "priorité IX"; ``is_kind`` says whether a word names
    a record's kind), kept to the plans whose years the question says when it says one
    ("task 3 of the 2020 plan"). A number before the kind's word counts ("the 22 tasks"),
    it names none."""
    years = {int(w) for w in words if len(w) == 4 and w.isdigit()}
    named: list[Doc] = []
    for i, word in enumerate(words[:-1]):
        term = number_term(words[i + 1]) if words[i + 1] != "i" else None  # Catalan "and"
        if term is None or not term.startswith("#"):
            continue
        number = int(term[1:])
        for doc in docs:
            if doc not in named and label_number(doc) == number and is_kind(word, doc):
                named.append(doc)
    if years:
        dated = [d for d in named if _plan_years(d) & years]
        named = dated or named
    return named


def label_number(doc: Doc) -> int | None:
    """The number an entry is labelled by (``label: 13``, ``label: IX``), None for none."""
    record = doc.record
    if doc.group != "entry" or not isinstance(record, EntryView):
        return None
    label = record.data.get("label")
    if isinstance(label, int):
        return label
    term = number_term(label.lower()) if isinstance(label, str) else None
    return int(term[1:]) if term and term.startswith("#") else None


def _plan_years(doc: Doc) -> set[int]:
    """The years of the plan an entry is part of (``work_plan: 2014-2015``)."""
    record = doc.record
    plan = record.data.get("work_plan") if isinstance(record, EntryView) else None
    text = str(plan) if plan is not None else ""
    return {int(y) for y in text.split("-") if y.isdigit() and len(y) == 4}
