"""Details a question asks of a record beside its slot, and whether a record states them.

"What did the congress decide?" asks what of the congress, and, beside it, an outcome; "who
moderated the session?" asks who, and which part that person played. A record may give an
event's dates, its place and its organiser, and nothing decided there, no moderator: its
dates or its organiser answer another question. A detail (``details`` in
:file:`vocabulary.yaml`) is asked by its words in the question's own sentences, and
stated by a record in one of three ways:

- its own words hold one of the detail's words (``stated``, or those asking it), each
  stemmed in its language, so "decidió", "decided" and "décidé" are one, and a record
  saying "agreed" or "defined" states the outcome asked;
- with ``each``, its own words hold the very word asked (a record naming a speaker is no
  record of the moderator);
- with ``fields``, it has one of those fields (a web address for "the website"), or its
  own name says the word asked (the website's own record);
- with ``exact``, its name or text holds one of the ``stated`` words as written, not
  stemmed, outside a clause saying what is not given: "coordinació de la recerca" is no
  coordinator (both stem to "coordin"), "place and topic not given" gives no topic.

- with ``denied``, unless its text says, in a clause denying it, that one of the
  ``stated`` words is not given ("place and topic not given"): asked what a seminar is
  about, its record answers unless it says its topic is not known.

A detail with ``named`` (what it is called, per language) is said missing when a record
asked of does not state it: "the documents do not give the programme of ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from hub.core.assistant.index import AwardView, EntryView, EventView
from hub.core.assistant.retrieval import Analyser, Doc
from hub.core.assistant.text import PhraseMatcher, normalise

_CLAUSE = re.compile(r"[.;:()\[\]«»\"“”]")
"""Where a record's text breaks into clauses, each stating or denying one thing."""
_DENIED = {
    "en": frozenset({"not", "no", "without", "nor", "neither"}),
    "es": frozenset({"no", "sin", "ni", "ningun", "ninguna", "ninguno"}),
    "fr": frozenset({"ne", "pas", "sans", "ni", "aucun", "aucune"}),
    "ca": frozenset({"no", "sense", "ni", "cap"}),
    "pt": frozenset({"nao", "sem", "nem", "nenhum", "nenhuma"}),
}
"""Words, per language, of a clause saying something is not given ("no date given", "sans
détails", "no se'n donen ni el lloc ni el tema"): such a clause states none of a detail's
words."""
_WEB = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|int|gov|gob|edu|info)(?:\.[a-z]{2})?\b")
"""A web address written in a record's text ("ogplocal.slack.com", "oidp.net")."""


@dataclass(frozen=True)
class Detail:
    """One detail: the slots it qualifies, how it is asked (stems of single words per
    language, phrases of several words) and what states it."""

    name: str
    slots: frozenset[str]
    asked: dict[str, frozenset[str]]
    phrases: PhraseMatcher[str]
    stated: frozenset[str]
    each: bool
    fields: frozenset[str]
    exact: frozenset[str] = frozenset()
    """The ``stated`` words as written (normalised, unstemmed), with ``exact``."""
    named: dict[str, str] | None = None
    """What the detail is called in each language, to say it is missing."""
    denied: bool = False
    """Stated unless a record's text denies it (``stated`` words in a denying clause)."""
    exact_asked: frozenset[str] = frozenset()
    """With ``exact``, the single words asking it, as written, in every language."""
    unless_before: frozenset[str] = frozenset()
    """With ``exact``, words after which a word asking is no detail asked ("presupuesto
    participativo" names a method, not a budget)."""
    unless_after: frozenset[str] = frozenset()
    """Words right before which a single word asking is no detail asked: "what about the
    second seminar?" turns to the seminar and asks nothing of its topic."""


def _stems(analyser: Analyser, words: Iterable[Any], language: str) -> set[str]:
    return {analyser.stem(w, language) for word in words for w in normalise(str(word)).split()}


class Details:
    """The details of :file:`vocabulary.yaml`, stemmed once with the retriever's analyser."""

    def __init__(self, table: dict[str, dict[str, Any]], analyser: Analyser) -> None:
        self.analyser = analyser
        self.details: list[Detail] = []
        for name, spec in table.items():
            asked: dict[str, frozenset[str]] = {}
            phrases: PhraseMatcher[str] = PhraseMatcher()
            for language, words in (spec.get("asked") or {}).items():
                single = [w for w in words if len(normalise(str(w)).split()) == 1]
                asked[str(language)] = frozenset(_stems(analyser, single, str(language)))
                for word in words:
                    if len(normalise(str(word)).split()) > 1:
                        phrases.add(normalise(str(word)), str(language))
            stated = {
                stem
                for language, words in (spec.get("stated") or {}).items()
                for stem in _stems(analyser, words, str(language))
            }
            self.details.append(
                Detail(
                    name=str(name),
                    slots=frozenset(str(s) for s in spec.get("slots", [])),
                    asked=asked,
                    phrases=phrases,
                    stated=frozenset(stated.union(*asked.values())),
                    each=bool(spec.get("each", False)),
                    fields=frozenset(str(f) for f in spec.get("fields", [])),
                    exact=_written(spec, ("stated",) if spec.get("denied") else ("stated", "asked"))
                    if spec.get("exact") or spec.get("denied")
                    else frozenset(),
                    denied=bool(spec.get("denied", False)),
                    named={str(k): str(v) for k, v in spec["named"].items()}
                    if spec.get("named")
                    else None,
                    exact_asked=frozenset(
                        normalise(str(w))
                        for words in (spec.get("asked") or {}).values()
                        for w in words
                        if len(normalise(str(w)).split()) == 1
                    ),
                    unless_before=frozenset(
                        normalise(str(w)) for w in spec.get("unless_before") or []
                    ),
                    unless_after=frozenset(
                        normalise(str(w)) for w in spec.get("unless_after") or []
                    ),
                )
            )

    def asked(self, words: list[str], language: str, slot: str) -> list[tuple[Detail, set[str]]]:
        """The details the question's words ask, of those qualifying ``slot``, each with the
        stems of the words asking it: a word asks one in the question's language, or in
        English (members mix them)."""
        found = []
        for detail in self.details:
            if slot not in detail.slots:
                continue
            if detail.exact:
                exact = self._asked_as_written(detail, words, language)
                if exact:
                    found.append((detail, exact))
                continue
            own = detail.asked.get(language, frozenset()) | detail.asked.get("en", frozenset())
            said = {
                stem
                for i, w in enumerate(words)
                if not (i and words[i - 1] in detail.unless_after)
                for stem in (self.analyser.stem(w, language), self.analyser.stem(w, "en"))
                if stem in own
            }
            for phrase in detail.phrases.find(words, fuzzy=False):
                said |= _stems(self.analyser, words[phrase.start : phrase.end], phrase.value)
            if said:
                found.append((detail, said))
        return found

    def _asked_as_written(self, detail: Detail, words: list[str], language: str) -> set[str]:
        """The words asking an ``exact`` detail as written (a phrase's too), not before one
        of its ``unless_before`` words; their stems, as :meth:`asked` gives."""
        said: set[str] = set()
        for i, word in enumerate(words):
            following = words[i + 1] if i + 1 < len(words) else ""
            if i and words[i - 1] in detail.unless_after:
                continue  # "what about the seminar?": no topic asked
            if word in detail.exact_asked and following not in detail.unless_before:
                said.add(self.analyser.stem(word, language))
        for phrase in detail.phrases.find(words, fuzzy=False):
            following = words[phrase.end] if phrase.end < len(words) else ""
            if following not in detail.unless_before:
                said |= _stems(self.analyser, words[phrase.start : phrase.end], phrase.value)
        return said

    def states(self, detail: Detail, said: set[str], docs: Iterable[Doc]) -> bool:
        """Whether any of ``docs`` states ``detail``, asked by the words of stems ``said``."""
        if detail.denied:  # stated unless a record says it is not given
            return not any(_denies(doc, detail.exact) for doc in docs)
        for doc in docs:
            if detail.exact:
                if any(_has(doc, f) for f in detail.fields) or _writes(doc, detail.exact):
                    return True
                continue
            if detail.fields:  # a web address, or the record is the website itself
                named = set().union(*doc.names) if doc.names else set()
                if any(_has(doc, f) for f in detail.fields) or said & named:
                    return True
                continue
            wanted = said if detail.each else detail.stated
            if any(doc.terms.get(stem) for stem in wanted):
                return True
        return False


def _written(spec: dict[str, Any], keys: tuple[str, ...]) -> frozenset[str]:
    """A detail's words of ``keys`` (stated, asked) in every language, normalised and
    unstemmed."""
    return frozenset(
        normalise(str(word))
        for key in keys
        for words in (spec.get(key) or {}).values()
        for word in words
    )


def _clauses(doc: Doc) -> Iterator[tuple[bool, str]]:
    """The clauses of the record's name and text, normalised, each with whether it denies
    (says what is not given)."""
    record = doc.record
    texts = list(record.name.items())
    if isinstance(record, EntryView):
        texts += [*record.body.items(), *(("en", str(v)) for v in record.data.values())]
    else:
        texts += list(record.description.items())
    for language, text in texts:
        denying = _DENIED.get(language, frozenset())
        for clause in _CLAUSE.split(text):
            said = normalise(clause)
            yield bool(denying.intersection(said.split())), said


def _writes(doc: Doc, words: frozenset[str]) -> bool:
    """The record's name or text holds one of ``words`` as written, in a clause that does
    not say what is missing."""
    return any(
        not denies and any(f" {w} " in f" {said} " for w in words) for denies, said in _clauses(doc)
    )


def _denies(doc: Doc, words: frozenset[str]) -> bool:
    """The record's text says one of ``words`` is not given ("place and topic not given")."""
    return any(
        denies and any(f" {w} " in f" {said} " for w in words) for denies, said in _clauses(doc)
    )


def _has(doc: Doc, name: str) -> bool:
    """The record has the field ``name``; a web address (``url``) also when its text
    writes one."""
    record = doc.record
    if isinstance(record, EntryView):
        if record.data.get(name):
            return True
        texts = [*record.body.values(), *(str(v) for v in record.data.values())]
    elif isinstance(record, EventView | AwardView):
        if getattr(record, name, None):
            return True
        texts = list(record.description.values())
    else:
        return False
    return name == "url" and any(_WEB.search(t) for t in texts)
