"""A yes or no kept only where the records cited are about the subject the question names.

"Has the <year> plan been approved yet?" answered "No" from a meeting of another year that
approved another plan, "is the network the same thing as <another body>'s observatory?"
answered "Yes" with the network's own description: the answer is grounded in a record about
something else. A yes/no answer stands only where every year the question names as its
subject (not the period it asks about: "was it held in 2012?" is a claim the record's dates
answer) and every proper name it writes (an organisation, a programme; the hub's own network
and places aside, which the place checks answer) are held by the records cited, or by the
wholes they are part of. Otherwise the question is handed off.

Kept: "was the 2013 conference in Cascais?" (its record holds the year), "does membership
cost anything?" (no year, no name), "was the 2019 conference in <another city>?" (the year
is the record's own; the city is a place, which the place checks correct).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from hub.core.assistant.retrieval import Doc
from hub.core.assistant.text import normalise
from hub.core.assistant.vocabulary_file import load_vocabulary

_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-/–]\s*((?:19|20)\d\d))?(?!\d)")
"""A year, or two joined as one span ("2014-2015", "2013/2014"): one subject."""
_TOKEN = re.compile(r"[^\W\d_]+")
_OPENS = frozenset('.?!¿¡:;«"(')
"""Marks after which a capital opens a sentence, a quote or an aside: no name."""
_ELIDED = re.compile(r"^(?:[ldLD]|qu|Qu)['’]")
"""An elided article or pronoun before a name ("l'OIDP", "d'OGP"): not part of it."""
MIN_ACRONYM = 3
"""Letters of a word in capitals that make it an acronym (a name) wherever it stands: "PB"
is written out by the records it abbreviates."""
MIN_PREFIX = 4
"""Letters a stem needs to be read as the same word as a longer one it begins."""


@cache
def _not_names() -> frozenset[str]:
    data = load_vocabulary().sections.get("subject_grounded") or {}
    return frozenset(normalise(str(w)) for w in data.get("not_names", []))


@dataclass(frozen=True)
class Subject:
    """What the question names as its subject: its years (each a set of the years said as
    one span) and its proper names (each the terms of one capitalised word)."""

    years: list[set[str]]
    names: list[set[str]]


def subject_of(
    text: str,
    period_years: set[int],
    terms: Callable[[str], list[str]],
    beside: set[str],
) -> Subject:
    """The years and names ``text`` asks about: a year of the period asked
    (``period_years``) is a claimed time, not a subject; a word whose terms are all in
    ``beside`` (the hub's own network, places) is no name asked here."""
    spans = [{int(y) for y in m.groups() if y} for m in _YEARS.finditer(text)]
    years = (  # "from 2005 to 2008": two years, the record's own span claimed
        [{f"y{y}" for y in spans[0]}] if len(spans) == 1 and not spans[0] & period_years else []
    )
    names = []
    shouted = not any(c.islower() for c in text)  # "TELL ME ABOUT...": every word capitals
    for word, opens in [] if shouted else _capitalised(text):
        if opens or len(word) < MIN_ACRONYM or not word.isupper():
            continue  # a capitalised word may be a city or a common noun: acronyms only
        if normalise(word) in _not_names():
            continue
        found = set(terms(word)) or {normalise(word)}  # "AMB": an acronym, no stopword
        if found and not found <= beside:
            names.append(found)
    return Subject(years, names)


def _capitalised(text: str) -> Iterable[tuple[str, bool]]:
    """The capitalised words of ``text`` (an acronym at any place), each with whether it
    opens a sentence (no name told by its capital)."""
    for chunk in text.split():
        chunk = _ELIDED.sub("", chunk)
        for match in _TOKEN.finditer(chunk):
            word = match.group()
            if not word[:1].isupper():
                continue
            acronym = len(word) >= MIN_ACRONYM and word.isupper()
            yield word, not acronym and _opening(text, chunk)


def _opening(text: str, chunk: str) -> bool:
    at = text.find(chunk)
    before = text[:at].rstrip()
    return not before or before[-1] in _OPENS


def unheld(subject: Subject, docs: list[Doc]) -> bool:
    """Whether a year or a name of ``subject`` is held by none of ``docs`` (the records
    cited and the wholes they are part of)."""
    held: set[str] = set()
    for doc in docs:
        held |= set(doc.terms)
        held = held.union(*doc.names)
    if any(not span & held for span in subject.years):
        return True
    return any(not name & held and not _kin(name, held) for name in subject.names)


def _kin(name: set[str], held: set[str]) -> bool:
    """A name's stem begins a term held, or one held begins it ("particip", "participat")."""
    return any(
        len(t) >= MIN_PREFIX and len(h) >= MIN_PREFIX and (h.startswith(t) or t.startswith(h))
        for t in name
        for h in held
    )


def subject_unheld(
    text: str,
    period_years: set[int],
    cited: list[Doc],
    every_doc: list[Doc],
    terms: Callable[[str], list[str]],
    beside: set[str],
) -> bool:
    """Whether the yes/no answer citing ``cited`` leaves a year or a name the question
    ``text`` asks about unheld (see :func:`subject_of`): the wholes the cited records are
    part of (a plan's task is of its plan's year) are read with them."""
    subject = subject_of(text, period_years, terms, beside)
    if not subject.years and not subject.names:
        return False
    keys = {k for d in cited for k in d.wholes}
    wholes = [d for d in every_doc if d.key in keys]
    return unheld(subject, [*cited, *wholes])
